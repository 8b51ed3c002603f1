import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config';
import type { FileSummary } from '../core/rule';
import { encodeConfig } from './scan-protocol';
import type { BatchResult, FileOutcome, FromWorker, ProjectResult, ScanFile, ToWorker } from './scan-protocol';

/** Why a job came back without a result: the pool was stopped, or its worker failed (do it here). */
export type BatchFailure = 'cancelled' | 'failed';
type Reply = BatchResult | ProjectResult;

interface Slot {
  worker: Worker;
  ready: boolean;
  jobs: Map<number, (r: Reply | BatchFailure) => void>;
  /** Config ids this worker has been sent. */
  configs: Set<number>;
}

// A worker holds the grammars and the wasm heap: let it go when the workspace is quiet.
const IDLE_MS = 30_000;

/**
 * Worker threads for the workspace scan (file batches and project rules), started on first use and stopped when idle, cancelled or
 * disposed. A worker that fails before it is ready makes the pool unavailable for the session
 * (reported once through `onError`); callers then lint in the extension host.
 */
export class ScanPool {
  private slots: Slot[] = [];
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private unavailable = false;

  constructor(
    private readonly script: string,
    private readonly onError: (message: string, err: unknown) => void,
    /** min(2, cores − 1), at least one: the extension host keeps a core. */
    readonly size = Math.max(1, Math.min(2, availableParallelism() - 1)),
  ) {}

  get available(): boolean {
    return !this.unavailable;
  }

  /** Batches worth keeping in flight: two per worker (one runs while the host takes in the other). */
  get capacity(): number {
    return this.size * 2;
  }

  /** Analyses `files` of the folder at `root` with `config`. */
  async run(root: string, config: ResolvedConfig, files: ScanFile[]): Promise<FileOutcome[] | BatchFailure> {
    const r = await this.post(config, (id, configId) => ({ kind: 'batch', id, config: configId, root, files }));
    return typeof r === 'string' ? r : (r as BatchResult).outcomes;
  }

  /** Runs the project rules over the summaries of one folder. */
  async project(config: ResolvedConfig, summaries: FileSummary[]): Promise<Omit<ProjectResult, 'kind' | 'id'> | BatchFailure> {
    return this.post(config, (id, configId) => ({ kind: 'project', id, config: configId, summaries })) as Promise<ProjectResult | BatchFailure>;
  }

  private post(config: ResolvedConfig, job: (id: number, configId: number) => ToWorker): Promise<Reply | BatchFailure> {
    clearTimeout(this.idleTimer);
    const slot = this.pick();
    if (!slot) return Promise.resolve('failed');
    let configId = this.configIds.get(config);
    if (configId === undefined) this.configIds.set(config, (configId = this.nextId++));
    if (!slot.configs.has(configId)) {
      slot.worker.postMessage(encodeConfig(configId, config));
      slot.configs.add(configId);
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      slot.jobs.set(id, resolve);
      slot.worker.postMessage(job(id, configId));
    });
  }

  /** Terminates every worker now (a cancelled scan stops mid-file); their batches resolve 'cancelled'. */
  cancel(): void {
    clearTimeout(this.idleTimer);
    const slots = this.slots;
    this.slots = [];
    for (const s of slots) this.retire(s, 'cancelled');
  }

  dispose(): void {
    this.cancel();
  }

  /** The least busy worker, starting workers up to `size`; undefined when none can run. */
  private pick(): Slot | undefined {
    while (!this.unavailable && this.slots.length < this.size) {
      const s = this.spawn();
      if (!s) break;
      this.slots.push(s);
    }
    return this.slots.reduce<Slot | undefined>((best, s) => (!best || s.jobs.size < best.jobs.size ? s : best), undefined);
  }

  private spawn(): Slot | undefined {
    let worker: Worker;
    try {
      if (!existsSync(this.script)) throw new Error(`${this.script} is missing`);
      worker = new Worker(this.script);
    } catch (err) {
      this.fail(undefined, err);
      return undefined;
    }
    const slot: Slot = { worker, ready: false, jobs: new Map(), configs: new Set() };
    worker.on('message', (m: FromWorker) => {
      if (m.kind === 'ready') return void (slot.ready = true);
      const resolve = slot.jobs.get(m.id);
      slot.jobs.delete(m.id);
      resolve?.(m);
      if (this.slots.every((s) => s.jobs.size === 0)) this.idleTimer = setTimeout(() => this.cancel(), IDLE_MS);
    });
    worker.on('error', (err) => this.fail(slot, err));
    worker.on('exit', (code) => this.fail(slot, new Error(`scan worker exited with code ${code}`)));
    return slot;
  }

  /** A worker died (or never started): its batches go back to the caller; a start failure disables the pool. */
  private fail(slot: Slot | undefined, err: unknown): void {
    if (slot && !this.slots.includes(slot)) return; // already retired (cancel, or 'exit' after 'error')
    if (slot) this.slots = this.slots.filter((s) => s !== slot);
    if (!slot?.ready) {
      if (!this.unavailable) this.onError('cannot start the scan worker; scanning in the extension host', err);
      this.unavailable = true;
    } else {
      this.onError('scan worker failed; its files are linted in the extension host', err);
    }
    if (slot) this.retire(slot, 'failed');
  }

  private retire(slot: Slot, why: BatchFailure): void {
    for (const resolve of slot.jobs.values()) resolve(why);
    slot.jobs.clear();
    void slot.worker.terminate();
  }
}
