import { readFileSync } from 'node:fs';
const m0: any = await import('/work/main/src/rules/index.ts'); const m = m0.allRules ? m0 : m0.default;
const c0: any = await import('/work/main/src/threat-model/collectors/index.ts'); const c = c0.threatModelCollectors ? c0 : c0.default;
const all = [...m.allRules, ...m.allProjectRules.filter((p: any) => p.collect), ...c.threatModelCollectors.map((x: any) => ({ meta: { id: 'tm:' + x.id, languages: x.languages }, keywords: x.keywords }))];
const lang = process.argv[2];
const counts = new Map<string, number>();
for (const f of process.argv.slice(3)) {
  const t = readFileSync(f, 'utf8').toLowerCase();
  for (const r of all) {
    if (!r.meta.languages.includes(lang) || !r.keywords) continue;
    for (const k of r.keywords) { if (typeof k !== 'string') continue; let n = 0; for (let i = t.indexOf(k); i >= 0; i = t.indexOf(k, i + 1)) n++; if (n) counts.set(`${r.meta.id} ${k}`, (counts.get(`${r.meta.id} ${k}`) ?? 0) + n); }
  }
}
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, n]) => `${n}\t${k}`).join('\n'));
