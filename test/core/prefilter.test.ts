/**
 * The keyword prefilter must select exactly the rules a naive check selects (each literal by
 * case-insensitive `includes`, each RegExp run over the whole text): the automaton, the required
 * literals and the confirmation windows are an optimisation, never a change of answer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { KeywordPrefilter, type Keyword } from '../../src/core/prefilter';
import { allProjectRules, allRules } from '../../src/rules/index';
import { threatModelCollectors } from '../../src/threat-model/collectors/index';

interface Gate {
  id: string;
  keywords?: readonly Keyword[];
}

function naive(gates: readonly Gate[], text: string): string[] {
  const lower = text.toLowerCase();
  const occurs = (k: Keyword): boolean => (typeof k === 'string' ? lower.includes(k.toLowerCase()) : new RegExp(k.source, k.flags).test(text));
  return gates.filter((g) => !g.keywords || g.keywords.some(occurs)).map((g) => g.id);
}

const gates: Gate[] = [
  { id: 'literal', keywords: ['telnet', 'RemoteDebug'] },
  { id: 'regex-i', keywords: [/\bWiFiServer\s+\w+\s*\(\s*23\s*\)/i] },
  { id: 'regex-case', keywords: [/CONFIG_SECURE_BOOT(?:_V2)?_ENABLED/] },
  { id: 'line-anchored', keywords: [/(?:^|\n)[ \t]*esphome[ \t]*:/i] },
  { id: 'lookaround', keywords: [/(?<![a-z0-9])rc4(?![0-9])/i] },
  { id: 'unanchored', keywords: [/\d{4}:aa/i] },
  { id: 'always' },
  { id: 'never', keywords: [] },
];

test('candidates follow each keyword kind (literal, /i, case-sensitive, line-anchored, lookaround)', () => {
  const pf = new KeywordPrefilter(gates.map((g) => ({ rule: g, keywords: g.keywords })));
  const ids = (text: string) => pf.candidates(text, () => true).map((g) => g.id);
  assert.deepEqual(ids('int x = 1;'), ['always']);
  assert.deepEqual(ids('// TELNET is off'), ['literal', 'always']);
  assert.deepEqual(ids('WiFiServer telnetd(23);'), ['literal', 'regex-i', 'always']);
  assert.deepEqual(ids('#define CONFIG_SECURE_BOOT_V2_ENABLED 1'), ['regex-case', 'always']);
  assert.deepEqual(ids('config_secure_boot_v2_enabled = 1'), ['always']);
  assert.deepEqual(ids('name: x\nesphome:\n  name: y'), ['line-anchored', 'always']);
  assert.deepEqual(ids('# not esphome: here'), ['always']);
  assert.deepEqual(ids('cipher = RC4;'), ['lookaround', 'always']);
  assert.deepEqual(ids('uint32_t CRC429 = 0x5rc42;'), ['always']);
  assert.deepEqual(ids('bot 1234:AAEx'), ['unanchored', 'always']);
  assert.deepEqual(pf.candidates('telnet', (g) => g.id !== 'literal').map((g) => g.id), ['always']);
});

test('the rule registry: candidates equal the naive check on random mixes of keyword fragments', () => {
  const registry: Gate[] = [
    ...allRules.map((r) => ({ id: r.meta.id, keywords: r.keywords })),
    ...allProjectRules.map((p) => ({ id: `project:${p.meta.id}`, keywords: p.keywords })),
    ...threatModelCollectors.map((c) => ({ id: `collector:${c.id}`, keywords: c.keywords })),
  ];
  const pf = new KeywordPrefilter(registry.map((g) => ({ rule: g, keywords: g.keywords })));
  // Fragments: pieces of the keywords themselves (so that near-misses are common) and code noise.
  const fragments = [...new Set(registry.flatMap((g) => (g.keywords ?? []).map((k) => (typeof k === 'string' ? k : k.source.replace(/[\\()[\]{}?*+|^$]/g, '').slice(0, 12)))))];
  const noise = ['', ' ', '\n', '"', "'", '=', ':', '(', ')', ',', '23', '1883', '#define ', 'CONFIG_', 'import ', 'x', '0x5ecb', 'PORT', ' = "', 'abc123def456'];
  const text = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.constantFrom(...noise), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((xs) => xs.join(''));
  fc.assert(
    fc.property(text, fc.boolean(), (t, upper) => {
      const input = upper ? t.toUpperCase() : t;
      assert.deepEqual(pf.candidates(input, () => true).map((g) => g.id), naive(registry, input));
    }),
    { numRuns: 4000, seed: 11 },
  );
});

test('hitOffsets lists each literal and confirmed RegExp match, and gives up past the limit', () => {
  const pf = new KeywordPrefilter(gates.map((g) => ({ rule: g, keywords: g.keywords })));
  const [literal, regexI, always] = [gates[0], gates[1], gates[6]];
  const text = `${'x'.repeat(5000)}telnet ${'y'.repeat(9000)} WiFiServer s(23);\nTELNET`;
  assert.deepEqual(pf.hitOffsets(text, [literal, regexI], 10), [5000, 14008, 14026]);
  assert.equal(pf.hitOffsets(text, [literal], 1), undefined);
  assert.equal(pf.hitOffsets(text, [literal, always], 10), undefined, 'a rule without keywords reads the whole document');
});

test('a frequent literal far from any match does not hide a later match (confirmation windows)', () => {
  const pf = new KeywordPrefilter([{ rule: 'r', keywords: [/wifiserver\s+\w+\s*\(\s*23\s*\)/i] }]);
  const text = `${'WiFiServer web(80);\n'.repeat(2000)}WiFiServer telnet(23);\n`;
  assert.deepEqual(pf.candidates(text, () => true), ['r']);
  assert.deepEqual(pf.hitOffsets(text, ['r'], 10), [text.length - 23]);
});
