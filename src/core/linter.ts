import type { ResolvedConfig } from './config';
import { defaultConfig } from './config';
import type { Facts, Range } from './facts';
import type { Finding, Fix, Position, Severity } from './finding';
import { normalizeForFingerprint, stableHash } from './fingerprint';
import type { GrammarName, LanguageId, LanguageSupport, ParseError, RetainedParse } from './language';
import { LineIndex } from './line-index';
import { isTestPath } from './paths';
import { defaultDecode, KeywordPrefilter, type DecodeBytes, type PrefilterPlan } from './prefilter';
import { redact, redactAll } from './redact';
import type { Collector, FileSummary, ProjectRuleDefinition, Report, RuleContext, RuleDefinition, RuleMeta, Signal, WorkspaceFacts } from './rule';
import { findSuppressions, suppressionFor } from './suppressions';
import { coverage, windowsAround } from './windows';

/** A rule that threw; recorded, and the other rules still ran. */
export interface RuleError {
  ruleId: string;
  filePath: string;
  line?: number;
  message: string;
}

/** A parse problem with its 1-based position. */
export interface PositionedParseError extends ParseError {
  start: Position;
}

/** Everything the engine says about one document. */
export interface LintResult {
  filePath: string;
  languageId?: LanguageId;
  findings: Finding[];
  parseErrors: PositionedParseError[];
  ruleErrors: RuleError[];
  /** Signals for project rules (absence rules, shared credentials). */
  summary?: FileSummary;
  /** True when the document was parsed (some rule's prefilter matched). */
  parsed: boolean;
  /** Why the document was not analysed (e.g. "analysis exceeded time budget"); it has no findings then. */
  skipped?: string;
}

/** The `skipped` reason of a document whose parse ran past its time budget. */
export const BUDGET_EXCEEDED = 'analysis exceeded time budget';

export interface LintInput {
  text: string;
  /** Workspace-relative path with forward slashes ('' for untitled). */
  filePath: string;
  /** Overrides detection by file name (e.g. the editor's language id). */
  languageId?: LanguageId;
  workspace?: WorkspaceFacts;
  /** Per-document time budget in ms (parsing stops past it; the result is a skip). Default: the linter's. */
  budgetMs?: number;
}

/**
 * A document read from disk as UTF-8 bytes (BOM removed): the keyword prefilter runs on the bytes,
 * and the text is decoded only when some rule may fire on it.
 */
export interface LintBytesInput extends Omit<LintInput, 'text'> {
  bytes: Uint8Array;
  /** How to decode (default: TextDecoder); the caller may know a faster way for ASCII bytes. */
  decode?: DecodeBytes;
  /**
   * What `prefilter` answered for these bytes (e.g. in a worker thread, with a linter of the same
   * rules and configuration): the keyword pass is not run again.
   */
  prefiltered?: Prefiltered;
}

/** The keyword prefilter's answer for a document: the rules (and collectors) that may fire on it. */
export interface Prefiltered {
  ruleIds: string[];
  /** Every byte is ASCII (decoding is a Latin-1 copy), if known. */
  ascii?: boolean;
}

export interface LinterOptions {
  rules: readonly RuleDefinition[];
  projectRules?: readonly ProjectRuleDefinition[];
  /** Signal collectors (asset inventory for the threat model); they never report findings. */
  collectors?: readonly Collector[];
  languages: readonly LanguageSupport[];
  loadGrammar: (name: GrammarName) => Promise<Uint8Array>;
  /** Default per-document time budget in ms (`LintInput.budgetMs` overrides); unlimited when absent. */
  budgetMs?: number;
}

/**
 * One open document in an editor: re-analyses reuse the previous parse (tree-sitter incremental
 * parsing plus the facts of unchanged top-level declarations), so a keystroke costs about what
 * changed, not the whole file. Same results as `lintText`. Dispose it when the document closes.
 */
export interface DocumentSession {
  lint(input: LintInput, config?: ResolvedConfig): Promise<LintResult>;
  /** Frees the retained parse tree. */
  dispose(): void;
}

