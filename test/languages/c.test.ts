import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cLanguage } from '../../src/languages/c/index';
import { nodeModulesEnv } from '../harness/grammars';

const extract = (code: string) => cLanguage.extract(code, nodeModulesEnv);
const slice = (code: string, r: readonly [number, number]) => code.slice(r[0], r[1]);

const ESP_IDF = `#include "esp_log.h"
#include <mqtt_client.h>
#define WIFI_SSID "greenhouse"
#define WIFI_PASS "hunter2" // iotsec-ignore hardcoded-credential
#define BROKER_PORT (1883U)
#define USE_TLS false
#define TOKEN getenv("TOKEN")
#define KEYS { 0x01, 0xAB, "x" }
static const char *TAG = "mqtt";
static const uint8_t APPKEY[4] = { 0x2B, 0x7E, 0x15, 0x16 };
char pass[] = "pa\\"ss\\x41";
void app_main(void) {
    const esp_mqtt_client_config_t mqtt_cfg = {
        .broker = {
            .address = { .uri = "mqtt://broker.local:1883" },
            .verification = { .skip_cert_common_name_check = true },
        },
        .credentials = { .username = "dev", .authentication.password = "s3cret" },
    };
    esp_mqtt_client_handle_t client = esp_mqtt_client_init(&mqtt_cfg);
    const char *home = getenv("HOME");
    wifi_cfg.sta.password = NULL;
    ESP_LOGI(TAG, "started %d", 1);
}
`;

