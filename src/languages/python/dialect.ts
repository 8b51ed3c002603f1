/** Python fact handlers (CPython, MicroPython, CircuitPython). */
import type { ArgFact, StringFact, ValueFact } from '../../core/facts';
import type { Dialect, ExtractContext } from '../tree-sitter/context';
import type { NodeId } from '../tree-sitter/syntax-tree';
import { compact, decodeEscapes, parseNumber } from '../tree-sitter/text';

const IDENTIFIER_TYPES = new Set(['identifier', 'attribute', 'dotted_name']);
const ENV_MAPPINGS = new Set(['os.environ', 'environ']);
const ENV_FUNCTIONS = new Set(['os.environ.get', 'environ.get', 'os.getenv', 'getenv', 'os.environ.setdefault']);
const PREFIX_END = /^[A-Za-z]*/;
const FSTRING_BRACES = /\{\{|\}\}/g;

interface StringParts { prefix: string; innerStart: number; innerEnd: number }

/** Prefix and content bounds of one `string` node, from its string_start / string_end children. */
function parts(node: NodeId, ctx: ExtractContext): StringParts {
  const [start, end] = ctx.range(node);
  const text = ctx.text.slice(start, end);
  const prefix = PREFIX_END.exec(text)![0].toLowerCase();
  const quote = text.startsWith('"""', prefix.length) || text.startsWith("'''", prefix.length) ? 3 : 1;
  const closed = text.length >= prefix.length + 2 * quote;
  return { prefix, innerStart: start + prefix.length + quote, innerEnd: closed ? end - quote : end };
}

/** Decoded literal parts of one string node (f-string interpolations dropped). */
function decodeString(node: NodeId, ctx: ExtractContext, p: StringParts): { value: string; template: boolean } {
  const raw = p.prefix.includes('r');
  const isF = p.prefix.includes('f');
  const decode = (s: string): string => {
    const v = raw ? s : decodeEscapes(s);
    return isF ? v.replace(FSTRING_BRACES, (m) => m[0]) : v;
  };
  if (!isF) return { value: decode(ctx.text.slice(p.innerStart, p.innerEnd)), template: false };
  let value = '';
  let at = p.innerStart;
  const t = ctx.tree;
  for (const child of t.namedChildren(node)) {
    if (t.type(child) !== 'interpolation') continue;
    value += decode(ctx.text.slice(at, t.start(child)));
    at = t.end(child);
  }
  return { value: value + decode(ctx.text.slice(at, p.innerEnd)), template: true };
}

/** Builds the string fact of a Python `string` or `concatenated_string` node. */
function pyStringOf(node: NodeId, ctx: ExtractContext): StringFact | undefined {
  const type = ctx.type(node);
  if (type === 'string') {
    const p = parts(node, ctx);
    const { value, template } = decodeString(node, ctx, p);
    const kind = template ? 'template' : p.prefix.includes('r') ? 'raw' : 'string';
    return { value, range: ctx.range(node), innerRange: [p.innerStart, p.innerEnd], kind };
  }
  if (type !== 'concatenated_string') return undefined;
  let value = '';
  let first: StringFact | undefined;
  let last: StringFact | undefined;
  let kind: StringFact['kind'] = 'string';
  for (const child of ctx.tree.namedChildren(node)) {
    const part = ctx.type(child) === 'string' ? pyStringOf(child, ctx) : undefined;
    if (!part) continue;
    value += part.value;
    first ??= part;
    last = part;
    if (part.kind === 'template') kind = 'template';
  }
  if (!first || !last) return undefined;
  return { value, range: ctx.range(node), innerRange: [first.innerRange[0], last.innerRange[1]], kind };
}

