import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KeyValueFact } from '../../src/core/facts';
import { nodeModulesEnv } from '../harness/grammars';
import { extractIni, iniLanguage } from '../../src/languages/ini/index';

const PLATFORMIO = `; PlatformIO Project Configuration File
[platformio]
default_envs = esp32dev

[env:esp32dev]
platform = espressif32 ; pinned below
board = esp32dev
framework = arduino
monitor_speed = 115200
build_flags =
    -DWIFI_SSID=\\"greenhouse\\"
    -DWIFI_PASSWORD=\\"hunter2\\"
    ; a comment inside the list
    -DOTA_PASSWORD=\\"\${sysenv.OTA_PASSWORD}\\"
upload_protocol = espota
upload_port = \${sysenv.DEVICE_IP}
upload_flags = --auth=letmein
lib_deps =
  knolleary/PubSubClient@^2.8
  https://github.com/me/lib.git
debug = yes
`;

const RAUC = `[system]
compatible=Greenhouse Controller
bootloader=uboot
bundle-formats=-plain

[keyring]
path=/etc/rauc/dev-ca.pem
check-crl=false

[slot.rootfs.0]
device=/dev/mmcblk0p2
type=ext4
`;

const EDGE = `# IoT Edge
hostname = "gateway-01"

[provisioning]
source = "dps"
global_endpoint = "https://global.azure-devices-provisioning.net"
id_scope = '0ne00000000'

[provisioning.attestation]
method = "symmetric_key"
registration_id = "gateway-01"
symmetric_key = { value = "YXppb3QtaWRlbnRpdHktc2VydmljZXxhemlvdC1pZGU=" }

[agent.config]
  image = "mcr.microsoft.com/azureiotedge-agent:1.4"
  retries = [1, 2,
    3]   # wrapped

[[principal]]
uid = 1000
`;

const MOSQUITTO = `# mosquitto.conf
listener 1883
allow_anonymous true
password_file /etc/mosquitto/passwd
bridge_address broker.example.com:1883
`;

const HAWKBIT = `[client]
hawkbit_server = 10.10.0.254:8080
ssl = false
ssl_verify = false
auth_token = cb115a721af28f781b493fa467819ef5
`;

function kvs(facts: { keyValues: KeyValueFact[] }, path: string): KeyValueFact[] {
  return facts.keyValues.filter((k) => k.path.join('|') === path);
}

function kv(facts: { keyValues: KeyValueFact[] }, path: string): KeyValueFact {
  const found = kvs(facts, path);
  assert.ok(found.length > 0, `no keyValue at ${path}`);
  return found[0];
}

const slice = (text: string, r: readonly [number, number]): string => text.slice(r[0], r[1]);

