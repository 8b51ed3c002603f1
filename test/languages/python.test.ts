import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pythonLanguage } from '../../src/languages/python/index';
import { nodeModulesEnv } from '../harness/grammars';

const extract = (code: string) => pythonLanguage.extract(code, nodeModulesEnv);
const slice = (code: string, r: readonly [number, number]) => code.slice(r[0], r[1]);

const MICROPYTHON = `# MicroPython greenhouse node
import network, ubinascii
from umqtt.simple import MQTTClient
import paho.mqtt.client as mqtt

SSID = "Größe-Netz"
PASSWORD = 'wlan-pass'
BROKER = r"mqtt://broker.local\\n"
PORT = 1883
KEY = b'\\x41BC'
TOKEN: str = os.environ['API_TOKEN']
ALT = os.getenv("ALT_TOKEN", "fallback")
SECRET = secrets.API_KEY

class Node:
    def __init__(self):
        self.pw = f"pre-{SSID}-{{x}}"
        self.cfg = {'mqtt': {'password': "p4ss", 'port': 8883}, "tls": None}

wlan.connect(SSID, PASSWORD)
client = MQTTClient("node-1", BROKER, port=PORT, user="admin", password=PASSWORD, ssl=False)
c = mqtt.Client()
c.tls_set(ca_certs="ca.pem", cert_reqs=ssl.CERT_NONE)
c.tls_insecure_set(True)
msg = """multi
line"""
`;

describe('python language', () => {
  it('matches .py and .pyw', () => {
    assert.equal(pythonLanguage.matches('main.py'), true);
    assert.equal(pythonLanguage.matches('tool.PYW'), true);
    assert.equal(pythonLanguage.matches('main.pyc'), false);
    assert.deepEqual(pythonLanguage.comments, { line: '#' });
  });

  it('extracts strings of every flavour', async () => {
    const { facts, errors } = await extract(MICROPYTHON);
    assert.deepEqual(errors, []);
    const byValue = new Map(facts.strings.map((s) => [s.value, s]));
    assert.equal(byValue.get('mqtt://broker.local\\n')!.kind, 'raw');
    assert.equal(byValue.get('ABC')!.kind, 'string');
    assert.equal(byValue.get('pre--{x}')!.kind, 'template');
    assert.equal(byValue.get('multi\nline')!.kind, 'string');
    const ssid = byValue.get('Größe-Netz')!;
    assert.equal(slice(MICROPYTHON, ssid.range), '"Größe-Netz"');
    assert.equal(slice(MICROPYTHON, ssid.innerRange), 'Größe-Netz');
    assert.deepEqual(facts.comments.map((c) => c.text), ['# MicroPython greenhouse node']);
  });

  it('extracts assignments, env lookups and dict keys', async () => {
    const { facts } = await extract(MICROPYTHON);
    const byName = new Map(facts.assignments.map((a) => [a.name, a]));
    assert.deepEqual([byName.get('PASSWORD')!.value.kind, byName.get('PASSWORD')!.value.value], ['string', 'wlan-pass']);
    assert.deepEqual([byName.get('PORT')!.value.kind, byName.get('PORT')!.value.value], ['number', 1883]);
    assert.deepEqual([byName.get('TOKEN')!.value.kind, byName.get('TOKEN')!.value.envName], ['env', 'API_TOKEN']);
    assert.deepEqual([byName.get('ALT')!.value.kind, byName.get('ALT')!.value.envName], ['env', 'ALT_TOKEN']);
    assert.equal(byName.get('SECRET')!.value.kind, 'identifier');
    assert.equal(byName.get('pw')!.target, 'self.pw');
    assert.equal(byName.get('pw')!.value.kind, 'template');
    const pw = facts.assignments.find((a) => a.kind === 'key' && a.name === 'password')!;
    assert.deepEqual(pw.path, ['mqtt']);
    assert.equal(pw.value.value, 'p4ss');
    assert.equal(slice(MICROPYTHON, pw.nameRange), "'password'");
    assert.equal(facts.assignments.find((a) => a.name === 'tls')!.value.kind, 'null');
    assert.deepEqual(facts.assignments.find((a) => a.name === 'tls')!.path, []);
  });

  it('extracts calls with keyword arguments', async () => {
    const { facts } = await extract(MICROPYTHON);
    const mq = facts.calls.find((c) => c.callee === 'MQTTClient')!;
    assert.deepEqual(mq.args.map((a) => a.name ?? null), [null, null, 'port', 'user', 'password', 'ssl']);
    assert.deepEqual(mq.args[5].value, { kind: 'boolean', text: 'False', value: false, range: mq.args[5].value.range });
    const tls = facts.calls.find((c) => c.name === 'tls_set')!;
    assert.equal(tls.receiver, 'c');
    assert.deepEqual(tls.args.map((a) => [a.name, a.value.kind, a.value.text]), [['ca_certs', 'string', '"ca.pem"'], ['cert_reqs', 'identifier', 'ssl.CERT_NONE']]);
    assert.equal(facts.calls.find((c) => c.callee === 'c.tls_insecure_set')!.args[0].value.value, true);
    assert.ok(facts.calls.some((c) => c.callee === 'mqtt.Client'));
  });

  it('extracts imports', async () => {
    const { facts } = await extract(MICROPYTHON);
    assert.deepEqual(facts.imports.map((i) => i.module), ['network', 'ubinascii', 'umqtt.simple', 'paho.mqtt.client']);
  });

  it('keeps facts on syntax errors', async () => {
    const { facts, errors } = await extract('PASSWORD = "abc"\ndef broken(:\n    pass\nTOKEN = "xyz"\n');
    assert.ok(errors.length > 0);
    assert.ok(facts.strings.some((s) => s.value === 'abc'));
    assert.ok(facts.strings.some((s) => s.value === 'xyz'));
  });
});
