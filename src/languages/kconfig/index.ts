/**
 * Kconfig fragments: ESP-IDF `sdkconfig*`, Zephyr `prj.conf` / overlays / `boards/*.conf` /
 * `sysbuild.conf`, MCUboot `mcuboot.conf`, `*_defconfig` and generated `.config`.
 *
 * Each `CONFIG_X=value` line is a keyValue with `path = ['CONFIG_X']`. A generated
 * `# CONFIG_X is not set` line is an explicit "off": it becomes a keyValue whose value is
 * `{ kind: 'boolean', value: false, text: 'is not set' }` (value range = those words), so a rule
 * can tell it from `CONFIG_X=n` by `value.text`. Other `#` lines are comments.
 *
 * Kconfig *source* (`Kconfig`, `Kconfig.projbuild`, `Kconfig.*`) is read minimally: each
 * `default <value>` of a `config NAME` / `menuconfig NAME` / `choice NAME` entry is a keyValue with
 * `path = [NAME, 'default']` (key `default`); prompts, help text and other statements are skipped.
 */
import { emptyFacts } from '../../core/facts';
import type { Facts, ValueFact } from '../../core/facts';
import type { ExtractResult, LanguageSupport, ParseError } from '../../core/language';
import {
  baseName, bomLength, decodeBackslashEscapes, isBlank, lineContentEnd, nextLineStart, parentName, parseNumberWord, trimEnd,
} from '../text-utils';

const NOT_SET = /^#\s*([A-Za-z_][A-Za-z0-9_]*) is not set\s*$/;
const SYMBOL = /[A-Za-z_][A-Za-z0-9_]*/y;
const NOT_SET_TEXT = 'is not set';
/** Kconfig source statements (kconfig-language.rst); a lower-case keyword never starts a fragment line. */
const SOURCE_KEYWORDS = new Set([
  'config', 'menuconfig', 'choice', 'endchoice', 'menu', 'endmenu', 'if', 'endif', 'source', 'rsource', 'osource', 'orsource',
  'comment', 'mainmenu', 'bool', 'tristate', 'string', 'hex', 'int', 'prompt', 'default', 'def_bool', 'def_tristate',
  'def_int', 'def_hex', 'def_string', 'depends', 'select', 'imply', 'visible', 'range', 'help', '---help---', 'option', 'modules', 'optional', 'transitional',
]);
const SOURCE_WORD = /[a-z_-]+/y;
const SOURCE_DEFAULT_END = /[ \t]if[ \t]/;

/**
 * True for Kconfig fragment names. `.conf` is ambiguous (mosquitto.conf, mender.conf), so only
 * Zephyr-style names match: prj*.conf, *overlay*.conf, boards/*.conf, mcuboot.conf, sysbuild.conf.
 */
export function isKconfigFile(filePath: string): boolean {
  const name = baseName(filePath);
  if (name === 'sdkconfig' || name === 'defconfig' || name === '.config' || name.endsWith('_defconfig')) return true;
  // Kconfig source: Kconfig, Kconfig.projbuild, Kconfig.defconfig, Kconfig.zephyr (not kconfig.yaml / .py tooling).
  if (name === 'kconfig' || (name.startsWith('kconfig.') && !/\.(?:ya?ml|json|py|[ch]|md|txt|rst|cmake)$/.test(name))) return true;
  if (name.startsWith('sdkconfig.')) {
    // build/config also holds sdkconfig.h / .cmake / .json; sdkconfig.rename maps old→new names.
    return !/\.(?:h|cmake|json|rename|cmake\.in)$/.test(name);
  }
  if (!name.endsWith('.conf')) return false;
  return name === 'prj.conf' || name.startsWith('prj_') || name.includes('overlay')
    || name === 'mcuboot.conf' || name === 'sysbuild.conf' || parentName(filePath) === 'boards';
}

/** Parses a Kconfig fragment into keyValues, strings and comments. Never throws. */
export function extractKconfig(text: string): ExtractResult {
  const facts = emptyFacts();
  const errors: ParseError[] = [];
  const source: SourceState = { symbol: undefined, helpIndent: -1 };
  for (let ls = bomLength(text); ls < text.length; ls = nextLineStart(text, ls)) {
    const le = lineContentEnd(text, ls);
    let s = ls;
    while (s < le && isBlank(text.charCodeAt(s))) s++;
    if (s === le) continue;
    const e = trimEnd(text, s, le);
    if (source.helpIndent >= 0) {
      if (s - ls > source.helpIndent) continue; // help text
      source.helpIndent = -1;
    }
    if (text.charCodeAt(s) === 0x23 /* # */) {
      readComment(text, s, e, facts);
      continue;
    }
    if (readSourceLine(text, ls, s, e, facts, errors, source)) continue;
    SYMBOL.lastIndex = s;
    const sym = SYMBOL.exec(text);
    let eq = sym && s + sym[0].length <= e ? skip(text, s + sym[0].length, e) : s;
    if (!sym || text.charCodeAt(eq) !== 0x3d /* = */) {
      errors.push({ message: 'Expected CONFIG_NAME=value.', range: [s, e] });
      continue;
    }
    const key = sym[0];
    const keyRange = [s, s + key.length] as const;
    eq = skip(text, eq + 1, e);
    const value = readValue(text, eq, e, facts, errors);
    facts.keyValues.push({ path: [key], key, keyRange, value, range: [s, value.range[1]] });
  }
  return { facts, errors, errorRanges: errors.map((er) => er.range) };
}