describe('ini language', () => {
  it('matches INI, TOML, RAUC, hawkBit and mosquitto names', () => {
    for (const [p, want] of [
      ['platformio.ini', true], ['conf/system.conf', true], ['/etc/aziot/config.toml', true],
      ['mosquitto.conf', true], ['docker/broker.mosquitto.conf', true], ['rauc-hawkbit-updater.conf', true],
      ['prj.conf', false], ['nginx.conf', false], ['swupdate.cfg', false], ['mender.conf', false],
      ['mosquitto/config/acl', true], ['broker/users.acl', true], ['etc/aclfile', true], ['deploy/mosquitto.acl', true],
      ['acl', false], ['docs/acl', false], ['windows/share.acl', false],
    ] as const) assert.equal(iniLanguage.matches(p), want, p);
  });

  it('reads platformio.ini sections, inline comments, env references and booleans', async () => {
    const { facts, errors } = await iniLanguage.extract(PLATFORMIO, nodeModulesEnv);
    assert.deepEqual(errors, []);
    const rows: { path: string; text: string; kind: string; value?: unknown; envName?: string }[] = [
      { path: 'platformio|default_envs', text: 'esp32dev', kind: 'string' },
      { path: 'env:esp32dev|platform', text: 'espressif32', kind: 'string' },
      { path: 'env:esp32dev|monitor_speed', text: '115200', kind: 'number', value: 115200 },
      { path: 'env:esp32dev|upload_port', text: '${sysenv.DEVICE_IP}', kind: 'env', envName: 'DEVICE_IP' },
      { path: 'env:esp32dev|upload_flags', text: '--auth=letmein', kind: 'string', value: '--auth=letmein' },
      { path: 'env:esp32dev|debug', text: 'yes', kind: 'boolean', value: true },
    ];
    for (const row of rows) {
      const k = kv(facts, row.path);
      assert.equal(slice(PLATFORMIO, k.keyRange), k.key, row.path);
      assert.equal(slice(PLATFORMIO, k.value.range), row.text, row.path);
      assert.equal(k.value.kind, row.kind, row.path);
      if (row.value !== undefined) assert.equal(k.value.value, row.value, row.path);
      assert.equal(k.value.envName, row.envName, row.path);
    }
    assert.deepEqual(facts.comments.map((c) => slice(PLATFORMIO, c.range)), [
      '; PlatformIO Project Configuration File', '; pinned below', '; a comment inside the list',
    ]);
  });

  it('emits a multi-line value once as an array and once per line', () => {
    const { facts } = extractIni(PLATFORMIO);
    const all = kvs(facts, 'env:esp32dev|build_flags');
    assert.equal(all.length, 4);
    const [joined, ...lines] = all;
    assert.equal(joined.value.kind, 'array');
    assert.equal(joined.value.value, '-DWIFI_SSID=\\"greenhouse\\"\n-DWIFI_PASSWORD=\\"hunter2\\"\n-DOTA_PASSWORD=\\"${sysenv.OTA_PASSWORD}\\"');
    assert.ok(slice(PLATFORMIO, joined.range).startsWith('build_flags =\n    -DWIFI_SSID'));
    assert.ok(slice(PLATFORMIO, joined.range).endsWith('OTA_PASSWORD}\\"'));
    assert.equal(joined.value.text, slice(PLATFORMIO, joined.value.range));
    assert.deepEqual(lines.map((l) => slice(PLATFORMIO, l.value.range)), [
      '-DWIFI_SSID=\\"greenhouse\\"', '-DWIFI_PASSWORD=\\"hunter2\\"', '-DOTA_PASSWORD=\\"${sysenv.OTA_PASSWORD}\\"',
    ]);
    for (const l of lines) {
      assert.equal(l.value.kind, 'string');
      assert.deepEqual(l.keyRange, joined.keyRange);
      assert.deepEqual(l.range, l.value.range);
    }
    assert.deepEqual(joined.value.elements, lines.map((l) => l.value));
    const deps = kvs(facts, 'env:esp32dev|lib_deps');
    assert.deepEqual(deps.slice(1).map((d) => d.value.text), ['knolleary/PubSubClient@^2.8', 'https://github.com/me/lib.git']);
    assert.ok(facts.strings.some((s) => s.value === 'https://github.com/me/lib.git'));
  });

  it('reads RAUC system.conf (GKeyFile) keys', () => {
    const { facts, errors } = extractIni(RAUC);
    assert.deepEqual(errors, []);
    assert.equal(kv(facts, 'system|bundle-formats').value.value, '-plain');
    assert.equal(kv(facts, 'system|compatible').value.value, 'Greenhouse Controller');
    assert.equal(kv(facts, 'keyring|check-crl').value.value, false);
    assert.equal(slice(RAUC, kv(facts, 'keyring|path').value.range), '/etc/rauc/dev-ca.pem');
    assert.equal(kv(facts, 'slot.rootfs.0|type').value.value, 'ext4');
  });

  it('reads IoT Edge config.toml: tables, quoted strings, inline tables, multi-line arrays', () => {
    const { facts, errors } = extractIni(EDGE);
    assert.deepEqual(errors, []);
    const host = kv(facts, '|hostname');
    assert.equal(host.value.value, 'gateway-01');
    assert.equal(slice(EDGE, host.value.innerRange!), 'gateway-01');
    assert.equal(slice(EDGE, host.value.range), '"gateway-01"');
    assert.equal(kv(facts, 'provisioning|id_scope').value.value, '0ne00000000');
    const sym = kv(facts, 'provisioning.attestation|symmetric_key');
    assert.equal(sym.value.kind, 'object');
    assert.equal(sym.value.text, '{ value = "YXppb3QtaWRlbnRpdHktc2VydmljZXxhemlvdC1pZGU=" }');
    const inner = kv(facts, 'provisioning.attestation|symmetric_key|value');
    assert.equal(slice(EDGE, inner.keyRange), 'value');
    assert.equal(slice(EDGE, inner.value.innerRange!), 'YXppb3QtaWRlbnRpdHktc2VydmljZXxhemlvdC1pZGU=');
    assert.equal(kv(facts, 'agent.config|image').value.value, 'mcr.microsoft.com/azureiotedge-agent:1.4');
    const retries = kv(facts, 'agent.config|retries');
    assert.equal(retries.value.kind, 'array');
    assert.deepEqual(retries.value.elements!.map((e) => e.value), [1, 2, 3]);
    assert.equal(kv(facts, 'principal|uid').value.value, 1000);
    assert.ok(facts.comments.some((c) => c.text === '# wrapped'));
  });

  it('accepts space-separated mosquitto.conf lines', () => {
    const { facts, errors } = extractIni(MOSQUITTO);
    assert.deepEqual(errors, []);
    const listener = kv(facts, '|listener');
    assert.equal(slice(MOSQUITTO, listener.keyRange), 'listener');
    assert.equal(listener.value.value, 1883);
    assert.equal(kv(facts, '|allow_anonymous').value.value, true);
    assert.equal(kv(facts, '|bridge_address').value.value, 'broker.example.com:1883');
    assert.equal(kv(facts, '|password_file').value.value, '/etc/mosquitto/passwd');
  });

  it('reads rauc-hawkbit-updater config', () => {
    const { facts } = extractIni(HAWKBIT);
    assert.equal(kv(facts, 'client|ssl_verify').value.value, false);
    assert.equal(kv(facts, 'client|hawkbit_server').value.value, '10.10.0.254:8080');
  });

  it('reports malformed lines with ranges and keeps going', () => {
    const text = '[env:x\nthis line has no delimiter\n[ok]\nkey = "quoted"\n';
    const { facts, errors } = extractIni(text);
    assert.deepEqual(errors.map((e) => slice(text, e.range)), ['[env:x', 'this line has no delimiter']);
    const k = kv(facts, 'ok|key');
    assert.equal(slice(text, k.value.innerRange!), 'quoted');
  });

  it('keeps offsets with CRLF and a BOM, and handles empty input and a 1 MB line', () => {
    const text = '\uFEFF[env]\r\nbuild_flags =\r\n  -DA=1\r\n  -DB=2\r\nurl = http://x\r\n';
    const { facts, errors } = extractIni(text);
    assert.deepEqual(errors, []);
    assert.deepEqual(kvs(facts, 'env|build_flags').slice(1).map((k) => slice(text, k.value.range)), ['-DA=1', '-DB=2']);
    assert.equal(slice(text, kv(facts, 'env|url').value.range), 'http://x');
    assert.deepEqual(extractIni('').facts.keyValues, []);
    const big = `[a]\nk = ${'v'.repeat(1_000_000)}\n`;
    assert.equal(kv(extractIni(big).facts, 'a|k').value.text.length, 1_000_000);
  });
});
