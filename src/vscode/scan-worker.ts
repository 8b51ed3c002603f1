/**
 * Worker thread of the editor's workspace scan (bundled to dist/vscode-scan-worker.js): analyses
 * batches of closed files from disk with the CLI's engine, so a big file's synchronous parse never
 * blocks the extension host, and runs the project rules over their summaries. No `vscode` here: the host resolves settings, config and git facts.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config';
import { analyzeFile, createCliLinter } from '../cli/analyze';
import { decodeConfig } from './scan-protocol';
import type { BatchMessage, BatchResult, FromWorker, ProjectResult, ToWorker } from './scan-protocol';

// Below the extension host's thread: on a busy machine the editor stays responsive and the scan gets
// the spare CPU. Linux only: there a thread has its own nice value; elsewhere it is the whole process's.
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // not permitted: the scan runs at normal priority
  }
}

// One engine per thread; grammars load from the bundle's folder (dist/) on first use.
const linter = createCliLinter();
const configs = new Map<number, ResolvedConfig>();
// The extension host lints without a time budget (it never skips a slow file); so does its worker.
const noBudget = (): undefined => undefined;

function configFor(id: number, maxFileSizeKb: number): ResolvedConfig {
  const base = configs.get(id);
  if (!base) throw new Error(`scan worker: unknown config ${id}`);
  return base.maxFileSizeKb === maxFileSizeKb ? base : { ...base, maxFileSizeKb };
}

async function analyzeBatch(m: BatchMessage): Promise<BatchResult> {
  const outcomes = [];
  for (const f of m.files) {
    const isGitIgnored = (p: string): boolean | undefined => (p === f.filePath ? f.gitIgnored : undefined);
    outcomes.push(await analyzeFile(linter, m.root, f.filePath, configFor(m.config, f.maxFileSizeKb), { isGitIgnored }, noBudget));
  }
  return { kind: 'batch', id: m.id, outcomes };
}

parentPort!.on('message', (m: ToWorker) => {
  if (m.kind === 'config') configs.set(m.id, decodeConfig(m));
  else if (m.kind === 'batch') void analyzeBatch(m).then((r) => parentPort!.postMessage(r));
  else parentPort!.postMessage({ kind: 'project', id: m.id, ...linter.lintProject(m.summaries, configs.get(m.config)) } satisfies ProjectResult);
});
parentPort!.postMessage({ kind: 'ready' } satisfies FromWorker);
