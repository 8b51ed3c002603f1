import type { Finding, TextEdit } from './finding';

/**
 * Applies same-file edits (ESLint-style): sorted by position, overlapping edits skipped
 * (their findings stay reported). Returns the new text and which edits were applied.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let out = '';
  let last = 0;
  for (const e of sorted) {
    if (e.range[0] < last || e.range[1] > text.length || e.range[0] > e.range[1]) {
      skipped.push(e);
      continue;
    }
    out += text.slice(last, e.range[0]) + e.text;
    last = e.range[1];
    applied.push(e);
  }
  return { text: out + text.slice(last), applied, skipped };
}

/** Applies the safe `fix` of every finding that has one (fix-all / `--fix`). */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; fixed: number } {
  const edits: TextEdit[] = [];
  let fixed = 0;
  for (const f of findings) {
    if (!f.fix || f.fix.fileEdits?.length) continue; // cross-file edits need the host
    edits.push(...f.fix.edits);
    fixed++;
  }
  return { text: applyEdits(text, edits).text, fixed };
}
