import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenRegex } from '../core/regex-safety';
import { defaultConfig, parseConfig, type ConfigProblem, type CustomSecretPattern, type ResolvedConfig } from '../core/config';

export const CONFIG_FILE = '.iotsec.yaml';

/** Compiles user secret patterns, rejecting invalid and ReDoS-vulnerable ones (recheck). */
export function compileSecretPatterns(patterns: readonly CustomSecretPattern[], file = CONFIG_FILE): {
  patterns: Array<{ id: string; regex: RegExp; description?: string }>;
  problems: ConfigProblem[];
} {
  const out: Array<{ id: string; regex: RegExp; description?: string }> = [];
  const problems: ConfigProblem[] = [];
  for (const p of patterns) {
    let regex: RegExp;
    try {
      regex = new RegExp(p.pattern, 'g');
    } catch (err) {
      problems.push({ file, line: 1, column: 1, message: `secretPatterns "${p.id}": invalid regular expression: ${(err as Error).message}` });
      continue;
    }
    const verdict = checkRegex(p.pattern);
    if (!verdict.safe) {
      problems.push({ file, line: 1, column: 1, message: `secretPatterns "${p.id}": rejected, the pattern can backtrack catastrophically (ReDoS: ${verdict.reason}); simplify nested or overlapping quantifiers` });
      continue;
    }
    out.push({ id: p.id, regex, description: p.description });
  }
  return { patterns: out, problems };
}

/** Loads `.iotsec.yaml` (explicit path or at the root); missing file = defaults. */
export async function loadConfig(root: string, explicit?: string): Promise<{ config: ResolvedConfig; problems: ConfigProblem[]; file?: string }> {
  const file = explicit ?? join(root, CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicit) return { config: defaultConfig(), problems: [{ file, line: 1, column: 1, message: 'config file not found' }] };
    return { config: defaultConfig(), problems: [] };
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { config: defaultConfig(), problems: [{ file, line: 1, column: 1, message: `cannot read config: ${(err as Error).message}` }], file };
  }
  const parsed = parseConfig(text, file);
  const compiled = compileSecretPatterns(parsed.config.secretPatterns, file);
  const config = { ...parsed.config, settings: { ...parsed.config.settings, secretPatterns: compiled.patterns } };
  return { config, problems: [...parsed.problems, ...compiled.problems], file };
}

type Recheck = { checkSync(source: string, flags: string, params?: { timeout?: number }): { status: string } };

/** recheck when installed (CLI from the repo / npm), else the built-in conservative screen. */
export function checkRegex(pattern: string): { safe: boolean; reason?: string } {
  const screened = screenRegex(pattern);
  if (!screened.safe) return screened;
  let recheck: Recheck | undefined;
  try {
    // Loaded lazily and kept external to the bundle: recheck ships a native binary per platform.
    recheck = require('recheck') as Recheck;
  } catch {
    return screened;
  }
  const status = recheck.checkSync(pattern, '', { timeout: 2000 }).status;
  return status === 'safe' ? { safe: true } : { safe: false, reason: `recheck says ${status}` };
}
