import type { RuleMeta } from '../core/rule';

/** `iotsec rules`: every rule with its category, severity, CWE, practice and ATT&CK ids. */
export function formatRules(rules: ReadonlyMap<string, RuleMeta>, format: string): string {
  const list = [...rules.values()].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  if (format === 'json') return JSON.stringify(list, null, 2) + '\n';
  if (format === 'markdown') {
    const rows = list.map((r) => `| \`${r.id}\` | ${r.title} | ${r.category} | ${r.severity} | ${r.cwe.join(', ')} | ${r.practice} | ${[...r.attack.ics, ...r.attack.enterprise].join(', ')} | ${r.languages.join(', ')} |`);
    return ['| id | title | category | severity | CWE | practice | ATT&CK | languages |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n') + '\n';
  }
  const out: string[] = [];
  let cat = '';
  for (const r of list) {
    if (r.category !== cat) out.push(`${out.length ? '\n' : ''}${(cat = r.category)}`);
    out.push(`  ${r.id.padEnd(34)} ${r.severity.padEnd(8)} ${r.cwe.join(',').padEnd(18)} P${r.practice}  ${r.title}`);
  }
  out.push(`\n${list.length} rules`);
  return out.join('\n') + '\n';
}
