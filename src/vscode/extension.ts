import * as vscode from 'vscode';
import type { LanguageId } from '../core/language';
import { FindingActions } from './code-actions';
import { registerCommands } from './commands';
import { readConfig } from './config';
import { DiagnosticsController, DiagnosticsPublisher } from './diagnostics';
import { DOCS_SCHEME, RuleDocsProvider } from './docs';
import { LintService } from './engine';
import { FindingStore } from './findings-store';
import { GitIgnoreIndex } from './gitignore';
import { FindingHoverProvider } from './hover';
import { Log } from './log';
import { StatusBar } from './status-bar';
import { registerThreatModelUi } from './threat-model/index';
import { WorkspaceConfig } from './workspace-config';
import type { ScanOptions, ScanStats } from './workspace-scan';
import { WorkspaceScanner } from './workspace-scan';

/** What `activate` returns (used by the integration tests; stable for other extensions). */
export interface IotsecApi {
  store: FindingStore;
  /** Lints a document now and waits for its diagnostics. */
  lintNow(doc: vscode.TextDocument): Promise<void>;
  scanWorkspace(options?: ScanOptions): Promise<ScanStats>;
}

const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-vfs' }];

/** Composition root: wires the engine to the editor; no linting happens here. */
export function activate(context: vscode.ExtensionContext): IotsecApi {
  const log = new Log('IoT Security');
  try {
    const config = new WorkspaceConfig(log);
    const gitignore = new GitIgnoreIndex();
    const lint = new LintService(context.extensionUri, config, gitignore, log);
    const store = new FindingStore();
    const rules = (): ReturnType<() => typeof lint.linter.rules> => lint.linter.rules;
    const commentsOf = (id: LanguageId | undefined) => lint.linter.languages.find((l) => l.id === id)?.comments;
    const scanner = new WorkspaceScanner(lint, store, log);
    const controller = new DiagnosticsController(lint, store, log);
    controller.onClosed = (uri) => scanner.onDocumentClosed(uri);
    context.subscriptions.push(gitignore.onDidChange(() => controller.lintAll()));
    context.subscriptions.push(
      log, config, gitignore, lint, store, scanner, controller,
      new DiagnosticsPublisher(store),
      new StatusBar(store),
      vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, new RuleDocsProvider(rules)),
      vscode.languages.registerCodeActionsProvider(SELECTOR, new FindingActions(store, commentsOf), { providedCodeActionKinds: FindingActions.kinds }),
      vscode.languages.registerHoverProvider(SELECTOR, new FindingHoverProvider(store, rules)),
      ...registerCommands({ store, scanner, log }),
      ...registerThreatModelUi(context, { lint, log }),
    );
    if (readConfig().scanOnStartup) {
      const t = setTimeout(() => void scanner.scanWithProgress(), 1000);
      context.subscriptions.push({ dispose: () => clearTimeout(t) });
    }
    return {
      store,
      lintNow: (doc) => controller.lintNow(doc),
      scanWorkspace: (options) => scanner.scan(options),
    };
  } catch (err) {
    void vscode.window.showErrorMessage(`IoT Security failed to start: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
}

/** Everything is on `context.subscriptions`. */
export function deactivate(): void {}
