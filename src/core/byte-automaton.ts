/**
 * The prefilter's automaton run over UTF-8 bytes in WebAssembly (wasm/keyword-scan.wat): ~4× the
 * speed of the same table walk in JavaScript, and it needs no decoded text, so a file whose bytes
 * hold no live literal is never decoded. Only for automata whose literals are all ASCII: then the
 * bytes hold a literal exactly where the text does. Hit offsets are UTF-16 offsets of the text,
 * converted in WebAssembly where a chunk is not ASCII (valid UTF-8 assumed; the caller checks).
 */
import type { Automaton } from './keyword-automaton';
import { WASM_BASE64 } from './wasm/keyword-scan-wasm';

/** Bytes per stream per call (two streams a call); each hit buffer holds one hit per byte. */
const STREAM = 1 << 16;
const PAGE = 1 << 16;

// WebAssembly is a global of every runtime the core runs in (Node, the extension host), but its
// types come with the DOM library, which the core does not load: the little used here.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
};

interface ScanExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  countB: { value: number };
  bytesOr: { value: number };
  scan(a: number, aFrom: number, aEnd: number, b: number, bFrom: number, bEnd: number, classes: number, root: number, acceptFrom: number, live: number, outA: number, outB: number, bias: number): number;
  toUnits(p: number, end: number, hits: number, n: number, bias: number, units: number): number;
  view(p: number, end: number, out: number): number;
}

/** What a byte scan found besides its hits. */
export interface ByteScan {
  /** Every byte was below 0x80. */
  ascii: boolean;
  /** UTF-16 units the bytes decode to, if they are valid UTF-8 (the hits' offsets are in these units). */
  units: number;
}

/** One instance per thread, shared by every language's tables (allocated once, never freed). */
interface Runtime {
  exports: ScanExports;
  /** End of the tables; the scratch area (hit buffers, then input) starts here. */
  tablesEnd: number;
  /** Views of the memory, remade when it grows (growing detaches the old buffer). */
  u8: Uint8Array;
  i32: Int32Array;
}

let runtime: Runtime | null | undefined;
let compiledModule: object | null | undefined;

/**
 * The scan's compiled WebAssembly module, compiled on first use (undefined without WebAssembly).
 * Another thread can be handed it (`useKeywordScanModule`): threads of a process share compiled code.
 */
export function keywordScanModule(): object | undefined {
  if (compiledModule === undefined) {
    try {
      compiledModule = new WebAssembly.Module(Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0)));
    } catch {
      compiledModule = null; // no WebAssembly here: the text scan does the work
    }
  }
  return compiledModule ?? undefined;
}

/** Has this thread instantiate `module` (another thread's `keywordScanModule`) instead of compiling its own. */
export function useKeywordScanModule(module: object): void {
  compiledModule ??= module;
}

function getRuntime(): Runtime | undefined {
  if (runtime === undefined) {
    try {
      const module = keywordScanModule();
      if (!module) throw new Error('no WebAssembly');
      const exports = new WebAssembly.Instance(module, {}).exports as ScanExports;
      runtime = { exports, tablesEnd: 0, u8: new Uint8Array(exports.memory.buffer), i32: new Int32Array(exports.memory.buffer) };
    } catch {
      runtime = null; // no WebAssembly here: the text scan does the work
    }
  }
  return runtime ?? undefined;
}

function reserve(rt: Runtime, end: number): void {
  const memory = rt.exports.memory;
  if (end <= memory.buffer.byteLength) return;
  memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
  rt.u8 = new Uint8Array(memory.buffer);
  rt.i32 = new Int32Array(memory.buffer);
}

/** Flat (end offset, accepting index) pairs, reused between scans. */
export class HitList {
  data = new Int32Array(2048);
  length = 0;

  /** Appends `count` pairs from `from` (an index into `source`), turning row offsets (in i32) into state indices. */
  append(source: Int32Array, from: number, count: number, width: number): void {
    const need = this.length + 2 * count;
    if (need > this.data.length) {
      const bigger = new Int32Array(Math.max(need, this.data.length * 2));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    const data = this.data;
    for (let i = this.length, j = from; i < need; i += 2, j += 2) {
      data[i] = source[j];
      data[i + 1] = (source[j + 1] / width) | 0;
    }
    this.length = need;
  }
}

export class ByteAutomaton {
  /** The `live` table last copied into memory (plans' tables are never changed in place). */
  private liveInMemory: Uint8Array | undefined;

  private constructor(
    private readonly rt: Runtime,
    private readonly classesAt: number,
    private readonly rootAt: number,
    private readonly acceptFromAt: number,
    private readonly width: number,
    private readonly liveAt: number,
    /** Bytes a stream re-reads before its range, so that literals across the boundary are found. */
    private readonly overlap: number,
  ) {}

