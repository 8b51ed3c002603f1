// Builds dist/extension.js (vscode external), dist/cli.js (shebang), dist/scan-worker.js, copies the
// tree-sitter runtime + grammar .wasm files from their npm packages, and writes the config schema.
// Usage: node scripts/build.mjs [--watch] [--production]
import { build, context } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWasmModules } from './build-wasm.mjs';
import { validatorModuleSource } from './build-validators.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const GRAMMARS = {
  'tree-sitter.wasm': 'web-tree-sitter/tree-sitter.wasm',
  'tree-sitter-c.wasm': 'tree-sitter-c/tree-sitter-c.wasm',
  'tree-sitter-cpp.wasm': 'tree-sitter-cpp/tree-sitter-cpp.wasm',
  'tree-sitter-python.wasm': 'tree-sitter-python/tree-sitter-python.wasm',
  'tree-sitter-javascript.wasm': 'tree-sitter-javascript/tree-sitter-javascript.wasm',
  'tree-sitter-typescript.wasm': 'tree-sitter-typescript/tree-sitter-typescript.wasm',
  'tree-sitter-tsx.wasm': 'tree-sitter-typescript/tree-sitter-tsx.wasm',
};

const IMPORT_META_SHIM = "var __iotsecImportMetaUrl = require('url').pathToFileURL(__filename).href;";
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const common = {
  // web-tree-sitter is ESM and reads import.meta.url (to find itself); in the CJS bundle it comes from __filename.
  define: { IOTSEC_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__iotsecImportMetaUrl' },
  banner: { js: IMPORT_META_SHIM },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // web-tree-sitter probes for these at run time in browsers only
  external: ['vscode', 'recheck'],
};

const entries = [
  { entryPoints: [join(root, 'src/vscode/extension.ts')], outfile: join(dist, 'extension.js') },
  { entryPoints: [join(root, 'src/cli/main.ts')], outfile: join(dist, 'cli.js'), banner: { js: `#!/usr/bin/env node\n${IMPORT_META_SHIM}` } },
  { entryPoints: [join(root, 'src/cli/scan-worker.ts')], outfile: join(dist, 'scan-worker.js') },
  { entryPoints: [join(root, 'src/vscode/scan-worker.ts')], outfile: join(dist, 'vscode-scan-worker.js') },
].filter((e) => existsSync(e.entryPoints[0]));

function copyAssets() {
  mkdirSync(dist, { recursive: true });
  for (const [name, from] of Object.entries(GRAMMARS)) copyFileSync(join(root, 'node_modules', from), join(dist, name));
  const mermaid = join(root, 'node_modules/mermaid/dist/mermaid.min.js');
  if (existsSync(mermaid)) copyFileSync(mermaid, join(dist, 'mermaid.min.js'));
}


async function buildSchemaModule() {
  const schemas = [
    ['src/core/config-schema.ts', 'CONFIG_SCHEMA', 'iotsec-config.schema.json'],
    ['src/threat-model/schema.ts', 'THREAT_MODEL_SCHEMA', 'threat-model.schema.json'],
  ].filter(([p]) => existsSync(join(root, p)));
  for (const [src, name, out] of schemas) {
    const tmp = join(root, 'node_modules/.cache', `${out}.cjs`);
    await build({ ...common, sourcemap: false, minify: false, entryPoints: [join(root, src)], outfile: tmp });
    const mod = await import(tmp);
    const value = mod[name] ?? mod.default?.[name];
    if (value) writeFileSync(join(dist, out), JSON.stringify(value, null, 2) + '\n');
    if (value && validatorOut[src]) writeIfChanged(join(root, validatorOut[src]), validatorModuleSource(value, src));
  }
}

/** Schemas whose validator is compiled here rather than at run time. */
const validatorOut = { 'src/core/config-schema.ts': 'src/core/config-validator.generated.ts' };

function writeIfChanged(file, text) {
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
}

copyAssets();
await buildSchemaModule();
// The prefilter's WebAssembly scanner, from its .wat (a committed TypeScript module: the tests run the sources).
await buildWasmModules();
if (watch) {
  for (const e of entries) await (await context({ ...common, ...e })).watch();
  console.log('watching…');
} else {
  await Promise.all(entries.map((e) => build({ ...common, ...e })));
}
