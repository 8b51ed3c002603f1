/**
 * Incremental re-analysis of an edited document: the previous tree is edited with the one
 * changed span (common prefix/suffix diff) and reparsed with `oldTree`; facts of top-level nodes
 * the edit did not touch are reused (shifted by the edit's length change) and only the touched
 * top-level nodes are walked again. The result equals a full extraction (tested by property).
 */
import type { Parser, Point, Tree } from 'web-tree-sitter';
import type { Facts, Range } from '../../core/facts';
import type { ExtractResult, LanguageId, RetainedParse } from '../../core/language';
import { ExtractContext } from './context';
import type { Dialect } from './context';
import { findPemBlocks } from './pem';
import type { CodeGrammar } from './runtime';
import { openTree } from './syntax-tree';
import type { NodeId, SyntaxTree } from './syntax-tree';
import { collectErrors, walkTopLevel, walkTree, WalkTimeout } from './walk';

/** A top-level node of the retained tree, as plain data (no wasm handle). */
interface Top {
  start: number;
  end: number;
  typeId: number;
}

/** The retained parse of one document: its tree (owned), source, facts and top-level layout. */
export class CodeParse implements RetainedParse {
  constructor(
    readonly language: LanguageId,
    readonly grammar: CodeGrammar,
    readonly source: string,
    private tree: Tree | undefined,
    readonly facts: Facts,
    readonly tops: readonly Top[],
  ) {}

  /** Hands the tree over (the caller frees it); the parse is spent afterwards. */
  takeTree(): Tree | undefined {
    const t = this.tree;
    this.tree = undefined;
    return t;
  }

  dispose(): void {
    this.tree?.delete();
    this.tree = undefined;
  }
}

/** Thrown through `withTree`-style code when the progress callback cancelled the parse. */
export class ParseTimeout extends Error {
  static is(e: unknown): e is ParseTimeout | WalkTimeout {
    return e instanceof ParseTimeout || e instanceof WalkTimeout;
  }
}

/** Parse options that cancel at `deadline` (performance.now() time). */
export function parseOptions(deadline: number | undefined): { progressCallback?: () => boolean } {
  return deadline === undefined ? {} : { progressCallback: () => performance.now() > deadline };
}

/** Parses `source` (optionally incrementally); throws ParseTimeout when cancelled (and resets the parser). */
export function parseOrTimeout(parser: Parser, source: string, oldTree: Tree | null, deadline: number | undefined): Tree {
  const tree = parser.parse(source, oldTree, parseOptions(deadline) as Parameters<Parser['parse']>[2]);
  if (!tree) {
    // A cancelled parse resumes on the next call unless reset.
    parser.reset();
    if (deadline !== undefined && performance.now() > deadline) throw new ParseTimeout('analysis exceeded time budget');
    throw new Error('tree-sitter returned no tree');
  }
  return tree;
}

function topsOf(t: SyntaxTree): { nodes: NodeId[]; tops: Top[] } {
  const nodes = t.children(t.root()).filter((n) => n !== 0);
  return { nodes, tops: nodes.map((n) => ({ start: t.start(n), end: t.end(n), typeId: t.typeId(n) })) };
}

/** Full extraction that also returns the retained parse (the tree is kept, not freed). */
export function extractRetained(language: LanguageId, grammar: CodeGrammar, tree: Tree, source: string, text: string, dialect: Dialect, deadline?: number): ExtractResult {
  const ctx = new ExtractContext(text, dialect);
  ctx.deadline = deadline;
  try {
    walkTree(tree, ctx);
  } catch (err) {
    tree.delete();
    throw err;
  }
  findPemBlocks(ctx.facts.strings, ctx.facts.pemBlocks);
  const { tops } = topsOf(ctx.tree);
  return { facts: ctx.facts, errors: ctx.errors, errorRanges: ctx.errorRanges, retained: new CodeParse(language, grammar, source, tree, ctx.facts, tops) };
}

/** The single changed span between two texts. */
interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

function diff(a: string, b: string): Edit {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

/** Row/column (UTF-16 code units, as web-tree-sitter counts them) of `index`. */
function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}

/**
 * Re-extracts `text` (prepared as `source`) from the previous parse. Consumes `previous` (its tree
 * becomes the old tree and is freed). Returns the new retained parse when `retain`.
 */
