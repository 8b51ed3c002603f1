/**
 * YAML manifests (ESPHome devices, Zigbee2MQTT `configuration.yaml`, Home Assistant, CI files),
 * parsed with the `yaml` package, which keeps source ranges and recovers from errors.
 *
 * keyValues: one per map entry and sequence item, `path` = map keys and sequence indices as
 * strings (`['ota', '0', 'password']`). Maps are kind 'object', sequences kind 'array' with
 * `elements` (one level: nested collections appear as 'object' / 'array' elements without their
 * own elements), scalars their own kind; every element also appears as its own keyValue.
 * Sequence items have a zero-width `keyRange` at the item. Custom tags are kept (`tag`):
 * `!secret x` and `!env_var X` (and Zigbee2MQTT's quoted `'!secret x'`) are kind 'env' with `envName`.
 * Plain `yes`/`no`/`on`/`off` are booleans (YAML 1.1, as PyYAML-based ESPHome and Home Assistant read them).
 */
import { Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { CST, Node, ParsedNode, Scalar } from 'yaml';
import { emptyFacts } from '../../core/facts';
import type { Facts, Range, ValueFact } from '../../core/facts';
import type { ExtractResult, LanguageSupport, ParseError } from '../../core/language';
import { baseName, booleanWord } from '../text-utils';
import { MAX_YAML_NESTING, nestingOverflow } from './nesting';

/** A second guard behind `nestingOverflow`: deeper collections yield no facts. */
const MAX_FACT_DEPTH = MAX_YAML_NESTING + 8;

const SECRET_STRING = /^!secret[ \t]+(\S+)$/;
const ENV_TAGS = new Set(['!secret', '!env_var']);

/** True for `*.yaml` / `*.yml`. */
export function isYamlFile(filePath: string): boolean {
  const name = baseName(filePath);
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

interface Visit {
  node: unknown;
  path: string[];
  keyRange?: Range;
  depth: number;
}

/** Parses YAML (all documents) into keyValues, strings and comments. Never throws. */
export function extractYaml(text: string): ExtractResult {
  const facts = emptyFacts();
  const errors: ParseError[] = [];
  try {
    // Deeply nested input never reaches the recursive composer: analyse the part before it.
    const cut = nestingOverflow(text);
    if (cut >= 0) {
      errors.push({ message: `YAML nested deeper than ${MAX_YAML_NESTING} levels; the rest of the file is not analysed.`, range: [cut, text.length] });
    }
    const source = cut >= 0 ? text.slice(0, cut) : text;
    const tokens = Array.from(new Parser().parse(source));
    collectComments(tokens, facts);
    const composer = new Composer({ uniqueKeys: false, strict: false, prettyErrors: false, keepSourceTokens: false });
    for (const doc of composer.compose(tokens, true, source.length)) {
      for (const e of doc.errors) {
        const start = Math.min(e.pos[0], text.length);
        errors.push({ message: e.message, range: [start, Math.min(Math.max(start, e.pos[1]), text.length)] });
      }
      walk(text, doc.contents, facts, errors);
    }
  } catch (err) {
    // The yaml package guards its own recursion; this is the last line of defence.
    errors.push({ message: `YAML could not be parsed: ${err instanceof Error ? err.message : String(err)}`, range: [0, Math.min(1, text.length)] });
  }
  return { facts, errors, errorRanges: errors.map((e) => e.range) };
}

/**
 * Finds comment tokens anywhere in the CST, iteratively (the CST can be as deep as the input).
 * Each token type is opened by its own fields (`CST.Token` in the yaml package): reading a fixed
 * list of field names off every token made each read a slow lookup across many token shapes.
 */
function collectComments(tokens: readonly CST.Token[], facts: Facts): void {
  const found: CST.Token[] = [];
  const stack: Array<CST.Token | null | undefined> = [...tokens].reverse();
  const pushAll = (list: readonly CST.Token[] | undefined): void => {
    if (list) for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]);
  };
  while (stack.length) {
    const t = stack.pop();
    if (!t) continue;
    switch (t.type) {
      case 'comment':
        found.push(t);
        break;
      case 'document':
        // Pushed in reverse: the stack pops them in document order.
        pushAll(t.end);
        stack.push(t.value);
        pushAll(t.start);
        break;
      case 'doc-end':
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        pushAll(t.end);
        break;
      case 'block-scalar':
        pushAll(t.props);
        break;
      case 'flow-collection':
        pushAll(t.end);
        pushItems(t.items);
        stack.push(t.start);
        break;
      case 'block-map':
      case 'block-seq':
        pushItems(t.items);
        break;
    }
  }
  function pushItems(items: readonly CST.CollectionItem[]): void {
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      stack.push(item.value);
      pushAll(item.sep);
      stack.push(item.key);
      pushAll(item.start);
    }
  }
  found.sort((a, b) => a.offset - b.offset);
  for (const c of found) {
    const source = (c as CST.SourceToken).source.replace(/\r$/, '');
    facts.comments.push({ text: source, range: [c.offset, c.offset + source.length] });
  }
}

