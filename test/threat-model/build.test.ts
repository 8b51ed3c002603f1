import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildThreatModel } from '../../src/threat-model/build';
import { groupThreats, threatIdsByFingerprint } from '../../src/threat-model/links';
import { boundaryOfHost } from '../../src/threat-model/network';
import { CWES, ENTERPRISE_TECHNIQUES, ICS_TECHNIQUES } from '../../src/threat-model/taxonomy';
import type { ScanOutput, Threat, ThreatModel } from '../../src/threat-model/types';
import { FIXTURES, scanFixture } from './scan-helper';

const CERT_END = new Date(new X509Certificate(readFileSync(join(FIXTURES, 'greenhouse/certs/broker-ca.crt'))).validTo);
const NOW = new Date(CERT_END.getTime() - 20 * 86_400_000);

const byRow = (m: ThreatModel, row: string): Threat[] => m.threats.filter((t) => t.row === row);

describe('threat model: ESP32 Arduino + PlatformIO greenhouse controller', () => {
  let scan: ScanOutput;
  let model: ThreatModel;
  before(async () => {
    scan = await scanFixture('greenhouse');
    model = buildThreatModel(scan, { now: NOW });
  });

  test('inventories the board, endpoints, credentials, certificate and update channel', () => {
    const device = model.components.find((c) => c.kind === 'device');
    assert.ok(device);
    assert.equal(device.properties.board, 'esp32dev');
    assert.equal(device.properties.framework, 'arduino');
    assert.ok(model.assets.endpoints.some((e) => e.host === 'broker.hivemq.com' && e.port === 1883 && !e.tls));
    assert.ok(model.assets.credentials.some((c) => c.name === 'WIFI_PASSWORD' && c.kind === 'password' && c.file === 'src/main.cpp'));
    const cert = model.assets.certificates[0];
    assert.equal(cert.subject, 'Greenhouse Broker CA');
    assert.equal(cert.expiry, 'expiring');
    assert.equal(cert.keySize, 2048);
    assert.ok(model.assets.updateChannels.some((u) => u.mechanism === 'arduino-ota' && !u.signed && !u.authenticated));
  });

  test('data flows carry protocol, port, TLS and verification state across trust boundaries', () => {
    const mqtt = model.dataFlows.find((f) => f.protocol === 'MQTT');
    assert.ok(mqtt);
    assert.equal(mqtt.port, 1883);
    assert.equal(mqtt.tls, false);
    assert.equal(mqtt.verification, 'none');
    assert.match(mqtt.label, /PLAINTEXT/);
    assert.equal(model.components.find((c) => c.id === mqtt.to)?.boundary, 'internet');
    assert.equal(model.dataFlows.find((f) => f.to.endsWith('api.greenhouse-cloud.io'))?.verification, 'disabled');
    assert.equal(model.dataFlows.find((f) => f.to.endsWith('api.open-meteo.com'))?.verification, 'verified');
  });

  test('threats: plaintext MQTT on its flow, OTA open, TLS verification per connection, expiring cert', () => {
    const plaintext = byRow(model, 'F3').find((t) => t.target?.flow);
    assert.ok(plaintext, 'plaintext threat on the MQTT flow');
    assert.equal(plaintext.status, 'open');
    assert.ok(plaintext.causes.some((c) => c.file === 'src/main.cpp' && c.line === 25));
    const ota = byRow(model, 'F5')[0];
    assert.equal(ota.status, 'open');
    assert.ok(ota.causes.some((c) => c.file === 'src/main.cpp' || c.file === 'platformio.ini'));
    // setInsecure() on secureClient belongs to the telemetry flow; the CA pinned in weather.cpp to the weather flow.
    const flowTo = (host: string): string | undefined => model.dataFlows.find((f) => f.to.endsWith(host))?.id;
    const tls = byRow(model, 'F4').find((t) => t.target?.flow === flowTo('api.greenhouse-cloud.io'));
    assert.ok(tls);
    assert.equal(tls.status, 'open');
    assert.ok(tls.causes.some((c) => c.file === 'src/main.cpp' && c.line === 28));
    assert.equal(tls.mitigations.length, 0, 'a CA on another connection is no mitigation');
    const weather = byRow(model, 'F4').find((t) => t.target?.flow === flowTo('api.open-meteo.com'));
    assert.equal(weather?.status, 'mitigated');
    assert.ok(weather?.mitigations.some((m) => m.file === 'src/weather.cpp' && m.kind === 'ca-cert'));
    const cert = byRow(model, 'F10')[0];
    assert.equal(cert.status, 'open');
    assert.ok(cert.causes[0].evidence.includes('expires on'));
  });

  test('every threat carries verified taxonomy ids, practice numbers and a T-<hash> id', () => {
    for (const t of model.threats) {
      assert.match(t.id, /^T-[0-9a-f]{10}$/);
      assert.ok(t.practices.length && t.stride.length && t.cwe.length);
      for (const id of t.attack.ics) assert.ok(id in ICS_TECHNIQUES, id);
      for (const id of t.attack.enterprise) assert.ok(id in ENTERPRISE_TECHNIQUES, id);
      for (const id of t.cwe) assert.ok(id in CWES, id);
      for (const c of t.causes) assert.ok(c.line >= 1 && c.column >= 1 && c.ruleId);
    }
  });

  test('threat ids do not depend on line numbers', async () => {
    const shifted: ScanOutput = {
      ...scan,
      findings: scan.findings.map((f) => ({ ...f, start: { ...f.start, line: f.start.line + 7 }, end: { ...f.end, line: f.end.line + 7 } })),
      summaries: scan.summaries.map((s) => ({ ...s, signals: s.signals.map((g) => ({ ...g, start: { ...g.start, line: g.start.line + 7 }, end: { ...g.end, line: g.end.line + 7 } })) })),
    };
    const again = buildThreatModel(shifted, { now: NOW });
    assert.deepEqual(again.threats.map((t) => t.id).sort(), model.threats.map((t) => t.id).sort());
  });

  test('practice coverage lists all ten practices with questions where code cannot tell', () => {
    assert.equal(model.practices.length, 10);
    for (const n of [1, 8, 9, 10]) assert.ok(model.practices[n - 1].questions.length > 0, `P${n} questions`);
    assert.equal(model.practices[5].state, 'gaps');
    assert.ok(model.practices[1].questions.some((q) => q.includes('Greenhouse Broker CA')));
  });

  test('links findings to threats by fingerprint (SARIF threatIds)', () => {
    const map = threatIdsByFingerprint(model);
    const ids = new Set(model.threats.map((t) => t.id));
    for (const [fp, id] of map) {
      assert.ok(ids.has(id));
      assert.ok(scan.findings.some((f) => f.fingerprint === fp));
    }
    for (const f of scan.findings) assert.ok(map.has(f.fingerprint), `finding ${f.ruleId} at ${f.filePath}:${f.start.line} has a threat`);
  });

  test('groups threats for the tree view by practice, STRIDE, component and file', () => {
    assert.ok(groupThreats(model, 'practice').has('P6'));
    assert.ok(groupThreats(model, 'stride').has('T'));
    assert.ok([...groupThreats(model, 'component').keys()].some((k) => k.startsWith('device:')));
    assert.ok(groupThreats(model, 'file').has('src/main.cpp'));
  });
});

