import * as vscode from 'vscode';
import type { Finding } from '../core/finding';
import type { FileSummary } from '../core/rule';
import type { LintService } from './engine';
import type { FindingStore } from './findings-store';
import type { Log } from './log';
import { readConfig } from './config';
import { DEFAULT_EXCLUDES } from './settings';

const SLICE_MS = 12;
const READ_AHEAD = 32;
const PROJECT_DEBOUNCE_MS = 400;

/** What a scan did. */
export interface ScanStats {
  total: number;
  done: number;
  findings: number;
  cancelled: boolean;
}

export interface ScanOptions {
  token?: vscode.CancellationToken;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Workspace scan: lints every file the engine understands (closed files from disk, open ones from
 * their buffer) in small batches that yield to the event loop, then runs the project rules over
 * the file summaries. After the first scan, a file watcher keeps closed files current.
 * Virtual (non-`file:`) folders are not scanned: only open documents are analysed there.
 */
export class WorkspaceScanner implements vscode.Disposable {
  private active = false;
  private running: Promise<ScanStats> | undefined;
  private readonly summaries = new Map<string, { folder: vscode.WorkspaceFolder; summary: FileSummary }>();
  private readonly disposables: vscode.Disposable[] = [];
  private projectTimer: NodeJS.Timeout | undefined;
  /** Files the watcher reported, linted in batches (a branch switch can touch thousands). */
  private readonly pending = new Map<string, vscode.Uri>();
  private draining = false;

  constructor(
    private readonly lint: LintService,
    private readonly store: FindingStore,
    private readonly log: Log,
  ) {
    const w = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      w,
      w.onDidCreate((u) => this.refresh(u)),
      w.onDidChange((u) => this.refresh(u)),
      w.onDidDelete((u) => this.forget(u)),
      lint.config.onDidChange(() => this.onConfigChanged()),
    );
  }

