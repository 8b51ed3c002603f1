/**
 * The per-language keyword prefilter as one pass: which rules can fire on a document, decided
 * without lower-casing it. One case-insensitive alternation of the keywords of the rules still
 * undecided is run from the last hit on; every hit settles the rules it belongs to, and the
 * alternation shrinks to the rest, so a document is scanned about once however many rules exist.
 */

interface Keyed<R> {
  rule: R;
  keywords: readonly string[];
}

const REGEX_CACHE_MAX = 512;

/** Prefilter for one language's rules (built once per linter, reused for every document). */
export class KeywordPrefilter<R> {
  private readonly all: Array<{ rule: R; keyed?: Keyed<R> }> = [];
  private readonly keyed: Keyed<R>[] = [];
  private readonly regexes = new Map<string, { re: RegExp; open: string[] }>();
  private readonly index = new Map<Keyed<R>, number>();

  constructor(rules: ReadonlyArray<{ rule: R; keywords?: readonly string[] }>) {
    for (const { rule, keywords } of rules) {
      // An empty keyword list can never match: such a rule never runs.
      const keyed = keywords ? { rule, keywords: [...new Set(keywords.map((k) => k.toLowerCase()))] } : undefined;
      if (keyed?.keywords.length) {
        this.index.set(keyed, this.keyed.length);
        this.keyed.push(keyed);
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
      const { re, open } = this.regexFor(pending);
      re.lastIndex = from;
      const m = re.exec(text);
      if (!m) break;
      // Longest keywords come first in the alternation, so shorter keywords matching at the same
      // position are substrings of the match: settle them too.
      const match = m[0].toLowerCase();
      for (const k of open) if (match.includes(k)) found.add(k);
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

  /** The alternation of the pending rules' keywords, cached by the set of pending rules. */
  private regexFor(pending: readonly Keyed<R>[]): { re: RegExp; open: string[] } {
    const key = pending.map((k) => this.index.get(k)).join(',');
    let hit = this.regexes.get(key);
    if (!hit) {
      if (this.regexes.size >= REGEX_CACHE_MAX) this.regexes.clear();
      const open = [...new Set(pending.flatMap((k) => k.keywords))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
      // Literal alternation, escaped: linear-time matching, no backtracking blow-up.
      hit = { re: new RegExp(open.map(escapeRegExp).join('|'), 'gi'), open };
      this.regexes.set(key, hit);
    }
    return hit;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
