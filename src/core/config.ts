import type { ErrorObject } from 'ajv';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { validate as validateGenerated } from './config-validator.generated';
import type { Severity } from './finding';
import type { RuleSettings } from './rule';

/** A rule's configured state: off, or a severity override, or nothing (defaults). */
export interface RuleSetting {
  enabled: boolean;
  severity?: Severity;
}

/** A user-supplied secret format from `.iotsec.yaml`. */
export interface CustomSecretPattern {
  id: string;
  pattern: string;
  description?: string;
}

/** Configuration after validation and defaults; shared by CLI and extension. */
export interface ResolvedConfig {
  /** Keyed by rule id or category id. */
  rules: Readonly<Record<string, RuleSetting>>;
  exclude: readonly string[];
  settings: RuleSettings;
  maxFileSizeKb: number;
  secretPatterns: readonly CustomSecretPattern[];
}

/** A configuration problem with a 1-based position in the config file. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export const DEFAULT_MAX_FILE_SIZE_KB = 1024;

/** Defaults: every rule on at its own severity. */
export function defaultConfig(): ResolvedConfig {
  return {
    rules: {},
    exclude: [],
    settings: { placeholderWords: [], trustedHosts: [] },
    maxFileSizeKb: DEFAULT_MAX_FILE_SIZE_KB,
    secretPatterns: [],
  };
}

/** The schema's validator, compiled at build time (scripts/build-validators.mjs). */
const validateConfig = validateGenerated as ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

function validate(value: unknown): { errors?: ErrorObject[] | null } {
  validateConfig(value);
  return validateConfig;
}

/**
 * Parses and validates `.iotsec.yaml` text. Never throws: problems come back with file:line, and
 * the config falls back to defaults for anything invalid (a broken config must not silence rules).
 */
export function parseConfig(text: string, file = '.iotsec.yaml'): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: ConfigProblem[] = [];
  const at = (offset: number, message: string): void => {
    const p = lineCounter.linePos(offset);
    problems.push({ file, line: p.line, column: p.col, message });
  };
  for (const e of doc.errors) at(e.pos[0], e.message.split('\n')[0]);
  if (doc.errors.length) return { config: defaultConfig(), problems };
  const value: unknown = doc.toJS() ?? {};
  const v = validate(value);
  if (!v.errors?.length) return { config: resolve(value as RawConfig), problems };
  for (const err of v.errors) {
    const node = nodeAt(doc.contents, err.instancePath);
    const where = err.instancePath || '(top level)';
    const extra = err.keyword === 'additionalProperties' ? ` "${String((err.params as { additionalProperty?: string }).additionalProperty)}"` : '';
    at(node?.range?.[0] ?? 0, `${where}: ${err.message ?? 'invalid'}${extra}`);
  }
  return { config: defaultConfig(), problems: dedupe(problems) };
}

interface RawConfig {
  rules?: Record<string, 'off' | Severity | { enabled?: boolean; severity?: Severity }>;
  exclude?: string[];
  placeholders?: string[];
  trustedHosts?: string[];
  maxFileSizeKb?: number;
  secretPatterns?: CustomSecretPattern[];
}

function resolve(raw: RawConfig): ResolvedConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const [id, v] of Object.entries(raw.rules ?? {})) {
    if (v === 'off') rules[id] = { enabled: false };
    else if (typeof v === 'string') rules[id] = { enabled: true, severity: v };
    else rules[id] = { enabled: v.enabled ?? true, severity: v.severity };
  }
  return {
    rules,
    exclude: raw.exclude ?? [],
    settings: {
      placeholderWords: (raw.placeholders ?? []).map((w) => w.toLowerCase()),
      trustedHosts: (raw.trustedHosts ?? []).map((h) => h.toLowerCase()),
    },
    maxFileSizeKb: raw.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB,
    secretPatterns: raw.secretPatterns ?? [],
  };
}

/** Merges an override (e.g. VS Code settings) over a base config. */
export function mergeConfig(base: ResolvedConfig, over: Partial<ResolvedConfig>): ResolvedConfig {
  return {
    rules: { ...base.rules, ...over.rules },
    exclude: [...base.exclude, ...(over.exclude ?? [])],
    settings: {
      placeholderWords: [...base.settings.placeholderWords, ...(over.settings?.placeholderWords ?? [])],
      trustedHosts: [...base.settings.trustedHosts, ...(over.settings?.trustedHosts ?? [])],
    },
    maxFileSizeKb: over.maxFileSizeKb ?? base.maxFileSizeKb,
    secretPatterns: over.secretPatterns ?? base.secretPatterns,
  };
}

function nodeAt(root: unknown, pointer: string): Node | undefined {
  let node: unknown = root;
  for (const seg of pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg)?.value ?? node;
    else if (isSeq(node)) node = node.items[Number(seg)] ?? node;
    else break;
  }
  return isNode(node) ? node : undefined;
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.line}:${p.column}:${p.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
