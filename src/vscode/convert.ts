import * as vscode from 'vscode';
import type { Finding, Position as CorePosition, Severity } from '../core/finding';
import { docsUri } from './docs';

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Core positions are 1-based line / 1-based UTF-16 column (line-index.ts); VS Code's are 0-based. */
export function toPosition(p: CorePosition): vscode.Position {
  return new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
}

export function toRange(start: CorePosition, end: CorePosition): vscode.Range {
  return new vscode.Range(toPosition(start), toPosition(end));
}

/** The one place a finding becomes a diagnostic (vscode-eslint `Diagnostics.create`). */
export function toDiagnostic(f: Finding, folder: vscode.Uri | undefined, self: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.start, f.end), f.message, SEVERITY[f.severity]);
  d.source = 'iotsec';
  d.code = { value: f.ruleId, target: docsUri(f.ruleId) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => {
      const uri = r.filePath && folder ? vscode.Uri.joinPath(folder, r.filePath) : self;
      const range = r.start && r.end ? toRange(r.start, r.end) : new vscode.Range(0, 0, 0, 0);
      return new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range), r.message);
    });
  }
  return d;
}

/**
 * Key that finds a finding again from the diagnostic VS Code hands back to a code-action
 * provider (not guaranteed to be the object we set; vscode-eslint `computeKey`).
 */
export function diagnosticKey(d: { range: vscode.Range; code?: vscode.Diagnostic['code']; message: string }): string {
  const code = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}|${String(code)}|${d.message}`;
}

/** The key a finding's diagnostic will have. */
export function findingKey(f: Finding): string {
  return diagnosticKey({ range: toRange(f.start, f.end), code: f.ruleId, message: f.message });
}