/** The engine: text + language + config in, findings out. Pure: no file system, no vscode. */
export interface Linter {
  /** Metadata of every rule (per-file and project), by id. */
  readonly rules: ReadonlyMap<string, RuleMeta>;
  readonly languages: readonly LanguageSupport[];
  languageFor(filePath: string): LanguageSupport | undefined;
  lintText(input: LintInput, config?: ResolvedConfig): Promise<LintResult>;
  /** `lintText` for UTF-8 bytes: files with nothing for any rule are never decoded. */
  lintBytes(input: LintBytesInput, config?: ResolvedConfig): Promise<LintResult>;
  /**
   * Only the keyword pass of `lintBytes` (no parse): which rules may fire. A scan runs it in
   * worker threads and finishes the few documents it selects on one thread.
   */
  prefilter(input: Omit<LintBytesInput, 'prefiltered'>, config?: ResolvedConfig): Prefiltered;
  /** A session for one open document (incremental re-analysis); see DocumentSession. */
  openDocument(): DocumentSession;
  /** Runs project rules over the summaries of a whole scan. */
  lintProject(summaries: readonly FileSummary[], config?: ResolvedConfig): { findings: Finding[]; ruleErrors: RuleError[] };
  dispose(): void;
}

const UNKNOWN_WORKSPACE: WorkspaceFacts = { isGitIgnored: () => undefined };
/**
 * Documents at least this long (UTF-16 units) are parsed only around keyword hits when hits are
 * sparse. 8 KB: below it the windows (±12 lines, snapped to whole declarations) cover most of a
 * file anyway; above it a scan of the bench workspace parses ~30% less with identical findings.
 */
export const WINDOW_MIN_CHARS = 8 * 1024;
/** Paths whose language `languageFor` remembers before starting over. */
const LANGUAGE_CACHE_MAX = 100_000;
/** Windows covering more than this share of the document: parse it whole instead. */
const WINDOW_MAX_COVERAGE = 0.5;
const EVIDENCE_MAX = 120;

