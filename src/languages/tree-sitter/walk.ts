/**
 * Fact collection over a tree. Stepping a TreeCursor through every node costs several wasm
 * round trips per node, so instead one `descendantsOfType` call lets the wasm side do the
 * traversal and hand back only the node types that have handlers, in document (pre-)order.
 */
import type { Language, Node, Tree } from 'web-tree-sitter';
import type { Dialect, ExtractContext } from './context';
import { MAX_PARSE_ERRORS } from './context';

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
  const table = tableFor(ctx.dialect, tree.language);
  const root = tree.rootNode;
  runHandlers(root.descendantsOfType(table.types), table, ctx);
  if (root.hasError) collectErrors(root, ctx);
}

/**
 * Runs the handlers on the top-level nodes `tops` (and their descendants) only: incremental
 * re-extraction of the declarations an edit touched. Errors are not collected here.
 */
export function walkTopLevel(tree: Tree, tops: readonly Node[], ctx: ExtractContext): void {
  const table = tableFor(ctx.dialect, tree.language);
  for (const top of tops) runHandlers(top.descendantsOfType(table.types), table, ctx);
}

function runHandlers(nodes: readonly (Node | null)[], table: Table, ctx: ExtractContext): void {
  let skipEnd = -1;
  const deadline = ctx.deadline;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) continue;
    if (deadline !== undefined && (i & 1023) === 0 && performance.now() > deadline) throw new WalkTimeout();
    const start = node.startIndex;
    if (start < skipEnd) continue; // inside a subtree a handler already consumed
    const handler = table.byId[node.typeId];
    if (!handler) continue;
    try {
      if (handler(node, ctx) === true) skipEnd = node.endIndex;
    } catch {
      // A handler surprised by an odd (error-recovered) subtree loses only that node's facts.
    }
  }
}

/** Visits only subtrees that contain errors, so clean regions of a broken file cost nothing. */
export function collectErrors(root: Node, ctx: ExtractContext): void {
  const stack: Node[] = [root];
  while (stack.length > 0 && ctx.errors.length < MAX_PARSE_ERRORS) {
    const node = stack.pop()!;
    if (node.isMissing) {
      ctx.addSyntaxError([node.startIndex, node.endIndex], `Missing '${node.type}'`);
      continue;
    }
    if (node.isError) ctx.addSyntaxError([node.startIndex, node.endIndex], 'Syntax error');
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child && (child.hasError || child.isMissing)) stack.push(child);
    }
  }
}