  /** Scans with a cancellable progress notification ("IoT Security: 120/10000 files"). */
  scanWithProgress(): Promise<ScanStats> {
    return Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'IoT Security: scanning', cancellable: true },
      async (progress, token) => {
        let last = 0;
        const stats = await this.scan({
          token,
          onProgress: (done, total) => {
            progress.report({ message: `${done}/${total} files`, increment: total ? ((done - last) * 100) / total : 100 });
            last = done;
          },
        });
        const msg = stats.cancelled
          ? `IoT Security: scan cancelled after ${stats.done}/${stats.total} files.`
          : `IoT Security: scanned ${stats.total} files, ${stats.findings} finding(s).`;
        void vscode.window.showInformationMessage(msg);
        return stats;
      },
    ));
  }

  /** Scans all `file:` workspace folders; a second call while one runs joins it. */
  scan(options: ScanOptions = {}): Promise<ScanStats> {
    this.running ??= this.doScan(options).finally(() => (this.running = undefined));
    return this.running;
  }

  private async doScan({ token, onProgress }: ScanOptions): Promise<ScanStats> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const files: Array<{ uri: vscode.Uri; folder: vscode.WorkspaceFolder }> = [];
    for (const folder of folders) {
      const settings = readConfig(folder.uri);
      if (!settings.enable) continue;
      const exclude = `{${[...DEFAULT_EXCLUDES, ...settings.exclude].join(',')}}`;
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), exclude, undefined, token);
      for (const uri of uris) if (this.lint.linter.languageFor(vscode.workspace.asRelativePath(uri, false))) files.push({ uri, folder });
    }
    const stats: ScanStats = { total: files.length, done: 0, findings: 0, cancelled: false };
    this.active = true;
    onProgress?.(0, stats.total);
    // Time-sliced: parsing is synchronous wasm work, so yield to the event loop whenever a slice has
    // used SLICE_MS (a batch of files linted back to back blocked the extension host for seconds).
    let sliceStart = performance.now();
    for (let i = 0; i < files.length && !token?.isCancellationRequested; i += READ_AHEAD) {
      // Reads overlap (I/O); linting is one file at a time.
      const batch = files.slice(i, i + READ_AHEAD);
      const texts = await Promise.all(batch.map((f) => this.readForScan(f.uri)));
      for (let j = 0; j < batch.length; j++) {
        if (token?.isCancellationRequested) break;
        stats.findings += await this.lintFile(batch[j].uri, texts[j]);
        stats.done++;
        if (performance.now() - sliceStart >= SLICE_MS) {
          onProgress?.(stats.done, stats.total);
          await new Promise((r) => setImmediate(r));
          sliceStart = performance.now();
        }
      }
    }
    onProgress?.(stats.done, stats.total);
    stats.cancelled = stats.done < stats.total;
    if (!stats.cancelled) stats.findings += await this.runProjectRules();
    this.log.info('scan', `${stats.done}/${stats.total} files, ${stats.findings} finding(s)${stats.cancelled ? ' (cancelled)' : ''}`);
    return stats;
  }

  /** Lints one file (open buffer or disk) into the store; returns its finding count. */
  private async readForScan(uri: vscode.Uri): Promise<string | undefined | Error> {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return undefined; // read at lint time
    return readIfSmall(uri, readConfig(uri).maxFileSizeKb).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  }

  private async lintFile(uri: vscode.Uri, prefetched?: string | Error): Promise<number> {
    try {
      if (prefetched instanceof Error) throw prefetched;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : prefetched ?? await readIfSmall(uri, readConfig(uri).maxFileSizeKb);
      const version = open?.version;
      const out = text === undefined ? undefined : await this.lint.lint(uri, text, open?.languageId);
      if (open && open.version !== version) return 0;
      if (!out) {
        this.summaries.delete(uri.toString());
        this.store.delete(uri);
        return 0;
      }
      const folder = out.scope.folder;
      if (folder && out.result.summary) this.summaries.set(uri.toString(), { folder, summary: out.result.summary });
      else this.summaries.delete(uri.toString());
      this.store.set(uri, out.result.findings, version, folder?.uri);
      return out.result.findings.length;
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') this.forget(uri);
      else this.log.error('scan', err);
      return 0;
    }
  }

  /** Project rules (absence, shared credentials) over the summaries of the last scan. */
  private async runProjectRules(): Promise<number> {
    const byFolder = new Map<string, { folder: vscode.WorkspaceFolder; files: FileSummary[] }>();
    for (const { folder, summary } of this.summaries.values()) {
      const g = byFolder.get(folder.uri.toString()) ?? { folder, files: [] };
      g.files.push(summary);
      byFolder.set(folder.uri.toString(), g);
    }
    const groups = new Map<string, { uri: vscode.Uri; folder: vscode.Uri; findings: Finding[] }>();
    let count = 0;
    for (const { folder, files } of byFolder.values()) {
      const { findings, ruleErrors } = this.lint.linter.lintProject(files, await this.lint.config.folderConfig(folder));
      for (const e of ruleErrors) this.log.warnOnce(`rule:${e.ruleId}`, `IoT Security: ${e.message}`);
      for (const f of findings) {
        const uri = vscode.Uri.joinPath(folder.uri, f.filePath);
        const g = groups.get(uri.toString()) ?? { uri, folder: folder.uri, findings: [] };
        g.findings.push(f);
        groups.set(uri.toString(), g);
        count++;
      }
    }
    this.store.setProject(groups);
    return count;
  }

  /** A closed document goes back to its on-disk findings once the workspace was scanned. */
  onDocumentClosed(uri: vscode.Uri): void {
    if (this.active && uri.scheme === 'file') void this.lintFile(uri);
  }

  private refresh(uri: vscode.Uri): void {
    if (!this.active || vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    if (!this.lint.linter.languageFor(vscode.workspace.asRelativePath(uri, false))) return;
    this.pending.set(uri.toString(), uri);
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      // Watcher bursts (a branch switch) are linted one file at a time, yielding after each.
      while (this.pending.size) {
        const [key, uri] = this.pending.entries().next().value as [string, vscode.Uri];
        this.pending.delete(key);
        await this.lintFile(uri);
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.draining = false;
    }
    this.scheduleProjectRules();
  }

  private forget(uri: vscode.Uri): void {
    const prefix = uri.toString() + '/';
    for (const key of [...this.pending.keys()]) if (key === uri.toString() || key.startsWith(prefix)) this.pending.delete(key);
    for (const f of [...this.store.all()]) {
      const key = f.uri.toString();
      if (key === uri.toString() || key.startsWith(prefix)) {
        this.summaries.delete(key);
        this.store.delete(f.uri);
      }
    }
    if (this.active) this.scheduleProjectRules();
  }

  private scheduleProjectRules(): void {
    clearTimeout(this.projectTimer);
    this.projectTimer = setTimeout(() => void this.runProjectRules().catch((e) => this.log.error('scan', e)), PROJECT_DEBOUNCE_MS);
  }

  private onConfigChanged(): void {
    if (!this.active) return;
    // Settings or .iotsec.yaml changed: closed-file results are stale; rescan quietly.
    for (const f of [...this.store.all()]) if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === f.uri.toString())) this.store.delete(f.uri);
    this.summaries.clear();
    this.store.setProject(new Map());
    void this.scan();
  }

  dispose(): void {
    clearTimeout(this.projectTimer);
    for (const d of this.disposables) d.dispose();
  }
}

async function readIfSmall(uri: vscode.Uri, maxKb: number): Promise<string | undefined> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > maxKb * 1024) return undefined;
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.subarray(0, 8192).includes(0)) return undefined; // binary
  return new TextDecoder().decode(bytes);
}
