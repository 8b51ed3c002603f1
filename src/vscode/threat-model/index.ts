/**
 * The threat-model UI, wired in one call from extension.ts: the model (ThreatModelStore), the
 * Threat Model and Assets views, the diagram webview and the `iotsec.*threatModel*` / `iotsec.tm.*`
 * commands. Everything returned is a disposable for `context.subscriptions`.
 */
import * as vscode from 'vscode';
import { CommandId, THREAT_MODEL_COMMANDS } from '../command-ids';
import type { ExternalCommandName } from '../command-ids';
import type { LintService } from '../engine';
import type { Log } from '../log';
import { registerThreatCommands } from './commands';
import { DiagramPanel } from './diagram';
import { ThreatModelStore } from './model';
import { createThreatViews, openHighCount } from './tree-provider';
import type { TreeNode } from './threat-nodes';

export interface ThreatModelUiDeps {
  lint: LintService;
  log: Log;
}

/** Internal command (not contributed): a snapshot of what the views show, for the integration tests. */
export const INSPECT_COMMAND = '_iotsec.tm.inspect';

export function registerThreatModelUi(context: vscode.ExtensionContext, deps: ThreatModelUiDeps): vscode.Disposable[] {
  const store = new ThreatModelStore(deps.log);
  const views = createThreatViews(store, context.workspaceState);
  const diagram = new DiagramPanel(context.extensionUri, store);
  const ids = Object.fromEntries(THREAT_MODEL_COMMANDS.map((n) => [n, CommandId[n]])) as Record<ExternalCommandName, string>;
  return [
    store,
    diagram,
    ...views.disposables,
    ...registerThreatCommands(ids, { ...deps, store, tree: views.threats, diagram }),
    vscode.commands.registerCommand(INSPECT_COMMAND, async () => {
      await store.reload();
      return {
        state: store.state.kind,
        hasThreatModelContext: store.hasModelContext,
        grouping: views.threats.grouping,
        badge: openHighCount(store),
        threats: snapshot(views.threats, 3),
        assets: snapshot(views.assets, 2),
      };
    }),
  ];
}

interface NodeSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  icon?: string;
  command?: vscode.Command;
  node: TreeNode;
  children: NodeSnapshot[];
}

function snapshot(provider: vscode.TreeDataProvider<TreeNode>, depth: number, parent?: TreeNode): NodeSnapshot[] {
  const nodes = (provider.getChildren(parent) ?? []) as TreeNode[];
  return nodes.map((node) => {
    const item = node.toTreeItem();
    return {
      label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
      description: typeof item.description === 'string' ? item.description : undefined,
      contextValue: item.contextValue,
      icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
      command: item.command,
      node,
      children: depth > 1 ? snapshot(provider, depth - 1, node) : [],
    };
  });
}
