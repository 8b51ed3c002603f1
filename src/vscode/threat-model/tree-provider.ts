/**
 * Tree providers (STYLE V4): they read the ThreatModelStore and fire `onDidChangeTreeData` when it
 * changes. The threat view also owns its grouping (persisted in workspace state) and its badge.
 */
import * as vscode from 'vscode';
import { THREAT_MODEL_FILES } from '../../threat-model/generate';
import { groupThreats } from '../../threat-model/links';
import type { ThreatGrouping } from '../../threat-model/links';
import { assetCategories } from './asset-nodes';
import type { ThreatModelStore } from './model';
import { isOpen } from './presentation';
import { GroupNode, ProblemNode } from './threat-nodes';
import type { TreeNode } from './threat-nodes';

export const VIEW_THREATS = 'iotsec.threatModel';
export const VIEW_ASSETS = 'iotsec.threatModelAssets';
export const GROUPINGS: readonly ThreatGrouping[] = ['practice', 'stride', 'component', 'file', 'status'];
const GROUPING_KEY = 'iotsec.threatModel.grouping';
const GROUPING_CONTEXT = 'iotsec.threatModelGrouping';

/** Base: children come from the nodes; the store's change event refreshes everything. */
abstract class NodeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  protected readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(protected readonly store: ThreatModelStore) {
    this.sub = store.onDidChange(() => this.refresh());
  }

  protected abstract roots(): TreeNode[];

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children() : this.roots();
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}

export class ThreatTreeProvider extends NodeProvider {
  constructor(store: ThreatModelStore, private readonly state: vscode.Memento) {
    super(store);
    void vscode.commands.executeCommand('setContext', GROUPING_CONTEXT, this.grouping);
  }

  get grouping(): ThreatGrouping {
    const g = this.state.get<ThreatGrouping>(GROUPING_KEY);
    return g && GROUPINGS.includes(g) ? g : 'practice';
  }

  async setGrouping(g: ThreatGrouping): Promise<void> {
    await this.state.update(GROUPING_KEY, g);
    await vscode.commands.executeCommand('setContext', GROUPING_CONTEXT, g);
    this.refresh();
  }

  protected roots(): TreeNode[] {
    const folder = this.store.folder;
    const s = this.store.state;
    if (!folder || s.kind === 'none') return []; // the welcome view shows instead
    if (s.kind === 'invalid') return s.problems.slice(0, 20).map((p) => new ProblemNode(folder, THREAT_MODEL_FILES.yaml, p));
    return [...groupThreats(s.model, this.grouping)].map(([key, threats]) => new GroupNode(key, threats, this.grouping, s.model, folder));
  }
}

export class AssetTreeProvider extends NodeProvider {
  protected roots(): TreeNode[] {
    const model = this.store.model;
    const folder = this.store.folder;
    return model && folder ? assetCategories(model, folder) : [];
  }
}

/** Number of open, undecided high-severity threats (the view badge). */
export function openHighCount(store: ThreatModelStore): number {
  return store.model?.threats.filter((t) => t.severity === 'high' && isOpen(t)).length ?? 0;
}

/** Creates both views; keeps the badge and the title's grouping hint current. */
export function createThreatViews(store: ThreatModelStore, state: vscode.Memento): { threats: ThreatTreeProvider; assets: AssetTreeProvider; disposables: vscode.Disposable[] } {
  const threats = new ThreatTreeProvider(store, state);
  const assets = new AssetTreeProvider(store);
  const threatView = vscode.window.createTreeView(VIEW_THREATS, { treeDataProvider: threats, showCollapseAll: true });
  const assetView = vscode.window.createTreeView(VIEW_ASSETS, { treeDataProvider: assets, showCollapseAll: true });
  const update = (): void => {
    const n = openHighCount(store);
    threatView.badge = n ? { value: n, tooltip: `${n} open high-severity threat(s)` } : undefined;
    threatView.description = store.model ? `by ${threats.grouping}` : undefined;
    const m = store.model;
    const counts = m ? Object.entries(m.summary.byStatus).filter(([, v]) => v > 0).map(([k, v]) => `${v} ${k.replace('-', ' ')}`) : [];
    threatView.message = m ? `${m.summary.threats} threat(s): ${counts.join(', ') || 'none'}` : undefined;
  };
  update();
  return {
    threats,
    assets,
    disposables: [threats, assets, threatView, assetView, store.onDidChange(update), threats.onDidChangeTreeData(update)],
  };
}
