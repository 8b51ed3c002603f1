import * as vscode from 'vscode';
import type { RuleMeta } from '../core/rule';

export const DOCS_SCHEME = 'iotsec-docs';

/** `iotsec-docs:/<rule>`: the rule's documentation, rendered offline from its meta. */
export function docsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${ruleId}` });
}

/** Markdown documentation of a rule (what, why, how to fix, taxonomy). Meta holds no secrets. */
export function renderRuleDocs(meta: RuleMeta): string {
  const lines = [
    `# ${meta.title} (\`${meta.id}\`)`,
    '',
    meta.description,
    '',
    `- **Category:** ${meta.category}`,
    `- **Default severity:** ${meta.severity}`,
    ...taxonomyLines(meta).map((l) => `- ${l}`),
    '',
    '## What it finds',
    '',
    meta.docs.what,
    '',
    '## Why it matters',
    '',
    meta.docs.why,
    '',
    '## How to fix',
    '',
    meta.docs.fix,
  ];
  if (meta.docs.references.length) lines.push('', '## References', '', ...meta.docs.references.map((r) => `- ${r}`));
  lines.push('', '## Suppressing', '', `Add \`iotsec-ignore-next-line ${meta.id} -- <reason>\` in a comment above the line, or turn the rule off in \`.iotsec.yaml\` (\`rules: { ${meta.id}: off }\`).`, '');
  return lines.join('\n');
}

/** CWE / ATT&CK / practice lines for docs and hovers. */
export function taxonomyLines(meta: RuleMeta): string[] {
  const out: string[] = [];
  if (meta.cwe.length) out.push(`**CWE:** ${meta.cwe.join(', ')}`);
  const attack = [...meta.attack.ics.map((t) => `${t} (ICS)`), ...meta.attack.enterprise.map((t) => `${t} (Enterprise)`)];
  if (attack.length) out.push(`**ATT&CK:** ${attack.join(', ')}`);
  out.push(`**Practice:** ${meta.practice} of the 10 IoT security practices`);
  return out;
}

/** Serves `iotsec-docs:` documents. */
export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly rules: () => ReadonlyMap<string, RuleMeta>) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const meta = this.rules().get(id);
    return meta ? renderRuleDocs(meta) : `# Unknown rule \`${id}\`\n`;
  }
}

/** Opens a rule's documentation as a Markdown document beside the editor. */
export async function showRuleDocs(ruleId: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(docsUri(ruleId));
  const md = doc.languageId === 'markdown' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  await vscode.window.showTextDocument(md, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}
