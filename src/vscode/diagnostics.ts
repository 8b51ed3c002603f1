import * as vscode from 'vscode';
import type { LintService } from './engine';
import type { FindingStore } from './findings-store';
import type { Log } from './log';
import { toDiagnostic } from './convert';
import { readConfig } from './config';

const DEBOUNCE_MS = 200;

/** Mirrors the store into the one `DiagnosticCollection('iotsec')` (Problems, squiggles). */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('iotsec');
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: FindingStore) {
    this.subscription = store.onDidChange((uris) => uris.forEach((u) => this.publish(u)));
  }

  private publish(uri: vscode.Uri): void {
    const f = this.store.get(uri);
    if (!f) return void this.collection.delete(uri);
    this.collection.set(uri, [...f.findings, ...f.project].map((x) => toDiagnostic(x, f.folder, uri)));
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

/**
 * Lints open documents: on open, on change (debounced, `iotsec.run: onType`), on save; forgets
 * them on close. Results of a lint whose document changed meanwhile are dropped.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Called after a document closed (the workspace scan re-lints it from disk). */
  onClosed: (uri: vscode.Uri) => void = () => {};

  constructor(
    private readonly lint: LintService,
    private readonly store: FindingStore,
    private readonly log: Log,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && readConfig(e.document.uri).run === 'onType') this.schedule(e.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d)),
      lint.config.onDidChange(() => this.lintAll()),
    );
    this.lintAll();
  }

  /** Re-lints every open document (settings or config changed). */
  lintAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Lints `doc` now and waits for the result (commands and tests). */
  async lintNow(doc: vscode.TextDocument): Promise<void> {
    this.cancel(doc.uri);
    await this.run(doc);
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (!isLintable(doc)) return;
    this.cancel(doc.uri);
    const key = doc.uri.toString();
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.run(doc);
    }, delay));
  }

  private async run(doc: vscode.TextDocument): Promise<void> {
    const version = doc.version;
    try {
      const out = await this.lint.lint(doc.uri, doc.getText(), doc.languageId, true);
      if (doc.isClosed || doc.version !== version) return; // a newer lint is scheduled
      if (!out) return void this.store.delete(doc.uri);
      this.store.set(doc.uri, out.result.findings, version, out.scope.folder?.uri);
    } catch (err) {
      this.log.error('diagnostics', err);
    }
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private close(doc: vscode.TextDocument): void {
    this.cancel(doc.uri);
    this.lint.release(doc.uri);
    this.store.delete(doc.uri);
    this.onClosed(doc.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/** Real files and untitled buffers; not output channels, git views or our own docs. */
export function isLintable(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled' || doc.uri.scheme === 'vscode-remote' || doc.uri.scheme === 'vscode-vfs';
}
