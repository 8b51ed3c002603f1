/**
 * What fact handlers read from a parse tree, with nodes as plain numbers. web-tree-sitter's `Node`
 * objects cost an allocation per node and marshal every call through `getValue`/`setValue`; the
 * wasm implementation (`wasm-tree.ts`) makes the very same C calls with the node kept as five
 * integers in a typed array, so results are the same by construction. `api-tree.ts` implements
 * this with `Node` objects: the reference, and the fallback if web-tree-sitter's internals change.
 */
import type { Language, Tree } from 'web-tree-sitter';
import { ApiTree } from './api-tree';
import { wasmBinding } from './runtime';
import { WasmTree } from './wasm-tree';

/** A node handle of one `SyntaxTree`; 0 is "no node" (`null` in web-tree-sitter), so `if (node)` reads naturally. */
export type NodeId = number;

/** Half-open range of node handles, as `descendants` returns them. */
export interface NodeRange {
  from: NodeId;
  to: NodeId;
}

/** The `Node` API subset fact extraction uses; each method mirrors the `Node` member of the same name. */
export interface SyntaxTree {
  readonly grammar: Grammar;
  root(): NodeId;
  /** Unique per node of the tree (`Node.id`), whichever handle refers to it. */
  key(node: NodeId): number;
  type(node: NodeId): string;
  typeId(node: NodeId): number;
  start(node: NodeId): number;
  end(node: NodeId): number;
  /** `childForFieldName`. */
  field(node: NodeId, name: string): NodeId;
  /** `childrenForFieldName`. */
  fieldAll(node: NodeId, name: string): NodeId[];
  namedChildCount(node: NodeId): number;
  namedChild(node: NodeId, index: number): NodeId;
  namedChildren(node: NodeId): NodeId[];
  lastNamedChild(node: NodeId): NodeId;
  children(node: NodeId): NodeId[];
  /** `descendantsOfType(types)`: new handles in document (pre-)order; `types` is a constant list (cached by identity). */
  descendants(node: NodeId, types: readonly string[]): NodeRange;
  /** True if `descendantsOfType(type)` of `node` is not empty. */
  hasDescendant(node: NodeId, type: string): boolean;
  hasError(node: NodeId): boolean;
  isMissing(node: NodeId): boolean;
}

/** Type id of ERROR nodes (`ts_builtin_sym_error`): `Node.isError` is `typeId === ERROR_TYPE_ID`. */
export const ERROR_TYPE_ID = 0xffff;

/** Per-grammar lookup tables, built once. */
export interface Grammar {
  readonly language: Language;
  /** Type name by type id, as `Node.type` names it. */
  typeName(typeId: number): string;
  /** `Language.fields.indexOf(name)`: -1 for no such field. */
  fieldId(name: string): number;
}

const grammars = new WeakMap<Language, Grammar>();

/** The lookup tables of `language`. */
export function grammarOf(language: Language): Grammar {
  let g = grammars.get(language);
  if (!g) {
    const types = language.types;
    const fields = new Map<string, number>();
    language.fields.forEach((name, id) => { if (name !== null && !fields.has(name)) fields.set(name, id); });
    g = { language, typeName: (id) => types[id] || 'ERROR', fieldId: (name) => fields.get(name) ?? -1 };
    grammars.set(language, g);
  }
  return g;
}

/**
 * The tree as a `SyntaxTree`, valid while `tree` is alive. Positions are shifted by `offset`
 * (where the parsed text starts in the document).
 */
export function openTree(tree: Tree, offset = 0): SyntaxTree {
  const grammar = grammarOf(tree.language);
  const binding = wasmUsable ? wasmBinding() : undefined;
  if (!binding) return new ApiTree(tree, grammar, offset);
  const wasm = new WasmTree(binding, tree, grammar, offset);
  if (!wasmChecked) {
    wasmChecked = true;
    // Once per process: direct calls must reproduce the public API, else it is used from now on.
    wasmUsable = sameNodes(wasm, new ApiTree(tree, grammar, offset));
    if (!wasmUsable) return new ApiTree(tree, grammar, offset);
  }
  return wasm;
}

let wasmChecked = false;
let wasmUsable = true;

/** The first few hundred nodes of both trees, depth first: the same answers (enough to catch a changed ABI). */
function sameNodes(a: SyntaxTree, b: SyntaxTree): boolean {
  const describe = (t: SyntaxTree, n: NodeId): string =>
    `${t.type(n)}@${t.start(n)}-${t.end(n)}/${t.namedChildCount(n)}:${t.namedChildren(n).map((c) => t.start(c)).join()}`;
  const stack: Array<[NodeId, NodeId]> = [[a.root(), b.root()]];
  for (let budget = 300; stack.length && budget > 0; budget--) {
    const [x, y] = stack.pop()!;
    if (describe(a, x) !== describe(b, y)) return false;
    const cx = a.children(x);
    const cy = b.children(y);
    if (cx.length !== cy.length) return false;
    for (let i = 0; i < cx.length; i++) stack.push([cx[i], cy[i]]);
  }
  return true;
}
