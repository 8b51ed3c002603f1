/** Python front end (CPython scripts, MicroPython / CircuitPython firmware). */
import type { LanguageSupport } from '../../core/language';
import { createCodeLanguage } from '../tree-sitter/code-language';
import { pythonDialect } from './dialect';

/** Python: strings (r/b/u/f, triple), assignments, dict keys, calls with keyword args, env lookups, imports. */
export const pythonLanguage: LanguageSupport = createCodeLanguage({
  id: 'python',
  extensions: ['.py', '.pyw'],
  comments: { line: '#' },
  dialect: pythonDialect,
  grammars: () => ['tree-sitter-python'],
});
