import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KeyValueFact } from '../../src/core/facts';
import { nodeModulesEnv } from '../harness/grammars';
import { extractKconfig, kconfigLanguage } from '../../src/languages/kconfig/index';

const SDKCONFIG = `#
# Automatically generated file. DO NOT EDIT.
# Espressif IoT Development Framework (ESP-IDF) 5.2 Project Configuration
#
CONFIG_PARTITION_TABLE_TWO_OTA=y
# CONFIG_SECURE_BOOT is not set
# CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT is not set
CONFIG_ESP_TLS_INSECURE=y
CONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY=y
CONFIG_EXAMPLE_WIFI_PASSWORD="hunter2 \\"quoted\\""
CONFIG_BROKER_URL="mqtt://broker.example.com:1883"
CONFIG_BOOTLOADER_APP_SECURE_VERSION=0
CONFIG_PARTITION_TABLE_OFFSET=0x8000
CONFIG_ESP_WIFI_STATIC_RX_BUFFER_NUM=10
CONFIG_SOME_MODULE=m
CONFIG_EMPTY_STRING=""
`;

const PRJ = `# Zephyr application
CONFIG_MCUMGR=y
CONFIG_MCUMGR_TRANSPORT_BT_PERM_RW=y # debugging only
CONFIG_HAWKBIT_DDI_SECURITY_TOKEN="abc123"
CONFIG_WIFI_CREDENTIALS_STATIC_PASSWORD = "zephyr-pw"
`;

const SYSBUILD = 'SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE="${APP_DIR}/keys/root-rsa-2048.pem"\n# SB_CONFIG_BOOT_ENCRYPTION is not set\n';

function kv(facts: { keyValues: KeyValueFact[] }, key: string): KeyValueFact {
  const found = facts.keyValues.find((k) => k.key === key);
  assert.ok(found, `no keyValue ${key}`);
  assert.deepEqual(found.path, [key]);
  return found;
}

const slice = (text: string, r: readonly [number, number]): string => text.slice(r[0], r[1]);

