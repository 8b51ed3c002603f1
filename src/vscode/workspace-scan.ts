import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ResolvedConfig } from '../core/config';
import type { Finding } from '../core/finding';
import type { FileSummary } from '../core/rule';
import type { LintService } from './engine';
import type { FindingStore } from './findings-store';
import type { Log } from './log';
import type { FileOutcome, ScanFile } from './scan-protocol';
import { readConfig } from './config';
import { ScanPool } from './scan-pool';
import { DEFAULT_EXCLUDES } from './settings';

const SLICE_MS = 12;
const READ_AHEAD = 32;
// Files per worker message: big enough that messaging is noise, small enough that cancelling loses little.
const BATCH = 32;
const PROJECT_DEBOUNCE_MS = 400;

/** What a scan did. */
export interface ScanStats {
  total: number;
  done: number;
  findings: number;
  /** Files analysed in the worker thread (the others: open documents, or no worker could start). */
  inWorker: number;
  cancelled: boolean;
}

export interface ScanOptions {
  token?: vscode.CancellationToken;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Workspace scan: lints every file the engine understands, then runs the project rules over the
 * file summaries. Closed files are analysed from disk in a worker thread (the CLI's engine), so a
 * big parse never blocks the extension host; open documents are linted from their buffers here,
 * in slices that yield to the event loop (and so is everything when no worker can start). After
 * the first scan, a file watcher keeps closed files current through the same worker.
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
  private disposed = false;
  private readonly pool: ScanPool;
  /** Latest worker request per file: an outcome overtaken by a newer request is dropped. */
  private readonly requests = new Map<string, number>();
  private requestSeq = 0;

  constructor(
    private readonly lint: LintService,
    private readonly store: FindingStore,
    private readonly log: Log,
    workerScript = path.join(__dirname, 'vscode-scan-worker.js'), // next to dist/extension.js
  ) {
    this.pool = new ScanPool(workerScript, (message, err) => log.error('scan', `${message}: ${err instanceof Error ? err.message : String(err)}`));
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
    const files = await this.listFiles(slicer(() => {}), token);
    const stats: ScanStats = { total: files.length, done: 0, findings: 0, inWorker: 0, cancelled: false };
    this.active = true;
    const report = (): void => onProgress?.(stats.done, stats.total);
    report();
    // Open documents from their buffers (they may differ from disk) here; closed files from disk in the worker.
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const tick = slicer(report);
    await this.lintInThread(files.filter((u) => open.has(u.toString())), stats, tick, token);
    const stop = token?.onCancellationRequested(() => this.pool.cancel());
    try {
      await this.lintFromDisk(files.filter((u) => !open.has(u.toString())), stats, tick, report, token);
    } finally {
      stop?.dispose();
    }
    report();
    stats.cancelled = stats.done < stats.total;
    if (!stats.cancelled) stats.findings += await this.runProjectRules();
    this.log.info('scan', `${stats.done}/${stats.total} files, ${stats.findings} finding(s)${stats.cancelled ? ' (cancelled)' : ''}`);
    return stats;
  }

  /** Files of every enabled `file:` folder that the engine understands, minus the excludes. */
  private async listFiles(tick: () => Promise<void>, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const files: vscode.Uri[] = [];
    for (const folder of (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file')) {
      const settings = readConfig(folder.uri);
      if (!settings.enable) continue;
      const exclude = `{${[...DEFAULT_EXCLUDES, ...settings.exclude].join(',')}}`;
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), exclude, undefined, token);
      for (const uri of uris) {
        if (this.lint.languageFor(vscode.workspace.asRelativePath(uri, false))) files.push(uri);
        await tick(); // tens of thousands of paths
      }
    }
    return files;
  }

  /** Lints files here, one at a time, yielding to the event loop between slices (reads overlap). */
  private async lintInThread(uris: readonly vscode.Uri[], stats: Tally, tick: () => Promise<void>, token?: vscode.CancellationToken): Promise<void> {
    for (let i = 0; i < uris.length && !token?.isCancellationRequested; i += READ_AHEAD) {
      const batch = uris.slice(i, i + READ_AHEAD);
      const texts = await Promise.all(batch.map((u) => this.readForScan(u)));
      for (let j = 0; j < batch.length && !token?.isCancellationRequested; j++) {
        stats.findings += await this.lintFile(batch[j], texts[j]);
        stats.done++;
        await tick();
      }
    }
  }

