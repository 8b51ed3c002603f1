/**
 * Threat-model command handlers, keyed by the `CommandId` table (ids declared once in
 * ../command-ids.ts). Tree actions accept a ThreatNode (context menu) or a threat id (palette,
 * tests); the justification/owner may be passed as the next argument instead of asking.
 */
import * as vscode from 'vscode';
import type { ExternalCommandName } from '../command-ids';
import type { Log } from '../log';
import type { ThreatGrouping } from '../../threat-model/links';
import type { Threat } from '../../threat-model/types';
import type { DiagramPanel } from './diagram';
import { generateThreatModelCommand, openReport } from './generate-command';
import type { GenerateDeps } from './generate-command';
import { fileUri, readIfExists } from './files';
import type { ThreatModelStore } from './model';
import { attackIds } from './presentation';
import { GROUPINGS } from './tree-provider';
import type { ThreatTreeProvider } from './tree-provider';
import { ThreatNode } from './threat-nodes';

export interface ThreatCommandDeps extends GenerateDeps {
  store: ThreatModelStore;
  log: Log;
  tree: ThreatTreeProvider;
  diagram: DiagramPanel;
}

type Handler = (deps: ThreatCommandDeps, ...args: unknown[]) => unknown;

const GROUPING_LABELS: Readonly<Record<ThreatGrouping, string>> = {
  practice: 'Security practice (P1–P10)', stride: 'STRIDE category', component: 'Component', file: 'File', status: 'Status',
};

export const THREAT_MODEL_HANDLERS: Readonly<Record<ExternalCommandName, Handler>> = {
  generateThreatModel: (deps, target, args) => generateThreatModelCommand(deps, target, (args ?? {}) as object),
  showThreatModelDiagram: async (deps) => {
    if (!deps.store.model) {
      void vscode.window.showInformationMessage('IoT Security: no threat model yet. Generate it first.', 'Generate').then((a) => a && vscode.commands.executeCommand('iotsec.generateThreatModel'));
      return { ok: false, error: 'no threat model yet' };
    }
    return deps.diagram.show();
  },
  tmRefresh: (deps) => deps.store.reload(),
  tmGroupBy: async (deps, arg) => {
    const g = typeof arg === 'string' && (GROUPINGS as readonly string[]).includes(arg)
      ? (arg as ThreatGrouping)
      : (await vscode.window.showQuickPick(GROUPINGS.map((k) => ({ label: GROUPING_LABELS[k], picked: k === deps.tree.grouping, description: k === deps.tree.grouping ? 'current' : undefined, key: k })), { placeHolder: 'Group threats by' }))?.key;
    if (g) await deps.tree.setGrouping(g);
    return deps.tree.grouping;
  },
  tmAccept: (deps, target, text) => decide(deps, target, 'accepted', text),
  tmMarkFalsePositive: (deps, target, text) => decide(deps, target, 'false-positive', text),
  tmReopen: (deps, target) => edit(deps, target, { decision: undefined, justification: undefined }, 'reopened'),
  tmAssignOwner: async (deps, target, text) => {
    const t = threatOf(deps, target);
    if (!t) return undefined;
    const owner = typeof text === 'string' ? text : await vscode.window.showInputBox({ title: `Owner of ${t.id}`, prompt: 'Who owns this threat? (empty clears the owner)', value: t.owner ?? '' });
    if (owner === undefined) return undefined;
    return edit(deps, t, { owner: owner.trim() || undefined }, owner.trim() ? `assigned to ${owner.trim()}` : 'owner cleared');
  },
  tmOpenReport: async (deps, target) => {
    const folder = deps.store.folder;
    if (!folder) return;
    const t = target === undefined ? undefined : threatOf(deps, target);
    const text = t && (await readIfExists(fileUri(folder, 'markdown')));
    const idx = text ? text.split('\n').findIndex((l) => l.includes(t.id)) : -1; // the threat's row in the report
    await openReport(folder, idx >= 0 ? idx + 1 : undefined);
  },
  tmCopyAttackIds: async (deps, target) => {
    const t = threatOf(deps, target);
    if (!t) return undefined;
    const ids = attackIds(t).join(', ');
    await vscode.env.clipboard.writeText(ids);
    vscode.window.setStatusBarMessage(`IoT Security: copied ${ids}`, 3000);
    return ids;
  },
};

/** Registers every threat-model command (ids from the CommandId table). */
export function registerThreatCommands(ids: Readonly<Record<ExternalCommandName, string>>, deps: ThreatCommandDeps): vscode.Disposable[] {
  return (Object.keys(THREAT_MODEL_HANDLERS) as ExternalCommandName[]).map((name) =>
    vscode.commands.registerCommand(ids[name], async (...args: unknown[]) => {
      try {
        return await THREAT_MODEL_HANDLERS[name](deps, ...args);
      } catch (err) {
        deps.log.error('threat-model', err);
        void vscode.window.showErrorMessage(`IoT Security: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    }),
  );
}

function threatOf(deps: ThreatCommandDeps, target: unknown): Threat | undefined {
  const id = target instanceof ThreatNode ? target.threat.id : typeof target === 'string' ? target : (target as { threat?: Threat })?.threat?.id;
  const t = id ? deps.store.model?.threats.find((x) => x.id === id) : undefined;
  if (!t) void vscode.window.showWarningMessage(id ? `IoT Security: threat ${id} is not in the threat model.` : 'IoT Security: choose a threat in the Threat Model view.');
  return t;
}

async function decide(deps: ThreatCommandDeps, target: unknown, decision: 'accepted' | 'false-positive', text: unknown): Promise<Threat | undefined> {
  const t = threatOf(deps, target);
  if (!t) return undefined;
  const justification = typeof text === 'string' ? text : await vscode.window.showInputBox({
    title: `${decision === 'accepted' ? 'Accept risk' : 'Mark as false positive'}: ${t.id}`,
    prompt: decision === 'accepted' ? 'Why is this risk acceptable? (kept in .iotsec/threat-model.yaml)' : 'Why is this not a real threat? (kept in .iotsec/threat-model.yaml)',
    placeHolder: 'Justification (required)',
    value: t.justification ?? '',
  });
  if (!justification?.trim()) return undefined; // empty or Escape = cancel
  return edit(deps, t, { decision, justification: justification.trim() }, decision === 'accepted' ? 'accepted' : 'marked as false positive');
}

async function edit(deps: ThreatCommandDeps, target: unknown, patch: Parameters<ThreatModelStore['updateThreat']>[1], what: string): Promise<Threat | undefined> {
  const t = target && typeof target === 'object' && 'id' in target && 'causes' in target ? (target as Threat) : threatOf(deps, target);
  if (!t) return undefined;
  const updated = await deps.store.updateThreat(t.id, patch);
  vscode.window.setStatusBarMessage(`IoT Security: ${t.id} ${what}`, 3000);
  return updated;
}
