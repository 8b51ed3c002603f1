/**
 * Required literals of the RegExp keywords: one of them must occur in every match, or the
 * prefilter would skip documents a rule needs. The property test checks exactly that on random
 * matches of random patterns built from the syntax keywords use.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { anchorsOf, requiredLiterals } from '../../src/core/regex-anchors';

const cases: Array<{ source: string; expected: string[] | undefined }> = [
  { source: 'telnet', expected: ['telnet'] },
  { source: 'a(?:bc|de)f', expected: ['abcf', 'adef'] },
  { source: 'x[ab]y', expected: ['xay', 'xby'] },
  { source: 'Foo\\.Bar', expected: ['foo.bar'] },
  { source: '(?<![a-z])(?:3?des|rc2|ecb)(?![a-z])', expected: ['des', 'rc2', 'ecb'] },
  { source: '\\bMQTTClient\\s*\\(', expected: ['mqttclient'] },
  { source: 'gh[pousr]_', expected: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'] },
  { source: '(?:^|\\n)esphome[ \\t]*:', expected: ['esphome'] },
  { source: '\\w{0,40}[ \\t]*=\\s*1883', expected: ['1883'] },
  { source: 'secret|token', expected: ['secret', 'token'] },
  // Words every C or Python file has are never anchors: a rarer literal wins, or there is none.
  { source: '(?:^|\\n)[ \\t]*(?:import|from)[ \\t]+(?:machine|network)\\b', expected: ['machine', 'network'] },
  { source: '(?:^|\\n)[ \\t]*(?:import|from)[ \\t]+(?:machine|esp)\\b', expected: ['import ', 'import\t', 'from ', 'from\t'] },
  { source: '(?:^|\\n)[ \\t]*(?:menu)?config[ \\t]+(?:pass|pwd)', expected: ['pass', 'pwd'] },
  { source: '#[ \\t]*define[ \\t]+\\w{0,40}port[ \\t]+\\d', expected: undefined },
  // Nothing of two or more characters is required: the caller scans with the RegExp itself.
  { source: 'a+', expected: undefined },
  { source: 'ab|c', expected: undefined },
  { source: '[\\w-]{8,}', expected: undefined },
  { source: '(a)\\1', expected: undefined },
];

for (const { source, expected } of cases) {
  test(`required literals of /${source}/`, () => {
    const got = requiredLiterals(source);
    assert.deepEqual(got && [...got].sort(), expected && [...expected].sort());
  });
}

// Random patterns over a small alphabet, with the constructs keywords use.
const atom = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'ab', 'ca', '\\.', '.', '\\d', '\\w', '\\s', '[ab]', '[^a]', '\\b', '^', '$'),
);
const piece: fc.Arbitrary<string> = fc.tuple(atom, fc.constantFrom('', '?', '*', '+', '{2}', '{0,3}', '{1,2}')).map(([a, q]) => (['\\b', '^', '$'].includes(a) ? a : q && a.length > 1 && !a.startsWith('[') && !a.startsWith('\\') ? `(?:${a})${q}` : `${a}${q}`));
const sequence = fc.array(piece, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(''));
const pattern = fc.oneof(sequence, fc.tuple(sequence, sequence).map(([x, y]) => `(?:${x}|${y})z`), fc.tuple(sequence, sequence).map(([x, y]) => `${x}(?=${y})`));

test('every match of a pattern contains one of its required literals', () => {
  fc.assert(
    fc.property(pattern, fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'z', '.', ' ', '1', '\n'), maxLength: 40 }), (source, text) => {
      const required = requiredLiterals(source, 1);
      if (!required) return;
      const re = new RegExp(source, 'gi');
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          // An empty match contains nothing: then '' must not be claimed as absent.
          re.lastIndex++;
          assert.ok(required.includes(''), `/${source}/ matched '' but requires ${JSON.stringify(required)}`);
          continue;
        }
        const found = m[0].toLowerCase();
        assert.ok(required.some((r) => found.includes(r)), `/${source}/ matched ${JSON.stringify(m[0])} without any of ${JSON.stringify(required)}`);
      }
    }),
    { numRuns: 3000, seed: 7 },
  );
});

test('case-preserving anchors keep the pattern\'s own case (for the case check of case-sensitive keywords)', () => {
  const cases: Array<[string, string[] | undefined]> = [
    ['(?<=\\b[A-Z_]{0,9})(?:HOST|PORT)[A-Z_]*=', ['HOST', 'PORT']],
    ['CONFIG_(?:FOO|Bar)=y', ['CONFIG_FOO=y', 'CONFIG_Bar=y']],
    ['[pP]ass', ['pass', 'Pass']],
    ['\\w+', undefined],
  ];
  for (const [source, literals] of cases) {
    assert.deepEqual(anchorsOf(source, false)?.literals, literals, source);
    assert.deepEqual(anchorsOf(source)?.literals, literals && [...new Set(literals.map((l) => l.toLowerCase()))], `${source} folded`);
  }
});

test('every match of a case-sensitive pattern starts with one of its case-preserved prefix literals', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('Ab', 'AB', 'ab', 'x', '(?:Q|qq)', '[cC]', '\\d'), { minLength: 1, maxLength: 5 }), fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', 'q', 'Q', 'c', 'C', 'x', '1'), maxLength: 30 }), (parts, text) => {
      const source = parts.join('');
      const anchors = anchorsOf(source, false);
      if (!anchors?.atStart) return;
      const re = new RegExp(source, 'g');
      for (let m = re.exec(text); m; m = re.exec(text)) assert.ok(anchors.literals.some((l) => m![0].startsWith(l)), `/${source}/ matched ${m[0]} without a prefix of ${JSON.stringify(anchors.literals)}`);
    }),
    { numRuns: 2000, seed: 3 },
  );
});
