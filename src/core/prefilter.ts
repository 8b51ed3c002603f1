/**
 * The per-language keyword prefilter: which rules can fire on a document, decided in one pass over
 * its characters, before anything is parsed.
 *
 * Literal keywords, and the required literals of RegExp keywords (regex-anchors.ts), form one
 * case-insensitive Aho-Corasick automaton: a table lookup per character, however many keywords
 * there are. Where a literal occurs, a RegExp keyword is confirmed by one sticky test when every
 * match starts with one of its literals, else by running it on a window around the literal.
 * (A single alternation of every keyword, which this replaces, made V8 try each alternative at each
 * position: ~25 MB/s on C sources; the automaton alone runs at ~200 MB/s, ~110 MB/s with its
 * confirmations, on this machine.)
 */
import { anchorsOf } from './regex-anchors';

/**
 * A prefilter keyword: a literal (matched case-insensitively) or a linear RegExp, matched with its
 * own flags (write `/…/i` for case-insensitive). Fastest: a RegExp that starts with its distinctive
 * literals (`(?:host|port)\w*\s*=`), tested only where one occurs; put context that must come
 * before them in a lookbehind (`(?<=\b[A-Z_]{0,62})PORT…`, not `\b[A-Z_]{0,62}PORT…`, which is
 * tried at every word). Otherwise it should contain a literal of three or more characters.
 */
export type Keyword = string | RegExp;

/** A confirmed match may start this far before the literal it was found from… */
const CONFIRM_BEFORE = 256;
/** …and end this far after it. */
const CONFIRM_AFTER = 512;
/** A failed confirmation covers this much text, so frequent literals do not rerun the RegExp per hit. */
const CONFIRM_CHUNK = 4096;

interface Key {
  /** The RegExp to confirm with (global), or undefined for a literal. */
  re?: RegExp;
  /** Set when every match starts with one of the key's literals: tried exactly where one occurs. */
  sticky?: RegExp;
  /** Indices (into `rules`) of the rules that list this keyword. */
  rules: number[];
  /** Indices of the automaton literals that lead to this keyword. */
  literals: number[];
}

interface Automaton {
  /** Character code → symbol class (0 = no keyword contains it). */
  classes: Uint8Array;
  width: number;
  /** Transition table, indexed by state * width + class; values are premultiplied states. */
  next: Int32Array;
  /** States from this premultiplied value on are accepting. */
  acceptFrom: number;
  /** Per accepting state, in order from `acceptFrom`: flat (literal index, literal length) pairs. */
  outputs: Int32Array[];
}

/** Prefilter for one language's rules (built once per linter, reused for every document). */
export class KeywordPrefilter<R> {
  /** `keyed`: the rule declares keywords (possibly none: then it never runs); `hasKeys`: it has some. */
  private readonly rules: Array<{ rule: R; keyed: boolean; hasKeys: boolean }> = [];
  private readonly ruleIndex = new Map<R, number>();
  private readonly keys: Key[] = [];
  /** For each rule, the keys it lists. */
  private readonly ruleKeys: number[][] = [];
  /** For each literal of the automaton, the keys it serves. */
  private readonly literalKeys: number[][] = [];
  /** RegExp keys without a usable literal: run over the whole text. */
  private readonly unanchored: number[] = [];
  private readonly automaton: Automaton;

  constructor(rules: ReadonlyArray<{ rule: R; keywords?: readonly Keyword[] }>) {
    const keyIds = new Map<string, number>();
    const literalIds = new Map<string, number>();
    const literal = (text: string, key: number): void => {
      let id = literalIds.get(text);
      if (id === undefined) {
        id = this.literalKeys.length;
        literalIds.set(text, id);
        this.literalKeys.push([]);
      }
      if (!this.literalKeys[id].includes(key)) this.literalKeys[id].push(key);
      if (!this.keys[key].literals.includes(id)) this.keys[key].literals.push(id);
    };
    for (const { rule, keywords } of rules) {
      const index = this.rules.length;
      // An empty keyword list can never match: such a rule never runs.
      this.rules.push({ rule, keyed: keywords !== undefined, hasKeys: (keywords?.length ?? 0) > 0 });
      this.ruleIndex.set(rule, index);
      this.ruleKeys.push([]);
      for (const k of keywords ?? []) {
        if (k === '') throw new Error('prefilter: empty keyword');
        const name = typeof k === 'string' ? k.toLowerCase() : `/${k.source}/${k.flags}`;
        let id = keyIds.get(name);
        if (id === undefined) {
          id = this.keys.length;
          keyIds.set(name, id);
          if (typeof k === 'string') {
            this.keys.push({ rules: [], literals: [] });
            literal(name, id);
          } else {
            const flags = k.flags.replace(/[gy]/g, '');
            const anchors = anchorsOf(k.source);
            const sticky = anchors?.atStart ? new RegExp(k.source, `${flags}y`) : undefined;
            this.keys.push({ re: new RegExp(k.source, `${flags}g`), sticky, rules: [], literals: [] });
            if (anchors) for (const a of anchors.literals) literal(a, id);
            else this.unanchored.push(id);
          }
        }
        if (!this.keys[id].rules.includes(index)) this.keys[id].rules.push(index);
        if (!this.ruleKeys[index].includes(id)) this.ruleKeys[index].push(id);
      }
    }
    this.automaton = buildAutomaton([...literalIds.keys()]);
  }

