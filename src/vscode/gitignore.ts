import * as path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import * as vscode from 'vscode';
import type { WorkspaceFacts } from '../core/rule';

interface DirRules {
  /** Folder-relative directory ('' = root). */
  dir: string;
  rules: Ignore;
}

/**
 * A cheap `.gitignore` reader for `WorkspaceFacts.isGitIgnored` (the `.env`-not-ignored rule):
 * reads the `.gitignore` of each ancestor directory of a file plus `.git/info/exclude`, lazily,
 * cached until any `.gitignore` changes. Not a full git: global excludes are not read.
 */
export class GitIgnoreIndex implements vscode.Disposable {
  private readonly dirs = new Map<string, Promise<Ignore | null>>();
  private readonly repos = new Map<string, Promise<boolean>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Fires when a `.gitignore` changed (open documents must be re-linted). */
  readonly onDidChange = this.emitter.event;

  constructor() {
    if (vscode.workspace.workspaceFolders?.length) {
      const w = vscode.workspace.createFileSystemWatcher('**/{.gitignore,.git/info/exclude}');
      const clear = (): void => {
        this.dirs.clear();
        this.repos.clear();
        this.emitter.fire();
      };
      this.disposables.push(w, w.onDidChange(clear), w.onDidCreate(clear), w.onDidDelete(clear));
    }
  }

  /** Loads what `relPath` needs, then answers synchronously (rules cannot await). */
  async factsFor(folder: vscode.WorkspaceFolder | undefined, relPath: string): Promise<WorkspaceFacts> {
    if (!folder || !relPath) return { isGitIgnored: () => undefined };
    const chain = await this.chain(folder.uri, relPath);
    const isRepo = await this.isRepo(folder.uri);
    return {
      isGitIgnored: (filePath) => {
        const rel = filePath.replace(/\\/g, '/').replace(/^\.\//, '');
        if (rel !== relPath && !chain.every((c) => rel.startsWith(c.dir ? c.dir + '/' : ''))) return undefined;
        if (!chain.length) return isRepo ? false : undefined;
        return chain.some((c) => c.rules.ignores(c.dir ? rel.slice(c.dir.length + 1) : rel));
      },
    };
  }

  private async chain(root: vscode.Uri, relPath: string): Promise<DirRules[]> {
    const parts = path.posix.dirname(relPath).split('/').filter((p) => p && p !== '.');
    const dirs = [''];
    for (let i = 1; i <= parts.length; i++) dirs.push(parts.slice(0, i).join('/'));
    const out: DirRules[] = [];
    for (const dir of dirs) {
      const rules = await this.load(root, dir);
      if (rules) out.push({ dir, rules });
    }
    return out;
  }

  private load(root: vscode.Uri, dir: string): Promise<Ignore | null> {
    const key = `${root.toString()}|${dir}`;
    let p = this.dirs.get(key);
    if (!p) {
      p = (async () => {
        const texts = [await read(vscode.Uri.joinPath(root, dir, '.gitignore'))];
        if (!dir) texts.push(await read(vscode.Uri.joinPath(root, '.git', 'info', 'exclude')));
        const present = texts.filter((t): t is string => t !== undefined);
        return present.length ? ignore().add(present.join('\n')) : null;
      })();
      this.dirs.set(key, p);
    }
    return p;
  }

  private isRepo(root: vscode.Uri): Promise<boolean> {
    const key = root.toString();
    let p = this.repos.get(key);
    if (!p) {
      p = Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(root, '.git'))).then(() => true, () => false);
      this.repos.set(key, p);
    }
    return p;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

async function read(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
