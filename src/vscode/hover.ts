import * as vscode from 'vscode';
import type { RuleMeta } from '../core/rule';
import { CommandId } from './command-ids';
import { toRange } from './convert';
import { taxonomyLines } from './docs';
import type { FindingStore } from './findings-store';

/** Hover on a finding: what / why / how to fix and its CWE, ATT&CK and practice ids (from rule meta only). */
export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: FindingStore,
    private readonly rules: () => ReadonlyMap<string, RuleMeta>,
  ) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const entry = this.store.get(doc.uri);
    if (!entry || (entry.version !== undefined && entry.version !== doc.version)) return undefined;
    const hits = [...entry.findings, ...entry.project].filter((f) => toRange(f.start, f.end).contains(pos));
    const metas = [...new Map(hits.map((f) => [f.ruleId, this.rules().get(f.ruleId)])).values()].filter((m): m is RuleMeta => !!m);
    if (!metas.length) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [CommandId.showRuleDocs] };
    metas.forEach((meta, i) => {
      if (i) md.appendMarkdown('\n\n---\n\n');
      const args = encodeURIComponent(JSON.stringify([meta.id]));
      md.appendMarkdown(`**${escape(meta.title)}** \`${meta.id}\` · [docs](command:${CommandId.showRuleDocs}?${args})\n\n`);
      md.appendMarkdown(`**What:** ${escape(meta.docs.what)}\n\n**Why:** ${escape(meta.docs.why)}\n\n**How to fix:** ${escape(meta.docs.fix)}\n\n`);
      md.appendMarkdown(taxonomyLines(meta).join(' · '));
    });
    const range = hits.map((f) => toRange(f.start, f.end)).reduce((a, b) => a.intersection(b) ?? a);
    return new vscode.Hover(md, range);
  }
}

function escape(s: string): string {
  return s.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
