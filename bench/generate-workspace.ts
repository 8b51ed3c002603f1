/**
 * Deterministic synthetic IoT workspace for `npm run bench`: firmware sources, multi-MB register
 * map headers, Python/JS/YAML/JSON/sdkconfig/ini, vendored libraries, minified JS and binaries,
 * with a manifest of planted findings (rule id + file + line) the scan must report.
 * Same seed + params = byte-identical tree; it is only rewritten when they change.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface WorkspaceParams {
  seed: number;
  files: number;
  /** Approximate total size in bytes. */
  bytes: number;
}

/** One finding the generator planted on purpose. */
export interface Planted {
  ruleId: string;
  filePath: string;
  /** 1-based line. */
  line: number;
  what: string;
}

export interface WorkspaceManifest {
  params: WorkspaceParams;
  version: number;
  files: number;
  bytes: number;
  planted: Planted[];
}

export const DEFAULT_PARAMS: WorkspaceParams = { seed: 20240611, files: 10_000, bytes: 150 * 1024 * 1024 };
const GENERATOR_VERSION = 3;
const MANIFEST = '.bench-manifest.json';

/** mulberry32: tiny, fast, good enough for synthetic text. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['sensor', 'gpio', 'uart', 'spi', 'i2c', 'adc', 'timer', 'task', 'queue', 'event', 'buffer', 'frame', 'packet', 'state', 'config', 'value', 'index', 'count', 'level', 'mode', 'status', 'handle', 'driver', 'device', 'channel', 'reading', 'sample', 'temp', 'humidity', 'pressure', 'relay', 'valve', 'pump', 'led', 'button', 'display', 'motor', 'battery', 'power', 'sleep', 'wake', 'clock', 'rtc', 'flash', 'nvs', 'log', 'tag', 'pin', 'port', 'addr', 'data', 'len', 'offset', 'crc', 'retry', 'delay', 'interval', 'threshold', 'calib', 'filter'];

class Gen {
  constructor(readonly rnd: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)];
  }
  word(): string {
    return this.pick(WORDS);
  }
  ident(parts = 2): string {
    const ws: string[] = [];
    for (let i = 0; i < parts; i++) ws.push(this.word());
    return ws.join('_');
  }
  camel(): string {
    const w = this.word();
    const v = this.word();
    return w + v[0].toUpperCase() + v.slice(1);
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)];
    return s;
  }
  secret(n = 14): string {
    const a = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
    let s = '';
    for (let i = 0; i < n; i++) s += a[this.int(0, a.length - 1)];
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Content builders: each returns lines; `plant` appends a finding at the current line.
// ---------------------------------------------------------------------------------------------

type Plant = (ruleId: string, what: string, line: string) => void;

interface Doc {
  lines: string[];
  plant: Plant;
}

function doc(filePath: string, planted: Planted[]): Doc {
  const lines: string[] = [];
  return {
    lines,
    plant: (ruleId, what, line) => {
      lines.push(line);
      planted.push({ ruleId, filePath, line: lines.length, what });
    },
  };
}

function cFunction(g: Gen, out: string[], cpp: boolean): void {
  const name = g.ident(3);
  out.push(`static esp_err_t ${name}(${g.pick(['void', 'int arg', 'const uint8_t *buf, size_t len', 'sensor_t *s'])})`, '{');
  const n = g.int(4, 18);
  for (let i = 0; i < n; i++) {
    switch (g.int(0, 9)) {
      case 0: out.push(`    ESP_LOGI(TAG, "${g.word()} ${g.word()} = %d", ${g.ident()});`); break;
      case 1: out.push(`    int ${g.ident()} = ${g.int(0, 4096)} * ${g.ident()} + 0x${g.hex(4)};`); break;
      case 2: out.push(`    if (${g.ident()} > ${g.int(1, 999)}) {`, `        ${g.ident(3)}(${g.ident()}, ${g.int(0, 64)});`, '    }'); break;
      case 3: out.push(`    for (size_t i = 0; i < ${g.ident()}_len; i++) { ${g.ident()}[i] ^= 0x${g.hex(2)}; }`); break;
      case 4: out.push(`    vTaskDelay(pdMS_TO_TICKS(${g.int(1, 5000)}));`); break;
      case 5: out.push(`    gpio_set_level(GPIO_NUM_${g.int(0, 39)}, ${g.int(0, 1)});`); break;
      case 6: out.push(`    snprintf(buf, sizeof(buf), "/${g.word()}/${g.word()}?v=%u", ${g.ident()});`); break;
      case 7: out.push(cpp ? `    auto ${g.camel()} = std::make_unique<${g.word()}_t>(${g.int(0, 9)});` : `    memset(&${g.ident()}, 0, sizeof(${g.ident()}));`); break;
      case 8: out.push(`    // ${g.word()} ${g.word()} ${g.word()}: keep the ${g.word()} below the ${g.word()} limit`); break;
      default: out.push(`    ${g.ident()} = xQueueReceive(${g.ident()}_queue, &${g.ident()}, portMAX_DELAY);`);
    }
  }
  out.push('    return ESP_OK;', '}', '');
}

function cSource(g: Gen, d: Doc, target: number, cpp: boolean): void {
  d.lines.push('#include <stdio.h>', '#include <string.h>', '#include "freertos/FreeRTOS.h"', '#include "esp_log.h"', `#include "${g.word()}_${g.word()}.h"`, '', `static const char *TAG = "${g.word()}";`, '');
  d.lines.push(`typedef struct {`, `    uint32_t ${g.ident()};`, `    uint8_t ${g.ident()}[${g.int(4, 64)}];`, `    const char *${g.word()}_name;`, `} ${g.ident()}_t;`, '');
  let size = 0;
  while (size < target) {
    const before = d.lines.length;
    cFunction(g, d.lines, cpp);
    for (let i = before; i < d.lines.length; i++) size += d.lines[i].length + 1;
  }
}

function registerMap(g: Gen, d: Doc, target: number): void {
  const periph = g.pick(['GPIO', 'UART', 'SPI', 'I2C', 'RMT', 'LEDC', 'PCNT', 'TIMG', 'EFUSE', 'RTC_CNTL', 'SENS', 'APB_CTRL']);
  d.lines.push('/*', ` * SPDX-FileCopyrightText: 2017-2024 Espressif Systems (Shanghai) CO LTD`, ' * SPDX-License-Identifier: Apache-2.0', ' * Generated register map — do not edit.', ' */', '#pragma once', '', '#include "soc/soc.h"', '#ifdef __cplusplus', 'extern "C" {', '#endif', '');
  let size = 0;
  let reg = 0;
  while (size < target) {
    const r = `${periph}_${g.ident(2).toUpperCase()}${reg}_REG`;
    const block = [
      `/** ${r} register`, ` *  ${g.word()} ${g.word()} configuration register`, ' */',
      `#define ${r} (DR_REG_${periph}_BASE + 0x${(reg * 4).toString(16)})`,
    ];
    for (let f = 0; f < 4; f++) {
      const field = `${periph}_${g.ident(2).toUpperCase()}`;
      const width = g.int(1, 16);
      const shift = g.int(0, 31);
      block.push(`/** ${field} : R/W; bitpos: [${shift + width - 1}:${shift}]; default: ${g.int(0, 255)};`, ` *  Configures the ${g.word()} ${g.word()} of ${g.pick(['PIN', 'KEY', 'channel', 'port'])}${g.int(0, 47)}.`, ' */',
        `#define ${field}    0x${g.hex(8)}U`, `#define ${field}_M  (${field}_V << ${field}_S)`, `#define ${field}_V  0x${g.hex(8)}U`, `#define ${field}_S  ${shift}`);
    }
    block.push('');
    for (const l of block) size += l.length + 1;
    d.lines.push(...block);
    reg++;
  }
  d.lines.push('#ifdef __cplusplus', '}', '#endif');
}

