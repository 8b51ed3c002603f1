/**
 * `SyntaxTree` over web-tree-sitter's wasm exports. A node is the five words tree-sitter marshals
 * it into (id, start index, row, column, alias), kept in a typed array; a call writes them to the
 * transfer buffer, calls the same C function the `Node` method calls, and reads the result nodes
 * back in place. That skips `Node` allocation and web-tree-sitter's per-word `getValue`/`setValue`.
 * Depends on web-tree-sitter 0.25 internals; `openTree` checks them against `ApiTree` once.
 */
import type { Tree } from 'web-tree-sitter';
import type { Grammar, NodeId, NodeRange, SyntaxTree } from './syntax-tree';

/** The exports of web-tree-sitter's emscripten module that `WasmTree` calls. */
export interface WasmBinding {
  HEAP32: Int32Array;
  _malloc(bytes: number): number;
  _free(address: number): void;
  _ts_init(): number;
  _ts_tree_root_node_wasm(tree: number): void;
  _ts_node_symbol_wasm(tree: number): number;
  _ts_node_end_index_wasm(tree: number): number;
  _ts_node_child_by_field_id_wasm(tree: number, field: number): void;
  _ts_node_children_by_field_id_wasm(tree: number, field: number): void;
  _ts_node_named_child_count_wasm(tree: number): number;
  _ts_node_named_child_wasm(tree: number, index: number): void;
  _ts_node_named_children_wasm(tree: number): void;
  _ts_node_children_wasm(tree: number): void;
  _ts_node_descendants_of_type_wasm(tree: number, symbols: number, count: number, startRow: number, startColumn: number, endRow: number, endColumn: number): void;
  _ts_node_has_error_wasm(tree: number): number;
  _ts_node_is_missing_wasm(tree: number): number;
}

const FUNCTIONS: ReadonlyArray<keyof WasmBinding> = [
  '_malloc', '_free', '_ts_init', '_ts_tree_root_node_wasm', '_ts_node_symbol_wasm', '_ts_node_end_index_wasm',
  '_ts_node_child_by_field_id_wasm', '_ts_node_children_by_field_id_wasm', '_ts_node_named_child_count_wasm',
  '_ts_node_named_child_wasm', '_ts_node_named_children_wasm', '_ts_node_children_wasm', '_ts_node_descendants_of_type_wasm',
  '_ts_node_has_error_wasm', '_ts_node_is_missing_wasm',
];

/**
 * The emscripten module is the very object passed to `Parser.init` (MODULARIZE builds assign their
 * exports onto it); undefined when it does not have what `WasmTree` calls.
 */
export function wasmBindingOf(moduleObject: object): WasmBinding | undefined {
  const m = moduleObject as Partial<Record<string, unknown>>;
  if (!(m.HEAP32 instanceof Int32Array)) return undefined;
  return FUNCTIONS.every((name) => typeof m[name] === 'function') ? (moduleObject as WasmBinding) : undefined;
}

/** Words per marshalled node (`SIZE_OF_NODE` in web-tree-sitter). */
const WORDS = 5;

/** Symbol lists in wasm memory for `descendants`, by grammar and type list; never freed (a few per grammar). */
const symbolLists = new WeakMap<Grammar, Map<readonly string[], { address: number; count: number }>>();

export class WasmTree implements SyntaxTree {
  private readonly tree: number;
  /** Transfer buffer address, in words. */
  private readonly buffer: number;
  private heap: Int32Array;
  // Plain arrays, not typed ones: most trees are small, and allocating and growing typed arrays
  // for each costs more than the reads save. Handle 0 is the "no node" slot.
  private readonly words: number[] = [0, 0, 0, 0, 0];
  /** Type id + 1 and end index + 1 (0: not fetched yet). */
  private readonly typeIds: number[] = [0];
  private readonly ends: number[] = [0];
  private size = 0;

  constructor(private readonly m: WasmBinding, tree: Tree, readonly grammar: Grammar, private readonly offset: number) {
    this.tree = (tree as unknown as Record<0, number>)[0];
    this.buffer = m._ts_init() >> 2;
    this.heap = m.HEAP32;
  }

  root(): NodeId {
    this.m._ts_tree_root_node_wasm(this.tree);
    return this.read(this.buffer);
  }

  key(node: NodeId): number {
    return this.words[node * WORDS];
  }

  type(node: NodeId): string {
    return this.grammar.typeName(this.typeId(node));
  }

  typeId(node: NodeId): number {
    const known = this.typeIds[node];
    if (known) return known - 1;
    this.write(node);
    const id = this.m._ts_node_symbol_wasm(this.tree);
    this.typeIds[node] = id + 1;
    return id;
  }

  start(node: NodeId): number {
    return this.words[node * WORDS + 1] + this.offset;
  }

  end(node: NodeId): number {
    const known = this.ends[node];
    if (known) return known - 1 + this.offset;
    this.write(node);
    const end = this.m._ts_node_end_index_wasm(this.tree);
    this.ends[node] = end + 1;
    return end + this.offset;
  }

