import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../src/core/line-index';
import { findSuppressions, suppressionFor } from '../../src/core/suppressions';

const find = (text: string) => findSuppressions(text, new LineIndex(text));

test('next-line and same-line suppressions in each comment syntax', () => {
  const text = [
    '// iotsec-ignore-next-line hardcoded-credential -- test bench only',
    'const char* pw = "x";',
    'BROKER = "mqtt://10.0.0.2"  # iotsec-ignore plaintext-url -- lab broker',
    '; iotsec-ignore-next-line plaintext-url, mqtt-plaintext-port -- local',
    '/* iotsec-ignore-next-line all -- generated */',
  ].join('\n');
  const s = find(text);
  assert.equal(s.length, 4);
  assert.deepEqual(s[0], { line: 2, rules: ['hardcoded-credential'], reason: 'test bench only', commentLine: 1 });
  assert.deepEqual(s[1], { line: 3, rules: ['plaintext-url'], reason: 'lab broker', commentLine: 3 });
  assert.deepEqual(s[2].rules, ['plaintext-url', 'mqtt-plaintext-port']);
  assert.equal(s[2].line, 5);
  assert.equal(s[3].reason, 'generated');
  assert.ok(suppressionFor(s, 2, 'hardcoded-credential', 'hardcoded-secret'));
  assert.ok(!suppressionFor(s, 2, 'plaintext-url', 'plaintext-protocol'));
  assert.ok(suppressionFor(s, 6, 'anything', 'x'), '"all" covers every rule');
});

test('a suppression without a reason has no reason', () => {
  const [s] = find('# iotsec-ignore-next-line plaintext-url\nurl = "http://x"');
  assert.equal(s.reason, undefined);
});

test('the marker outside a comment is not a suppression', () => {
  assert.deepEqual(find('const s = "iotsec-ignore plaintext-url -- x";'), []);
});

test('a long hostile line is handled in linear time', () => {
  const text = '// iotsec-ignore ' + 'a -'.repeat(200_000);
  const t0 = performance.now();
  find(text);
  assert.ok(performance.now() - t0 < 2000);
});
