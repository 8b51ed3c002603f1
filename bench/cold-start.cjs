/**
 * Cold start, run in a fresh plain `node` process by bench/run.ts (no TypeScript loader: its require
 * hook would be measured with the bundle): time to load the engine bundle (dist/cli.js) and analyse
 * one small C file (runtime + first grammar). Prints one JSON line.
 */
'use strict';
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const t0 = performance.now();
const cli = require(join(__dirname, '..', 'dist', 'cli.js'));
const loadedMs = performance.now() - t0;
const dir = mkdtempSync(join(tmpdir(), 'iotsec-cold-'));
writeFileSync(join(dir, 'main.c'), '#include "wifi.h"\n#define WIFI_PASSWORD "Zq7mK2pW9xLr"\nint main(void) { return 0; }\n');
let out = '';
void cli.runCli(['scan', dir, '--format', 'json', '--jobs', '1', '--fail-on', 'none'], { stdout: (s) => (out += s), stderr: () => {}, cwd: dir }).then(() => {
  const totalMs = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  const findings = JSON.parse(out).findings.length;
  process.stdout.write(JSON.stringify({ loadedMs, totalMs, findings }) + '\n');
});