function python(g: Gen, d: Doc, target: number): void {
  d.lines.push('import time', 'import json', 'import machine', `from ${g.word()} import ${g.camel()}`, '', `LOG_TAG = "${g.word()}"`, '');
  let size = 0;
  while (size < target) {
    const block = [`def ${g.ident(3)}(${g.ident()}, ${g.ident()}=None):`, `    """${g.word()} the ${g.word()} ${g.word()}."""`];
    for (let i = g.int(3, 12); i > 0; i--) {
      block.push(g.pick([
        `    ${g.ident()} = ${g.ident()} * ${g.int(1, 100)} + ${g.int(0, 9)}`,
        `    print("${g.word()}:", ${g.ident()})`,
        `    time.sleep_ms(${g.int(1, 2000)})`,
        `    if ${g.ident()} is None:\n        return ${g.int(0, 5)}`,
        `    payload = json.dumps({"${g.word()}": ${g.ident()}, "${g.word()}": ${g.int(0, 999)}})`,
        `    pin = machine.Pin(${g.int(0, 39)}, machine.Pin.OUT)`,
      ]));
    }
    block.push(`    return ${g.ident()}`, '');
    for (const l of block) size += l.length + 1;
    d.lines.push(...block);
  }
}

function javascript(g: Gen, d: Doc, target: number): void {
  d.lines.push(`'use strict';`, `const ${g.camel()} = require('${g.word()}');`, '');
  let size = 0;
  while (size < target) {
    const block = [`function ${g.camel()}(${g.word()}, ${g.word()}) {`];
    for (let i = g.int(3, 12); i > 0; i--) {
      block.push(g.pick([
        `  const ${g.camel()} = ${g.word()}.${g.camel()}(${g.int(0, 99)});`,
        `  console.log('${g.word()} ${g.word()}', ${g.word()});`,
        `  if (${g.word()} > ${g.int(0, 999)}) return { ${g.word()}: ${g.int(0, 9)}, ${g.camel()}: '${g.word()}' };`,
        `  setTimeout(() => ${g.camel()}(${g.word()}), ${g.int(10, 5000)});`,
      ]));
    }
    block.push(`  return ${g.word()};`, '}', '');
    for (const l of block) size += l.length + 1;
    d.lines.push(...block);
  }
  d.lines.push(`module.exports = { ${g.camel()} };`);
}

