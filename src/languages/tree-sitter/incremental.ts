/**
 * Incremental re-analysis of an edited document: the previous tree is edited with the one
 * changed span (common prefix/suffix diff) and reparsed with `oldTree`; facts of top-level nodes
 * the edit did not touch are reused (shifted by the edit's length change) and only the touched
 * top-level nodes are walked again. The result equals a full extraction (tested by property).
 */
import type { Parser, Point, Tree } from 'web-tree-sitter';
import { emptyFacts } from '../../core/facts';
import type { Facts, Range, ValueFact } from '../../core/facts';
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

/** The fact lists a re-extraction splices (PEM blocks are found again in the merged strings). */
type Spliced = Exclude<keyof Facts, 'pemBlocks'>;
const SPLICED: readonly Spliced[] = ['strings', 'assignments', 'calls', 'keyValues', 'comments', 'imports'];

/**
 * Start offset of every retained fact, list by list. The merge reads these instead of the facts:
 * one loop over six fact shapes would make each `fact.range[0]` a slow polymorphic lookup.
 */
type Starts = Readonly<Record<Spliced, Int32Array>>;

function startsOf(facts: Facts): Starts {
  const starts = {} as Record<Spliced, Int32Array>;
  for (const key of SPLICED) starts[key] = Int32Array.from(facts[key] as Array<{ range: Range }>, (f) => f.range[0]);
  return starts;
}

/** The retained parse of one document: its tree (owned), source, facts and top-level layout. */
export class CodeParse implements RetainedParse {
  constructor(
    readonly language: LanguageId,
    readonly grammar: CodeGrammar,
    readonly source: string,
    private tree: Tree | undefined,
    readonly facts: Facts,
    readonly starts: Starts,
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
  const retained = new CodeParse(language, grammar, source, tree, ctx.facts, startsOf(ctx.facts), tops);
  return { facts: ctx.facts, errors: ctx.errors, errorRanges: ctx.errorRanges, retained };
}

/** The single changed span between two texts. */
interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

function diff(a: string, b: string): Edit {
  const max = Math.min(a.length, b.length);
  // Equal chunks are skipped coarse to fine with `===` on substrings (a native compare, ~50x
  // faster on a large document than a charCodeAt loop or startsWith); the last steps go by char.
  let p = 0;
  for (let step = 4096; step >= 16; step >>= 2) while (p + step <= max && a.substring(p, p + step) === b.substring(p, p + step)) p += step;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  for (let step = 4096; step >= 16; step >>= 2) {
    while (s + step <= max - p && a.substring(a.length - s - step, a.length - s) === b.substring(b.length - s - step, b.length - s)) s += step;
  }
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

/** Row/column (UTF-16 code units, as web-tree-sitter counts them) of `index`, counted on from `from` at `at`. */
function pointAt(text: string, index: number, from: Point = { row: 0, column: 0 }, at = 0): Point {
  let row = from.row;
  let lineStart = at - from.column;
  for (let i = text.indexOf('\n', at); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
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
    // Both texts are equal up to the edit, so the end points are counted on from its start.
    const startPosition = pointAt(previous.source, edit.start);
    oldTree.edit({
      startIndex: edit.start,
      oldEndIndex: edit.oldEnd,
      newEndIndex: edit.newEnd,
      startPosition,
      oldEndPosition: pointAt(previous.source, edit.oldEnd, startPosition, edit.start),
      newEndPosition: pointAt(source, edit.newEnd, startPosition, edit.start),
    });
    tree = parseOrTimeout(parser, source, oldTree, deadline);
  } finally {
    oldTree.delete();
  }
  try {
    const { result, starts, tops } = reextract(previous, tree, edit, text, dialect, deadline);
    if (retain) {
      result.retained = new CodeParse(previous.language, previous.grammar, source, tree, result.facts, starts, tops);
      return result;
    }
    tree.delete();
    return result;
  } catch (err) {
    tree.delete();
    throw err;
  }
}

function reextract(previous: CodeParse, tree: Tree, edit: Edit, text: string, dialect: Dialect, deadline: number | undefined): { result: ExtractResult; starts: Starts; tops: Top[] } {
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
  // Per list: retained facts before the re-walked span, the fresh ones inside it, the retained
  // ones after it (moved by `delta`), with their start offsets for the next merge.
  const merged = emptyFacts();
  const starts = {} as Record<Spliced, Int32Array>;
  for (const key of SPLICED) {
    const prev = previous.facts[key] as unknown[];
    const prevStarts = previous.starts[key];
    const fresh = ctx.facts[key] as Array<{ range: Range }>;
    const shift = SHIFT[key] as (fact: unknown, delta: number) => void;
    const list: unknown[] = [];
    const at = new Int32Array(prev.length + fresh.length);
    let n = 0;
    for (let i = 0; i < prev.length; i++) {
      if (prevStarts[i] >= newFrom) continue;
      list.push(prev[i]);
      at[n++] = prevStarts[i];
    }
    for (const f of fresh) {
      const start = f.range[0];
      if (start < newFrom || start >= newTo) continue;
      list.push(f);
      at[n++] = start;
    }
    for (let i = 0; i < prev.length; i++) {
      if (prevStarts[i] < oldTo) continue;
      if (delta) shift(prev[i], delta);
      list.push(prev[i]);
      at[n++] = prevStarts[i] + delta;
    }
    (merged as unknown as Record<Spliced, unknown[]>)[key] = list;
    starts[key] = at.subarray(0, n);
  }
  findPemBlocks(merged.strings, merged.pemBlocks);
  collectErrors(t, ctx);
  return { result: { facts: merged, errors: ctx.errors, errorRanges: ctx.errorRanges }, starts, tops };
}

/**
 * Moves a retained fact by `delta`, in place, field by field (one function per fact list): the
 * previous facts are spent after the merge. Range arrays are replaced, never mutated, because
 * findings already returned may hold them (and facts share some arrays, never objects). A test
 * checks this against `shiftFacts`, which moves every `range`/`*Range` field at any depth.
 */
export const SHIFT: { readonly [K in Exclude<keyof Facts, 'pemBlocks'>]: (fact: Facts[K][number], delta: number) => void } = {
  strings: (f, d) => { f.range = moved(f.range, d); f.innerRange = moved(f.innerRange, d); },
  assignments: (f, d) => { f.nameRange = moved(f.nameRange, d); f.range = moved(f.range, d); shiftValue(f.value, d); },
  calls: (f, d) => { f.calleeRange = moved(f.calleeRange, d); f.range = moved(f.range, d); for (const arg of f.args) shiftValue(arg.value, d); },
  keyValues: (f, d) => { f.keyRange = moved(f.keyRange, d); f.range = moved(f.range, d); shiftValue(f.value, d); },
  comments: (f, d) => { f.range = moved(f.range, d); },
  imports: (f, d) => { f.range = moved(f.range, d); },
};

function shiftValue(v: ValueFact, d: number): void {
  v.range = moved(v.range, d);
  if (v.innerRange) v.innerRange = moved(v.innerRange, d);
  if (v.elements) for (const e of v.elements) shiftValue(e, d);
}

function moved(r: Range, d: number): Range {
  return [r[0] + d, r[1] + d];
}
