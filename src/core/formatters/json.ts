import type { Finding, Fix } from '../finding';
import { countBySeverity, type ScanReport } from './scan-report';

/** Drops fixes that carry a secret value: they are for the editor only. */
export function exportableFixes(f: Finding): { fix?: Fix; suggestions?: Fix[] } {
  const keep = (x: Fix): boolean => !x.carriesSecret;
  return {
    fix: f.fix && keep(f.fix) ? f.fix : undefined,
    suggestions: f.suggestions?.filter(keep),
  };
}

/** Machine-readable JSON: findings (redacted, secret-carrying fixes removed), skips, errors, stats. */
export function formatJson(report: ScanReport): string {
  const findings = report.findings.map((f) => {
    const { fix, suggestions } = exportableFixes(f);
    const threatIds = report.threatIds?.get(f.fingerprint);
    return { ...f, fix, suggestions: suggestions?.length ? suggestions : undefined, ...(threatIds ? { threatIds: [threatIds] } : {}) };
  });
  return JSON.stringify({
    tool: 'iotsec',
    version: report.toolVersion,
    root: report.root,
    summary: { ...countBySeverity(report.findings), total: report.findings.length, ...report.stats },
    findings,
    skipped: report.skipped,
    parseErrors: report.parseErrors,
    ruleErrors: report.ruleErrors,
    configProblems: report.configProblems,
  }, null, 2) + '\n';
}
