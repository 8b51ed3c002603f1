/**
 * The CLI has V8 optimize only the keyword scan's WebAssembly, up front (src/cli/webassembly-tiers.ts):
 * the grammars stay on the baseline compiler. Observed through V8's own compilation trace.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { keywordScanModule } from '../../src/core/byte-automaton';
import { TUNED_V8 } from '../../src/cli/webassembly-tiers';
import { CLI, ROOT, tempDir } from './helpers';

declare const WebAssembly: { Module: { exports(module: object): Array<{ kind: string }> } };

/** Functions V8 compiled with TurboFan while node ran `args`. */
function optimizedFunctions(args: string[]): number {
  const r = spawnSync(process.execPath, ['--trace-wasm-compilation-times', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter((line) => line.includes('using TurboFan')).length;
}

test('the CLI optimizes the keyword scan up front and leaves the grammars on the baseline compiler', () => {
  const dir = tempDir();
  // Enough C++ for V8's defaults to optimize the parser's hot functions (a keyword on every line: parsed whole).
  const methods = Array.from({ length: 3000 }, (_, i) => `  void connect${i}(int port) { client.setServer("broker${i}.example.com", 1883); if (port > ${i}) { retry(port + ${i}); } }`);
  writeFileSync(join(dir, 'node.cpp'), `#include <WiFi.h>\nclass Node {\npublic:\n${methods.join('\n')}\n};\n`);
  const scanArgs = ['scan', dir, '--jobs', '2', '--fail-on', 'none', '--format', 'json', '--output', join(dir, 'report.json')];
  const kernel = WebAssembly.Module.exports(keywordScanModule()!).filter((e) => e.kind === 'function').length;
  // The same scan with V8's defaults (the CLI's code imported, its start-up shim not run).
  const defaults = `require(${JSON.stringify(CLI)}).runCli(${JSON.stringify(scanArgs)}, { stdout() {}, stderr() {}, cwd: process.cwd() })`;
  assert.ok(optimizedFunctions(['-e', defaults]) > kernel + 10, "V8's defaults also optimize grammar functions");
  const cli = optimizedFunctions([CLI, ...scanArgs]);
  if (TUNED_V8.test(process.versions.v8)) assert.equal(cli, kernel, 'the CLI: the keyword scan functions only');
  else assert.ok(cli > kernel + 10, 'a V8 the flags were not measured on keeps its defaults');
});
