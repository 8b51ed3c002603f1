import type { Position } from './finding';

/** Maps UTF-16 offsets to 1-based line/column; built once per document, binary search per lookup. */
export class LineIndex {
  private computed: number[] | undefined;

  // Built on first use: most scanned documents never need a position (no finding, no signal).
  constructor(private readonly text: string) {}

  private get starts(): number[] {
    if (this.computed) return this.computed;
    const text = this.text;
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // No CR at all (the common case): a native search per line instead of a JS loop per character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.computed = starts;
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of a UTF-16 offset (clamped into the document). */
  position(offset: number): Position {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(0, offset - starts[lo]) + 1 };
  }

  /** UTF-16 offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1];
  }
}
