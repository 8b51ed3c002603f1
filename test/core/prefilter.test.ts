/**
 * The keyword prefilter must select exactly the rules a naive check selects (each literal by
 * case-insensitive `includes`, each RegExp run over the whole text): the automaton, the required
 * literals, the confirmation windows, the byte scan and the joined probes are an optimisation,
 * never a change of answer.
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
  { id: 'text-start', keywords: [/^[ \t]?(?:#[ \t]?)?CONFIG_BT/] },
  { id: 'always' },
  { id: 'never', keywords: [] },
];

/** Candidates from the text and from its UTF-8 bytes, which must agree. */
function candidateIds<R extends { id: string }>(pf: KeywordPrefilter<R>, text: string, wanted: (r: R) => boolean = () => true): string[] {
  const fromText = pf.candidates(text, wanted).map((g) => g.id);
  const fromBytes = pf.candidatesInBytes(Buffer.from(text), wanted);
  assert.deepEqual(fromBytes.rules.map((g) => g.id), fromText, `bytes vs text for ${JSON.stringify(text.slice(0, 80))}`);
  if (fromText.length) assert.equal(fromBytes.text, text);
  return fromText;
}

test('candidates follow each keyword kind (literal, /i, case-sensitive, line-anchored, lookaround)', () => {
  const pf = new KeywordPrefilter(gates.map((g) => ({ rule: g, keywords: g.keywords })));
  const ids = (text: string) => candidateIds(pf, text);
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
  assert.deepEqual(ids('# CONFIG_BT_ENABLED=y\nCONFIG_BT=y'), ['text-start', 'always']);
  assert.deepEqual(ids('x\nCONFIG_BT=y'), ['always'], '^ without the m flag: only at the start of the text');
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
      assert.deepEqual(candidateIds(pf, input), naive(registry, input));
    }),
    { numRuns: 4000, seed: 11 },
  );
});

test('long texts (scanned as UTF-8 in WebAssembly): candidates equal the naive check, whatever the characters', () => {
  const registry: Gate[] = [
    ...allRules.map((r) => ({ id: r.meta.id, keywords: r.keywords })),
    ...threatModelCollectors.map((c) => ({ id: `collector:${c.id}`, keywords: c.keywords })),
  ];
  const pf = new KeywordPrefilter(registry.map((g) => ({ rule: g, keywords: g.keywords })));
  // Replacement characters (an editor's view of invalid UTF-8), lone surrogates, Unicode spaces and
  // line separators around keyword-shaped code; a filler makes the text long enough for the byte scan.
  const pieces = ['password = "hunter22"', 'mqtt://broker:1883', 'PORT = "8080"', 'pin = "1234"', '#define MQTT_HOST "h"', 'CONFIG_BT=y', 'telnet', 'verify=False', '\uFFFD', '\uD800', '\uDC00', '😀', 'é', '\u00a0', '\u3000', '\u2028', '\n', ' ', '"', '='];
  const part = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 20 }).map((xs) => xs.join(''));
  fc.assert(
    fc.property(part, fc.constantFrom(' ', '\n', 'x', '//.\n'), part, (before, filler, after) => {
      const text = before + filler.repeat(Math.ceil(4200 / filler.length)) + after;
      assert.deepEqual(pf.candidates(text, () => true).map((g) => g.id), naive(registry, text));
    }),
    { numRuns: 300, seed: 13 },
  );
});

