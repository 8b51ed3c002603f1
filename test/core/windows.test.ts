/**
 * Windowed parsing of large files must find exactly what a full parse finds: the same findings (by
 * rule, position and fingerprint) for a generated 2 MB header with sparse planted weaknesses. The
 * editor path (a document session) always parses the whole file, so it is the reference.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../src/core/finding';
import { createLinter, WINDOW_MIN_CHARS } from '../../src/core/linter';
import { allLanguages } from '../../src/languages/registry';
import { allProjectRules, allRules } from '../../src/rules/index';
import { nodeModulesEnv } from '../harness/grammars';

function registerMap(lines: number, planted: Map<number, string>): string {
  const out: string[] = ['#pragma once', '#include <stdint.h>', ''];
  const pending = [...planted].sort(([a], [b]) => a - b);
  for (let i = 0; out.length < lines; i++) {
    // Plant each weakness at the first block boundary at or after its line.
    if (pending.length && out.length >= pending[0][0]) out.push(pending.shift()![1], '');
    out.push(`#define PERIPH_REG_${i}_OFFSET 0x${(i * 4).toString(16)}U`, `static inline uint32_t periph_read_${i}(void) { return *(volatile uint32_t *)(0x40000000U + PERIPH_REG_${i}_OFFSET); }`, '');
  }
  return out.join('\n') + '\n';
}

const planted = new Map<number, string>([
  [12_000, 'static const char *WIFI_PASSWORD = "Gr33nh0use!2024-x";'],
  [30_000, 'void telemetry_init(void) { esp_mqtt_client_config_t cfg = { .broker.address.uri = "mqtt://broker.greenhouse-iot.net:1883" }; }'],
  [52_000, 'void api_client_setup(WiFiClientSecure *c) { c->setInsecure(); }'],
]);

test('windowed extraction of a large header finds what a full parse finds', async () => {
  const text = registerMap(60_000, planted);
  assert.ok(text.length > 2 * WINDOW_MIN_CHARS * 10, `${text.length} chars`);
  const linter = createLinter({ rules: allRules, projectRules: allProjectRules, languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
  const windowed = await linter.lintText({ text, filePath: 'components/periph/include/periph_regs.h', budgetMs: 120_000 });
  const session = linter.openDocument();
  const full = await session.lint({ text, filePath: 'components/periph/include/periph_regs.h', budgetMs: 120_000 });
  session.dispose();
  const key = (f: { ruleId: string; start: { line: number; column: number }; fingerprint: string }) => `${f.ruleId}@${f.start.line}:${f.start.column}#${f.fingerprint}`;
  assert.equal(full.skipped, undefined, 'the full parse finished within its budget');
  assert.equal(windowed.skipped, undefined);
  assert.ok(full.findings.length >= 3, `full parse found ${full.findings.map(key).join(', ')}`);
  assert.deepEqual(windowed.findings.map(key), full.findings.map(key));
  for (const snippet of planted.values()) {
    const line = text.slice(0, text.indexOf(snippet)).split('\n').length;
    assert.ok(windowed.findings.some((f) => f.start.line === line), `planted finding on line ${line}`);
  }
});

/** A mid-sized sketch: the credential is defined at the top and used ~500 lines further down. */
function sketch(): string {
  const filler: string[] = [];
  for (let i = 0; filler.length < 600; i++) {
    filler.push(`void sensor_task_${i}(void) {`, `  int reading_${i} = analogRead(A0) * ${i};`, `  Serial.println(reading_${i});`, '}', '');
  }
  return [
    '#include <WiFi.h>',
    '#include <PubSubClient.h>',
    '',
    'const char* ssid = "greenhouse-net";',
    'const char* password = "Gr33nh0use!2024-x";',
    '',
    ...filler,
    'WiFiClient net;',
    'PubSubClient mqtt(net);',
    '',
    'void setup() {',
    '  WiFi.begin(ssid, password);',
    '  mqtt.setServer("broker.greenhouse-iot.net", 1883);',
    '}',
    '',
    ...filler.map((l) => l.replace(/sensor_task_/g, 'relay_task_')),
  ].join('\n');
}

test('a mid-sized file is windowed and still finds two-place findings (definition far from use)', async () => {
  const text = sketch();
  assert.ok(text.length > WINDOW_MIN_CHARS && text.length < 64 * 1024, `${text.length} chars`);
  const linter = createLinter({ rules: allRules, projectRules: allProjectRules, languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
  const windowed = await linter.lintText({ text, filePath: 'src/main.ino' });
  const session = linter.openDocument();
  const full = await session.lint({ text, filePath: 'src/main.ino' });
  session.dispose();
  const key = (f: Finding) => `${f.ruleId}@${f.start.line}#${f.fingerprint} related:${(f.related ?? []).map((r) => r.range.join('-')).join(',')}`;
  assert.ok(full.findings.some((f) => f.related?.length), 'the full parse links the secret to its use');
  assert.ok(full.findings.some((f) => f.ruleId === 'mqtt-plaintext-port'), full.findings.map(key).join('\n'));
  assert.deepEqual(windowed.findings.map(key), full.findings.map(key));
});
