// Runs every test/**/*.test.ts outside test/vscode and test/e2e with node's test runner (+ tsx).
// Node 20's --test has no glob support, so the files are listed here.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const skip = new Set(['test/vscode', 'test/e2e', 'test/fixtures', 'test/corpus', 'test/corpus-holdout']);
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const rel = relative(root, p);
    if (skip.has(rel)) continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts')) files.push(rel);
  }
})(join(root, 'test'));
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
if (!selected.length) { console.error('no test files matched'); process.exit(2); }
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
