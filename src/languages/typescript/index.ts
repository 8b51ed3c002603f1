/** TypeScript front end; `.tsx` is handled by the same object with the TSX grammar. */
import type { LanguageSupport } from '../../core/language';
import { handleProperty, JS_HANDLERS, jsStringOf, jsValue } from '../javascript/dialect';
import type { Dialect } from '../tree-sitter/context';
import { createCodeLanguage, SLASH_COMMENTS } from '../tree-sitter/code-language';
import type { CodeGrammar } from '../tree-sitter/runtime';

// `extract` gets no file name, so TSX is guessed: JSX closes elements with `</x` or `/>`.
// If the guess yields syntax errors the other grammar is tried (see createCodeLanguage).
const LOOKS_LIKE_JSX = /<\/[A-Za-z]|\/>/;
const TS_FIRST: readonly CodeGrammar[] = ['tree-sitter-typescript', 'tree-sitter-tsx'];
const TSX_FIRST: readonly CodeGrammar[] = ['tree-sitter-tsx', 'tree-sitter-typescript'];

/** The TypeScript dialect: JS handlers plus `public_field_definition` class fields. */
export const typescriptDialect: Dialect = {
  handlers: { ...JS_HANDLERS, public_field_definition: handleProperty('property', 'name') },
  value: jsValue,
  stringOf: jsStringOf,
};

/** TypeScript and TSX: everything JavaScript extracts, plus typed class fields; `as`/`!`/`satisfies` are unwrapped. */
export const typescriptLanguage: LanguageSupport = createCodeLanguage({
  id: 'typescript',
  extensions: ['.ts', '.mts', '.cts', '.tsx'],
  comments: SLASH_COMMENTS,
  dialect: typescriptDialect,
  grammars: (text) => (LOOKS_LIKE_JSX.test(text) ? TSX_FIRST : TS_FIRST),
});
