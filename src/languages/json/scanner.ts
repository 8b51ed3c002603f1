/**
 * An iterative, error-tolerant JSON / JSONC scanner that keeps UTF-16 ranges. No recursion, so
 * deeply nested input cannot overflow the stack; one pass over the text, so 50 MB files stay fast.
 * `//` and `/* *\/` comments and trailing commas are accepted (JSONC, VS Code settings).
 */
import { emptyFacts } from '../../core/facts';
import type { KeyValueFact, Range, ValueFact } from '../../core/facts';
import type { ExtractResult, ParseError } from '../../core/language';
import { bomLength, decodeBackslashEscapes } from '../text-utils';

/** Values nested deeper than this still parse, but get no keyValues (their paths would be huge). */
export const MAX_FACT_DEPTH = 512;
const MAX_ERRORS = 100;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const GARBAGE = /[^\s{}[\]",:/]+/y;

type State = 'key' | 'colon' | 'value' | 'after';

interface Frame {
  isArray: boolean;
  start: number;
  state: State;
  /** Number of values read so far (array index of the next element). */
  count: number;
  key?: string;
  keyRange?: Range;
  value: ValueFact;
  kv?: KeyValueFact;
}

/** Scans JSON/JSONC text into keyValues (paths of keys / indices), strings and comments. Never throws. */
export function scanJson(text: string): ExtractResult {
  const facts = emptyFacts();
  const errors: ParseError[] = [];
  const len = text.length;
  const stack: Frame[] = [];
  const path: string[] = [];
  let pos = bomLength(text);
  let rootDone = false;
  let depthWarned = false;

  const error = (message: string, start: number, end: number): void => {
    if (errors.length < MAX_ERRORS) errors.push({ message, range: [start, Math.max(end, start)] });
  };

  /** Registers a value (scalar or just-opened container) with the enclosing frame. */
  const place = (value: ValueFact): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (rootDone) error('Unexpected content after the JSON value.', value.range[0], value.range[1]);
      rootDone = true;
      return;
    }
    const depth = stack.length;
    if (top.isArray) {
      top.value.elements!.push(value);
      if (depth <= MAX_FACT_DEPTH) {
        path.length = depth - 1;
        const key = String(top.count);
        path.push(key);
        facts.keyValues.push({ path: path.slice(), key, keyRange: [value.range[0], value.range[0]], value, range: value.range });
      }
    } else if (depth <= MAX_FACT_DEPTH) {
      path.length = depth - 1;
      const key = top.key ?? '';
      path.push(key);
      const keyRange = top.keyRange ?? [value.range[0], value.range[0]];
      facts.keyValues.push({ path: path.slice(), key, keyRange, value, range: [keyRange[0], value.range[1]] });
    } else if (!depthWarned) {
      depthWarned = true;
      error(`Nesting deeper than ${MAX_FACT_DEPTH} levels; deeper entries are not reported.`, value.range[0], value.range[0] + 1);
    }
    top.count++;
    top.state = 'after';
  };

  const open = (isArray: boolean): void => {
    const value: ValueFact = { kind: isArray ? 'array' : 'object', text: '', range: [pos, pos + 1], ...(isArray ? { elements: [] } : {}) };
    place(value);
    const parent = stack[stack.length - 1];
    const kv = parent && stack.length <= MAX_FACT_DEPTH ? facts.keyValues[facts.keyValues.length - 1] : undefined;
    stack.push({ isArray, start: pos, state: isArray ? 'value' : 'key', count: 0, value, kv: kv?.value === value ? kv : undefined });
    pos++;
  };

  const close = (end: number): void => {
    const f = stack.pop()!;
    f.value.range = [f.start, end];
    f.value.text = text.slice(f.start, end);
    f.value.innerRange = [f.start + 1, Math.max(f.start + 1, end - 1)];
    if (f.kv) f.kv.range = [f.kv.range[0], end];
  };

  while (pos < len) {
    const c = text.charCodeAt(pos);
    // Whitespace.
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) { pos++; continue; }
    // Comments (JSONC).
    if (c === 0x2f /* / */) {
      const n = text.charCodeAt(pos + 1);
      if (n === 0x2f) {
        let e = text.indexOf('\n', pos);
        if (e < 0) e = len;
        const ce = text.charCodeAt(e - 1) === 0x0d ? e - 1 : e;
        facts.comments.push({ text: text.slice(pos, ce), range: [pos, ce] });
        pos = e;
        continue;
      }
      if (n === 0x2a) {
        let e = text.indexOf('*/', pos + 2);
        if (e < 0) { error('Unterminated block comment.', pos, len); e = len; } else e += 2;
        facts.comments.push({ text: text.slice(pos, e), range: [pos, e] });
        pos = e;
        continue;
      }
    }
    const top = stack[stack.length - 1];
    const state: State = top ? top.state : 'value';

    if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      const wantArray = c === 0x5d;
      if (top && top.isArray === wantArray) {
        if (!top.isArray && (state === 'colon' || (state === 'value' && top.key !== undefined))) error('Expected a value.', pos, pos + 1);
        pos++;
        close(pos);
        continue;
      }
      // Mismatched bracket: close up to the matching frame if there is one.
      let k = stack.length - 1;
      while (k >= 0 && stack[k].isArray !== wantArray) k--;
      error(`Unexpected '${text[pos]}'.`, pos, pos + 1);
      if (k >= 0) {
        while (stack.length - 1 > k) close(pos);
        pos++;
        close(pos);
      } else pos++;
      continue;
    }

    if (state === 'after') {
      if (c === 0x2c /* , */) { top!.state = top!.isArray ? 'value' : 'key'; top!.key = undefined; pos++; continue; }
      error(`Expected ',' or '${top!.isArray ? ']' : '}'}'.`, pos, pos + 1);
      top!.state = top!.isArray ? 'value' : 'key';
      top!.key = undefined;
      continue;                                    // re-read this character as the next key / value
    }

    if (state === 'key') {
      if (c === 0x22) {
        const s = readString(text, pos, errors);
        top!.key = s.value;
        top!.keyRange = s.range;
        top!.state = 'colon';
        pos = s.range[1];
        continue;
      }
      if (c === 0x2c) { error('Unexpected \',\'.', pos, pos + 1); pos++; continue; }
      // JSON5-style bare key or garbage: report and take the word as the key so the value still counts.
      GARBAGE.lastIndex = pos;
      const g = GARBAGE.exec(text);
      const end = g ? pos + g[0].length : pos + 1;
      error('Expected a property name in double quotes.', pos, end);
      top!.key = text.slice(pos, end);
      top!.keyRange = [pos, end];
      top!.state = 'colon';
      pos = end;
      continue;
    }

    if (state === 'colon') {
      if (c === 0x3a /* : */) { top!.state = 'value'; pos++; continue; }
      error("Expected ':'.", pos, pos + 1);
      top!.state = 'value';
      continue;
    }

    // state === 'value'
    if (c === 0x7b) { open(false); continue; }
    if (c === 0x5b) { open(true); continue; }
    if (c === 0x22) {
      const s = readString(text, pos, errors);
      facts.strings.push({ value: s.value, range: s.range, innerRange: s.innerRange, kind: 'string' });
      place({ kind: 'string', text: text.slice(s.range[0], s.range[1]), value: s.value, range: s.range, innerRange: s.innerRange });
      pos = s.range[1];
      continue;
    }
    if (c === 0x2c) {
      error(top ? 'Expected a value.' : "Unexpected ','.", pos, pos + 1);
      if (top?.isArray) top.count++;
      else if (top) { top.state = 'key'; top.key = undefined; }
      pos++;
      continue;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = pos;
      const m = NUMBER.exec(text);
      if (m && m[0].length > 0 && m[0] !== '-') {
        const end = pos + m[0].length;
        place({ kind: 'number', text: m[0], value: Number(m[0]), range: [pos, end], innerRange: [pos, end] });
        pos = end;
        continue;
      }
    }
    if (text.startsWith('true', pos) || text.startsWith('false', pos) || text.startsWith('null', pos)) {
      const word = c === 0x66 ? 'false' : c === 0x74 ? 'true' : 'null';
      const end = pos + word.length;
      const range: Range = [pos, end];
      place(word === 'null'
        ? { kind: 'null', text: word, range, innerRange: range }
        : { kind: 'boolean', text: word, value: word === 'true', range, innerRange: range });
      pos = end;
      continue;
    }
    GARBAGE.lastIndex = pos;
    const g = GARBAGE.exec(text);
    const end = g && g[0].length > 0 ? pos + g[0].length : pos + 1;
    error('Unexpected token.', pos, end);
    // Keep the entry (as kind 'other') so its key still reaches the rules.
    place({ kind: 'other', text: text.slice(pos, end), range: [pos, end], innerRange: [pos, end] });
    pos = end;
  }
  while (stack.length) {
    const f = stack[stack.length - 1];
    error(`Unclosed '${f.isArray ? '[' : '{'}'.`, f.start, f.start + 1);
    close(len);
  }
  return { facts, errors, errorRanges: errors.map((e) => e.range) };
}

/** Reads a double-quoted string at `pos`; an unterminated one ends at the line break. */
function readString(text: string, pos: number, errors: ParseError[]): { value: string; range: Range; innerRange: Range } {
  const len = text.length;
  let i = pos + 1;
  let escaped = false;
  for (;;) {
    if (i >= len) break;
    const c = text.charCodeAt(i);
    if (c === 0x22) break;
    if (c === 0x5c) { escaped = true; i += 2; continue; }
    if (c === 0x0a || c === 0x0d) break;
    i++;
  }
  if (i > len) i = len;
  const closed = i < len && text.charCodeAt(i) === 0x22;
  if (!closed && errors.length < MAX_ERRORS) errors.push({ message: 'Unterminated string.', range: [pos, i] });
  const body = text.slice(pos + 1, i);
  return { value: escaped ? decodeBackslashEscapes(body) : body, range: [pos, closed ? i + 1 : i], innerRange: [pos + 1, i] };
}
