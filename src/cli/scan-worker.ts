import { parentPort, workerData } from 'node:worker_threads';
import { createCliLinter, prefilterFile, type PrefilterOutcome } from './analyze';
import { compileSecretPatterns } from './config-loader';
import type { WorkerBatch, WorkerInit } from './scan';

// A scan's worker: reads files and runs the keyword pass only. Most files end here; the few that
// some rule may fire on go back, bytes and all, to be parsed on the main thread. So this thread never
// loads a grammar nor warms up the parsers and rules (half the cost of a worker that did everything).
const init = workerData as WorkerInit;
const linter = createCliLinter();
const config = { ...init.config, settings: { ...init.config.settings, secretPatterns: compileSecretPatterns(init.config.secretPatterns).patterns } };

parentPort!.on('message', (batch: WorkerBatch) => {
  const out: PrefilterOutcome[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const f of batch.files) {
    const o = prefilterFile(linter, init.root, f, config);
    out.push(o);
    if (o.content && 'utf8' in o.content) transfer.push(o.content.utf8.buffer as ArrayBuffer);
  }
  parentPort!.postMessage(out, transfer);
});
