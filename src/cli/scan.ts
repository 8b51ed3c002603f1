import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { keywordScanModule } from '../core/byte-automaton';
import type { ResolvedConfig } from '../core/config';
import type { Finding } from '../core/finding';
import type { ScanReport, SkippedFile } from '../core/formatters/scan-report';
import type { LanguageId } from '../core/language';
import type { Linter } from '../core/linter';
import type { FileSummary, WorkspaceFacts } from '../core/rule';
import { analyzeFile, createCliLinter, finishFile, type FileOutcome, type PrefilterOutcome } from './analyze';
import { walk } from './files';

export interface ScanOptions {
  root: string;
  /** Workspace-relative files or folders to scan (default: the whole root). */
  paths?: string[];
  config: ResolvedConfig;
  /** Worker threads; 1 = in-process. Default: all cores. */
  jobs?: number;
  toolVersion: string;
}

export interface ScanResult extends Omit<ScanReport, 'configProblems'> {
  summaries: FileSummary[];
}

// Files a worker claims at a time: small enough that threads finish close together, large enough
// that the results it posts per claim are few messages.
const CLAIM = 16;
// Below this many files, a worker's start-up (its engine and keyword automaton) costs more than it saves.
const MIN_FILES_FOR_WORKERS = 200;

/** Scans a folder: walk, analyse every file (in workers when large), then run project rules. */
export async function scan(opts: ScanOptions, linter: Linter = createCliLinter()): Promise<ScanResult> {
  const t0 = performance.now();
  const jobs = Math.max(1, opts.jobs ?? availableParallelism());
  // jobs - 1 workers run the keyword pass; this thread parses what they select and analyses files
  // too. Workers start before the walk: each loads its engine while this thread reads the tree.
  const pool = jobs > 1
    ? new WorkerPool({ root: opts.root, config: stripRegexes(opts.config), keywordScanModule: keywordScanModule() }, jobs - 1, (f) => linter.languageFor(f)!.id)
    : undefined;
  try {
    const wanted = opts.paths?.length ? opts.paths.map((p) => p.replace(/(?<!\/)\/+$/, '')) : undefined;
    const files: string[] = [];
    // Workers start on files while this thread is still reading the tree (a cold directory cache can
    // make the walk take half a second).
    const walked = await walk(opts.root, {
      exclude: opts.config.exclude,
      onFile: (f) => {
        if ((!wanted || wanted.some((w) => w === '' || w === '.' || f === w || f.startsWith(w + '/'))) && linter.languageFor(f)) {
          files.push(f);
          pool?.offer(files);
        }
      },
    });
    pool?.endWalk(files);
    const knowsGit = walked.hasGitignore || existsSync(join(opts.root, '.git'));
    const workspace: WorkspaceFacts = { isGitIgnored: (p) => (knowsGit ? walked.isGitIgnored(p) : undefined) };

    const findings: Finding[] = [];
    const skipped: SkippedFile[] = [];
    const summaries: FileSummary[] = [];
    const report: ScanResult = { root: opts.root, toolVersion: opts.toolVersion, findings, skipped, parseErrors: [], ruleErrors: [], summaries, stats: { files: 0, parsed: 0, bytes: 0, durationMs: 0 } };
    // Outcomes are folded in as they arrive (a claim at a time) instead of being held for all files;
    // the per-file lists are put in path order afterwards so the report does not depend on scheduling.
    const take = (o: FileOutcome): void => {
      report.stats.files++;
      report.stats.bytes += o.bytes;
      if (o.parsed) report.stats.parsed++;
      if (o.skipped) skipped.push(o.skipped);
      for (const f of o.findings) findings.push(f);
      for (const e of o.parseErrors) report.parseErrors.push(e);
      for (const e of o.ruleErrors) report.ruleErrors.push(e);
      if (o.summary) summaries.push(o.summary);
    };
    if (pool?.engaged) {
      await pool.run(files, take, {
        analyze: (f) => analyzeFile(linter, opts.root, f, opts.config, workspace),
        finish: (o) => finishFile(linter, o, opts.config, workspace),
      });
      // Threads finish files in any order: put the per-file lists in path order (stable: a file's own order is kept).
      const byPath = (a: { filePath: string }, b: { filePath: string }): number => a.filePath.localeCompare(b.filePath);
      summaries.sort(byPath);
      skipped.sort(byPath);
      report.parseErrors.sort(byPath);
      report.ruleErrors.sort(byPath);
    } else {
      pool?.close();
      await analyzeInProcess(linter, opts, files, workspace, take);
    }
    skipped.unshift(...walked.unreadable.map((u) => ({ ...u })));
    const project = linter.lintProject(summaries, opts.config);
    findings.push(...project.findings);
    report.ruleErrors.push(...project.ruleErrors);
    findings.sort((a, b) => a.filePath.localeCompare(b.filePath) || a.range[0] - b.range[0] || a.ruleId.localeCompare(b.ruleId));
    report.stats.durationMs = performance.now() - t0;
    return report;
  } finally {
    pool?.close();
  }
}

