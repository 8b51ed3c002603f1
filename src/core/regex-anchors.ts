/**
 * Required literals of a regular expression: a set of strings one of which occurs in every match
 * (lower-cased for the prefilter's case-insensitive literal scan; in the pattern's own case on
 * request, to check a hit of a case-sensitive pattern before running it). The prefilter looks for these with one
 * multi-literal automaton and runs the real RegExp only near where one occurs, instead of running
 * one big alternation at every position of every file.
 *
 * Works on a small parse of the JavaScript pattern syntax the keywords use; anything it does not
 * understand yields `undefined` (the caller then runs the RegExp over the whole text: slower, never
 * wrong).
 */

/** What is known about the strings a piece of pattern matches. */
interface Info {
  /** Every string it can match, when that set is small; undefined when unknown or large. */
  exact?: string[];
  /** Strings one of which occurs in every match; undefined when nothing is required. */
  required?: string[];
  /** Strings one of which every match starts with (may hold ''); undefined when unknown. */
  prefix?: string[];
}

/** Where the automaton should look, and whether a match must start where the literal does. */
export interface Anchors {
  literals: string[];
  /** True: every match starts with one of `literals`, so a sticky test at the hit confirms it. */
  atStart: boolean;
}

/** Exact sets larger than this are dropped (they would only make the automaton bigger). */
const MAX_SET = 64;
/** Character classes up to this many characters are expanded into alternatives. */
const MAX_CLASS = 8;

class Unsupported extends Error {}

/**
 * The best required-literal set of `source` (lower-cased), or undefined when none of at least
 * `minLength` characters can be derived.
 */
export function requiredLiterals(source: string, minLength = 2, foldCase = true): string[] | undefined {
  const info = analyse(source, foldCase);
  const best = info && better(info.required, info.exact);
  return best && score(best) >= minLength ? minimal(best) : undefined;
}

/**
 * Anchors for the prefilter: a prefix set when every match starts with a literal of at least
 * three characters (confirmed by a sticky test where the literal occurs, cheap even for common
 * words), else the required literals (confirmed on a window around them), else undefined.
 */
export function anchorsOf(source: string, foldCase = true): Anchors | undefined {
  const info = analyse(source, foldCase);
  if (!info) return undefined;
  const prefix = info.exact ?? info.prefix;
  if (prefix?.length && Math.min(...prefix.map((s) => s.length)) >= 3) return { literals: prefix, atStart: true };
  const literals = requiredLiterals(source, 2, foldCase);
  return literals ? { literals, atStart: false } : undefined;
}