function minified(g: Gen, target: number): string {
  let s = '!function(e){"use strict";';
  while (s.length < target) s += `var ${g.word()}${g.int(0, 99)}=function(t,n){return t.${g.camel()}(n,${g.int(0, 999)})||"${g.word()}"};`;
  return s + '}(window);\n';
}

function yaml(g: Gen, d: Doc, target: number): void {
  d.lines.push(`# ${g.word()} ${g.word()} settings`);
  let size = 0;
  while (size < target) {
    const block = [`${g.ident()}:`, `  name: ${g.word()}-${g.int(1, 99)}`, `  interval: ${g.int(1, 600)}s`, `  pin: GPIO${g.int(0, 39)}`, `  filters:`, `    - ${g.pick(['median', 'sliding_window_moving_average', 'delta'])}: ${g.int(1, 20)}`, `  enabled: ${g.pick(['true', 'false'])}`];
    for (const l of block) size += l.length + 1;
    d.lines.push(...block);
  }
}

function jsonDoc(g: Gen, target: number): string {
  const items: unknown[] = [];
  let size = 0;
  while (size < target) {
    const o = { id: g.int(1, 1e6), name: `${g.word()}-${g.word()}`, [g.word()]: g.int(0, 4096), tags: [g.word(), g.word()], settings: { [g.word()]: g.rnd() > 0.5, [g.ident()]: g.word() } };
    size += JSON.stringify(o).length + 4;
    items.push(o);
  }
  return JSON.stringify({ version: 1, items }, null, 2) + '\n';
}