async function analyzeInProcess(linter: Linter, opts: ScanOptions, files: string[], workspace: WorkspaceFacts, take: (o: FileOutcome) => void): Promise<void> {
  for (const f of files) take(await analyzeFile(linter, opts.root, f, opts.config, workspace));
}

/** Message protocol with dist/scan-worker.js: `workerData` at start, then one `WorkerJob`. */
export interface WorkerInit {
  root: string;
  config: ResolvedConfig;
  /** The keyword scan's compiled WebAssembly module (see webassembly-tiers.ts); undefined without WebAssembly. */
  keywordScanModule?: object;
}

/**
 * The one message a worker gets after `workerData`. Files arrive on `files` (`FileBatch`es, in walk
 * order) while the walk goes on; every thread claims them by index from the shared counters.
 */
export interface WorkerJob {
  files: MessagePort;
  /** Int32 [NEXT]: next unclaimed index (Atomics.add by every thread); [POSTED]: files posted so far (waited on); [WALKED]: 1 once all are posted. */
  state: SharedArrayBuffer;
  claim: number;
}

/** Paths and their languages (the walk has worked them out; a worker need not). */
export interface FileBatch {
  paths: string[];
  languages: LanguageId[];
}

export const NEXT = 0;
export const POSTED = 1;
export const WALKED = 2;
// Paths posted to the workers at a time while walking.
const POST_EVERY = 256;

/** What a worker posts: outcomes of one claim, or that there is nothing left to claim. */
export type WorkerReport = { outcomes: PrefilterOutcome[] } | { done: true };

/** What this thread does besides answering the workers. */
interface LocalWork {
  /** The whole pipeline for a file nobody has taken yet. */
  analyze(file: string): Promise<FileOutcome>;
  /** Parse and rules for a file a worker selected. */
  finish(outcome: PrefilterOutcome): Promise<FileOutcome>;
}

