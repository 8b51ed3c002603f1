/**
 * libconfig documents: SWUpdate's runtime configuration (`swupdate.cfg`, `*swupdate*.cfg`) and
 * `sw-description`. Syntax: `name = value;` or `name : value;`, groups `{ … }`, lists `( … )`,
 * arrays `[ … ]`, strings `"…"` (adjacent literals concatenate), `#`, `//` and `/* … *\/` comments,
 * `@include "file"` directives.
 *
 * keyValues use `path` = group names and list indices (as strings), like JSON: every setting is a
 * keyValue (groups kind 'object', lists/arrays kind 'array' with `elements`), list elements use a
 * zero-width `keyRange` at the element. Scalars: 'string' (decoded, `innerRange` without quotes),
 * 'boolean' (true/false, any case), 'number', else 'other'. Never throws; syntax problems are errors.
 */
import { emptyFacts } from '../../core/facts';
import type { Facts, Range, ValueFact } from '../../core/facts';
import type { ExtractResult, LanguageSupport, ParseError } from '../../core/language';
import { baseName, bomLength, decodeBackslashEscapes, parseNumberWord } from '../text-utils';

const NAME = /[A-Za-z*][-A-Za-z0-9_*]*/y;
const BARE = /[^\s;,{}()[\]"#/=:]+/y;
const MAX_DEPTH = 64;

/** True for SWUpdate's libconfig files: `swupdate.cfg`, `*swupdate*.cfg`, `sw-description`. */
export function isLibconfigFile(filePath: string): boolean {
  const name = baseName(filePath);
  return name === 'sw-description' || (name.endsWith('.cfg') && name.includes('swupdate'));
}

class Parser {
  i: number;
  readonly facts: Facts = emptyFacts();
  readonly errors: ParseError[] = [];

  constructor(readonly text: string) {
    this.i = bomLength(text);
  }

  /** Skips whitespace, comments (recorded) and `@include` lines. */
  skip(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') { this.i++; continue; }
      if (c === '#' || (c === '/' && t[this.i + 1] === '/') || (c === '@' && t.startsWith('@include', this.i))) {
        const end = lineEnd(t, this.i);
        if (c !== '@') this.facts.comments.push({ text: t.slice(this.i, end), range: [this.i, end] });
        this.i = end;
        continue;
      }
      if (c === '/' && t[this.i + 1] === '*') {
        const close = t.indexOf('*/', this.i + 2);
        const end = close < 0 ? t.length : close + 2;
        this.facts.comments.push({ text: t.slice(this.i, end), range: [this.i, end] });
        this.i = end;
        continue;
      }
      return;
    }
  }

  /** settings until `close` (or end of text at the top level). */
  settings(path: string[], close: string | undefined, depth: number): void {
    for (;;) {
      this.skip();
      if (this.i >= this.text.length) {
        if (close) this.error(`Missing '${close}'.`, [this.text.length, this.text.length]);
        return;
      }
      if (close && this.text[this.i] === close) { this.i++; return; }
      NAME.lastIndex = this.i;
      const m = NAME.exec(this.text);
      if (!m) {
        this.error('Expected a setting name.', [this.i, this.i + 1]);
        this.i++;
        continue;
      }
      const keyRange: Range = [this.i, this.i + m[0].length];
      this.i = keyRange[1];
      this.skip();
      const sep = this.text[this.i];
      if (sep !== '=' && sep !== ':') {
        this.error(`Expected '=' or ':' after '${m[0]}'.`, keyRange);
        continue;
      }
      this.i++;
      const value = this.value([...path, m[0]], depth);
      if (!value) continue;
      const entry = { path: [...path, m[0]], key: m[0], keyRange, value, range: [keyRange[0], value.range[1]] as Range };
      this.facts.keyValues.push(entry);
      this.skip();
      if (this.text[this.i] === ';' || this.text[this.i] === ',') this.i++;
    }
  }

  /** One value; groups and lists add their members' keyValues under `path`. */
  value(path: string[], depth: number): ValueFact | undefined {
    this.skip();
    const t = this.text;
    const start = this.i;
    const c = t[start];
    if (c === undefined) return undefined;
    if ((c === '{' || c === '(' || c === '[') && depth >= MAX_DEPTH) {
      this.error('Nesting too deep.', [start, start + 1]);
      this.i = t.length;
      return undefined;
    }
    if (c === '{') {
      this.i++;
      this.settings(path, '}', depth + 1);
      return { kind: 'object', text: t.slice(start, this.i), range: [start, this.i] };
    }
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      this.i++;
      const elements: ValueFact[] = [];
      for (;;) {
        this.skip();
        if (this.i >= t.length) { this.error(`Missing '${close}'.`, [start, start + 1]); break; }
        if (t[this.i] === close) { this.i++; break; }
        if (t[this.i] === ',') { this.i++; continue; }
        const at = this.i;
        const index = String(elements.length);
        const v = this.value([...path, index], depth + 1);
        if (!v || this.i === at) { this.error('Unexpected character in a list.', [at, at + 1]); this.i = at + 1; continue; }
        elements.push(v);
        this.facts.keyValues.push({ path: [...path, index], key: index, keyRange: [v.range[0], v.range[0]], value: v, range: v.range });
      }
      return { kind: 'array', text: t.slice(start, this.i), range: [start, this.i], elements };
    }
    if (c === '"') return this.string();
    BARE.lastIndex = start;
    const m = BARE.exec(t);
    if (!m) return undefined;
    this.i = start + m[0].length;
    const range: Range = [start, this.i];
    const word = m[0];
    const lower = word.toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'boolean', text: word, value: lower === 'true', range, innerRange: range };
    const n = parseNumberWord(word.replace(/L{1,2}$/, ''));
    if (n !== undefined) return { kind: 'number', text: word, value: n, range, innerRange: range };
    return { kind: 'other', text: word, value: word, range, innerRange: range };
  }

  /** `"a" "b"` — adjacent literals concatenate into one value. */
  string(): ValueFact {
    const t = this.text;
    const start = this.i;
    let value = '';
    let innerStart = start + 1;
    let innerEnd = start + 1;
    let end = start;
    let first = true;
    while (t[this.i] === '"') {
      const open = this.i;
      let j = open + 1;
      while (j < t.length && t[j] !== '"' && t[j] !== '\n') j += t[j] === '\\' ? 2 : 1;
      const closed = t[j] === '"';
      if (!closed) this.error('Unterminated string.', [open, j]);
      const body = t.slice(open + 1, Math.min(j, t.length));
      value += decodeBackslashEscapes(body);
      const r: Range = [open, closed ? j + 1 : j];
      this.facts.strings.push({ value: decodeBackslashEscapes(body), range: r, innerRange: [open + 1, Math.min(j, t.length)], kind: 'string' });
      if (first) innerStart = open + 1;
      innerEnd = Math.min(j, t.length);
      end = r[1];
      first = false;
      this.i = end;
      const save = this.i;
      this.skip();
      if (t[this.i] !== '"') { this.i = save; break; }
    }
    return { kind: 'string', text: t.slice(start, end), value, range: [start, end], innerRange: [innerStart, innerEnd] };
  }

  error(message: string, range: Range): void {
    if (this.errors.length < 50) this.errors.push({ message, range });
  }
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  const end = nl < 0 ? text.length : nl;
  return end > i && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}

/** Parses a libconfig document into keyValues, strings and comments. Never throws. */
export function extractLibconfig(text: string): ExtractResult {
  const p = new Parser(text);
  try {
    p.settings([], undefined, 0);
  } catch (e) {
    p.errors.push({ message: `libconfig parse failed: ${String(e)}`, range: [0, 0] });
  }
  return { facts: p.facts, errors: p.errors };
}

/** SWUpdate libconfig files. */
export const libconfigLanguage: LanguageSupport = {
  id: 'libconfig',
  comments: { line: '#', block: ['/*', '*/'] },
  matches: isLibconfigFile,
  extract: (text) => Promise.resolve(extractLibconfig(text)),
};