describe('kconfig language', () => {
  it('matches Kconfig fragment names only', () => {
    const table: [string, boolean][] = [
      ['sdkconfig', true], ['proj/sdkconfig.defaults', true], ['sdkconfig.defaults.esp32s3', true], ['sdkconfig.ci.release', true],
      ['sdkconfig.old', true], ['build/config/sdkconfig.h', false], ['build/config/sdkconfig.json', false], ['sdkconfig.rename', false],
      ['app/prj.conf', true], ['app/prj_release.conf', true], ['app/overlay-tls.conf', true], ['app/wifi_overlay.conf', true],
      ['app/boards/nrf52840dk_nrf52840.conf', true], ['child_image/mcuboot.conf', true], ['sysbuild.conf', true],
      ['configs/qemux86_defconfig', true], ['defconfig', true], ['.config', true],
      ['mosquitto.conf', false], ['mender.conf', false], ['system.conf', false], ['nginx.conf', false], ['Kconfig', true],
      ['main/Kconfig.projbuild', true], ['zephyr/Kconfig.defconfig', true], ['Kconfig.txt.bak/notes.md', false], ['tools/kconfig.py', false], ['kconfig.yaml', false],
    ];
    for (const [p, want] of table) assert.equal(kconfigLanguage.matches(p), want, p);
  });

  it("reads Kconfig source defaults as [symbol, 'default'] and skips prompts and help text", () => {
    const src = [
      'menu "Doorcam configuration"',
      '    config DOORBELL_WIFI_PASSWORD',
      '        string "Wi-Fi password"',
      '        default "mypassword"',
      '        help',
      '            default "not-a-default" lives in help text.',
      '',
      '            config NOT_A_SYMBOL',
      '    config DOORBELL_STREAM_TOKEN',
      '        string "Relay token"',
      '        default "rtk_live_8f3b" if DOORBELL_RELAY',
      '    menuconfig CHIME',
      '        bool "Chime"',
      '        default y  if SOC_GPIO',
      '    config CHIME_GPIO',
      '        int "Chime GPIO"',
      '        range 0 48',
      '        depends on CHIME',
      '        default 21',
      'endmenu',
      'default "orphan"',
      '',
    ].join('\n');
    const res = extractKconfig(src);
    assert.deepEqual(res.errors, []);
    assert.deepEqual(res.facts.keyValues.map((k) => [k.path, k.value.kind, k.value.value]), [
      [['DOORBELL_WIFI_PASSWORD', 'default'], 'string', 'mypassword'],
      [['DOORBELL_STREAM_TOKEN', 'default'], 'string', 'rtk_live_8f3b'],
      [['CHIME', 'default'], 'boolean', true],
      [['CHIME_GPIO', 'default'], 'number', 21],
    ]);
    const token = res.facts.keyValues[1];
    assert.equal(src.slice(token.value.range[0], token.value.range[1]), '"rtk_live_8f3b"');
    assert.equal(src.slice(token.keyRange[0], token.keyRange[1]), 'default');
    assert.deepEqual(res.facts.strings.map((s) => s.value), ['mypassword', 'rtk_live_8f3b']);
  });

  it('reads sdkconfig values with kinds and exact ranges', async () => {
    const { facts, errors } = await kconfigLanguage.extract(SDKCONFIG, nodeModulesEnv);
    assert.deepEqual(errors, []);
    const rows: { key: string; text: string; kind: string; value: unknown; inner?: string }[] = [
      { key: 'CONFIG_PARTITION_TABLE_TWO_OTA', text: 'y', kind: 'boolean', value: true },
      { key: 'CONFIG_ESP_TLS_INSECURE', text: 'y', kind: 'boolean', value: true },
      { key: 'CONFIG_EXAMPLE_WIFI_PASSWORD', text: '"hunter2 \\"quoted\\""', kind: 'string', value: 'hunter2 "quoted"', inner: 'hunter2 \\"quoted\\"' },
      { key: 'CONFIG_BROKER_URL', text: '"mqtt://broker.example.com:1883"', kind: 'string', value: 'mqtt://broker.example.com:1883', inner: 'mqtt://broker.example.com:1883' },
      { key: 'CONFIG_BOOTLOADER_APP_SECURE_VERSION', text: '0', kind: 'number', value: 0 },
      { key: 'CONFIG_PARTITION_TABLE_OFFSET', text: '0x8000', kind: 'number', value: 0x8000 },
      { key: 'CONFIG_SOME_MODULE', text: 'm', kind: 'identifier', value: 'm' },
      { key: 'CONFIG_EMPTY_STRING', text: '""', kind: 'string', value: '', inner: '' },
    ];
    for (const row of rows) {
      const k = kv(facts, row.key);
      assert.equal(slice(SDKCONFIG, k.keyRange), row.key);
      assert.equal(slice(SDKCONFIG, k.value.range), row.text, row.key);
      assert.equal(k.value.text, row.text, row.key);
      assert.equal(k.value.kind, row.kind, row.key);
      assert.equal(k.value.value, row.value, row.key);
      if (row.inner !== undefined) assert.equal(slice(SDKCONFIG, k.value.innerRange!), row.inner, row.key);
      assert.equal(slice(SDKCONFIG, k.range), `${row.key}=${row.text}`);
    }
    assert.deepEqual(facts.strings.map((s) => s.value), ['hunter2 "quoted"', 'mqtt://broker.example.com:1883', '']);
    assert.equal(facts.comments.length, 4);
  });

  it("represents '# CONFIG_X is not set' as boolean false with text 'is not set'", () => {
    const { facts } = extractKconfig(SDKCONFIG);
    const sb = kv(facts, 'CONFIG_SECURE_BOOT');
    assert.equal(sb.value.kind, 'boolean');
    assert.equal(sb.value.value, false);
    assert.equal(sb.value.text, 'is not set');
    assert.equal(slice(SDKCONFIG, sb.value.range), 'is not set');
    assert.equal(slice(SDKCONFIG, sb.keyRange), 'CONFIG_SECURE_BOOT');
    assert.equal(slice(SDKCONFIG, sb.range), '# CONFIG_SECURE_BOOT is not set');
    assert.ok(!facts.comments.some((c) => c.text.includes('is not set')));
  });

  it('reads Zephyr prj.conf with trailing comments and spaces around =', () => {
    const { facts, errors } = extractKconfig(PRJ);
    assert.deepEqual(errors, []);
    const rw = kv(facts, 'CONFIG_MCUMGR_TRANSPORT_BT_PERM_RW');
    assert.equal(slice(PRJ, rw.value.range), 'y');
    assert.ok(facts.comments.some((c) => c.text === '# debugging only'));
    assert.equal(kv(facts, 'CONFIG_HAWKBIT_DDI_SECURITY_TOKEN').value.value, 'abc123');
    const pw = kv(facts, 'CONFIG_WIFI_CREDENTIALS_STATIC_PASSWORD');
    assert.equal(slice(PRJ, pw.value.innerRange!), 'zephyr-pw');
  });

  it('reads sysbuild.conf SB_CONFIG_ symbols', () => {
    const { facts } = extractKconfig(SYSBUILD);
    assert.equal(kv(facts, 'SB_CONFIG_BOOTLOADER_MCUBOOT').value.value, true);
    assert.equal(kv(facts, 'SB_CONFIG_BOOT_SIGNATURE_KEY_FILE').value.value, '${APP_DIR}/keys/root-rsa-2048.pem');
    assert.equal(kv(facts, 'SB_CONFIG_BOOT_ENCRYPTION').value.text, 'is not set');
  });

  it('reports malformed lines and unterminated strings with ranges', () => {
    const text = 'CONFIG_A=y\nnot a config line\nCONFIG_B="open\nCONFIG_C=n\n';
    const { facts, errors, errorRanges } = extractKconfig(text);
    assert.deepEqual(errors.map((e) => slice(text, e.range)), ['not a config line', '"open']);
    assert.deepEqual(errorRanges, errors.map((e) => e.range));
    assert.equal(kv(facts, 'CONFIG_B').value.value, 'open');
    assert.equal(kv(facts, 'CONFIG_C').value.value, false);
  });

  it('keeps offsets with CRLF and a BOM; handles empty input and a 1 MB line', () => {
    const text = '\uFEFFCONFIG_A="x"\r\n# CONFIG_B is not set\r\n';
    const { facts, errors } = extractKconfig(text);
    assert.deepEqual(errors, []);
    assert.equal(slice(text, kv(facts, 'CONFIG_A').keyRange), 'CONFIG_A');
    assert.equal(slice(text, kv(facts, 'CONFIG_B').range), '# CONFIG_B is not set');
    assert.deepEqual(extractKconfig('').facts.keyValues, []);
    const big = `CONFIG_BIG="${'a'.repeat(1_000_000)}"`;
    assert.equal(String(kv(extractKconfig(big).facts, 'CONFIG_BIG').value.value).length, 1_000_000);
  });
});
