/**
 * The threat model's scan: every file the engine understands in one workspace folder, through V's
 * `LintService` (same rules, collectors, config and excludes as the editor and the CLI), collecting
 * findings and the file summaries (collector signals) the model is built from.
 */
import * as vscode from 'vscode';
import type { Finding } from '../../core/finding';
import type { FileSummary } from '../../core/rule';
import type { ScanOutput } from '../../threat-model/types';
import { readConfig } from '../config';
import type { LintService } from '../engine';
import type { Log } from '../log';
import { DEFAULT_EXCLUDES } from '../settings';

const BATCH = 16;

export interface FolderScanOptions {
  token?: vscode.CancellationToken;
  onProgress?: (done: number, total: number) => void;
}

/** Scans `folder`; undefined when cancelled. */
export async function scanFolder(lint: LintService, folder: vscode.WorkspaceFolder, log: Log, opts: FolderScanOptions = {}): Promise<ScanOutput | undefined> {
  const settings = readConfig(folder.uri);
  const exclude = `{${[...DEFAULT_EXCLUDES, ...settings.exclude].join(',')}}`;
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), exclude, undefined, opts.token);
  const files = uris.filter((u) => lint.linter.languageFor(vscode.workspace.asRelativePath(u, false)));
  const findings: Finding[] = [];
  const summaries: FileSummary[] = [];
  opts.onProgress?.(0, files.length);
  for (let i = 0; i < files.length; i += BATCH) {
    if (opts.token?.isCancellationRequested) return undefined;
    const batch = files.slice(i, i + BATCH);
    for (const out of await Promise.all(batch.map((u) => lintOne(lint, u, settings.maxFileSizeKb, log)))) {
      if (!out) continue;
      findings.push(...out.findings);
      if (out.summary) summaries.push(out.summary);
    }
    opts.onProgress?.(Math.min(i + BATCH, files.length), files.length);
    await new Promise((r) => setImmediate(r)); // keep the extension host responsive
  }
  if (opts.token?.isCancellationRequested) return undefined;
  const project = lint.linter.lintProject(summaries, await lint.config.folderConfig(folder));
  findings.push(...project.findings);
  return { root: folder.uri.fsPath, findings, summaries };
}

async function lintOne(lint: LintService, uri: vscode.Uri, maxKb: number, log: Log): Promise<{ findings: Finding[]; summary?: FileSummary } | undefined> {
  try {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : await readIfSmall(uri, maxKb);
    const out = text === undefined ? undefined : await lint.lint(uri, text, open?.languageId);
    return out && { findings: out.result.findings, summary: out.result.summary };
  } catch (err) {
    log.error('threat-model', err);
    return undefined;
  }
}

async function readIfSmall(uri: vscode.Uri, maxKb: number): Promise<string | undefined> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > maxKb * 1024) return undefined;
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.subarray(0, 8192).includes(0)) return undefined; // binary
  return new TextDecoder().decode(bytes);
}
