/**
 * The keyword prefilter: which rules can fire on a document, decided in one pass over its UTF-8 bytes
 * (a text of 4 KB or more is encoded first; a shorter one is scanned as characters), before anything
 * is parsed. The linter builds one for every language.
 *
 * Literal keywords, and the required literals of RegExp keywords (regex-anchors.ts), form one
 * case-insensitive Aho-Corasick automaton (keyword-automaton.ts): a table lookup per character,
 * however many keywords there are. Where a literal occurs, a RegExp keyword is confirmed by one
 * sticky test when every match starts with one of its literals, else by running it on a window
 * around the literal; a case-sensitive RegExp first checks the literal's case, which needs no
 * decoded text. (A single alternation of every keyword, which this replaces, made V8 try each
 * alternative at each position: ~25 MB/s on C sources; the automaton runs at ~120 MB/s in
 * JavaScript on text and at ~600–800 MB/s in WebAssembly on bytes alone, ~350 MB/s per thread
 * inside a two-thread scan, byte-automaton.ts.)
 */
import { ByteAutomaton, HitList, textStandIn } from './byte-automaton';
import { buildAutomaton, scanText, type Automaton } from './keyword-automaton';
import { anchorsOf } from './regex-anchors';

/**
 * A prefilter keyword: a literal (matched case-insensitively) or a linear RegExp, matched with its
 * own flags (write `/…/i` for case-insensitive). Fastest: a RegExp that starts with its distinctive
 * literals (`(?:host|port)\w*\s*=`), tested only where one occurs; put context that must come
 * before them in a lookbehind (`(?<=\b[A-Z_]{0,62})PORT…`, not `\b[A-Z_]{0,62}PORT…`, which is
 * tried at every word). Otherwise it should contain a literal of three or more characters.
 */
export type Keyword = string | RegExp;

/**
 * Decodes a document's UTF-8 bytes. `latin1`: decode them as Latin-1, one character per byte (they
 * are ASCII, where that is the same, or the prefilter's stand-in text of ASCII, 0xA0 and 0xFF).
 */
export type DecodeBytes = (bytes: Uint8Array, latin1: boolean) => string;

/** Decoding when the caller has none faster: TextDecoder (invalid sequences become U+FFFD), or Latin-1 in JavaScript. */
export const defaultDecode: DecodeBytes = (bytes, latin1) => {
  if (!latin1) return new TextDecoder().decode(bytes);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) parts.push(String.fromCharCode(...bytes.subarray(i, i + 8192)));
  return parts.join('');
};

const utf8 = new TextEncoder();

/** A confirmed match may start this far before the literal it was found from… */
const CONFIRM_BEFORE = 256;
/** …and end this far after it. */
const CONFIRM_AFTER = 512;
/** A failed confirmation covers this much text, so frequent literals do not rerun the RegExp per hit. */
const CONFIRM_CHUNK = 4096;
/**
 * Texts at least this long are scanned as UTF-8 in WebAssembly: encoding them first costs less than
 * the JavaScript loop saves (a 2,000-line file re-analysed in the editor: ~0.6 -> ~0.2 ms).
 */
const TEXT_AS_BYTES_MIN = 4096;
/** The encoding buffer is kept for the next text up to this size (an editor's documents). */
const ENCODE_BUFFER_KEPT = 4 << 20;

interface Key {
  /** The RegExp to confirm with (global), or undefined for a literal. */
  re?: RegExp;
  /** Set when every match starts with one of the key's literals: tried exactly where one occurs. */
  sticky?: RegExp;
  /** The RegExp can only match at the start of the text (`^…` without the m flag). */
  textStart?: boolean;
  /** For a case-sensitive RegExp: the forms its literals take in the pattern (the automaton ignores case). */
  cased?: Set<string>;
  /** `cased` by automaton literal (filled once the literals are numbered). */
  casedByLiteral?: Map<number, string[]>;
  /** Indices (into `rules`) of the rules that list this keyword. */
  rules: number[];
  /** Indices of the automaton literals that lead to this keyword. */
  literals: number[];
}