/** Creates the engine with injected rules, languages and grammar loader (composition roots decide). */
export function createLinter(opts: LinterOptions): Linter {
  const rules = new Map<string, RuleMeta>();
  for (const r of [...opts.rules, ...(opts.projectRules ?? [])]) {
    if (rules.has(r.meta.id)) throw new Error(`Duplicate rule id "${r.meta.id}"`);
    rules.set(r.meta.id, r.meta);
  }
  const env = { loadGrammar: opts.loadGrammar };
  // Project-rule collectors run like rules that only publish signals.
  const collectors: RuleDefinition[] = (opts.projectRules ?? []).flatMap((p) => {
    const collect = p.collect?.bind(p);
    return collect ? [{ meta: p.meta, keywords: p.keywords, check: (ctx: RuleContext) => collect(ctx) }] : [];
  });
  for (const c of opts.collectors ?? []) {
    const meta = { id: `collector:${c.id}`, languages: c.languages } as RuleMeta; // only id/languages are read for collectors
    collectors.push({ meta, keywords: c.keywords, check: (ctx: RuleContext) => c.collect(ctx) });
  }
  const isCollector = new Set(collectors.map((c) => c.meta));
  const allChecks = [...opts.rules, ...collectors];
  const byLanguage = new Map<LanguageId, RuleDefinition[]>();
  for (const r of allChecks) {
    for (const l of r.meta.languages) {
      const list = byLanguage.get(l) ?? [];
      list.push(r);
      byLanguage.set(l, list);
    }
  }
  // One keyword pass for every language, built on the first document: each keyword is analysed and
  // each literal enters the automaton once (per language, the same work was done up to twelve times
  // in every thread). A language's plan leaves other languages' rules out.
  let prefilter: KeywordPrefilter<RuleDefinition> | undefined;
  const prefilterFor = (l: LanguageId): KeywordPrefilter<RuleDefinition> | undefined => {
    if (!byLanguage.has(l)) return undefined;
    return (prefilter ??= new KeywordPrefilter(allChecks.map((rule) => ({ rule, keywords: rule.keywords }))));
  };

  // What each configuration wants of the prefilter for each language: worked out on its first
  // document. (Keyed by identity: a configuration is never changed in place, a new one is made.)
  const plans = new WeakMap<ResolvedConfig, Map<LanguageId, PrefilterPlan>>();
  const planFor = (l: LanguageId, prefilter: KeywordPrefilter<RuleDefinition>, config: ResolvedConfig): PrefilterPlan => {
    let byLanguage = plans.get(config);
    if (!byLanguage) plans.set(config, (byLanguage = new Map()));
    let plan = byLanguage.get(l);
    if (!plan) {
      plan = prefilter.plan((r) => r.meta.languages.includes(l) && (isCollector.has(r.meta) || isEnabled(r.meta, config)) && (!r.isActive || r.isActive(config.settings)));
      byLanguage.set(l, plan);
    }
    return plan;
  };

  // A scan asks for each file's language several times (walk filter, read, lint), and each answer
  // tries up to a dozen languages' name patterns: remembered per path (bounded, for long sessions).
  const languageOf = new Map<string, LanguageSupport | undefined>();
  function languageFor(filePath: string): LanguageSupport | undefined {
    if (languageOf.has(filePath)) return languageOf.get(filePath);
    const language = opts.languages.find((l) => l.matches(filePath));
    if (languageOf.size >= LANGUAGE_CACHE_MAX) languageOf.clear();
    languageOf.set(filePath, language);
    return language;
  }

  function lintText(input: LintInput, config: ResolvedConfig = defaultConfig()): Promise<LintResult> {
    return lintWith(input, config);
  }

  function lintBytes(input: LintBytesInput, config: ResolvedConfig = defaultConfig()): Promise<LintResult> {
    return lintWith(input, config);
  }

  function prefilterBytes(input: Omit<LintBytesInput, 'prefiltered'>, config: ResolvedConfig = defaultConfig()): Prefiltered {
    const language = input.languageId ? opts.languages.find((l) => l.id === input.languageId) : languageFor(input.filePath);
    const prefilter = language && prefilterFor(language.id);
    if (!language || !prefilter) return { ruleIds: [] };
    const found = prefilter.candidatesInBytes(input.bytes, planFor(language.id, prefilter, config), input.decode, false);
    return { ruleIds: found.rules.map((r) => r.meta.id), ascii: found.ascii };
  }

  /** Lints one document; `state` (a document session) carries the retained parse between calls. */
  async function lintWith(input: LintInput | LintBytesInput, config: ResolvedConfig, state?: SessionState): Promise<LintResult> {
    const started = performance.now();
    const { filePath } = input;
    const language = input.languageId ? opts.languages.find((l) => l.id === input.languageId) : languageFor(filePath);
    const result: LintResult = { filePath, languageId: language?.id, findings: [], parseErrors: [], ruleErrors: [], parsed: false };
    // A retained parse is only valid for the language it came from.
    if (state?.parse && state.language !== language?.id) releaseState(state);
    if (!language) return result;
    const prefilter = prefilterFor(language.id);
    let text: string | undefined;
    let candidates: RuleDefinition[] = [];
    if ('prefiltered' in input && input.prefiltered) {
      const ids = new Set(input.prefiltered.ruleIds);
      candidates = (byLanguage.get(language.id) ?? []).filter((r) => ids.has(r.meta.id));
      if (candidates.length) text = (input.decode ?? defaultDecode)(input.bytes, input.prefiltered.ascii === true);
    } else if (prefilter) {
      const plan = planFor(language.id, prefilter, config);
      if ('text' in input) candidates = prefilter.candidates((text = input.text), plan);
      else ({ rules: candidates, text } = prefilter.candidatesInBytes(input.bytes, plan, input.decode));
    }
    if (!candidates.length || text === undefined) {
      if (state) releaseState(state);
      return result;
    }

    const budgetMs = input.budgetMs ?? opts.budgetMs;
    const previous = state?.parse;
    if (state) state.parse = undefined; // ownership passes to extract
    // A large document is parsed only around the candidate rules' keyword hits when they are sparse
    // (rules and collectors only report near their keywords); an editor session parses it whole.
    let windows: Range[] | undefined;
    if (!state && language.windowed && prefilter && text.length >= WINDOW_MIN_CHARS) {
      const hits = prefilter.hitOffsets(text, candidates, Math.ceil(text.length / 2048));
      const around = hits && windowsAround(text, hits);
      if (around && coverage(around) <= text.length * WINDOW_MAX_COVERAGE) windows = around;
    }
    const extracted = await language.extract(text, { ...env, filePath }, { deadline: budgetMs === undefined ? undefined : started + budgetMs, previous, retain: state !== undefined, windows });
    if (state) {
      state.parse = extracted.retained;
      state.language = language.id;
    } else {
      extracted.retained?.dispose();
    }
    if (extracted.timedOut) {
      result.skipped = BUDGET_EXCEEDED;
      return result;
    }
    result.parsed = true;
    const lines = new LineIndex(text);
    result.parseErrors = extracted.errors.map((e) => ({ ...e, start: lines.position(e.range[0]) }));
    const errorRanges = extracted.errorRanges ?? [];
    const isTest = isTestPath(filePath);
    const signals: FileSummary['signals'] = [];
    const reports: Array<{ meta: RuleMeta; report: Report }> = [];

    for (const rule of candidates) {
      const ctx = {
        text,
        languageId: language.id,
        filePath,
        facts: extracted.facts as Facts,
        settings: config.settings,
        workspace: input.workspace ?? UNKNOWN_WORKSPACE,
        isTestFile: isTest,
        report: (report: Report) => {
          if (!insideAny(report.range, errorRanges)) reports.push({ meta: rule.meta, report });
        },
        signal: (s: Signal) => signals.push({ ...s, start: lines.position(s.range[0]), end: lines.position(s.range[1]) }),
      };
      try {
        rule.check(ctx);
      } catch (err) {
        result.ruleErrors.push({ ruleId: rule.meta.id, filePath, message: `Rule "${rule.meta.id}" failed on ${filePath || '<untitled>'}: ${errorMessage(err)}` });
      }
    }

    const suppressions = reports.length ? findSuppressions(text, lines) : [];
    const seen = new Map<string, number>();
    for (const { meta, report } of reports) {
      const start = lines.position(report.range[0]);
      const sup = suppressionFor(suppressions, start.line, meta.id, meta.category);
      if (sup?.reason) continue;
      let finding: Finding;
      try {
        finding = toFinding(meta, report, { text, filePath, languageId: language.id, lines, config, isTest, seen });
      } catch (err) {
        result.ruleErrors.push({ ruleId: meta.id, filePath, line: start.line, message: `Rule "${meta.id}" failed on ${filePath || '<untitled>'}:${start.line}: ${errorMessage(err)}` });
        continue;
      }
      if (sup) finding.message += ' (suppression ignored: add a reason after "--")';
      result.findings.push(finding);
      if (report.secret && report.secret.length >= 6) {
        signals.push({ kind: 'secret', key: meta.id, value: stableHash('secret', report.secret), range: report.range, start, end: finding.end });
      }
    }
    result.findings.sort((a, b) => a.range[0] - b.range[0] || a.ruleId.localeCompare(b.ruleId));
    result.summary = { filePath, languageId: language.id, signals };
    return result;
  }

  function lintProject(summaries: readonly FileSummary[], config: ResolvedConfig = defaultConfig()): { findings: Finding[]; ruleErrors: RuleError[] } {
    const out: Finding[] = [];
    const ruleErrors: RuleError[] = [];
    for (const rule of opts.projectRules ?? []) {
      if (!isEnabled(rule.meta, config)) continue;
      const seen = new Map<string, number>();
      try {
        rule.checkProject({
          files: summaries,
          settings: config.settings,
          report: (filePath, r) => {
            const evidence = r.secret ? redactAll(r.evidence ?? '', [r.secret]) : (r.evidence ?? '');
            const f = baseFinding(rule.meta, r, config, filePath, isTestPath(filePath));
            out.push({ ...f, start: r.start, end: r.end, evidence, fingerprint: fingerprintOf(rule.meta.id, filePath, r.messageId, evidence, seen) });
          },
        });
      } catch (err) {
        ruleErrors.push({ ruleId: rule.meta.id, filePath: '', message: `Project rule "${rule.meta.id}" failed: ${errorMessage(err)}` });
      }
    }
    out.sort((a, b) => a.filePath.localeCompare(b.filePath) || a.range[0] - b.range[0]);
    return { findings: out, ruleErrors };
  }

  function openDocument(): DocumentSession {
    const state: SessionState = {};
    let queue: Promise<unknown> = Promise.resolve();
    return {
      // Calls are serialised: each one consumes the parse the previous one retained.
      lint: (input, config = defaultConfig()) => {
        const run = queue.then(() => lintWith(input, config, state));
        queue = run.catch(() => undefined);
        return run;
      },
      dispose: () => {
        void queue.then(() => releaseState(state));
      },
    };
  }

  return {
    rules,
    languages: opts.languages,
    languageFor,
    lintText,
    lintBytes,
    prefilter: prefilterBytes,
    openDocument,
    lintProject,
    dispose: () => opts.languages.forEach((l) => l.dispose?.()),
  };
}

