import * as vscode from 'vscode';
import { createLinter } from '../core/linter';
import type { DocumentSession, Linter, LintResult } from '../core/linter';
import type { GrammarName, LanguageId, LanguageSupport } from '../core/language';
import type { WorkspaceFacts } from '../core/rule';
import { ALL_LANGUAGE_IDS } from '../core/language';
import { allLanguages } from '../languages/registry';
import { allProjectRules, allRules } from '../rules/index';
import { threatModelCollectors } from '../threat-model/collectors/index';
import type { GitIgnoreIndex } from './gitignore';
import type { Log } from './log';
import type { DocumentScope, WorkspaceConfig } from './workspace-config';

/** VS Code language ids that are ours under another name. */
const LANGUAGE_ALIASES: Readonly<Record<string, LanguageId>> = { jsonc: 'json', javascriptreact: 'javascript', typescriptreact: 'typescript', properties: 'ini', 'arduino': 'cpp' };

/** Engine language for a document: by file name first (exactly as the CLI), else the editor's id. */
export function engineLanguage(linter: Pick<Linter, 'languageFor'>, relPath: string, vscodeLanguageId?: string): LanguageId | undefined {
  const byName = relPath ? linter.languageFor(relPath)?.id : undefined;
  if (byName) return byName;
  if (!vscodeLanguageId) return undefined;
  return (ALL_LANGUAGE_IDS as readonly string[]).includes(vscodeLanguageId) ? (vscodeLanguageId as LanguageId) : LANGUAGE_ALIASES[vscodeLanguageId];
}

/** Grammar bytes from the extension's `dist/` (copied there by scripts/build.mjs); read on first use. */
export function grammarLoader(extensionUri: vscode.Uri): (name: GrammarName) => Promise<Uint8Array> {
  return (name) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', `${name}.wasm`)));
}

/** Lint outcome for one document or file, with the scope it was linted in. */
export interface LintOutcome {
  result: LintResult;
  scope: DocumentScope;
}

/** Where and how a file would be linted (`LintService.plan`). */
export interface LintPlan {
  scope: DocumentScope;
  languageId: LanguageId;
  workspace: WorkspaceFacts;
}

/**
 * The editor's single way into the engine (same rules, languages and config as the CLI).
 * The linter is created on first use, so activation does no work beyond wiring.
 */
export class LintService implements vscode.Disposable {
  private instance: Linter | undefined;
  /** One incremental session per open document: re-analysis after an edit reuses the previous parse. */
  private readonly sessions = new Map<string, DocumentSession>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly config: WorkspaceConfig,
    private readonly gitignore: GitIgnoreIndex,
    private readonly log: Log,
  ) {}

  get linter(): Linter {
    this.instance ??= createLinter({ rules: allRules, projectRules: allProjectRules, collectors: threatModelCollectors, languages: allLanguages, loadGrammar: grammarLoader(this.extensionUri) });
    return this.instance;
  }

  /**
   * The engine's language for a file name, without building the engine (its keyword index takes a
   * while): a workspace scan that runs in the worker needs no more than this on this thread.
   */
  languageFor(relPath: string): LanguageSupport | undefined {
    return allLanguages.find((l) => l.matches(relPath)); // what the linter does over the same list
  }

  /** What linting `uri` takes besides its text; undefined when disabled, excluded or not ours. */
  async plan(uri: vscode.Uri, vscodeLanguageId?: string): Promise<LintPlan | undefined> {
    const scope = await this.config.scopeOf(uri);
    if (!scope.settings.enable || scope.excluded) return undefined;
    const languageId = engineLanguage(this, scope.relPath, vscodeLanguageId);
    if (!languageId) return undefined;
    return { scope, languageId, workspace: await this.gitignore.factsFor(scope.folder, scope.relPath) };
  }

  /**
   * Lints `text` of `uri`; undefined when disabled, excluded, too large or not ours. `incremental`
   * (open documents being edited) keeps the parse for the next call; close with `release`.
   */
  async lint(uri: vscode.Uri, text: string, vscodeLanguageId?: string, incremental = false): Promise<LintOutcome | undefined> {
    const plan = await this.plan(uri, vscodeLanguageId);
    if (!plan) return undefined;
    const { scope, languageId, workspace } = plan;
    if (text.length > scope.config.maxFileSizeKb * 1024) {
      this.log.info('lint', `skipped ${scope.relPath || uri.toString()}: larger than ${scope.config.maxFileSizeKb} KB`);
      return undefined;
    }
    const input = { text, filePath: scope.relPath, languageId, workspace };
    const result = incremental ? await this.session(uri).lint(input, scope.config) : await this.linter.lintText(input, scope.config);
    for (const e of result.ruleErrors) this.log.warnOnce(`rule:${e.ruleId}`, `IoT Security: ${e.message}`);
    return { result, scope };
  }

  /** Frees the retained parse of a document that was closed. */
  release(uri: vscode.Uri): void {
    this.sessions.get(uri.toString())?.dispose();
    this.sessions.delete(uri.toString());
  }

  private session(uri: vscode.Uri): DocumentSession {
    const key = uri.toString();
    let s = this.sessions.get(key);
    if (!s) this.sessions.set(key, (s = this.linter.openDocument()));
    return s;
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    this.instance?.dispose();
    this.instance = undefined;
  }
}
