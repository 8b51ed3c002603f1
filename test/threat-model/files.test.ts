import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { runThreatModelCommand } from '../../src/cli/threat-model-command';
import { buildThreatModel } from '../../src/threat-model/build';
import { renderMarkdown } from '../../src/threat-model/markdown';
import { mermaidId, mermaidLabel, renderMermaid } from '../../src/threat-model/mermaid';
import { renderOtm } from '../../src/threat-model/otm';
import { THREAT_MODEL_SCHEMA } from '../../src/threat-model/schema';
import type { Threat, ThreatModel } from '../../src/threat-model/types';
import { parseThreatModelYaml, renderThreatModelYaml } from '../../src/threat-model/yaml-file';
import { FIXTURES, scanFixture, scanProject } from './scan-helper';

const CERT_END = new Date(new X509Certificate(readFileSync(join(FIXTURES, 'greenhouse/certs/broker-ca.crt'))).validTo);
const NOW = new Date(CERT_END.getTime() - 20 * 86_400_000);
const LATER = new Date(NOW.getTime() + 3 * 86_400_000);
/** Secret values in the greenhouse fixture: none may appear in any output. */
const SECRETS = ['Gr33nh0use-S3cret!', 'Mq7t-Gr33nh0use-2024!', 'Gr33nh0use', 'Mq7t-Gr33'];

function io(): { out: string[]; err: string[]; io: { stdout(s: string): void; stderr(s: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s) => out.push(s), stderr: (s) => err.push(s) } };
}

