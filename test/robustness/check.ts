/** Invariants every engine result must satisfy, whatever the input. */
import assert from 'node:assert/strict';
import type { Range } from '../../src/core/facts';
import type { Position } from '../../src/core/finding';
import type { LintResult } from '../../src/core/linter';

/** 1-based line/column of `offset`, counting CRLF, CR and LF as line ends (as the engine does). */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        if (i + 1 >= offset) break; // offset between CR and LF: still on this line
        i++;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function assertRange(range: Range | undefined, length: number, what: string): void {
  assert.ok(Array.isArray(range) && range.length === 2, `${what}: not a range`);
  const [s, e] = range;
  assert.ok(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= length, `${what}: range [${s}, ${e}) outside 0..${length}`);
}

/** Every range-like field in a facts tree stays inside the document (iterative: facts may nest 10k deep). */
export function assertFactRanges(facts: unknown, length: number): void {
  const stack: Array<[unknown, string]> = [[facts, 'facts']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, `${path}[${i}]`]));
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'range' || k.endsWith('Range')) && Array.isArray(v) && v.length === 2 && typeof v[0] === 'number') assertRange(v as unknown as Range, length, `${path}.${k}`);
      else stack.push([v, `${path}.${k}`]);
    }
  }
}

/** Findings, fixes and parse errors have valid ranges and positions consistent with the text. */
export function assertValidResult(text: string, result: LintResult): void {
  for (const f of result.findings) {
    const where = `${f.ruleId} at [${f.range[0]}, ${f.range[1]})`;
    assertRange(f.range, text.length, where);
    assert.deepEqual(f.start, positionOf(text, f.range[0]), `${where}: start position`);
    assert.deepEqual(f.end, positionOf(text, f.range[1]), `${where}: end position`);
    assert.equal(typeof f.message, 'string');
    for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) {
      for (const e of fix.edits) assertRange(e.range, text.length, `${where}: fix edit`);
    }
  }
  for (const e of result.parseErrors) {
    assertRange(e.range, text.length, `parse error "${e.message}"`);
    assert.deepEqual(e.start, positionOf(text, e.range[0]), `parse error "${e.message}": position`);
  }
}
