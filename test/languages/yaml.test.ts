import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KeyValueFact } from '../../src/core/facts';
import { nodeModulesEnv } from '../harness/grammars';
import { extractYaml, yamlLanguage } from '../../src/languages/yaml/index';

const ESPHOME = `# Greenhouse controller
esphome:
  name: greenhouse
wifi:
  ssid: "Greenhouse"
  password: !secret wifi_password
  ap:
    password: 'fallback-1234'
api:
  encryption:
    key: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
ota:
  - platform: esphome
    password: "ota-pass"
mqtt:
  broker: mqtt://broker.example.com   # plaintext
  port: 1883
  password: !env_var MQTT_PASSWORD
http_request:
  verify_ssl: no
sensor: !include sensors.yaml
`;

const Z2M = `homeassistant: false
frontend:
  enabled: true
  auth_token: '!secret frontend_token'
mqtt:
  base_topic: zigbee2mqtt
  server: 'mqtt://localhost'
  password: "hunter2"
advanced:
  network_key: [1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12, 13]
  pan_id: 6754
`;

function kv(facts: { keyValues: KeyValueFact[] }, path: string): KeyValueFact {
  const found = facts.keyValues.find((k) => k.path.join('.') === path);
  assert.ok(found, `no keyValue at ${path}`);
  return found;
}

const slice = (text: string, r: readonly [number, number]): string => text.slice(r[0], r[1]);

