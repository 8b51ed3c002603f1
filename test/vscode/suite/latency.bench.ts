// Editor latency inside the real extension host (code-server): a keystroke-sized edit, then the
// controller's path (scope + config, engine, store, DiagnosticCollection) until VS Code reports the
// diagnostics changed. The 200 ms typing debounce is excluded (lintNow). Run: node bench/editor-latency-vscode.mjs
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, resetWorkspace, uriOf } from './helpers';

const RUNS = Number(process.env.IOTSEC_BENCH_RUNS ?? 200);

function cpp(lines: number): string {
  const out = ['#include <WiFi.h>', '#include <PubSubClient.h>', 'const char* password = "Zq7mK2pW9xLr";', ''];
  for (let i = 0; out.length < lines - 3; i++) out.push(`static int sensor_${i}(int pin) {`, `  int v = analogRead(pin) * ${i % 97};`, `  if (v > ${i % 1000}) { Serial.printf("s${i}=%d\\n", v); }`, '  return v;', '}', '');
  out.push('void setup() {', '  WiFi.begin("greenhouse", password);', '}');
  return out.join('\n') + '\n';
}

function yaml(lines: number): string {
  const out = ['esphome:', '  name: greenhouse', 'wifi:', '  ssid: "greenhouse"', '  password: "Zq7mK2pW9xLr"', 'sensor:'];
  for (let i = 0; out.length < lines; i++) out.push('  - platform: dht', `    pin: GPIO${i % 39}`, '    temperature:', `      name: "Temp ${i}"`, `    update_interval: ${(i % 120) + 1}s`);
  return out.slice(0, lines).join('\n') + '\n';
}

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

describe('editor latency (benchmark)', function () {
  if (process.env.IOTSEC_BENCH_SCAN) return; // the scan benchmark runs on its own workspace
  after(resetWorkspace);

  for (const [name, text] of [['bench/big.cpp', cpp(2000)], ['bench/device.yaml', yaml(500)]] as const) {
    it(`${name}: ${RUNS} edits → published diagnostics`, async function () {
      this.timeout(600_000);
      fs.mkdirSync(uriOf('bench').fsPath, { recursive: true });
      fs.writeFileSync(uriOf(name).fsPath, text);
      const iotsec = await api();
      const doc = await vscode.workspace.openTextDocument(uriOf(name));
      await vscode.window.showTextDocument(doc);
      const t0 = performance.now();
      await iotsec.lintNow(doc);
      const first = performance.now() - t0;
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const edit = new vscode.WorkspaceEdit();
        const line = 10 + ((i * 37) % (doc.lineCount - 20));
        if (i % 2 === 0) edit.insert(doc.uri, new vscode.Position(line, 0), 'x');
        else edit.delete(doc.uri, new vscode.Range(line - 0, 0, line, 1));
        await vscode.workspace.applyEdit(edit);
        const published = new Promise<void>((resolve) => {
          const sub = vscode.languages.onDidChangeDiagnostics((e) => {
            if (e.uris.some((u) => u.toString() === doc.uri.toString())) { sub.dispose(); resolve(); }
          });
        });
        const start = performance.now();
        await iotsec.lintNow(doc);
        await published;
        times.push(performance.now() - start);
      }
      const row = { document: name, lines: doc.lineCount, firstMs: +first.toFixed(1), p50: +pct(times, 50).toFixed(2), p95: +pct(times, 95).toFixed(2), max: +Math.max(...times).toFixed(2), runs: RUNS };
      console.log(`LATENCY ${JSON.stringify(row)}`);
      assert.ok(vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'iotsec'));
    });
  }
});
