/**
 * Editor-sized documents through the engine API the extension uses (`createLinter` + a document
 * session): first analysis, then re-analysis after a one-character edit, p50/p95/p99.
 *
 * `npm run bench` runs it among the rest; alone: `npm run build && node --import tsx bench/editor-latency.ts [runs]`
 * (the grammars come from dist/). Besides wall time it reports the CPU time per re-analysis: on a
 * shared machine the wall-time tail mostly measures the other processes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter, type LintResult } from '../src/core/linter';
import type { GrammarName } from '../src/core/language';
import { allLanguages } from '../src/languages/registry';
import { allProjectRules, allRules } from '../src/rules/index';
import { percentile } from './measure';

const DIST = join(__dirname, '..', 'dist');
const loadGrammar = (name: GrammarName): Promise<Uint8Array> => readFile(join(DIST, `${name}.wasm`));

export interface LatencyRow {
  document: string;
  lines: number;
  firstMs: number;
  p50: number;
  p95: number;
  p99: number;
  /** Median CPU time (user + system) of one re-analysis. */
  cpuP50: number;
  findings: number;
}

/** A 2,000-line C++ sketch with findings spread through it. */
export function cppDocument(lines = 2000): string {
  const out = ['#include <WiFi.h>', '#include <PubSubClient.h>', '#define WIFI_PASSWORD "Zq7mK2pW9xLr"', 'const char* broker = "mqtt://broker.example.com";', ''];
  let i = 0;
  while (out.length < lines - 6) {
    out.push(`static int sensor_${i}(int pin, const char *label) {`, `  int value = analogRead(pin) * ${i % 97};`, `  if (value > ${i % 1000}) { Serial.printf("%s=%d\\n", label, value); }`, `  char topic[64]; snprintf(topic, sizeof topic, "home/sensor/${i}/%s", label);`, '  return value;', '}', '');
    i++;
  }
  out.push('void setup() {', '  WiFi.begin("greenhouse", WIFI_PASSWORD);', '}', 'void loop() { sensor_0(4, "t"); }');
  return out.join('\n') + '\n';
}

export function yamlDocument(lines = 500): string {
  const out = ['esphome:', '  name: greenhouse', 'wifi:', '  ssid: "greenhouse"', '  password: "Zq7mK2pW9xLr"', 'sensor:'];
  let i = 0;
  while (out.length < lines) {
    out.push(`  - platform: dht`, `    pin: GPIO${i % 39}`, `    temperature:`, `      name: "Temp ${i}"`, `    update_interval: ${i % 120 + 1}s`);
    i++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}

export function pythonDocument(lines = 1000): string {
  const out = ['import paho.mqtt.client as mqtt', 'import requests', 'MQTT_PASSWORD = "Zq7mK2pW9xLr"', 'BROKER = "mqtt://broker.example.com"', ''];
  let i = 0;
  while (out.length < lines - 2) {
    out.push(`def reading_${i}(sensor, scale=${i % 9 + 1}):`, `    value = sensor.read() * scale + ${i}`, `    print("reading ${i}", value)`, '    return value', '');
    i++;
  }
  out.push('r = requests.get("https://api.example.com", verify=False)');
  return out.join('\n') + '\n';
}

/** Measures one document: first analysis and `runs` one-character edits (alternating insert/delete). */
async function measureDocument(name: string, filePath: string, text: string, runs: number): Promise<LatencyRow> {
  const linter = createLinter({ rules: allRules, projectRules: allProjectRules, languages: allLanguages, loadGrammar });
  // Warm the grammar so "first" is the first analysis of this document, not the wasm compile.
  await linter.lintText({ text: 'x = 1\n', filePath: filePath.replace(/\.\w+$/, '.warm' + filePath.slice(filePath.lastIndexOf('.'))) });
  const session = linter.openDocument?.();
  const lint = (t: string): Promise<LintResult> => (session ? session.lint({ text: t, filePath }) : linter.lintText({ text: t, filePath }));
  let t0 = performance.now();
  const first = await lint(text);
  const firstMs = performance.now() - t0;
  const times: number[] = [];
  const cpu: number[] = [];
  // Edit in the middle of the document: type a digit into a number, then delete it again.
  const at = text.indexOf('\n', Math.floor(text.length / 2)) - 2;
  for (let i = 0; i < runs; i++) {
    const edited = i % 2 === 0 ? text.slice(0, at) + '7' + text.slice(at) : text;
    const c0 = process.cpuUsage();
    t0 = performance.now();
    await lint(edited);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  session?.dispose();
  linter.dispose();
  return {
    document: name, lines: text.split('\n').length - 1, firstMs,
    p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), cpuP50: percentile(cpu, 50), findings: first.findings.length,
  };
}

/** The three editor documents of the benchmark. */
export async function editorLatency(runs = 200): Promise<LatencyRow[]> {
  return [
    await measureDocument('C++ (2,000 lines)', 'src/main.cpp', cppDocument(), runs),
    await measureDocument('YAML (500 lines)', 'greenhouse.yaml', yamlDocument(), runs),
    await measureDocument('Python (1,000 lines)', 'gateway/main.py', pythonDocument(), runs),
  ];
}

if (require.main === module) {
  void editorLatency(Number(process.argv[2] ?? 200)).then((rows) => {
    for (const r of rows) {
      const ms = (x: number): string => x.toFixed(1).padStart(6);
      console.log(`${r.document.padEnd(22)} first ${ms(r.firstMs)}  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  cpu p50 ${ms(r.cpuP50)} ms  (${r.findings} findings)`);
    }
  });
}