describe('c language', () => {
  it('matches .c and .h case-insensitively', () => {
    assert.equal(cLanguage.matches('src/main.c'), true);
    assert.equal(cLanguage.matches('include/Secrets.H'), true);
    assert.equal(cLanguage.matches('src/main.cpp'), false);
    assert.equal(cLanguage.matches('c/README'), false);
    assert.deepEqual(cLanguage.comments, { line: '//', block: ['/*', '*/'] });
  });

  it('extracts includes, defines and their exact ranges', async () => {
    const { facts, errors } = await extract(ESP_IDF);
    assert.deepEqual(errors, []);
    assert.deepEqual(facts.imports.map((i) => i.module), ['esp_log.h', 'mqtt_client.h']);
    const defs = new Map(facts.assignments.filter((a) => a.kind === 'define').map((a) => [a.name, a]));
    const pass = defs.get('WIFI_PASS')!;
    assert.equal(pass.value.kind, 'string');
    assert.equal(pass.value.value, 'hunter2');
    assert.equal(slice(ESP_IDF, pass.value.range), '"hunter2"');
    assert.equal(slice(ESP_IDF, pass.value.innerRange!), 'hunter2');
    assert.equal(slice(ESP_IDF, pass.nameRange), 'WIFI_PASS');
    assert.deepEqual([defs.get('BROKER_PORT')!.value.kind, defs.get('BROKER_PORT')!.value.value], ['number', 1883]);
    assert.equal(slice(ESP_IDF, defs.get('BROKER_PORT')!.value.range), '1883U');
    assert.deepEqual([defs.get('USE_TLS')!.value.kind, defs.get('USE_TLS')!.value.value], ['boolean', false]);
    assert.deepEqual([defs.get('TOKEN')!.value.kind, defs.get('TOKEN')!.value.envName], ['env', 'TOKEN']);
    const keys = defs.get('KEYS')!.value;
    assert.equal(keys.kind, 'array');
    assert.deepEqual(keys.elements!.map((e) => [e.kind, e.value]), [['number', 1], ['number', 171], ['string', 'x']]);
    assert.equal(slice(ESP_IDF, keys.elements![2].range), '"x"');
    // define literals are string facts too, and the trailing // comment is a comment fact
    assert.ok(facts.strings.some((s) => s.value === 'hunter2' && slice(ESP_IDF, s.range) === '"hunter2"'));
    assert.ok(facts.comments.some((c) => c.text === '// iotsec-ignore hardcoded-credential' && slice(ESP_IDF, c.range) === c.text));
  });

  it('extracts declarations, arrays and escapes', async () => {
    const { facts } = await extract(ESP_IDF);
    const byName = new Map(facts.assignments.map((a) => [a.name, a]));
    assert.equal(byName.get('TAG')!.value.value, 'mqtt');
    assert.equal(byName.get('TAG')!.kind, 'variable');
    const key = byName.get('APPKEY')!.value;
    assert.equal(key.kind, 'array');
    assert.deepEqual(key.elements!.map((e) => e.value), [0x2b, 0x7e, 0x15, 0x16]);
    assert.equal(byName.get('pass')!.value.value, 'pa"ssA');
    assert.equal(byName.get('home')!.value.kind, 'env');
    assert.equal(byName.get('home')!.value.envName, 'HOME');
    const pw = byName.get('password')!;
    assert.equal(pw.target, 'wifi_cfg.sta.password');
    assert.equal(pw.value.kind, 'null');
  });

  it('extracts nested designated initializers with field paths', async () => {
    const { facts } = await extract(ESP_IDF);
    const fields = facts.assignments.filter((a) => a.kind === 'field');
    const uri = fields.find((f) => f.name === 'uri')!;
    assert.deepEqual(uri.path, ['broker', 'address']);
    assert.equal(uri.target, 'broker.address.uri');
    assert.equal(uri.value.value, 'mqtt://broker.local:1883');
    assert.equal(slice(ESP_IDF, uri.nameRange), 'uri');
    const skip = fields.find((f) => f.name === 'skip_cert_common_name_check')!;
    assert.deepEqual(skip.path, ['broker', 'verification']);
    assert.deepEqual([skip.value.kind, skip.value.value], ['boolean', true]);
    const password = fields.find((f) => f.name === 'password')!;
    assert.deepEqual(password.path, ['credentials', 'authentication']);
    assert.equal(fields.find((f) => f.name === 'username')!.path.join('.'), 'credentials');
  });

  it('extracts calls with callee, name and args', async () => {
    const { facts } = await extract(ESP_IDF);
    const init = facts.calls.find((c) => c.callee === 'esp_mqtt_client_init')!;
    assert.equal(init.receiver, undefined);
    assert.equal(init.args.length, 1);
    const log = facts.calls.find((c) => c.name === 'ESP_LOGI')!;
    assert.deepEqual(log.args.map((a) => a.value.kind), ['identifier', 'string', 'number']);
    assert.equal(slice(ESP_IDF, log.calleeRange), 'ESP_LOGI');
  });

  it('joins adjacent literals and finds PEM blocks in them', async () => {
    const code = `static const char *key =\n  "-----BEGIN RSA PRIVATE KEY-----\\n"\n  "MIIEow IBAAKC\\n"\n  "-----END RSA PRIVATE KEY-----\\n";\n`;
    const { facts } = await extract(code);
    assert.equal(facts.strings.length, 1);
    assert.equal(facts.strings[0].value, '-----BEGIN RSA PRIVATE KEY-----\nMIIEow IBAAKC\n-----END RSA PRIVATE KEY-----\n');
    assert.equal(facts.pemBlocks.length, 1);
    assert.equal(facts.pemBlocks[0].label, 'RSA PRIVATE KEY');
    assert.equal(facts.pemBlocks[0].body, 'MIIEowIBAAKC');
    assert.deepEqual(facts.pemBlocks[0].range, facts.strings[0].range);
  });

  it('finds PEM blocks split over a multi-line #define', async () => {
    const code = '#define CERT "-----BEGIN CERTIFICATE-----\\n" \\\n  "QUJD\\n" \\\n  "-----END CERTIFICATE-----\\n"\n';
    const { facts } = await extract(code);
    assert.deepEqual(facts.pemBlocks.map((p) => [p.label, p.body]), [['CERTIFICATE', 'QUJD']]);
  });

  it('keeps facts and reports errors on broken input', async () => {
    const code = 'const char *p = "secret";\nvoid f( { WiFi.begin("ssid", "pw")\nint x = 3;\n';
    const { facts, errors, errorRanges } = await extract(code);
    assert.ok(errors.length > 0 && errors.length <= 20);
    assert.equal(errorRanges!.length, errors.length);
    assert.ok(facts.strings.some((s) => s.value === 'secret'));
    assert.ok(facts.strings.some((s) => s.value === 'pw'));
  });

  it('handles empty input', async () => {
    const r = await extract('');
    assert.deepEqual(r.errors, []);
    assert.equal(r.facts.strings.length, 0);
  });
});
