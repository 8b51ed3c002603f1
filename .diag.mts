import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
const m0: any = await import('/work/main/src/rules/index.ts'); const m = m0.allRules ? m0 : m0.default;
const c0: any = await import('/work/main/src/threat-model/collectors/index.ts'); const c = c0.threatModelCollectors ? c0 : c0.default;
const reg: any = await import('/work/main/src/languages/registry.ts'); const langs = (reg.allLanguages ?? reg.default.allLanguages);
const { KeywordPrefilter }: any = await import('/work/main/src/core/prefilter.ts');
const all = [...m.allRules, ...m.allProjectRules.filter((p: any) => p.collect), ...c.threatModelCollectors.map((x: any) => ({ meta: { id: 'tm:' + x.id, languages: x.languages }, keywords: x.keywords }))];
const pf = new Map<string, any>();
for (const l of langs) pf.set(l.id, new KeywordPrefilter(all.filter((r) => r.meta.languages.includes(l.id)).map((rule) => ({ rule, keywords: rule.keywords }))));
const files: string[] = [];
const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else files.push(p); } };
walk(process.argv[2]);
const count = new Map<string, number>(); const only = new Map<string, number>(); let passed = 0, total = 0, bytes = 0;
for (const f of files) {
  const l = langs.find((x: any) => x.matches(f)); if (!l) continue; total++;
  const text = readFileSync(f, 'utf8');
  const cand = pf.get(l.id).candidates(text, (r: any) => r.meta.id !== 'custom-secret-pattern');
  if (cand.length) { passed++; bytes += text.length; }
  for (const r of cand) count.set(r.meta.id, (count.get(r.meta.id) ?? 0) + 1);
  if (cand.length <= 2) for (const r of cand) only.set(r.meta.id, (only.get(r.meta.id) ?? 0) + 1);
}
console.log('files', total, 'passed', passed, 'MB', (bytes / 2 ** 20).toFixed(1));
console.log([...count].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, n]) => `${n}\t${only.get(k) ?? 0}\t${k}`).join('\n'));
