/** How a threat looks in the tree: icon and colour by status and severity, ATT&CK description, full-mapping tooltip. */
import * as vscode from 'vscode';
import type { Practice } from '../../core/finding';
import { CWES, ETSI_PROVISIONS, OWASP_IOT, STRIDE_NAMES, practiceRow, techniqueName } from '../../threat-model/taxonomy';
import type { StrideLetter } from '../../threat-model/taxonomy';
import type { Threat, ThreatSeverity } from '../../threat-model/types';

const SEVERITY_ICON: Readonly<Record<ThreatSeverity, [string, string]>> = {
  high: ['error', 'problemsErrorIcon.foreground'],
  medium: ['warning', 'problemsWarningIcon.foreground'],
  low: ['info', 'problemsInfoIcon.foreground'],
};

/** `threat.<decision>` when a person decided, else `threat.<status>` (drives the context menus). */
export function threatContextValue(t: Threat): string {
  return `threat.${t.decision ?? t.status}`;
}

/** True for threats that still need work (the view badge counts the high ones). */
export function isOpen(t: Threat): boolean {
  return (t.status === 'open' || t.status === 'partially-mitigated') && !t.decision;
}

export function threatIcon(t: Threat): vscode.ThemeIcon {
  const icon = (id: string, color: string): vscode.ThemeIcon => new vscode.ThemeIcon(id, new vscode.ThemeColor(color));
  if (t.decision === 'accepted') return icon('verified', 'charts.blue');
  if (t.decision === 'false-positive') return icon('circle-slash', 'disabledForeground');
  if (t.status === 'resolved') return icon('check-all', 'disabledForeground');
  if (t.status === 'mitigated') return icon('pass-filled', 'testing.iconPassed');
  const [id, color] = SEVERITY_ICON[t.severity];
  return icon(t.status === 'partially-mitigated' ? 'shield' : id, color);
}

export function attackIds(t: Threat): string[] {
  return [...t.attack.ics, ...t.attack.enterprise];
}

/** Short text after the label: ATT&CK ids, plus the decision or status when not open. */
export function threatDescription(t: Threat): string {
  const state = t.decision ?? (t.status === 'open' ? '' : t.status);
  return [state && `[${state}]`, attackIds(t).join(' ')].filter(Boolean).join(' ');
}

/** The full mapping, for the tooltip. */
export function threatTooltip(t: Threat): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportThemeIcons = true;
  md.appendMarkdown(`**${esc(t.title)}**  \n\`${t.id}\` · ${t.severity} severity · ${t.status}${t.resolvedOn ? ` on ${t.resolvedOn}` : ''}\n\n`);
  if (t.description) md.appendMarkdown(`${esc(t.description)}\n\n`);
  const rows: Array<[string, string[]]> = [
    ['STRIDE', t.stride.map((s) => `${s} — ${STRIDE_NAMES[s as StrideLetter]}`)],
    ['ATT&CK for ICS', t.attack.ics.map(named)],
    ['ATT&CK Enterprise', t.attack.enterprise.map(named)],
    ['CWE', t.cwe.map((c) => (CWES[c] ? `${c} ${CWES[c]}` : c))],
    ['OWASP IoT 2018', t.owasp.map((o) => (OWASP_IOT[o] ? `${o} ${OWASP_IOT[o]}` : o))],
    ['ETSI EN 303 645', t.etsi.map((e) => (ETSI_PROVISIONS[e] ? `${e} (${ETSI_PROVISIONS[e].level}) ${ETSI_PROVISIONS[e].text}` : e))],
    ['Practice', t.practices.map((p: Practice) => `P${p} ${practiceRow(p)?.title ?? ''}`.trim())],
  ];
  for (const [name, values] of rows) if (values.length) md.appendMarkdown(`**${name}:** ${values.map(esc).join('; ')}  \n`);
  md.appendMarkdown(`**Status:** ${t.status}  \n`);
  if (t.decision) md.appendMarkdown(`**Decision:** ${t.decision}${t.justification ? ` — ${esc(t.justification)}` : ''}  \n`);
  if (t.owner) md.appendMarkdown(`**Owner:** ${esc(t.owner)}  \n`);
  if (t.notes) md.appendMarkdown(`**Notes:** ${esc(t.notes)}  \n`);
  md.appendMarkdown(`\n${t.causes.length} cause(s), ${t.mitigations.length} mitigation(s)`);
  return md;
}

function named(id: string): string {
  const name = techniqueName(id);
  return name ? `${id} ${name}` : id;
}

/** Escapes Markdown in data taken from the repository (evidence, justifications). */
export function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
