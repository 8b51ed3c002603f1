import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GrammarName, LanguageEnv } from '../../src/core/language';

const ROOT = join(__dirname, '..', '..');

/** Where each grammar lives in node_modules; scripts/build.mjs copies the same files into dist/. */
export const GRAMMAR_SOURCES: Readonly<Record<GrammarName, string>> = {
  'tree-sitter': 'node_modules/web-tree-sitter/tree-sitter.wasm',
  'tree-sitter-c': 'node_modules/tree-sitter-c/tree-sitter-c.wasm',
  'tree-sitter-cpp': 'node_modules/tree-sitter-cpp/tree-sitter-cpp.wasm',
  'tree-sitter-python': 'node_modules/tree-sitter-python/tree-sitter-python.wasm',
  'tree-sitter-javascript': 'node_modules/tree-sitter-javascript/tree-sitter-javascript.wasm',
  'tree-sitter-typescript': 'node_modules/tree-sitter-typescript/tree-sitter-typescript.wasm',
  'tree-sitter-tsx': 'node_modules/tree-sitter-typescript/tree-sitter-tsx.wasm',
};

/** Real grammar bytes from node_modules, for tests (no mocks: the real parsers run). */
export const nodeModulesEnv: LanguageEnv = {
  loadGrammar: (name) => readFile(join(ROOT, GRAMMAR_SOURCES[name])),
};
