import type { Dirent } from 'node:fs';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { toPosix } from '../core/paths';

/** Directories never worth scanning: dependencies, build output, VCS metadata, our own outputs. */
export const DEFAULT_EXCLUDED_DIRS: readonly string[] = [
  'node_modules', '.git', '.hg', '.svn', '.pio', 'build', 'managed_components', '.iotsec', '.venv', 'venv',
  '__pycache__', '.tox', '.cache', '.vscode-test', '.esphome', '.platformio',
];

interface IgnoreScope {
  base: string;
  ig: Ignore;
}

export interface WalkResult {
  /** Workspace-relative, forward-slash paths of files to consider. */
  files: string[];
  /** Paths that could not be read (e.g. permission denied), with the reason. */
  unreadable: Array<{ filePath: string; reason: string }>;
  /** Whether any .gitignore was found (so "not ignored" means something). */
  hasGitignore: boolean;
  /** Ignore check for a workspace-relative path, using the .gitignore files seen while walking. */
  isGitIgnored(filePath: string): boolean;
}

/**
 * Walks `root` honouring nested `.gitignore` files, default excludes and config `exclude` globs.
 * Never follows directory symlinks (no loops); unreadable directories are reported, not fatal.
 * `onFile` sees each file as it is found (in the order of `files`), so a scan can start on them.
 */
export async function walk(root: string, opts: { exclude?: readonly string[]; gitignore?: boolean; onFile?: (file: string) => void } = {}): Promise<WalkResult> {
  const excluded = opts.exclude?.length ? picomatch(opts.exclude as string[], { dot: true }) : () => false;
  const scopes: IgnoreScope[] = [];
  const files: string[] = [];
  const unreadable: WalkResult['unreadable'] = [];
  let hasGitignore = false;
  const ignoredBy = (rel: string, isDir: boolean, chain: readonly IgnoreScope[]): boolean => {
    for (const s of chain) {
      const r = s.base ? (rel.startsWith(s.base + '/') ? rel.slice(s.base.length + 1) : undefined) : rel;
      if (r && s.ig.ignores(isDir ? r + '/' : r)) return true;
    }
    return false;
  };
  // Synchronous directory reads: the walk runs before any analysis, nothing waits on this thread,
  // and the promise API cost a thread-pool hop per directory.
  function visit(dir: string, rel: string, chain: IgnoreScope[]): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      unreadable.push({ filePath: rel || '.', reason: `unreadable directory (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    let local = chain;
    if (opts.gitignore !== false && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        const scope = { base: rel, ig: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) };
        scopes.push(scope);
        local = [...chain, scope];
        hasGitignore = true;
      } catch {
        // An unreadable .gitignore only means fewer exclusions.
      }
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (DEFAULT_EXCLUDED_DIRS.includes(e.name) || excluded(childRel + '/') || excluded(childRel) || ignoredBy(childRel, true, local)) continue;
        visit(join(dir, e.name), childRel, local);
      } else if (e.isFile()) {
        if (excluded(childRel) || ignoredBy(childRel, false, local)) continue;
        files.push(childRel);
        opts.onFile?.(childRel);
      }
    }
  }
  visit(root, '', []);
  return {
    files,
    unreadable,
    hasGitignore,
    isGitIgnored: (filePath) => ignoredBy(toPosix(filePath), false, scopes),
  };
}

/** Workspace-relative forward-slash path of `abs` under `root`. */
export function relativePath(root: string, abs: string): string {
  return toPosix(relative(root, abs));
}