function walk(text: string, root: ParsedNode | null, facts: Facts, errors: ParseError[]): void {
  if (!root) return;
  const stack: Visit[] = [{ node: root, path: [], depth: 0 }];
  let warned = false;
  while (stack.length) {
    const { node, path, keyRange, depth } = stack.pop()!;
    if (depth > MAX_FACT_DEPTH) {
      if (!warned) {
        warned = true;
        const at = nodeRange(node)?.[0] ?? 0;
        errors.push({ message: `Nesting deeper than ${MAX_FACT_DEPTH} levels; deeper entries are not reported.`, range: [at, at + 1] });
      }
      continue;
    }
    const value = valueOf(text, node, true, facts, keyRange);
    if (keyRange) {
      facts.keyValues.push({ path, key: path[path.length - 1], keyRange, value, range: [keyRange[0], Math.max(keyRange[1], value.range[1])] });
    }
    const children: Visit[] = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        const key = keyName(text, k);
        const kr = nodeRange(k) ?? nodeRange(pair.value) ?? [value.range[0], value.range[0]];
        const kRange: Range = [kr[0], kr[1]];
        children.push({ node: pair.value ?? { nullAt: kRange[1] }, path: [...path, key], keyRange: kRange, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const r = nodeRange(item) ?? [value.range[0], value.range[0]];
        children.push({ node: item, path: [...path, String(i)], keyRange: [r[0], r[0]], depth: depth + 1 });
      });
    } else if (isPair(node)) {
      // `[a: 1]` — a single-pair map inside a flow sequence.
      const key = keyName(text, node.key as Node | null);
      const kr = nodeRange(node.key) ?? [value.range[0], value.range[0]];
      children.push({ node: node.value ?? { nullAt: kr[1] }, path: [...path, key], keyRange: [kr[0], kr[1]], depth: depth + 1 });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function nodeRange(node: unknown): Range | undefined {
  if (isPair(node)) {
    const k = nodeRange(node.key);
    const v = nodeRange(node.value);
    return k && v ? [k[0], v[1]] : (k ?? v);
  }
  const r = (node as { range?: readonly number[] | null } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

function keyName(text: string, key: Node | null): string {
  if (key === null || key === undefined) return '';
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  const r = nodeRange(key);
  return r ? text.slice(r[0], r[1]) : '';
}

function displayTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag;
}

/** The ValueFact of any node; `record` adds string scalars to `facts.strings` (once per node). */
function valueOf(text: string, node: unknown, record: boolean, facts: Facts, keyRange?: Range): ValueFact {
  if (isScalar(node)) return scalarValue(text, node, record, facts);
  if (isAlias(node)) {
    const r = nodeRange(node) ?? [0, 0];
    return { kind: 'identifier', text: text.slice(r[0], r[1]), value: node.source, range: r, innerRange: r };
  }
  if (isMap(node) || isSeq(node) || isPair(node)) {
    const r = nodeRange(node) ?? [keyRange?.[1] ?? 0, keyRange?.[1] ?? 0];
    const v: ValueFact = { kind: isSeq(node) ? 'array' : 'object', text: text.slice(r[0], r[1]), range: r, innerRange: r };
    const tag = displayTag((node as { tag?: string }).tag);
    if (tag) v.tag = tag;
    if (isSeq(node) && record) v.elements = node.items.map((item) => valueOf(text, item, false, facts));
    return v;
  }
  // A missing value (`? key` or `{a}`): null at the end of the key.
  const at = (node as { nullAt?: number } | null)?.nullAt ?? keyRange?.[1] ?? 0;
  return { kind: 'null', text: '', range: [at, at], innerRange: [at, at] };
}

function scalarValue(text: string, node: Scalar, record: boolean, facts: Facts): ValueFact {
  const range: Range = node.range ? [node.range[0], node.range[1]] : [0, 0];
  const src = text.slice(range[0], range[1]);
  let innerRange: Range = range;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    innerRange = [range[0] + 1, Math.max(range[0] + 1, range[1] - 1)];
  } else if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const nl = src.indexOf('\n');
    innerRange = [nl < 0 ? range[1] : range[0] + nl + 1, range[1]];
  }
  const tag = displayTag(node.tag);
  const raw = node.value;
  let v: ValueFact;
  if (typeof raw === 'string') {
    const b = node.type === 'PLAIN' && !tag ? booleanWord(raw) : undefined;
    v = b !== undefined
      ? { kind: 'boolean', text: src, value: b, range, innerRange }
      : { kind: 'string', text: src, value: raw, range, innerRange };
  } else if (typeof raw === 'number' || typeof raw === 'bigint') {
    v = { kind: 'number', text: src, value: Number(raw), range, innerRange };
  } else if (typeof raw === 'boolean') {
    v = { kind: 'boolean', text: src, value: raw, range, innerRange };
  } else if (raw === null || raw === undefined) {
    v = { kind: 'null', text: src, range, innerRange };
  } else {
    // Dates, !!binary and other schema objects: keep the source text.
    v = { kind: 'string', text: src, value: src, range, innerRange };
  }
  if (tag) {
    v.tag = tag;
    if (ENV_TAGS.has(tag)) {
      const name = String(raw ?? '').trim().split(/[ \t]/)[0];
      v = { ...v, kind: 'env', envName: name };
    }
  } else if (v.kind === 'string' && typeof raw === 'string' && raw.startsWith('!secret')) {
    // Zigbee2MQTT resolves the quoted string `'!secret name'` from secret.yaml.
    const m = SECRET_STRING.exec(raw.length < 300 ? raw : '');
    if (m) v = { ...v, kind: 'env', envName: m[1], tag: '!secret' };
  }
  if (record && v.kind === 'string') {
    facts.strings.push({ value: String(v.value), range, innerRange, kind: 'string' });
  }
  return v;
}

/** YAML documents. */
export const yamlLanguage: LanguageSupport = {
  id: 'yaml',
  comments: { line: '#' },
  matches: isYamlFile,
  extract: (text) => Promise.resolve(extractYaml(text)),
};
