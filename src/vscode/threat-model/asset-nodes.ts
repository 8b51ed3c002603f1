/** Assets view nodes: one category node per inventory list, one leaf per asset (click → file at line). */
import * as vscode from 'vscode';
import type { Component, SourceLocation, ThreatModel } from '../../threat-model/types';
import type { TreeNode } from './threat-nodes';
import { openCommand } from './threat-nodes';

interface AssetLeaf {
  label: string;
  description: string;
  icon: vscode.ThemeIcon;
  location?: SourceLocation;
  tooltip?: string;
}

const icon = (id: string, color?: string): vscode.ThemeIcon => new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);

/** The inventory as categories of leaves. Credentials show kind and place only (values are never in the model). */
export function assetCategories(model: ThreatModel, folder: vscode.Uri): AssetCategoryNode[] {
  const a = model.assets;
  const devices = model.components.filter((c) => c.kind === 'device' || c.kind === 'gateway');
  const categories: Array<[string, string, AssetLeaf[]]> = [
    ['Devices', 'circuit-board', devices.map(deviceLeaf)],
    ['Platforms', 'chip', a.platforms.map((p) => ({ label: `${p.kind}: ${p.value}`, description: p.component, icon: icon('chip'), location: p }))],
    ['Endpoints', 'globe', a.endpoints.map((e) => ({
      label: `${e.scheme}://${e.host}${e.port ? `:${e.port}` : ''}`,
      description: `${e.role}${e.tls ? ' · TLS' : ' · plaintext'}`,
      icon: e.tls ? icon('lock', 'testing.iconPassed') : icon('unlock', 'problemsErrorIcon.foreground'),
      location: e,
    }))],
    ['Credentials', 'key', a.credentials.map((c) => ({
      label: `${c.kind}${c.name ? ` ${c.name}` : ''}`,
      description: `${c.source} · value redacted`,
      icon: icon('key', c.source === 'hardcoded' || c.source === 'literal' ? 'problemsWarningIcon.foreground' : undefined),
      location: c,
      tooltip: `${c.kind} (${c.source})${c.ruleId ? ` — ${c.ruleId}` : ''}; the value is never stored in the model.`,
    }))],
    ['Certificates', 'workspace-trusted', a.certificates.map((c) => ({
      label: c.subject || '(no subject)',
      description: `${c.notAfter ? `expires ${c.notAfter.slice(0, 10)}` : 'expiry unknown'} · ${c.expiry}${c.selfSigned ? ' · self-signed' : ''}`,
      icon: c.expiry === 'expired' ? icon('error', 'problemsErrorIcon.foreground') : c.expiry === 'expiring' ? icon('warning', 'problemsWarningIcon.foreground') : icon('workspace-trusted', c.expiry === 'valid' ? 'testing.iconPassed' : undefined),
      location: c,
      tooltip: `Issuer: ${c.issuer}\nKey: ${c.keyType ?? '?'} ${c.keySize ?? ''}\nValid: ${c.notBefore ?? '?'} → ${c.notAfter ?? '?'}${c.ca ? '\nCA certificate' : ''}`,
    }))],
    ['Update channels', 'cloud-download', a.updateChannels.map((u) => ({
      label: u.mechanism,
      description: [u.signed ? 'signed' : 'unsigned', u.antiRollback ? 'anti-rollback' : 'no anti-rollback', u.authenticated ? 'authenticated' : ''].filter(Boolean).join(' · '),
      icon: u.signed ? icon('cloud-download', 'testing.iconPassed') : icon('cloud-download', 'problemsErrorIcon.foreground'),
      location: u,
    }))],
    ['Cloud policies', 'law', a.policies.map((p) => ({
      label: `${p.provider} policy`,
      description: [p.wildcardAction && 'wildcard action', p.wildcardResource && 'wildcard resource', p.thingScoped && 'thing-scoped'].filter(Boolean).join(' · '),
      icon: icon('law', p.wildcardAction || p.wildcardResource ? 'problemsWarningIcon.foreground' : undefined),
      location: p,
    }))],
  ];
  return categories.filter(([, , leaves]) => leaves.length).map(([name, id, leaves]) => new AssetCategoryNode(name, id, leaves, folder));
}

function deviceLeaf(c: Component): AssetLeaf {
  const props = Object.entries(c.properties).map(([k, v]) => `${k}: ${v}`);
  return { label: c.name, description: [c.kind, c.root && c.root !== '.' ? c.root : '', props[0] ?? ''].filter(Boolean).join(' · '), icon: icon(c.kind === 'gateway' ? 'server' : 'circuit-board'), location: c.locations[0], tooltip: props.join('\n') };
}

export class AssetCategoryNode implements TreeNode {
  constructor(
    readonly name: string,
    private readonly iconId: string,
    readonly leaves: AssetLeaf[],
    private readonly folder: vscode.Uri,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `assets:${this.name}`;
    item.description = String(this.leaves.length);
    item.iconPath = new vscode.ThemeIcon(this.iconId);
    item.contextValue = 'assetCategory';
    return item;
  }

  children(): TreeNode[] {
    return this.leaves.map((l, i) => new AssetNode(l, this.folder, `${this.name}:${i}`));
  }
}

export class AssetNode implements TreeNode {
  constructor(
    readonly leaf: AssetLeaf,
    private readonly folder: vscode.Uri,
    private readonly key: string,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.leaf.label, vscode.TreeItemCollapsibleState.None);
    item.id = `asset:${this.key}`;
    item.description = [this.leaf.description, this.leaf.location ? `${this.leaf.location.file}:${this.leaf.location.line}` : ''].filter(Boolean).join(' — ');
    item.iconPath = this.leaf.icon;
    item.tooltip = this.leaf.tooltip;
    item.contextValue = 'asset';
    if (this.leaf.location) item.command = openCommand(this.folder, this.leaf.location);
    return item;
  }

  children(): TreeNode[] {
    return [];
  }
}
