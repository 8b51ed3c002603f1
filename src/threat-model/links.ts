/** Links between findings and threats, for SARIF `properties.threatIds` and editor navigation. */
import type { Threat, ThreatModel } from './types';

/** Finding fingerprint → id of the threat it causes (first one when several). */
export function threatIdsByFingerprint(model: ThreatModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of model.threats) {
    if (t.status === 'resolved') continue;
    for (const c of t.causes) if (c.fingerprint && !out.has(c.fingerprint)) out.set(c.fingerprint, t.id);
  }
  return out;
}

/** Tree-view helpers: group threats by a key. */
export type ThreatGrouping = 'practice' | 'stride' | 'component' | 'file' | 'status';

/** Groups threats (a threat appears under each of its STRIDE letters / files); keys sorted. */
export function groupThreats(model: ThreatModel, by: ThreatGrouping): Map<string, Threat[]> {
  const groups = new Map<string, Threat[]>();
  const add = (k: string, t: Threat): void => {
    const list = groups.get(k) ?? [];
    if (!list.includes(t)) list.push(t);
    groups.set(k, list);
  };
  const flowFrom = new Map(model.dataFlows.map((f) => [f.id, f.from]));
  for (const t of model.threats) {
    if (by === 'practice') add(t.practices.length ? `P${t.practices[0]}` : 'other', t);
    else if (by === 'stride') for (const s of t.stride.length ? t.stride : ['-']) add(s, t);
    else if (by === 'component') add(t.target?.component ?? (t.target?.flow ? flowFrom.get(t.target.flow) ?? t.target.flow : 'unassigned'), t);
    else if (by === 'status') add(t.status, t);
    else for (const l of [...t.causes, ...t.mitigations]) add(l.file, t);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
}
