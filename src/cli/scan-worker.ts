import { parentPort, workerData } from 'node:worker_threads';
import type { WorkspaceFacts } from '../core/rule';
import { analyzeFile, createCliLinter, type FileOutcome } from './analyze';
import { compileSecretPatterns } from './config-loader';
import type { WorkerBatch, WorkerInit } from './scan';

// One engine per worker thread: grammars load once per thread, then batches of paths stream in.
const init = workerData as WorkerInit;
const linter = createCliLinter();
const config = { ...init.config, settings: { ...init.config.settings, secretPatterns: compileSecretPatterns(init.config.secretPatterns).patterns } };
// The walk already dropped git-ignored files, so every file a worker sees is "not ignored" when git rules exist.
const tracked: WorkspaceFacts = { isGitIgnored: () => false };
const untracked: WorkspaceFacts = { isGitIgnored: () => undefined };

parentPort!.on('message', (batch: WorkerBatch) => {
  void (async () => {
    const out: FileOutcome[] = [];
    const workspace = batch.hasGitignore ? tracked : untracked;
    for (const f of batch.files) out.push(await analyzeFile(linter, init.root, f, config, workspace));
    parentPort!.postMessage(out);
  })();
});
