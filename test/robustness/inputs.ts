/**
 * Hostile and mutated inputs for the robustness suite: realistic seeds per language, mutations
 * (truncation, byte noise, line-end changes, BOMs, lone surrogates, NULs) and pathological shapes
 * (10k-level nesting, 1 MB lines, huge token counts).
 */
import fc from 'fast-check';
import type { LanguageId } from '../../src/core/language';

/** A realistic document per language (one or more findings in each), used as mutation seeds. */
export const SEEDS: Readonly<Record<LanguageId, { filePath: string; text: string }>> = {
  c: { filePath: 'main/app.c', text: '#include "esp_wifi.h"\n#define WIFI_PASSWORD "Zq7mK2pW9xLr"\nstatic const char *url = "mqtt://broker.example.com";\nvoid app(void) {\n  esp_mqtt_client_config_t cfg = { .broker.address.uri = url, .credentials.authentication.password = "s3cretPassw0rd" };\n  esp_https_ota(&cfg);\n}\n' },
  cpp: { filePath: 'src/main.ino', text: '#include <WiFiClientSecure.h>\nWiFiClientSecure client;\nconst char* password = "Zq7mK2pW9xLr";\nvoid setup() {\n  WiFi.begin("net", password);\n  client.setInsecure();\n  ArduinoOTA.begin();\n  auto s = R"(raw "string")";\n}\n' },
  python: { filePath: 'gateway/main.py', text: 'import requests\nMQTT_PASSWORD = "Zq7mK2pW9xLr"\ncfg = {"password": "hunter22hunter", "url": f"http://{host}/x"}\nr = requests.get("https://x.example.com", verify=False)\nclient.username_pw_set("user", "Zq7mK2pW9xLr")\n' },
  javascript: { filePath: 'server/index.js', text: "const https = require('https');\nconst agent = new https.Agent({ rejectUnauthorized: false });\nconst password = 'Zq7mK2pW9xLr';\nconst url = `http://${host}/api`;\nmqtt.connect('mqtt://broker.example.com', { password });\n" },
  typescript: { filePath: 'server/index.ts', text: "import mqtt from 'mqtt';\nconst password: string = 'Zq7mK2pW9xLr';\nexport const client = mqtt.connect('mqtt://broker.example.com', { password, rejectUnauthorized: false } as const);\nconst el = <T,>(x: T) => x;\n" },
  yaml: { filePath: 'device.yaml', text: 'esphome:\n  name: node\nwifi:\n  ssid: "net"\n  password: "Zq7mK2pW9xLr"\napi:\n  encryption:\n    key: "bm90IGEgcmVhbCBrZXkgYnV0IGxvbmcgZW5vdWdoIQ=="\nota:\n  - platform: esphome\nmqtt:\n  broker: mqtt://broker.example.com\n  password: !secret mqtt_password\n' },
  json: { filePath: 'config/cloud.json', text: '{\n  "aws_access_key_id": "AKIAQWERTYUIOPASDFGH",\n  "password": "Zq7mK2pW9xLr",\n  "broker": "mqtt://broker.example.com",\n  "nested": { "list": [1, 2.5e3, true, null, "x"] }\n}\n' },
  ini: { filePath: 'platformio.ini', text: '[env:ota]\nplatform = espressif32\nupload_protocol = espota\nupload_flags = --auth=Zq7mK2pW9xLr\nbuild_flags = -DWIFI_PASSWORD=\\"Zq7mK2pW9xLr\\"\n' },
  kconfig: { filePath: 'sdkconfig', text: 'CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y\nCONFIG_EXAMPLE_WIFI_PASSWORD="Zq7mK2pW9xLr"\n# CONFIG_SECURE_BOOT is not set\nCONFIG_BROKER_URL="mqtt://broker.example.com"\n' },
  dotenv: { filePath: '.env', text: 'MQTT_PASSWORD=Zq7mK2pW9xLr\nexport API_TOKEN="ghp_abcdefghijklmnopqrstuvwxyz0123456789"\nURL=http://example.com # comment\n' },
  libconfig: { filePath: 'swupdate/swupdate.cfg', text: 'globals :\n{\n\tverbose = true; /* c */\n};\nsuricatta :\n{\n\turl = "http://hawkbit.example.com" "/x";\n\tnocheckcert = true;\n\ttargettoken = "8ec9d5987993fddee01ecdbb124374dc";\n\tpolldelay = 360L;\n};\nidentify : ( { name = "board"; value = "rev-c"; } );\n# end\n' },
  pem: { filePath: 'certs/device.key', text: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n-----END PRIVATE KEY-----\n' },
};

/** Odd characters that break naive offset arithmetic. */
const HOSTILE = ['\u0000', '\uFEFF', '\uD800', '\uDFFF', '\uFFFD', '\r', '\r\n', '\n', '"', "'", '`', '\\', '{', '}', '[', ']', '(', ')', '#', ';', ':', '=', '-----BEGIN ', '*/', '/*', '${', '\t', '😀', '\u2028'];

/** A mutation of `text`: truncation, insertions of hostile characters, line-end rewrites, a BOM. */
export function mutated(text: string): fc.Arbitrary<string> {
  const insertion = fc.record({ at: fc.nat(text.length), what: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 }), fc.fullUnicodeString({ maxLength: 4 })) });
  return fc.record({
    cut: fc.option(fc.nat(text.length), { nil: undefined }),
    inserts: fc.array(insertion, { maxLength: 6 }),
    eol: fc.constantFrom('keep', 'crlf', 'cr'),
    bom: fc.boolean(),
  }).map(({ cut, inserts, eol, bom }) => {
    let t = cut === undefined ? text : text.slice(0, cut);
    for (const { at, what } of [...inserts].sort((a, b) => b.at - a.at)) t = t.slice(0, Math.min(at, t.length)) + what + t.slice(Math.min(at, t.length));
    if (eol === 'crlf') t = t.replace(/\r?\n/g, '\r\n');
    if (eol === 'cr') t = t.replace(/\r?\n/g, '\r');
    return bom ? '\uFEFF' + t : t;
  });
}

