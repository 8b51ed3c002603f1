import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { javascriptLanguage } from '../../src/languages/javascript/index';
import { nodeModulesEnv } from '../harness/grammars';

const extract = (code: string) => javascriptLanguage.extract(code, nodeModulesEnv);
const slice = (code: string, r: readonly [number, number]) => code.slice(r[0], r[1]);

const MQTTJS = `// MQTT.js gateway ✓
import mqtt from 'mqtt';
const fs = require('fs');
const url = \`mqtt://\${host}:1883/\`;
const options = {
  username: 'gateway',
  password: "pa\\"ss",
  'clientId': 'gw-1',
  port: 0x22B3,
  tls: { rejectUnauthorized: false, ca: null },
  key: process.env.MQTT_KEY,
};
let token = process.env['API_TOKEN'];
var home = secrets.home;
config.broker.password = 'h4rdc0ded';
const client = mqtt.connect(url, options);
client?.publish('t', JSON.stringify({ a: 1 }));
class Gateway { secret = 'cls'; static port = 1883; }
`;

describe('javascript language', () => {
  it('matches JS extensions', () => {
    for (const f of ['a.js', 'a.MJS', 'a.cjs', 'App.jsx']) assert.equal(javascriptLanguage.matches(f), true, f);
    for (const f of ['a.ts', 'a.json', 'js']) assert.equal(javascriptLanguage.matches(f), false, f);
  });

  it('extracts strings, templates and comments with exact ranges', async () => {
    const { facts, errors } = await extract(MQTTJS);
    assert.deepEqual(errors, []);
    const tpl = facts.strings.find((s) => s.kind === 'template')!;
    assert.equal(tpl.value, 'mqtt://:1883/');
    assert.equal(slice(MQTTJS, tpl.range), '`mqtt://${host}:1883/`');
    const pw = facts.strings.find((s) => s.value === 'pa"ss')!;
    assert.equal(slice(MQTTJS, pw.range), '"pa\\"ss"');
    assert.deepEqual(facts.comments.map((c) => c.text), ['// MQTT.js gateway ✓']);
  });

  it('extracts declarations, assignments, object properties and env', async () => {
    const { facts } = await extract(MQTTJS);
    const byName = new Map(facts.assignments.map((a) => [a.name, a]));
    assert.equal(byName.get('url')!.value.kind, 'template');
    assert.deepEqual([byName.get('password')!.kind, byName.get('password')!.value.value], ['variable', 'h4rdc0ded']);
    assert.equal(byName.get('password')!.target, 'config.broker.password');
    const props = facts.assignments.filter((a) => a.kind === 'property');
    const prop = (n: string) => props.find((p) => p.name === n)!;
    assert.equal(prop('clientId').value.value, 'gw-1');
    assert.equal(slice(MQTTJS, prop('clientId').nameRange), "'clientId'");
    assert.deepEqual([prop('port').value.kind, prop('port').value.value], ['number', 8883]);
    assert.deepEqual(prop('rejectUnauthorized').path, ['tls']);
    assert.equal(prop('rejectUnauthorized').value.value, false);
    assert.equal(prop('ca').value.kind, 'null');
    assert.deepEqual([prop('key').value.kind, prop('key').value.envName], ['env', 'MQTT_KEY']);
    assert.deepEqual([byName.get('token')!.value.kind, byName.get('token')!.value.envName], ['env', 'API_TOKEN']);
    assert.equal(byName.get('home')!.value.kind, 'identifier');
    assert.equal(prop('secret').value.value, 'cls');
  });

  it('extracts calls and imports', async () => {
    const { facts } = await extract(MQTTJS);
    const connect = facts.calls.find((c) => c.callee === 'mqtt.connect')!;
    assert.deepEqual([connect.name, connect.receiver], ['connect', 'mqtt']);
    assert.deepEqual(connect.args.map((a) => a.value.kind), ['identifier', 'identifier']);
    const publish = facts.calls.find((c) => c.name === 'publish')!;
    assert.equal(publish.receiver, 'client');
    assert.ok(facts.calls.some((c) => c.callee === 'JSON.stringify'));
    assert.deepEqual(facts.imports.map((i) => i.module), ['mqtt', 'fs']);
  });

  it('survives syntax errors, empty input and a 1 MB single line', async () => {
    const broken = await extract("const pw = 'abc';\nfunction (( {\nconst url = 'http://x';\n");
    assert.ok(broken.errors.length > 0);
    assert.ok(broken.facts.strings.some((s) => s.value === 'abc'));
    const empty = await extract('');
    assert.deepEqual([empty.errors, empty.facts.strings], [[], []]);
    const big = `const data = [${'"ab",'.repeat(200_000)}];`;
    const r = await extract(big);
    assert.equal(r.facts.strings.length, 200_000);
    const long = await extract(`const s = '${'x'.repeat(1_000_000)}';`);
    assert.equal(long.facts.strings[0].value.length, 1_000_000);
  });
});