interface SessionState {
  language?: LanguageId;
  parse?: RetainedParse;
}

function releaseState(state: SessionState): void {
  state.parse?.dispose();
  state.parse = undefined;
  state.language = undefined;
}

/** True unless the rule (or its category) is switched off in config. */
export function isEnabled(meta: RuleMeta, config: ResolvedConfig): boolean {
  return (config.rules[meta.id] ?? config.rules[meta.category])?.enabled !== false;
}

function configuredSeverity(meta: RuleMeta, config: ResolvedConfig): Severity | undefined {
  return config.rules[meta.id]?.severity ?? config.rules[meta.category]?.severity;
}

interface FindingEnv {
  text: string;
  filePath: string;
  languageId: LanguageId;
  lines: LineIndex;
  config: ResolvedConfig;
  isTest: boolean;
  seen: Map<string, number>;
}

function baseFinding(meta: RuleMeta, report: Report, config: ResolvedConfig, filePath: string, isTest: boolean): Omit<Finding, 'start' | 'end' | 'evidence' | 'fingerprint'> {
  let severity = configuredSeverity(meta, config) ?? report.severity ?? meta.severity;
  // Test, example and fixture files do not ship: their findings stay visible, at info level.
  if (isTest) severity = 'info';
  const secrets = report.secret ? [report.secret] : [];
  return {
    ruleId: meta.id,
    messageId: report.messageId,
    category: meta.category,
    severity,
    message: redactAll(formatMessage(meta, report), secrets) + (isTest ? ' [test/example file: info only]' : ''),
    filePath,
    range: report.range,
    fix: report.fix,
    suggestions: report.suggestions,
    related: report.related,
    cwe: meta.cwe,
    practice: meta.practice,
    attack: meta.attack,
    ...(isTest ? { inTestFile: true } : {}),
  };
}

