import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KeyValueFact } from '../../src/core/facts';
import { nodeModulesEnv } from '../harness/grammars';
import { dotenvLanguage, extractDotenv } from '../../src/languages/dotenv/index';

const ENV = `# Greenhouse gateway
MQTT_URL=mqtt://broker.example.com:1883
export MQTT_PASSWORD="s3cr3t # not a comment"
WIFI_PSK='single $NOT_EXPANDED'
NODE_TLS_REJECT_UNAUTHORIZED=0   # debug only
API_TOKEN=\${VAULT_TOKEN}
DB_PASS="\${DB_SECRET:-changeme}"
HOME_DIR=$HOME
EMPTY=
CERT="-----BEGIN CERTIFICATE-----
MIIB
-----END CERTIFICATE-----"
COLON_STYLE: value
`;

function kv(facts: { keyValues: KeyValueFact[] }, key: string): KeyValueFact {
  const found = facts.keyValues.find((k) => k.key === key);
  assert.ok(found, `no keyValue ${key}`);
  assert.deepEqual(found.path, [key]);
  return found;
}

const slice = (text: string, r: readonly [number, number]): string => text.slice(r[0], r[1]);

describe('dotenv language', () => {
  it('matches .env, .env.* and *.env', () => {
    for (const [p, want] of [
      ['.env', true], ['app/.env.local', true], ['.env.production', true], ['.env.example', true], ['docker/device.env', true],
      ['.envrc', false], ['env.ts', false], ['environment.yaml', false],
    ] as const) assert.equal(dotenvLanguage.matches(p), want, p);
  });

  it('reads keys, quotes, export, inline comments and references', async () => {
    const { facts, errors } = await dotenvLanguage.extract(ENV, nodeModulesEnv);
    assert.deepEqual(errors, []);
    const rows: { key: string; text: string; kind: string; value: string; inner?: string; envName?: string }[] = [
      { key: 'MQTT_URL', text: 'mqtt://broker.example.com:1883', kind: 'string', value: 'mqtt://broker.example.com:1883' },
      { key: 'MQTT_PASSWORD', text: '"s3cr3t # not a comment"', kind: 'string', value: 's3cr3t # not a comment', inner: 's3cr3t # not a comment' },
      { key: 'WIFI_PSK', text: "'single $NOT_EXPANDED'", kind: 'string', value: 'single $NOT_EXPANDED' },
      { key: 'NODE_TLS_REJECT_UNAUTHORIZED', text: '0', kind: 'string', value: '0' },
      { key: 'API_TOKEN', text: '${VAULT_TOKEN}', kind: 'env', value: '${VAULT_TOKEN}', envName: 'VAULT_TOKEN' },
      { key: 'DB_PASS', text: '"${DB_SECRET:-changeme}"', kind: 'env', value: '${DB_SECRET:-changeme}', envName: 'DB_SECRET' },
      { key: 'HOME_DIR', text: '$HOME', kind: 'env', value: '$HOME', envName: 'HOME' },
      { key: 'EMPTY', text: '', kind: 'string', value: '' },
      { key: 'COLON_STYLE', text: 'value', kind: 'string', value: 'value' },
    ];
    for (const row of rows) {
      const k = kv(facts, row.key);
      assert.equal(slice(ENV, k.keyRange), row.key);
      assert.equal(slice(ENV, k.value.range), row.text, row.key);
      assert.equal(k.value.kind, row.kind, row.key);
      assert.equal(k.value.value, row.value, row.key);
      assert.equal(k.value.envName, row.envName, row.key);
      if (row.inner !== undefined) assert.equal(slice(ENV, k.value.innerRange!), row.inner, row.key);
    }
    assert.equal(slice(ENV, kv(facts, 'MQTT_PASSWORD').range), 'export MQTT_PASSWORD="s3cr3t # not a comment"');
    assert.deepEqual(facts.comments.map((c) => c.text), ['# Greenhouse gateway', '# debug only']);
    assert.ok(facts.strings.some((s) => s.value === 'mqtt://broker.example.com:1883'));
    assert.ok(!facts.strings.some((s) => s.value === '${VAULT_TOKEN}'));
  });

  it('reads multi-line quoted values', () => {
    const cert = kv(extractDotenv(ENV).facts, 'CERT');
    assert.equal(cert.value.value, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----');
    assert.ok(slice(ENV, cert.value.range).endsWith('CERTIFICATE-----"'));
  });

  it('reports malformed lines and unterminated quotes with ranges', () => {
    const text = 'GOOD=1\njust words\nBAD="open\nNEXT=2\n';
    const { facts, errors } = extractDotenv(text);
    assert.deepEqual(errors.map((e) => slice(text, e.range)), ['just words', '"open']);
    assert.equal(kv(facts, 'NEXT').value.value, '2');
  });

  it('keeps offsets with CRLF and a BOM; handles empty input and a 1 MB line', () => {
    const text = '\uFEFFA=1\r\nexport B="two"\r\n';
    const { facts, errors } = extractDotenv(text);
    assert.deepEqual(errors, []);
    assert.equal(slice(text, kv(facts, 'A').value.range), '1');
    assert.equal(slice(text, kv(facts, 'B').value.innerRange!), 'two');
    assert.deepEqual(extractDotenv('').facts.keyValues, []);
    const big = `K=${'z'.repeat(1_000_000)}`;
    assert.equal(kv(extractDotenv(big).facts, 'K').value.text.length, 1_000_000);
  });
});