describe('threat model files', () => {
  let work: string;
  let model: ThreatModel;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'iotsec-tm-'));
    cpSync(join(FIXTURES, 'greenhouse'), join(work, 'greenhouse'), { recursive: true });
    model = buildThreatModel(await scanFixture('greenhouse'), { now: NOW });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const root = (): string => join(work, 'greenhouse');
  const yamlPath = (): string => join(root(), '.iotsec/threat-model.yaml');

  test('writes the three files and a one-screen summary; YAML validates against the schema', async () => {
    const s = io();
    const code = await runThreatModelCommand({ root: root(), scan: await scanProject(root()), now: NOW, io: s.io });
    assert.equal(code, 0, s.err.join(''));
    for (const f of ['.iotsec/threat-model.yaml', '.iotsec/threat-model.otm.json', 'THREAT_MODEL.md']) assert.ok(existsSync(join(root(), f)), f);
    assert.match(s.out.join(''), /threat\(s\)/);
    assert.ok(s.out.join('').split('\n').length < 25);
    const data: unknown = parse(readFileSync(yamlPath(), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(THREAT_MODEL_SCHEMA);
    assert.ok(validate(data), JSON.stringify(validate.errors));
    assert.ok(parseThreatModelYaml(readFileSync(yamlPath(), 'utf8')).ok);
  });

  test('no secret value appears in any of the three files', () => {
    for (const f of ['.iotsec/threat-model.yaml', '.iotsec/threat-model.otm.json', 'THREAT_MODEL.md']) {
      const text = readFileSync(join(root(), f), 'utf8');
      for (const secret of SECRETS) assert.ok(!text.includes(secret), `${f} contains ${secret}`);
    }
  });

  test('running again without changes leaves the YAML byte-identical', async () => {
    const before = readFileSync(yamlPath(), 'utf8');
    const code = await runThreatModelCommand({ root: root(), scan: await scanProject(root()), now: LATER, io: io().io });
    assert.equal(code, 0);
    assert.equal(readFileSync(yamlPath(), 'utf8'), before);
  });

  test('regeneration keeps human decisions and manual threats; a removed weakness becomes resolved', async () => {
    const doc = parse(readFileSync(yamlPath(), 'utf8')) as ThreatModel;
    const tls = doc.threats.find((t) => t.row === 'F4')!;
    Object.assign(tls, { decision: 'accepted', justification: 'Test bench only; production build pins the CA.', owner: 'alice', notes: 'Revisit in Q3.' });
    const manual: Threat = {
      id: 'M-physical-access', origin: 'manual', title: 'Greenhouse staff can reach the UART header', status: 'open', severity: 'medium',
      stride: ['T'], practices: [7], attack: { ics: [], enterprise: [] }, cwe: ['CWE-1191'], owasp: [], etsi: [], causes: [], mitigations: [],
    };
    doc.threats.push(manual);
    writeFileSync(yamlPath(), renderThreatModelYaml(doc));
    const certThreat = doc.threats.find((t) => t.row === 'F10')!;
    rmSync(join(root(), 'certs'), { recursive: true });

    const code = await runThreatModelCommand({ root: root(), scan: await scanProject(root()), now: LATER, io: io().io });
    assert.equal(code, 0);
    const after = parse(readFileSync(yamlPath(), 'utf8')) as ThreatModel;
    const keptTls = after.threats.find((t) => t.id === tls.id)!;
    assert.equal(keptTls.decision, 'accepted');
    assert.equal(keptTls.justification, 'Test bench only; production build pins the CA.');
    assert.equal(keptTls.owner, 'alice');
    assert.equal(keptTls.notes, 'Revisit in Q3.');
    assert.deepEqual(after.threats.find((t) => t.id === manual.id), manual);
    const resolved = after.threats.find((t) => t.id === certThreat.id)!;
    assert.equal(resolved.status, 'resolved');
    assert.equal(resolved.resolvedOn, LATER.toISOString().slice(0, 10));
    assert.equal(after.summary.byStatus.resolved, 1);
    const md = readFileSync(join(root(), 'THREAT_MODEL.md'), 'utf8');
    assert.match(md, /\(accepted\)/);
    assert.match(md, /M-physical-access/);
  });

  test('a malformed YAML is reported with file:line and never overwritten (exit 2)', async () => {
    const good = readFileSync(yamlPath(), 'utf8');
    for (const bad of [good.replace('threats:', 'threats:\n  - id: [unclosed'), good.replace(/decision: accepted/, 'decision: maybe'), good.replace(/ {2}- id: T-/, '  - decison: accepted\n    id: T-')]) {
      writeFileSync(yamlPath(), bad);
      const s = io();
      const code = await runThreatModelCommand({ root: root(), scan: await scanProject(root()), now: LATER, io: s.io });
      assert.equal(code, 2);
      assert.match(s.err.join(''), /threat-model\.yaml:\d+:\d+: /);
      assert.equal(readFileSync(yamlPath(), 'utf8'), bad, 'file untouched');
    }
    const problems = parseThreatModelYaml(good.replace(/decision: accepted/, 'decision: maybe'));
    assert.equal(problems.ok, false);
    if (!problems.ok) {
      const line = good.split('\n').findIndex((l) => l.includes('decision: accepted')) + 1;
      assert.ok(problems.problems.some((p) => p.line === line && /decision/.test(p.message)), JSON.stringify(problems.problems));
    }
    writeFileSync(yamlPath(), good);
  });

  test('refuses to clobber a hand-written THREAT_MODEL.md, and reports an unwritable folder', async () => {
    const other = mkdtempSync(join(tmpdir(), 'iotsec-tm-out-'));
    writeFileSync(join(other, 'THREAT_MODEL.md'), '# Our own notes\n');
    const s = io();
    const scan = await scanProject(root());
    assert.equal(await runThreatModelCommand({ root: root(), outDir: other, scan, now: NOW, io: s.io }), 2);
    assert.equal(readFileSync(join(other, 'THREAT_MODEL.md'), 'utf8'), '# Our own notes\n');
    rmSync(join(other, 'THREAT_MODEL.md'));
    const ro = join(other, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    const s2 = io();
    const code = await runThreatModelCommand({ root: root(), outDir: ro, scan, now: NOW, io: s2.io });
    chmodSync(ro, 0o700);
    if (process.getuid?.() !== 0) {
      assert.equal(code, 2);
      assert.equal(s2.err.length, 1);
    }
    rmSync(other, { recursive: true, force: true });
  });

  test('--out DIR links evidence relative to the report', async () => {
    const out = join(work, 'reports');
    assert.equal(await runThreatModelCommand({ root: root(), outDir: out, scan: await scanProject(root()), now: NOW, io: io().io }), 0);
    assert.match(readFileSync(join(out, 'THREAT_MODEL.md'), 'utf8'), /\]\(\.\.\/greenhouse\/src\/main\.cpp#L\d+\)/);
  });

  test('OTM export validates against the OTM 0.2.0 schema and carries ATT&CK ids and locations', () => {
    const otm = renderOtm(model) as { otmVersion: string; threats: Array<{ attributes: { attackIcs: string[]; causes: unknown[] } }>; components: Array<{ representations: unknown[] }> };
    const schema = JSON.parse(readFileSync(join(FIXTURES, 'otm-0.2.0.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(otm), JSON.stringify(validate.errors, null, 1));
    assert.equal(otm.otmVersion, '0.2.0');
    assert.ok(otm.threats.some((t) => t.attributes.attackIcs.includes('T0830') && t.attributes.causes.length > 0));
    assert.ok(otm.components.some((c) => c.representations.length > 0));
  });

  test('Mermaid: one subgraph per boundary, plaintext/unverified flows marked, ids sanitized', () => {
    const src = renderMermaid(model);
    const lines = src.split('\n');
    assert.equal(lines[0], 'flowchart LR');
    assert.equal(lines.filter((l) => /^\s*subgraph /.test(l)).length, model.trustBoundaries.length);
    assert.equal(lines.filter((l) => l.trim() === 'end').length, model.trustBoundaries.length);
    const edges = lines.filter((l) => /-\.?->/.test(l));
    assert.equal(edges.length, model.dataFlows.length);
    model.dataFlows.forEach((f, i) => {
      const danger = !f.tls || f.verification === 'disabled';
      assert.equal(lines.some((l) => l.trim().startsWith(`linkStyle ${i} `) && l.includes('stroke:#d00') && l.includes('stroke-dasharray')), danger, f.label);
    });
    assert.ok(edges.some((e) => e.includes('PLAINTEXT')) && edges.some((e) => e.includes('TLS unverified')));
    for (const l of lines.filter((x) => /^\s{4}c_/.test(x))) assert.match(l.trim(), /^c_[A-Za-z0-9_]+[[({/]/);
    assert.equal(mermaidId('c', 'broker:mqtt.example.com:1883'), 'c_broker_mqtt_example_com_1883');
    assert.ok(!/["<>]/.test(mermaidLabel('a "quoted" <b> label')));
  });

  test('Markdown: summary table, threats grouped by practice with path#Lnn links, inventory, questions', () => {
    const md = renderMarkdown(model);
    assert.match(md, /\| Status \| High \| Medium \| Low \| Total \|/);
    assert.match(md, /```mermaid\nflowchart LR/);
    assert.match(md, /### P6 — /);
    assert.match(md, /\(src\/main\.cpp#L\d+\)/);
    assert.match(md, /### Certificates/);
    assert.match(md, /Greenhouse Broker CA/);
    assert.match(md, /## Open questions for the team/);
    for (const secret of SECRETS) assert.ok(!md.includes(secret));
  });
});
