/**
 * Practice coverage for all ten practices: evidence found, gaps (open threats) and, where code
 * cannot show the practice (P1 risk method, P8 auditing, P9 playbooks, P10 recovery), concrete
 * questions for the team.
 */
import type { Practice } from '../core/finding';
import { PRACTICES } from './taxonomy';
import type { Assets, Component, MitigationLocation, PracticeCoverage, PracticeEvidence, Threat } from './types';

export interface CoverageInput {
  threats: readonly Threat[];
  assets: Assets;
  components: readonly Component[];
  /** Every mitigation signal of the scan (some count for practices without threats, e.g. app rollback → P10). */
  mitigations: readonly MitigationLocation[];
}

/** Mitigation kinds that are evidence for a practice beyond the threats they close. */
const PRACTICE_EVIDENCE_KINDS: Readonly<Partial<Record<Practice, readonly string[]>>> = {
  10: ['app-rollback'],
};

export function buildPracticeCoverage(input: CoverageInput): PracticeCoverage[] {
  const devices = input.components.filter((c) => c.kind === 'device').map((c) => c.name);
  const gateways = input.components.filter((c) => c.kind === 'gateway').map((c) => c.name);
  const deviceNames = devices.length ? devices.join(', ') : 'the devices';
  return PRACTICES.map((p): PracticeCoverage => {
    const threats = input.threats.filter((t) => t.practices.includes(p.number) && t.status !== 'resolved');
    const evidence: PracticeEvidence[] = [];
    const seen = new Set<string>();
    const add = (text: string, m?: MitigationLocation): void => {
      const key = m ? `${m.file}:${m.line}:${m.kind}` : text;
      if (seen.has(key)) return;
      seen.add(key);
      evidence.push(m ? { text, location: { file: m.file, line: m.line, column: m.column } } : { text });
    };
    for (const t of threats) for (const m of t.mitigations) add(m.evidence, m);
    for (const m of input.mitigations) if (PRACTICE_EVIDENCE_KINDS[p.number]?.includes(m.kind)) add(m.evidence, m);
    const questions: string[] = [];
    const a = input.assets;
    switch (p.number) {
      case 1:
        questions.push(
          'Which threat-modelling method and risk scale does the team use, and who reviews this model when the architecture changes?',
          `What is the worst credible impact if an adversary controls ${deviceNames} (safety, physical damage, privacy, fleet-wide outage)?`,
        );
        break;
      case 2:
        if (a.platforms.length) add(`Platforms: ${[...new Set(a.platforms.map((x) => `${x.kind}=${x.value}`))].join(', ')}`);
        if (a.certificates.length) add(`${a.certificates.length} certificate(s) inventoried with expiry dates`);
        for (const c of a.certificates.filter((x) => x.expiry === 'expiring' || x.expiry === 'expired')) {
          questions.push(`Who renews the certificate "${c.subject}" (${c.file}) before ${c.notAfter}, and how does the new one reach devices in the field?`);
        }
        questions.push('Where is the authoritative inventory of deployed devices (serials, firmware versions, certificates), and is it kept in sync with this repository?');
        break;
      case 3:
        if (a.credentials.some((c) => c.source === 'literal')) {
          questions.push('How are per-device credentials provisioned at manufacturing so that no two devices share a password, key or certificate?');
        }
        break;
      case 4:
        if (!a.updateChannels.length) questions.push(`How are ${deviceNames} updated in the field? No update mechanism was found in the code.`);
        else questions.push('Are updates rolled out in stages (canary group first), and who holds the signing key?');
        break;
      case 7:
        if (gateways.length) {
          questions.push(`Which ports ${gateways.length === 1 ? 'does' : 'do'} ${gateways.join(', ')} listen on, are unused services disabled, and ${gateways.length === 1 ? 'does it' : 'do they'} use temporary cloud credentials?`);
        }
        break;
      case 8:
        questions.push(
          'Are device connections, authentication failures and policy violations logged centrally (e.g. AWS IoT logging / Device Defender), and who reviews the alerts?',
          'Do devices report tamper or secure-boot failures to the back end?',
        );
        break;
      case 9:
        questions.push(
          'Is there a playbook to revoke and rotate a leaked device credential or certificate fleet-wide, and who runs it?',
          'How is a compromised device isolated (policy detach, broker ACL, network quarantine)?',
        );
        break;
      case 10:
        questions.push(
          'If the broker or cloud is unreachable, do devices keep working locally and recover cleanly after power loss?',
          'How is a bad firmware rollout stopped and rolled back, and are configuration/data backups tested?',
        );
        break;
      default:
        break;
    }
    const gaps = threats.filter((t) => t.status === 'open' || t.status === 'partially-mitigated').map((t) => t.id);
    const state: PracticeCoverage['state'] = gaps.length ? 'gaps' : evidence.length ? 'evidence' : p.processOnly ? 'not-visible-in-code' : 'no-evidence';
    return { practice: p.number, title: p.title, state, evidence, gaps, questions };
  });
}
