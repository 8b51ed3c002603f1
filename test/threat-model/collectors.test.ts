/**
 * Collector keywords: what makes a document be parsed for the threat model, and that the signals
 * still come out where they are needed (the same engine composition as the CLI).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LanguageId } from '../../src/core/language';
import { createLinter, type LintResult } from '../../src/core/linter';
import { allLanguages } from '../../src/languages/registry';
import { allProjectRules, allRules } from '../../src/rules/index';
import { threatModelCollectors } from '../../src/threat-model/collectors/index';
import { SIG } from '../../src/threat-model/signals';
import { nodeModulesEnv } from '../harness/grammars';

const linter = createLinter({ rules: allRules, projectRules: allProjectRules, collectors: threatModelCollectors, languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
const lint = (filePath: string, text: string, languageId?: LanguageId): Promise<LintResult> => linter.lintText({ text, filePath, languageId });
const signals = (r: LintResult, kind: string): string[] => (r.summary?.signals ?? []).filter((s) => s.kind === kind).map((s) => `${s.key}=${s.value ?? ''}`);

describe('MicroPython mark (tm-micropython)', () => {
  test('never the reason a file is parsed: a MicroPython file nothing else selects stays out of the model', async () => {
    const r = await lint('sensor.py', 'import machine\nimport utime\n\nled = machine.Pin(2, machine.Pin.OUT)\nwhile True:\n    led.toggle()\n    utime.sleep_ms(500)\n');
    assert.equal(r.parsed, false);
  });

  test('marks every MicroPython file another rule or collector has parsed', async () => {
    const r = await lint('main.py', 'import network\nfrom umqtt.simple import MQTTClient\n\nc = MQTTClient("node", "broker.example.com")\nc.connect()\n');
    assert.deepEqual(signals(r, SIG.platform), ['micropython=network']);
  });

  test('an import outside the parse windows of a long file is found in the text', async () => {
    const filler = Array.from({ length: 400 }, (_, i) => `def f${i}(x):\n    return x + ${i}\n`).join('\n');
    const r = await lint('main.py', `import machine\n\n${filler}\nURL = "http://ota.example.com/fw.bin"\n`);
    assert.deepEqual(signals(r, SIG.platform), ['micropython=machine']);
  });

  test('CPython scripts are not marked', async () => {
    const r = await lint('tools/deploy.py', 'import requests\nrequests.post("https://fleet.example.com/api", json={})\n');
    assert.ok(r.parsed);
    assert.deepEqual(signals(r, SIG.platform), []);
  });
});

describe('address constants (tm-endpoints)', () => {
  test('string constants behind qualifiers and port numbers are published', async () => {
    const r = await lint('src/config.h', '#pragma once\nstatic const char MQTT_BROKER_HOST[] PROGMEM = "broker.example.com";\n#define MQTT_BROKER_PORT (1883)\n', 'cpp');
    assert.deepEqual(signals(r, SIG.constant), ['MQTT_BROKER_HOST=broker.example.com', 'MQTT_BROKER_PORT=1883']);
  });

  test('register fields named like ports are neither constants nor a reason to parse', async () => {
    const r = await lint('soc/i2c_reg.h', '#define I2C_PACKET_PORT 0x3ff53000\n#define I2C_PORT_S 12\n#define I2C_PORT_V 0xF\n', 'c');
    assert.equal(r.parsed, false);
  });
});
