/**
 * The threat-model *model* (STYLE V4): which workspace folder holds the model, its parsed
 * `.iotsec/threat-model.yaml` and a change event. It reloads when the YAML changes on disk or is
 * saved, keeps `iotsec.hasThreatModel` current for the welcome views, and applies human edits
 * (decision, owner) through the pure parse → change → render functions, never by editing text.
 */
import * as vscode from 'vscode';
import { THREAT_MODEL_FILES } from '../../threat-model/generate';
import { summarize } from '../../threat-model/build';
import type { FileProblem } from '../../threat-model/yaml-file';
import { parseThreatModelYaml } from '../../threat-model/yaml-file';
import type { Threat, ThreatModel } from '../../threat-model/types';
import type { Log } from '../log';
import { fileUri, readIfExists, writeEditedModel } from './files';

export const HAS_MODEL_CONTEXT = 'iotsec.hasThreatModel';

export type ModelState =
  | { kind: 'none' }
  | { kind: 'ok'; model: ThreatModel }
  | { kind: 'invalid'; problems: FileProblem[] };

/** Human fields a tree action may set; `undefined` removes the field. */
export type ThreatPatch = Partial<Pick<Threat, 'decision' | 'justification' | 'owner'>>;

export class ThreatModelStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private current: ModelState = { kind: 'none' };
  /** Last value given to the `iotsec.hasThreatModel` context key. */
  hasModelContext = false;
  private folderUri: vscode.Uri | undefined;
  private watcher: vscode.Disposable[] = [];
  private loading: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: Log) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.useFolder(defaultFolder())),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.folderUri && d.uri.toString() === fileUri(this.folderUri, 'yaml').toString()) void this.reload();
      }),
    );
    this.useFolder(defaultFolder());
  }

  get state(): ModelState {
    return this.current;
  }

  get model(): ThreatModel | undefined {
    return this.current.kind === 'ok' ? this.current.model : undefined;
  }

  /** The folder whose `.iotsec/threat-model.yaml` is shown. */
  get folder(): vscode.Uri | undefined {
    return this.folderUri;
  }

  /** Shows the model of `folder` (after generating in another folder of a multi-root workspace). */
  useFolder(folder: vscode.Uri | undefined): void {
    if (folder && this.folderUri?.toString() === folder.toString()) return;
    for (const d of this.watcher) d.dispose();
    this.watcher = [];
    this.folderUri = folder;
    if (folder) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, THREAT_MODEL_FILES.yaml));
      this.watcher.push(w, w.onDidCreate(() => this.reload()), w.onDidChange(() => this.reload()), w.onDidDelete(() => this.reload()));
    }
    void this.reload();
  }

  /** Re-reads the YAML (coalesced); resolves when the state is current. */
  reload(): Promise<void> {
    const run = async (): Promise<void> => {
      this.setState(await this.read());
    };
    this.loading = (this.loading ?? Promise.resolve()).then(run, run);
    return this.loading;
  }

  /** Applies `patch` to threat `id` and rewrites the files; throws with a readable message. */
  async updateThreat(id: string, patch: ThreatPatch): Promise<Threat> {
    const folder = this.folderUri;
    if (!folder) throw new Error('no workspace folder is open');
    const state = await this.read();
    if (state.kind !== 'ok') throw new Error(state.kind === 'none' ? 'no threat model yet: generate it first' : `${THREAT_MODEL_FILES.yaml} has problems (line ${state.problems[0].line}): fix them first`);
    const threats = state.model.threats.map((t) => (t.id === id ? applyPatch(t, patch) : t));
    const updated = threats.find((t) => t.id === id);
    if (!updated) throw new Error(`threat ${id} is not in ${THREAT_MODEL_FILES.yaml}`);
    const model: ThreatModel = { ...state.model, threats, summary: summarize(threats) };
    await writeEditedModel(folder, model);
    this.setState({ kind: 'ok', model });
    return updated;
  }

  private async read(): Promise<ModelState> {
    if (!this.folderUri) return { kind: 'none' };
    try {
      const text = await readIfExists(fileUri(this.folderUri, 'yaml'));
      if (text === undefined || text.trim() === '') return { kind: 'none' };
      const parsed = parseThreatModelYaml(text);
      return parsed.ok ? { kind: 'ok', model: parsed.model } : { kind: 'invalid', problems: parsed.problems };
    } catch (err) {
      this.log.error('threat-model', err);
      return { kind: 'none' };
    }
  }

  private setState(state: ModelState): void {
    this.current = state;
    this.hasModelContext = state.kind !== 'none';
    void vscode.commands.executeCommand('setContext', HAS_MODEL_CONTEXT, this.hasModelContext);
    this.emitter.fire();
  }

  dispose(): void {
    for (const d of [...this.watcher, ...this.disposables]) d.dispose();
  }
}

function applyPatch(t: Threat, patch: ThreatPatch): Threat {
  const out: Threat = { ...t };
  for (const [k, v] of Object.entries(patch) as Array<[keyof ThreatPatch, string | undefined]>) {
    if (v === undefined || v === '') delete out[k];
    else (out as unknown as Record<string, string>)[k] = v;
  }
  return out;
}

function defaultFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}
