/**
 * The WebAssembly byte scan must report exactly what the JavaScript scan of the decoded text
 * reports, at the same UTF-16 offsets: across chunk and stream boundaries, after multi-byte
 * characters, and with the accepting states a caller switched off left out. And the committed
 * module must be what its .wat assembles to.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { ByteAutomaton, HitList, textStandIn } from '../../src/core/byte-automaton';
import { buildAutomaton, scanText, type Automaton } from '../../src/core/keyword-automaton';
import { WASM_BASE64 } from '../../src/core/wasm/keyword-scan-wasm';

const LITERALS = ['pin', 'port', 'password', 'ssid', 'mqtt://', 'key', 'api_key', 'sas', 'x'.repeat(40)];

/** Sorted "literal@start" of every occurrence, from the text scan. */
function textHits(a: Automaton, text: string, live?: Uint8Array): string[] {
  const liveLiterals = live && liveLiteralSet(a, live);
  const out: string[] = [];
  scanText(a, text, (literal, start) => {
    if (!liveLiterals || liveLiterals.has(literal)) out.push(`${literal}@${start}`);
    return true;
  });
  return out.sort();
}

/** Literals of accepting states that are live… and of no state that is not (a literal may end in several states). */
function liveLiteralSet(a: Automaton, live: Uint8Array): Set<number> {
  const set = new Set<number>();
  a.outputs.forEach((out, k) => {
    if (live[k]) for (let j = 0; j < out.length; j += 2) set.add(out[j]);
  });
  return set;
}

function byteHits(a: Automaton, bytes: Uint8Array, live?: Uint8Array): { hits: string[]; ascii: boolean; units: number } {
  const scanner = ByteAutomaton.from(a);
  assert.ok(scanner, 'WebAssembly is available here');
  const list = new HitList();
  const liveTable = live ?? new Uint8Array(a.outputs.length).fill(1);
  const { ascii, units } = scanner.scan(bytes, liveTable, list);
  const hits: string[] = [];
  for (let i = 0; i < list.length; i += 2) {
    const out = a.outputs[list.data[i + 1]];
    for (let j = 0; j < out.length; j += 2) hits.push(`${out[j]}@${list.data[i] - out[j + 1]}`);
  }
  return { hits: hits.sort(), ascii, units };
}

test('the committed module is what keyword-scan.wat assembles to', async () => {
  const script = join(__dirname, '../../scripts/build-wasm.mjs'); // a build script, imported by path (no types)
  const { assembleWat } = (await import(script)) as { assembleWat: (name: string, source: string) => Promise<string> };
  const dir = join(__dirname, '../../src/core/wasm');
  const expected = await assembleWat('keyword-scan.wat', readFileSync(join(dir, 'keyword-scan.wat'), 'utf8'));
  assert.equal(readFileSync(join(dir, 'keyword-scan-wasm.ts'), 'utf8'), expected, 'run `node scripts/build-wasm.mjs`');
  assert.ok(WASM_BASE64.length > 100);
});

test('hits at every stream and chunk boundary, ASCII and not', () => {
  const a = buildAutomaton(LITERALS);
  // Streams split each 128 KB chunk at 64 KB; a literal straddles, ends at, or starts at each edge.
  // A non-ASCII character first or last (its chunk is then counted in UTF-16 units; the last bytes
  // of a chunk are checked for ASCII one by one, the rest eight at a time).
  for (const [prefix, suffix] of [['', ''], ['é', ''], ['😀—', ''], ['', 'é'], ['', '.é']]) {
    for (const edge of [1 << 16, 1 << 17, (1 << 17) + (1 << 16), 1 << 18]) {
      for (const shift of [-7, -4, -3, -1, 0, 1]) {
        const at = edge + shift - Buffer.byteLength(prefix);
        const text = `${prefix}${'.'.repeat(at)}password${'.'.repeat(50)}port${suffix}`;
        const got = byteHits(a, Buffer.from(text));
        const what = `edge ${edge} shift ${shift} prefix ${JSON.stringify(prefix)} suffix ${JSON.stringify(suffix)}`;
        assert.deepEqual(got.hits, textHits(a, text), what);
        assert.equal(got.units, text.length, what);
        assert.equal(got.ascii, prefix === '' && suffix === '', what);
      }
    }
  }
});