/**
 * What to try where a literal occurs: one key, or several sticky keys of the same rules and flags
 * joined into one RegExp (a common word such as `pin` anchors several patterns of one rule: one
 * test instead of one per pattern).
 */
interface Probe {
  /** The key whose liveness and rules stand for the probe (all its keys have the same rules). */
  key: number;
  /** The joined sticky RegExp, when the probe stands for more than one key. */
  joined?: RegExp;
  /** For a case-sensitive key: the forms the literal takes in its pattern (one must occur). */
  forms?: readonly string[];
}

/** What a configuration wants of one prefilter (see `KeywordPrefilter.plan`); read-only once made. */
export interface PrefilterPlan {
  /** Per rule: wanted. */
  want: Uint8Array;
  keyLive: Uint8Array;
  literalLive: Int32Array;
  /** Per accepting state of the automaton: whether one of its literals is live. */
  acceptLive: Uint8Array;
  /** Wanted rules that have keywords. */
  pending: number;
}

/** Rules to look for: a predicate, or a plan made from one. */
export type Wanted<R> = ((rule: R) => boolean) | PrefilterPlan;

/**
 * One document's search state. Its live tables are the plan's own until the first rule is hit (most
 * documents hit none): then copies, in buffers the prefilter reuses (one search runs at a time).
 */
interface Search {
  plan: PrefilterPlan;
  hit: Uint8Array;
  keyLive: Uint8Array;
  literalLive: Int32Array;
  /** keyLive and literalLive are this search's copies, not the plan's. */
  copied: boolean;
  /** Wanted rules with keywords not yet hit. */
  pending: number;
}

