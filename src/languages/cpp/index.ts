/** C++ front end, including Arduino sketches (`.ino`, `.pde`). */
import type { LanguageSupport } from '../../core/language';
import { blankAttributeMacros, C_HANDLERS, cStringOf, cValue } from '../c/dialect';
import type { Dialect, ExtractContext } from '../tree-sitter/context';
import { createCodeLanguage, SLASH_COMMENTS } from '../tree-sitter/code-language';
import type { NodeId } from '../tree-sitter/syntax-tree';

/** `Foo() : host_("h"), port{1883}` — a member initializer binds a field like an assignment. */
function handleFieldInitializer(node: NodeId, ctx: ExtractContext): void {
  const t = ctx.tree;
  const name = t.namedChild(node, 0);
  const args = t.namedChild(node, 1);
  const value = args && t.namedChildCount(args) === 1 ? t.namedChild(args, 0) : 0;
  if (name && value) ctx.addAssignment('field', name, value, node);
}

/** `new WiFiClientSecure(...)` is recorded as a call to the constructed type. */
function handleNew(node: NodeId, ctx: ExtractContext): void {
  const type = ctx.tree.field(node, 'type');
  if (type) ctx.addCall(node, type, ctx.positionalArgs(ctx.tree.field(node, 'arguments')));
}

/** The C++ dialect: C handlers plus raw strings, member initializers and `new`. */
export const cppDialect: Dialect = {
  handlers: {
    ...C_HANDLERS,
    raw_string_literal: (node, ctx) => { ctx.addStringNode(node); return true; },
    field_initializer: handleFieldInitializer,
    new_expression: handleNew,
  },
  value: cValue,
  stringOf: cStringOf,
};

/** C++ and Arduino: everything C extracts plus raw strings, member initializers and `new`. */
export const cppLanguage: LanguageSupport = createCodeLanguage({
  id: 'cpp',
  extensions: ['.cpp', '.cc', '.cxx', '.c++', '.hpp', '.hh', '.hxx', '.h++', '.ino', '.pde'],
  comments: SLASH_COMMENTS,
  dialect: cppDialect,
  grammars: () => ['tree-sitter-cpp'],
  prepare: blankAttributeMacros,
});
