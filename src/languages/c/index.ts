/** C front end (`.c`, `.h`; the C grammar also reads most Arduino headers). */
import type { LanguageSupport } from '../../core/language';
import { createCodeLanguage, SLASH_COMMENTS } from '../tree-sitter/code-language';
import { blankAttributeMacros, cDialect } from './dialect';

/** C: strings, defines, declarations, designated initializers, calls, includes, PEM blocks. */
export const cLanguage: LanguageSupport = createCodeLanguage({
  id: 'c',
  extensions: ['.c', '.h'],
  comments: SLASH_COMMENTS,
  dialect: cDialect,
  grammars: () => ['tree-sitter-c'],
  prepare: blankAttributeMacros,
});