  field(node: NodeId, name: string): NodeId {
    const id = this.grammar.fieldId(name);
    if (id === -1) return 0;
    this.write(node);
    this.m._ts_node_child_by_field_id_wasm(this.tree, id);
    return this.read(this.buffer);
  }

  fieldAll(node: NodeId, name: string): NodeId[] {
    const id = this.grammar.fieldId(name);
    if (id === -1 || id === 0) return [];
    this.write(node);
    this.m._ts_node_children_by_field_id_wasm(this.tree, id);
    return this.readList();
  }

  namedChildCount(node: NodeId): number {
    this.write(node);
    return this.m._ts_node_named_child_count_wasm(this.tree);
  }

  namedChild(node: NodeId, index: number): NodeId {
    this.write(node);
    this.m._ts_node_named_child_wasm(this.tree, index);
    return this.read(this.buffer);
  }

  namedChildren(node: NodeId): NodeId[] {
    this.write(node);
    this.m._ts_node_named_children_wasm(this.tree);
    return this.readList();
  }

  lastNamedChild(node: NodeId): NodeId {
    return this.namedChild(node, this.namedChildCount(node) - 1);
  }

  children(node: NodeId): NodeId[] {
    this.write(node);
    this.m._ts_node_children_wasm(this.tree);
    return this.readList();
  }

  descendants(node: NodeId, types: readonly string[]): NodeRange {
    const symbols = this.symbols(types);
    this.write(node);
    this.m._ts_node_descendants_of_type_wasm(this.tree, symbols.address, symbols.count, 0, 0, 0, 0);
    const heap = this.freshHeap();
    const count = heap[this.buffer];
    const address = heap[this.buffer + 1];
    const from = this.size + 1;
    for (let i = 0, at = address >> 2; i < count; i++, at += WORDS) this.push(heap, at);
    this.m._free(address);
    return { from, to: from + count };
  }

  hasDescendant(node: NodeId, type: string): boolean {
    const { from, to } = this.descendants(node, [type]);
    return to > from;
  }

  hasError(node: NodeId): boolean {
    this.write(node);
    return this.m._ts_node_has_error_wasm(this.tree) === 1;
  }

  isMissing(node: NodeId): boolean {
    this.write(node);
    return this.m._ts_node_is_missing_wasm(this.tree) === 1;
  }

  /** Symbol ids whose name is in `types`, ascending, as `Node.descendantsOfType` builds them. */
  private symbols(types: readonly string[]): { address: number; count: number } {
    let perGrammar = symbolLists.get(this.grammar);
    if (!perGrammar) symbolLists.set(this.grammar, (perGrammar = new Map()));
    const key = types.length === 1 ? singleton(types[0]) : types;
    let list = perGrammar.get(key);
    if (!list) {
      const names = this.grammar.language.types;
      const ids: number[] = [];
      if (types.includes('ERROR')) ids.push(0xffff);
      for (let i = 0; i < names.length; i++) if (types.includes(names[i])) ids.push(i);
      const address = this.m._malloc(4 * Math.max(1, ids.length));
      this.freshHeap().set(ids, address >> 2);
      list = { address, count: ids.length };
      perGrammar.set(key, list);
    }
    return list;
  }

  /** Puts `node` into the transfer buffer, where every `ts_node_*_wasm` function reads it. */
  private write(node: NodeId): void {
    const heap = this.freshHeap();
    const w = this.words;
    const at = node * WORDS;
    const b = this.buffer;
    heap[b] = w[at];
    heap[b + 1] = w[at + 1];
    heap[b + 2] = w[at + 2];
    heap[b + 3] = w[at + 3];
    heap[b + 4] = w[at + 4];
  }

  /** A new handle for the node marshalled at word `at` (0 for tree-sitter's null node). */
  private read(at: number): NodeId {
    const heap = this.freshHeap();
    return heap[at] === 0 ? 0 : this.push(heap, at);
  }

  private push(heap: Int32Array, at: number): NodeId {
    this.words.push(heap[at], heap[at + 1], heap[at + 2], heap[at + 3], heap[at + 4]);
    this.typeIds.push(0);
    this.ends.push(0);
    return ++this.size;
  }

  /** Handles for the `count` nodes (transfer buffer word 0) at the address in word 1; frees the list. */
  private readList(): NodeId[] {
    const heap = this.freshHeap();
    const count = heap[this.buffer];
    const address = heap[this.buffer + 1];
    const out: NodeId[] = new Array(count);
    for (let i = 0; i < count; i++) out[i] = this.read((address >> 2) + i * WORDS);
    if (count > 0) this.m._free(address);
    return out;
  }

  /** The heap view; replaced by emscripten whenever wasm memory grows (the old one is then empty). */
  private freshHeap(): Int32Array {
    if (this.heap.length === 0) this.heap = this.m.HEAP32;
    return this.heap;
  }
}

/** One shared array per type name, so single-type lists are cached by identity too. */
const singletons = new Map<string, readonly string[]>();
function singleton(type: string): readonly string[] {
  let list = singletons.get(type);
  if (!list) singletons.set(type, (list = [type]));
  return list;
}
