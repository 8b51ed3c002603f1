/**
 * Shared web-tree-sitter runtime: one wasm init per process, one grammar load per language
 * (promise-cached so concurrent first calls share the load), one reusable parser per grammar.
 */
import { Language, Parser } from 'web-tree-sitter';
import type { Tree } from 'web-tree-sitter';
import type { GrammarName, LanguageEnv } from '../../core/language';
import { wasmBindingOf } from './wasm-tree';
import type { WasmBinding } from './wasm-tree';

/** Grammar names for code languages (everything except the runtime itself). */
export type CodeGrammar = Exclude<GrammarName, 'tree-sitter'>;

let runtimeReady: Promise<void> | undefined;
let binding: WasmBinding | undefined;
const languages = new Map<CodeGrammar, Promise<Language>>();
const parsers = new Map<CodeGrammar, Parser>();

/** Counters the tests read to prove that caching works; cheap enough to keep in production. */
export const runtimeStats = { inits: 0, grammarLoads: 0 };

/** Initializes the wasm runtime once; the runtime bytes come from the injected env (extension URI vs. CLI dir). */
export function initRuntime(env: LanguageEnv): Promise<void> {
  runtimeReady ??= (async () => {
    const wasmBinary = await env.loadGrammar('tree-sitter');
    runtimeStats.inits++;
    // Passing the bytes as `wasmBinary` keeps emscripten from resolving a path next to the bundle.
    const moduleObject = { wasmBinary };
    await Parser.init(moduleObject as unknown as Parameters<typeof Parser.init>[0]);
    binding = wasmBindingOf(moduleObject);
  })().catch((err: unknown) => {
    runtimeReady = undefined; // let a later call retry, e.g. after the env is fixed
    throw err;
  });
  return runtimeReady;
}

/** Direct access to the wasm exports for fast tree reads (see `wasm-tree.ts`), when available. */
export function wasmBinding(): WasmBinding | undefined {
  return binding;
}

/** Loads (once) the grammar `name`; concurrent first calls share one promise. */
export function loadLanguage(env: LanguageEnv, name: CodeGrammar): Promise<Language> {
  let pending = languages.get(name);
  if (!pending) {
    pending = (async () => {
      await initRuntime(env);
      const bytes = await env.loadGrammar(name);
      runtimeStats.grammarLoads++;
      return Language.load(bytes);
    })();
    pending.catch(() => languages.delete(name)); // a failed load must not poison the cache
    languages.set(name, pending);
  }
  return pending;
}

/** The reusable parser for `name`; parsing is synchronous, so one parser per grammar suffices. */
export async function getParser(env: LanguageEnv, name: CodeGrammar): Promise<Parser> {
  const language = await loadLanguage(env, name);
  let parser = parsers.get(name);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(name, parser);
  }
  return parser;
}

/** Parses `text` and runs `fn` on the tree, always freeing the wasm tree afterwards. */
export function withTree<T>(parser: Parser, text: string, fn: (tree: Tree) => T): T {
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    return fn(tree);
  } finally {
    tree.delete();
  }
}

/** Frees every cached parser; grammars stay loaded (wasm modules cannot be unloaded). */
export function disposeRuntime(): void {
  for (const parser of parsers.values()) parser.delete();
  parsers.clear();
}
