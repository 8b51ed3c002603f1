import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildThreatModel, classifyFile } from '../../src/threat-model/build';
import { describeCertificate, signatureAlgorithm } from '../../src/threat-model/collectors/certificates';
import { renderMarkdown } from '../../src/threat-model/markdown';
import { renderMermaid } from '../../src/threat-model/mermaid';
import type { DataFlow, Threat, ThreatModel } from '../../src/threat-model/types';
import { FIXTURES, scanFixture } from './scan-helper';

const NOW = new Date('2027-06-01T00:00:00Z');
const byRow = (m: ThreatModel, row: string): Threat[] => m.threats.filter((t) => t.row === row);
const flowTo = (m: ThreatModel, from: string, host: string, port?: number): DataFlow | undefined =>
  m.dataFlows.find((f) => f.from === from && f.to.endsWith(`:${host}`) && (port === undefined || f.port === port));
const onFlow = (m: ThreatModel, row: string, flow: DataFlow | undefined): Threat | undefined => byRow(m, row).find((t) => flow && t.target?.flow === flow.id);

describe('threat model: mixed repository (firmware + gateway + provisioning tool)', () => {
  let model: ThreatModel;
  before(async () => {
    model = buildThreatModel(await scanFixture('mixed-repo'), { now: NOW });
  });

  test('Node.js gateway and Python tool are their own components, with path-derived ids', () => {
    const kinds = Object.fromEntries(model.components.filter((c) => c.root !== undefined).map((c) => [c.id, c.kind]));
    assert.deepEqual(kinds, { 'device:.': 'device', 'gateway:gateway': 'gateway', 'tool:tools': 'tool' });
    assert.equal(model.components.find((c) => c.id === 'gateway:gateway')?.boundary, 'local-network');
    assert.ok(model.dataFlows.every((f) => !(f.from === 'device:.' && f.to.includes('amazonaws'))), 'the bridge is not the firmware');
    assert.ok(flowTo(model, 'gateway:gateway', '192.168.10.2'));
    assert.ok(flowTo(model, 'tool:tools', 'fleet.greenhouse-iot.net'));
  });

  test('a .env belongs to the component that reads its variables', () => {
    const f1 = byRow(model, 'F1').find((t) => t.causes.some((c) => c.file === '.env'));
    assert.equal(f1?.target?.component, 'gateway:gateway');
    assert.ok(f1?.mitigations.some((m) => m.file === 'gateway/bridge.js' && m.kind === 'env-credential'));
  });

  test('requests verify=False marks only the fleet API flow; paho tls_set(ca_certs) verifies the broker flow', () => {
    const fleet = flowTo(model, 'tool:tools', 'fleet.greenhouse-iot.net');
    const broker = flowTo(model, 'tool:tools', 'broker.greenhouse-iot.net', 8883);
    assert.equal(fleet?.verification, 'disabled');
    assert.equal(broker?.verification, 'verified');
    assert.match(broker!.label, /TLS verified/);
    const open = onFlow(model, 'F4', fleet);
    assert.equal(open?.status, 'open');
    assert.ok(open?.causes.some((c) => c.file === 'tools/provision.py' && c.line === 15 && c.evidence.includes('requests.post')));
    assert.equal(onFlow(model, 'F4', broker)?.status, 'mitigated');
  });

  test('setInsecure() on one client and setCACert() on another stay on their own connections', () => {
    assert.equal(flowTo(model, 'device:.', 'api.greenhouse-iot.net')?.verification, 'disabled');
    assert.equal(flowTo(model, 'device:.', 'api.open-meteo.com')?.verification, 'verified');
  });

  test('rejectUnauthorized: false in mqtt.connect options: that flow only, and the CA beside it is no mitigation', () => {
    const aws = model.dataFlows.find((f) => f.from === 'gateway:gateway' && f.to.includes('amazonaws'));
    assert.equal(aws?.verification, 'disabled');
    const t = onFlow(model, 'F4', aws);
    assert.equal(t?.status, 'open');
    assert.equal(t?.mitigations.length, 0);
  });

  test('an insecure setting nothing ties to a connection makes its file\'s flows "unknown", not "disabled"', () => {
    const telemetry = flowTo(model, 'device:.', 'telemetry.greenhouse-iot.net');
    assert.equal(telemetry?.verification, 'unknown');
    assert.match(telemetry!.label, /verification unknown/);
    const f4 = byRow(model, 'F4').find((t) => t.target?.component === 'device:.');
    assert.ok(f4?.causes.some((c) => c.file === 'src/secure_link.c'));
  });

  test('setServer(MQTT_BROKER_HOST, MQTT_BROKER_PORT) resolves constants from config.h into a plaintext flow', () => {
    const mqtt = flowTo(model, 'device:.', 'broker.greenhouse-iot.net', 1883);
    assert.ok(mqtt);
    assert.equal(mqtt.tls, false);
    assert.ok(mqtt.locations.some((l) => l.file === 'src/main.cpp' && l.line === 14));
    const t = onFlow(model, 'F3', mqtt);
    assert.equal(t?.severity, 'high', 'plaintext to an internet broker');
    assert.deepEqual(t?.mitigations, [], 'the tool\'s MQTTS connection does not mitigate the firmware\'s plaintext one');
    assert.ok(t?.causes.some((c) => c.file === 'include/config.h' && c.line === 5));
  });

  test('shared-credential findings become one F11 threat listing every location', () => {
    const shared = byRow(model, 'F11');
    assert.equal(shared.length, 1);
    assert.deepEqual(shared[0].causes.map((c) => `${c.file}:${c.line}`), ['include/config.h:6', 'tools/provision.py:10']);
    assert.match(shared[0].title, /mixed-repo, tools/);
    assert.equal(shared[0].status, 'open');
    assert.ok(shared[0].causes[0].fingerprint);
  });

  test("certificates: SHA-1 signature and 1024-bit key are weak; a self-signed root's own SHA-1 signature is not", () => {
    const legacy = model.assets.certificates.find((c) => c.subject === 'gh-node-legacy');
    assert.equal(legacy?.signatureAlgorithm, 'sha1WithRSAEncryption');
    assert.deepEqual(legacy?.weaknesses, ['weak sha1WithRSAEncryption signature', 'RSA key of 1024 bits']);
    const root = model.assets.certificates.find((c) => c.subject === 'Legacy Root CA');
    assert.equal(root?.signatureAlgorithm, 'sha1WithRSAEncryption');
    assert.equal(root?.weaknesses, undefined);
    const ec = model.assets.certificates.find((c) => c.subject === 'gh-node-ec');
    assert.equal(ec?.keyType, 'ec');
    assert.equal(ec?.keySize, 256);
    assert.equal(ec?.weaknesses, undefined);
    const f10 = byRow(model, 'F10')[0];
    assert.equal(f10.status, 'open');
    assert.ok(f10.causes.every((c) => c.file === 'certs/node-legacy.crt'));
    assert.ok(f10.causes.some((c) => c.evidence.includes('weak sha1WithRSAEncryption signature')));
  });

  test('Markdown and Mermaid: unknown verification is shown, every boundary one subgraph, ids sanitized', () => {
    const md = renderMarkdown(model);
    assert.match(md, /\| \*\*unknown\*\* \|/);
    assert.match(md, /sha1WithRSAEncryption \*\*weak:/);
    const mermaid = renderMermaid(model);
    for (const b of model.trustBoundaries.filter((x) => model.components.some((c) => c.boundary === x.id))) {
      assert.equal(mermaid.split('\n').filter((l) => l.trim().startsWith(`subgraph b_${b.id.replace(/-/g, '_')}[`)).length, 1, b.id);
    }
    for (const line of mermaid.split('\n').filter((l) => l.includes('|"'))) assert.match(line, /^ {2}c_\w+ -(->|\.->)\|"[^"|]*"\| c_\w+$/);
    assert.match(mermaid, /linkStyle \d+ stroke:#e80/);
    assert.match(mermaid, /c_tool_tools>"/);
  });
});

describe('threat model: ESPHome node', () => {
  test('literal API encryption key, OTA without password, !secret Wi-Fi', async () => {
    const model = buildThreatModel(await scanFixture('esphome-node'), { now: NOW });
    const device = model.components.find((c) => c.kind === 'device');
    assert.equal(device?.name, 'greenhouse-vent');
    assert.equal(device?.properties.board, 'esp32dev');
    assert.ok(model.assets.credentials.some((c) => c.name === 'password' && c.source === 'secret-store'));
    assert.ok(model.assets.credentials.some((c) => c.line === 13 && c.source === 'literal' && c.ruleId === 'esphome-literal-secret'));
    const f1 = byRow(model, 'F1')[0];
    assert.equal(f1.status, 'partially-mitigated');
    assert.ok(f1.causes.some((c) => c.line === 13 && c.ruleId === 'esphome-literal-secret'));
    assert.ok(f1.mitigations.some((m) => m.kind === 'secret-store' && m.line === 9));
    const f5 = byRow(model, 'F5')[0];
    assert.equal(f5.status, 'open');
    assert.deepEqual(f5.causes.map((c) => c.ruleId), ['esphome-ota-unprotected'], 'the rule\'s cause, no duplicate absence');
    assert.deepEqual(model.assets.updateChannels.map((u) => [u.mechanism, u.signed, u.authenticated]), [['esphome-ota', false, false]]);
    assert.equal(model.dataFlows.length, 0);
  });
});

describe('threat model: Zephyr + MCUboot', () => {
  test('MCUboot with no signing key (development key) and no downgrade prevention: F5 and F6 open', async () => {
    const model = buildThreatModel(await scanFixture('zephyr-mcuboot'), { now: NOW });
    assert.equal(model.components.find((c) => c.kind === 'device')?.properties.os, 'zephyr');
    const f5 = byRow(model, 'F5')[0];
    assert.equal(f5.status, 'open');
    assert.ok(f5.causes.some((c) => c.ruleId === 'mcuboot-default-key' && c.file === 'sysbuild.conf'));
    assert.ok(f5.cwe.includes('CWE-1394'));
    const f6 = byRow(model, 'F6')[0];
    assert.equal(f6.status, 'open');
    assert.ok(f6.causes.length > 0);
    assert.deepEqual(model.assets.updateChannels.map((u) => u.mechanism).sort(), ['mcuboot', 'mcumgr'], 'one row per mechanism');
    assert.ok(model.assets.updateChannels.every((u) => !u.signed && !u.antiRollback));
  });

  test('project signing key and downgrade prevention in sysbuild.conf: F5 and F6 mitigated', async () => {
    const model = buildThreatModel(await scanFixture('zephyr-mcuboot-secure'), { now: NOW });
    const f5 = byRow(model, 'F5')[0];
    assert.equal(f5.status, 'mitigated');
    assert.ok(f5.mitigations.some((m) => m.kind === 'mcuboot-signing-key' && m.file === 'sysbuild.conf' && m.line === 3));
    const f6 = byRow(model, 'F6')[0];
    assert.equal(f6.status, 'mitigated');
    assert.ok(f6.mitigations.some((m) => m.kind === 'anti-rollback'));
    assert.equal(model.summary.byStatus.open, 0);
    assert.ok(model.assets.updateChannels.every((u) => u.signed && u.antiRollback));
  });
});

describe('threat model: embedded Linux gateways (Mender, RAUC)', () => {
  test('Mender without ArtifactVerifyKey and SkipVerify: unsigned update, unverified server flow', async () => {
    const model = buildThreatModel(await scanFixture('mender-gateway'), { now: NOW });
    const device = model.components.find((c) => c.id === 'device:.');
    assert.deepEqual([device?.properties.os, device?.properties.updater], ['linux', 'mender']);
    assert.equal(byRow(model, 'F5')[0].status, 'open');
    const server = flowTo(model, 'device:.', 'hosted.mender.io');
    assert.equal(server?.verification, 'disabled');
    assert.equal(onFlow(model, 'F4', server)?.status, 'open');
  });

  test('RAUC keyring: signed (F5 mitigated); no min-bundle-version: F6 open', async () => {
    const model = buildThreatModel(await scanFixture('rauc-gateway'), { now: NOW });
    const f5 = byRow(model, 'F5')[0];
    assert.equal(f5.status, 'mitigated');
    assert.ok(f5.mitigations.some((m) => m.kind === 'rauc-keyring' && m.line === 7));
    const f6 = byRow(model, 'F6')[0];
    assert.equal(f6.status, 'open');
    assert.ok(f6.causes.some((c) => c.ruleId === 'linux-updater-unsigned'));
    assert.deepEqual(model.assets.updateChannels.map((u) => [u.mechanism, u.signed, u.antiRollback]), [['rauc', true, false]]);
  });
});

describe('threat model: MicroPython umqtt node', () => {
  test('MicroPython is firmware; its deploy script is a tool; umqtt MQTTClient is a plaintext flow', async () => {
    const model = buildThreatModel(await scanFixture('micropython-node'), { now: NOW });
    const device = model.components.find((c) => c.id === 'device:.');
    assert.equal(device?.kind, 'device');
    assert.equal(device?.properties.framework, 'micropython');
    assert.equal(model.components.find((c) => c.id === 'tool:tools')?.kind, 'tool');
    const mqtt = flowTo(model, 'device:.', 'broker.greenhouse-iot.net', 1883);
    assert.equal(mqtt?.tls, false);
    const f3 = onFlow(model, 'F3', mqtt);
    assert.equal(f3?.status, 'open');
    assert.equal(f3?.severity, 'high');
    assert.equal(byRow(model, 'F1')[0].status, 'open');
  });
});

describe('component classification', () => {
  const roots = new Map<string, 'device' | 'gateway'>([['.', 'device'], ['fw', 'device'], ['cloud-bridge', 'gateway']]);
  test('language, folder and manifest decide device / gateway / tool', () => {
    assert.deepEqual(classifyFile('src/main.cpp', 'cpp', false, roots), { kind: 'device', root: '.' });
    assert.deepEqual(classifyFile('gateway/bridge.js', 'javascript', false, roots), { kind: 'gateway', root: 'gateway' });
    assert.deepEqual(classifyFile('gateway/lib/util.ts', 'typescript', false, roots), { kind: 'gateway', root: 'gateway' });
    assert.deepEqual(classifyFile('tools/provision.py', 'python', false, roots), { kind: 'tool', root: 'tools' });
    assert.deepEqual(classifyFile('extra_script.py', 'python', false, roots), { kind: 'tool', root: '.' });
    assert.deepEqual(classifyFile('fw/scripts/sign.py', 'python', false, roots), { kind: 'tool', root: 'fw/scripts' });
    assert.deepEqual(classifyFile('cloud-bridge/index.js', 'javascript', false, roots), { kind: 'gateway', root: 'cloud-bridge' });
    assert.deepEqual(classifyFile('fw/main.py', 'python', true, roots), { kind: 'device', root: 'fw' });
    assert.deepEqual(classifyFile('bridge.js', 'javascript', false, new Map()), { kind: 'gateway', root: '.' });
  });
});

describe('certificate signature algorithm (DER)', () => {
  const body = (file: string): string => readFileSync(join(FIXTURES, file), 'utf8').split('\n').filter((l) => l && !l.startsWith('-----')).join('');
  test('reads the outer signatureAlgorithm OID', () => {
    assert.equal(describeCertificate(body('certs/md5-signed.crt'))?.signatureAlgorithm, 'md5WithRSAEncryption');
    assert.equal(describeCertificate(body('mixed-repo/certs/node-ec.crt'))?.signatureAlgorithm, 'sha256WithRSAEncryption');
    assert.equal(signatureAlgorithm(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])), undefined);
    assert.equal(signatureAlgorithm(new Uint8Array([0x30, 0x82, 0xff])), undefined);
  });
});