function toFinding(meta: RuleMeta, report: Report, env: FindingEnv): Finding {
  const base = baseFinding(meta, report, env.config, env.filePath, env.isTest);
  const raw = env.text.slice(report.range[0], Math.min(report.range[1], report.range[0] + EVIDENCE_MAX * 4));
  let evidence = report.secret ? redactAll(raw, [report.secret]) : raw;
  if (report.secret && evidence.includes(report.secret)) evidence = redact(report.secret);
  if (evidence.length > EVIDENCE_MAX) evidence = evidence.slice(0, EVIDENCE_MAX - 1) + '…';
  const withPositions = (fix: Fix): Fix => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: env.lines.position(e.range[0]), end: env.lines.position(e.range[1]) })) });
  base.fix = base.fix && withPositions(base.fix);
  base.suggestions = base.suggestions?.map(withPositions);
  const related = report.related?.map((r) => ({ ...r, start: r.filePath ? r.start : env.lines.position(r.range[0]), end: r.filePath ? r.end : env.lines.position(r.range[1]) }));
  return {
    ...base,
    languageId: env.languageId,
    related,
    start: env.lines.position(report.range[0]),
    end: env.lines.position(report.range[1]),
    evidence,
    fingerprint: fingerprintOf(meta.id, env.filePath, report.messageId, report.secret ? `${evidence}#${stableHash(report.secret)}` : evidence, env.seen),
  };
}

function fingerprintOf(ruleId: string, filePath: string, messageId: string, evidence: string, seen: Map<string, number>): string {
  const key = `${ruleId}\u0000${messageId}\u0000${normalizeForFingerprint(evidence)}`;
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  return stableHash(ruleId, filePath, key, String(n));
}

/** Fills `{{name}}` placeholders; unknown placeholders are a rule bug and stay visible. */
export function formatMessage(meta: RuleMeta, report: Pick<Report, 'messageId' | 'data'>): string {
  const template = meta.messages[report.messageId];
  if (template === undefined) throw new Error(`Rule "${meta.id}" reported unknown messageId "${report.messageId}"`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (report.data && k in report.data ? String(report.data[k]) : m));
}

function insideAny(range: Range, errorRanges: readonly Range[]): boolean {
  return errorRanges.some(([s, e]) => range[0] >= s && range[1] <= e);
}

/** Message of an unknown thrown value. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