export function extractIncremental(previous: CodeParse, parser: Parser, source: string, text: string, dialect: Dialect, deadline: number | undefined, retain: boolean): ExtractResult {
  const edit = diff(previous.source, source);
  const oldTree = previous.takeTree();
  if (!oldTree) throw new Error('retained parse has no tree');
  let tree: Tree;
  try {
    oldTree.edit({
      startIndex: edit.start,
      oldEndIndex: edit.oldEnd,
      newEndIndex: edit.newEnd,
      startPosition: pointAt(previous.source, edit.start),
      oldEndPosition: pointAt(previous.source, edit.oldEnd),
      newEndPosition: pointAt(source, edit.newEnd),
    });
    tree = parseOrTimeout(parser, source, oldTree, deadline);
  } finally {
    oldTree.delete();
  }
  try {
    const { result, tops } = reextract(previous, tree, edit, text, dialect, deadline);
    if (retain) {
      result.retained = new CodeParse(previous.language, previous.grammar, source, tree, result.facts, tops);
      return result;
    }
    tree.delete();
    return result;
  } catch (err) {
    tree.delete();
    throw err;
  }
}

function reextract(previous: CodeParse, tree: Tree, edit: Edit, text: string, dialect: Dialect, deadline: number | undefined): { result: ExtractResult; tops: Top[] } {
  const delta = edit.newEnd - edit.oldEnd;
  const t = openTree(tree);
  const { nodes, tops } = topsOf(t);
  const old = previous.tops;
  const same = (n: Top, o: Top, shift: number): boolean => n.typeId === o.typeId && n.start === o.start + shift && n.end === o.end + shift;
  // Unchanged prefix: identical nodes strictly before the edit; one more is dropped because the
  // parser's lookahead may have re-shaped the node right before the edit.
  let p = 0;
  while (p < tops.length && p < old.length && tops[p].end < edit.start && same(tops[p], old[p], 0)) p++;
  p = Math.max(0, p - 1);
  let s = 0;
  while (s < tops.length - p && s < old.length - p && tops[tops.length - 1 - s].start > edit.newEnd && same(tops[tops.length - 1 - s], old[old.length - 1 - s], delta)) s++;
  s = Math.max(0, s - 1);

  const newFrom = p > 0 ? tops[p - 1].end : 0;
  const newTo = s > 0 ? tops[tops.length - s].start : Number.POSITIVE_INFINITY;
  const oldTo = s > 0 ? old[old.length - s].start : Number.POSITIVE_INFINITY;

  const ctx = new ExtractContext(text, dialect);
  ctx.deadline = deadline;
  walkTopLevel(t, nodes.slice(p, nodes.length - s), ctx);
  const fresh = ctx.facts;
  const prev = previous.facts;
  const merged = {} as Facts;
  const moved = new Set<object>();
  for (const key of Object.keys(fresh) as Array<keyof Facts>) {
    if (key === 'pemBlocks') continue;
    const before = (prev[key] as Array<{ range: Range }>).filter((f) => f.range[0] < newFrom);
    const after = (prev[key] as Array<{ range: Range }>).filter((f) => f.range[0] >= oldTo);
    if (delta) for (const f of after) shiftInPlace(f, delta, moved);
    const middle = (fresh[key] as Array<{ range: Range }>).filter((f) => f.range[0] >= newFrom && f.range[0] < newTo);
    (merged as unknown as Record<string, unknown[]>)[key] = [...before, ...middle, ...after];
  }
  merged.pemBlocks = [];
  findPemBlocks(merged.strings, merged.pemBlocks);
  if (tree.rootNode.hasError) collectErrors(tree.rootNode, ctx);
  return { result: { facts: merged, errors: ctx.errors, errorRanges: ctx.errorRanges }, tops };
}

/**
 * Moves every range-like field (`range`, `*Range`) of a retained fact by `delta`, in place: the
 * previous facts are spent after this call. Range arrays are replaced, never mutated, because
 * findings already returned may hold them; `moved` keeps shared sub-objects from moving twice.
 */
function shiftInPlace(fact: object, delta: number, moved: Set<object>): void {
  const stack: object[] = [fact];
  while (stack.length) {
    const o = stack.pop() as Record<string, unknown>;
    if (moved.has(o)) continue;
    moved.add(o);
    if (Array.isArray(o)) {
      for (const v of o) if (v && typeof v === 'object') stack.push(v);
      continue;
    }
    for (const k in o) {
      const v = o[k];
      if (!v || typeof v !== 'object') continue;
      if ((k === 'range' || k.endsWith('Range')) && Array.isArray(v) && v.length === 2 && typeof v[0] === 'number') o[k] = [v[0] + delta, v[1] + delta];
      else stack.push(v);
    }
  }
}
