import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config';
import type { Finding } from '../core/finding';
import type { ScanReport, SkippedFile } from '../core/formatters/scan-report';
import type { Linter } from '../core/linter';
import type { FileSummary, WorkspaceFacts } from '../core/rule';
import { analyzeFile, createCliLinter, type FileOutcome } from './analyze';
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
// Below this many candidate files, worker start-up (grammar loading per thread) costs more than it saves.
const MIN_FILES_FOR_WORKERS = 200;

/** Scans a folder: walk, analyse every file (in workers when large), then run project rules. */
export async function scan(opts: ScanOptions, linter: Linter = createCliLinter()): Promise<ScanResult> {
  const t0 = performance.now();
  const walked = await walk(opts.root, { exclude: opts.config.exclude });
  const wanted = opts.paths?.length ? opts.paths.map((p) => p.replace(/(?<!\/)\/+$/, '')) : undefined;
  const files = walked.files.filter((f) => (!wanted || wanted.some((w) => w === '' || w === '.' || f === w || f.startsWith(w + '/'))) && linter.languageFor(f));
  const knowsGit = walked.hasGitignore || existsSync(join(opts.root, '.git'));
  const workspace: WorkspaceFacts = { isGitIgnored: (p) => (knowsGit ? walked.isGitIgnored(p) : undefined) };
  const jobs = Math.max(1, opts.jobs ?? availableParallelism());

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
  if (jobs > 1 && files.length >= MIN_FILES_FOR_WORKERS) {
    await analyzeInWorkers(opts, files, jobs, knowsGit, take);
    // Workers finish batches in any order: put the per-file lists in path order (stable: a file's own order is kept).
    const byPath = (a: { filePath: string }, b: { filePath: string }): number => a.filePath.localeCompare(b.filePath);
    summaries.sort(byPath);
    skipped.sort(byPath);
    report.parseErrors.sort(byPath);
    report.ruleErrors.sort(byPath);
  } else {
    await analyzeInProcess(linter, opts, files, workspace, take);
  }
  skipped.unshift(...walked.unreadable.map((u) => ({ ...u })));
  const project = linter.lintProject(summaries, opts.config);
  findings.push(...project.findings);
  report.ruleErrors.push(...project.ruleErrors);
  findings.sort((a, b) => a.filePath.localeCompare(b.filePath) || a.range[0] - b.range[0] || a.ruleId.localeCompare(b.ruleId));
  report.stats.durationMs = performance.now() - t0;
  return report;
}

async function analyzeInProcess(linter: Linter, opts: ScanOptions, files: string[], workspace: WorkspaceFacts, take: (o: FileOutcome) => void): Promise<void> {
  for (const f of files) take(await analyzeFile(linter, opts.root, f, opts.config, workspace));
}

/** Message protocol with dist/scan-worker.js. */
export interface WorkerInit {
  root: string;
  config: ResolvedConfig;
  hasGitignore: boolean;
}

function analyzeInWorkers(opts: ScanOptions, files: string[], jobs: number, hasGitignore: boolean, take: (o: FileOutcome) => void): Promise<void> {
  const script = join(__dirname, 'scan-worker.js');
  let next = 0;
  return new Promise((resolve, reject) => {
    let live = 0;
    const init: WorkerInit = { root: opts.root, config: stripRegexes(opts.config), hasGitignore };
    for (let i = 0; i < Math.min(jobs, Math.ceil(files.length / BATCH)); i++) {
      const w = new Worker(script, { workerData: init });
      live++;
      let outstanding = 0;
      const feed = (): void => {
        if (next >= files.length) {
          if (outstanding === 0) void w.terminate();
          return;
        }
        const batch = files.slice(next, next + BATCH);
        next += BATCH;
        outstanding++;
        w.postMessage(batch);
      };
      w.on('message', (batch: FileOutcome[]) => {
        outstanding--;
        for (const o of batch) take(o);
        feed();
      });
      w.on('error', reject);
      w.on('exit', () => {
        if (--live === 0) resolve();
      });
      // Two batches in flight: the worker starts the next one while this thread folds in the last.
      feed();
      feed();
    }
  });
}

// RegExps do not survive structured clone as compiled objects; workers recompile from the config's patterns.
function stripRegexes(config: ResolvedConfig): ResolvedConfig {
  return { ...config, settings: { ...config.settings, secretPatterns: undefined } };
}
