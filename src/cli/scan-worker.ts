import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { useKeywordScanModule } from '../core/byte-automaton';
import type { LanguageId } from '../core/language';
import { createCliLinter, prefilterFile, type PrefilterOutcome } from './analyze';
import { compileSecretPatterns } from './config-loader';
import { ReadBuffer } from './read-text';
import { NEXT, POSTED, WALKED, type FileBatch, type WorkerInit, type WorkerJob, type WorkerReport } from './scan';

// A scan's worker: reads files and runs the keyword pass only. Most files end here; the few that
// some rule may fire on go back, bytes and all, to be parsed on the main thread. So this thread never
// loads a grammar nor warms up the parsers and rules (half the cost of a worker that did everything).
const init = workerData as WorkerInit;
// The main thread's compiled keyword scan (optimized up front: webassembly-tiers.ts), not a new compile.
if (init.keywordScanModule) useKeywordScanModule(init.keywordScanModule);
const linter = createCliLinter();
const config = { ...init.config, settings: { ...init.config.settings, secretPatterns: compileSecretPatterns(init.config.secretPatterns).patterns } };
// Build the keyword automaton and its WebAssembly tables now, while the main thread walks the tree.
linter.prefilter({ bytes: new Uint8Array(0), filePath: 'warm-up.c' }, config);

parentPort!.on('message', (job: WorkerJob) => {
  const state = new Int32Array(job.state);
  const files: string[] = [];
  const languages: LanguageId[] = [];
  const receive = (): void => {
    for (let m = receiveMessageOnPort(job.files); m; m = receiveMessageOnPort(job.files)) {
      const batch = m.message as FileBatch;
      for (let i = 0; i < batch.paths.length; i++) {
        files.push(batch.paths[i]);
        languages.push(batch.languages[i]);
      }
    }
  };
  const scratch = new ReadBuffer();
  // Claims until the walk is over and every file is taken; results go back once per claim.
  for (;;) {
    const at = Atomics.add(state, NEXT, job.claim);
    // Wait until the walk has found the claimed files, or ended. (The timeout only guards against a
    // missed wake-up; each post notifies.)
    for (;;) {
      const posted = Atomics.load(state, POSTED);
      const walked = Atomics.load(state, WALKED) === 1;
      receive();
      if (files.length >= at + job.claim || walked) break;
      Atomics.wait(state, POSTED, posted, 20);
    }
    if (at >= files.length) break;
    const outcomes: PrefilterOutcome[] = [];
    const transfer: ArrayBuffer[] = [];
    for (let i = at; i < Math.min(files.length, at + job.claim); i++) {
      const o = prefilterFile(linter, init.root, files[i], config, scratch, languages[i]);
      outcomes.push(o);
      if (o.content && 'utf8' in o.content) transfer.push(o.content.utf8.buffer as ArrayBuffer);
    }
    parentPort!.postMessage({ outcomes } satisfies WorkerReport, transfer);
  }
  job.files.close();
  parentPort!.postMessage({ done: true } satisfies WorkerReport);
});
