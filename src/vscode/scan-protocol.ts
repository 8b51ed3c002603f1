/**
 * Messages between the workspace scan (extension host) and its worker (dist/vscode-scan-worker.js).
 * Pure: no `vscode` import, so both sides can load it.
 */
import type { ResolvedConfig } from '../core/config';
import type { Finding } from '../core/finding';
import type { RuleError } from '../core/linter';
import type { FileSummary } from '../core/rule';
import type { FileOutcome } from '../cli/analyze';

export type { FileOutcome };

/** One closed file to analyse from disk, with what only the extension host knows about it. */
export interface ScanFile {
  /** Folder-relative, forward slashes (the engine's `filePath`). */
  filePath: string;
  /** Smaller of the `iotsec.maxFileSizeKb` setting of the file and the folder's merged config. */
  maxFileSizeKb: number;
  /** `WorkspaceFacts.isGitIgnored(filePath)` as the host's `.gitignore` index answers it. */
  gitIgnored: boolean | undefined;
}

/** A folder config as plain data: RegExps do not survive structured clone. */
export interface ConfigMessage {
  kind: 'config';
  id: number;
  config: ResolvedConfig;
  /** `settings.secretPatterns`, compiled by the host (its ReDoS screen decided which ones run). */
  patterns: Array<{ id: string; source: string; flags: string; description?: string }>;
}

export interface BatchMessage {
  kind: 'batch';
  id: number;
  /** Id of a `ConfigMessage` sent before. */
  config: number;
  /** Workspace folder on disk. */
  root: string;
  files: ScanFile[];
}

/** Project rules over the summaries of one folder. */
export interface ProjectMessage {
  kind: 'project';
  id: number;
  config: number;
  summaries: FileSummary[];
}

export type ToWorker = ConfigMessage | BatchMessage | ProjectMessage;

/** The outcomes of one batch, in its order. */
export interface BatchResult {
  kind: 'batch';
  id: number;
  outcomes: FileOutcome[];
}

export interface ProjectResult {
  kind: 'project';
  id: number;
  findings: Finding[];
  ruleErrors: RuleError[];
}

/** `ready`: the worker loaded (a failure before it means the worker cannot start here). */
export type FromWorker = { kind: 'ready' } | BatchResult | ProjectResult;

/** Splits a config into clonable data (the patterns travel as source + flags). */
export function encodeConfig(id: number, config: ResolvedConfig): ConfigMessage {
  const patterns = (config.settings.secretPatterns ?? []).map((p) => ({ id: p.id, source: p.regex.source, flags: p.regex.flags, description: p.description }));
  return { kind: 'config', id, config: { ...config, settings: { ...config.settings, secretPatterns: undefined } }, patterns };
}

/** The config again, with the same patterns compiled as the host compiled them. */
export function decodeConfig(m: ConfigMessage): ResolvedConfig {
  const secretPatterns = m.patterns.map((p) => ({ id: p.id, regex: new RegExp(p.source, p.flags), description: p.description }));
  return { ...m.config, settings: { ...m.config.settings, secretPatterns: secretPatterns.length ? secretPatterns : undefined } };
}
