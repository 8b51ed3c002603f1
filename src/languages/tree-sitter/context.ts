/**
 * Per-document extraction state: the facts being built, syntax-error bookkeeping and the
 * enclosing-name stack used for `path` of nested initializers / objects / dicts.
 */
import { emptyFacts } from '../../core/facts';
import type { ArgFact, AssignmentFact, Facts, Range, StringFact, ValueFact } from '../../core/facts';
import type { ParseError } from '../../core/language';
import type { NodeId, SyntaxTree } from './syntax-tree';
import { compact, splitCallee } from './text';

/** At most this many syntax errors are reported per document; the rest only widen nothing. */
export const MAX_PARSE_ERRORS = 20;

/** Language-specific pieces the generic walker calls back into. */
export interface Dialect {
  /** Handlers by node type; returning `true` skips the node's children. */
  readonly handlers: Readonly<Record<string, (node: NodeId, ctx: ExtractContext) => boolean | void>>;
  /** Classifies an expression node into a value fact. */
  value(node: NodeId, ctx: ExtractContext): ValueFact;
  /** Builds the string fact for a string-literal node, or undefined if it is not one. */
  stringOf(node: NodeId, ctx: ExtractContext): StringFact | undefined;
}

/** Mutable state for one `extract` call. */
export class ExtractContext {
  readonly facts: Facts = emptyFacts();
  readonly errors: ParseError[] = [];
  readonly errorRanges: Range[] = [];
  private suppressStart = -1;
  private suppressEnd = -1;
  private readonly scopeEnds: number[] = [];
  private readonly scopeNames: string[] = [];
  private readonly stringMemo = new Map<number, StringFact>();

  /** `performance.now()` time after which the walk stops (the document is then a budget skip). */
  deadline: number | undefined;

  /** The parse tree being walked (set by the walker). */
  tree!: SyntaxTree;

  /**
   * @param text the whole document
   * @param offset where in `text` the parsed text starts (a parse window); tree positions are
   *   relative to it, facts are in `text` offsets
   */
  constructor(readonly text: string, readonly dialect: Dialect, readonly offset = 0) {}

  /** Source text of `node`. */
  slice(node: NodeId): string {
    return this.text.slice(this.tree.start(node), this.tree.end(node));
  }

  /** Half-open range of `node`. */
  range(node: NodeId): Range {
    return [this.tree.start(node), this.tree.end(node)];
  }

  /** Type name of `node`. */
  type(node: NodeId): string {
    return this.tree.type(node);
  }

  /** Value fact for an expression node. */
  value(node: NodeId): ValueFact {
    return this.dialect.value(node, this);
  }

  /** Memoized string fact: the same literal is built once for its assignment and its string fact. */
  stringOf(node: NodeId): StringFact | undefined {
    // Keyed by the node, not the handle: two lookups of one node give two handles.
    const key = this.tree.key(node);
    const hit = this.stringMemo.get(key);
    if (hit) return hit;
    const fact = this.dialect.stringOf(node, this);
    if (fact) this.stringMemo.set(key, fact);
    return fact;
  }

  /** Value fact for a string-literal node (kind 'string', or 'template' when it interpolates). */
  stringValue(node: NodeId, interpolates = false): ValueFact {
    const s = this.stringOf(node);
    if (!s) return this.other(node);
    return { kind: interpolates ? 'template' : 'string', text: this.text.slice(s.range[0], s.range[1]), value: s.value, range: s.range, innerRange: s.innerRange };
  }

  /** Fallback value fact. */
  other(node: NodeId, kind: ValueFact['kind'] = 'other'): ValueFact {
    const start = this.tree.start(node);
    const end = this.tree.end(node);
    return { kind, text: this.text.slice(start, end), range: [start, end] };
  }

  /** Records the string fact of `node` unless it belongs to an already recorded concatenation. */
  addStringNode(node: NodeId): void {
    const start = this.tree.start(node);
    if (start >= this.suppressStart && start < this.suppressEnd) return;
    const s = this.stringOf(node);
    if (s) this.facts.strings.push(s);
  }

  /** Records a concatenation as one string fact and suppresses the string parts inside it. */
  addConcatenation(node: NodeId): void {
    const s = this.stringOf(node);
    if (s) this.facts.strings.push(s);
    this.suppressStart = this.tree.start(node);
    this.suppressEnd = this.tree.end(node);
  }

  /** Enclosing names for a nested entry starting at `start`, outermost first. */
  path(start: number): string[] {
    const ends = this.scopeEnds;
    while (ends.length && ends[ends.length - 1] <= start) {
      ends.pop();
      this.scopeNames.pop();
    }
    return this.scopeNames.slice();
  }

  /** Opens a naming scope (a designated field, property or dict key) until `end`. */
  pushScope(name: string, end: number): void {
    this.scopeEnds.push(end);
    this.scopeNames.push(name);
  }

  /** Records an assignment whose name node is `nameNode`. */
  addAssignment(
    kind: AssignmentFact['kind'], nameNode: NodeId, valueNode: NodeId, rangeNode: NodeId,
    opts: { name?: string; target?: string; path?: string[] } = {},
  ): AssignmentFact {
    const nameRange = this.range(nameNode);
    const target = opts.target ?? compact(this.text.slice(nameRange[0], nameRange[1]));
    const fact: AssignmentFact = {
      kind,
      name: opts.name ?? splitCallee(target).name,
      target,
      path: opts.path ?? [],
      nameRange,
      value: this.value(valueNode),
      range: this.range(rangeNode),
    };
    this.facts.assignments.push(fact);
    return fact;
  }

  /** Records a call; `args` are already classified. */
  addCall(callNode: NodeId, calleeNode: NodeId, args: ArgFact[]): void {
    const calleeRange = this.range(calleeNode);
    const callee = compact(this.text.slice(calleeRange[0], calleeRange[1]));
    const { name, receiver } = splitCallee(callee);
    this.facts.calls.push({ callee, name, receiver, args, calleeRange, range: this.range(callNode) });
  }

  /** Positional arguments of an argument-list node (0: none), skipping comments. */
  positionalArgs(list: NodeId): ArgFact[] {
    const args: ArgFact[] = [];
    if (!list) return args;
    for (const arg of this.tree.namedChildren(list)) {
      if (this.tree.type(arg) !== 'comment') args.push({ value: this.value(arg) });
    }
    return args;
  }

  /** Records a comment node. */
  addComment(node: NodeId): void {
    const range = this.range(node);
    this.facts.comments.push({ text: this.text.slice(range[0], range[1]), range });
  }

  /** Records a syntax-error region (ERROR node or zero-width MISSING node). */
  addSyntaxError(range: Range, message: string): void {
    if (this.errors.length >= MAX_PARSE_ERRORS) return;
    // Nested ERROR nodes inside an already recorded region add nothing.
    const last = this.errorRanges[this.errorRanges.length - 1];
    if (last && range[0] >= last[0] && range[1] <= last[1] && range[1] > range[0]) return;
    this.errorRanges.push(range);
    this.errors.push({ message, range });
  }
}
