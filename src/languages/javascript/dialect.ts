/** JavaScript fact handlers; the TypeScript dialect extends these (same node names). */
import type { ArgFact, StringFact, ValueFact } from '../../core/facts';
import type { Dialect, ExtractContext } from '../tree-sitter/context';
import type { NodeId } from '../tree-sitter/syntax-tree';
import { compact, decodeEscapes, parseNumber } from '../tree-sitter/text';

type Handlers = Dialect['handlers'];

const IDENTIFIER_TYPES = new Set(['identifier', 'member_expression', 'this', 'property_identifier', 'shorthand_property_identifier', 'super']);
const ENV_OBJECTS = new Set(['process.env', 'import.meta.env', 'Bun.env']);
const ENV_FUNCTIONS = new Set(['Deno.env.get']);
/** Wrappers whose value is their (first) expression: `(x)`, `x as T`, `x satisfies T`, `x!`. */
const WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);

/** Builds the string fact of a JS/TS `string` or `template_string` node. */
export function jsStringOf(node: NodeId, ctx: ExtractContext): StringFact | undefined {
  const t = ctx.tree;
  const type = t.type(node);
  if (type !== 'string' && type !== 'template_string') return undefined;
  const start = t.start(node);
  const end = t.end(node);
  const innerStart = start + 1;
  const innerEnd = end - start >= 2 ? end - 1 : end;
  if (type === 'string') {
    return { value: decodeEscapes(ctx.text.slice(innerStart, innerEnd)), range: [start, end], innerRange: [innerStart, innerEnd], kind: 'string' };
  }
  let value = '';
  let at = innerStart;
  for (const child of t.namedChildren(node)) {
    if (t.type(child) !== 'template_substitution') continue;
    value += decodeEscapes(ctx.text.slice(at, t.start(child)));
    at = t.end(child);
  }
  value += decodeEscapes(ctx.text.slice(at, innerEnd));
  return { value, range: [start, end], innerRange: [innerStart, innerEnd], kind: 'template' };
}

function hasSubstitution(node: NodeId, ctx: ExtractContext): boolean {
  for (const child of ctx.tree.namedChildren(node)) if (ctx.type(child) === 'template_substitution') return true;
  return false;
}

/** `process.env.X`, `process.env['X']`, `Deno.env.get('X')` → the variable name (or undefined name). */
function envLookup(node: NodeId, type: string, ctx: ExtractContext): { name?: string } | undefined {
  const t = ctx.tree;
  if (type === 'member_expression' || type === 'subscript_expression') {
    const obj = t.field(node, 'object');
    if (!obj || !ENV_OBJECTS.has(compact(ctx.slice(obj)))) return undefined;
    if (type === 'member_expression') {
      const prop = t.field(node, 'property');
      return { name: prop ? ctx.slice(prop) : undefined };
    }
    const index = t.field(node, 'index');
    return { name: index ? jsStringOf(index, ctx)?.value : undefined };
  }
  if (type === 'call_expression') {
    const fn = t.field(node, 'function');
    if (!fn || !ENV_FUNCTIONS.has(compact(ctx.slice(fn)))) return undefined;
    const args = t.field(node, 'arguments');
    const arg = args && t.namedChild(args, 0);
    return { name: arg ? jsStringOf(arg, ctx)?.value : undefined };
  }
  return undefined;
}

/** Classifies a JS/TS expression. */
export function jsValue(node: NodeId, ctx: ExtractContext): ValueFact {
  const t = ctx.tree;
  const type = t.type(node);
  switch (type) {
    case 'string':
      return ctx.stringValue(node);
    case 'template_string':
      return ctx.stringValue(node, hasSubstitution(node, ctx));
    case 'number': {
      const fact = ctx.other(node, 'number');
      fact.value = parseNumber(fact.text);
      return fact;
    }
    case 'true':
    case 'false':
      return { ...ctx.other(node, 'boolean'), value: type === 'true' };
    case 'null':
    case 'undefined':
      return ctx.other(node, 'null');
    case 'array': {
      const elements: ValueFact[] = [];
      for (const child of t.namedChildren(node)) {
        if (t.type(child) !== 'comment') elements.push(jsValue(child, ctx));
      }
      return { ...ctx.other(node, 'array'), elements };
    }
    case 'object':
      return ctx.other(node, 'object');
    case 'type_assertion': {
      const inner = t.lastNamedChild(node); // `<T>expr`
      return inner ? jsValue(inner, ctx) : ctx.other(node);
    }
    case 'member_expression':
    case 'subscript_expression':
    case 'call_expression': {
      const env = envLookup(node, type, ctx);
      if (env) return { ...ctx.other(node, 'env'), envName: env.name };
      if (type === 'call_expression') return ctx.other(node, 'call');
      if (type === 'subscript_expression') return ctx.other(node);
      break;
    }
    case 'new_expression':
      return ctx.other(node, 'call');
    default:
      if (WRAPPERS.has(type)) {
        const inner = t.namedChild(node, 0);
        return inner ? jsValue(inner, ctx) : ctx.other(node);
      }
  }
  if (IDENTIFIER_TYPES.has(type)) {
    const fact = ctx.other(node, 'identifier');
    fact.text = compact(fact.text);
    return fact;
  }
  return ctx.other(node);
}