/**
 * Worker threads that run the keyword pass, while this thread parses what they select and, when it
 * has nothing of theirs to finish, analyses files itself. Every thread claims files from one shared
 * counter: a worker never waits for this thread (which may be parsing a large file) to hand it work.
 */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];
  private readonly state = new Int32Array(new SharedArrayBuffer(12));
  private posted = 0;
  private closing = false;
  private failure: Error | undefined;
  private onError: ((err: Error) => void) | undefined;
  /** Reports that arrived before `run` (workers start on files during the walk). */
  private readonly inbox: WorkerReport[] = [];
  private onReport: (() => void) | undefined;

  /** `languageOf`: the language of a walked file (the walk keeps only files that have one). */
  constructor(init: WorkerInit, jobs: number, private readonly languageOf: (path: string) => LanguageId) {
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(join(__dirname, 'scan-worker.js'), { workerData: init });
      const fail = (err: Error): void => {
        this.failure ??= err;
        this.onError?.(err);
      };
      w.on('error', fail);
      // A worker that dies without an error event (killed, out of memory) must not leave the scan waiting.
      w.on('exit', (code) => {
        if (!this.closing) fail(new Error(`scan worker exited unexpectedly (code ${code})`));
      });
      w.on('message', (report: WorkerReport) => {
        this.inbox.push(report);
        this.onReport?.();
      });
      const { port1, port2 } = new MessageChannel();
      const job: WorkerJob = { files: port2, state: this.state.buffer as SharedArrayBuffer, claim: CLAIM };
      w.postMessage(job, [port2]);
      this.workers.push(w);
      this.ports.push(port1);
    }
  }

  /** Whether the workers get files: the tree has enough of them to repay their start-up. */
  get engaged(): boolean {
    return this.posted > 0;
  }

  /** Posts the files found since the last call, once there are enough of them. */
  offer(files: readonly string[]): void {
    if (files.length - this.posted >= POST_EVERY && files.length >= MIN_FILES_FOR_WORKERS) this.post(files);
  }

  /** The walk is over: posts the rest (if the workers are in use) and lets them finish. */
  endWalk(files: readonly string[]): void {
    if (this.engaged || files.length >= MIN_FILES_FOR_WORKERS) this.post(files);
    Atomics.store(this.state, WALKED, 1);
    Atomics.notify(this.state, POSTED);
  }

  private post(files: readonly string[]): void {
    if (files.length === this.posted) return;
    const paths = files.slice(this.posted);
    const batch: FileBatch = { paths, languages: paths.map(this.languageOf) };
    for (const port of this.ports) port.postMessage(batch);
    this.posted = files.length;
    // After the message: a worker woken by this has it waiting on its port.
    Atomics.store(this.state, POSTED, this.posted);
    Atomics.notify(this.state, POSTED);
  }

  run(files: string[], take: (o: FileOutcome) => void, local: LocalWork): Promise<void> {
    const state = this.state;
    let working = this.workers.length;
    const toFinish: PrefilterOutcome[] = [];
    let wake: (() => void) | undefined;
    const fold = (): void => {
      for (const report of this.inbox.splice(0)) {
        if ('done' in report) working--;
        else {
          for (const o of report.outcomes) {
            if (o.content) toFinish.push(o);
            else take({ filePath: o.filePath, bytes: o.bytes, parsed: false, skipped: o.skipped, findings: [], parseErrors: [], ruleErrors: [] });
          }
        }
      }
    };
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.onError = (err) => {
        reject(err);
        wake?.();
      };
      this.onReport = () => wake?.();
      void (async () => {
        for (;;) {
          if (this.failure) return;
          fold();
          // Workers' selections first: they are the part only this thread can do.
          const selected = toFinish.shift();
          let claimed: number;
          if (selected) take(await local.finish(selected));
          else if ((claimed = Atomics.add(state, NEXT, 1)) < files.length) take(await local.analyze(files[claimed]));
          else if (working > 0) await new Promise<void>((r) => (wake = r));
          else break;
          wake = undefined;
          // Let worker messages in between files.
          await new Promise((r) => setImmediate(r));
        }
        resolve();
      })().catch(reject);
    });
  }

  close(): void {
    this.closing = true;
    // Workers still waiting for files see the walk end, then stop.
    Atomics.store(this.state, WALKED, 1);
    Atomics.notify(this.state, POSTED);
    for (const port of this.ports.splice(0)) port.close();
    for (const w of this.workers.splice(0)) void w.terminate();
  }
}

// RegExps do not survive structured clone as compiled objects; workers recompile from the config's patterns.
function stripRegexes(config: ResolvedConfig): ResolvedConfig {
  return { ...config, settings: { ...config.settings, secretPatterns: undefined } };
}
