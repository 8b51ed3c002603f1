import type { LineIndex } from './line-index';

/** A suppression comment found in a document. */
export interface Suppression {
  /** 1-based line the suppression applies to. */
  line: number;
  /** Rule ids (or category ids, or `all`). */
  rules: string[];
  reason?: string;
  /** 1-based line of the comment itself. */
  commentLine: number;
}

const MARKER = 'iotsec-ignore';
const COMMENT_OPENER = /\/\/|#|;|\/\*|<!--/;

/**
 * Finds suppression comments: `iotsec-ignore-next-line rule-a, rule-b -- reason` or
 * `iotsec-ignore rule -- reason` at the end of a line. Works on raw text so every language
 * (including JSON-with-comments and manifests) shares one syntax; the marker only counts after a
 * comment opener (`//`, `#`, `;`, `/*`) on the same line. Parsed by hand, not by one big regex,
 * so a crafted 1 MB line cannot make it backtrack.
 */
export function findSuppressions(text: string, lines: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  for (let at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + MARKER.length)) {
    const commentLine = lines.position(at).line;
    const lineStart = lines.lineStart(commentLine);
    if (!COMMENT_OPENER.test(text.slice(lineStart, at))) continue;
    let rest = text.slice(at + MARKER.length, lineEnd(text, at));
    const nextLine = rest.startsWith('-next-line');
    if (nextLine) rest = rest.slice('-next-line'.length);
    if (!/^[ \t]/.test(rest)) continue;
    rest = rest.replace(/(\*\/|-->)\s*$/, '');
    const sep = rest.indexOf('--');
    const list = sep < 0 ? rest : rest.slice(0, sep);
    const reason = sep < 0 ? undefined : rest.slice(sep + 2).trim() || undefined;
    const rules = list.split(/[\s,]+/).filter(Boolean);
    if (!rules.length) continue;
    out.push({ line: nextLine ? commentLine + 1 : commentLine, rules, reason, commentLine });
  }
  return out;
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  const r = text.indexOf('\r', from);
  const ends = [n, r].filter((x) => x >= 0);
  return ends.length ? Math.min(...ends) : text.length;
}

/** The suppression covering a finding on `line` for `ruleId`/`category`, if any. */
export function suppressionFor(list: readonly Suppression[], line: number, ruleId: string, category: string): Suppression | undefined {
  return list.find((s) => s.line === line && s.rules.some((r) => r === ruleId || r === category || r === 'all'));
}

/** Text of a suppression comment for the "Ignore on this line" quick fix. */
export function suppressionComment(ruleId: string, line: { prefix: string; suffix?: string }, reason = 'REASON'): string {
  return `${line.prefix} iotsec-ignore-next-line ${ruleId} -- ${reason}${line.suffix ?? ''}`;
}