  /** Rules (in registration order) whose keywords occur in `text`, among those `wanted` allows. */
  candidates(text: string, wanted: (rule: R) => boolean): R[] {
    const want = new Uint8Array(this.rules.length);
    const hit = new Uint8Array(this.rules.length);
    let pending = 0;
    this.rules.forEach((r, i) => {
      if (!wanted(r.rule)) return;
      want[i] = 1;
      if (r.hasKeys) pending++;
    });
    // A key is live while one of its rules is wanted and not yet hit; a literal while one of its
    // keys is live. Hits on dead literals cost one array read.
    const keyLive = new Uint8Array(this.keys.length);
    const literalLive = new Int32Array(this.literalKeys.length);
    this.keys.forEach((k, id) => {
      if (!k.rules.some((r) => want[r])) return;
      keyLive[id] = 1;
      for (const lit of k.literals) literalLive[lit]++;
    });
    const settle = (key: number): void => {
      for (const r of this.keys[key].rules) {
        if (!want[r] || hit[r]) continue;
        hit[r] = 1;
        pending--;
        for (const k of this.ruleKeys[r]) {
          if (!keyLive[k] || this.keys[k].rules.some((o) => want[o] && !hit[o])) continue;
          keyLive[k] = 0;
          for (const lit of this.keys[k].literals) literalLive[lit]--;
        }
      }
    };
    const confirmed = new Confirmer(text);
    if (pending) {
      this.scan(text, (literal, start) => {
        if (literalLive[literal] === 0) return true;
        for (const key of this.literalKeys[literal]) {
          if (!keyLive[key]) continue;
          if (this.occursAt(key, start, confirmed)) settle(key);
        }
        return pending > 0;
      });
    }
    // Keys without a literal run over the whole text, and only for rules nothing else settled.
    for (const key of this.unanchored) {
      if (pending && keyLive[key] && confirmed.anywhere(this.keys[key].re!)) settle(key);
    }
    return this.rules.filter((r, i) => want[i] && (r.keyed ? hit[i] === 1 : true)).map((r) => r.rule);
  }

  /**
   * Offsets of every keyword hit of `rules` in `text`, ascending, or undefined when some rule has
   * no keywords (it reads the whole document) or there are more than `limit` hits.
   */
  hitOffsets(text: string, rules: readonly R[], limit: number): number[] | undefined {
    const wantedKeys = new Uint8Array(this.keys.length);
    for (const r of rules) {
      const index = this.ruleIndex.get(r);
      if (index === undefined || !this.rules[index].keyed) return undefined;
      this.keys.forEach((k, id) => {
        if (k.rules.includes(index)) wantedKeys[id] = 1;
      });
    }
    const out = new Set<number>();
    const confirmed = new Confirmer(text);
    for (const key of this.unanchored) {
      if (!wantedKeys[key]) continue;
      for (const at of confirmed.all(this.keys[key].re!)) out.add(at);
    }
    let overflow = out.size > limit;
    if (!overflow) {
      this.scan(text, (literal, start) => {
        for (const key of this.literalKeys[literal]) {
          if (!wantedKeys[key]) continue;
          const { re, sticky } = this.keys[key];
          if (!re || sticky) {
            if (this.occursAt(key, start, confirmed)) out.add(start);
          } else for (const at of confirmed.matchesNear(key, re, start)) out.add(at);
        }
        overflow = out.size > limit;
        return !overflow;
      });
    }
    if (overflow) return undefined;
    return [...out].sort((a, b) => a - b);
  }

