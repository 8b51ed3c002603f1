// npm run test:vscode — installs code-server into .cache/code-server when needed, builds the extension
// and the integration suite, runs the suite in a real VS Code (code-server 1.100.3). Exit code = result.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Installs code-server (idempotent) and returns CODE_SERVER_HOME. */
export function ensureCodeServer() {
  if (process.env.CODE_SERVER_HOME) return process.env.CODE_SERVER_HOME;
  const dest = join(root, '.cache/code-server');
  execFileSync('bash', [join(root, 'scripts/install-code-server.sh'), dest], { stdio: 'inherit' });
  return join(dest, 'package');
}

/** Bundles each suite file to out/test/vscode/suite (vscode and mocha stay external). */
export async function buildSuite() {
  const dir = join(root, 'test/vscode/suite');
  const entryPoints = readdirSync(dir).filter((f) => f.endsWith('.test.ts') || f.endsWith('.bench.ts') || f.endsWith('.restricted.ts') || f === 'index.ts').map((f) => join(dir, f));
  await build({
    entryPoints, outdir: join(root, 'out/test/vscode/suite'), bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.env.CODE_SERVER_HOME = ensureCodeServer();
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  await buildSuite();
  const { runVscodeTests } = await import('../test/vscode/run-tests.mjs');
  const trusted = await runVscodeTests();
  // Second, short run in Restricted Mode (workspace trust on, folder not trusted): test/vscode/suite/*.restricted.ts.
  process.env.IOTSEC_RESTRICTED = '1';
  const restricted = await runVscodeTests();
  delete process.env.IOTSEC_RESTRICTED;
  process.exitCode = trusted || restricted;
}
