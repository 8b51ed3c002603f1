/**
 * Small helpers shared by the manifest parsers (YAML, JSON, INI, Kconfig, dotenv, PEM).
 * Everything here works on UTF-16 offsets into the original document text and never throws.
 */
import type { PemBlockFact, Range, ValueFact } from '../core/facts';

/** Lower-cased last path segment of a forward-slash path (backslashes tolerated). */
export function baseName(filePath: string): string {
  // Called for every file by every language's name test: no copy of the whole path.
  return filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1).toLowerCase();
}

/** Lower-cased name of the folder that holds `filePath` ('' at the root). */
export function parentName(filePath: string): string {
  const p = filePath.replace(/\\/g, '/');
  const end = p.lastIndexOf('/');
  if (end < 0) return '';
  return p.slice(p.lastIndexOf('/', end - 1) + 1, end).toLowerCase();
}

/** 1 when the text starts with a UTF-8 byte-order mark (decoded to U+FEFF), else 0. */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** True for space and tab. */
export function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Index of the end of the line containing `i`, excluding `\r\n` / `\n`. */
export function lineContentEnd(text: string, i: number): number {
  let nl = text.indexOf('\n', i);
  if (nl < 0) nl = text.length;
  return nl > i && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
}

/** Index just past the line break that ends the line containing `i` (or text.length). */
export function nextLineStart(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl + 1;
}

/** First index in [from, to) that is not a space or tab (or `to`). */
export function skipBlanks(text: string, from: number, to: number): number {
  while (from < to && isBlank(text.charCodeAt(from))) from++;
  return from;
}

/** Last index + 1 in [from, to) after trimming trailing spaces/tabs. */
export function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  return to;
}

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true], ['false', false], ['yes', true], ['no', false], ['on', true], ['off', false],
]);

/** INI/YAML-1.1 style boolean words (true/false/yes/no/on/off, any case), else undefined. */
export function booleanWord(word: string): boolean | undefined {
  return word.length <= 5 ? BOOLEAN_WORDS.get(word.toLowerCase()) : undefined;
}

const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const HEX = /^[-+]?0[xX][0-9a-fA-F]+$/;

/** Parses a decimal / float / hex literal; undefined when `text` is not one (or not finite). */
export function parseNumberWord(text: string): number | undefined {
  if (text.length === 0 || text.length > 64) return undefined;
  let n: number;
  if (DECIMAL.test(text)) n = Number(text);
  else if (HEX.test(text)) n = text.charCodeAt(0) === 0x2d ? -parseInt(text.slice(3), 16) : parseInt(text.replace(/^\+?0[xX]/, ''), 16);
  else return undefined;
  return Number.isFinite(n) ? n : undefined;
}

// `${sysenv.NAME}` (PlatformIO), `${env:NAME}` (VS Code style), `${NAME}` / `${NAME:-default}` / `$NAME` (shell, dotenv).
const SYSENV_REF = /^\$\{(?:sysenv\.|env:)([A-Za-z_][A-Za-z0-9_]*)\}$/;
const SHELL_REF = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?+-][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))$/;

/** Name of the environment variable when the whole value is `${sysenv.X}` or `${env:X}`. */
export function sysenvReference(value: string): string | undefined {
  return value.length < 256 ? SYSENV_REF.exec(value)?.[1] : undefined;
}

