import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cppLanguage } from '../../src/languages/cpp/index';
import { nodeModulesEnv } from '../harness/grammars';

const extract = (code: string) => cppLanguage.extract(code, nodeModulesEnv);
const slice = (code: string, r: readonly [number, number]) => code.slice(r[0], r[1]);

const SKETCH = `#include <WiFi.h>
#include <WiFiClientSecure.h>
#include <PubSubClient.h>

const char* ssid = "Gewächshaus-WLAN 🌱";
const char* password = "sup3rs3cret";
const char* mqtt_server = "broker.example.com";
const int mqtt_port = 8883UL;
const char root_ca[] PROGMEM = R"EOF(
-----BEGIN CERTIFICATE-----
MIIDdzCCAl+gAwIBAgIE
-----END CERTIFICATE-----
)EOF";

WiFiClientSecure espClient;
PubSubClient client(espClient);

class Sensor {
 public:
  Sensor() : host_("mqtt://10.0.0.2"), port_{1883} {}
 private:
  std::string host_;
  int port_;
  std::string token_ = "tok-123";
};

void setup() {
  Serial.begin(115200);
  WiFi.begin(ssid, password);
  espClient.setInsecure();
  client.setServer(mqtt_server, mqtt_port);
  auto* c = new WiFiClientSecure();
  c->setCACert(root_ca);
  this->client.connect("esp32", u8"user", nullptr);
}
`;

describe('cpp language', () => {
  it('matches C++ and Arduino extensions', () => {
    for (const f of ['a.cpp', 'a.CC', 'x/a.cxx', 'a.hpp', 'a.hh', 'a.hxx', 'Sketch.INO', 'old.pde']) assert.equal(cppLanguage.matches(f), true, f);
    for (const f of ['a.c', 'a.h', 'a.py', 'ino']) assert.equal(cppLanguage.matches(f), false, f);
  });

  it('extracts an ESP32 Arduino sketch', async () => {
    const { facts, errors } = await extract(SKETCH);
    assert.deepEqual(errors, []);
    assert.deepEqual(facts.imports.map((i) => i.module), ['WiFi.h', 'WiFiClientSecure.h', 'PubSubClient.h']);
    const byName = new Map(facts.assignments.map((a) => [a.name, a]));
    assert.equal(byName.get('password')!.value.value, 'sup3rs3cret');
    assert.deepEqual([byName.get('mqtt_port')!.value.kind, byName.get('mqtt_port')!.value.value], ['number', 8883]);
    const ca = byName.get('root_ca')!; // PROGMEM must not hide the name
    assert.equal(ca.value.kind, 'string');
    assert.equal(slice(SKETCH, ca.nameRange), 'root_ca');
    const raw = facts.strings.find((s) => s.kind === 'raw')!;
    assert.ok(raw.value.startsWith('\n-----BEGIN CERTIFICATE-----'));
    assert.equal(slice(SKETCH, raw.innerRange), raw.value);
    assert.deepEqual(facts.pemBlocks.map((p) => [p.label, p.body]), [['CERTIFICATE', 'MIIDdzCCAl+gAwIBAgIE']]);
  });

  it('uses UTF-16 offsets after umlauts and emoji', async () => {
    const { facts } = await extract(SKETCH);
    const pw = facts.strings.find((s) => s.value === 'sup3rs3cret')!;
    assert.equal(slice(SKETCH, pw.range), '"sup3rs3cret"');
    const ssid = facts.strings.find((s) => s.value.startsWith('Gew'))!;
    assert.equal(ssid.value, 'Gewächshaus-WLAN 🌱');
    assert.equal(slice(SKETCH, ssid.innerRange), 'Gewächshaus-WLAN 🌱');
  });

  it('extracts calls, member initializers, class fields and new', async () => {
    const { facts } = await extract(SKETCH);
    const callees = facts.calls.map((c) => c.callee);
    for (const c of ['Serial.begin', 'WiFi.begin', 'espClient.setInsecure', 'client.setServer', 'WiFiClientSecure', 'c->setCACert', 'this->client.connect']) {
      assert.ok(callees.includes(c), c);
    }
    const begin = facts.calls.find((c) => c.callee === 'WiFi.begin')!;
    assert.deepEqual([begin.name, begin.receiver], ['begin', 'WiFi']);
    assert.deepEqual(begin.args.map((a) => a.value.text), ['ssid', 'password']);
    const connect = facts.calls.find((c) => c.name === 'connect')!;
    assert.equal(connect.receiver, 'this->client');
    assert.deepEqual(connect.args.map((a) => [a.value.kind, a.value.value]), [['string', 'esp32'], ['string', 'user'], ['null', undefined]]);
    assert.equal(slice(SKETCH, connect.args[1].value.innerRange!), 'user');
    const fields = facts.assignments.filter((a) => a.kind === 'field');
    assert.deepEqual(fields.map((f) => [f.name, f.value.value]), [['host_', 'mqtt://10.0.0.2'], ['port_', 1883], ['token_', 'tok-123']]);
  });

  it('reports syntax errors but still extracts', async () => {
    const code = 'void setup() {\n  WiFi.begin("ssid", "pw";\n  client.connect("id");\n}\n';
    const { facts, errors } = await extract(code);
    assert.ok(errors.length > 0);
    assert.ok(facts.strings.some((s) => s.value === 'pw'));
    assert.ok(facts.calls.some((c) => c.callee === 'client.connect'));
  });
});