describe('yaml language', () => {
  it('matches .yaml / .yml names case-insensitively', () => {
    for (const [p, want] of [
      ['device/greenhouse.yaml', true], ['data/configuration.YML', true], ['a/b.yaml.bak', false], ['x.json', false],
    ] as const) assert.equal(yamlLanguage.matches(p), want, p);
  });

  it('extracts ESPHome keys, values, tags and ranges', async () => {
    const { facts, errors } = await yamlLanguage.extract(ESPHOME, nodeModulesEnv);
    assert.deepEqual(errors, []);
    const table: { path: string; key: string; text: string; kind: string; inner?: string; value?: unknown; envName?: string; tag?: string }[] = [
      { path: 'wifi.ssid', key: 'ssid', text: '"Greenhouse"', kind: 'string', inner: 'Greenhouse', value: 'Greenhouse' },
      { path: 'wifi.password', key: 'password', text: 'wifi_password', kind: 'env', envName: 'wifi_password', tag: '!secret' },
      { path: 'wifi.ap.password', key: 'password', text: "'fallback-1234'", kind: 'string', inner: 'fallback-1234' },
      { path: 'api.encryption.key', key: 'key', text: '"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="', kind: 'string' },
      { path: 'ota.0.platform', key: 'platform', text: 'esphome', kind: 'string', value: 'esphome' },
      { path: 'ota.0.password', key: 'password', text: '"ota-pass"', kind: 'string', inner: 'ota-pass' },
      { path: 'mqtt.broker', key: 'broker', text: 'mqtt://broker.example.com', kind: 'string' },
      { path: 'mqtt.port', key: 'port', text: '1883', kind: 'number', value: 1883 },
      { path: 'mqtt.password', key: 'password', text: 'MQTT_PASSWORD', kind: 'env', envName: 'MQTT_PASSWORD', tag: '!env_var' },
      { path: 'http_request.verify_ssl', key: 'verify_ssl', text: 'no', kind: 'boolean', value: false },
      { path: 'sensor', key: 'sensor', text: 'sensors.yaml', kind: 'string', tag: '!include' },
    ];
    for (const row of table) {
      const k = kv(facts, row.path);
      assert.equal(k.key, row.key, row.path);
      assert.equal(slice(ESPHOME, k.keyRange), row.key, row.path);
      assert.equal(slice(ESPHOME, k.value.range), row.text, row.path);
      assert.equal(k.value.text, row.text, row.path);
      assert.equal(k.value.kind, row.kind, row.path);
      if (row.inner !== undefined) assert.equal(slice(ESPHOME, k.value.innerRange!), row.inner, row.path);
      if (row.value !== undefined) assert.equal(k.value.value, row.value, row.path);
      assert.equal(k.value.envName, row.envName, row.path);
      assert.equal(k.value.tag, row.tag, row.path);
      assert.equal(slice(ESPHOME, k.range).startsWith(row.key), true, row.path);
    }
    assert.equal(kv(facts, 'ota').value.kind, 'array');
    assert.equal(kv(facts, 'ota.0').value.kind, 'object');
    assert.equal(kv(facts, 'api.encryption').value.kind, 'object');
    assert.deepEqual(facts.comments.map((c) => c.text), ['# Greenhouse controller', '# plaintext']);
    for (const c of facts.comments) assert.equal(slice(ESPHOME, c.range), c.text);
    assert.ok(facts.strings.some((s) => s.value === 'mqtt://broker.example.com' && slice(ESPHOME, s.innerRange) === s.value));
    assert.ok(!facts.strings.some((s) => s.value === 'wifi_password'), '!secret names are not literal strings');
  });

  it('reads Zigbee2MQTT arrays of scalars as one array plus leaves, and quoted !secret strings', () => {
    const { facts, errors } = extractYaml(Z2M);
    assert.deepEqual(errors, []);
    const nk = kv(facts, 'advanced.network_key');
    assert.equal(nk.value.kind, 'array');
    assert.equal(slice(Z2M, nk.value.range), '[1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12, 13]');
    assert.deepEqual(nk.value.elements!.map((e) => e.value), [1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12, 13]);
    assert.equal(slice(Z2M, nk.value.elements![5].range), '11');
    const leaf = kv(facts, 'advanced.network_key.5');
    assert.equal(leaf.value.value, 11);
    assert.equal(slice(Z2M, leaf.value.range), '11');
    const token = kv(facts, 'frontend.auth_token');
    assert.equal(token.value.kind, 'env');
    assert.equal(token.value.envName, 'frontend_token');
    assert.equal(kv(facts, 'frontend.enabled').value.value, true);
    assert.equal(kv(facts, 'mqtt.password').value.value, 'hunter2');
    assert.equal(slice(Z2M, kv(facts, 'mqtt.server').value.innerRange!), 'mqtt://localhost');
  });

  it('handles multi-document files, null values and block scalars', () => {
    const text = 'a: 1\nempty:\nscript: |\n  line one\n  line two\n---\nb: ~\n...\n---\n- x\n- y\n';
    const { facts, errors } = extractYaml(text);
    assert.deepEqual(errors, []);
    assert.equal(kv(facts, 'a').value.value, 1);
    const empty = kv(facts, 'empty');
    assert.equal(empty.value.kind, 'null');
    assert.equal(slice(text, empty.keyRange), 'empty');
    const script = kv(facts, 'script');
    assert.equal(script.value.value, 'line one\nline two\n');
    assert.equal(slice(text, script.value.innerRange!), '  line one\n  line two\n');
    assert.equal(kv(facts, 'b').value.kind, 'null');
    assert.deepEqual(facts.strings.map((s) => s.value).slice(-2), ['x', 'y']);
    assert.equal(kv(facts, '1').value.value, 'y');
  });

  it('tolerates custom tags on collections and flow maps', () => {
    const text = 'blueprint: !input motion_entity\nlambda: !lambda return id(x).state;\npkg: !include {file: common.yaml, vars: {pw: "s3"}}\n';
    const { facts, errors } = extractYaml(text);
    assert.deepEqual(errors, []);
    assert.equal(kv(facts, 'blueprint').value.tag, '!input');
    assert.equal(kv(facts, 'lambda').value.value, 'return id(x).state;');
    assert.equal(kv(facts, 'pkg').value.tag, '!include');
    assert.equal(kv(facts, 'pkg.vars.pw').value.value, 's3');
  });

  it('reports malformed YAML with ranges and keeps what it recovered', () => {
    const text = 'wifi:\n  password: "secret\nota: [1, 2\n';
    const { facts, errors, errorRanges } = extractYaml(text);
    assert.ok(errors.length > 0);
    for (const e of errors) {
      assert.ok(e.range[0] >= 0 && e.range[1] <= text.length && e.range[0] <= e.range[1], JSON.stringify(e));
      assert.ok(e.message.length > 0);
    }
    assert.deepEqual(errorRanges, errors.map((e) => e.range));
    assert.ok(facts.keyValues.some((k) => k.path[0] === 'wifi'));
  });

  it('keeps offsets with CRLF line endings and a BOM', () => {
    const text = '\uFEFFwifi:\r\n  ssid: home\r\n  password: "p@ss" # c\r\n';
    const { facts, errors } = extractYaml(text);
    assert.deepEqual(errors, []);
    const ssid = kv(facts, 'wifi.ssid');
    assert.equal(slice(text, ssid.keyRange), 'ssid');
    assert.equal(slice(text, ssid.value.range), 'home');
    assert.equal(slice(text, kv(facts, 'wifi.password').value.innerRange!), 'p@ss');
    assert.deepEqual(facts.comments.map((c) => slice(text, c.range)), ['# c']);
  });

  it('survives 10,000-deep nesting (flow and block) without a stack overflow', () => {
    const flow = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const flowMap = `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`;
    let block = '';
    for (let i = 0; i < 10_000; i++) block += `${' '.repeat(i)}k${i}:\n`;
    for (const text of [flow, flowMap, block]) {
      const r = extractYaml(text);
      assert.ok(Array.isArray(r.facts.keyValues));
      assert.ok(r.facts.keyValues.every((k) => k.path.length <= 513));
    }
  });

  it('handles empty input, comment-only input and a 1 MB single line', () => {
    assert.deepEqual(extractYaml('').facts.keyValues, []);
    assert.deepEqual(extractYaml('').errors, []);
    const c = extractYaml('# only a comment\n');
    assert.deepEqual(c.facts.comments.map((x) => x.text), ['# only a comment']);
    const big = `key: ${'x'.repeat(1_000_000)}`;
    const r = extractYaml(big);
    assert.equal(r.errors.length, 0);
    assert.equal(r.facts.keyValues[0].value.range[1], big.length);
  });
});
