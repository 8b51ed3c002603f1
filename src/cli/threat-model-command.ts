/**
 * `iotsec threat-model [path] [--out DIR]`: reads the existing files, runs the pure generator and
 * writes `.iotsec/threat-model.yaml`, `.iotsec/threat-model.otm.json` and `THREAT_MODEL.md`
 * atomically (temp file + rename). A malformed YAML or a foreign file is never overwritten (exit 2).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { THREAT_MODEL_FILES, generateThreatModel } from '../threat-model/generate';
import type { ExistingFiles } from '../threat-model/generate';
import type { ScanOutput, ThreatModel } from '../threat-model/types';

export interface ThreatModelCommandArgs {
  root: string;
  outDir?: string;
  scan: ScanOutput;
  now?: Date;
  io: { stdout(s: string): void; stderr(s: string): void };
}

/** Runs the command; 0 = written, 2 = malformed existing file / unwritable folder (one-line reason on stderr). */
export async function runThreatModelCommand(args: ThreatModelCommandArgs): Promise<0 | 1 | 2> {
  const root = resolve(args.root);
  const outDir = resolve(args.outDir ?? root);
  const paths = {
    yaml: join(outDir, THREAT_MODEL_FILES.yaml),
    markdown: join(outDir, THREAT_MODEL_FILES.markdown),
    otm: join(outDir, THREAT_MODEL_FILES.otm),
  };
  const show = (p: string): string => relative(process.cwd(), p) || p;
  let existing: ExistingFiles;
  try {
    existing = { yaml: await readIfExists(paths.yaml), markdown: await readIfExists(paths.markdown), otm: await readIfExists(paths.otm) };
  } catch (err) {
    args.io.stderr(`iotsec threat-model: cannot read existing threat model: ${message(err)}\n`);
    return 2;
  }
  const linkPrefix = toPosix(relative(outDir, root));
  const result = generateThreatModel(args.scan, existing, { now: args.now, linkPrefix: linkPrefix ? `${linkPrefix}/` : '' });
  if (!result.ok) {
    const file = show(join(outDir, result.file));
    for (const p of result.problems.slice(0, 20)) args.io.stderr(`${file}:${p.line}:${p.column}: ${p.message}\n`);
    args.io.stderr(`iotsec threat-model: ${file} was not overwritten: fix the problem${result.problems.length > 1 ? 's' : ''} above and run again.\n`);
    return 2;
  }
  try {
    await writeAtomic(paths.yaml, result.files.yaml);
    await writeAtomic(paths.otm, result.files.otm);
    await writeAtomic(paths.markdown, result.files.markdown);
  } catch (err) {
    args.io.stderr(`iotsec threat-model: cannot write to ${show(outDir)}: ${message(err)}\n`);
    return 2;
  }
  args.io.stdout(summaryText(result.model, [paths.yaml, paths.markdown, paths.otm].map(show)));
  return 0;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Writes through a temp file in the same folder and renames it over the target. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

function summaryText(model: ThreatModel, files: string[]): string {
  const s = model.summary;
  const lines = [
    `Threat model for ${model.project.name}: ${s.threats} threat(s) — ${s.byStatus.open} open, ${s.byStatus['partially-mitigated']} partially mitigated, ${s.byStatus.mitigated} mitigated, ${s.byStatus.resolved} resolved.`,
    `${model.components.length} component(s), ${model.dataFlows.length} data flow(s); ${model.dataFlows.filter((f) => !f.tls).length} plaintext, ${model.dataFlows.filter((f) => f.verification === 'disabled').length} with TLS verification off.`,
  ];
  const open = model.threats.filter((t) => (t.status === 'open' || t.status === 'partially-mitigated') && !t.decision);
  const rank = { high: 0, medium: 1, low: 2 } as const;
  for (const t of open.sort((a, b) => rank[a.severity] - rank[b.severity]).slice(0, 8)) {
    const c = t.causes[0];
    lines.push(`  ${t.severity.padEnd(6)} ${t.id}  ${t.title}${c ? `  (${c.file}:${c.line})` : ''}`);
  }
  if (open.length > 8) lines.push(`  … and ${open.length - 8} more`);
  lines.push(`Wrote ${files.join(', ')}`);
  return lines.join('\n') + '\n';
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
