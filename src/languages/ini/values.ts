/**
 * Structured INI/TOML values: quoted strings (`"…"`, `'…'`, `"""…"""`, `'''…'''`), arrays
 * `[…]` (may span lines) and inline tables `{ k = v }`. Bare words go through `plainValue`.
 */
import type { KeyValueFact, Range, StringFact, ValueFact } from '../../core/facts';
import { decodeBackslashEscapes, isBlank, plainValue, sysenvReference } from '../text-utils';

const MAX_NESTING = 64;

/** Collected while reading one value: strings found and inline-table members. */
export interface ValueSink {
  strings: StringFact[];
  /** Inline-table members, with paths relative to the value (`['value']`, `['a', 'b']`). */
  members: { path: string[]; key: string; keyRange: Range; value: ValueFact; range: Range }[];
}

/** A parsed value and the offset just past it; undefined when the text is not a structured value. */
export interface Parsed {
  value: ValueFact;
  end: number;
}

/**
 * Reads a structured value starting at `s` (which holds `"`, `'`, `[` or `{`). Single-line
 * strings stop at `lineEnd`; arrays and triple-quoted strings may run on. Returns undefined
 * when the text does not parse, so the caller can fall back to a raw INI value.
 */
export function readStructured(text: string, s: number, lineEnd: number, sink: ValueSink, depth = 0): Parsed | undefined {
  if (depth > MAX_NESTING) return undefined;
  const c = text.charCodeAt(s);
  if (c === 0x22 || c === 0x27) return readQuoted(text, s, lineEnd, sink);
  if (c === 0x5b /* [ */) return readArray(text, s, sink, depth);
  if (c === 0x7b /* { */) return readInlineTable(text, s, lineEnd, sink, depth);
  return undefined;
}

function readQuoted(text: string, s: number, lineEnd: number, sink: ValueSink): Parsed | undefined {
  const q = text[s];
  const triple = text.startsWith(q + q + q, s);
  let innerStart: number;
  let innerEnd: number;
  let end: number;
  if (triple) {
    innerStart = s + 3;
    innerEnd = text.indexOf(q + q + q, innerStart);
    if (innerEnd < 0) return undefined;
    end = innerEnd + 3;
  } else {
    let i = s + 1;
    while (i < lineEnd && text[i] !== q) i += q === '"' && text.charCodeAt(i) === 0x5c ? 2 : 1;
    if (i >= lineEnd) return undefined;
    innerStart = s + 1;
    innerEnd = i;
    end = i + 1;
  }
  let body = text.slice(innerStart, innerEnd);
  if (triple) body = body.replace(/^\r?\n/, '').replace(/\r\n/g, '\n');
  const value = q === '"' ? decodeBackslashEscapes(body) : body;
  const range: Range = [s, end];
  const innerRange: Range = [innerStart, innerEnd];
  const envName = sysenvReference(value);
  if (envName !== undefined) return { value: { kind: 'env', text: text.slice(s, end), value, range, innerRange, envName }, end };
  sink.strings.push({ value, range, innerRange, kind: q === "'" ? 'raw' : 'string' });
  return { value: { kind: 'string', text: text.slice(s, end), value, range, innerRange }, end };
}

/** Skips blanks, newlines and `#` comments (inside arrays). */
function skipTrivia(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23) { const nl = text.indexOf('\n', i); i = nl < 0 ? text.length : nl + 1; }
    else break;
  }
  return i;
}

function readBare(text: string, s: number, stopAtEquals: boolean): Parsed | undefined {
  let i = s;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x5d || c === 0x7d || c === 0x23 || c === 0x0a || c === 0x0d || (stopAtEquals && c === 0x3d)) break;
    i++;
  }
  while (i > s && isBlank(text.charCodeAt(i - 1))) i--;
  if (i === s) return undefined;
  const word = text.slice(s, i);
  return { value: plainValue(word, [s, i], { booleans: true, numbers: true }), end: i };
}