/** Prefilter for a set of rules (the linter builds one for every language; a plan picks a language's rules). */
export class KeywordPrefilter<R> {
  /** `keyed`: the rule declares keywords (possibly none: then it never runs); `hasKeys`: it has some. */
  private readonly rules: Array<{ rule: R; keyed: boolean; hasKeys: boolean }> = [];
  private readonly ruleIndex = new Map<R, number>();
  private readonly keys: Key[] = [];
  /** For each rule, the keys it lists. */
  private readonly ruleKeys: number[][] = [];
  /** For each literal of the automaton, the keys it serves. */
  private readonly literalKeys: number[][] = [];
  /** For each literal, what `candidates` tries where it occurs. */
  private readonly probes: Probe[][];
  /** RegExp keys without a usable literal: run over the whole text. */
  private readonly unanchored: number[] = [];
  private readonly automaton: Automaton;
  /** The automaton over bytes (made on first use); null when it cannot be (non-ASCII literals, no WebAssembly). */
  private bytes: ByteAutomaton | null | undefined;
  private readonly hits = new HitList();
  private encodeBuffer = new Uint8Array(0);
  /** A search's tables (see `Search`), reused from one document to the next. */
  private readonly searchHit: Uint8Array;
  private readonly searchKeyLive: Uint8Array;
  private readonly searchLiteralLive: Int32Array;
  /** Every RegExp keyword is ASCII-only without the u flag: it can be confirmed on a `textStandIn`. */
  private readonly asciiPatterns: boolean;

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
            this.keys.push({ re: new RegExp(k.source, `${flags}g`), sticky, textStart: anchoredAtTextStart(k), cased: anchors && !k.ignoreCase ? casedForms(k.source, anchors.literals) : undefined, rules: [], literals: [] });
            if (anchors) for (const a of anchors.literals) literal(a, id);
            else this.unanchored.push(id);
          }
        }
        if (!this.keys[id].rules.includes(index)) this.keys[id].rules.push(index);
        if (!this.ruleKeys[index].includes(id)) this.ruleKeys[index].push(id);
      }
    }
    this.asciiPatterns = this.keys.every((k) => !k.re || isAsciiPattern(k.re));
    const literals = [...literalIds.keys()];
    for (const key of this.keys) {
      if (!key.cased) continue;
      key.casedByLiteral = new Map(key.literals.map((lit) => [lit, [...key.cased!].filter((form) => form.toLowerCase() === literals[lit])]));
    }
    this.automaton = buildAutomaton(literals);
    this.probes = this.literalKeys.map((keys, id) => this.probesFor(id, keys));
    this.searchHit = new Uint8Array(this.rules.length);
    this.searchKeyLive = new Uint8Array(this.keys.length);
    this.searchLiteralLive = new Int32Array(this.literalKeys.length);
  }

  /** Joins the sticky keys of `keys` that share rules, flags and the case check for `literal`. */
  private probesFor(literal: number, keys: readonly number[]): Probe[] {
    const groups = new Map<string, number[]>();
    const probes: Probe[] = [];
    for (const key of keys) {
      const { re, sticky, casedByLiteral, rules, textStart } = this.keys[key];
      if (!re || !sticky || textStart) {
        probes.push({ key, forms: casedByLiteral?.get(literal) });
        continue;
      }
      const forms = [...(casedByLiteral?.get(literal) ?? [])].sort();
      const id = `${[...rules].sort().join(',')}/${sticky.flags}/${forms.join(',')}`;
      const group = groups.get(id);
      if (group) group.push(key);
      else groups.set(id, [key]);
    }
    for (const group of groups.values()) {
      const flags = this.keys[group[0]].sticky!.flags;
      let joined: RegExp | undefined;
      try {
        if (group.length > 1) joined = new RegExp(group.map((k) => `(?:${this.keys[k].re!.source})`).join('|'), flags);
      } catch {
        // e.g. the same group name in two patterns: try them one by one
      }
      const forms = this.keys[group[0]].casedByLiteral?.get(literal);
      if (joined) probes.push({ key: group[0], joined, forms });
      else for (const key of group) probes.push({ key, forms });
    }
    return probes;
  }

  /**
   * What `wanted` selects, worked out for keys and literals once: documents linted under the same
   * configuration share it (made per document, this was a tenth of a workspace scan's prefilter time).
   */
  plan(wanted: (rule: R) => boolean): PrefilterPlan {
    const want = new Uint8Array(this.rules.length);
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
    const acceptLive = new Uint8Array(this.automaton.outputs.length);
    this.automaton.outputs.forEach((out, k) => {
      for (let j = 0; j < out.length && !acceptLive[k]; j += 2) acceptLive[k] = literalLive[out[j]] > 0 ? 1 : 0;
    });
    return { want, keyLive, literalLive, acceptLive, pending };
  }

  /** Rules (in registration order) whose keywords occur in `text`, among those `wanted` allows. */
  candidates(text: string, wanted: Wanted<R>): R[] {
    if (text.length >= TEXT_AS_BYTES_MIN && this.byteAutomaton()) return this.byteCandidates(this.encoded(text), wanted, () => text, false, text).rules;
    return this.candidatesOfText(text, wanted);
  }

  /** `candidates` by the JavaScript scan of the text. */
  private candidatesOfText(text: string, wanted: Wanted<R>): R[] {
    const search = this.begin(wanted);
    const confirmer = new Confirmer(text);
    if (search.pending > 0) scanText(this.automaton, text, (literal, start) => this.onHit(search, literal, start, confirmer));
    return this.finish(search, confirmer);
  }

  /**
   * `candidates` for a document given as UTF-8 bytes (no BOM): the literal scan runs on the bytes,
   * and the text is decoded only when a RegExp keyword must be confirmed or, with `wantText`, some
   * rule is found (then `text` is set whenever `rules` is not empty). `ascii`: every byte is ASCII,
   * if known.
   */
  candidatesInBytes(bytes: Uint8Array, wanted: Wanted<R>, decode: DecodeBytes = defaultDecode, wantText = true): { rules: R[]; text?: string; ascii?: boolean } {
    return this.byteCandidates(bytes, wanted, decode, wantText);
  }

  /**
   * `candidatesInBytes`; `encodedFrom`: the text the bytes were encoded from (by TextEncoder: valid
   * UTF-8 of the same UTF-16 length, so hit offsets are the text's and it confirms keywords itself).
   */
  private byteCandidates(bytes: Uint8Array, wanted: Wanted<R>, decode: DecodeBytes, wantText: boolean, encodedFrom?: string): { rules: R[]; text?: string; ascii?: boolean } {
    if (!this.byteAutomaton()) {
      const text = decode(bytes, false);
      return { rules: this.candidatesOfText(text, wanted), text };
    }
    const search = this.begin(wanted);
    let ascii = bytes.length === 0 ? true : undefined; // known once the bytes are scanned
    let text: string | undefined;
    const decoded = (): string => (text ??= decode(bytes, ascii === true));
    let confirmer: Confirmer | undefined;
    const hits = this.hits;
    hits.length = 0;
    if (search.pending > 0) {
      const scanned = this.byteAutomaton()!.scan(bytes, search.plan.acceptLive, hits);
      ascii = scanned.ascii;
      if (!ascii && hits.length && encodedFrom !== undefined) {
        confirmer = new Confirmer(encodedFrom);
      } else if (!ascii && hits.length) {
        // Valid UTF-8: hit offsets are UTF-16 offsets. Keyword patterns written in ASCII are confirmed
        // on a stand-in that needs no decoding (a large header with one `©` is not ASCII); else on
        // the decoded text, and invalid UTF-8 goes to the text scan.
        const standIn = this.asciiPatterns && !startsWithBom(bytes) ? textStandIn(bytes) : undefined;
        if (standIn?.length === scanned.units) confirmer = new Confirmer(decode(standIn, true));
        else if (decoded().length !== scanned.units || decoded().includes('\uFFFD')) return { rules: this.candidatesOfText(decoded(), search.plan), text, ascii };
      }
    }
    // ASCII bytes are the text: read directly until a RegExp keyword needs the decoded text.
    confirmer ??= new Confirmer(decoded, ascii ? bytes : undefined);
    const { outputs } = this.automaton;
    const data = hits.data;
    scan: for (let i = 0; i < hits.length; i += 2) {
      const end = data[i];
      const out = outputs[data[i + 1]];
      for (let k = 0; k < out.length; k += 2) if (!this.onHit(search, out[k], end - out[k + 1], confirmer)) break scan;
    }
    const rules = this.finish(search, confirmer);
    return { rules, text: rules.length && wantText ? decoded() : text, ascii };
  }

  private byteAutomaton(): ByteAutomaton | undefined {
    if (this.bytes === undefined) this.bytes = ByteAutomaton.from(this.automaton) ?? null;
    return this.bytes ?? undefined;
  }

  /** `text` as UTF-8, in a buffer reused by the next call (up to a size worth keeping). */
  private encoded(text: string): Uint8Array {
    // Three bytes per UTF-16 unit at most (a surrogate pair: two units, four bytes).
    const need = text.length * 3;
    let buffer = this.encodeBuffer;
    if (buffer.length < need) {
      buffer = new Uint8Array(need);
      if (need <= ENCODE_BUFFER_KEPT) this.encodeBuffer = buffer;
    }
    const { written } = utf8.encodeInto(text, buffer);
    return buffer.subarray(0, written);
  }

  /** One document's bookkeeping, starting from the plan. */
  private begin(wanted: Wanted<R>): Search {
    const plan = typeof wanted === 'function' ? this.plan(wanted) : wanted;
    // Typed arrays per document (three slices) were a twentieth of a workspace scan's keyword pass.
    this.searchHit.fill(0);
    return { plan, hit: this.searchHit, keyLive: plan.keyLive, literalLive: plan.literalLive, copied: false, pending: plan.pending };
  }

  /** Marks the rules of a matched key as hit; keys and literals no other pending rule needs die. */
  private settle(search: Search, key: number): void {
    if (!search.copied) {
      this.searchKeyLive.set(search.plan.keyLive);
      this.searchLiteralLive.set(search.plan.literalLive);
      search.keyLive = this.searchKeyLive;
      search.literalLive = this.searchLiteralLive;
      search.copied = true;
    }
    const { plan, hit, keyLive, literalLive } = search;
    for (const r of this.keys[key].rules) {
      if (!plan.want[r] || hit[r]) continue;
      hit[r] = 1;
      search.pending--;
      for (const k of this.ruleKeys[r]) {
        if (!keyLive[k] || this.keys[k].rules.some((o) => plan.want[o] && !hit[o])) continue;
        keyLive[k] = 0;
        for (const lit of this.keys[k].literals) literalLive[lit]--;
      }
    }
  }

  /** Handles a literal occurrence; false once every wanted rule is hit. */
  private onHit(search: Search, literal: number, start: number, confirmer: Confirmer): boolean {
    if (search.literalLive[literal] === 0) return true;
    const probes = this.probes[literal];
    for (let i = 0; i < probes.length; i++) {
      const { key, joined, forms } = probes[i];
      if (!search.keyLive[key] || (forms && !hasForm(forms, start, confirmer))) continue;
      if (joined ? stickyTest(joined, start, confirmer.text) : this.occursAt(key, literal, start, confirmer, true)) {
        this.settle(search, key);
      }
    }
    return search.pending > 0;
  }

  /** Runs the keys without a literal (over the whole text, only for rules nothing else settled), then lists the hit rules. */
  private finish(search: Search, confirmer: Confirmer): R[] {
    for (const key of this.unanchored) {
      if (search.pending > 0 && search.keyLive[key] && confirmer.anywhere(this.keys[key].re!)) this.settle(search, key);
    }
    const { want } = search.plan;
    return this.rules.filter((r, i) => want[i] && (r.keyed ? search.hit[i] === 1 : true)).map((r) => r.rule);
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
      scanText(this.automaton, text, (literal, start) => {
        for (const key of this.literalKeys[literal]) {
          if (!wantedKeys[key]) continue;
          const { re, sticky } = this.keys[key];
          if (!re || sticky) {
            if (this.occursAt(key, literal, start, confirmed)) out.add(start);
          } else if (this.casedAt(key, literal, start, confirmed)) for (const at of confirmed.matchesNear(key, re, start)) out.add(at);
        }
        overflow = out.size > limit;
        return !overflow;
      });
    }
    if (overflow) return undefined;
    return [...out].sort((a, b) => a - b);
  }

  /** Whether key `key` matches given that its literal `literal` occurs at `start` (`caseChecked`: in a form of the pattern). */
  private occursAt(key: number, literal: number, start: number, confirmed: Confirmer, caseChecked = false): boolean {
    const { re, sticky } = this.keys[key];
    if (!re) return true;
    if (!caseChecked && !this.casedAt(key, literal, start, confirmed)) return false;
    if (!sticky) return confirmed.near(key, re, start) !== undefined;
    // Its matches start with its literal and at the start of the text: only a literal there counts
    // (`^CONFIG_…` keys of Kconfig rules meet every CONFIG_ macro of a C file).
    if (this.keys[key].textStart && start !== 0) return false;
    // One sticky test per occurrence. (A forward search after a few misses was tried: on the bench
    // workspace it was slower, since V8 cannot skip ahead on an alternation of many words.)
    return stickyTest(sticky, start, confirmed.text);
  }

  /**
   * False when a case-sensitive key's literal occurs here in another case (e.g. `port` for `PORT`):
   * then no match of the key contains this occurrence. Reads only the literal's own characters.
   */
  private casedAt(key: number, literal: number, start: number, confirmed: Confirmer): boolean {
    const forms = this.keys[key].casedByLiteral?.get(literal);
    return !forms || hasForm(forms, start, confirmed);
  }
}

