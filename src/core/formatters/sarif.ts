import type { Finding, Fix, Severity } from '../finding';
import type { RuleMeta } from '../rule';
import { exportableFixes } from './json';
import { sortedRules, type ScanReport } from './scan-report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
// GitHub code scanning reads `security-severity` (0–10) to rank alerts: critical ≥ 9, high ≥ 7, medium ≥ 4.
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '2.0' };

/** Absolute root → file:// URI with a trailing slash (SARIF originalUriBaseIds). */
function rootUri(root: string): string {
  const p = root.replace(/\\/g, '/');
  return `file://${p.startsWith('/') ? '' : '/'}${encodeURI(p)}${p.endsWith('/') ? '' : '/'}`;
}

const relUri = (filePath: string): string => encodeURI(filePath.replace(/\\/g, '/'));

function cweNumber(id: string): string {
  return id.replace(/^CWE-/i, '');
}

function ruleDescriptor(meta: RuleMeta) {
  const help = [meta.docs.what, `Why: ${meta.docs.why}`, `Fix: ${meta.docs.fix}`].join('\n\n');
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: {
      text: help,
      markdown: `${meta.docs.what}\n\n**Why:** ${meta.docs.why}\n\n**Fix:** ${meta.docs.fix}\n\n**References:** ${meta.docs.references.join('; ')}\n\n**CWE:** ${meta.cwe.join(', ')} · **ATT&CK:** ${[...meta.attack.ics, ...meta.attack.enterprise].join(', ')} · **Practice:** ${meta.practice}`,
    },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      category: meta.category,
      tags: ['security', meta.category, ...meta.cwe.map((c) => `external/cwe/cwe-${cweNumber(c)}`)],
      'security-severity': SECURITY_SEVERITY[meta.severity],
      precision: 'high',
      practice: meta.practice,
      attack: meta.attack,
    },
    relationships: meta.cwe.map((c) => ({ target: { id: cweNumber(c), toolComponent: { name: 'CWE' } }, kinds: ['superset'] })),
  };
}

function region(start: { line: number; column: number }, end: { line: number; column: number }) {
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

function sarifFix(f: Finding, fix: Fix) {
  // Fixes without positions (e.g. edits to other files) cannot be expressed as replacements; skip them.
  if (fix.fileEdits?.length || fix.edits.some((e) => !e.start || !e.end)) return undefined;
  return {
    description: { text: fix.title },
    artifactChanges: [{
      artifactLocation: { uri: relUri(f.filePath), uriBaseId: '%SRCROOT%' },
      replacements: fix.edits.map((e) => ({ deletedRegion: region(e.start!, e.end!), insertedContent: { text: e.text } })),
    }],
  };
}

/** SARIF 2.1.0 log (DESIGN.md contract): one run, relative URIs, 1-based regions, fingerprints. */
export function formatSarif(report: ScanReport, rules: ReadonlyMap<string, RuleMeta>): string {
  const metas = sortedRules(rules);
  const index = new Map(metas.map((m, i) => [m.id, i]));
  const cwes = [...new Set(metas.flatMap((m) => m.cwe.map(cweNumber)))].sort((a, b) => Number(a) - Number(b));
  const results = report.findings.map((f) => {
    const { fix, suggestions } = exportableFixes(f);
    const fixes = [fix, ...(suggestions ?? [])].flatMap((x) => (x ? [sarifFix(f, x)] : [])).filter((x) => x !== undefined);
    const threatIds = report.threatIds?.get(f.fingerprint);
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: relUri(f.filePath), uriBaseId: '%SRCROOT%' },
          region: { ...region(f.start, f.end), snippet: { text: f.evidence } },
        },
      }],
      ...(f.related?.length ? {
        relatedLocations: f.related.filter((r) => r.start && r.end).map((r, i) => ({
          id: i + 1,
          message: { text: r.message },
          physicalLocation: { artifactLocation: { uri: relUri(r.filePath ?? f.filePath), uriBaseId: '%SRCROOT%' }, region: region(r.start!, r.end!) },
        })),
      } : {}),
      partialFingerprints: { 'iotsecFingerprint/v1': f.fingerprint },
      properties: {
        category: f.category,
        practice: f.practice,
        cwe: f.cwe,
        attack: f.attack,
        ...(f.inTestFile ? { inTestFile: true } : {}),
        ...(threatIds ? { threatIds: [threatIds] } : {}),
      },
      ...(fixes.length ? { fixes } : {}),
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'iotsec',
          version: report.toolVersion,
          semanticVersion: report.toolVersion,
          informationUri: 'https://github.com/iotsec/iotsec',
          rules: metas.map(ruleDescriptor),
          supportedTaxonomies: [{ name: 'CWE', index: 0 }],
        },
      },
      taxonomies: [{
        name: 'CWE',
        version: '4.15',
        organization: 'MITRE',
        shortDescription: { text: 'The MITRE Common Weakness Enumeration' },
        taxa: cwes.map((id) => ({ id, helpUri: `https://cwe.mitre.org/data/definitions/${id}.html` })),
      }],
      invocations: [{
        executionSuccessful: report.ruleErrors.length === 0 && report.configProblems.length === 0,
        toolExecutionNotifications: [
          ...report.ruleErrors.map((e) => ({ level: 'error', message: { text: e.message }, descriptor: { id: e.ruleId } })),
          ...report.skipped.map((s) => ({ level: 'note', message: { text: `Skipped ${s.filePath}: ${s.reason}` } })),
        ],
        toolConfigurationNotifications: report.configProblems.map((p) => ({
          level: 'error',
          message: { text: p.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: relUri(p.file) }, region: { startLine: p.line, startColumn: p.column } } }],
        })),
      }],
      originalUriBaseIds: { '%SRCROOT%': { uri: rootUri(report.root) } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
