import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config';
import type { Finding } from '../core/finding';
import type { ScanReport, SkippedFile } from '../core/formatters/scan-report';
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

// Batches are small enough that two workers finish close together, large enough that messaging is noise.
const BATCH = 32;
// This thread's share is taken a few files at a time: it also has to answer the workers.
const LOCAL_BATCH = 4;
// Below this many candidate files, worker start-up (grammar loading per thread) costs more than it saves.
const MIN_FILES_FOR_WORKERS = 200;

/** Scans a folder: walk, analyse every file (in workers when large), then run project rules. */
export async function scan(opts: ScanOptions, linter: Linter = createCliLinter()): Promise<ScanResult> {
  const t0 = performance.now();
  const jobs = Math.max(1, opts.jobs ?? availableParallelism());
  // This thread analyses too, beside jobs - 1 workers (one engine fewer to load). Workers start
  // before the walk: each loads its engine while this thread reads the tree.
  const pool = jobs > 1 ? new WorkerPool({ root: opts.root, config: stripRegexes(opts.config) }, jobs - 1) : undefined;
  try {
    const walked = await walk(opts.root, { exclude: opts.config.exclude });
    const wanted = opts.paths?.length ? opts.paths.map((p) => p.replace(/(?<!\/)\/+$/, '')) : undefined;
    const files = walked.files.filter((f) => (!wanted || wanted.some((w) => w === '' || w === '.' || f === w || f.startsWith(w + '/'))) && linter.languageFor(f));
    const knowsGit = walked.hasGitignore || existsSync(join(opts.root, '.git'));
    const workspace: WorkspaceFacts = { isGitIgnored: (p) => (knowsGit ? walked.isGitIgnored(p) : undefined) };

    const findings: Finding[] = [];
    const skipped: SkippedFile[] = [];
    const summaries: FileSummary[] = [];
    const report: ScanResult = { root: opts.root, toolVersion: opts.toolVersion, findings, skipped, parseErrors: [], ruleErrors: [], summaries, stats: { files: 0, parsed: 0, bytes: 0, durationMs: 0 } };
    // Outcomes are folded in as they arrive (a batch at a time) instead of being held for all files;
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
    if (pool && files.length >= MIN_FILES_FOR_WORKERS) {
      await pool.run(files, take, {
        analyze: (f) => analyzeFile(linter, opts.root, f, opts.config, workspace),
        finish: (o) => finishFile(linter, o, opts.config, workspace),
      });
      // Workers finish batches in any order: put the per-file lists in path order (stable: a file's own order is kept).
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

/** Message protocol with dist/scan-worker.js: `workerData` at start, then batches. */
export interface WorkerInit {
  root: string;
  config: ResolvedConfig;
}

export interface WorkerBatch {
  files: string[];
}

/** What this thread does besides answering the workers. */
interface LocalWork {
  /** The whole pipeline for a file nobody has taken yet. */
  analyze(file: string): Promise<FileOutcome>;
  /** Parse and rules for a file a worker selected. */
  finish(outcome: PrefilterOutcome): Promise<FileOutcome>;
}

/**
 * Worker threads that run the keyword pass on batches of files (two batches in flight per worker),
 * while this thread parses what they select and, when it has nothing of theirs to finish, analyses
 * files of the same queue itself.
 */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private closing = false;
  private failure: Error | undefined;
  private onError: ((err: Error) => void) | undefined;

  constructor(init: WorkerInit, jobs: number) {
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
      this.workers.push(w);
    }
  }

  run(files: string[], take: (o: FileOutcome) => void, local: LocalWork): Promise<void> {
    let next = 0;
    let outstanding = 0;
    const toFinish: PrefilterOutcome[] = [];
    let wake: (() => void) | undefined;
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.onError = (err) => {
        reject(err);
        wake?.();
      };
      const feed = (w: Worker): void => {
        if (next >= files.length) return;
        const batch: WorkerBatch = { files: files.slice(next, next + BATCH) };
        next += batch.files.length;
        outstanding++;
        w.postMessage(batch);
      };
      for (const w of this.workers) {
        w.on('message', (outcomes: PrefilterOutcome[]) => {
          outstanding--;
          for (const o of outcomes) {
            if (o.content) toFinish.push(o);
            else take({ filePath: o.filePath, bytes: o.bytes, parsed: false, skipped: o.skipped, findings: [], parseErrors: [], ruleErrors: [] });
          }
          feed(w);
          wake?.();
        });
        // Two batches in flight: a worker starts the next one while this thread folds in the last.
        feed(w);
        feed(w);
      }
      void (async () => {
        for (;;) {
          if (this.failure) return;
          // Workers' selections first: they are the part only this thread can do.
          const selected = toFinish.shift();
          if (selected) take(await local.finish(selected));
          else if (next < files.length) {
            for (const f of files.slice(next, (next += LOCAL_BATCH))) take(await local.analyze(f));
          } else if (outstanding > 0) await new Promise<void>((r) => (wake = r));
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
    for (const w of this.workers.splice(0)) void w.terminate();
  }
}

// RegExps do not survive structured clone as compiled objects; workers recompile from the config's patterns.
function stripRegexes(config: ResolvedConfig): ResolvedConfig {
  return { ...config, settings: { ...config.settings, secretPatterns: undefined } };
}
