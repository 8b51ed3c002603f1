/** Builds a `LanguageSupport` for a tree-sitter grammar plus a dialect of fact handlers. */
import type { Parser, Tree } from 'web-tree-sitter';
import { appendFacts, emptyFacts } from '../../core/facts';
import type { Range } from '../../core/facts';
import type { CommentSyntax, ExtractOptions, ExtractResult, LanguageEnv, LanguageId, LanguageSupport, ParseError } from '../../core/language';
import { ExtractContext } from './context';
import type { Dialect } from './context';
import { CodeParse, extractIncremental, extractRetained, ParseTimeout, parseOrTimeout } from './incremental';
import { findPemBlocks } from './pem';
import { disposeRuntime, getParser } from './runtime';
import type { CodeGrammar } from './runtime';
import { walkTree } from './walk';

/** C-family and JS/TS comment syntax. */
export const SLASH_COMMENTS: CommentSyntax = { line: '//', block: ['/*', '*/'] };

/** How a code language is put together. */
export interface CodeLanguageOptions {
  id: LanguageId;
  /** Lower-case extensions including the dot. */
  extensions: readonly string[];
  comments: CommentSyntax;
  dialect: Dialect;
  /**
   * Grammars to try, best guess first. When the first tree has syntax errors the next ones are
   * tried and the first error-free tree wins (TS vs. TSX, since `extract` gets no file name).
   */
  grammars(text: string): readonly CodeGrammar[];
  /** Optional same-length rewrite before parsing (offsets must not move), e.g. Arduino `PROGMEM`. */
  prepare?(text: string): string;
}

/** True if `filePath` ends with one of `extensions` (case-insensitive). */
export function hasExtension(filePath: string, extensions: readonly string[]): boolean {
  const dot = filePath.lastIndexOf('.');
  if (dot < 0 || dot < filePath.lastIndexOf('/')) return false;
  return extensions.includes(filePath.slice(dot).toLowerCase());
}

/** Creates the language object; parsing and extraction never throw out of `extract`. */
export function createCodeLanguage(opts: CodeLanguageOptions): LanguageSupport {
  return {
    id: opts.id,
    comments: opts.comments,
    matches: (filePath) => hasExtension(filePath, opts.extensions),
    windowed: true,
    async extract(text: string, env: LanguageEnv, options: ExtractOptions = {}): Promise<ExtractResult> {
      const { deadline, retain = false } = options;
      // Only our own retained parse of this language can be reused; anything else is just freed.
      let previous = options.previous instanceof CodeParse && options.previous.language === opts.id ? options.previous : undefined;
      if (options.previous && !previous) options.previous.dispose();
      try {
        const grammars = opts.grammars(text);
        const parsers = await Promise.all(grammars.map((g) => getParser(env, g)));
        const source = opts.prepare ? opts.prepare(text) : text;
        if (options.windows && !retain) {
          if (previous) previous.dispose();
          previous = undefined;
          return extractWindows(parsers, options.windows, source, text, opts.dialect, deadline);
        }
        // Incremental and retained parses need a single grammar (the TS/TSX fallback parses twice).
        if (grammars.length === 1) {
          if (previous?.grammar === grammars[0]) {
            const p = previous;
            previous = undefined;
            return extractIncremental(p, parsers[0], source, text, opts.dialect, deadline, retain);
          }
          if (retain) return extractRetained(opts.id, grammars[0], parseOrTimeout(parsers[0], source, null, deadline), source, text, opts.dialect, deadline);
        }
        return parseBest(parsers, 0, source, deadline, (tree) => extractFromTree(tree, text, opts.dialect, deadline));
      } catch (err) {
        if (ParseTimeout.is(err)) return { facts: emptyFacts(), errors: [], errorRanges: [], timedOut: true };
        const message = `Could not parse ${opts.id}: ${err instanceof Error ? err.message : String(err)}`;
        return { facts: emptyFacts(), errors: [{ message, range: [0, text.length] }], errorRanges: [] };
      } finally {
        previous?.dispose();
      }
    },
    dispose: disposeRuntime,
  };
}

/** Walks `tree` (parsed from `text`, or from the part of it that starts at `offset`) and returns the facts. */
export function extractFromTree(tree: Tree, text: string, dialect: Dialect, deadline?: number, offset = 0): ExtractResult {
  const ctx = new ExtractContext(text, dialect, offset);
  ctx.deadline = deadline;
  walkTree(tree, ctx);
  findPemBlocks(ctx.facts.strings, ctx.facts.pemBlocks);
  return { facts: ctx.facts, errors: ctx.errors, errorRanges: ctx.errorRanges };
}

/**
 * Parses each window of `source` standalone (grammar chosen for the whole text) and merges the
 * facts in whole-text offsets. Syntax errors at a window's cut edges (its first line, its last two
 * lines) are artefacts of the cut, not of the file: they are dropped.
 */
function extractWindows(parsers: readonly Parser[], windows: readonly Range[], source: string, text: string, dialect: Dialect, deadline?: number): ExtractResult {
  const facts = emptyFacts();
  const errors: ParseError[] = [];
  const errorRanges: Range[] = [];
  for (const [a, b] of windows) {
    // Facts come out in whole-text offsets directly (the walk adds `a`): no copy to shift them.
    const r = parseBest(parsers, 0, source.slice(a, b), deadline, (tree) => extractFromTree(tree, text, dialect, deadline, a));
    appendFacts(facts, r.facts);
    const slice = text.slice(a, b);
    const headEnd = a + (a > 0 ? slice.indexOf('\n') + 1 || slice.length : 0);
    let tailStart = slice.length;
    if (b < text.length) for (let i = 0; i < 2 && tailStart > 0; i++) tailStart = slice.lastIndexOf('\n', tailStart - 2) + 1;
    tailStart += a;
    const real = (range: Range): boolean => range[0] >= headEnd && range[1] <= tailStart;
    for (const e of r.errors) if (real(e.range)) errors.push(e);
    for (const e of r.errorRanges ?? []) if (real(e)) errorRanges.push(e);
  }
  return { facts, errors, errorRanges };
}

/** Parses with `parsers[i]`; on syntax errors tries the next grammar, falling back to the first tree. */
function parseBest<T>(parsers: readonly Parser[], i: number, source: string, deadline: number | undefined, fn: (tree: Tree) => T, first?: Tree): T {
  const tree = parseOrTimeout(parsers[i], source, null, deadline);
  try {
    if (!tree.rootNode.hasError) return fn(tree);
    if (i + 1 < parsers.length) return parseBest(parsers, i + 1, source, deadline, fn, first ?? tree);
    return fn(first ?? tree);
  } finally {
    tree.delete();
  }
}
