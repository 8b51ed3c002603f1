/**
 * A dense Aho-Corasick DFA over lower-cased literals, matched case-insensitively (ASCII and BMP):
 * a table lookup per character, however many literals there are. The prefilter's literal scan
 * (prefilter.ts); byte-automaton.ts runs the same tables over UTF-8 bytes in WebAssembly.
 */
export interface Automaton {
  /** Character code → symbol class (0 = no literal contains it). */
  classes: Uint8Array;
  width: number;
  /** Transition table, indexed by state * width + class; values are premultiplied states. */
  next: Int32Array;
  /** States from this premultiplied value on are accepting. */
  acceptFrom: number;
  /** Per accepting state, in order from `acceptFrom`: flat (literal index, literal length) pairs. */
  outputs: Int32Array[];
  /** Whether every literal is ASCII (then a scan of UTF-8 bytes finds exactly what a scan of the text does). */
  ascii: boolean;
  /** Length of the longest literal. */
  longest: number;
}

export function buildAutomaton(literals: readonly string[]): Automaton {
  const symbols = new Map<number, number>();
  for (const lit of literals) for (let i = 0; i < lit.length; i++) if (!symbols.has(lit.charCodeAt(i))) symbols.set(lit.charCodeAt(i), symbols.size + 1);
  if (symbols.size > 254) throw new Error('prefilter: too many distinct keyword characters');
  const classes = new Uint8Array(65536);
  let ascii = true;
  for (const [code, cls] of symbols) {
    classes[code] = cls;
    const upper = String.fromCharCode(code).toUpperCase();
    if (upper.length === 1) classes[upper.charCodeAt(0)] = cls;
    if (code > 0x7f || upper.charCodeAt(0) > 0x7f) ascii = false;
  }
  const width = symbols.size + 1;
  // Trie in a dense table (0 = no edge: the root is never a child), then failure links in
  // breadth-first order that complete every row. Typed arrays, no Maps: this runs in every worker
  // for every language, mostly before the JIT has warmed up.
  let size = 1;
  for (const lit of literals) size += lit.length;
  const delta = new Int32Array(size * width);
  const ends: Array<number[] | undefined> = [];
  let count = 1;
  literals.forEach((lit, id) => {
    let s = 0;
    for (let i = 0; i < lit.length; i++) {
      const at = s * width + classes[lit.charCodeAt(i)];
      if (delta[at] === 0) delta[at] = count++;
      s = delta[at];
    }
    (ends[s] ??= []).push(id, lit.length);
  });
  const fail = new Int32Array(count);
  const order = new Int32Array(count);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const s = order[head];
    const row = s * width;
    const failRow = fail[s] * width;
    for (let c = 1; c < width; c++) {
      const t = delta[row + c];
      if (t === 0) {
        // No edge of its own (rows are completed only when popped, so every non-zero entry here is
        // a trie edge): move as the failure state does; the root stays at the root.
        if (s !== 0) delta[row + c] = delta[failRow + c];
        continue;
      }
      fail[t] = s === 0 ? 0 : delta[failRow + c];
      const inherited = ends[fail[t]];
      if (inherited) ends[t] = [...(ends[t] ?? []), ...inherited];
      order[tail++] = t;
    }
  }
  // Renumber so that accepting states come last: the scan loop tests one comparison per character.
  const rank = new Int32Array(count);
  const accepting: number[] = [];
  let plain = 0;
  for (let s = 0; s < count; s++) {
    if (ends[s]) accepting.push(s);
    else rank[s] = plain++;
  }
  accepting.forEach((s, i) => (rank[s] = plain + i));
  const next = new Int32Array(count * width);
  for (let s = 0; s < count; s++) {
    const from = s * width;
    const to = rank[s] * width;
    for (let c = 0; c < width; c++) next[to + c] = rank[delta[from + c]] * width;
  }
  return {
    classes,
    width,
    next,
    acceptFrom: plain * width,
    outputs: accepting.map((s) => Int32Array.from(ends[s]!)),
    ascii,
    longest: Math.max(0, ...literals.map((l) => l.length)),
  };
}

/** Calls `onHit(literal, startOffset)` for each literal occurrence in `text` until it returns false. */
export function scanText(automaton: Automaton, text: string, onHit: (literal: number, start: number) => boolean): void {
  const { classes, width, next, acceptFrom, outputs } = automaton;
  let state = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    state = next[state + classes[text.charCodeAt(i)]];
    if (state < acceptFrom) continue;
    // `| 0` keeps the index a small integer (a double index takes V8's slow element path).
    const out = outputs[((state - acceptFrom) / width) | 0];
    for (let k = 0; k < out.length; k += 2) if (!onHit(out[k], i - out[k + 1] + 1)) return;
  }
}