interface SourceState {
  /** The symbol of the current `config` / `menuconfig` / `choice` entry. */
  symbol: string | undefined;
  /** Indentation (columns) of the `help` line while inside its help text, else -1. */
  helpIndent: number;
}

/** A Kconfig source statement: true when consumed (a `default` of the current entry becomes a keyValue). */
function readSourceLine(text: string, ls: number, s: number, e: number, facts: Facts, errors: ParseError[], state: SourceState): boolean {
  SOURCE_WORD.lastIndex = s;
  const word = SOURCE_WORD.exec(text)?.[0];
  const after = word ? s + word.length : s;
  if (!word || !SOURCE_KEYWORDS.has(word) || (after < e && !isBlank(text.charCodeAt(after)) && text.charCodeAt(after) !== 0x22)) return false;
  const rest = skip(text, after, e);
  if (word === 'config' || word === 'menuconfig' || word === 'choice') {
    SYMBOL.lastIndex = rest;
    state.symbol = rest < e ? SYMBOL.exec(text)?.[0] : undefined;
  } else if (word === 'endchoice' || word === 'menu' || word === 'endmenu' || word === 'comment' || word === 'if' || word === 'endif') {
    state.symbol = undefined;
  } else if (word === 'help' || word === '---help---') {
    state.helpIndent = s - ls;
  } else if (word === 'default' && state.symbol && rest < e) {
    // `default "x" if COND` / `default y if COND`: the value is the part before ` if `.
    const cond = text.charCodeAt(rest) === 0x22 ? -1 : text.slice(rest, e).search(SOURCE_DEFAULT_END);
    const valueEnd = cond >= 0 ? trimEnd(text, rest, rest + cond) : e;
    const value = readValue(text, rest, valueEnd, facts, errors);
    facts.keyValues.push({ path: [state.symbol, 'default'], key: 'default', keyRange: [s, after], value, range: [s, value.range[1]] });
  }
  return true;
}

function skip(text: string, i: number, end: number): number {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

function readComment(text: string, s: number, e: number, facts: Facts): void {
  const line = text.slice(s, e);
  const m = line.length < 512 ? NOT_SET.exec(line) : null;
  if (!m) {
    facts.comments.push({ text: line, range: [s, e] });
    return;
  }
  const keyStart = s + line.indexOf(m[1], 1);
  const valueStart = line.lastIndexOf(NOT_SET_TEXT) + s;
  facts.keyValues.push({
    path: [m[1]],
    key: m[1],
    keyRange: [keyStart, keyStart + m[1].length],
    value: { kind: 'boolean', text: NOT_SET_TEXT, value: false, range: [valueStart, valueStart + NOT_SET_TEXT.length] },
    range: [s, e],
  });
}

function readValue(text: string, s: number, e: number, facts: Facts, errors: ParseError[]): ValueFact {
  if (text.charCodeAt(s) === 0x22 /* " */) {
    let i = s + 1;
    while (i < e && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
    const closed = i < e;
    if (!closed) errors.push({ message: 'Unterminated string value.', range: [s, e] });
    const innerEnd = Math.min(i, e);
    const end = closed ? i + 1 : e;
    const value = decodeBackslashEscapes(text.slice(s + 1, innerEnd));
    const rest = skip(text, end, e);
    if (rest < e && text.charCodeAt(rest) === 0x23) facts.comments.push({ text: text.slice(rest, e), range: [rest, e] });
    facts.strings.push({ value, range: [s, end], innerRange: [s + 1, innerEnd], kind: 'string' });
    return { kind: 'string', text: text.slice(s, end), value, range: [s, end], innerRange: [s + 1, innerEnd] };
  }
  // Kconfig has no trailing comments, but people write `CONFIG_X=y # why`; keep the comment apart.
  let end = e;
  const hash = text.indexOf('#', s);
  if (hash >= 0 && hash < e && hash > s && isBlank(text.charCodeAt(hash - 1))) {
    facts.comments.push({ text: text.slice(hash, e), range: [hash, e] });
    end = trimEnd(text, s, hash);
  }
  const word = text.slice(s, end);
  const range = [s, end] as const;
  if (word === 'y' || word === 'n') return { kind: 'boolean', text: word, value: word === 'y', range, innerRange: range };
  if (word.length === 0) return { kind: 'string', text: word, value: '', range, innerRange: range };
  const n = parseNumberWord(word);
  if (n !== undefined) return { kind: 'number', text: word, value: n, range, innerRange: range };
  // `m` (module) and anything unquoted that is not a number: a bare symbol value.
  return { kind: 'identifier', text: word, value: word, range, innerRange: range };
}

/** Kconfig fragments (sdkconfig, prj.conf, defconfig, .config). */
export const kconfigLanguage: LanguageSupport = {
  id: 'kconfig',
  comments: { line: '#' },
  matches: isKconfigFile,
  extract: (text) => Promise.resolve(extractKconfig(text)),
};