  /**
   * Closed files from disk, analysed in the worker: the host plans each file (settings, config,
   * excludes, git facts) and sends batches per folder and config, a few in flight; outcomes go to
   * the store here. Files no worker can take are linted in this thread.
   */
  private async lintFromDisk(uris: readonly vscode.Uri[], stats: Tally, tick: () => Promise<void>, onBatch: () => void, token?: vscode.CancellationToken): Promise<void> {
    const inflight = new Set<Promise<void>>();
    for (let i = 0; i < uris.length && !token?.isCancellationRequested; i += BATCH) {
      const chunk = uris.slice(i, i + BATCH);
      if (!this.pool.available) {
        await this.lintInThread(chunk, stats, tick, token);
        continue;
      }
      for (const batch of await this.planBatches(chunk, stats, tick)) {
        if (token?.isCancellationRequested) break; // (while planning) a new batch would start a new worker
        const p: Promise<void> = this.runBatch(batch, stats, tick, token).then(onBatch).finally(() => inflight.delete(p));
        inflight.add(p);
        while (inflight.size >= this.pool.capacity) await Promise.race(inflight);
      }
    }
    await Promise.all(inflight);
  }

  /** Groups files by folder and config into worker batches; files that would not be linted are settled here. */
  private async planBatches(uris: readonly vscode.Uri[], stats: Tally, tick: () => Promise<void>): Promise<Batch[]> {
    const batches: Batch[] = [];
    for (const uri of uris) {
      const plan = await this.lint.plan(uri);
      const folder = plan?.scope.folder;
      if (!plan || !folder) {
        stats.findings += plan ? await this.lintFile(uri) : this.record(uri, undefined); // disabled, excluded or not ours
        stats.done++;
        continue;
      }
      const { scope, workspace } = plan;
      let b = batches.find((x) => x.folder === folder && x.config === scope.config);
      if (!b) batches.push((b = { folder, config: scope.config, uris: [], files: [] }));
      b.uris.push(uri);
      b.files.push({
        filePath: scope.relPath,
        maxFileSizeKb: Math.min(scope.settings.maxFileSizeKb, scope.config.maxFileSizeKb),
        gitIgnored: workspace.isGitIgnored(scope.relPath),
      });
      await tick();
    }
    return batches;
  }

  /** One batch through the worker; a failed worker's files are linted here, a cancelled batch is dropped. */
  private async runBatch(batch: Batch, stats: Tally, tick: () => Promise<void>, token?: vscode.CancellationToken): Promise<void> {
    const requests = batch.uris.map((u) => this.request(u));
    const out = await this.pool.run(batch.folder.uri.fsPath, batch.config, batch.files);
    if (out === 'failed') return this.lintInThread(batch.uris, stats, tick, token);
    if (out === 'cancelled') {
      batch.uris.forEach((u, j) => this.requests.get(u.toString()) === requests[j] && this.requests.delete(u.toString()));
      // A scan cancelled under a watcher batch: those files still need linting.
      if (!token && !this.disposed) for (const u of batch.uris) this.pending.set(u.toString(), u);
      return;
    }
    for (let j = 0; j < out.length; j++) {
      const uri = batch.uris[j];
      // Superseded by a newer request for the file, or opened meanwhile (the editor lints its buffer).
      if (this.requests.get(uri.toString()) === requests[j] && !isOpen(uri)) stats.findings += this.recordOutcome(uri, batch.folder, out[j]);
      stats.done++;
      stats.inWorker++;
      await tick();
    }
  }

  private request(uri: vscode.Uri): number {
    this.requests.set(uri.toString(), ++this.requestSeq);
    return this.requestSeq;
  }

  private recordOutcome(uri: vscode.Uri, folder: vscode.WorkspaceFolder, o: FileOutcome): number {
    this.requests.delete(uri.toString());
    for (const e of o.ruleErrors) this.log.warnOnce(`rule:${e.ruleId}`, `IoT Security: ${e.message}`);
    if (o.skipped?.reason.startsWith('analysis failed')) this.log.warn('scan', `${uri.fsPath}: ${o.skipped.reason}`);
    return this.record(uri, o.skipped ? undefined : { folder, findings: o.findings, summary: o.summary });
  }

