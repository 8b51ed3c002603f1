import type { Severity } from '../finding';
import { countBySeverity, type ScanReport } from './scan-report';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/** ESLint "stylish"-like text output: file, line:col, severity, message, rule; then a summary. */
export function formatText(report: ScanReport, opts: { color?: boolean } = {}): string {
  const c = (code: string, s: string): string => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev = (s: Severity): string => c(s === 'error' ? '31' : s === 'warning' ? '33' : '36', LABEL[s].padEnd(7));
  const out: string[] = [];
  const byFile = new Map<string, typeof report.findings>();
  for (const f of report.findings) byFile.set(f.filePath, [...(byFile.get(f.filePath) ?? []), f]);
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(c('4', file));
    for (const f of list.sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column)) {
      const pos = `${f.start.line}:${f.start.column}`.padEnd(8);
      out.push(`  ${pos} ${sev(f.severity)} ${f.message}  ${c('2', f.ruleId)}`);
    }
    out.push('');
  }
  const n = countBySeverity(report.findings);
  const total = report.findings.length;
  const files = byFile.size;
  out.push(total
    ? c(n.error ? '31;1' : '33;1', `✖ ${total} problem${total === 1 ? '' : 's'} (${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} info) in ${files} file${files === 1 ? '' : 's'}`)
    : c('32', '✔ no problems found'));
  const mb = report.stats.bytes / 1e6;
  const secs = report.stats.durationMs / 1000;
  const size = mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.ceil(report.stats.bytes / 1024)} KB`;
  // Throughput only means something on a real tree; on a handful of files start-up dominates.
  const rate = secs > 0 && mb >= 1 ? ` — ${(mb / secs).toFixed(1)} MB/s, ${Math.round(report.stats.files / secs)} files/s` : '';
  out.push(`Scanned ${report.stats.files} file${report.stats.files === 1 ? '' : 's'} (${size}) in ${secs.toFixed(2)} s${rate}`);
  if (report.skipped.length) {
    out.push(`Skipped ${report.skipped.length} file${report.skipped.length === 1 ? '' : 's'}:`);
    for (const s of report.skipped.slice(0, 50)) out.push(`  ${s.filePath} (${s.reason})`);
    if (report.skipped.length > 50) out.push(`  … and ${report.skipped.length - 50} more`);
  }
  if (report.parseErrors.length) {
    const files = new Set(report.parseErrors.map((e) => e.filePath));
    out.push(`Parsed with errors: ${files.size} file${files.size === 1 ? '' : 's'} (findings from the parts that parsed are reported):`);
    for (const f of [...files].slice(0, 20)) {
      const e = report.parseErrors.find((x) => x.filePath === f)!;
      out.push(`  ${f}:${e.start.line}:${e.start.column} ${e.message}`);
    }
  }
  for (const e of report.ruleErrors) out.push(c('31', `Rule error: ${e.message}`));
  return out.join('\n') + '\n';
}
