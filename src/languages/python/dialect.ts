/** Python fact handlers (CPython, MicroPython, CircuitPython). */
import type { Node } from 'web-tree-sitter';
import type { StringFact, ValueFact } from '../../core/facts';
import type { Dialect, ExtractContext } from '../tree-sitter/context';
import { compact, decodeEscapes, parseNumber } from '../tree-sitter/text';

const IDENTIFIER_TYPES = new Set(['identifier', 'attribute', 'dotted_name']);
const ENV_MAPPINGS = new Set(['os.environ', 'environ']);
const ENV_FUNCTIONS = new Set(['os.environ.get', 'environ.get', 'os.getenv', 'getenv', 'os.environ.setdefault']);
const PREFIX_END = /^[A-Za-z]*/;
const FSTRING_BRACES = /\{\{|\}\}/g;

interface StringParts { prefix: string; innerStart: number; innerEnd: number }

/** Prefix and content bounds of one `string` node, from its string_start / string_end children. */
function parts(node: Node, ctx: ExtractContext): StringParts {
  const text = ctx.slice(node);
  const prefix = PREFIX_END.exec(text)![0].toLowerCase();
  const quote = text.startsWith('"""', prefix.length) || text.startsWith("'''", prefix.length) ? 3 : 1;
  const closed = text.length >= prefix.length + 2 * quote;
  return { prefix, innerStart: node.startIndex + prefix.length + quote, innerEnd: closed ? node.endIndex - quote : node.endIndex };
}

/** Decoded literal parts of one string node (f-string interpolations dropped). */
function decodeString(node: Node, ctx: ExtractContext, p: StringParts): { value: string; template: boolean } {
  const raw = p.prefix.includes('r');
  const isF = p.prefix.includes('f');
  const decode = (s: string): string => {
    const v = raw ? s : decodeEscapes(s);
    return isF ? v.replace(FSTRING_BRACES, (m) => m[0]) : v;
  };
  if (!isF) return { value: decode(ctx.text.slice(p.innerStart, p.innerEnd)), template: false };
  let value = '';
  let at = p.innerStart;
  for (let i = 0, n = node.namedChildCount; i < n; i++) {
    const child = node.namedChild(i)!;
    if (child.type !== 'interpolation') continue;
    value += decode(ctx.text.slice(at, child.startIndex));
    at = child.endIndex;
  }
  return { value: value + decode(ctx.text.slice(at, p.innerEnd)), template: true };
}

/** Builds the string fact of a Python `string` or `concatenated_string` node. */
function pyStringOf(node: Node, ctx: ExtractContext): StringFact | undefined {
  if (node.type === 'string') {
    const p = parts(node, ctx);
    const { value, template } = decodeString(node, ctx, p);
    const kind = template ? 'template' : p.prefix.includes('r') ? 'raw' : 'string';
    return { value, range: [node.startIndex, node.endIndex], innerRange: [p.innerStart, p.innerEnd], kind };
  }
  if (node.type !== 'concatenated_string') return undefined;
  let value = '';
  let first: StringFact | undefined;
  let last: StringFact | undefined;
  let kind: StringFact['kind'] = 'string';
  for (let i = 0, n = node.namedChildCount; i < n; i++) {
    const child = node.namedChild(i)!;
    const part = child.type === 'string' ? pyStringOf(child, ctx) : undefined;
    if (!part) continue;
    value += part.value;
    first ??= part;
    last = part;
    if (part.kind === 'template') kind = 'template';
  }
  if (!first || !last) return undefined;
  return { value, range: [node.startIndex, node.endIndex], innerRange: [first.innerRange[0], last.innerRange[1]], kind };
}

/** Name looked up by `os.environ['X']` / `os.getenv('X')`, or undefined if the node is no env lookup. */
function envLookup(node: Node, ctx: ExtractContext): { name?: string } | undefined {
  if (node.type === 'subscript') {
    const obj = node.childForFieldName('value');
    if (!obj || !ENV_MAPPINGS.has(compact(ctx.slice(obj)))) return undefined;
    const key = node.childForFieldName('subscript');
    return { name: key ? pyStringOf(key, ctx)?.value : undefined };
  }
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    if (!fn || !ENV_FUNCTIONS.has(compact(ctx.slice(fn)))) return undefined;
    const arg = node.childForFieldName('arguments')?.namedChild(0);
    return { name: arg ? pyStringOf(arg, ctx)?.value : undefined };
  }
  return undefined;
}