/** Name looked up by `os.environ['X']` / `os.getenv('X')`, or undefined if the node is no env lookup. */
function envLookup(node: NodeId, type: string, ctx: ExtractContext): { name?: string } | undefined {
  const t = ctx.tree;
  if (type === 'subscript') {
    const obj = t.field(node, 'value');
    if (!obj || !ENV_MAPPINGS.has(compact(ctx.slice(obj)))) return undefined;
    const key = t.field(node, 'subscript');
    return { name: key ? pyStringOf(key, ctx)?.value : undefined };
  }
  if (type === 'call') {
    const fn = t.field(node, 'function');
    if (!fn || !ENV_FUNCTIONS.has(compact(ctx.slice(fn)))) return undefined;
    const args = t.field(node, 'arguments');
    const arg = args && t.namedChild(args, 0);
    return { name: arg ? pyStringOf(arg, ctx)?.value : undefined };
  }
  return undefined;
}

/** Classifies a Python expression. */
function pyValue(node: NodeId, ctx: ExtractContext): ValueFact {
  const t = ctx.tree;
  const type = t.type(node);
  switch (type) {
    case 'string':
    case 'concatenated_string': {
      const s = ctx.stringOf(node);
      return ctx.stringValue(node, s?.kind === 'template' && t.hasDescendant(node, 'interpolation'));
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
      const inner = t.namedChild(node, 0);
      return inner && t.namedChildCount(node) === 1 ? pyValue(inner, ctx) : ctx.other(node);
    }
    case 'list':
    case 'tuple':
    case 'set': {
      const elements: ValueFact[] = [];
      for (const child of t.namedChildren(node)) {
        if (t.type(child) !== 'comment') elements.push(pyValue(child, ctx));
      }
      return { ...ctx.other(node, 'array'), elements };
    }
    case 'dictionary':
      return ctx.other(node, 'object');
    case 'subscript':
    case 'call': {
      const env = envLookup(node, type, ctx);
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
function handleAssignment(node: NodeId, ctx: ExtractContext): void {
  const t = ctx.tree;
  let right = t.field(node, 'right');
  while (right && t.type(right) === 'assignment') right = t.field(right, 'right');
  const left = t.field(node, 'left');
  if (!left || !right) return;
  const leftType = t.type(left);
  const rightType = t.type(right);
  if ((leftType === 'pattern_list' || leftType === 'tuple_pattern') && (rightType === 'expression_list' || rightType === 'tuple')) {
    // `user, pw = 'admin', 'secret'`: pair targets with values positionally.
    const targets = t.namedChildren(left);
    const values = t.namedChildren(right);
    const n = Math.min(targets.length, values.length);
    for (let i = 0; i < n; i++) ctx.addAssignment('variable', targets[i], values[i], node);
    return;
  }
  ctx.addAssignment('variable', left, right, node);
}

function handleDictPair(node: NodeId, ctx: ExtractContext): void {
  const t = ctx.tree;
  const key = t.field(node, 'key');
  const value = t.field(node, 'value');
  if (!key || !value) return;
  const keyType = t.type(key);
  const name = keyType === 'string' || keyType === 'concatenated_string' ? pyStringOf(key, ctx)?.value ?? ctx.slice(key) : compact(ctx.slice(key));
  const path = ctx.path(t.start(node));
  const fact = ctx.addAssignment('key', key, value, node, { name, target: path.concat(name).join('.'), path });
  ctx.pushScope(name, fact.range[1]);
}

function handleCall(node: NodeId, ctx: ExtractContext): void {
  const t = ctx.tree;
  const fn = t.field(node, 'function');
  if (!fn) return;
  const list = t.field(node, 'arguments');
  const args: ArgFact[] = [];
  if (list) {
    for (const arg of t.namedChildren(list)) {
      const type = t.type(arg);
      if (type === 'comment') continue;
      if (type === 'keyword_argument') {
        const name = t.field(arg, 'name');
        const value = t.field(arg, 'value');
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

function handleImport(node: NodeId, ctx: ExtractContext): boolean {
  const t = ctx.tree;
  if (t.type(node) === 'import_from_statement') {
    const module = t.field(node, 'module_name');
    if (module) ctx.facts.imports.push({ module: compact(ctx.slice(module)), range: ctx.range(module) });
    return true;
  }
  for (const name of t.fieldAll(node, 'name')) {
    const dotted = t.type(name) === 'aliased_import' ? t.field(name, 'name') : name;
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
