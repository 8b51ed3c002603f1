/**
 * Fact extraction over every C/C++/Python/JavaScript/TypeScript file under the given folders:
 * writes one JSON line per file (path and the full `extract` result) so that two commits can be
 * compared byte for byte (`cmp a.jsonl b.jsonl`), and prints per-language throughput of parsing
 * and of fact extraction from the parsed tree, measured separately on the same trees (CPU time).
 *
 *   node --import tsx bench/extract-facts.ts [--out facts.jsonl] folder...
 */
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Facts } from '../src/core/facts';
import type { LanguageId, LanguageSupport } from '../src/core/language';
import { blankAttributeMacros, cDialect } from '../src/languages/c/dialect';
import { cppDialect } from '../src/languages/cpp/index';
import { javascriptDialect } from '../src/languages/javascript/dialect';
import { pythonDialect } from '../src/languages/python/dialect';
import { allLanguages } from '../src/languages/registry';
import { extractFromTree } from '../src/languages/tree-sitter/code-language';
import type { Dialect } from '../src/languages/tree-sitter/context';
import { getParser } from '../src/languages/tree-sitter/runtime';
import type { CodeGrammar } from '../src/languages/tree-sitter/runtime';
import { typescriptDialect } from '../src/languages/typescript/index';
import { nodeModulesEnv } from '../test/harness/grammars';

const ROOT = join(__dirname, '..');
const DIALECTS: Partial<Record<LanguageId, Dialect>> = { c: cDialect, cpp: cppDialect, python: pythonDialect, javascript: javascriptDialect, typescript: typescriptDialect };
const SKIP = new Set(['node_modules', '.git']);

/** The grammar `extract` tries first for `text` (TSX is guessed from JSX-looking text). */
function grammarFor(id: LanguageId, text: string): CodeGrammar {
  if (id === 'typescript') return /<\/[A-Za-z]|\/>/.test(text) ? 'tree-sitter-tsx' : 'tree-sitter-typescript';
  return `tree-sitter-${id}` as CodeGrammar;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

interface Tally {
  files: number;
  bytes: number;
  parseMs: number;
  extractMs: number;
  facts: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outPath = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
  const files: Array<{ path: string; language: LanguageSupport }> = [];
  for (const folder of args) {
    for (const p of walk(folder)) {
      const path = relative(ROOT, p);
      const language = allLanguages.find((l) => l.matches(path));
      if (language && DIALECTS[language.id]) files.push({ path, language });
    }
  }
  const sink = outPath ? createWriteStream(outPath) : undefined;
  const tallies = new Map<LanguageId, Tally>();
  for (const { path, language } of files) {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const result = await language.extract(text, nodeModulesEnv);
    sink?.write(JSON.stringify({ path, result }) + '\n');
    // Parse and extraction timed apart, on the tree `extract` starts from.
    const parser = await getParser(nodeModulesEnv, grammarFor(language.id, text));
    const source = language.id === 'c' || language.id === 'cpp' ? blankAttributeMacros(text) : text;
    let t0 = cpuMs();
    const tree = parser.parse(source);
    const parseMs = cpuMs() - t0;
    if (!tree) continue;
    t0 = cpuMs();
    extractFromTree(tree, text, DIALECTS[language.id]!);
    const extractMs = cpuMs() - t0;
    tree.delete();
    const t = tallies.get(language.id) ?? { files: 0, bytes: 0, parseMs: 0, extractMs: 0, facts: 0 };
    tallies.set(language.id, t);
    t.files++;
    t.bytes += Buffer.byteLength(text);
    t.parseMs += parseMs;
    t.extractMs += extractMs;
    t.facts += Object.values(result.facts as Facts).reduce((n, list: unknown[]) => n + list.length, 0);
  }
  if (sink) await new Promise((done) => sink.end(done));
  const mb = (bytes: number): number => bytes / 2 ** 20;
  console.table([...tallies].map(([id, t]) => ({
    language: id, files: t.files, MB: +mb(t.bytes).toFixed(2), facts: t.facts,
    'parse MB/s': +(mb(t.bytes) / (t.parseMs / 1000)).toFixed(1), 'extract MB/s': +(mb(t.bytes) / (t.extractMs / 1000)).toFixed(1),
  })));
}

void main();