/** Classifies a Python expression. */
function pyValue(node: Node, ctx: ExtractContext): ValueFact {
  const type = node.type;
  switch (type) {
    case 'string':
    case 'concatenated_string': {
      const s = ctx.stringOf(node);
      return ctx.stringValue(node, s?.kind === 'template' && node.descendantsOfType('interpolation').length > 0);
    }
    case 'integer':
    case 'float': {
      const fact = ctx.other(node, 'number');
      fact.value = parseNumber(fact.text);
      return fact;
    }
    case 'true':
    case 'false':
      return { ...ctx.other(node, 'boolean'), value: type === 'true' };
    case 'none':
      return ctx.other(node, 'null');
    case 'parenthesized_expression': {
      const inner = node.namedChild(0);
      return inner && node.namedChildCount === 1 ? pyValue(inner, ctx) : ctx.other(node);
    }
    case 'list':
    case 'tuple':
    case 'set': {
      const elements: ValueFact[] = [];
      for (let i = 0, n = node.namedChildCount; i < n; i++) {
        const child = node.namedChild(i)!;
        if (child.type !== 'comment') elements.push(pyValue(child, ctx));
      }
      return { ...ctx.other(node, 'array'), elements };
    }
    case 'dictionary':
      return ctx.other(node, 'object');
    case 'subscript':
    case 'call': {
      const env = envLookup(node, ctx);
      if (env) return { ...ctx.other(node, 'env'), envName: env.name };
      return ctx.other(node, type === 'call' ? 'call' : 'other');
    }
    default:
      if (IDENTIFIER_TYPES.has(type)) {
        const fact = ctx.other(node, 'identifier');
        fact.text = compact(fact.text);
        return fact;
      }
      return ctx.other(node);
  }
}

/** `a = b = 'x'` nests assignments; the bound value is the innermost right side. */
function handleAssignment(node: Node, ctx: ExtractContext): void {
  let right = node.childForFieldName('right');
  while (right?.type === 'assignment') right = right.childForFieldName('right');
  const left = node.childForFieldName('left');
  if (!left || !right) return;
  if ((left.type === 'pattern_list' || left.type === 'tuple_pattern') && (right.type === 'expression_list' || right.type === 'tuple')) {
    // `user, pw = 'admin', 'secret'`: pair targets with values positionally.
    const n = Math.min(left.namedChildCount, right.namedChildCount);
    for (let i = 0; i < n; i++) ctx.addAssignment('variable', left.namedChild(i)!, right.namedChild(i)!, node);
    return;
  }
  ctx.addAssignment('variable', left, right, node);
}

function handleDictPair(node: Node, ctx: ExtractContext): void {
  const key = node.childForFieldName('key');
  const value = node.childForFieldName('value');
  if (!key || !value) return;
  const name = key.type === 'string' || key.type === 'concatenated_string' ? pyStringOf(key, ctx)?.value ?? ctx.slice(key) : compact(ctx.slice(key));
  const path = ctx.path(node.startIndex);
  const fact = ctx.addAssignment('key', key, value, node, { name, target: path.concat(name).join('.'), path });
  ctx.pushScope(name, fact.range[1]);
}

function handleCall(node: Node, ctx: ExtractContext): void {
  const fn = node.childForFieldName('function');
  if (!fn) return;
  const list = node.childForFieldName('arguments');
  const args = [];
  if (list) {
    for (let i = 0, n = list.namedChildCount; i < n; i++) {
      const arg = list.namedChild(i)!;
      if (arg.type === 'comment') continue;
      if (arg.type === 'keyword_argument') {
        const name = arg.childForFieldName('name');
        const value = arg.childForFieldName('value');
        if (name && value) args.push({ name: ctx.slice(name), value: pyValue(value, ctx) });
      } else args.push({ value: pyValue(arg, ctx) });
    }
  }
  ctx.addCall(node, fn, args);
  const callee = compact(ctx.slice(fn));
  if (callee === '__import__' || callee === 'importlib.import_module') {
    const first = args[0]?.value;
    if (first?.kind === 'string') ctx.facts.imports.push({ module: String(first.value), range: first.range });
  }
}

function handleImport(node: Node, ctx: ExtractContext): boolean {
  if (node.type === 'import_from_statement') {
    const module = node.childForFieldName('module_name');
    if (module) ctx.facts.imports.push({ module: compact(ctx.slice(module)), range: ctx.range(module) });
    return true;
  }
  for (const name of node.childrenForFieldName('name')) {
    const dotted = name?.type === 'aliased_import' ? name.childForFieldName('name') : name;
    if (dotted) ctx.facts.imports.push({ module: compact(ctx.slice(dotted)), range: ctx.range(dotted) });
  }
  return true;
}

/** The Python dialect. */
export const pythonDialect: Dialect = {
  handlers: {
    comment: (node, ctx) => { ctx.addComment(node); return true; },
    // f-strings hold expressions (calls, nested strings) worth visiting; plain strings do not.
    string: (node, ctx) => { ctx.addStringNode(node); return ctx.stringOf(node)?.kind !== 'template'; },
    concatenated_string: (node, ctx) => { ctx.addConcatenation(node); },
    assignment: handleAssignment,
    pair: handleDictPair,
    call: handleCall,
    import_statement: handleImport,
    import_from_statement: handleImport,
  },
  value: pyValue,
  stringOf: pyStringOf,
};
