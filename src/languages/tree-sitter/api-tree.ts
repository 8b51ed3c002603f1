/** `SyntaxTree` over web-tree-sitter's public `Node` API: the reference for `WasmTree`, and its fallback. */
import type { Node, Tree } from 'web-tree-sitter';
import type { Grammar, NodeId, NodeRange, SyntaxTree } from './syntax-tree';

export class ApiTree implements SyntaxTree {
  /** Handle → node; index 0 stays empty ("no node"). */
  private readonly nodes: Node[] = [undefined as unknown as Node];

  constructor(private readonly tree: Tree, readonly grammar: Grammar, private readonly offset: number) {}

  private add(node: Node | null): NodeId {
    if (!node) return 0;
    this.nodes.push(node);
    return this.nodes.length - 1;
  }

  root(): NodeId { return this.add(this.tree.rootNode); }
  key(node: NodeId): number { return this.nodes[node].id; }
  type(node: NodeId): string { return this.nodes[node].type; }
  typeId(node: NodeId): number { return this.nodes[node].typeId; }
  start(node: NodeId): number { return this.nodes[node].startIndex + this.offset; }
  end(node: NodeId): number { return this.nodes[node].endIndex + this.offset; }
  field(node: NodeId, name: string): NodeId { return this.add(this.nodes[node].childForFieldName(name)); }
  fieldAll(node: NodeId, name: string): NodeId[] { return this.nodes[node].childrenForFieldName(name).map((n) => this.add(n)); }
  namedChildCount(node: NodeId): number { return this.nodes[node].namedChildCount; }
  namedChild(node: NodeId, index: number): NodeId { return this.add(this.nodes[node].namedChild(index)); }
  namedChildren(node: NodeId): NodeId[] { return this.nodes[node].namedChildren.map((n) => this.add(n)); }
  lastNamedChild(node: NodeId): NodeId { return this.add(this.nodes[node].lastNamedChild); }
  children(node: NodeId): NodeId[] { return this.nodes[node].children.map((n) => this.add(n)); }

  descendants(node: NodeId, types: readonly string[]): NodeRange {
    const from = this.nodes.length;
    for (const n of this.nodes[node].descendantsOfType(types as string[])) this.add(n);
    return { from, to: this.nodes.length };
  }

  hasDescendant(node: NodeId, type: string): boolean {
    return this.nodes[node].descendantsOfType(type).length > 0;
  }

  hasError(node: NodeId): boolean { return this.nodes[node].hasError; }
  isMissing(node: NodeId): boolean { return this.nodes[node].isMissing; }
}