/** Name of the variable when the whole value is a shell-style `${X}`, `${X:-d}` or `$X` reference. */
export function shellReference(value: string): string | undefined {
  if (value.length >= 256 || value.charCodeAt(0) !== 0x24) return undefined;
  const m = SHELL_REF.exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * Classifies an unquoted manifest word: env reference, boolean word, number, else string.
 * `range` covers `text` exactly.
 */
export function plainValue(text: string, range: Range, opts: { booleans: boolean; numbers: boolean }): ValueFact {
  const envName = sysenvReference(text);
  if (envName !== undefined) return { kind: 'env', text, value: text, range, innerRange: range, envName };
  if (opts.booleans) {
    const b = booleanWord(text);
    if (b !== undefined) return { kind: 'boolean', text, value: b, range, innerRange: range };
  }
  if (opts.numbers) {
    const n = parseNumberWord(text);
    if (n !== undefined) return { kind: 'number', text, value: n, range, innerRange: range };
  }
  return { kind: 'string', text, value: text, range, innerRange: range };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0', e: '\x1b', a: '\x07',
  '"': '"', "'": "'", '\\': '\\', '/': '/', '`': '`', '$': '$', ' ': ' ',
};

/**
 * Decodes backslash escapes of a C/JSON/TOML-like string body: `\n`, `\"`, `\\`, `\uXXXX`,
 * `\UXXXXXXXX`, `\xXX`. Unknown escapes keep the escaped character.
 */
export function decodeBackslashEscapes(body: string): string {
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  let i = 0;
  while (i < body.length) {
    const bs = body.indexOf('\\', i);
    if (bs < 0 || bs === body.length - 1) { out += body.slice(i); break; }
    out += body.slice(i, bs);
    const c = body[bs + 1];
    const hexLen = c === 'u' ? 4 : c === 'U' ? 8 : c === 'x' ? 2 : 0;
    if (hexLen) {
      const hex = body.slice(bs + 2, bs + 2 + hexLen);
      const cp = hex.length === hexLen && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : NaN;
      if (cp <= 0x10ffff) { out += String.fromCodePoint(cp); i = bs + 2 + hexLen; continue; }
    }
    out += SIMPLE_ESCAPES[c] ?? c;
    i = bs + 2;
  }
  return out;
}

const PEM_BEGIN = /-----BEGIN ([A-Z0-9][A-Z0-9 ]{0,80})-----/g;
const BASE64_LINE = /^[A-Za-z0-9+/=]*$/;
const BACKSLASH_ESCAPE = /\\./g;
const NON_BASE64 = /[^A-Za-z0-9+/=]+/g;

/** A PEM block plus the problem found while reading it (missing END). */
export interface PemScanResult {
  blocks: PemBlockFact[];
  /** Ranges of BEGIN markers that have no matching END (the block then runs to `end`). */
  unterminated: Range[];
}

/**
 * Finds `-----BEGIN X-----` … `-----END X-----` blocks in `text[start, end)`. Body lines
 * keep only base64 characters, so RFC 1421 headers (`Proc-Type: …`) and C/JS quoting
 * (`"…\n"`) are dropped. Linear: one pass of `indexOf` per marker.
 */
export function scanPemBlocks(text: string, start = 0, end = text.length): PemScanResult {
  const blocks: PemBlockFact[] = [];
  const unterminated: Range[] = [];
  PEM_BEGIN.lastIndex = start;
  for (;;) {
    const m = PEM_BEGIN.exec(text);
    if (!m || m.index >= end) break;
    const label = m[1].trim();
    const beginStart = m.index;
    const bodyStart = beginStart + m[0].length;
    const endMarker = `-----END ${label}-----`;
    let endAt = text.indexOf(endMarker, bodyStart);
    // Another BEGIN before our END means this block is unterminated (common in broken chains).
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    if (endAt >= 0 && (endAt + endMarker.length > end || (nextBegin >= 0 && nextBegin < endAt))) endAt = -1;
    const bodyEnd = endAt >= 0 ? endAt : nextBegin >= 0 && nextBegin < end ? nextBegin : end;
    const blockEnd = endAt >= 0 ? endAt + endMarker.length : trimTrailingSpace(text, bodyStart, bodyEnd);
    if (endAt < 0) unterminated.push([beginStart, bodyStart]);
    blocks.push({ label, range: [beginStart, blockEnd], body: base64Body(text, bodyStart, bodyEnd) });
    PEM_BEGIN.lastIndex = Math.max(blockEnd, bodyStart);
  }
  return { blocks, unterminated };
}

function trimTrailingSpace(text: string, from: number, to: number): number {
  while (to > from) {
    const c = text.charCodeAt(to - 1);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    to--;
  }
  return to;
}

function base64Body(text: string, from: number, to: number): string {
  const parts: string[] = [];
  let i = from;
  while (i < to) {
    let le = text.indexOf('\n', i);
    if (le < 0 || le > to) le = to;
    const line = text.slice(i, le);
    // RFC 1421 encapsulated headers (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`) are not body.
    if (BASE64_LINE.test(line)) parts.push(line);
    else if (line.indexOf(':') < 0 || line.indexOf('\\n') >= 0) {
      // `\n` inside a C/JS literal is an escape, not base64 `n`; quotes and blanks are dropped.
      parts.push(line.replace(BACKSLASH_ESCAPE, '').replace(NON_BASE64, ''));
    }
    i = le + 1;
  }
  return parts.join('');
}
