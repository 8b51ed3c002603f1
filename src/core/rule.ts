import type { Facts, Range } from './facts';
import type { Category, Fix, Practice, RelatedLocation, Severity } from './finding';
import type { LanguageId } from './language';
import type { Keyword } from './prefilter';

/** Documentation every rule carries: what, why, how to fix, and what it rests on. */
export interface RuleDocs {
  what: string;
  why: string;
  fix: string;
  /** Where the rule's facts come from (upstream source files, reference rows such as `IDF-OTA-01`). */
  references: string[];
}

/** Rule metadata; the engine, SARIF, docs, hovers and the threat model all read it. */
export interface RuleMeta {
  /** kebab-case id; the rule's file name (`src/rules/<id>.ts`). */
  id: string;
  title: string;
  /** One sentence, specific enough to be understood without context. */
  description: string;
  category: Category;
  /** Default severity; config may override. */
  severity: Severity;
  /** `CWE-<n>` ids, most specific first; only ids listed in reference/attack-mapping.md §E. */
  cwe: string[];
  practice: Practice;
  /** ATT&CK v18.1 technique ids from reference/attack-mapping.md. */
  attack: { ics: string[]; enterprise: string[] };
  /** Languages the rule reads. */
  languages: readonly LanguageId[];
  /** Message templates by message id; `{{name}}` placeholders are filled from `data`. */
  messages: Readonly<Record<string, string>>;
  docs: RuleDocs;
}

/** Settings rules may read (from `.iotsec.yaml` / VS Code settings). */
export interface RuleSettings {
  /** Extra values to treat as placeholders (lower-cased). */
  placeholderWords: readonly string[];
  /** Hosts treated like loopback (findings downgraded to info). */
  trustedHosts: readonly string[];
  /** User secret formats from `.iotsec.yaml`, already ReDoS-checked and compiled by the host. */
  secretPatterns?: readonly { id: string; regex: RegExp; description?: string }[];
}

/** Read-only workspace knowledge a host may provide; rules never do I/O. */
export interface WorkspaceFacts {
  /** True/false when known (e.g. `.env` covered by `.gitignore`); undefined when unknown. */
  isGitIgnored(filePath: string): boolean | undefined;
}

/** What a rule reports; the engine fills category, CWE, positions, evidence and fingerprint. */
export interface Report {
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  range: Range;
  /** Override the rule's severity for this finding (e.g. `info` for loopback hosts). */
  severity?: Severity;
  /**
   * The secret value when the finding is about one: the engine redacts it from evidence,
   * checks the message does not contain it, and emits a `secret-hash` signal for the
   * shared-credential project rule.
   */
  secret?: string;
  fix?: Fix;
  suggestions?: Fix[];
  related?: RelatedLocation[];
}

/**
 * A fact a per-file rule or the engine publishes for project-level rules (absence rules,
 * shared credentials): e.g. `{ kind: 'ota', key: 'esp_https_ota', range }`.
 */
export interface Signal {
  kind: string;
  key?: string;
  value?: string;
  range: Range;
}

export interface RuleContext {
  readonly text: string;
  readonly languageId: LanguageId;
  /** Workspace-relative path with forward slashes; '' when unknown (untitled documents). */
  readonly filePath: string;
  readonly facts: Facts;
  readonly settings: RuleSettings;
  readonly workspace: WorkspaceFacts;
  /** Path looks like a test, example or fixture; rules lower severity there, they do not go silent. */
  readonly isTestFile: boolean;
  report(report: Report): void;
  signal(signal: Signal): void;
}

/** A per-file rule: a pure function of one document's facts. */
export interface RuleDefinition {
  meta: RuleMeta;
  /**
   * Cheap prefilter: case-insensitive substrings (or linear RegExps), at least one of which must
   * occur in the text for the rule to run. Omit to run on every document of the rule's languages.
   * Make them discriminative (what a finding must contain, not a common word): they also decide,
   * for large files, which parts are parsed at all.
   */
  keywords?: readonly Keyword[];
  /** Optional gate on settings (e.g. only when the user configured patterns); false = never parse for this rule. */
  isActive?(settings: RuleSettings): boolean;
  check(ctx: RuleContext): void;
}

/** Summary of one linted file, kept for project rules (no text, no secrets). */
export interface FileSummary {
  filePath: string;
  languageId: LanguageId;
  signals: Array<Signal & { start: { line: number; column: number }; end: { line: number; column: number } }>;
}

export interface ProjectContext {
  readonly files: readonly FileSummary[];
  readonly settings: RuleSettings;
  /** Report a finding anchored in one of the files (range/positions taken from a signal). */
  report(filePath: string, report: Report & { start: { line: number; column: number }; end: { line: number; column: number }; evidence?: string }): void;
}

/** What a project rule's per-file collector sees: a rule context that can only publish signals. */
export type CollectContext = Omit<RuleContext, 'report'>;

/**
 * A project rule: an optional per-file `collect` (runs like a rule on `meta.languages`, gated by
 * `keywords`, and publishes signals), then `checkProject` once over all file summaries — absence
 * rules ("OTA present but no secure boot") and credentials shared across devices.
 * Signal kinds are namespaced by the rule id: `<rule-id>:<what>`; the engine itself emits
 * `secret` signals (value = hash of the secret, key = reporting rule id).
 */
export interface ProjectRuleDefinition {
  meta: RuleMeta;
  keywords?: readonly Keyword[];
  collect?(ctx: CollectContext): void;
  checkProject(ctx: ProjectContext): void;
}

/** Identity helper that type-checks a rule definition. */
export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

/** Identity helper that type-checks a project rule definition. */
export function defineProjectRule(rule: ProjectRuleDefinition): ProjectRuleDefinition {
  return rule;
}

/**
 * A signal collector that is not a rule: e.g. the threat model's asset inventory (boards,
 * endpoints, certificates, OTA channels, mitigations). Runs per file like a rule, never reports.
 */
export interface Collector {
  id: string;
  languages: readonly LanguageId[];
  keywords?: readonly Keyword[];
  collect(ctx: CollectContext): void;
}