function sdkconfig(g: Gen, d: Doc): void {
  d.lines.push('#', '# Automatically generated file. DO NOT EDIT.', '# Espressif IoT Development Framework (ESP-IDF) Project Configuration', '#');
  for (let i = 0; i < 600; i++) {
    const k = `CONFIG_${g.ident(3).toUpperCase()}`;
    d.lines.push(g.pick([`${k}=y`, `# ${k} is not set`, `${k}=${g.int(0, 65535)}`, `${k}="${g.word()}"`]));
  }
}

function ini(g: Gen, d: Doc): void {
  d.lines.push('[platformio]', `default_envs = ${g.word()}`, '', '[env]', 'platform = espressif32', 'framework = arduino', `monitor_speed = 115200`, '');
  for (let i = 0; i < g.int(2, 6); i++) d.lines.push(`[env:${g.word()}${i}]`, `board = ${g.pick(['esp32dev', 'nodemcu-32s', 'esp32-c3-devkitm-1'])}`, `build_flags = -DCORE_DEBUG_LEVEL=${g.int(0, 5)}`, `lib_deps = ${g.word()}/${g.camel()}@^${g.int(1, 5)}.0.0`, '');
}

// ---------------------------------------------------------------------------------------------
// Planted findings (one per kind, placed into otherwise ordinary files).
// ---------------------------------------------------------------------------------------------

interface PlantSpec {
  ext: string;
  dir: string;
  ruleId: string;
  what: string;
  /** Lines written before the planted line, after which ordinary content follows. */
  build(g: Gen, d: Doc): void;
}

const PLANTS: readonly PlantSpec[] = [
  { ext: 'c', dir: 'main', ruleId: 'hardcoded-credential', what: 'Wi-Fi password #define', build: (g, d) => { d.lines.push('#include "esp_wifi.h"', `#define WIFI_SSID "${g.word()}-net"`); d.plant('hardcoded-credential', 'Wi-Fi password #define', `#define WIFI_PASSWORD "${g.secret()}"`); } },
  { ext: 'ino', dir: 'sketches', ruleId: 'plaintext-url', what: 'mqtt:// broker URL', build: (g, d) => { d.lines.push('#include <WiFi.h>', ''); d.plant('plaintext-url', 'mqtt:// broker URL', `const char* MQTT_URI = "mqtt://broker.${g.word()}-iot.com:1883";`); } },
  { ext: 'ino', dir: 'sketches', ruleId: 'tls-verification-disabled-call', what: 'setInsecure()', build: (_g, d) => { d.lines.push('#include <WiFiClientSecure.h>', 'WiFiClientSecure client;', 'void setupTls() {'); d.plant('tls-verification-disabled-call', 'setInsecure()', '  client.setInsecure();'); d.lines.push('}'); } },
  { ext: 'ino', dir: 'sketches', ruleId: 'arduino-ota-no-password', what: 'ArduinoOTA without password', build: (_g, d) => { d.lines.push('#include <ArduinoOTA.h>', 'void setupOta() {', '  ArduinoOTA.setHostname("gate");'); d.plant('arduino-ota-no-password', 'ArduinoOTA without password', '  ArduinoOTA.begin();'); d.lines.push('}'); } },
  { ext: 'sdkconfig', dir: '', ruleId: 'esp-idf-ota-allow-http', what: 'CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y', build: (_g, d) => { d.lines.push('# OTA'); d.plant('esp-idf-ota-allow-http', 'CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y', 'CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y'); } },
  { ext: 'py', dir: 'tools', ruleId: 'tls-verification-disabled-option', what: 'verify=False', build: (g, d) => { d.lines.push('import requests', '', 'def fetch(url):'); d.plant('tls-verification-disabled-option', 'verify=False', `    return requests.get(url + "/${g.word()}", verify=False, timeout=5)`); d.lines.push(''); } },
  { ext: 'py', dir: 'gateway', ruleId: 'hardcoded-credential', what: 'MQTT password in Python', build: (g, d) => { d.lines.push('import paho.mqtt.client as mqtt', ''); d.plant('hardcoded-credential', 'MQTT password in Python', `MQTT_PASSWORD = "${g.secret()}"`); d.lines.push(''); } },
  { ext: 'js', dir: 'server', ruleId: 'tls-verification-disabled-option', what: 'rejectUnauthorized: false', build: (_g, d) => { d.lines.push(`const https = require('https');`, 'const agent = new https.Agent({'); d.plant('tls-verification-disabled-option', 'rejectUnauthorized: false', '  rejectUnauthorized: false,'); d.lines.push('});', ''); } },
  { ext: 'yaml', dir: 'esphome', ruleId: 'esphome-literal-secret', what: 'ESPHome Wi-Fi password literal', build: (g, d) => { d.lines.push('esphome:', `  name: ${g.word()}-node`, '', 'wifi:', `  ssid: "${g.word()}-net"`); d.plant('esphome-literal-secret', 'ESPHome Wi-Fi password literal', `  password: "${g.secret()}"`); d.lines.push(''); } },
  { ext: 'ini', dir: '', ruleId: 'platformio-espota-no-auth', what: 'espota upload without --auth', build: (_g, d) => { d.lines.push('[env:ota]', 'platform = espressif32', 'board = esp32dev', 'framework = arduino'); d.plant('platformio-espota-no-auth', 'espota upload without --auth', 'upload_protocol = espota'); d.lines.push('upload_port = 192.168.1.50', ''); } },
  { ext: 'json', dir: 'cloud', ruleId: 'cloud-token', what: 'AWS access key id', build: (g, d) => { d.lines.push('{', '  "region": "eu-west-1",'); d.plant('cloud-token', 'AWS access key id', `  "aws_access_key_id": "AKIA${g.secret(16).toUpperCase().replace(/[^A-Z2-7]/g, 'Q')}",`); d.lines.push('  "endpoint": "a1b2c3-ats.iot.eu-west-1.amazonaws.com"', '}'); } },
];

