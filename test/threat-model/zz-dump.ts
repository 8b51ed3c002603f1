import { scanProject } from '/work/main/test/threat-model/scan-helper';
const root = process.argv[2];
const filt = process.argv[3] ?? '';
(async () => {
  const scan = await scanProject(root);
  for (const f of scan.findings) if (f.filePath.includes(filt)) console.log('F', f.ruleId, f.category, f.severity, `${f.filePath}:${f.start.line}-${f.end.line}`, JSON.stringify(f.evidence), f.cwe.join(','));
  for (const s of scan.summaries) if (s.filePath.includes(filt)) for (const g of s.signals) console.log('S', s.filePath, s.languageId, g.kind, g.key, `${g.start.line}-${g.end.line}`, g.value?.slice(0, 150));
})();