function readElement(text: string, s: number, sink: ValueSink, depth: number): Parsed | undefined {
  const c = text.charCodeAt(s);
  if (c === 0x22 || c === 0x27 || c === 0x5b || c === 0x7b) {
    let le = text.indexOf('\n', s);
    if (le < 0) le = text.length;
    return readStructured(text, s, le, sink, depth + 1);
  }
  const bare = readBare(text, s, false);
  if (bare?.value.kind === 'string') sink.strings.push({ value: bare.value.text, range: bare.value.range, innerRange: bare.value.range, kind: 'string' });
  return bare;
}

function readArray(text: string, s: number, sink: ValueSink, depth: number): Parsed | undefined {
  const elements: ValueFact[] = [];
  let i = skipTrivia(text, s + 1);
  while (i < text.length && text.charCodeAt(i) !== 0x5d) {
    const el = readElement(text, i, sink, depth);
    if (!el) return undefined;
    elements.push(el.value);
    i = skipTrivia(text, el.end);
    if (text.charCodeAt(i) === 0x2c) i = skipTrivia(text, i + 1);
    else if (text.charCodeAt(i) !== 0x5d) return undefined;
  }
  if (i >= text.length) return undefined;
  const end = i + 1;
  return { value: { kind: 'array', text: text.slice(s, end), range: [s, end], innerRange: [s + 1, i], elements }, end };
}

function readInlineTable(text: string, s: number, lineEnd: number, sink: ValueSink, depth: number): Parsed | undefined {
  const members: ValueSink['members'] = [];
  const inner: ValueSink = { strings: sink.strings, members };
  let i = skipInline(text, s + 1, lineEnd);
  while (i < lineEnd && text.charCodeAt(i) !== 0x7d) {
    const key = readKey(text, i, lineEnd);
    if (!key) return undefined;
    i = skipInline(text, key.end, lineEnd);
    if (text.charCodeAt(i) !== 0x3d) return undefined;
    i = skipInline(text, i + 1, lineEnd);
    const before = members.length;
    const el = readElement(text, i, inner, depth);
    if (!el) return undefined;
    // Nested members (from `{ a = { b = 1 } }`) were pushed by the inner table; prefix them with this key.
    const nested = members.splice(before);
    members.push({ path: [key.name], key: key.name, keyRange: key.range, value: el.value, range: [key.range[0], el.end] });
    for (const m of nested) members.push({ ...m, path: [key.name, ...m.path] });
    i = skipInline(text, el.end, lineEnd);
    if (text.charCodeAt(i) === 0x2c) i = skipInline(text, i + 1, lineEnd);
    else if (text.charCodeAt(i) !== 0x7d) return undefined;
  }
  if (i >= lineEnd) return undefined;
  for (const m of members) sink.members.push(m);
  const end = i + 1;
  return { value: { kind: 'object', text: text.slice(s, end), range: [s, end], innerRange: [s + 1, i] }, end };
}

function skipInline(text: string, i: number, end: number): number {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Reads a bare or quoted key (`name`, `a.b`, `"quoted key"`) ending before `=`. */
export function readKey(text: string, s: number, lineEnd: number): { name: string; range: Range; end: number } | undefined {
  const c = text.charCodeAt(s);
  if (c === 0x22 || c === 0x27) {
    const close = text.indexOf(text[s], s + 1);
    if (close < 0 || close >= lineEnd) return undefined;
    return { name: text.slice(s + 1, close), range: [s, close + 1], end: close + 1 };
  }
  const bare = readBare(text, s, true);
  if (!bare) return undefined;
  return { name: bare.value.text, range: bare.value.range, end: bare.end };
}

/** Builds the keyValues of inline-table members under `parent` (`[section, key]`). */
export function memberKeyValues(parent: string[], members: ValueSink['members']): KeyValueFact[] {
  return members.map((m) => ({ path: [...parent, ...m.path], key: m.key, keyRange: m.keyRange, value: m.value, range: m.range }));
}