// ---------------------------------------------------------------------------------------------

/** Generates the workspace into `dir` unless it already matches `params`; returns its manifest. */
export function ensureWorkspace(dir: string, params: WorkspaceParams = DEFAULT_PARAMS, log: (s: string) => void = () => {}): WorkspaceManifest {
  const manifestPath = join(dir, MANIFEST);
  if (existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as WorkspaceManifest;
      if (m.version === GENERATOR_VERSION && JSON.stringify(m.params) === JSON.stringify(params)) return m;
    } catch {
      // Regenerate a corrupt manifest.
    }
  }
  log(`generating ${params.files} files (~${Math.round(params.bytes / 2 ** 20)} MB) into ${dir} …`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const g = new Gen(prng(params.seed));
  const planted: Planted[] = [];
  let total = 0;
  let count = 0;
  const write = (rel: string, content: string | Buffer): void => {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    total += Buffer.byteLength(content);
    count++;
  };

  // Large files first: ~40% of the bytes are register maps (1–5 MB each), a few minified bundles and binaries.
  const scale = params.bytes / (150 * 1024 * 1024);
  const headerBudget = params.bytes * 0.4;
  let headerBytes = 0;
  for (let i = 0; headerBytes < headerBudget; i++) {
    const d = doc('', planted);
    const size = Math.min(g.int(1, 5) * 1024 * 1024, headerBudget - headerBytes + 64 * 1024);
    registerMap(g, d, Math.max(64 * 1024, size));
    const text = d.lines.join('\n') + '\n';
    headerBytes += text.length;
    write(`components/soc/esp32${g.pick(['', 's3', 'c3', 'c6'])}/include/soc/${g.word()}${i}_reg.h`, text);
  }
  for (let i = 0; i < Math.max(1, Math.round(6 * scale)); i++) write(`web/dist/app${i}.min.js`, minified(g, g.int(200, 900) * 1024));
  for (let i = 0; i < Math.max(1, Math.round(30 * scale)); i++) {
    const buf = Buffer.alloc(g.int(64, 512) * 1024);
    for (let j = 0; j < buf.length; j += 4) buf.writeUInt32LE(Math.floor(g.rnd() * 2 ** 32) >>> 0, j);
    write(`${g.pick(['firmware', 'assets', 'tools/bin'])}/${g.word()}${i}.${g.pick(['bin', 'png', 'elf'])}`, buf);
  }

  // Planted findings: each kind several times, spread over the tree.
  const repeats = 3;
  for (let r = 0; r < repeats; r++) {
    for (const spec of PLANTS) {
      const base = spec.ext === 'sdkconfig' ? `projects/${g.word()}${r}/sdkconfig` : spec.ext === 'ini' ? `projects/${g.word()}${r}/platformio.ini` : `projects/${g.word()}${r}/${spec.dir}/${g.ident()}_${r}.${spec.ext}`;
      const d = doc(base, planted);
      spec.build(g, d);
      if (spec.ext === 'c' || spec.ext === 'ino') cSource(g, d, g.int(2, 12) * 1024, spec.ext === 'ino');
      if (spec.ext === 'py') python(g, d, g.int(2, 8) * 1024);
      if (spec.ext === 'js') javascript(g, d, g.int(2, 8) * 1024);
      if (spec.ext === 'sdkconfig') sdkconfig(g, d);
      write(base, d.lines.join('\n') + '\n');
    }
  }

  // Ordinary files fill the rest, sized so the total lands near `params.bytes`.
  const remainingFiles = Math.max(1, params.files - count);
  const avg = Math.max(512, (params.bytes - total) / remainingFiles);
  const kinds: Array<[weight: number, kind: string]> = [[28, 'c'], [10, 'h'], [10, 'cpp'], [4, 'ino'], [14, 'py'], [10, 'js'], [9, 'yaml'], [8, 'json'], [2, 'sdkconfig'], [2, 'ini'], [3, 'md']];
  const weightSum = kinds.reduce((s, [w]) => s + w, 0);
  for (let i = 0; i < remainingFiles; i++) {
    let x = g.rnd() * weightSum;
    const kind = kinds.find(([w]) => (x -= w) < 0)?.[1] ?? 'c';
    const target = Math.max(200, Math.round(avg * (0.3 + 1.4 * g.rnd())));
    const vendored = g.rnd() < 0.3;
    const folder = vendored ? `components/${g.word()}_${g.word()}/${g.pick(['src', 'include', 'lib', 'examples'])}` : `${g.pick(['main', 'src', 'lib', 'app', 'drivers', 'gateway', 'tools', 'config'])}/${g.word()}`;
    const rel = kind === 'sdkconfig' ? `${folder}/sdkconfig.defaults.${i}` : `${folder}/${g.ident()}_${i}.${kind}`;
    const d = doc(rel, planted);
    let text: string;
    switch (kind) {
      case 'c': case 'h': case 'cpp': case 'ino': cSource(g, d, target, kind !== 'c' && kind !== 'h'); text = d.lines.join('\n'); break;
      case 'py': python(g, d, target); text = d.lines.join('\n'); break;
      case 'js': javascript(g, d, target); text = d.lines.join('\n'); break;
      case 'yaml': yaml(g, d, target); text = d.lines.join('\n'); break;
      case 'json': text = jsonDoc(g, target); break;
      case 'sdkconfig': sdkconfig(g, d); text = d.lines.join('\n'); break;
      case 'ini': ini(g, d); text = d.lines.join('\n'); break;
      default: text = `# ${g.word()}\n\n${Array.from({ length: Math.ceil(target / 60) }, () => `${g.word()} ${g.word()} ${g.word()} ${g.word()} ${g.word()}.`).join('\n')}`;
    }
    write(rel, text + '\n');
  }
  // The benchmark analyses the register maps too (they are above the default 1 MB limit).
  write('.iotsec.yaml', 'maxFileSizeKb: 8192\n');

  const manifest: WorkspaceManifest = { params, version: GENERATOR_VERSION, files: count, bytes: total, planted };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  log(`generated ${count} files, ${(total / 2 ** 20).toFixed(1)} MB, ${planted.length} planted findings`);
  return manifest;
}
