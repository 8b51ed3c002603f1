/**
 * Fact handlers shared by C and C++ (tree-sitter-cpp reuses tree-sitter-c's node names).
 * C++ adds raw strings, member initializer lists and `new` on top of these.
 */
import type { StringFact, ValueFact } from '../../core/facts';
import type { Dialect, ExtractContext } from '../tree-sitter/context';
import type { NodeId } from '../tree-sitter/syntax-tree';
import { compact, decodeEscapes, parseNumber } from '../tree-sitter/text';
import { parseDefineArg } from './define';

type Handlers = Dialect['handlers'];

const NAME_TYPES = new Set(['identifier', 'field_identifier', 'qualified_identifier', 'type_identifier', 'operator_name', 'destructor_name']);
const IDENTIFIER_TYPES = new Set(['identifier', 'field_identifier', 'field_expression', 'qualified_identifier', 'this', 'namespace_identifier']);
const ENV_FUNCTIONS = new Set(['getenv', 'std::getenv', 'secure_getenv']);

// Arduino/ESP-IDF storage attributes that tree-sitter cannot know are macros; blanked with
// equal-length spaces before parsing so every offset stays valid.
const ATTRIBUTE_MACROS = /\b(?:PROGMEM|ICACHE_RODATA_ATTR|ICACHE_FLASH_ATTR|IRAM_ATTR|DRAM_ATTR|RTC_DATA_ATTR|RTC_NOINIT_ATTR|EXT_RAM_ATTR|EXT_RAM_BSS_ATTR|WORD_ALIGNED_ATTR|STORE_ATTR)\b/g;

/** Blanks attribute macros (`PROGMEM`…) without moving offsets. */
export function blankAttributeMacros(text: string): string {
  // Every macro but PROGMEM contains `ATTR`; two plain searches spare most files the regex.
  if (!text.includes('ATTR') && !text.includes('PROGMEM')) return text;
  return text.replace(ATTRIBUTE_MACROS, (m) => ' '.repeat(m.length));
}

/** Builds the string fact of a C/C++ literal node (plain, prefixed, raw or concatenated). */
export function cStringOf(node: NodeId, ctx: ExtractContext): StringFact | undefined {
  switch (ctx.type(node)) {
    case 'string_literal': {
      const [start, end] = ctx.range(node);
      const q = ctx.text.indexOf('"', start) - start; // after an optional u8/L/u/U prefix
      const innerStart = start + q + 1;
      const innerEnd = end - start > q + 1 && ctx.text.charCodeAt(end - 1) === 34 ? end - 1 : end;
      return { value: decodeEscapes(ctx.text.slice(innerStart, innerEnd)), range: [start, end], innerRange: [innerStart, innerEnd], kind: 'string' };
    }
    case 'raw_string_literal': {
      const [start, end] = ctx.range(node);
      const text = ctx.text.slice(start, end);
      const q = text.indexOf('"');
      const open = text.indexOf('(', q);
      const delim = open - q - 1;
      const innerStart = start + open + 1;
      const innerEnd = Math.max(innerStart, end - delim - 2);
      return { value: ctx.text.slice(innerStart, innerEnd), range: [start, end], innerRange: [innerStart, innerEnd], kind: 'raw' };
    }
    case 'concatenated_string': {
      let value = '';
      let first: StringFact | undefined;
      let last: StringFact | undefined;
      let allRaw = true;
      for (const child of ctx.tree.namedChildren(node)) {
        const type = ctx.type(child);
        const part = type === 'string_literal' || type === 'raw_string_literal' ? cStringOf(child, ctx) : undefined;
        if (!part) continue; // macro pieces such as PRIu32 have no literal value
        value += part.value;
        first ??= part;
        last = part;
        allRaw &&= part.kind === 'raw';
      }
      if (!first || !last) return undefined;
      return { value, range: ctx.range(node), innerRange: [first.innerRange[0], last.innerRange[1]], kind: allRaw ? 'raw' : 'string' };
    }
    default:
      return undefined;
  }
}

