import * as vscode from 'vscode';

/** A `LogOutputChannel` with component tags (background errors go here, not to toasts). */
export class Log implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly toasted = new Set<string>();

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  info(component: string, message: string): void {
    this.channel.info(`[${component}] ${message}`);
  }

  warn(component: string, message: string): void {
    this.channel.warn(`[${component}] ${message}`);
  }

  error(component: string, err: unknown): void {
    const text = `[${component}] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    this.channel.error(text);
    console.error(`iotsec ${text}`); // also reaches test and extension-host logs
  }

  /** Shows a toast once per session per key (e.g. one rule error), then only logs. */
  warnOnce(key: string, message: string): void {
    this.warn('toast', message);
    if (this.toasted.has(key)) return;
    this.toasted.add(key);
    void vscode.window.showWarningMessage(message, 'Show Output').then((a) => a && this.channel.show(true));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
