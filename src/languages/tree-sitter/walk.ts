/**
 * Fact collection over a tree. Stepping a TreeCursor through every node costs several wasm
 * round trips per node, so instead one `descendantsOfType` call lets the wasm side do the
 * traversal and hand back only the node types that have handlers, in document (pre-)order.
 * Handlers read the tree through a `SyntaxTree` (nodes as numbers, no `Node` objects).
 */
import type { Language, Tree } from 'web-tree-sitter';
import type { Range } from '../../core/facts';
import type { Dialect, ExtractContext } from './context';
import { MAX_PARSE_ERRORS } from './context';
import { ERROR_TYPE_ID, openTree } from './syntax-tree';
import type { NodeId, NodeRange, SyntaxTree } from './syntax-tree';

type Handler = Dialect['handlers'][string];

/** The walk ran past `ExtractContext.deadline`. */
export class WalkTimeout extends Error {
  constructor() {
    super('analysis exceeded time budget');
  }
}

interface Table {
  /** Handler by numeric type id; anonymous tokens that share a name (`string` in TS types) get none. */
  byId: (Handler | undefined)[];
  types: string[];
}

const tables = new WeakMap<Dialect, Map<Language, Table>>();

function tableFor(dialect: Dialect, language: Language): Table {
  let perLang = tables.get(dialect);
  if (!perLang) tables.set(dialect, (perLang = new Map()));
  let table = perLang.get(language);
  if (!table) {
    table = { byId: [], types: Object.keys(dialect.handlers) };
    for (let id = 0; id < language.nodeTypeCount; id++) {
      const type = language.types[id];
      if (type && language.nodeTypeIsNamed(id) && Object.hasOwn(dialect.handlers, type)) table.byId[id] = dialect.handlers[type];
    }
    perLang.set(language, table);
  }
  return table;
}

/** Runs the dialect's handlers on every matching node and records ERROR/MISSING regions. */
export function walkTree(tree: Tree, ctx: ExtractContext): void {
  const t = (ctx.tree = openTree(tree, ctx.offset));
  const table = tableFor(ctx.dialect, tree.language);
  runHandlers(t.descendants(t.root(), table.types), table, ctx);
  collectErrors(t, ctx);
}

/**
 * Runs the handlers on the top-level nodes `tops` of `t` (and their descendants) only: incremental
 * re-extraction of the declarations an edit touched. Errors are not collected here.
 */
export function walkTopLevel(t: SyntaxTree, tops: readonly NodeId[], ctx: ExtractContext): void {
  ctx.tree = t;
  const table = tableFor(ctx.dialect, t.grammar.language);
  for (const top of tops) runHandlers(t.descendants(top, table.types), table, ctx);
}

function runHandlers(nodes: NodeRange, table: Table, ctx: ExtractContext): void {
  const t = ctx.tree;
  let skipEnd = -1;
  const deadline = ctx.deadline;
  for (let node = nodes.from, i = 0; node < nodes.to; node++, i++) {
    if (deadline !== undefined && (i & 1023) === 0 && performance.now() > deadline) throw new WalkTimeout();
    const start = t.start(node);
    if (start < skipEnd) continue; // inside a subtree a handler already consumed
    const handler = table.byId[t.typeId(node)];
    if (!handler) continue;
    try {
      if (handler(node, ctx) === true) skipEnd = t.end(node);
    } catch {
      // A handler surprised by an odd (error-recovered) subtree loses only that node's facts.
    }
  }
}

/** Records ERROR/MISSING regions, visiting only subtrees that contain errors (clean regions of a broken file cost nothing). */
export function collectErrors(t: SyntaxTree, ctx: ExtractContext): void {
  const root = t.root();
  if (!t.hasError(root)) return;
  const stack: NodeId[] = [root];
  while (stack.length > 0 && ctx.errors.length < MAX_PARSE_ERRORS) {
    const node = stack.pop()!;
    const range: Range = [t.start(node), t.end(node)];
    if (t.isMissing(node)) {
      ctx.addSyntaxError(range, `Missing '${t.type(node)}'`);
      continue;
    }
    if (t.typeId(node) === ERROR_TYPE_ID) ctx.addSyntaxError(range, 'Syntax error');
    const children = t.children(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (t.hasError(child) || t.isMissing(child)) stack.push(child);
    }
  }
}
