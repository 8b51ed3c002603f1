import type { RelatedLocation } from '../core/finding';
import { defineProjectRule, type FileSummary } from '../core/rule';

type SecretSignal = FileSummary['signals'][number] & { filePath: string };

/**
 * Flags one secret (same value hash, from any hardcoded-secret rule) found in two or more files:
 * the engine emits a `secret` signal for every reported secret, so no per-file collector is needed.
 */
export const sharedCredential = defineProjectRule({
  meta: {
    id: 'shared-credential',
    title: 'Credential shared across files / devices',
    description: 'Reports a hard-coded secret whose value appears in two or more files, i.e. shared by several devices, targets or services.',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-798', 'CWE-321', 'CWE-1394'],
    practice: 3,
    attack: { ics: ['T0891', 'T0859'], enterprise: ['T1552.001', 'T1552.004', 'T1078'] },
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json', 'ini', 'kconfig', 'dotenv', 'pem'],
    messages: {
      shared: 'The same credential is hard-coded in {{count}} files: every device or service built from them shares it, so one leak compromises all (CWE-798).',
    },
    docs: {
      what: 'The same password, token or key value is hard-coded in several files (build targets, device configs, services).',
      why: 'A credential shared across a fleet cannot attribute actions to one device and cannot be revoked for one device; extracting it from any unit compromises every unit (ETSI EN 303 645 5.4-4).',
      fix: 'Give each device its own credential at manufacturing or first boot (fleet provisioning, DPS, secure element) and remove the shared literal everywhere.',
      references: ['F11 (attack-mapping.md §B)'],
    },
  },
  checkProject(ctx) {
    const byHash = new Map<string, SecretSignal[]>();
    for (const file of ctx.files) {
      for (const s of file.signals) {
        if (s.kind !== 'secret' || !s.value) continue;
        const list = byHash.get(s.value) ?? [];
        list.push({ ...s, filePath: file.filePath });
        byHash.set(s.value, list);
      }
    }
    for (const list of byHash.values()) {
      const files = [...new Set(list.map((s) => s.filePath))];
      if (files.length < 2) continue;
      const first = list[0];
      const related: RelatedLocation[] = files.slice(1).map((f) => {
        const s = list.find((x) => x.filePath === f)!;
        return { filePath: f, range: s.range, start: s.start, end: s.end, message: 'The same credential is hard-coded here.' };
      });
      ctx.report(first.filePath, { messageId: 'shared', data: { count: files.length }, range: first.range, start: first.start, end: first.end, related });
    }
  },
});
