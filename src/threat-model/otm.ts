/**
 * Open Threat Model 0.2.0 export: trust zones, components (code locations as `code`
 * representation elements), dataflows, threats (STRIDE categories, CWEs; ATT&CK, practice, ETSI,
 * OWASP ids and per-threat cause/mitigation locations in `attributes`, which OTM leaves open)
 * and mitigations.
 */
import { stableHash } from '../core/fingerprint';
import { ATTACK_VERSION, STRIDE_NAMES } from './taxonomy';
import type { Threat, ThreatModel, ThreatSeverity, ThreatStatus, TrustBoundaryId } from './types';

const TRUST_RATING: Readonly<Record<TrustBoundaryId, number>> = { device: 90, 'local-network': 60, cloud: 50, internet: 10 };
const IMPACT: Readonly<Record<ThreatSeverity, number>> = { high: 90, medium: 60, low: 30 };
const LIKELIHOOD: Readonly<Record<ThreatStatus, number>> = { open: 80, 'partially-mitigated': 50, mitigated: 10, resolved: 0 };
const STATE: Readonly<Record<ThreatStatus, string>> = { open: 'exposed', 'partially-mitigated': 'partially-mitigated', mitigated: 'mitigated', resolved: 'resolved' };

function mitigationId(kind: string, target: string): string {
  return `M-${stableHash('mitigation', kind, target).slice(0, 10)}`;
}

function instance(t: Threat): { threat: string; state: string; mitigations: { mitigation: string; state: string }[] } {
  const target = t.target?.flow ?? t.target?.component ?? '';
  const kinds = [...new Set(t.mitigations.map((m) => m.kind))];
  return { threat: t.id, state: STATE[t.status], mitigations: kinds.map((k) => ({ mitigation: mitigationId(k, target), state: 'implemented' })) };
}

/** The OTM document (an object; serialize with JSON.stringify). */
export function renderOtm(model: ThreatModel): Record<string, unknown> {
  const projectId = model.project.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'project';
  const live = model.threats;
  const threatsOn = (key: 'component' | 'flow', id: string): Threat[] => live.filter((t) => t.target?.[key] === id);
  const mitigations = new Map<string, Record<string, unknown>>();
  for (const t of live) {
    const target = t.target?.flow ?? t.target?.component ?? '';
    for (const m of t.mitigations) {
      const id = mitigationId(m.kind, target);
      const existing = mitigations.get(id);
      const location = { file: m.file, line: m.line, column: m.column, evidence: m.evidence };
      if (existing) (existing.attributes as { locations: unknown[] }).locations.push(location);
      else mitigations.set(id, { id, name: `${m.kind} (${target})`, description: m.evidence, riskReduction: 70, attributes: { kind: m.kind, target, locations: [location] } });
    }
  }
  return {
    otmVersion: '0.2.0',
    project: {
      name: model.project.name,
      id: projectId,
      description: `IoT threat model generated from the repository by iotsec (MITRE ATT&CK v${ATTACK_VERSION}).`,
      attributes: { generator: 'iotsec', generatedOn: model.generatedOn, attackVersion: model.attackVersion, summary: model.summary },
    },
    representations: [
      { name: 'Source code', id: 'code', type: 'code' },
      { name: 'Data-flow diagram (THREAT_MODEL.md, Mermaid)', id: 'dfd', type: 'diagram', size: { width: 1000, height: 1000 } },
    ],
    trustZones: model.trustBoundaries.map((b) => ({ id: b.id, name: b.name, type: b.id, risk: { trustRating: TRUST_RATING[b.id] } })),
    components: model.components.map((c) => ({
      id: c.id,
      name: c.name,
      type: c.kind,
      parent: { trustZone: c.boundary },
      representations: c.locations.map((l, i) => ({ representation: 'code', id: `${c.id}#${i}`, name: `${l.file}:${l.line}`, file: l.file, line: l.line })),
      threats: threatsOn('component', c.id).map(instance),
      tags: [c.kind],
      attributes: { ...c.properties, ...(c.host ? { host: c.host } : {}), ...(c.root ? { root: c.root } : {}) },
    })),
    dataflows: model.dataFlows.map((f) => ({
      id: f.id,
      name: f.label,
      bidirectional: false,
      source: f.from,
      destination: f.to,
      threats: threatsOn('flow', f.id).map(instance),
      tags: [f.protocol, f.tls ? 'tls' : 'plaintext'],
      attributes: { protocol: f.protocol, port: f.port ?? null, tls: f.tls, verification: f.verification, locations: f.locations },
    })),
    threats: live.map((t) => ({
      id: t.id,
      name: t.title,
      description: t.description ?? t.title,
      categories: t.stride.map((s) => STRIDE_NAMES[s]),
      cwes: t.cwe,
      risk: { likelihood: LIKELIHOOD[t.status], impact: IMPACT[t.severity] },
      tags: [t.row ?? t.origin, ...t.practices.map((p) => `P${p}`)],
      attributes: {
        status: t.status, origin: t.origin, row: t.row ?? null, category: t.category ?? null, severity: t.severity, practices: t.practices,
        attackVersion: ATTACK_VERSION, attackIcs: t.attack.ics, attackEnterprise: t.attack.enterprise, owaspIot: t.owasp, etsi: t.etsi,
        target: t.target ?? null, causes: t.causes, mitigations: t.mitigations,
        decision: t.decision ?? null, justification: t.justification ?? null, owner: t.owner ?? null, resolvedOn: t.resolvedOn ?? null,
      },
    })),
    mitigations: [...mitigations.values()],
  };
}
