// Launches the integration suite (out/test/vscode/suite) through @vscode/test-electron's runTests().
// With CODE_SERVER_HOME set, scripts/code-server-test-host.js stands in for the VS Code binary and runs
// the suite in code-server's Node extension host (offline); without it, test-electron downloads VS Code.
// Usage: node test/vscode/run-tests.mjs  (after the suite is built; scripts/run-vscode-tests.mjs does both)
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the suite on a temp copy of the fixture workspace (quick fixes edit files); returns an exit code. */
export async function runVscodeTests() {
  const fixture = join(root, 'test/fixtures/vscode-workspace');
  const tmp = mkdtempSync(join(tmpdir(), 'iotsec-vscode-'));
  // The scan benchmark opens the (read-only) synthetic workspace itself; tests edit a copy of the fixture.
  const ws = process.env.IOTSEC_BENCH_WORKSPACE ?? join(tmp, 'ws');
  if (!process.env.IOTSEC_BENCH_WORKSPACE) cpSync(fixture, ws, { recursive: true });
  const opts = {
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/vscode/suite/index.js'),
    launchArgs: [ws, '--disable-extensions'],
    extensionTestsEnv: { IOTSEC_FIXTURE_SRC: fixture, ...(process.env.IOTSEC_TEST_GREP ? { IOTSEC_TEST_GREP: process.env.IOTSEC_TEST_GREP } : {}), ...(process.env.IOTSEC_DEBUG ? { IOTSEC_DEBUG: '1' } : {}), ...(process.env.IOTSEC_RESTRICTED ? { IOTSEC_RESTRICTED: '1' } : {}), ...(process.env.IOTSEC_BENCH_SCAN ? { IOTSEC_BENCH_SCAN: '1' } : {}), ...(process.env.IOTSEC_BENCH ? { IOTSEC_BENCH: '1', IOTSEC_BENCH_RUNS: process.env.IOTSEC_BENCH_RUNS ?? '200' } : {}) },
  };
  if (process.env.CODE_SERVER_HOME) {
    opts.vscodeExecutablePath = process.execPath;
    opts.launchArgs.unshift(join(root, 'scripts/code-server-test-host.js'));
  }
  try {
    await runTests(opts);
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runVscodeTests();
}
