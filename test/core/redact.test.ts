import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../src/core/line-index';
import { redact, redactAll } from '../../src/core/redact';

test('redact keeps at most two characters', () => {
  assert.equal(redact('Zq8#kd93!tomato'), 'Zq*************'.slice(0, 2 + 12));
  assert.ok(!redact('hunter2').includes('hunter'));
  assert.equal(redact('abc'), '****');
});

test('redactAll replaces every occurrence', () => {
  const out = redactAll('pw="Zq8#kd93!x" again Zq8#kd93!x', ['Zq8#kd93!x']);
  assert.ok(!out.includes('Zq8#kd93!x'));
  assert.equal(out.split('Zq').length, 3);
});

test('LineIndex handles LF, CRLF and CR', () => {
  const idx = new LineIndex('a\r\nb\nc\rd');
  assert.deepEqual(idx.position(0), { line: 1, column: 1 });
  assert.deepEqual(idx.position(3), { line: 2, column: 1 });
  assert.deepEqual(idx.position(5), { line: 3, column: 1 });
  assert.deepEqual(idx.position(7), { line: 4, column: 1 });
  assert.equal(idx.lineCount, 4);
});