  /** Stores what linting a file gave (undefined: not linted, e.g. too large or binary); returns its finding count. */
  private record(uri: vscode.Uri, out: { folder?: vscode.WorkspaceFolder; findings: readonly Finding[]; summary?: FileSummary; version?: number } | undefined): number {
    const key = uri.toString();
    if (!out) {
      this.summaries.delete(key);
      this.store.delete(uri);
      return 0;
    }
    if (out.folder && out.summary) this.summaries.set(key, { folder: out.folder, summary: out.summary });
    else this.summaries.delete(key);
    this.store.set(uri, out.findings, out.version, out.folder?.uri);
    return out.findings.length;
  }

  /** Reads a closed file ahead of `lintFile` (open documents are read at lint time). */
  private async readForScan(uri: vscode.Uri): Promise<string | undefined | Error> {
    if (isOpen(uri)) return undefined; // read at lint time
    return readIfSmall(uri, readConfig(uri).maxFileSizeKb).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  }

  /** Lints one file (open buffer or disk) here into the store; returns its finding count. */
  private async lintFile(uri: vscode.Uri, prefetched?: string | Error): Promise<number> {
    this.requests.delete(uri.toString());
    try {
      if (prefetched instanceof Error) throw prefetched;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : prefetched ?? await readIfSmall(uri, readConfig(uri).maxFileSizeKb);
      const version = open?.version;
      const out = text === undefined ? undefined : await this.lint.lint(uri, text, open?.languageId);
      if (open && open.version !== version) return 0;
      return this.record(uri, out && { folder: out.scope.folder, findings: out.result.findings, summary: out.result.summary, version });
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
      const config = await this.lint.config.folderConfig(folder);
      // In the worker when there is one: building the engine here would block this thread.
      const inWorker = this.pool.available ? await this.pool.project(config, files) : 'failed';
      if (inWorker === 'cancelled') return count;
      const { findings, ruleErrors } = inWorker === 'failed' ? this.lint.linter.lintProject(files, config) : inWorker;
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
    if (!this.active || uri.scheme !== 'file') return;
    this.pending.set(uri.toString(), uri);
    void this.drain();
  }

  private refresh(uri: vscode.Uri): void {
    if (!this.active || isOpen(uri)) return;
    if (!this.lint.languageFor(vscode.workspace.asRelativePath(uri, false))) return;
    this.pending.set(uri.toString(), uri);
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      // Watcher bursts (a branch switch can touch thousands of files) go through the worker like a scan.
      while (this.pending.size && !this.disposed) {
        const uris = [...this.pending.values()].slice(0, BATCH * this.pool.capacity);
        for (const u of uris) this.pending.delete(u.toString());
        await this.lintFromDisk(uris, { done: 0, findings: 0, inWorker: 0 }, slicer(() => {}), () => {});
      }
    } catch (err) {
      this.log.error('scan', err);
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
    for (const f of [...this.store.all()]) if (!isOpen(f.uri)) this.store.delete(f.uri);
    this.summaries.clear();
    this.store.setProject(new Map());
    void this.scan();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.projectTimer);
    this.pool.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Files done and findings so far (a scan's progress). */
type Tally = Pick<ScanStats, 'done' | 'findings' | 'inWorker'>;

/** Closed files of one folder and config, for the worker. */
interface Batch {
  folder: vscode.WorkspaceFolder;
  config: ResolvedConfig;
  uris: vscode.Uri[];
  files: ScanFile[];
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
}

/**
 * A `tick()` to await after each unit of work: once the current slice used SLICE_MS it calls
 * `onYield` and yields to the event loop (parsing and planning are synchronous work).
 */
function slicer(onYield: () => void): () => Promise<void> {
  let start = performance.now();
  return async () => {
    if (performance.now() - start < SLICE_MS) return;
    onYield();
    await new Promise((r) => setImmediate(r));
    start = performance.now();
  };
}

async function readIfSmall(uri: vscode.Uri, maxKb: number): Promise<string | undefined> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > maxKb * 1024) return undefined;
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.subarray(0, 8192).includes(0)) return undefined; // binary
  return new TextDecoder().decode(bytes);
}
