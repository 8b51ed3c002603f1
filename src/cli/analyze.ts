import { join } from 'node:path';
import type { ResolvedConfig } from '../core/config';
import type { Finding } from '../core/finding';
import type { FileParseError, SkippedFile } from '../core/formatters/scan-report';
import { createLinter, errorMessage, type Linter, type RuleError } from '../core/linter';
import type { FileSummary, WorkspaceFacts } from '../core/rule';
import { allLanguages } from '../languages/registry';
import { allProjectRules, allRules } from '../rules/index';
import { threatModelCollectors } from '../threat-model/collectors/index';
import { loadGrammarFromDisk } from './grammars';
import { decodeUtf8, readSourceFile } from './read-text';

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

/** Reads and lints one workspace-relative file; never throws. `budgetMs`: per-file time budget (undefined: none). */
export async function analyzeFile(
  linter: Linter, root: string, filePath: string, config: ResolvedConfig, workspace: WorkspaceFacts,
  budgetMs: (bytes: number) => number | undefined = cliBudgetMs,
): Promise<FileOutcome> {
  const empty: FileOutcome = { filePath, bytes: 0, parsed: false, findings: [], parseErrors: [], ruleErrors: [] };
  if (!linter.languageFor(filePath)) return empty;
  const read = readSourceFile(join(root, filePath), config.maxFileSizeKb * 1024);
  if (!read.ok) return { ...empty, bytes: read.bytes, skipped: { filePath, reason: read.reason } };
  try {
    const common = { filePath, workspace, budgetMs: budgetMs(read.bytes) };
    const r = read.utf8 ? await linter.lintBytes({ ...common, bytes: read.utf8, decode: decodeUtf8 }, config) : await linter.lintText({ ...common, text: read.text }, config);
    if (r.skipped) return { ...empty, bytes: read.bytes, skipped: { filePath, reason: r.skipped } };
    return {
      filePath,
      bytes: read.bytes,
      parsed: r.parsed,
      findings: r.findings,
      parseErrors: r.parseErrors.map((e) => ({ ...e, filePath })),
      ruleErrors: r.ruleErrors,
      summary: r.summary,
    };
  } catch (err) {
    // A language front end must not throw; if one does, the file is skipped and reported.
    return { ...empty, bytes: read.bytes, skipped: { filePath, reason: `analysis failed: ${errorMessage(err)}` } };
  }
}
