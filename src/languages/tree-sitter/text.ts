/**
 * Small text helpers shared by the code front ends: escape decoding, number parsing and
 * callee splitting. All regexes are module constants so nothing is rebuilt per call.
 */

const WHITESPACE = /\s+/g;
const HEX_PREFIX = /^[-+]?0[xX]/;
// The lookbehinds make a suffix match start only where the run starts (linear, not quadratic).
const HEX_SUFFIX = /(?<![uUlLnN])[uUlLnN]+$/;
const DEC_SUFFIX = /(?<![uUlLfFnNjJdDmM])[uUlLfFnNjJdDmM]+$/;
const DIGIT_SEPARATORS = /['_]/g;
const C_OCTAL = /^0[0-7]+$/;

/** Removes all whitespace (callee and target texts are compared without it). */
export function compact(text: string): string {
  // Most callees and targets have no whitespace at all: skip the regex unless some character could
  // be whitespace (ASCII control/space, or anything non-ASCII, where Unicode spaces live).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127) return text.replace(WHITESPACE, '');
  }
  return text;
}

/**
 * Resolves backslash escapes common to C, Python and JS (`\n`, `\"`, `\\`, `\x41`, `\u00e9`,
 * `\u{1F600}`, octal, line continuations). Unknown escapes keep the escaped character.
 */
export function decodeEscapes(raw: string): string {
  let bs = raw.indexOf('\\');
  if (bs < 0) return raw; // fast path: most literals have no escapes
  let out = '';
  let i = 0;
  while (bs >= 0 && bs < raw.length - 1) {
    out += raw.slice(i, bs);
    const c = raw[bs + 1];
    i = bs + 2;
    switch (c) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'e': out += '\x1b'; break;
      case '\n': break; // line continuation
      case '\r': if (raw[i] === '\n') i++; break;
      case 'x': i = readCode(raw, i, 2, 16, (s) => (out += s)); break;
      case 'u':
        if (raw[i] === '{') {
          const close = raw.indexOf('}', i);
          const cp = close > 0 ? parseInt(raw.slice(i + 1, close), 16) : NaN;
          if (Number.isFinite(cp) && cp <= 0x10ffff) { out += String.fromCodePoint(cp); i = close + 1; } else out += 'u';
        } else i = readCode(raw, i, 4, 16, (s) => (out += s), 'u');
        break;
      case 'U': i = readCode(raw, i, 8, 16, (s) => (out += s), 'U'); break;
      default:
        if (c >= '0' && c <= '7') i = readCode(raw, i - 1, 3, 8, (s) => (out += s));
        else out += c; // \" \' \\ \? \` and unknown escapes
    }
    bs = raw.indexOf('\\', i);
  }
  return out + raw.slice(i);
}

/** Reads up to `max` digits of `radix` at `at`, emits the code point, returns the new index. */
function readCode(raw: string, at: number, max: number, radix: number, emit: (s: string) => void, fallback = ''): number {
  let end = at;
  while (end < raw.length && end - at < max && isDigit(raw.charCodeAt(end), radix)) end++;
  if (end === at) { emit(fallback || raw[at - 1]); return at; }
  const cp = parseInt(raw.slice(at, end), radix);
  emit(cp <= 0x10ffff ? String.fromCodePoint(cp) : '');
  return end;
}

function isDigit(code: number, radix: number): boolean {
  if (code >= 48 && code <= 55) return true; // 0-7
  if (radix === 8) return false;
  if (code === 56 || code === 57) return true;
  return radix === 16 && ((code >= 65 && code <= 70) || (code >= 97 && code <= 102));
}

/** Parses C/Python/JS numeric literal text (`0x1F`, `1883U`, `8883UL`, `1_000`, `0o17`, `1e3f`). */
export function parseNumber(text: string): number | undefined {
  if (isPlainDecimal(text)) {
    // The common case: no prefix, suffix, separator or octal zero.
    const n = Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  let t = text.replace(DIGIT_SEPARATORS, '');
  if (HEX_PREFIX.test(t)) t = t.replace(HEX_SUFFIX, '');
  else if (!t.includes('e') && !t.includes('E')) t = t.replace(DEC_SUFFIX, '');
  else t = t.replace(/[fFlL]$/, '');
  if (C_OCTAL.test(t)) return parseInt(t, 8);
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Digits only, not starting with a 0 unless it is the only one (`07` is C octal). */
function isPlainDecimal(text: string): boolean {
  if (text.length === 0 || (text.length > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Splits a compact callee into receiver and last segment at the last `.`, `->`, `::` or `?.`. */
export function splitCallee(callee: string): { name: string; receiver?: string } {
  // Template arguments (`std::make_unique<Foo>`) are not part of the name.
  let end = callee.length;
  if (callee.endsWith('>') && !callee.endsWith('->')) {
    let depth = 0;
    for (let i = end - 1; i >= 0; i--) {
      const ch = callee[i];
      if (ch === '>') depth++;
      else if (ch === '<' && --depth === 0) { end = i; break; }
    }
  }
  for (let i = end - 1; i > 0; i--) {
    const ch = callee[i];
    if (ch === '.' || (ch === '>' && callee[i - 1] === '-') || (ch === ':' && callee[i - 1] === ':')) {
      let r = ch === '.' ? i : i - 1;
      if (ch === '.' && callee[i - 1] === '?') r--; // optional chaining `a?.b()`
      return { name: callee.slice(i + 1, end), receiver: callee.slice(0, r) || undefined };
    }
  }
  return { name: callee.slice(0, end) };
}