/** Classifies a C/C++ expression. */
export function cValue(node: NodeId, ctx: ExtractContext): ValueFact {
  const t = ctx.tree;
  const type = t.type(node);
  switch (type) {
    case 'string_literal':
    case 'raw_string_literal':
    case 'concatenated_string':
      return ctx.stringValue(node);
    case 'number_literal': {
      const fact = ctx.other(node, 'number');
      fact.value = parseNumber(fact.text);
      return fact;
    }
    case 'true':
    case 'false':
      return { ...ctx.other(node, 'boolean'), value: type === 'true' };
    case 'null':
      return ctx.other(node, 'null');
    case 'parenthesized_expression': {
      const inner = t.namedChild(node, 0);
      return inner && t.namedChildCount(node) === 1 ? cValue(inner, ctx) : ctx.other(node);
    }
    case 'argument_list': // `String pass("secret")`: a constructor argument is the value
      return t.namedChildCount(node) === 1 ? cValue(t.namedChild(node, 0), ctx) : ctx.other(node);
    case 'initializer_list': {
      const elements: ValueFact[] = [];
      for (const child of t.namedChildren(node)) {
        const childType = t.type(child);
        if (childType === 'initializer_pair') return ctx.other(node, 'object');
        if (childType !== 'comment') elements.push(cValue(child, ctx));
      }
      return { ...ctx.other(node, 'array'), elements };
    }
    case 'call_expression': {
      const fn = t.field(node, 'function');
      if (fn && ENV_FUNCTIONS.has(compact(ctx.slice(fn)))) {
        const args = t.field(node, 'arguments');
        const arg = args && t.namedChild(args, 0);
        const name = arg ? ctx.stringOf(arg)?.value : undefined;
        return { ...ctx.other(node, 'env'), envName: name };
      }
      return ctx.other(node, 'call');
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

/** The identifier a (pointer/array/reference/function) declarator finally names. */
function declaratorName(node: NodeId, ctx: ExtractContext): NodeId {
  const t = ctx.tree;
  for (let i = 0; node && i < 16; i++) {
    if (NAME_TYPES.has(t.type(node))) return node;
    node = t.field(node, 'declarator') || t.lastNamedChild(node);
  }
  return 0;
}

function handleDeclaration(node: NodeId, ctx: ExtractContext): void {
  const t = ctx.tree;
  const declarators = t.fieldAll(node, 'declarator');
  const isField = t.type(node) === 'field_declaration';
  for (const decl of declarators) {
    if (t.type(decl) === 'init_declarator') {
      const name = declaratorName(t.field(decl, 'declarator'), ctx);
      const value = t.field(decl, 'value');
      if (name && value) ctx.addAssignment(isField ? 'field' : 'variable', name, value, declarators.length === 1 ? node : decl);
    } else if (isField) {
      const value = t.field(node, 'default_value');
      const name = declaratorName(decl, ctx);
      if (name && value) ctx.addAssignment('field', name, value, node);
    }
  }
}

function handleInitializerPair(node: NodeId, ctx: ExtractContext): void {
  const t = ctx.tree;
  // Designators first, the value last.
  const children = t.namedChildren(node);
  const value = children.length > 1 ? children[children.length - 1] : 0;
  const designators = children.slice(0, -1);
  if (!value) return;
  const path = ctx.path(t.start(node));
  const names: string[] = [];
  let nameNode: NodeId = 0;
  for (const d of designators) {
    // `.field` wraps a field_identifier; `[3]` keeps its index text; GNU `field:` is the identifier itself.
    const type = t.type(d);
    const id = type === 'field_designator' || type === 'subscript_designator' ? t.namedChild(d, 0) : d;
    if (!id || t.type(id) === 'comment') continue;
    names.push(compact(ctx.slice(id)));
    nameNode = id;
  }
  if (!nameNode) return;
  const name = names[names.length - 1];
  const fullPath = path.concat(names.slice(0, -1));
  const fact = ctx.addAssignment('field', nameNode, value, node, { name, target: fullPath.concat(name).join('.'), path: fullPath });
  for (const n of names) ctx.pushScope(n, fact.range[1]);
}

function handleCall(node: NodeId, ctx: ExtractContext): void {
  const fn = ctx.tree.field(node, 'function');
  if (fn) ctx.addCall(node, fn, ctx.positionalArgs(ctx.tree.field(node, 'arguments')));
}

function handleInclude(node: NodeId, ctx: ExtractContext): boolean {
  const path = ctx.tree.field(node, 'path');
  if (path) {
    const text = ctx.slice(path);
    const module = ctx.type(path) === 'string_literal' ? ctx.stringOf(path)?.value ?? text : text.replace(/^<|>$/g, '');
    ctx.facts.imports.push({ module, range: ctx.range(path) });
  }
  return true;
}

function handleDefine(node: NodeId, ctx: ExtractContext): boolean {
  const t = ctx.tree;
  const name = t.field(node, 'name');
  const arg = t.field(node, 'value');
  if (!name || !arg) return false; // `#define FEATURE` has no value; comments inside still get visited
  const argEnd = t.end(arg);
  const { value, strings, commentStart } = parseDefineArg(ctx.slice(arg), t.start(arg));
  for (const s of strings) ctx.facts.strings.push(s);
  // tree-sitter leaves a trailing `// …` inside preproc_arg; suppressions there must still work.
  if (commentStart !== undefined) {
    const end = commentStart + ctx.text.slice(commentStart, argEnd).trimEnd().length;
    ctx.facts.comments.push({ text: ctx.text.slice(commentStart, end), range: [commentStart, end] });
  }
  const nameText = ctx.slice(name);
  ctx.facts.assignments.push({
    kind: 'define', name: nameText, target: nameText, path: [], nameRange: ctx.range(name), value,
    range: [t.start(node), argEnd], // the preproc_def node also swallows the newline
  });
  return false; // a trailing `/* … */` comment is a child node
}

/** Handlers common to C and C++. */
export const C_HANDLERS: Handlers = {
  comment: (node, ctx) => { ctx.addComment(node); return true; },
  string_literal: (node, ctx) => { ctx.addStringNode(node); return true; },
  concatenated_string: (node, ctx) => { ctx.addConcatenation(node); return true; },
  preproc_include: handleInclude,
  preproc_def: handleDefine,
  declaration: handleDeclaration,
  field_declaration: handleDeclaration,
  assignment_expression: (node, ctx) => {
    const left = ctx.tree.field(node, 'left');
    const right = ctx.tree.field(node, 'right');
    if (left && right) ctx.addAssignment('variable', left, right, node);
  },
  initializer_pair: handleInitializerPair,
  call_expression: handleCall,
};

/** The C dialect. */
export const cDialect: Dialect = { handlers: C_HANDLERS, value: cValue, stringOf: cStringOf };
