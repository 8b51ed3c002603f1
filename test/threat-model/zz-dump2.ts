import { buildThreatModel } from '../../src/threat-model/build';
import { scanProject } from './scan-helper';
(async () => {
  const scan = await scanProject(process.argv[2]);
  if (process.argv[3]) for (const f of scan.findings) console.log('F', f.ruleId, f.category, `${f.filePath}:${f.start.line}`, JSON.stringify(f.evidence), f.cwe.join(','), f.related?.length ?? '');
  const m = buildThreatModel(scan, { now: new Date('2026-06-01') });
  for (const c of m.components) console.log('C', c.id, c.kind, c.boundary, c.name, JSON.stringify(c.properties));
  for (const f of m.dataFlows) console.log('FL', f.from, '->', f.to, f.label, f.verification);
  for (const t of m.threats) console.log('T', t.row, t.status, t.severity, t.title, '|', t.causes.map((c) => `${c.file}:${c.line} ${c.ruleId} ${c.evidence.slice(0, 50)}`).join(' ; '), '|M', t.mitigations.map((c) => `${c.file}:${c.line} ${c.kind}`).join(' ; '));
  for (const c of m.assets.certificates) console.log('CERT', JSON.stringify(c));
  for (const u of m.assets.updateChannels) console.log('UPD', JSON.stringify(u));
})();
