// npm run test:ui — Playwright smoke test of the packaged extension in code-server. Installs code-server
// into .cache/code-server when needed and builds dist/iotsec.vsix (npm run package) when it is missing or older than dist/extension.js.
// Screenshots go to screenshots/. Exit code = result.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './run-vscode-tests.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const home = ensureCodeServer();
const vsix = process.env.VSIX ? resolve(process.env.VSIX) : join(root, 'dist/iotsec.vsix');
// Missing, or older than the last build of the extension: package again (production build + vsce).
const stale = !existsSync(vsix) || (!process.env.VSIX && existsSync(join(root, 'dist/extension.js')) && statSync(vsix).mtimeMs < statSync(join(root, 'dist/extension.js')).mtimeMs);
if (stale) execFileSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: 'inherit' });
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-timeout=300000', join(root, 'test/e2e/ui.e2e.test.js'), join(root, 'test/e2e/threat-model.e2e.test.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CODE_SERVER_HOME: home, VSIX: vsix, FIXTURE: join(root, 'test/fixtures/vscode-workspace'), SHOTS: join(root, 'screenshots') },
});
process.exitCode = run.status ?? 1;
