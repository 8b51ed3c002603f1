/** JavaScript front end (Node-RED functions, MQTT.js / Johnny-Five device scripts, Espruino). */
import type { LanguageSupport } from '../../core/language';
import { createCodeLanguage, SLASH_COMMENTS } from '../tree-sitter/code-language';
import { javascriptDialect } from './dialect';

/** JavaScript: strings/templates, declarations, property assignments, object properties, calls, env, imports. */
export const javascriptLanguage: LanguageSupport = createCodeLanguage({
  id: 'javascript',
  extensions: ['.js', '.mjs', '.cjs', '.jsx'],
  comments: SLASH_COMMENTS,
  dialect: javascriptDialect,
  grammars: () => ['tree-sitter-javascript'],
});
