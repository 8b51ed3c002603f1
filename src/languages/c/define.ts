/**
 * `#define NAME value` bodies are opaque `preproc_arg` text to tree-sitter, yet they are where
 * IoT firmware keeps Wi-Fi passwords, broker URLs and keys. This scans that text for literals
 * and classifies the value with exact UTF-16 ranges inside the argument.
 */
import type { StringFact, ValueFact } from '../../core/facts';
import { decodeEscapes, parseNumber } from '../tree-sitter/text';

// Unambiguous (no overlap between digits, the fraction and the suffix), so matching is linear.
const NUMBER = /^[-+]?(?:0[xX][0-9a-fA-F']+[uUlL]*|(?:[0-9][0-9']*(?:\.[0-9']*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?[uUlLfF]*)$/;
const IDENTIFIER = /^[A-Za-z_]\w*(?:(?:\.|->|::)[A-Za-z_]\w*)*$/;
const GETENV = /^(?:std::)?(?:secure_)?getenv\s*\(\s*"([^"\\]*)"\s*\)$/;
const NULLS = new Set(['NULL', 'nullptr']);

interface Scan {
  /** Adjacent-literal groups, offsets relative to the argument text. */
  groups: StringFact[];
  /** Where code ends (a trailing comment starts), before trimming. */
  end: number;
}

function isIdentChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Returns the index after a (raw) string literal starting at `i` (the prefix start), or -1. */
function literalAt(s: string, i: number): { quote: number; innerStart: number; innerEnd: number; end: number; raw: boolean } | -1 {
  if (i > 0 && isIdentChar(s.charCodeAt(i - 1))) return -1;
  let j = i;
  if (s.startsWith('u8', j)) j += 2;
  else if (s[j] === 'u' || s[j] === 'U' || s[j] === 'L') j++;
  const raw = s[j] === 'R';
  if (raw) j++;
  if (s[j] !== '"') return -1;
  if (raw) {
    const open = s.indexOf('(', j + 1);
    if (open < 0) return -1;
    const close = s.indexOf(`)${s.slice(j + 1, open)}"`, open + 1);
    if (close < 0) return -1;
    return { quote: j, innerStart: open + 1, innerEnd: close, end: close + open - j + 1, raw };
  }
  let k = j + 1;
  while (k < s.length && s[k] !== '"' && s[k] !== '\n') k += s[k] === '\\' ? 2 : 1;
  const closed = s[k] === '"';
  return { quote: j, innerStart: j + 1, innerEnd: Math.min(k, s.length), end: closed ? k + 1 : Math.min(k, s.length), raw };
}

/** Skips whitespace and backslash-newline continuations. */
function skipSpace(s: string, i: number): number {
  for (;;) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') i++;
    else if (c === '\\' && (s[i + 1] === '\n' || s[i + 1] === '\r')) i += 2;
    else return i;
  }
}

/** Finds literal groups and the start of any trailing comment in a define argument. */
function scan(s: string, base: number): Scan {
  const groups: StringFact[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '/' && (s[i + 1] === '/' || s[i + 1] === '*')) return { groups, end: i };
    if (c === '\'') {
      i++;
      while (i < s.length && s[i] !== '\'') i += s[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    const lit = c === '"' || c === 'u' || c === 'U' || c === 'L' || c === 'R' ? literalAt(s, i) : -1;
    if (lit === -1) { i++; continue; }
    // Collect adjacent literals `"a" "b"` (possibly across line continuations) into one fact.
    const start = i;
    let value = '';
    let last = lit;
    let kinds = 0;
    for (let cur: typeof lit | -1 = lit; cur !== -1; ) {
      const inner = s.slice(cur.innerStart, cur.innerEnd);
      value += cur.raw ? inner : decodeEscapes(inner);
      kinds |= cur.raw ? 2 : 1;
      last = cur;
      const next = skipSpace(s, cur.end);
      cur = next < s.length ? literalAt(s, next) : -1;
    }
    groups.push({
      value,
      range: [base + start, base + last.end],
      innerRange: [base + lit.innerStart, base + last.innerEnd],
      kind: kinds === 2 ? 'raw' : 'string',
    });
    i = last.end;
  }
  return { groups, end: s.length };
}

function trimRange(s: string, start: number, end: number): [number, number] {
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && (s.charCodeAt(end - 1) <= 32 || (s[end - 1] === '\\' && end - 1 > start))) end--;
  return [start, end];
}

function closingParen(s: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function classify(s: string, start: number, end: number, base: number, groups: readonly StringFact[]): ValueFact {
  [start, end] = trimRange(s, start, end);
  // `#define PORT (1883U)`: the parentheses are macro hygiene, not part of the value.
  while (s[start] === '(' && closingParen(s, start, end) === end - 1) [start, end] = trimRange(s, start + 1, end - 1);
  const text = s.slice(start, end);
  const range = [base + start, base + end] as const;
  const group = groups.find((g) => g.range[0] === base + start && g.range[1] === base + end);
  if (group) return { kind: 'string', text, value: group.value, range, innerRange: group.innerRange };
  if (NUMBER.test(text)) return { kind: 'number', text, value: parseNumber(text), range };
  if (text === 'true' || text === 'false') return { kind: 'boolean', text, value: text === 'true', range };
  if (NULLS.has(text)) return { kind: 'null', text, range };
  if (IDENTIFIER.test(text)) return { kind: 'identifier', text, range };
  const env = GETENV.exec(text);
  if (env) return { kind: 'env', text, range, envName: env[1] };
  if (text.startsWith('{') && text.endsWith('}')) {
    return { kind: 'array', text, range, elements: splitElements(s, start + 1, end - 1).map(([a, b]) => classify(s, a, b, base, groups)) };
  }
  return { kind: 'other', text, range };
}

/** Splits `{ a, "b,c", {d, e} }` contents at top-level commas. */
function splitElements(s: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = s[i];
    if (c === '"' || c === '\'') {
      i++;
      while (i < end && s[i] !== c) i += s[i] === '\\' ? 2 : 1;
    } else if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) { out.push([from, i]); from = i + 1; }
  }
  const [a, b] = trimRange(s, from, end);
  if (b > a) out.push([from, end]);
  return out;
}

/** Classifies a define argument (text at document offset `base`); returns its literal groups and where a trailing comment starts. */
export function parseDefineArg(arg: string, base: number): { value: ValueFact; strings: StringFact[]; commentStart?: number } {
  const { groups, end } = scan(arg, base);
  return { value: classify(arg, 0, end, base, groups), strings: groups, commentStart: end < arg.length ? base + end : undefined };
}
