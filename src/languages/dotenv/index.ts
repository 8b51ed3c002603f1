/**
 * dotenv files (`.env`, `.env.local`, `*.env`): `KEY=value`, `export KEY=value`, `KEY: value`,
 * single / double / backtick quotes (quoted values may span lines), `#` comments.
 * Values are always kind 'string' (the environment holds strings), except a value that is
 * wholly a reference (`${OTHER}`, `${OTHER:-x}`, `$OTHER`, unquoted or double-quoted): kind 'env'.
 */
import { emptyFacts } from '../../core/facts';
import type { Facts, ValueFact } from '../../core/facts';
import type { ExtractResult, LanguageSupport, ParseError } from '../../core/language';
import {
  baseName, bomLength, decodeBackslashEscapes, isBlank, lineContentEnd, nextLineStart, shellReference, trimEnd,
} from '../text-utils';

const KEY = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const EXPORT = /export[ \t]+/y;

/** True for `.env`, `.env.<anything>` and `*.env`. */
export function isDotenvFile(filePath: string): boolean {
  const name = baseName(filePath);
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

/** Parses a dotenv file into keyValues, strings and comments. Never throws. */
export function extractDotenv(text: string): ExtractResult {
  const facts = emptyFacts();
  const errors: ParseError[] = [];
  let ls = bomLength(text);
  while (ls < text.length) {
    const le = lineContentEnd(text, ls);
    let s = ls;
    while (s < le && isBlank(text.charCodeAt(s))) s++;
    const e = trimEnd(text, s, le);
    if (s === e) { ls = nextLineStart(text, ls); continue; }
    if (text.charCodeAt(s) === 0x23 /* # */) {
      facts.comments.push({ text: text.slice(s, e), range: [s, e] });
      ls = nextLineStart(text, ls);
      continue;
    }
    EXPORT.lastIndex = s;
    const ex = text.charCodeAt(s) === 0x65 /* e */ ? EXPORT.exec(text) : null;
    const ks = s + (ex && s + ex[0].length < e ? ex[0].length : 0);
    KEY.lastIndex = ks;
    const km = KEY.exec(text);
    let d = km && ks + km[0].length <= e ? skipBlanks(text, ks + km[0].length, e) : e;
    const delim = text.charCodeAt(d);
    if (!km || (delim !== 0x3d /* = */ && delim !== 0x3a /* : */)) {
      errors.push({ message: 'Expected KEY=value.', range: [s, e] });
      ls = nextLineStart(text, ls);
      continue;
    }
    const key = km[0];
    d = skipBlanks(text, d + 1, e);
    const { value, next } = readValue(text, d, e, le, facts, errors);
    facts.keyValues.push({ path: [key], key, keyRange: [ks, ks + key.length], value, range: [s, value.range[1]] });
    ls = next;
  }
  return { facts, errors, errorRanges: errors.map((er) => er.range) };
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

function readValue(
  text: string, s: number, e: number, le: number, facts: Facts, errors: ParseError[],
): { value: ValueFact; next: number } {
  const q = text.charCodeAt(s);
  if (s < e && (q === 0x22 || q === 0x27 || q === 0x60) /* " ' ` */) {
    // Quoted values may span lines; the closing quote ends the value.
    let i = s + 1;
    while (i < text.length && text.charCodeAt(i) !== q) i += q !== 0x27 && text.charCodeAt(i) === 0x5c ? 2 : 1;
    if (i >= text.length) {
      errors.push({ message: 'Unterminated quoted value.', range: [s, e] });
      const value = text.slice(s + 1, e);
      facts.strings.push({ value, range: [s, e], innerRange: [s + 1, e], kind: 'string' });
      return { value: { kind: 'string', text: text.slice(s, e), value, range: [s, e], innerRange: [s + 1, e] }, next: nextLineStart(text, le) };
    }
    const end = i + 1;
    const raw = text.slice(s + 1, i).replace(/\r\n/g, '\n');
    const decoded = q === 0x22 ? decodeBackslashEscapes(raw) : raw;
    const restEnd = lineContentEnd(text, end);
    const rest = skipBlanks(text, end, restEnd);
    if (rest < restEnd && text.charCodeAt(rest) === 0x23) {
      const ce = trimEnd(text, rest, restEnd);
      facts.comments.push({ text: text.slice(rest, ce), range: [rest, ce] });
    }
    const range = [s, end] as const;
    const innerRange = [s + 1, i] as const;
    const envName = q === 0x22 ? shellReference(decoded) : undefined;
    if (envName !== undefined) {
      return { value: { kind: 'env', text: text.slice(s, end), value: decoded, range, innerRange, envName }, next: nextLineStart(text, end) };
    }
    facts.strings.push({ value: decoded, range, innerRange, kind: q === 0x27 ? 'raw' : 'string' });
    return { value: { kind: 'string', text: text.slice(s, end), value: decoded, range, innerRange }, next: nextLineStart(text, end) };
  }
  // Unquoted: ` #` starts an inline comment.
  let end = e;
  for (let i = s; i < e; i++) {
    if (text.charCodeAt(i) === 0x23 && (i === s || isBlank(text.charCodeAt(i - 1)))) {
      facts.comments.push({ text: text.slice(i, e), range: [i, e] });
      end = trimEnd(text, s, i);
      break;
    }
  }
  const word = text.slice(s, end);
  const range = [s, end] as const;
  const envName = shellReference(word);
  if (envName !== undefined) return { value: { kind: 'env', text: word, value: word, range, innerRange: range, envName }, next: nextLineStart(text, le) };
  facts.strings.push({ value: word, range, innerRange: range, kind: 'string' });
  return { value: { kind: 'string', text: word, value: word, range, innerRange: range }, next: nextLineStart(text, le) };
}

/** dotenv files. */
export const dotenvLanguage: LanguageSupport = {
  id: 'dotenv',
  comments: { line: '#' },
  matches: isDotenvFile,
  extract: (text) => Promise.resolve(extractDotenv(text)),
};
