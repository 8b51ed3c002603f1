import type { ConfigProblem } from '../config';
import type { Finding, Severity } from '../finding';
import type { PositionedParseError, RuleError } from '../linter';
import type { RuleMeta } from '../rule';

/** A file the scan did not analyse, and why (binary, too large, unreadable…). */
export interface SkippedFile {
  filePath: string;
  reason: string;
}

/** A parse problem in one file. */
export interface FileParseError extends PositionedParseError {
  filePath: string;
}

/** Everything a scan produced; every formatter reads only this (plus rule metadata). */
export interface ScanReport {
  /** Absolute path of the scanned root (SARIF %SRCROOT%). */
  root: string;
  toolVersion: string;
  findings: Finding[];
  skipped: SkippedFile[];
  parseErrors: FileParseError[];
  ruleErrors: RuleError[];
  configProblems: ConfigProblem[];
  stats: { files: number; parsed: number; bytes: number; durationMs: number };
  /** Optional threat id per finding fingerprint (threat model ↔ SARIF). */
  threatIds?: ReadonlyMap<string, string>;
}

/** Counts by severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** Rule metadata of the rules that appear in the findings, plus all others, stably ordered. */
export function sortedRules(rules: ReadonlyMap<string, RuleMeta>): RuleMeta[] {
  return [...rules.values()].sort((a, b) => a.id.localeCompare(b.id));
}