test('the rule registry on raw bytes (multi-byte characters, invalid UTF-8): the same rules as on the decoded text', () => {
  const registry: Gate[] = allRules.map((r) => ({ id: r.meta.id, keywords: r.keywords }));
  const pf = new KeywordPrefilter(registry.map((g) => ({ rule: g, keywords: g.keywords })));
  // Multi-byte characters of each kind the stand-in text tells apart: JavaScript whitespace (NBSP,
  // em space, ideographic space, BOM), line separators (no stand-in), letters, emoji (two units).
  const words = ['password = "hunter22"', 'mqtt://broker:1883', 'PORT = "8080"', 'pin', 'pin = "1234"', 'é', '—', '😀', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', 'WIFI_PASSWORD', 'ssl_verify', 'telnet', '\n', 'api_key:\u00a0"Zq7mK2pW9x"', 'key = "ab\u00a0cdefghij"', 'key = "ab\u3000cdefghij"'];
  const chunk = fc.oneof(fc.constantFrom(...words).map((w) => Buffer.from(w)), fc.uint8Array({ maxLength: 4 }).map((b) => Buffer.from(b)));
  fc.assert(
    fc.property(fc.array(chunk, { maxLength: 25 }), (chunks) => {
      const bytes = Buffer.concat(chunks);
      const text = new TextDecoder().decode(bytes);
      const got = pf.candidatesInBytes(bytes, () => true);
      assert.deepEqual(got.rules.map((g) => g.id), pf.candidates(text, () => true).map((g) => g.id));
      if (got.rules.length) assert.equal(got.text, text);
    }),
    { numRuns: 2000, seed: 5 },
  );
});

test('bytes are decoded only when a RegExp keyword needs the text or a rule is found', () => {
  const pf = new KeywordPrefilter([
    { rule: 'literal', keywords: ['telnet'] },
    { rule: 'regex', keywords: [/PORT\s*=\s*23\b/] },
  ]);
  let decodes = 0;
  const run = (text: string) => {
    decodes = 0;
    const r = pf.candidatesInBytes(Buffer.from(text), () => true, (b, ascii) => {
      decodes++;
      return ascii ? Buffer.from(b).toString('latin1') : new TextDecoder().decode(b);
    });
    return { rules: r.rules, decodes };
  };
  assert.deepEqual(run('int main(void) { return 0; }'), { rules: [], decodes: 0 }, 'no literal: no decoding');
  assert.deepEqual(run('int port = 80; // port'), { rules: [], decodes: 0 }, 'a case-sensitive key is checked on the bytes first');
  assert.deepEqual(run('#define PORT 80'), { rules: [], decodes: 1 }, 'the RegExp runs on the decoded text');
  assert.deepEqual(run('telnet'), { rules: ['literal'], decodes: 1 }, 'a found rule gets the text');
  assert.deepEqual(run('PORT = 23 telnet'), { rules: ['literal', 'regex'], decodes: 1 });
  assert.deepEqual(run('#define PORT 80 // — not 23'), { rules: [], decodes: 1 }, 'not ASCII: the RegExp runs on the Latin-1 stand-in');
  assert.deepEqual(run('PORT = 23 — telnet'), { rules: ['literal', 'regex'], decodes: 2 }, 'the stand-in, then the text for the rules');
});

test('sticky keys of one rule sharing a literal are tried as one RegExp, with the same answers', () => {
  const pinRule = { id: 'pin', keywords: [/pin\s*=\s*"\d{4}"/i, /(?<=\bble_)pin[ \t]*\(\s*\d{4}\s*\)/i, /pin_code\s*:\s*\d+/i] };
  const otherRule = { id: 'other', keywords: [/pin\s*:\s*"\d{4}"/i, 'zigbee'] };
  const pf = new KeywordPrefilter([pinRule, otherRule].map((g) => ({ rule: g, keywords: g.keywords })));
  const probes = (pf as unknown as { probes: Array<Array<{ joined?: RegExp }>> }).probes;
  assert.equal(probes.flat().filter((p) => p.joined).length, 1, 'the two `pin` keys of rule "pin" are joined, not the other rule\'s');
  for (const [text, expected] of [
    ['pin = "1234"', ['pin']],
    ['ble_pin(1234)', ['pin']],
    ['pin_code: 42', ['pin']],
    ['pin: "1234"', ['other']],
    ['gpio_pin(13); PIN_CODE = x; pin = 12', []],
  ] as const) {
    assert.deepEqual(candidateIds(pf, text), expected, text);
  }
});

test('hitOffsets lists each literal and confirmed RegExp match, and gives up past the limit', () => {
  const pf = new KeywordPrefilter(gates.map((g) => ({ rule: g, keywords: g.keywords })));
  const [literal, regexI, always] = ['literal', 'regex-i', 'always'].map((id) => gates.find((g) => g.id === id)!);
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