function addImport(ctx: ExtractContext, source: NodeId): void {
  const s = source ? jsStringOf(source, ctx) : undefined;
  if (s) ctx.facts.imports.push({ module: s.value, range: s.range });
}

function handleCall(node: NodeId, ctx: ExtractContext): void {
  const t = ctx.tree;
  const fn = t.field(node, 'function');
  if (!fn) return;
  const list = t.field(node, 'arguments');
  const args: ArgFact[] = list && t.type(list) === 'template_string' ? [{ value: jsValue(list, ctx) }] : ctx.positionalArgs(list);
  ctx.addCall(node, fn, args);
  // `require('x')` and `import('x')` are dependencies too.
  const fnType = t.type(fn);
  if ((fnType === 'import' || (fnType === 'identifier' && ctx.slice(fn) === 'require')) && list) addImport(ctx, t.namedChild(list, 0));
}

/** Handler for an object property / class field whose key is in field `keyField`. */
export function handleProperty(kind: 'property', keyField: string) {
  return (node: NodeId, ctx: ExtractContext): void => {
    const t = ctx.tree;
    const key = t.field(node, keyField);
    const value = t.field(node, 'value');
    if (!key || t.type(key) === 'computed_property_name') return;
    const name = t.type(key) === 'string' ? jsStringOf(key, ctx)?.value ?? ctx.slice(key) : ctx.slice(key);
    const path = ctx.path(t.start(node));
    const fact = value ? ctx.addAssignment(kind, key, value, node, { name, target: path.concat(name).join('.'), path }) : undefined;
    ctx.pushScope(name, fact ? fact.range[1] : t.end(node));
  };
}

/** Handlers for JavaScript (and, extended, TypeScript). */
export const JS_HANDLERS: Handlers = {
  comment: (node, ctx) => { ctx.addComment(node); return true; },
  string: (node, ctx) => { ctx.addStringNode(node); return true; },
  template_string: (node, ctx) => { ctx.addStringNode(node); }, // substitutions may hold calls
  variable_declarator: (node, ctx) => {
    const name = ctx.tree.field(node, 'name');
    const value = ctx.tree.field(node, 'value');
    // Destructuring patterns bind no single name; their defaults still get visited.
    if (name && ctx.type(name) === 'identifier' && value) ctx.addAssignment('variable', name, value, node);
  },
  assignment_expression: (node, ctx) => {
    const left = ctx.tree.field(node, 'left');
    const right = ctx.tree.field(node, 'right');
    if (left && right && ctx.type(left) !== 'object_pattern' && ctx.type(left) !== 'array_pattern') ctx.addAssignment('variable', left, right, node);
  },
  pair: handleProperty('property', 'key'),
  field_definition: handleProperty('property', 'property'),
  call_expression: handleCall,
  new_expression: (node, ctx) => {
    const ctor = ctx.tree.field(node, 'constructor');
    if (ctor) ctx.addCall(node, ctor, ctx.positionalArgs(ctx.tree.field(node, 'arguments')));
  },
  import_statement: (node, ctx) => { addImport(ctx, ctx.tree.field(node, 'source')); },
  export_statement: (node, ctx) => { addImport(ctx, ctx.tree.field(node, 'source')); },
};

/** The JavaScript dialect. */
export const javascriptDialect: Dialect = { handlers: JS_HANDLERS, value: jsValue, stringOf: jsStringOf };