/** Random bytes decoded as UTF-8 (invalid sequences become U+FFFD), as the CLI would read them. */
export const randomBytesAsText: fc.Arbitrary<string> = fc.uint8Array({ maxLength: 2048 }).map((b) => new TextDecoder('utf-8', { fatal: false }).decode(b));

/** Any input for a language: its mutated seed, random text or random bytes. */
export function anyInput(lang: LanguageId): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: mutated(SEEDS[lang].text) },
    { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 400 }) },
    { weight: 1, arbitrary: randomBytesAsText },
  );
}

/** Pathological documents per language: deep nesting, a 1 MB line, a huge number of tokens. */
export function pathological(lang: LanguageId): Array<{ name: string; text: string }> {
  const depth = 10_000;
  const out: Array<{ name: string; text: string }> = [
    { name: '1 MB single line', text: 'password = "' + 'a'.repeat(1 << 20) + '"' },
    { name: 'NUL bytes', text: SEEDS[lang].text.replace(/ /g, '\u0000') },
    { name: 'lone surrogates', text: SEEDS[lang].text.replace(/a/g, '\uD800').replace(/e/g, '\uDC00') },
    { name: 'empty', text: '' },
    { name: 'only a BOM', text: '\uFEFF' },
    { name: '200k tokens', text: 'a=1;'.repeat(200_000) },
  ];
  if (lang === 'json') out.push({ name: '10k nested arrays', text: '['.repeat(depth) + ']'.repeat(depth) }, { name: '10k nested objects', text: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) }, { name: 'unclosed 10k nesting', text: '{"password":['.repeat(depth) });
  if (lang === 'yaml') out.push({ name: '10k nested maps', text: Array.from({ length: depth }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' "Zq7mK2pW9xLr"' }, { name: '10k nested flow', text: 'a: ' + '['.repeat(depth) + ']'.repeat(depth) }, { name: 'alias bomb', text: 'a: &a ["x","x"]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c]\ne: [*d,*d,*d,*d]\n' });
  if (lang === 'c' || lang === 'cpp' || lang === 'javascript' || lang === 'typescript') out.push({ name: '10k nested parens', text: 'int x = ' + '('.repeat(depth) + '1' + ')'.repeat(depth) + ';' }, { name: '10k nested braces', text: 'void f(){' + '{'.repeat(depth) + '}'.repeat(depth) + '}' });
  if (lang === 'python') out.push({ name: '10k nested lists', text: 'x = ' + '['.repeat(depth) + ']'.repeat(depth) }, { name: 'deep indentation', text: Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + 'if x:').join('\n') });
  return out;
}
