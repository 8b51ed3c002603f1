import * as vscode from 'vscode';
import { CommandId, EXTERNAL_COMMANDS } from './command-ids';
import type { CommandName, ExternalCommandName } from './command-ids';
import { current, fixAllEdit } from './code-actions';
import { showRuleDocs } from './docs';
import type { FindingStore } from './findings-store';
import type { Log } from './log';
import type { WorkspaceScanner } from './workspace-scan';

/** What command handlers need. */
export interface CommandContext {
  store: FindingStore;
  scanner: WorkspaceScanner;
  log: Log;
}

type Handler = (ctx: CommandContext, ...args: unknown[]) => unknown;

const HANDLERS: Readonly<Record<Exclude<CommandName, ExternalCommandName>, Handler>> = {
  scanWorkspace: (ctx) => ctx.scanner.scanWithProgress(),
  fixAll: async (ctx) => {
    const editor = vscode.window.activeTextEditor;
    const entry = editor && current(ctx.store, editor.document);
    const edit = editor && entry && fixAllEdit(editor.document, entry);
    if (!edit) return void vscode.window.showInformationMessage('IoT Security: nothing to fix automatically in this file.');
    return vscode.workspace.applyEdit(edit);
  },
  showRuleDocs: async (_ctx, ruleId) => {
    const id = typeof ruleId === 'string' ? ruleId : await vscode.window.showInputBox({ prompt: 'Rule id' });
    if (id) await showRuleDocs(id);
  },
  showOutput: (ctx) => ctx.log.show(),
};

/** Registers every command of the `CommandId` table in one loop (external ones are skipped). */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return (Object.keys(CommandId) as CommandName[])
    .filter((name) => !EXTERNAL_COMMANDS.has(name))
    .map((name) => {
      const handler = HANDLERS[name as keyof typeof HANDLERS];
      return vscode.commands.registerCommand(CommandId[name], (...args: unknown[]) => handler(ctx, ...args));
    });
}
