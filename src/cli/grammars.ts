import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GrammarName } from '../core/language';

// From source (tests via tsx) the grammars are still in node_modules; in the bundle they sit next to it.
const PACKAGE_PATHS: Readonly<Record<GrammarName, string>> = {
  'tree-sitter': 'web-tree-sitter/tree-sitter.wasm',
  'tree-sitter-c': 'tree-sitter-c/tree-sitter-c.wasm',
  'tree-sitter-cpp': 'tree-sitter-cpp/tree-sitter-cpp.wasm',
  'tree-sitter-python': 'tree-sitter-python/tree-sitter-python.wasm',
  'tree-sitter-javascript': 'tree-sitter-javascript/tree-sitter-javascript.wasm',
  'tree-sitter-typescript': 'tree-sitter-typescript/tree-sitter-typescript.wasm',
  'tree-sitter-tsx': 'tree-sitter-typescript/tree-sitter-tsx.wasm',
};

/** Loads grammar bytes from the bundle's folder (dist/), falling back to node_modules. */
export function loadGrammarFromDisk(name: GrammarName): Promise<Uint8Array> {
  const bundled = join(__dirname, `${name}.wasm`);
  if (existsSync(bundled)) return readFile(bundled);
  return readFile(require.resolve(PACKAGE_PATHS[name]));
}
