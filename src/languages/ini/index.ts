/**
 * INI-like manifests: `platformio.ini` and other `*.ini`, RAUC `system.conf`, rauc-hawkbit-updater
 * configs, IoT Edge `config.toml` (TOML tables are sections), and `mosquitto.conf`.
 *
 * keyValues use `path = [section, key]` (`''` before any section; TOML inline-table members add
 * their own keys: `['provisioning.attestation', 'symmetric_key', 'value']`).
 *
 * Multi-line values (configparser / PlatformIO: indented lines after `build_flags =`) produce
 * ONE keyValue whose value has kind 'array' (`value` = the lines joined with '\n', `text` = the
 * source from the first value character to the end of the last line, `elements` = one value per
 * line, `range` = key through last line), followed by one keyValue per value line with the same
 * `path`/`key`/`keyRange`, a scalar value, and `range` = that line's value. A rule that scans
 * single values reads the per-line entries and skips kind 'array'; one that needs the whole list
 * reads the 'array' entry.
 */
import { emptyFacts } from '../../core/facts';
import type { Facts, Range, ValueFact } from '../../core/facts';
import type { ExtractResult, LanguageSupport, ParseError } from '../../core/language';
import { baseName, bomLength, isBlank, lineContentEnd, nextLineStart, plainValue, trimEnd } from '../text-utils';
import { memberKeyValues, readStructured } from './values';
import type { ValueSink } from './values';