describe('threat model: ESP-IDF app with signed OTA, secure boot and anti-rollback', () => {
  test('update, rollback, storage and TLS threats are mitigated by evidence, with locations', async () => {
    const model = buildThreatModel(await scanFixture('idf-sensor'), { now: NOW });
    assert.equal(model.components.find((c) => c.kind === 'device')?.properties.target, 'esp32s3');
    for (const row of ['F5', 'F6', 'F7', 'F4']) {
      const t = byRow(model, row)[0];
      assert.ok(t, `${row} threat`);
      assert.equal(t.status, 'mitigated', `${row} is mitigated`);
      assert.equal(t.causes.length, 0);
      assert.ok(t.mitigations.length > 0);
    }
    assert.ok(byRow(model, 'F5')[0].mitigations.some((m) => m.file === 'sdkconfig' && m.kind === 'secure-boot'));
    assert.ok(byRow(model, 'F6')[0].mitigations.some((m) => m.kind === 'anti-rollback'));
    assert.equal(model.summary.byStatus.open, 0);
    assert.ok(model.dataFlows.every((f) => f.tls && f.verification === 'verified'));
    assert.ok(model.assets.updateChannels.every((u) => u.signed && u.antiRollback));
    assert.equal(model.practices[9].state, 'evidence', 'P10 has app rollback evidence');
  });
});

describe('threat model: Node.js gateway to AWS IoT', () => {
  test('gateway, local broker and cloud components; policy and TLS threats', async () => {
    const model = buildThreatModel(await scanFixture('node-gateway'), { now: NOW });
    const gw = model.components.find((c) => c.kind === 'gateway');
    assert.ok(gw);
    assert.equal(gw.name, 'barn-gateway');
    assert.match(gw.properties.packages, /mqtt/);
    assert.equal(model.components.find((c) => c.host === '192.168.10.20')?.boundary, 'local-network');
    const cloud = model.components.find((c) => c.host?.endsWith('amazonaws.com'));
    assert.equal(cloud?.boundary, 'cloud');
    assert.equal(model.dataFlows.find((f) => f.to === cloud?.id)?.verification, 'disabled');
    const policy = byRow(model, 'F9')[0];
    assert.equal(policy.status, 'open');
    assert.equal(policy.target?.component, 'cloud:aws-iot');
    assert.ok(policy.causes.some((c) => c.file === 'policy/iot-policy.json'));
    assert.ok(model.assets.credentials.some((c) => c.source === 'env'));
  });

  test('trust boundaries of hosts', () => {
    assert.equal(boundaryOfHost('127.0.0.1'), 'local-network');
    assert.equal(boundaryOfHost('10.1.2.3'), 'local-network');
    assert.equal(boundaryOfHost('greenhouse.local'), 'local-network');
    assert.equal(boundaryOfHost('abc-ats.iot.us-east-1.amazonaws.com'), 'cloud');
    assert.equal(boundaryOfHost('broker.hivemq.com'), 'internet');
  });
});
