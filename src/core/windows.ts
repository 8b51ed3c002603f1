/**
 * Parse windows: for a large document whose keyword hits are sparse, the ranges around the hits
 * that are worth parsing. Each hit grows to ±`context` lines, then out to top-level construct
 * boundaries (a line starting in column 0 that follows a blank line or a closing `}` line) when one
 * is near, so that a window usually holds whole declarations; overlapping windows merge.
 */
import type { Range } from './facts';

export interface WindowOptions {
  /** Lines kept on each side of a hit before snapping. */
  context: number;
  /** How many more lines a window may grow to reach a construct boundary. */
  snap: number;
}

export const DEFAULT_WINDOW_OPTIONS: WindowOptions = { context: 12, snap: 200 };

/** Start offsets of every line of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line index of `offset` (binary search in `starts`). */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * True if line `i` starts a top-level construct: it begins in column 0 with something other than
 * a closer or a continuation, and the line before it is blank or closes a block at column 0.
 */
function isBoundary(text: string, starts: readonly number[], i: number): boolean {
  if (i <= 0) return true;
  if (i >= starts.length) return true;
  const c = text.charCodeAt(starts[i]);
  // space, tab, CR, LF, '}', ')', ']', '*' (comment continuation), '#' is fine (preprocessor)
  if (c === 32 || c === 9 || c === 13 || c === 10 || c === 125 || c === 41 || c === 93 || c === 42 || Number.isNaN(c)) return false;
  const prev = text.slice(starts[i - 1], starts[i]).trimEnd();
  return prev === '' || prev.startsWith('}');
}

/**
 * Merged windows around `hits` (ascending offsets) in `text`, as half-open offset ranges that
 * start and end on line starts (the last may end at `text.length`).
 */
export function windowsAround(text: string, hits: readonly number[], opts: WindowOptions = DEFAULT_WINDOW_OPTIONS): Range[] {
  if (!hits.length) return [];
  const starts = lineStarts(text);
  const lines = starts.length;
  const out: Array<[number, number]> = [];
  for (const hit of hits) {
    const line = lineOf(starts, hit);
    // A hit inside the last window needs no window of its own when it keeps `context` lines of margin.
    const last = out[out.length - 1];
    if (last && hit < last[1] && lineOf(starts, last[1] - 1) - line >= opts.context) continue;
    let from = Math.max(0, line - opts.context);
    for (let i = from, stop = Math.max(0, from - opts.snap); i >= stop; i--) {
      if (isBoundary(text, starts, i)) {
        from = i;
        break;
      }
    }
    let to = Math.min(lines, line + opts.context + 1);
    for (let i = to, stop = Math.min(lines, to + opts.snap); i <= stop; i++) {
      if (isBoundary(text, starts, i)) {
        to = i;
        break;
      }
    }
    const a = starts[from];
    const b = to >= lines ? text.length : starts[to];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Total length covered by `windows`. */
export function coverage(windows: readonly Range[]): number {
  let n = 0;
  for (const [a, b] of windows) n += b - a;
  return n;
}
