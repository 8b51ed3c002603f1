/**
 * A cheap pre-scan that bounds YAML nesting depth before the `yaml` package composes the text.
 * The package composes recursively; near the stack limit V8 can abort the whole process (a
 * regexp compiled deep in the stack fails with a fatal OOM instead of a RangeError), so deeply
 * nested input must never reach it. The estimate may over-count (brackets inside plain scalars)
 * but never under-counts real block or flow nesting.
 */

/** Real device configs nest < 20 levels; the yaml package is safe far beyond this. */
export const MAX_YAML_NESTING = 128;

/**
 * Offset of the line where the estimated nesting (block indentation levels + compact `- -`
 * items + open flow brackets) first exceeds `limit`, or -1 when it never does.
 */
export function nestingOverflow(text: string, limit = MAX_YAML_NESTING): number {
  const len = text.length;
  const indents: number[] = [];
  let flow = 0;
  let blockScalarIndent = -1;                    // inside a `|` / `>` block scalar: lines indented more than this
  let i = 0;
  while (i < len) {
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0) lineEnd = len;
    let s = i;
    while (s < lineEnd && text.charCodeAt(s) === 0x20) s++;
    const indent = s - i;
    const blank = s >= lineEnd || text.charCodeAt(s) === 0x0d;
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) { i = lineEnd + 1; continue; }
      blockScalarIndent = -1;
    }
    if (blank || text.charCodeAt(s) === 0x23 /* # */) { i = lineEnd + 1; continue; }
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1] > indent) indents.pop();
      if (!indents.length || indents[indents.length - 1] < indent) indents.push(indent);
      let j = s;
      let compact = 0;
      while (text.charCodeAt(j) === 0x2d && (text.charCodeAt(j + 1) === 0x20 || text.charCodeAt(j + 1) === 0x09)) {
        compact++;
        j += 2;
        while (text.charCodeAt(j) === 0x20) j++;
      }
      if (indents.length + compact > limit) return i;
    }
    let prev = 0x20;                              // last non-blank character before k on this line
    let lastNonBlank = -1;
    for (let k = s; k < lineEnd; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
      const valueStart = k === s || prev === 0x3a || prev === 0x2d || prev === 0x3f || prev === 0x2c || prev === 0x5b || prev === 0x7b;
      if (c === 0x23 && (k === s || isSpace(text.charCodeAt(k - 1)))) break;  // comment
      if ((c === 0x22 || c === 0x27) && (flow > 0 || valueStart)) {
        // Skip a quoted scalar on this line (brackets inside it are text).
        let q = k + 1;
        while (q < lineEnd && text.charCodeAt(q) !== c) q += c === 0x22 && text.charCodeAt(q) === 0x5c ? 2 : 1;
        k = q;
        prev = c;
        lastNonBlank = k;
        continue;
      }
      if ((c === 0x5b || c === 0x7b) && (flow > 0 || valueStart)) {
        flow++;
        if (indents.length + flow > limit) return i;
      } else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--;
      prev = c;
      lastNonBlank = k;
    }
    // `key: |` / `- >-` opens a block scalar: its content lines are text.
    if (flow === 0 && lastNonBlank >= 0 && isBlockScalarHeaderEnd(text, s, lastNonBlank)) blockScalarIndent = indent;
    i = lineEnd + 1;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** True when the line's last token is a block scalar header: `|`, `>`, `|-`, `>+2`, … */
function isBlockScalarHeaderEnd(text: string, lineStart: number, last: number): boolean {
  let k = last;
  while (k > lineStart && k > last - 3) {
    const c = text.charCodeAt(k);
    if (c === 0x7c || c === 0x3e) return k === lineStart || isSpace(text.charCodeAt(k - 1));
    if (c !== 0x2d && c !== 0x2b && !(c >= 0x31 && c <= 0x39)) return false;
    k--;
  }
  const c = text.charCodeAt(k);
  return (c === 0x7c || c === 0x3e) && (k === lineStart || isSpace(text.charCodeAt(k - 1)));
}
