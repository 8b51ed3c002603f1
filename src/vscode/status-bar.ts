import * as vscode from 'vscode';
import type { FindingStore } from './findings-store';

/** Status bar item with finding counts by severity; click opens the Problems view. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('iotsec.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: FindingStore) {
    this.item.name = 'IoT Security';
    this.item.command = 'workbench.actions.view.problems';
    // Many files change at once during a scan: coalesce updates.
    this.subscription = store.onDidChange(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), 50);
    });
    this.update();
  }

  private update(): void {
    const c = this.store.counts();
    this.item.text = `$(shield) $(error) ${c.error} $(warning) ${c.warning} $(info) ${c.info}`;
    this.item.tooltip = `IoT Security: ${c.error} error(s), ${c.warning} warning(s), ${c.info} info — click to open Problems`;
    this.item.accessibilityInformation = { label: `IoT Security: ${c.error} errors, ${c.warning} warnings, ${c.info} infos` };
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.item.dispose();
  }
}
