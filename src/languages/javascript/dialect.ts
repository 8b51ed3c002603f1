/** JavaScript fact handlers; the TypeScript dialect extends these (same node names). */
import type { Node } from 'web-tree-sitter';
import type { ArgFact, StringFact, ValueFact } from '../../core/facts';
import type { Dialect, ExtractContext } from '../tree-sitter/context';
import { compact, decodeEscapes, parseNumber } from '../tree-sitter/text';

type Handlers = Dialect['handlers'];

const IDENTIFIER_TYPES = new Set(['identifier', 'member_expression', 'this', 'property_identifier', 'shorthand_property_identifier', 'super']);
const ENV_OBJECTS = new Set(['process.env', 'import.meta.env', 'Bun.env']);
const ENV_FUNCTIONS = new Set(['Deno.env.get']);
/** Wrappers whose value is their (first) expression: `(x)`, `x as T`, `x satisfies T`, `x!`. */
const WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);

/** Builds the string fact of a JS/TS `string` or `template_string` node. */
export function jsStringOf(node: Node, ctx: ExtractContext): StringFact | undefined {
  const type = node.type;
  if (type !== 'string' && type !== 'template_string') return undefined;
  const start = node.startIndex;
  const end = node.endIndex;
  const innerStart = start + 1;
  const innerEnd = end - start >= 2 ? end - 1 : end;
  if (type === 'string') {
    return { value: decodeEscapes(ctx.text.slice(innerStart, innerEnd)), range: [start, end], innerRange: [innerStart, innerEnd], kind: 'string' };
  }
  let value = '';
  let at = innerStart;
  for (let i = 0, n = node.namedChildCount; i < n; i++) {
    const child = node.namedChild(i)!;
    if (child.type !== 'template_substitution') continue;
    value += decodeEscapes(ctx.text.slice(at, child.startIndex));
    at = child.endIndex;
  }
  value += decodeEscapes(ctx.text.slice(at, innerEnd));
  return { value, range: [start, end], innerRange: [innerStart, innerEnd], kind: 'template' };
}

function hasSubstitution(node: Node): boolean {
  for (let i = 0, n = node.namedChildCount; i < n; i++) if (node.namedChild(i)!.type === 'template_substitution') return true;
  return false;
}

/** `process.env.X`, `process.env['X']`, `Deno.env.get('X')` → the variable name (or undefined name). */
function envLookup(node: Node, ctx: ExtractContext): { name?: string } | undefined {
  if (node.type === 'member_expression' || node.type === 'subscript_expression') {
    const obj = node.childForFieldName('object');
    if (!obj || !ENV_OBJECTS.has(compact(ctx.slice(obj)))) return undefined;
    if (node.type === 'member_expression') {
      const prop = node.childForFieldName('property');
      return { name: prop ? ctx.slice(prop) : undefined };
    }
    const index = node.childForFieldName('index');
    return { name: index ? jsStringOf(index, ctx)?.value : undefined };
  }
  if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function');
    if (!fn || !ENV_FUNCTIONS.has(compact(ctx.slice(fn)))) return undefined;
    const arg = node.childForFieldName('arguments')?.namedChild(0);
    return { name: arg ? jsStringOf(arg, ctx)?.value : undefined };
  }
  return undefined;
}

/** Classifies a JS/TS expression. */
export function jsValue(node: Node, ctx: ExtractContext): ValueFact {
  const type = node.type;
  switch (type) {
    case 'string':
      return ctx.stringValue(node);
    case 'template_string':
      return ctx.stringValue(node, hasSubstitution(node));
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
      for (let i = 0, n = node.namedChildCount; i < n; i++) {
        const child = node.namedChild(i)!;
        if (child.type !== 'comment') elements.push(jsValue(child, ctx));
      }
      return { ...ctx.other(node, 'array'), elements };
    }
    case 'object':
      return ctx.other(node, 'object');
    case 'type_assertion': {
      const inner = node.lastNamedChild; // `<T>expr`
      return inner ? jsValue(inner, ctx) : ctx.other(node);
    }
    case 'member_expression':
    case 'subscript_expression':
    case 'call_expression': {
      const env = envLookup(node, ctx);
      if (env) return { ...ctx.other(node, 'env'), envName: env.name };
      if (type === 'call_expression') return ctx.other(node, 'call');
      if (type === 'subscript_expression') return ctx.other(node);
      break;
    }
    case 'new_expression':
      return ctx.other(node, 'call');
    default:
      if (WRAPPERS.has(type)) {
        const inner = node.firstNamedChild;
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

function addImport(ctx: ExtractContext, source: Node | null | undefined): void {
  const s = source ? jsStringOf(source, ctx) : undefined;
  if (s) ctx.facts.imports.push({ module: s.value, range: s.range });
}

function handleCall(node: Node, ctx: ExtractContext): void {
  const fn = node.childForFieldName('function');
  if (!fn) return;
  const list = node.childForFieldName('arguments');
  const args: ArgFact[] = list?.type === 'template_string' ? [{ value: jsValue(list, ctx) }] : ctx.positionalArgs(list);
  ctx.addCall(node, fn, args);
  // `require('x')` and `import('x')` are dependencies too.
  if ((fn.type === 'import' || (fn.type === 'identifier' && ctx.slice(fn) === 'require')) && list) addImport(ctx, list.namedChild(0));
}

/** Handler for an object property / class field whose key is in field `keyField`. */
export function handleProperty(kind: 'property', keyField: string) {
  return (node: Node, ctx: ExtractContext): void => {
    const key = node.childForFieldName(keyField);
    const value = node.childForFieldName('value');
    if (!key || key.type === 'computed_property_name') return;
    const name = key.type === 'string' ? jsStringOf(key, ctx)?.value ?? ctx.slice(key) : ctx.slice(key);
    const path = ctx.path(node.startIndex);
    const fact = value ? ctx.addAssignment(kind, key, value, node, { name, target: path.concat(name).join('.'), path }) : undefined;
    ctx.pushScope(name, fact ? fact.range[1] : node.endIndex);
  };
}

/** Handlers for JavaScript (and, extended, TypeScript). */
export const JS_HANDLERS: Handlers = {
  comment: (node, ctx) => { ctx.addComment(node); return true; },
  string: (node, ctx) => { ctx.addStringNode(node); return true; },
  template_string: (node, ctx) => { ctx.addStringNode(node); }, // substitutions may hold calls
  variable_declarator: (node, ctx) => {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    // Destructuring patterns bind no single name; their defaults still get visited.
    if (name?.type === 'identifier' && value) ctx.addAssignment('variable', name, value, node);
  },
  assignment_expression: (node, ctx) => {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left && right && left.type !== 'object_pattern' && left.type !== 'array_pattern') ctx.addAssignment('variable', left, right, node);
  },
  pair: handleProperty('property', 'key'),
  field_definition: handleProperty('property', 'property'),
  call_expression: handleCall,
  new_expression: (node, ctx) => {
    const ctor = node.childForFieldName('constructor');
    if (ctor) ctx.addCall(node, ctor, ctx.positionalArgs(node.childForFieldName('arguments')));
  },
  import_statement: (node, ctx) => { addImport(ctx, node.childForFieldName('source')); },
  export_statement: (node, ctx) => { addImport(ctx, node.childForFieldName('source')); },
};

/** The JavaScript dialect. */
export const javascriptDialect: Dialect = { handlers: JS_HANDLERS, value: jsValue, stringOf: jsStringOf };
