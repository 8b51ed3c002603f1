/** Threat tree nodes (STYLE V4): GroupNode → ThreatNode → LocationNode, each turning itself into a TreeItem. */
import * as vscode from 'vscode';
import type { Practice } from '../../core/finding';
import type { ThreatGrouping } from '../../threat-model/links';
import { STRIDE_NAMES, practiceRow } from '../../threat-model/taxonomy';
import type { StrideLetter } from '../../threat-model/taxonomy';
import type { CauseLocation, MitigationLocation, SourceLocation, Threat, ThreatModel } from '../../threat-model/types';
import { isOpen, threatContextValue, threatDescription, threatIcon, threatTooltip } from './presentation';

export interface TreeNode {
  toTreeItem(): vscode.TreeItem;
  children(): TreeNode[];
}

/** Opens `file` at the location (1-based line/column in the model; 0-based in VS Code). */
export function openCommand(folder: vscode.Uri, loc: SourceLocation): vscode.Command {
  const start = new vscode.Position(Math.max(0, loc.line - 1), Math.max(0, loc.column - 1));
  const end = loc.endLine ? new vscode.Position(loc.endLine - 1, Math.max(0, (loc.endColumn ?? 1) - 1)) : start;
  const uri = vscode.Uri.joinPath(folder, loc.file);
  return { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(start, end.isBefore(start) ? start : end), preview: true }] };
}

/** Short practice names for group labels (the sidebar is narrow; the full title is the tooltip). */
const PRACTICE_SHORT: Readonly<Record<number, string>> = {
  1: 'Risk assessment', 2: 'Asset inventory', 3: 'Device identity & credentials', 4: 'Secure updates', 5: 'Data at rest',
  6: 'Data in transit', 7: 'Gateways & services', 8: 'Auditing & logging', 9: 'Incident response', 10: 'Recovery',
};

export class GroupNode implements TreeNode {
  constructor(
    readonly key: string,
    readonly threats: Threat[],
    private readonly by: ThreatGrouping,
    private readonly model: ThreatModel,
    private readonly folder: vscode.Uri,
  ) {}

  label(): string {
    if (this.by === 'practice') {
      const n = Number(this.key.slice(1));
      return n ? `${this.key} ${PRACTICE_SHORT[n] ?? practiceRow(n as Practice)?.title ?? ''}`.trim() : 'Other';
    }
    if (this.by === 'stride') return this.key in STRIDE_NAMES ? `${this.key} — ${STRIDE_NAMES[this.key as StrideLetter]}` : 'No STRIDE category';
    if (this.by === 'component') return this.model.components.find((c) => c.id === this.key)?.name ?? this.key;
    return this.key;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label(), vscode.TreeItemCollapsibleState.Expanded);
    if (this.by === 'practice' && Number(this.key.slice(1))) item.tooltip = `${this.key}: ${practiceRow(Number(this.key.slice(1)) as Practice)?.title ?? ''}`;
    item.id = `group:${this.by}:${this.key}`;
    const open = this.threats.filter(isOpen).length;
    item.description = `${open} open / ${this.threats.length}`;
    item.contextValue = 'threatGroup';
    if (this.by === 'file') {
      item.resourceUri = vscode.Uri.joinPath(this.folder, this.key);
      item.iconPath = vscode.ThemeIcon.File;
    } else {
      item.iconPath = new vscode.ThemeIcon(this.by === 'component' ? 'circuit-board' : this.by === 'stride' ? 'symbol-enum' : 'checklist');
    }
    return item;
  }

  children(): TreeNode[] {
    return this.threats.map((t) => new ThreatNode(t, this.folder, `${this.by}:${this.key}`));
  }
}

export class ThreatNode implements TreeNode {
  constructor(
    readonly threat: Threat,
    private readonly folder: vscode.Uri,
    private readonly parentKey: string,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const t = this.threat;
    const item = new vscode.TreeItem(t.title, t.causes.length + t.mitigations.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `threat:${this.parentKey}:${t.id}`;
    item.description = threatDescription(t);
    item.tooltip = threatTooltip(t);
    item.iconPath = threatIcon(t);
    item.contextValue = threatContextValue(t);
    item.accessibilityInformation = { label: `${t.title}, ${t.severity} severity, ${t.decision ?? t.status}` };
    return item;
  }

  children(): TreeNode[] {
    return [
      ...this.threat.causes.map((c, i) => new LocationNode(c, 'cause', this.folder, `${this.parentKey}:${this.threat.id}:c${i}`)),
      ...this.threat.mitigations.map((m, i) => new LocationNode(m, 'mitigation', this.folder, `${this.parentKey}:${this.threat.id}:m${i}`)),
    ];
  }
}

export class LocationNode implements TreeNode {
  constructor(
    readonly location: CauseLocation | MitigationLocation,
    readonly role: 'cause' | 'mitigation',
    private readonly folder: vscode.Uri,
    private readonly key: string,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const loc = this.location;
    const item = new vscode.TreeItem(`${loc.file}:${loc.line}`, vscode.TreeItemCollapsibleState.None);
    item.id = `loc:${this.key}`;
    if (this.role === 'cause') {
      const c = loc as CauseLocation;
      item.description = c.message ?? c.evidence;
      item.iconPath = new vscode.ThemeIcon(c.absence ? 'question' : 'bug', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.tooltip = new vscode.MarkdownString().appendMarkdown(`**Cause** (\`${c.ruleId}\`)${c.absence ? ' — missing protection' : ''}\n\n`).appendCodeblock(c.evidence);
    } else {
      const m = loc as MitigationLocation;
      item.description = `${m.kind}: ${m.evidence}`;
      item.iconPath = new vscode.ThemeIcon('shield', new vscode.ThemeColor('testing.iconPassed'));
      item.tooltip = new vscode.MarkdownString().appendMarkdown(`**Mitigation** (\`${m.kind}\`)\n\n`).appendCodeblock(m.evidence);
    }
    item.contextValue = `threatLocation.${this.role}`;
    item.command = openCommand(this.folder, loc);
    return item;
  }

  children(): TreeNode[] {
    return [];
  }
}

/** Shown instead of the tree when the YAML does not parse or validate; opens it at the problem. */
export class ProblemNode implements TreeNode {
  constructor(
    private readonly folder: vscode.Uri,
    private readonly file: string,
    private readonly problem: { line: number; column: number; message: string },
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`${this.file}:${this.problem.line}: ${this.problem.message}`, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    item.contextValue = 'threatModelProblem';
    item.command = openCommand(this.folder, { file: this.file, line: this.problem.line, column: this.problem.column });
    return item;
  }

  children(): TreeNode[] {
    return [];
  }
}
