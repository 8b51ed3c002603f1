// "IoT Security: Scan Workspace" on the synthetic 10,000-file workspace inside code-server's extension
// host: wall time, files, findings and the worst event-loop lag seen while scanning (responsiveness).
// Usage: node bench/workspace-scan-vscode.mjs   (generates bench/.workspace first if missing: npm run bench does)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(root, 'bench/.workspace');
if (!existsSync(workspace)) throw new Error('bench/.workspace is missing: run `npm run bench` once to generate it');
const { ensureCodeServer, buildSuite } = await import('../scripts/run-vscode-tests.mjs');
const home = ensureCodeServer();
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
await buildSuite();
const run = spawnSync(process.execPath, [join(root, 'test/vscode/run-tests.mjs')], {
  cwd: root, encoding: 'utf8',
  env: { ...process.env, CODE_SERVER_HOME: home, IOTSEC_BENCH: '1', IOTSEC_BENCH_SCAN: '1', IOTSEC_BENCH_WORKSPACE: workspace, TEST_TIMEOUT_MS: '1800000' },
});
const row = [...(run.stdout ?? '').matchAll(/^SCAN (.*)$/gm)].map((m) => JSON.parse(m[1]))[0];
if (!row) {
  process.stderr.write(run.stdout + run.stderr);
  process.exitCode = 1;
} else {
  console.log(`VS Code workspace scan: ${row.stats?.done ?? '?'}/${row.stats?.total ?? '?'} files in ${(row.ms / 1000).toFixed(1)} s (${row.stats?.inWorker ?? 0} in the worker), ${row.filesWithDiagnostics} files with diagnostics, worst event-loop lag ${row.worstEventLoopLagMs} ms`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/workspace-scan-vscode.json'), JSON.stringify(row, null, 2) + '\n');
}
