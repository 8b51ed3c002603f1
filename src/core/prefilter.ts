/**
 * The per-language keyword prefilter as one pass: which rules can fire on a document, decided
 * without lower-casing it. One case-insensitive alternation of the keywords of the rules still
 * undecided is run from the last hit on; every hit settles the rules it belongs to, and the
 * alternation shrinks to the rest, so a document is scanned about once however many rules exist.
 * Keywords are literal substrings or linear RegExps (no backreferences or nested quantifiers),
 * which join the same alternation.
 */

/** A prefilter keyword: a case-insensitive literal, or a linear RegExp (matched case-insensitively). */
export type Keyword = string | RegExp;

interface Keyed<R> {
  rule: R;
  /** Normalised keys: the lower-cased literal, or `/source/` for a RegExp. */
  keywords: readonly string[];
}

interface Compiled {
  re: RegExp;
  /** Literal keys of the alternation (longest first). */
  open: string[];
  /** RegExp keys of the alternation with a sticky matcher each. */
  patterns: Array<{ key: string; sticky: RegExp }>;
}

const REGEX_CACHE_MAX = 512;

/** Prefilter for one language's rules (built once per linter, reused for every document). */
export class KeywordPrefilter<R> {
  private readonly all: Array<{ rule: R; keyed?: Keyed<R> }> = [];
  private readonly keyed: Keyed<R>[] = [];
  private readonly byRule = new Map<R, Keyed<R>>();
  private readonly regexes = new Map<string, Compiled>();
  private readonly index = new Map<Keyed<R>, number>();
  private readonly sources = new Map<string, string>();

  constructor(rules: ReadonlyArray<{ rule: R; keywords?: readonly Keyword[] }>) {
    for (const { rule, keywords } of rules) {
      // An empty keyword list can never match: such a rule never runs.
      const keyed = keywords ? { rule, keywords: [...new Set(keywords.map((k) => this.keyOf(k)))] } : undefined;
      if (keyed?.keywords.length) {
        this.index.set(keyed, this.keyed.length);
        this.keyed.push(keyed);
        this.byRule.set(rule, keyed);
      }
      this.all.push({ rule, keyed });
    }
  }

  /** Rules (in registration order) whose keywords occur in `text`, among those `wanted` allows. */
  candidates(text: string, wanted: (rule: R) => boolean): R[] {
    const pending = this.keyed.filter((k) => wanted(k.rule));
    const hit = new Set<R>();
    const found = new Set<string>();
    let from = 0;
    while (pending.length) {
      const compiled = this.regexFor(pending);
      const { re } = compiled;
      re.lastIndex = from;
      const m = re.exec(text);
      if (!m) break;
      settle(text, m, compiled, found);
      for (let i = pending.length - 1; i >= 0; i--) {
        if (pending[i].keywords.some((k) => found.has(k))) {
          hit.add(pending[i].rule);
          pending.splice(i, 1);
        }
      }
      from = m.index + 1;
    }
    return this.all.filter((e) => (e.keyed ? hit.has(e.rule) : wanted(e.rule))).map((e) => e.rule);
  }

  /**
   * Offsets of every keyword hit of `rules` in `text`, ascending, or undefined when some rule has
   * no keywords (it reads the whole document) or there are more than `limit` hits.
   */
  hitOffsets(text: string, rules: readonly R[], limit: number): number[] | undefined {
    const keyed: Keyed<R>[] = [];
    for (const r of rules) {
      const k = this.byRule.get(r);
      if (!k) return undefined;
      keyed.push(k);
    }
    if (!keyed.length) return [];
    const { re } = this.regexFor(keyed);
    const out: number[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (out.length >= limit) return undefined;
      out.push(m.index);
      re.lastIndex = m.index + Math.max(1, m[0].length);
    }
    return out;
  }

  private keyOf(k: Keyword): string {
    if (typeof k === 'string') return k.toLowerCase();
    const key = `/${k.source}/`;
    this.sources.set(key, k.source);
    return key;
  }

  /** The alternation of the pending rules' keywords, cached by the set of pending rules. */
  private regexFor(pending: readonly Keyed<R>[]): Compiled {
    const key = pending.map((k) => this.index.get(k)).join(',');
    let hit = this.regexes.get(key);
    if (!hit) {
      if (this.regexes.size >= REGEX_CACHE_MAX) this.regexes.clear();
      const keys = [...new Set(pending.flatMap((k) => k.keywords))];
      const patterns = keys.filter((k) => this.sources.has(k)).map((k) => ({ key: k, sticky: new RegExp(`(?:${this.sources.get(k)})`, 'iy') }));
      const open = keys.filter((k) => !this.sources.has(k)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
      // RegExps first, then literals longest first, escaped: linear-time matching, no backtracking blow-up.
      const alternatives = [...patterns.map((p) => `(?:${this.sources.get(p.key)})`), ...open.map(escapeRegExp)];
      hit = { re: new RegExp(alternatives.join('|'), 'gi'), open, patterns };
      this.regexes.set(key, hit);
    }
    return hit;
  }
}

/** Adds to `found` every keyword that occurs at the match position (or inside the match). */
function settle(text: string, m: RegExpExecArray, { open, patterns }: Compiled, found: Set<string>): void {
  const match = m[0].toLowerCase();
  for (const k of open) {
    if (found.has(k)) continue;
    // Inside the match, or starting where it starts (a RegExp alternative may have won there).
    if (match.includes(k) || (k.length > match.length && text.slice(m.index, m.index + k.length).toLowerCase() === k)) found.add(k);
  }
  for (const p of patterns) {
    if (found.has(p.key)) continue;
    p.sticky.lastIndex = m.index;
    if (p.sticky.test(text)) found.add(p.key);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
