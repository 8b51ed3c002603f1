import { parentPort, workerData } from 'node:worker_threads';
import { createCliLinter, prefilterFile, type PrefilterOutcome } from './analyze';
import { compileSecretPatterns } from './config-loader';
import { ReadBuffer } from './read-text';
import type { WorkerInit, WorkerJob, WorkerReport } from './scan';

// A scan's worker: reads files and runs the keyword pass only. Most files end here; the few that
// some rule may fire on go back, bytes and all, to be parsed on the main thread. So this thread never
// loads a grammar nor warms up the parsers and rules (half the cost of a worker that did everything).
const init = workerData as WorkerInit;
const linter = createCliLinter();
const config = { ...init.config, settings: { ...init.config.settings, secretPatterns: compileSecretPatterns(init.config.secretPatterns).patterns } };
// Build the keyword automaton and its WebAssembly tables now, while the main thread walks the tree.
linter.prefilter({ bytes: new Uint8Array(0), filePath: 'warm-up.c' }, config);

parentPort!.on('message', (job: WorkerJob) => {
  const next = new Int32Array(job.next);
  const scratch = new ReadBuffer();
  // Claims until the shared counter passes the end; results go back once per claim.
  for (let at = Atomics.add(next, 0, job.claim); at < job.files.length; at = Atomics.add(next, 0, job.claim)) {
    const outcomes: PrefilterOutcome[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const f of job.files.slice(at, at + job.claim)) {
      const o = prefilterFile(linter, init.root, f, config, scratch);
      outcomes.push(o);
      if (o.content && 'utf8' in o.content) transfer.push(o.content.utf8.buffer as ArrayBuffer);
    }
    parentPort!.postMessage({ outcomes } satisfies WorkerReport, transfer);
  }
  parentPort!.postMessage({ done: true } satisfies WorkerReport);
});
