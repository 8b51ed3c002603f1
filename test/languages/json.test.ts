import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KeyValueFact } from '../../src/core/facts';
import { nodeModulesEnv } from '../harness/grammars';
import { jsonLanguage } from '../../src/languages/json/index';
import { MAX_FACT_DEPTH, scanJson } from '../../src/languages/json/scanner';

const MENDER = `{
  "ServerURL": "http://mender.example.com",
  "TenantToken": "eyJhbGciOiJSUzI1NiJ9.abc",
  "Servers": [{ "ServerURL": "https://backup.example.com" }],
  "SkipVerify": true,
  "UpdatePollIntervalSeconds": 1800,
  "RootfsPartA": null,
  "Escaped": "line\\n\\"quoted\\" \\u00e9"
}
`;

const AWS_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "iot:*", "Resource": "*" },
    { "Effect": "Allow", "Action": ["iot:Publish", "iot:Subscribe"], "Resource": ["arn:aws:iot:eu-west-1:123:topic/$aws/things/*"] }
  ]
}`;

function kv(facts: { keyValues: KeyValueFact[] }, path: string): KeyValueFact {
  const found = facts.keyValues.find((k) => k.path.join('.') === path);
  assert.ok(found, `no keyValue at ${path}`);
  return found;
}

const slice = (text: string, r: readonly [number, number]): string => text.slice(r[0], r[1]);

describe('json language', () => {
  it('matches JSON names, including mender.conf', () => {
    for (const [p, want] of [
      ['etc/mender/mender.conf', true], ['policy.JSON', true], ['.vscode/settings.jsonc', true],
      ['iot.code-workspace', true], ['mosquitto.conf', false], ['a.json5', false], ['x.yaml', false],
    ] as const) assert.equal(jsonLanguage.matches(p), want, p);
  });

  it('extracts Mender settings with exact ranges', async () => {
    const { facts, errors } = await jsonLanguage.extract(MENDER, nodeModulesEnv);
    assert.deepEqual(errors, []);
    const rows: { path: string; keyText: string; text: string; kind: string; value?: unknown; inner?: string }[] = [
      { path: 'ServerURL', keyText: '"ServerURL"', text: '"http://mender.example.com"', kind: 'string', value: 'http://mender.example.com', inner: 'http://mender.example.com' },
      { path: 'Servers.0.ServerURL', keyText: '"ServerURL"', text: '"https://backup.example.com"', kind: 'string' },
      { path: 'SkipVerify', keyText: '"SkipVerify"', text: 'true', kind: 'boolean', value: true },
      { path: 'UpdatePollIntervalSeconds', keyText: '"UpdatePollIntervalSeconds"', text: '1800', kind: 'number', value: 1800 },
      { path: 'RootfsPartA', keyText: '"RootfsPartA"', text: 'null', kind: 'null' },
      { path: 'Escaped', keyText: '"Escaped"', text: '"line\\n\\"quoted\\" \\u00e9"', kind: 'string', value: 'line\n"quoted" é' },
    ];
    for (const row of rows) {
      const k = kv(facts, row.path);
      assert.equal(slice(MENDER, k.keyRange), row.keyText, row.path);
      assert.equal(k.key, row.keyText.slice(1, -1), row.path);
      assert.equal(slice(MENDER, k.value.range), row.text, row.path);
      assert.equal(k.value.text, row.text, row.path);
      assert.equal(k.value.kind, row.kind, row.path);
      if (row.value !== undefined) assert.equal(k.value.value, row.value, row.path);
      if (row.inner !== undefined) assert.equal(slice(MENDER, k.value.innerRange!), row.inner, row.path);
      assert.equal(slice(MENDER, k.range), `${row.keyText}: ${row.text}`, row.path);
    }
    const servers = kv(facts, 'Servers');
    assert.equal(servers.value.kind, 'array');
    assert.equal(slice(MENDER, servers.value.range), '[{ "ServerURL": "https://backup.example.com" }]');
    assert.equal(servers.value.elements![0].kind, 'object');
    assert.deepEqual(facts.strings.map((s) => s.value).slice(0, 2), ['http://mender.example.com', 'eyJhbGciOiJSUzI1NiJ9.abc']);
  });

  it('reads AWS IoT policy actions as arrays of scalars and as leaves', () => {
    const { facts, errors } = scanJson(AWS_POLICY);
    assert.deepEqual(errors, []);
    assert.equal(kv(facts, 'Statement.0.Action').value.value, 'iot:*');
    assert.equal(kv(facts, 'Statement.0.Resource').value.value, '*');
    const actions = kv(facts, 'Statement.1.Action');
    assert.equal(actions.value.kind, 'array');
    assert.deepEqual(actions.value.elements!.map((e) => e.value), ['iot:Publish', 'iot:Subscribe']);
    const leaf = kv(facts, 'Statement.1.Action.1');
    assert.equal(slice(AWS_POLICY, leaf.value.range), '"iot:Subscribe"');
    assert.deepEqual(leaf.keyRange, [leaf.value.range[0], leaf.value.range[0]]);
    assert.equal(kv(facts, 'Statement').value.elements!.length, 2);
  });

  it('accepts JSONC comments and trailing commas', () => {
    const text = '// settings\n{\n  /* block */ "a": 1, // trailing\n  "b": [1, 2,],\n}\n';
    const { facts, errors } = scanJson(text);
    assert.deepEqual(errors, []);
    assert.deepEqual(facts.comments.map((c) => slice(text, c.range)), ['// settings', '/* block */', '// trailing']);
    assert.equal(kv(facts, 'b').value.elements!.length, 2);
  });

  const malformed: { name: string; text: string; message: RegExp; at: string; keeps: string[] }[] = [
    { name: 'missing value', text: '{"a": 1, "b": }', message: /Expected a value/, at: '}', keeps: ['a'] },
    { name: 'missing comma', text: '{"a": 1 "b": 2}', message: /Expected ','/, at: '"', keeps: ['a', 'b'] },
    { name: 'unterminated string', text: '{"a": "oops\n, "b": true}', message: /Unterminated string/, at: '"oops', keeps: ['a', 'b'] },
    { name: 'unclosed object', text: '{"a": {"b": 1}', message: /Unclosed '\{'/, at: '{', keeps: ['a', 'a.b'] },
    { name: 'bare word', text: '{"a": yes, "b": 2}', message: /Unexpected token/, at: 'yes', keeps: ['b'] },
    { name: 'mismatched bracket', text: '{"a": [1, 2}', message: /Unexpected '\}'/, at: '}', keeps: ['a', 'a.1'] },
    { name: 'single quotes key', text: "{'a': 1}", message: /property name/, at: "'a'", keeps: ["'a'"] },
  ];
  for (const m of malformed) {
    it(`reports malformed JSON with a range: ${m.name}`, () => {
      const { facts, errors, errorRanges } = scanJson(m.text);
      const e = errors.find((x) => m.message.test(x.message));
      assert.ok(e, JSON.stringify(errors));
      assert.equal(slice(m.text, e.range), m.at);
      assert.deepEqual(errorRanges, errors.map((x) => x.range));
      for (const p of m.keeps) kv(facts, p);
    });
  }

  it('keeps offsets with CRLF and a BOM', () => {
    const text = '\uFEFF{\r\n  "ServerURL": "http://x"\r\n}\r\n';
    const { facts, errors } = scanJson(text);
    assert.deepEqual(errors, []);
    const k = kv(facts, 'ServerURL');
    assert.equal(slice(text, k.keyRange), '"ServerURL"');
    assert.equal(slice(text, k.value.innerRange!), 'http://x');
  });

  it('handles empty input, top-level scalars and trailing garbage', () => {
    assert.deepEqual(scanJson('').errors, []);
    assert.deepEqual(scanJson('   ').facts.keyValues, []);
    assert.deepEqual(scanJson('"s"').facts.strings.map((s) => s.value), ['s']);
    assert.match(scanJson('{} {}').errors[0].message, /after the JSON value/);
  });

  it('scans 10,000-deep nesting iteratively and caps fact depth', () => {
    const text = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const { facts, errors } = scanJson(text);
    assert.equal(facts.keyValues.length, MAX_FACT_DEPTH);
    assert.ok(errors.some((e) => /Nesting deeper/.test(e.message)));
    const arrays = scanJson(`${'['.repeat(10_000)}"deep"${']'.repeat(10_000)}`);
    assert.deepEqual(arrays.facts.strings.map((s) => s.value), ['deep']);
  });

  it('survives binary garbage', () => {
    let text = '';
    for (let i = 0; i < 5000; i++) text += String.fromCharCode((i * 7919) % 65536);
    const r = scanJson(text);
    assert.ok(r.errors.length <= 100);
  });

  it('scans a 1 MB single line and a large document quickly', () => {
    const line = `{"k": "${'x'.repeat(1_000_000)}"}`;
    const one = scanJson(line);
    assert.equal(one.facts.strings[0].value.length, 1_000_000);
    const items: string[] = [];
    for (let i = 0; i < 40_000; i++) items.push(`{"id": ${i}, "url": "mqtt://h${i}:1883", "ok": true, "tags": ["a", "b"]}`);
    const big = `{"items": [${items.join(',\n')}]}`;
    const t0 = performance.now();
    const r = scanJson(big);
    const ms = performance.now() - t0;
    assert.equal(r.errors.length, 0);
    assert.equal(kv(r.facts, 'items.39999.url').value.value, 'mqtt://h39999:1883');
    // A loose bound (CI machines are shared): it guards against quadratic behaviour, not for speed.
    assert.ok(ms < 15_000, `took ${ms} ms`);
  });
});