// An indented `name = …` line is a key even in a continuation context (TOML tables are often indented).
const INDENTED_KEY = /^[ \t]+["']?[A-Za-z_][A-Za-z0-9_.-]*["']?[ \t]*=/;
// mosquitto.conf style `name value` (no `=`): only accepted before any `[section]` header.
const SPACE_SEPARATED = /^([A-Za-z_][A-Za-z0-9_]*)[ \t]+[^=: \t]/;

/** True for `*.ini`, `*.toml`, RAUC `system.conf`, rauc-hawkbit-updater and mosquitto configs (incl. `acl_file` ACLs). */
export function isIniFile(filePath: string): boolean {
  const name = baseName(filePath);
  return name.endsWith('.ini') || name.endsWith('.toml') || name === 'system.conf'
    || name === 'mosquitto.conf' || name.endsWith('.mosquitto.conf')
    || (name.endsWith('.conf') && name.includes('hawkbit'))
    || isMosquittoAcl(name, filePath);
}

// Mosquitto ACL files (`user X` / `topic readwrite a/#` / `pattern …` lines, the mosquitto.conf syntax):
// `aclfile`, `mosquitto.acl` anywhere; a bare `acl` / `*.acl` only under a mosquitto / MQTT / broker folder.
const ACL_FOLDER_WORDS = ['mosquitto', 'mqtt', 'broker'];
function isMosquittoAcl(name: string, filePath: string): boolean {
  if (name === 'aclfile' || name === 'acl_file' || name === 'mosquitto.acl') return true;
  const p = filePath.replace(/\\/g, '/');
  const dir = p.slice(0, Math.max(0, p.lastIndexOf('/'))).toLowerCase();
  return (name === 'acl' || name.endsWith('.acl')) && ACL_FOLDER_WORDS.some((w) => dir.includes(w));
}

interface Pending {
  path: string[];
  key: string;
  keyRange: Range;
  /** The first line's value, when the key line had one. */
  first?: ValueFact;
  lines: ValueFact[];
}

/** Parses an INI / TOML / mosquitto-style config into keyValues, strings and comments. Never throws. */
export function extractIni(text: string): ExtractResult {
  const facts = emptyFacts();
  const errors: ParseError[] = [];
  let section = '';
  let sawSection = false;
  let pending: Pending | undefined;
  const flush = (): void => {
    if (pending) finishPending(text, pending, facts);
    pending = undefined;
  };
  let ls = bomLength(text);
  while (ls < text.length) {
    const le = lineContentEnd(text, ls);
    let s = ls;
    while (s < le && isBlank(text.charCodeAt(s))) s++;
    const e = trimEnd(text, s, le);
    const next = nextLineStart(text, ls);
    const c = text.charCodeAt(s);
    if (s === e) { ls = next; continue; }                             // blank lines may sit inside a multi-line value
    if (c === 0x23 || c === 0x3b /* # ; */) {
      facts.comments.push({ text: text.slice(s, e), range: [s, e] });
      ls = next;
      continue;
    }
    if (pending && s > ls && !INDENTED_KEY.test(text.slice(ls, Math.min(e, ls + 300)))) {
      const v = readRaw(text, s, e, facts);
      if (v.text.length > 0) pending.lines.push(v);
      ls = next;
      continue;
    }
    flush();
    if (c === 0x5b /* [ */) {
      const close = text.lastIndexOf(']', e);
      if (close <= s) errors.push({ message: "Section header is missing ']'.", range: [s, e] });
      const dbl = text.charCodeAt(s + 1) === 0x5b && text.charCodeAt(close - 1) === 0x5d;
      const ns = dbl ? s + 2 : s + 1;
      section = text.slice(ns, close > s ? (dbl ? close - 1 : close) : e).trim();
      sawSection = true;
      const rest = close > s ? skipBlanks(text, close + 1, e) : e;
      if (rest < e && (text.charCodeAt(rest) === 0x23 || text.charCodeAt(rest) === 0x3b)) facts.comments.push({ text: text.slice(rest, e), range: [rest, e] });
      ls = next;
      continue;
    }
    const kv = readKeyLine(text, s, e, sawSection);
    if (!kv) {
      errors.push({ message: 'Expected key = value.', range: [s, e] });
      ls = next;
      continue;
    }
    const path = [section, kv.key];
    let vs = skipBlanks(text, kv.valueStart, e);
    const vc = text.charCodeAt(vs);
    if (!kv.spaceSeparated && vs < e && (vc === 0x22 || vc === 0x27 || vc === 0x5b || vc === 0x7b)) {
      const sink: ValueSink = { strings: [], members: [] };
      const parsed = readStructured(text, vs, e, sink);
      const rest = parsed ? skipBlanks(text, parsed.end, lineContentEnd(text, parsed.end)) : 0;
      const restEnd = parsed ? lineContentEnd(text, parsed.end) : 0;
      const restChar = text.charCodeAt(rest);
      if (parsed && (rest >= restEnd || restChar === 0x23 || restChar === 0x3b)) {
        if (rest < restEnd) {
          const ce = trimEnd(text, rest, restEnd);
          facts.comments.push({ text: text.slice(rest, ce), range: [rest, ce] });
        }
        facts.strings.push(...sink.strings);
        facts.keyValues.push({ path, key: kv.key, keyRange: kv.keyRange, value: parsed.value, range: [s, parsed.end] });
        facts.keyValues.push(...memberKeyValues(path, sink.members));
        ls = nextLineStart(text, parsed.end);
        continue;
      }
      // Not a well-formed quoted/array value: read it as a raw INI value instead.
    }
    vs = Math.min(vs, e);
    const first = vs < e ? readRaw(text, vs, e, facts) : undefined;
    pending = { path, key: kv.key, keyRange: kv.keyRange, first, lines: [] };
    if (kv.spaceSeparated) flush();
    ls = next;
  }
  flush();
  return { facts, errors, errorRanges: errors.map((er) => er.range) };
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Finds the key and where its value starts: `key = v`, `key: v` or (mosquitto) `key v`. */
function readKeyLine(text: string, s: number, e: number, sawSection: boolean):
  { key: string; keyRange: Range; valueStart: number; spaceSeparated: boolean } | undefined {
  const q = text.charCodeAt(s);
  if (q === 0x22 || q === 0x27) {
    // TOML quoted key.
    const close = text.indexOf(text[s], s + 1);
    if (close < 0 || close >= e) return undefined;
    const d = skipBlanks(text, close + 1, e);
    if (text.charCodeAt(d) !== 0x3d) return undefined;
    return { key: text.slice(s + 1, close), keyRange: [s, close + 1], valueStart: d + 1, spaceSeparated: false };
  }
  if (!sawSection) {
    const m = SPACE_SEPARATED.exec(text.slice(s, Math.min(e, s + 300)));
    if (m) {
      const ke = s + m[1].length;
      return { key: m[1], keyRange: [s, ke], valueStart: ke, spaceSeparated: true };
    }
  }
  let d = s;
  while (d < e) {
    const c = text.charCodeAt(d);
    if (c === 0x3d || c === 0x3a) break;
    d++;
  }
  if (d >= e) return undefined;
  const ke = trimEnd(text, s, d);
  if (ke === s) return undefined;
  return { key: text.slice(s, ke), keyRange: [s, ke], valueStart: d + 1, spaceSeparated: false };
}

/** An unquoted value up to an inline ` ;` / ` #` comment (PlatformIO's inline_comment_prefixes). */
function readRaw(text: string, s: number, e: number, facts: Facts): ValueFact {
  let end = e;
  for (let i = s + 1; i < e; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x3b || c === 0x23) && isBlank(text.charCodeAt(i - 1))) {
      facts.comments.push({ text: text.slice(i, e), range: [i, e] });
      end = trimEnd(text, s, i);
      break;
    }
  }
  const word = text.slice(s, end);
  const q = word.charCodeAt(0);
  if (word.length >= 2 && (q === 0x22 || q === 0x27) && word.charCodeAt(word.length - 1) === q) {
    // A quoted INI value: the quotes are not part of the value.
    const inner = word.slice(1, -1);
    const v = plainValue(inner, [s + 1, end - 1], { booleans: false, numbers: false });
    if (v.kind === 'string') facts.strings.push({ value: inner, range: [s, end], innerRange: [s + 1, end - 1], kind: 'string' });
    return { ...v, text: word, range: [s, end] };
  }
  const v = plainValue(word, [s, end], { booleans: true, numbers: true });
  if (v.kind === 'string' && word.length > 0) facts.strings.push({ value: word, range: [s, end], innerRange: [s, end], kind: 'string' });
  return v;
}

function finishPending(text: string, p: Pending, facts: Facts): void {
  const key = p.key;
  if (p.lines.length === 0) {
    const range: Range = p.first ? p.first.range : [p.keyRange[1], p.keyRange[1]];
    const value: ValueFact = p.first ?? { kind: 'string', text: '', value: '', range, innerRange: range };
    facts.keyValues.push({ path: p.path, key, keyRange: p.keyRange, value, range: [p.keyRange[0], range[1]] });
    return;
  }
  const elements = p.first ? [p.first, ...p.lines] : p.lines;
  const start = elements[0].range[0];
  const end = elements[elements.length - 1].range[1];
  const joined: ValueFact = {
    kind: 'array',
    text: text.slice(start, end),
    value: elements.map((el) => String(el.value ?? el.text)).join('\n'),
    range: [start, end],
    innerRange: [start, end],
    elements,
  };
  facts.keyValues.push({ path: p.path, key, keyRange: p.keyRange, value: joined, range: [p.keyRange[0], end] });
  for (const el of elements) facts.keyValues.push({ path: p.path, key, keyRange: p.keyRange, value: el, range: el.range });
}

/** INI / TOML / mosquitto-style configs. */
export const iniLanguage: LanguageSupport = {
  id: 'ini',
  comments: { line: '#' },
  matches: isIniFile,
  extract: (text) => Promise.resolve(extractIni(text)),
};
