/**
 * Cold start, run in a fresh process by bench/run.ts: time to load the engine bundle (dist/cli.js)
 * and analyse one small C file (runtime + first grammar). Prints one JSON line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const t0 = performance.now();
const cli = require(join(__dirname, '..', 'dist', 'cli.js')) as { runCli(argv: string[], io: { stdout(s: string): void; stderr(s: string): void; cwd: string }): Promise<number> };
const loadedMs = performance.now() - t0;
const dir = mkdtempSync(join(tmpdir(), 'iotsec-cold-'));
writeFileSync(join(dir, 'main.c'), '#include "wifi.h"\n#define WIFI_PASSWORD "Zq7mK2pW9xLr"\nint main(void) { return 0; }\n');
let out = '';
void cli.runCli(['scan', dir, '--format', 'json', '--jobs', '1', '--fail-on', 'none'], { stdout: (s) => (out += s), stderr: () => {}, cwd: dir }).then(() => {
  const totalMs = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  const findings = (JSON.parse(out) as { findings: unknown[] }).findings.length;
  process.stdout.write(JSON.stringify({ loadedMs, totalMs, findings }) + '\n');
});