  /** Whether key `key` matches given that one of its literals occurs at `start`. */
  private occursAt(key: number, start: number, confirmed: Confirmer): boolean {
    const { re, sticky } = this.keys[key];
    if (!re) return true;
    if (!sticky) return confirmed.near(key, re, start) !== undefined;
    // One sticky test per occurrence. (A forward search after a few misses was tried: on the bench
    // workspace it was slower, since V8 cannot skip ahead on an alternation of many words.)
    sticky.lastIndex = start;
    return sticky.test(confirmed.text);
  }

  /** Calls `onHit(literal, startOffset)` for each literal occurrence until it returns false. */
  private scan(text: string, onHit: (literal: number, start: number) => boolean): void {
    const { classes, width, next, acceptFrom, outputs } = this.automaton;
    let state = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      state = next[state + classes[text.charCodeAt(i)]];
      if (state < acceptFrom) continue;
      // `| 0` keeps the index a small integer (a double index takes V8's slow element path).
      const out = outputs[((state - acceptFrom) / width) | 0];
      for (let k = 0; k < out.length; k += 2) if (!onHit(out[k], i - out[k + 1] + 1)) return;
    }
  }
}

/**
 * Runs RegExp keywords on windows of one text, remembering how far each key has been checked
 * without a match so that frequent literals do not rerun it.
 */
class Confirmer {
  private readonly checkedUntil = new Map<number, number>();
  private readonly reported = new Map<number, number>();
  constructor(readonly text: string) {}

  anywhere(re: RegExp): boolean {
    re.lastIndex = 0;
    return re.test(this.text);
  }

  all(re: RegExp): number[] {
    const out: number[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      out.push(m.index);
      if (m[0].length === 0) re.lastIndex++;
    }
    return out;
  }

  /** Offset of a match of `re` around a literal at `start`, or undefined. */
  near(key: number, re: RegExp, start: number): number | undefined {
    return this.matchesNear(key, re, start)[0];
  }

  /** Offsets of the matches of `re` in a window around `start` not reported before. */
  matchesNear(key: number, re: RegExp, start: number): number[] {
    if (start < (this.checkedUntil.get(key) ?? -1)) return [];
    // Windows start and end on line boundaries where one is near, so that `^`, `$`, `\b` and
    // lookarounds at a window's edge see what they would see in the whole text.
    const from = lineStartNear(this.text, Math.max(0, start - CONFIRM_BEFORE));
    const to = lineEndNear(this.text, Math.min(this.text.length, start + CONFIRM_CHUNK + CONFIRM_AFTER));
    // A window, not the rest of the text: a failing search must not scan to the end for every hit.
    const window = this.text.slice(from, to);
    const out: number[] = [];
    const after = this.reported.get(key) ?? -1;
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      if (from + m.index > after) out.push(from + m.index);
      if (m[0].length === 0) re.lastIndex++;
    }
    if (out.length) this.reported.set(key, out[out.length - 1]);
    // Literal occurrences before this point have had their whole match range inside the window.
    this.checkedUntil.set(key, to === this.text.length ? to : to - CONFIRM_AFTER);
    return out;
  }
}

/** How far a window edge may move to reach a line boundary. */
const SNAP = 256;

function lineStartNear(text: string, at: number): number {
  // A bounded look-back: lastIndexOf would scan to the start of a file without newlines per call.
  for (let i = at; i > 0 && at - i <= SNAP; i--) if (text.charCodeAt(i - 1) === 10) return i;
  return at <= SNAP ? 0 : at;
}

function lineEndNear(text: string, at: number): number {
  for (let i = at; i < text.length && i - at <= SNAP; i++) if (text.charCodeAt(i) === 10) return i + 1;
  return text.length - at <= SNAP ? text.length : at;
}

/** A dense Aho-Corasick DFA over lower-cased literals, matched case-insensitively (ASCII and BMP). */
function buildAutomaton(literals: readonly string[]): Automaton {
  const symbols = new Map<number, number>();
  for (const lit of literals) for (let i = 0; i < lit.length; i++) if (!symbols.has(lit.charCodeAt(i))) symbols.set(lit.charCodeAt(i), symbols.size + 1);
  if (symbols.size > 254) throw new Error('prefilter: too many distinct keyword characters');
  const classes = new Uint8Array(65536);
  for (const [code, cls] of symbols) {
    classes[code] = cls;
    const upper = String.fromCharCode(code).toUpperCase();
    if (upper.length === 1) classes[upper.charCodeAt(0)] = cls;
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
  return { classes, width, next, acceptFrom: plain * width, outputs: accepting.map((s) => Int32Array.from(ends[s]!)) };
}