function analyse(source: string, foldCase: boolean): Info | undefined {
  try {
    const p = new PatternParser(source, foldCase);
    const info = p.parseAlternation();
    if (p.pos !== source.length) throw new Unsupported('trailing input');
    return info;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

function prefixOf(info: Info): string[] {
  return info.exact ?? info.prefix ?? [''];
}

/** Drops members that contain another member: wherever they occur, the shorter one does too. */
function minimal(set: readonly string[]): string[] {
  return set.filter((s, i) => !set.some((t, j) => j !== i && t.length < s.length && s.includes(t)));
}

/**
 * Words so frequent in source code that an automaton hit on them says nothing: a set containing
 * one scores 1, so a rarer literal elsewhere in the pattern wins, or the RegExp runs on its own
 * (one linear pass, cheaper than confirming it at every `#define`).
 */
const COMMON_IN_CODE = new Set(['define', 'include', 'config', 'return', 'const', 'static', 'struct', 'void', 'char', 'string', 'data', 'value', 'name', 'type', 'self', 'this', 'port', 'addr', 'pin', 'key', 'set', 'get', 'len', 'begin', 'connect']);

/** Quality of a required set: its shortest member's length (0 when it contains ''; 1 with a common word). */
function score(set: readonly string[] | undefined): number {
  if (!set?.length) return 0;
  if (set.some((s) => COMMON_IN_CODE.has(s.trim().toLowerCase()))) return Math.min(1, ...set.map((s) => s.length));
  return Math.min(...set.map((s) => s.length));
}

function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  const sa = score(a);
  const sb = score(b);
  if (sa !== sb) return sa > sb ? a : b;
  if (!a) return b;
  if (!b) return a;
  return a.length <= b.length ? a : b;
}

function product(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length * b.length > MAX_SET) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

const EMPTY: Info = { exact: [''] };
const UNKNOWN: Info = {};

class PatternParser {
  pos = 0;
  /** `foldCase`: lower-case every literal (for the case-insensitive automaton); else keep the pattern's case. */
  constructor(
    private readonly src: string,
    private readonly foldCase: boolean,
  ) {}

  private fold(c: string): string {
    return this.foldCase ? c.toLowerCase() : c;
  }

  parseAlternation(): Info {
    const branches = [this.parseSequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      branches.push(this.parseSequence());
    }
    if (branches.length === 1) return branches[0];
    let exact: string[] | undefined = [];
    let required: string[] | undefined = [];
    let prefix: string[] | undefined = [];
    for (const b of branches) {
      prefix = prefix && [...new Set([...prefix, ...prefixOf(b)])];
      if (prefix && prefix.length > MAX_SET) prefix = undefined;
      exact = exact && b.exact ? [...new Set([...exact, ...b.exact])] : undefined;
      if (exact && exact.length > MAX_SET) exact = undefined;
      const r = better(b.required, b.exact);
      required = required && r && score(r) > 0 ? [...new Set([...required, ...r])] : undefined;
    }
    return { exact, required, prefix };
  }

  /** A concatenation: runs of exact pieces multiply out; the best required set wins. */
  private parseSequence(): Info {
    let run: string[] | undefined = [''];
    let best: string[] | undefined;
    let allExact = true;
    // The leading exact pieces, multiplied out, then the prefix of the first other piece.
    let prefixRun = [''];
    let prefix: string[] | undefined;
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const piece = this.parseQuantified();
      if (!prefix) {
        const grown = piece.exact && product(prefixRun, piece.exact);
        if (grown) prefixRun = grown;
        else prefix = product(prefixRun, prefixOf(piece)) ?? prefixRun;
      }
      const joined: string[] | undefined = run && piece.exact ? product(run, piece.exact) : undefined;
      if (joined) {
        run = joined;
        continue;
      }
      best = better(best, run);
      // The run followed by how this piece starts (`import[ \t]+` → "import ", "import\t").
      if (run) best = better(best, product(run, prefixOf(piece)));
      best = better(best, piece.required);
      if (piece.exact) {
        // Too many combinations: start a new run from this piece.
        run = piece.exact;
        allExact = false;
      } else {
        run = [''];
        allExact = false;
      }
    }
    best = better(best, run);
    return { exact: allExact ? run : undefined, required: best, prefix: prefix ?? prefixRun };
  }

  private parseQuantified(): Info {
    const atom = this.parseAtom();
    const q = this.parseQuantifier();
    if (!q) return atom;
    if (q.min === 0) {
      // Optional: the atom may be absent, so nothing of it is required.
      return { exact: q.max === 1 && atom.exact ? [...new Set(['', ...atom.exact])] : undefined };
    }
    if (q.min === q.max && atom.exact) {
      let exact: string[] | undefined = [''];
      for (let i = 0; i < q.min && exact; i++) exact = product(exact, atom.exact);
      if (exact) return { exact, required: atom.required };
    }
    return { required: better(atom.required, atom.exact), prefix: prefixOf(atom) };
  }

  private parseQuantifier(): { min: number; max: number } | undefined {
    const c = this.src[this.pos];
    let q: { min: number; max: number } | undefined;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) return undefined; // a literal '{'
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.pos += m[0].length - 1;
      q = { min, max };
    }
    if (!q) return undefined;
    this.pos++;
    if (this.src[this.pos] === '?') this.pos++; // lazy: same strings
    return q;
  }

  private parseAtom(): Info {
    const c = this.src[this.pos++];
    switch (c) {
      case '(':
        return this.parseGroup();
      case '[':
        return this.parseClass();
      case '.':
        return UNKNOWN;
      case '^':
      case '$':
        return EMPTY;
      case '\\':
        return this.parseEscape();
      case '*':
      case '+':
      case '?':
        throw new Unsupported('nothing to repeat');
      default:
        return { exact: [this.fold(c)], required: [this.fold(c)] };
    }
  }

  private parseGroup(): Info {
    let lookaround = false;
    if (this.src[this.pos] === '?') {
      const rest = this.src.slice(this.pos, this.pos + 3);
      if (rest.startsWith('?:')) this.pos += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        this.pos += 2;
        lookaround = true;
      } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
        this.pos += 3;
        lookaround = true;
      } else if (rest.startsWith('?<')) {
        const close = this.src.indexOf('>', this.pos);
        if (close < 0) throw new Unsupported('group name');
        this.pos = close + 1;
      } else throw new Unsupported('group kind');
    }
    const inner = this.parseAlternation();
    if (this.src[this.pos] !== ')') throw new Unsupported('unclosed group');
    this.pos++;
    // Lookarounds consume nothing: the match itself need not contain their text.
    return lookaround ? EMPTY : inner;
  }

  private parseClass(): Info {
    let negated = false;
    if (this.src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    const chars = new Set<string>();
    let open = false; // a shorthand class (\w, \d, \s…) makes the set unbounded
    let first = true;
    while (this.pos < this.src.length && (this.src[this.pos] !== ']' || first)) {
      first = false;
      let ch = this.src[this.pos++];
      if (ch === '\\') {
        const e = this.src[this.pos++];
        if ('dDwWsS'.includes(e)) {
          open = true;
          continue;
        }
        ch = this.escapedChar(e);
      }
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        let hi = this.src[this.pos++];
        if (hi === '\\') hi = this.escapedChar(this.src[this.pos++]);
        const from = ch.charCodeAt(0);
        const to = hi.charCodeAt(0);
        if (to - from > MAX_CLASS * 4) open = true;
        else for (let k = from; k <= to; k++) chars.add(String.fromCharCode(k));
        continue;
      }
      chars.add(ch);
    }
    if (this.src[this.pos] !== ']') throw new Unsupported('unclosed class');
    this.pos++;
    if (negated || open) return UNKNOWN;
    const folded = [...new Set([...chars].map((x) => this.fold(x)))];
    return folded.length <= MAX_CLASS ? { exact: folded } : UNKNOWN;
  }

  private parseEscape(): Info {
    const e = this.src[this.pos++];
    if (e === undefined) throw new Unsupported('trailing backslash');
    if (e === 'b' || e === 'B') return EMPTY;
    if ('dDwWsS'.includes(e)) return UNKNOWN;
    if (/[1-9k]/.test(e)) throw new Unsupported('backreference');
    const ch = this.fold(this.escapedChar(e));
    return { exact: [ch], required: [ch] };
  }

  /** The character an escape stands for (the escape letter already consumed). */
  private escapedChar(e: string): string {
    switch (e) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case '0':
        return '\0';
      case 'x': {
        const hex = this.src.slice(this.pos, this.pos + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new Unsupported('\\x');
        this.pos += 2;
        return String.fromCharCode(parseInt(hex, 16));
      }
      case 'u': {
        const hex = this.src.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Unsupported('\\u');
        this.pos += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      case 'c':
      case 'p':
      case 'P':
        throw new Unsupported(`\\${e}`);
      default:
        return e; // an escaped punctuation character stands for itself
    }
  }
}
