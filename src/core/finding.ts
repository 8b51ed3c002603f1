import type { Range } from './facts';
import type { LanguageId } from './language';

/** Finding severity; maps to VS Code Error/Warning/Information and SARIF error/warning/note. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** Stable category ids (DESIGN.md), used by SARIF and the threat model. */
export type Category =
  | 'hardcoded-secret'
  | 'plaintext-protocol'
  | 'tls-verification-disabled'
  | 'unsigned-update'
  | 'unencrypted-storage'
  | 'weak-crypto'
  | 'permissive-policy'
  | 'exposed-service';

export const CATEGORIES: readonly Category[] = [
  'hardcoded-secret', 'plaintext-protocol', 'tls-verification-disabled', 'unsigned-update',
  'unencrypted-storage', 'weak-crypto', 'permissive-policy', 'exposed-service',
];

/** One of the ten practices of "10 best practices to build a secure IoT deployment". */
export type Practice = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** 1-based line and 1-based UTF-16 column, computed once by the core (line-index.ts). */
export interface Position {
  line: number;
  column: number;
}

/** A text edit in the finding's own document. */
export interface TextEdit {
  range: Range;
  text: string;
  /** Filled by the engine: 1-based positions of `range` (for SARIF `fixes`). */
  start?: Position;
  end?: Position;
}

/**
 * An edit to another file, relative to the folder of the finding's document (forward slashes,
 * e.g. `secrets.h`, `../.gitignore`, `secrets.yaml`). The host creates the file when missing and
 * appends otherwise; `unlessContains` makes the edit a no-op if the file already has that text.
 */
export interface FileEdit {
  path: string;
  append: string;
  unlessContains?: string;
}

/** A fix or suggestion: a title and the edits that implement it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  fileEdits?: FileEdit[];
  /**
   * True when the edits carry the secret value itself (e.g. moving a secret into `secrets.h`).
   * Such fixes are applied in the editor only and are never exported (SARIF, JSON).
   */
  carriesSecret?: boolean;
}

/** A second location of a two-place finding (e.g. the secret and the WiFi.begin that uses it). */
export interface RelatedLocation {
  /** Workspace-relative path; undefined = same file. */
  filePath?: string;
  range: Range;
  start?: Position;
  end?: Position;
  message: string;
}

/** A finding, redacted: it never contains a full secret value. */
export interface Finding {
  ruleId: string;
  messageId: string;
  category: Category;
  severity: Severity;
  message: string;
  /** Workspace-relative path, forward slashes. */
  filePath: string;
  languageId?: LanguageId;
  range: Range;
  start: Position;
  end: Position;
  /** The matched source text with any secret redacted (`Zq8#…` → `Zq**********`). */
  evidence: string;
  /** Safe fix (applies in bulk / fix-all). */
  fix?: Fix;
  /** Suggestions the user must decide on. */
  suggestions?: Fix[];
  related?: RelatedLocation[];
  cwe: string[];
  practice: Practice;
  attack: { ics: string[]; enterprise: string[] };
  /** Stable across edits elsewhere in the file: rule + file + normalized matched text (+ occurrence). */
  fingerprint: string;
  /** True when this finding is in a test/example/fixture file (severity already lowered). */
  inTestFile?: boolean;
}