function hasForm(forms: readonly string[], start: number, confirmed: Confirmer): boolean {
  for (let i = 0; i < forms.length; i++) if (confirmed.startsWith(forms[i], start)) return true;
  return false;
}

function stickyTest(sticky: RegExp, at: number, text: string): boolean {
  sticky.lastIndex = at;
  return sticky.test(text);
}

/**
 * Whether `re` sees every non-ASCII character only through \s, \S, \W, \D, `.` or a negated class
 * (its source is ASCII, with no \u, high \x or property escape, and no u or v flag), so that a
 * stand-in character of the same whitespace class matches wherever the real one does.
 */
function isAsciiPattern(re: RegExp): boolean {
  return !re.unicode && !re.flags.includes('v') && /^[\x20-\x7e]*$/.test(re.source) && !/\\(?:u|x[89a-fA-F]|[pP]\{|c)/.test(re.source);
}

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Whether `re` matches only at the start of the text: `^` first, no top-level `|`, no m flag. */
function anchoredAtTextStart(re: RegExp): boolean {
  if (re.multiline || !re.source.startsWith('^')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < re.source.length; i++) {
    const c = re.source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

/**
 * The case-sensitive forms of a pattern's literals, when its case-preserving analysis yields the same
 * literals as the folded one (else undefined: no case check, never a wrong rejection).
 */
function casedForms(source: string, folded: readonly string[]): Set<string> | undefined {
  const cased = anchorsOf(source, false)?.literals;
  if (!cased) return undefined;
  const lowered = new Set(cased.map((l) => l.toLowerCase()));
  return lowered.size === folded.length && folded.every((l) => lowered.has(l)) ? new Set(cased) : undefined;
}

/**
 * Runs RegExp keywords on windows of one text, remembering how far each key has been checked
 * without a match so that frequent literals do not rerun it. The text may be decoded on first use
 * (from ASCII bytes, which answer `slice` until then).
 */
class Confirmer {
  // Made on first use: most documents confirm no RegExp on a window.
  private checkedUntilByKey: Map<number, number> | undefined;
  private reportedByKey: Map<number, number> | undefined;
  private decoded: string | undefined;

  private get checkedUntil(): Map<number, number> {
    return (this.checkedUntilByKey ??= new Map());
  }

  private get reported(): Map<number, number> {
    return (this.reportedByKey ??= new Map());
  }

  /** `bytes`: the text's ASCII bytes, read by `slice` while the text is not decoded. */
  constructor(
    private readonly source: string | (() => string),
    private readonly bytes?: Uint8Array,
  ) {
    if (typeof source === 'string') this.decoded = source;
  }

  get text(): string {
    return (this.decoded ??= (this.source as () => string)());
  }

  /** Whether the text has `s` at `at`, read from the ASCII bytes while the text is not decoded. */
  startsWith(s: string, at: number): boolean {
    const bytes = this.bytes;
    if (this.decoded !== undefined || !bytes) return this.text.startsWith(s, at);
    if (at + s.length > bytes.length) return false;
    for (let i = 0; i < s.length; i++) if (bytes[at + i] !== s.charCodeAt(i)) return false;
    return true;
  }

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
    const text = this.text;
    // Windows start and end on line boundaries where one is near, so that `^`, `$`, `\b` and
    // lookarounds at a window's edge see what they would see in the whole text.
    const from = lineStartNear(text, Math.max(0, start - CONFIRM_BEFORE));
    const to = lineEndNear(text, Math.min(text.length, start + CONFIRM_CHUNK + CONFIRM_AFTER));
    // A window, not the rest of the text: a failing search must not scan to the end for every hit.
    const window = text.slice(from, to);
    const out: number[] = [];
    const after = this.reported.get(key) ?? -1;
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      if (from + m.index > after) out.push(from + m.index);
      if (m[0].length === 0) re.lastIndex++;
    }
    if (out.length) this.reported.set(key, out[out.length - 1]);
    // Literal occurrences before this point have had their whole match range inside the window.
    this.checkedUntil.set(key, to === text.length ? to : to - CONFIRM_AFTER);
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