  /** The automaton's tables in WebAssembly memory, or undefined when it has non-ASCII literals or there is no WebAssembly. */
  static from(a: Automaton): ByteAutomaton | undefined {
    const rt = a.ascii ? getRuntime() : undefined;
    if (!rt) return undefined;
    const classesAt = align(rt.tablesEnd);
    const nextAt = classesAt + 256 * 4;
    const liveAt = nextAt + a.next.length * 4;
    rt.tablesEnd = align(liveAt + a.outputs.length * a.width);
    reserve(rt, rt.tablesEnd);
    const i32 = rt.i32;
    // Bytes from 0x80 on belong to no literal: class 0, which leads back towards the root. (Every
    // entry is written: this memory may have been a scratch area before.)
    for (let b = 0; b < 256; b++) i32[classesAt / 4 + b] = b < 0x80 ? a.classes[b] * 4 : 0;
    for (let i = 0; i < a.next.length; i++) i32[nextAt / 4 + i] = nextAt + a.next[i] * 4;
    return new ByteAutomaton(rt, classesAt, nextAt, nextAt + a.acceptFrom * 4, a.width, liveAt, Math.max(0, a.longest - 1));
  }

  /**
   * Appends to `hits` every occurrence, in `bytes`, of an accepting state whose `live` entry is set
   * (`live`: one entry per accepting state, in the order of `Automaton.outputs`), in ascending order
   * of end offset (exclusive), as an offset in the UTF-16 text the bytes decode to when they are
   * valid UTF-8 (the caller checks `units` against the decoded length). Each hit is a pair (end,
   * accepting state index).
   */
  scan(bytes: Uint8Array, live: Uint8Array, hits: HitList): ByteScan {
    const { rt, overlap } = this;
    const outA = this.rt.tablesEnd;
    const outB = outA + STREAM * 8;
    const inputAt = outB + STREAM * 8;
    reserve(rt, inputAt + 2 * STREAM + overlap);
    const { u8, i32 } = rt; // after any growth
    const { width, liveAt } = this;
    // Plans are made once per configuration and language: most scans reuse the table in place.
    if (live !== this.liveInMemory) {
      for (let k = 0; k < live.length; k++) u8[liveAt + k * width] = live[k];
      this.liveInMemory = live;
    }
    let ascii = true;
    let units = 0; // UTF-16 units before `from`
    for (let from = 0; from < bytes.length; ) {
      const to = Math.min(bytes.length, from + 2 * STREAM);
      const copyFrom = Math.max(0, from - overlap);
      u8.set(bytes.subarray(copyFrom, to), inputAt);
      const base = inputAt - copyFrom; // memory address of byte offset 0
      const mid = from + ((to - from) >> 1);
      const bStart = Math.max(copyFrom, mid - overlap);
      // An ASCII chunk's hit offsets are its byte offsets plus the units before it; others are
      // converted after the scan (they are rare: a © in a license header makes a file non-ASCII).
      const bias = units - base - from;
      const na = rt.exports.scan(base + copyFrom, base + from, base + mid, base + bStart, base + mid, base + to, this.classesAt, this.rootAt, this.acceptFromAt, liveAt, outA, outB, bias);
      const nb = rt.exports.countB.value;
      if (rt.exports.bytesOr.value <= 0x7f) {
        units += to - from;
      } else {
        ascii = false;
        const unitsAtMid = rt.exports.toUnits(base + from, base + mid, outA, na, bias, units);
        units = rt.exports.toUnits(base + mid, base + to, outB, nb, bias, unitsAtMid);
      }
      hits.append(i32, outA >> 2, na, width);
      hits.append(i32, outB >> 2, nb, width);
      from = to;
    }
    return { ascii, units };
  }
}

/**
 * A stand-in of valid UTF-8 text for confirming ASCII keyword patterns (see `view` in
 * keyword-scan.wat): each character of the decoded text at the same offset, ASCII as itself, any
 * other character as 0xA0 (JavaScript whitespace) or 0xFF (not), read as Latin-1. Undefined when the
 * bytes are not valid UTF-8 or hold a Unicode line or paragraph separator. The result is a view of
 * WebAssembly memory: use it before the next scan.
 */
export function textStandIn(bytes: Uint8Array): Uint8Array | undefined {
  const rt = getRuntime();
  if (!rt) return undefined;
  const inputAt = rt.tablesEnd;
  const outAt = align(inputAt + bytes.length);
  reserve(rt, outAt + bytes.length);
  rt.u8.set(bytes, inputAt);
  const length = rt.exports.view(inputAt, inputAt + bytes.length, outAt);
  return length < 0 ? undefined : rt.u8.subarray(outAt, outAt + length);
}

function align(n: number): number {
  return (n + 7) & ~7;
}