test('random UTF-8 text: the same hits at the same UTF-16 offsets, dead states left out', () => {
  const a = buildAutomaton(LITERALS);
  const piece = fc.oneof(
    fc.constantFrom(...LITERALS, 'PASSWORD', 'PoRt', 'é', '—', '😀', '\n', ' ', 'pi', 'passwor'),
    fc.string({ maxLength: 8 }),
    fc.fullUnicodeString({ maxLength: 3 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), fc.uint8Array({ minLength: a.outputs.length, maxLength: a.outputs.length }), (pieces, repeat, liveBits) => {
      // Repeating makes some inputs long enough to cross chunk boundaries.
      const text = pieces.join('').repeat(repeat === 3 ? 3000 : repeat + 1);
      const live = liveBits.map((b) => b & 1);
      const got = byteHits(a, Buffer.from(text), live);
      // A literal is reported from the states that are live; compare per live state set.
      const expected = textHitsFromStates(a, text, live);
      assert.deepEqual(got.hits, expected);
      assert.equal(got.units, text.length);
    }),
    { numRuns: 300, seed: 7 },
  );
});

/** The text scan's hits, keeping those reached through a live accepting state (what the byte scan reports). */
function textHitsFromStates(a: Automaton, text: string, live: Uint8Array): string[] {
  const out: string[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    state = a.next[state + a.classes[text.charCodeAt(i)]];
    if (state < a.acceptFrom) continue;
    const k = ((state - a.acceptFrom) / a.width) | 0;
    if (!live[k]) continue;
    const o = a.outputs[k];
    for (let j = 0; j < o.length; j += 2) out.push(`${o[j]}@${i - o[j + 1] + 1}`);
  }
  return out.sort();
}

test('all states live: the same hits as the plain text scan', () => {
  const a = buildAutomaton(LITERALS);
  const text = 'const char *pin = "1234"; // PORT 1883, mqtt://host, Ssid, api_key — sas';
  assert.deepEqual(byteHits(a, Buffer.from(text)).hits, textHits(a, text));
  assert.equal(textHits(a, text).length, 7); // pin, PORT, mqtt://, Ssid, api_key and its key, sas
});

test('invalid UTF-8 is counted as its lead bytes: the caller compares units with the decoded length', () => {
  const a = buildAutomaton(LITERALS);
  const bytes = Buffer.from([0x70, 0x69, 0x6e, 0x80, 0x80, 0x70, 0x6f, 0x72, 0x74]); // pin, 2 stray continuation bytes, port
  const got = byteHits(a, bytes);
  assert.equal(got.ascii, false);
  assert.notEqual(got.units, new TextDecoder().decode(bytes).length);
});

test('automata with a non-ASCII literal are not run on bytes', () => {
  assert.equal(ByteAutomaton.from(buildAutomaton(['mot de passe', 'clé'])), undefined);
  assert.ok(ByteAutomaton.from(buildAutomaton(['cle'])));
});

test('the stand-in text: same length and offsets as the decoded text, each character in its whitespace class', () => {
  // Runs of ASCII of several lengths: the stand-in copies eight ASCII bytes at a time where it can.
  const chars = ['a', 'Z', ' ', '\t', '\n', '"', 'abcdefg', 'ABCDEFGHIJKLMNOPQ', 'é', '—', '😀', '\u00a0', '\u1680', '\u2003', '\u200a', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), fc.constantFrom('', '\u2028', '\u2029'), (picked, separator) => {
      const text = picked.join('') + separator;
      const standIn = textStandIn(Buffer.from(text));
      if (separator) return assert.equal(standIn, undefined, 'line and paragraph separators have no stand-in');
      assert.ok(standIn);
      assert.equal(standIn.length, text.length);
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const expected = code < 0x80 ? code : /\s/.test(text[i]) ? 0xa0 : 0xff;
        assert.equal(standIn[i], expected, `${JSON.stringify(text)} at ${i}`);
      }
    }),
    { numRuns: 500, seed: 9 },
  );
  for (const invalid of [[0x61, 0x80], [0xc3], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xc0, 0xaf]]) {
    assert.equal(textStandIn(Buffer.from(invalid)), undefined, `invalid UTF-8 ${JSON.stringify(invalid)}`);
  }
});
