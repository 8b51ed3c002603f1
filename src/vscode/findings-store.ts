import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/finding';
import { findingKey } from './convert';

/** Findings of one file: per-file findings (with the document version they were linted at) + project findings. */
export interface FileFindings {
  uri: vscode.Uri;
  folder?: vscode.Uri;
  /** `document.version` at lint time; undefined when linted from disk (closed file). */
  version?: number;
  findings: readonly Finding[];
  project: readonly Finding[];
  /** Finding by diagnostic key, for code actions. */
  byKey: ReadonlyMap<string, Finding>;
}

/** The model: findings by URI, with a change event (views, status bar and diagnostics listen). */
export class FindingStore implements vscode.Disposable {
  private readonly files = new Map<string, FileFindings>();
  private readonly emitter = new vscode.EventEmitter<readonly vscode.Uri[]>();
  readonly onDidChange = this.emitter.event;

  get(uri: vscode.Uri): FileFindings | undefined {
    return this.files.get(uri.toString());
  }

  /** Replaces the per-file findings of `uri` (project findings are kept). */
  set(uri: vscode.Uri, findings: readonly Finding[], version: number | undefined, folder: vscode.Uri | undefined): void {
    const old = this.files.get(uri.toString());
    this.put({ uri, folder, version, findings, project: old?.project ?? [], byKey: new Map() });
  }

  /** Replaces all project findings (after a workspace scan), grouped by file. */
  setProject(groups: ReadonlyMap<string, { uri: vscode.Uri; folder?: vscode.Uri; findings: Finding[] }>): void {
    const changed: vscode.Uri[] = [];
    for (const [key, f] of this.files) {
      if (f.project.length && !groups.has(key)) {
        this.put({ ...f, project: [] }, false);
        changed.push(f.uri);
      }
    }
    for (const [key, g] of groups) {
      const old = this.files.get(key);
      this.put({ uri: g.uri, folder: g.folder, version: old?.version, findings: old?.findings ?? [], project: g.findings, byKey: new Map() }, false);
      changed.push(g.uri);
    }
    if (changed.length) this.emitter.fire(changed);
  }

  /** Forgets the per-file findings of `uri`. */
  delete(uri: vscode.Uri): void {
    const old = this.files.get(uri.toString());
    if (!old) return;
    if (old.project.length) this.put({ ...old, findings: [], version: undefined, byKey: new Map() });
    else {
      this.files.delete(uri.toString());
      this.emitter.fire([uri]);
    }
  }

  clear(): void {
    const uris = [...this.files.values()].map((f) => f.uri);
    this.files.clear();
    if (uris.length) this.emitter.fire(uris);
  }

  all(): IterableIterator<FileFindings> {
    return this.files.values();
  }

  /** Finding counts by severity over all files. */
  counts(): Record<Severity, number> {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of this.files.values()) for (const x of [...f.findings, ...f.project]) c[x.severity]++;
    return c;
  }

  private put(entry: FileFindings, fire = true): void {
    const byKey = new Map<string, Finding>();
    for (const f of [...entry.findings, ...entry.project]) byKey.set(findingKey(f), f);
    this.files.set(entry.uri.toString(), { ...entry, byKey });
    if (fire) this.emitter.fire([entry.uri]);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
