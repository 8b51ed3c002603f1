import { join } from 'node:path';
import type { ResolvedConfig } from '../core/config';
import type { Finding } from '../core/finding';
import type { LanguageId } from '../core/language';
import type { FileParseError, SkippedFile } from '../core/formatters/scan-report';
import { createLinter, errorMessage, type Linter, type LintResult, type Prefiltered, type RuleError } from '../core/linter';
import type { FileSummary, WorkspaceFacts } from '../core/rule';
import { allLanguages } from '../languages/registry';
import { allProjectRules, allRules } from '../rules/index';
import { threatModelCollectors } from '../threat-model/collectors/index';
import { loadGrammarFromDisk } from './grammars';
import { decodeUtf8, readSourceFile, type ReadBuffer } from './read-text';

/** What analysing one file produced (serialisable: crosses worker boundaries). */
export interface FileOutcome {
  filePath: string;
  bytes: number;
  parsed: boolean;
  skipped?: SkippedFile;
  findings: Finding[];
  parseErrors: FileParseError[];
  ruleErrors: RuleError[];
  summary?: FileSummary;
}

/** The CLI's engine: every rule and language, grammars from disk. */
export function createCliLinter(): Linter {
  // Collectors feed the threat model's asset inventory (and SARIF threat ids) from the same single pass.
  return createLinter({ rules: allRules, projectRules: allProjectRules, collectors: threatModelCollectors, languages: allLanguages, loadGrammar: loadGrammarFromDisk });
}

/**
 * Per-file time budget of the CLI: 2 s, plus 1 s per MB so that big generated headers still finish
 * on a slow CI machine. A file over it is reported as skipped ("analysis exceeded time budget").
 */
export function cliBudgetMs(bytes: number): number {
  return 2_000 + Math.ceil(bytes / 2 ** 20) * 1_000;
}

/**
 * A file after the keyword pass only (a scan's worker threads run it): `content` is set when some
 * rule may fire, for `finishFile` to parse and check on the scan's main thread.
 */
export interface PrefilterOutcome {
  filePath: string;
  bytes: number;
  skipped?: SkippedFile;
  content?: { utf8: Uint8Array; prefiltered: Prefiltered } | { text: string };
}

/** Reads one file (through `scratch`, reused: the outcome holds a copy) and runs the keyword pass; never throws. */
export function prefilterFile(linter: Linter, root: string, filePath: string, config: ResolvedConfig, scratch?: ReadBuffer, languageId?: LanguageId): PrefilterOutcome {
  const read = readSourceFile(join(root, filePath), config.maxFileSizeKb * 1024, scratch);
  if (!read.ok) return { filePath, bytes: read.bytes, skipped: { filePath, reason: read.reason } };
  // Text that is not UTF-8 (UTF-16 with a BOM) is rare: the main thread runs the whole pipeline on it.
  if (!read.utf8) return { filePath, bytes: read.bytes, content: { text: read.text } };
  try {
    const prefiltered = linter.prefilter({ bytes: read.utf8, filePath, languageId, decode: decodeUtf8 }, config);
    // A copy with its own buffer: a small read shares Node's buffer pool, which must not be transferred.
    return { filePath, bytes: read.bytes, content: prefiltered.ruleIds.length ? { utf8: new Uint8Array(read.utf8), prefiltered } : undefined };
  } catch (err) {
    return { filePath, bytes: read.bytes, skipped: { filePath, reason: `analysis failed: ${errorMessage(err)}` } };
  }
}

/** Finishes a file the keyword pass selected (parse and rules); never throws. */
export async function finishFile(
  linter: Linter, outcome: PrefilterOutcome, config: ResolvedConfig, workspace: WorkspaceFacts,
  budgetMs: (bytes: number) => number | undefined = cliBudgetMs,
): Promise<FileOutcome> {
  const { filePath, bytes, content } = outcome;
  const empty: FileOutcome = { filePath, bytes, parsed: false, findings: [], parseErrors: [], ruleErrors: [] };
  if (outcome.skipped) return { ...empty, skipped: outcome.skipped };
  if (!content) return empty;
  const common = { filePath, workspace, budgetMs: budgetMs(bytes) };
  return lintOutcome(empty, () => ('text' in content ? linter.lintText({ ...common, text: content.text }, config) : linter.lintBytes({ ...common, bytes: content.utf8, decode: decodeUtf8, prefiltered: content.prefiltered }, config)));
}

/** Reads and lints one workspace-relative file; never throws. `budgetMs`: per-file time budget (undefined: none). */
export async function analyzeFile(
  linter: Linter, root: string, filePath: string, config: ResolvedConfig, workspace: WorkspaceFacts,
  budgetMs: (bytes: number) => number | undefined = cliBudgetMs,
): Promise<FileOutcome> {
  const empty: FileOutcome = { filePath, bytes: 0, parsed: false, findings: [], parseErrors: [], ruleErrors: [] };
  if (!linter.languageFor(filePath)) return empty;
  const read = readSourceFile(join(root, filePath), config.maxFileSizeKb * 1024);
  if (!read.ok) return { ...empty, bytes: read.bytes, skipped: { filePath, reason: read.reason } };
  const common = { filePath, workspace, budgetMs: budgetMs(read.bytes) };
  return lintOutcome({ ...empty, bytes: read.bytes }, () =>
    read.utf8 ? linter.lintBytes({ ...common, bytes: read.utf8, decode: decodeUtf8 }, config) : linter.lintText({ ...common, text: read.text }, config),
  );
}

async function lintOutcome(empty: FileOutcome, lint: () => Promise<LintResult>): Promise<FileOutcome> {
  const { filePath } = empty;
  try {
    const r = await lint();
    if (r.skipped) return { ...empty, skipped: { filePath, reason: r.skipped } };
    return {
      filePath,
      bytes: empty.bytes,
      parsed: r.parsed,
      findings: r.findings,
      parseErrors: r.parseErrors.map((e) => ({ ...e, filePath })),
      ruleErrors: r.ruleErrors,
      summary: r.summary,
    };
  } catch (err) {
    // A language front end must not throw; if one does, the file is skipped and reported.
    return { ...empty, skipped: { filePath, reason: `analysis failed: ${errorMessage(err)}` } };
  }
}
