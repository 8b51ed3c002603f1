/**
 * Regeneration: a new model meets the file people have edited. Human decisions (decision,
 * justification, owner, notes) and manual threats are kept; threats whose evidence disappeared
 * become `resolved` with `resolvedOn`; `generatedOn` stays put when nothing else changed.
 */
import { summarize } from './build';
import { buildPracticeCoverage } from './practices';
import type { Threat, ThreatModel } from './types';

const HUMAN_FIELDS = ['decision', 'justification', 'owner', 'notes'] as const;

/** Merges `next` (fresh from the code) with `previous` (the file on disk, already validated). */
export function mergeThreatModel(previous: ThreatModel | undefined, next: ThreatModel, opts: { now?: Date } = {}): ThreatModel {
  if (!previous) return next;
  const today = (opts.now ?? new Date()).toISOString().slice(0, 10);
  const prevById = new Map((previous.threats ?? []).map((t) => [t.id, t]));
  const nextIds = new Set(next.threats.map((t) => t.id));
  const threats: Threat[] = next.threats.map((t) => {
    const old = prevById.get(t.id);
    const merged: Threat = { ...t };
    if (old) for (const f of HUMAN_FIELDS) if (old[f] !== undefined) (merged as unknown as Record<string, unknown>)[f] = old[f];
    return merged;
  });
  for (const old of previous.threats ?? []) {
    if (nextIds.has(old.id)) continue;
    if (old.origin === 'manual') {
      threats.push(old);
    } else {
      threats.push({ ...old, origin: old.origin ?? 'generated', status: 'resolved', resolvedOn: old.status === 'resolved' && old.resolvedOn ? old.resolvedOn : today });
    }
  }
  const model: ThreatModel = { ...next, threats, summary: summarize(threats) };
  model.practices = buildPracticeCoverage({
    threats, assets: next.assets, components: next.components,
    mitigations: [], // practice-only evidence already sits in next.practices; re-add it below
  }).map((p, i) => ({ ...p, evidence: next.practices[i]?.evidence ?? p.evidence }));
  if (previous.generatedOn && sameContent(previous, model)) model.generatedOn = previous.generatedOn;
  return model;
}

function sameContent(a: ThreatModel, b: ThreatModel): boolean {
  return JSON.stringify({ ...a, generatedOn: '' }) === JSON.stringify({ ...b, generatedOn: '' });
}
