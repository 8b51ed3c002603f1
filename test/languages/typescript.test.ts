import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { typescriptLanguage } from '../../src/languages/typescript/index';
import { nodeModulesEnv } from '../harness/grammars';

const extract = (code: string) => typescriptLanguage.extract(code, nodeModulesEnv);
const slice = (code: string, r: readonly [number, number]) => code.slice(r[0], r[1]);

const DEVICE = `import { connect, type MqttClient } from 'mqtt';
import * as https from 'node:https';

interface Creds { user: string; pass: string }
const DEFAULT_PASS = 'admin' as const;

export class DeviceLink {
  private readonly broker: string = 'mqtt://iot.example.com';
  private client?: MqttClient;
  static readonly creds: Creds = { user: 'root', pass: 'toor' };

  start(): void {
    const agent = new https.Agent({ rejectUnauthorized: false });
    this.client = connect(this.broker, { password: process.env.MQTT_PASS!, port: 1883 });
    this.client.publish(\`dev/\${id}/state\`, <string>'on');
  }
}
`;

describe('typescript language', () => {
  it('matches TS extensions including .tsx', () => {
    for (const f of ['a.ts', 'a.MTS', 'a.cts', 'View.tsx']) assert.equal(typescriptLanguage.matches(f), true, f);
    assert.equal(typescriptLanguage.matches('a.js'), false);
  });

  it('extracts a TS device class', async () => {
    const { facts, errors } = await extract(DEVICE);
    assert.deepEqual(errors, []);
    assert.deepEqual(facts.imports.map((i) => i.module), ['mqtt', 'node:https']);
    const byName = new Map(facts.assignments.map((a) => [a.name, a]));
    assert.equal(byName.get('DEFAULT_PASS')!.value.value, 'admin');
    assert.equal(slice(DEVICE, byName.get('DEFAULT_PASS')!.value.range), "'admin'");
    assert.deepEqual([byName.get('broker')!.kind, byName.get('broker')!.value.value], ['property', 'mqtt://iot.example.com']);
    assert.deepEqual(byName.get('pass')!.path, ['creds']);
    assert.equal(byName.get('pass')!.value.value, 'toor');
    assert.equal(byName.get('rejectUnauthorized')!.value.value, false);
    assert.deepEqual([byName.get('password')!.value.kind, byName.get('password')!.value.envName], ['env', 'MQTT_PASS']);
    assert.equal(byName.get('client')!.target, 'this.client');
    const agent = facts.calls.find((c) => c.callee === 'https.Agent')!;
    assert.equal(agent.args[0].value.kind, 'object');
    const publish = facts.calls.find((c) => c.callee === 'this.client.publish')!;
    assert.deepEqual(publish.args.map((a) => [a.value.kind, a.value.value]), [['template', 'dev//state'], ['string', 'on']]);
  });

  it('parses TSX with the tsx grammar', async () => {
    const code = `const apiKey = "k-123";\nexport const App = () => <div className="x">{apiKey}</div>;\n`;
    const { facts, errors } = await extract(code);
    assert.deepEqual(errors, []);
    assert.equal(facts.assignments.find((a) => a.name === 'apiKey')!.value.value, 'k-123');
  });

  it('falls back to the other grammar when JSX detection guesses wrong', async () => {
    const code = `const html = '</b>';\nconst n = <number>value;\nconst pw = 'x';\n`;
    const { facts, errors } = await extract(code);
    assert.deepEqual(errors, []);
    assert.equal(facts.assignments.find((a) => a.name === 'pw')!.value.value, 'x');
  });
});
