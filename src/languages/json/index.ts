/**
 * JSON and JSONC manifests: Mender `mender.conf`, AWS IoT policies, Azure `du-config.json`,
 * `.code-workspace`, `*.jsonc`. keyValues carry `path` = object keys and array indices (as strings);
 * every object / array value is itself a keyValue (kind 'object' / 'array', arrays with `elements`),
 * and every scalar inside is a keyValue too. Array elements use a zero-width `keyRange` at the element.
 */
import type { LanguageSupport } from '../../core/language';
import { baseName } from '../text-utils';
import { scanJson } from './scanner';

const JSON_EXTENSIONS = ['.json', '.jsonc', '.code-workspace'];

/** True for `*.json`, `*.jsonc`, `*.code-workspace` and Mender's `mender.conf` (JSON despite the name). */
export function isJsonFile(filePath: string): boolean {
  const name = baseName(filePath);
  return name === 'mender.conf' || JSON_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** JSON / JSONC documents. */
export const jsonLanguage: LanguageSupport = {
  id: 'json',
  // JSON has no comments; suppressions in JSONC use `//`, which the scanner accepts everywhere.
  comments: {},
  matches: isJsonFile,
  extract: (text) => Promise.resolve(scanJson(text)),
};
