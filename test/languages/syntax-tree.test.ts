/**
 * The direct-wasm `SyntaxTree` answers exactly like the one over web-tree-sitter's `Node` API (its
 * reference and fallback), node by node, on realistic, mutated and broken inputs of every grammar.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { LanguageId } from '../../src/core/language';
import { ApiTree } from '../../src/languages/tree-sitter/api-tree';
import { getParser, wasmBinding } from '../../src/languages/tree-sitter/runtime';
import type { CodeGrammar } from '../../src/languages/tree-sitter/runtime';
import { grammarOf } from '../../src/languages/tree-sitter/syntax-tree';
import type { NodeId, SyntaxTree } from '../../src/languages/tree-sitter/syntax-tree';
import { WasmTree } from '../../src/languages/tree-sitter/wasm-tree';
import { nodeModulesEnv } from '../harness/grammars';
import { anyInput, SEEDS } from '../robustness/inputs';

const FIELDS = ['declarator', 'value', 'default_value', 'left', 'right', 'function', 'arguments', 'path', 'name', 'type', 'key', 'module_name', 'subscript', 'object', 'property', 'index', 'constructor', 'source', 'body', 'nonexistent'];
const GRAMMARS: Array<[LanguageId, CodeGrammar]> = [['c', 'tree-sitter-c'], ['cpp', 'tree-sitter-cpp'], ['python', 'tree-sitter-python'], ['javascript', 'tree-sitter-javascript'], ['typescript', 'tree-sitter-typescript'], ['typescript', 'tree-sitter-tsx']];

/** Everything a handler can ask about `n`, as text (handles differ between the trees, answers must not). */
function describeNode(t: SyntaxTree, n: NodeId): string {
  const at = (c: NodeId): string => (c ? `${t.type(c)}@${t.start(c)}-${t.end(c)}#${t.key(c)}` : '-');
  const { from, to } = t.descendants(n, ['identifier', 'string', 'call_expression', 'ERROR']);
  return [
    at(n), t.typeId(n), t.namedChildCount(n), t.namedChildren(n).map(at).join(), at(t.namedChild(n, 1)), at(t.lastNamedChild(n)),
    FIELDS.map((f) => `${f}=${at(t.field(n, f))}/${t.fieldAll(n, f).map(at).join()}`).join(),
    Array.from({ length: to - from }, (_, i) => at(from + i)).join(), t.hasDescendant(n, 'interpolation'), t.hasError(n), t.isMissing(n),
  ].join(' | ');
}

/** Walks both trees in lockstep (through `children`, anonymous nodes included) and compares every node. */
function assertSameTrees(wasm: SyntaxTree, api: SyntaxTree, text: string): void {
  const stack: Array<[NodeId, NodeId]> = [[wasm.root(), api.root()]];
  while (stack.length) {
    const [w, a] = stack.pop()!;
    assert.equal(describeNode(wasm, w), describeNode(api, a), JSON.stringify(text.slice(0, 200)));
    const cw = wasm.children(w);
    const ca = api.children(a);
    assert.equal(cw.length, ca.length);
    for (let i = 0; i < cw.length; i++) stack.push([cw[i], ca[i]]);
  }
}

describe('SyntaxTree over wasm exports', () => {
  for (const [lang, name] of GRAMMARS) {
    it(`${name}: answers like the Node API on every node (seed, mutations, offsets)`, async () => {
      const parser = await getParser(nodeModulesEnv, name);
      const binding = wasmBinding();
      assert.ok(binding, 'web-tree-sitter exports what WasmTree calls');
      const grammar = grammarOf(parser.language!);
      const check = (text: string, offset: number): void => {
        const tree = parser.parse(text)!;
        try {
          assertSameTrees(new WasmTree(binding, tree, grammar, offset), new ApiTree(tree, grammar, offset), text);
        } finally {
          tree.delete();
        }
      };
      check(SEEDS[lang].text, 0);
      check(SEEDS[lang].text, 1234);
      check('', 0);
      fc.assert(fc.property(anyInput(lang), (text) => check(text, 0)), { numRuns: 40, seed: 7 });
    });
  }
});
