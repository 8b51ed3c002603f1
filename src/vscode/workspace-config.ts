import * as path from 'node:path';
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { defaultConfig, mergeConfig, parseConfig } from '../core/config';
import type { ResolvedConfig } from '../core/config';
import { screenRegex } from '../core/regex-safety';
import type { RuleSettings } from '../core/rule';
import { readConfig, SECTION } from './config';
import type { Log } from './log';
import { settingsOverride } from './settings';
import type { ExtensionConfig } from './settings';

export const CONFIG_FILE = '.iotsec.yaml';

/** What the engine needs to lint one document: its folder, relative path and merged config. */
export interface DocumentScope {
  folder?: vscode.WorkspaceFolder;
  /** Workspace-folder-relative, forward slashes; the base name outside any folder, '' untitled. */
  relPath: string;
  settings: ExtensionConfig;
  config: ResolvedConfig;
  excluded: boolean;
}

interface FolderState {
  config: ResolvedConfig;
  isExcluded: (relPath: string) => boolean;
}

/**
 * `.iotsec.yaml` at each workspace folder root, parsed with the CLI's `parseConfig` and merged
 * with `iotsec.*` settings. In an untrusted workspace the file's `secretPatterns` are dropped
 * (user regexes are code we would run). Fires `onDidChange` when any input changes.
 */
export class WorkspaceConfig implements vscode.Disposable {
  private readonly folders = new Map<string, Promise<FolderState>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: Log) {
    const changed = (): void => {
      this.folders.clear();
      this.emitter.fire();
    };
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SECTION) && changed()),
      vscode.workspace.onDidGrantWorkspaceTrust(changed),
      vscode.workspace.onDidChangeWorkspaceFolders(changed),
    );
    if (vscode.workspace.workspaceFolders?.length) {
      const w = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
      this.disposables.push(w, w.onDidChange(changed), w.onDidCreate(changed), w.onDidDelete(changed));
    }
  }

  /** Scope of a document or file URI. */
  async scopeOf(uri: vscode.Uri): Promise<DocumentScope> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const settings = readConfig(uri);
    const relPath = uri.scheme === 'untitled' ? '' : folder ? relativePath(folder.uri, uri) : path.posix.basename(uri.path);
    const state = await this.folderState(folder, settings);
    return { folder, relPath, settings, config: state.config, excluded: relPath !== '' && state.isExcluded(relPath) };
  }

  /** Merged config of a folder (for project rules after a scan). */
  async folderConfig(folder: vscode.WorkspaceFolder | undefined): Promise<ResolvedConfig> {
    return (await this.folderState(folder, readConfig(folder?.uri))).config;
  }

  private folderState(folder: vscode.WorkspaceFolder | undefined, settings: ExtensionConfig): Promise<FolderState> {
    const key = folder?.uri.toString() ?? '';
    let state = this.folders.get(key);
    if (!state) {
      state = this.load(folder, settings);
      this.folders.set(key, state);
    }
    return state;
  }

  private async load(folder: vscode.WorkspaceFolder | undefined, settings: ExtensionConfig): Promise<FolderState> {
    let base = defaultConfig();
    if (folder) {
      const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
      const text = await readText(file);
      if (text !== undefined) {
        const { config, problems } = parseConfig(text, CONFIG_FILE);
        for (const p of problems) this.log.warn('config', `${file.fsPath}:${p.line}:${p.column}: ${p.message}`);
        base = config;
      }
    }
    let config = mergeConfig(base, settingsOverride(settings));
    if (!vscode.workspace.isTrusted) config = { ...config, secretPatterns: [] };
    config = { ...config, settings: withCompiledPatterns(config, this.log) };
    const matchers = config.exclude.map((g) => picomatch(g, { dot: true }));
    return { config, isExcluded: (rel) => matchers.some((m) => m(rel)) };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Folder-relative path with forward slashes (what the CLI passes to the engine). */
export function relativePath(folder: vscode.Uri, uri: vscode.Uri): string {
  return path.posix.relative(folder.path, uri.path);
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Compiles `.iotsec.yaml` secretPatterns (the CLI's screen, without recheck's native binary), skipping unsafe ones. */
function withCompiledPatterns(config: ResolvedConfig, log: Log): RuleSettings {
  const compiled: NonNullable<RuleSettings['secretPatterns']>[number][] = [];
  for (const p of config.secretPatterns) {
    const screened = screenRegex(p.pattern);
    if (!screened.safe) {
      log.warn('config', `secretPatterns "${p.id}" skipped: it can backtrack catastrophically (${screened.reason ?? 'ReDoS'})`);
      continue;
    }
    try {
      compiled.push({ id: p.id, regex: new RegExp(p.pattern, 'g'), description: p.description });
    } catch (err) {
      log.warn('config', `secretPatterns "${p.id}" skipped: ${String(err)}`);
    }
  }
  return compiled.length ? { ...config.settings, secretPatterns: compiled } : config.settings;
}
