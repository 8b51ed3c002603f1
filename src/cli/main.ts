import { statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { SEVERITY_ORDER, type Severity } from '../core/finding';
import { formatJson } from '../core/formatters/json';
import { formatSarif } from '../core/formatters/sarif';
import type { ScanReport } from '../core/formatters/scan-report';
import { formatText } from '../core/formatters/text';
import { errorMessage } from '../core/linter';
import { toPosix } from '../core/paths';
import { createCliLinter } from './analyze';
import { HELP, parseArgs, UsageError, type CliArgs } from './args';
import { loadConfig } from './config-loader';
import { formatRules } from './rules-command';
import { scan } from './scan';
import { runThreatModelCommand } from './threat-model-command';
import { buildThreatModel } from '../threat-model/build';
import { threatIdsByFingerprint } from '../threat-model/links';
import { compileWebAssemblyForOneRun } from './webassembly-tiers';

declare const IOTSEC_VERSION: string | undefined;
/** Tool version (injected by the build; falls back for runs from source). */
export const VERSION = typeof IOTSEC_VERSION === 'string' ? IOTSEC_VERSION : '0.0.0-dev';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

/** Runs the CLI and returns its exit code (never calls process.exit). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<0 | 1 | 2> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (UsageError.is(err)) {
      io.stderr(`iotsec: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (args.command === 'version') return io.stdout(`${VERSION}\n`), 0;
  if (args.command === 'help') return io.stdout(HELP), 0;
  if (args.command === 'rules') {
    io.stdout(formatRules(createCliLinter().rules, args.format));
    return 0;
  }
  const targets = (args.paths.length ? args.paths : ['.']).map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p)));
  for (const t of targets) {
    try {
      statSync(t);
    } catch {
      io.stderr(`iotsec: cannot read path ${t}\n`);
      return 2;
    }
  }
  const single = targets.length === 1 && statSync(targets[0]).isDirectory();
  const root = single ? targets[0] : io.cwd;
  const paths = single ? [] : targets.map((t) => toPosix(t.slice(root.length + 1)));
  const loaded = await loadConfig(root, args.config && resolve(io.cwd, args.config));
  if (loaded.problems.length) {
    const p = loaded.problems[0];
    io.stderr(`iotsec: invalid config ${toPosix(p.file)}:${p.line}:${p.column}: ${p.message}${loaded.problems.length > 1 ? ` (+${loaded.problems.length - 1} more)` : ''}\n`);
    return 2;
  }
  const linter = createCliLinter();
  const result = await scan({ root, paths, config: loaded.config, jobs: args.jobs, toolVersion: VERSION }, linter);
  if (args.command === 'threat-model') {
    return runThreatModelCommand({ root, outDir: args.outDir && resolve(io.cwd, args.outDir), scan: { root, findings: result.findings, summaries: result.summaries }, io });
  }
  // SARIF/JSON results carry the threat ids of the model, so CI and the editor name the same threats.
  const threatIds = args.format === 'sarif' || args.format === 'json'
    ? threatIdsByFingerprint(buildThreatModel({ root, findings: result.findings, summaries: result.summaries }, { now: new Date() }))
    : undefined;
  const report: ScanReport = { ...result, configProblems: [], threatIds };
  const text = args.format === 'sarif' ? formatSarif(report, linter.rules) : args.format === 'json' ? formatJson(report) : formatText(report, { color: args.color && !args.output });
  if (args.output) {
    const out = resolve(io.cwd, args.output);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, text);
    if (args.format !== 'text') io.stderr(formatText({ ...report }, { color: false }).split('\n').slice(-4).join('\n'));
  } else {
    io.stdout(text);
  }
  return exitCode(report, args.failOn);
}

function exitCode(report: ScanReport, failOn: CliArgs['failOn']): 0 | 1 {
  if (failOn === 'none') return 0;
  const threshold = SEVERITY_ORDER[failOn as Severity];
  return report.findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold) ? 1 : 0;
}

// The shim: run when executed, not when imported by tests.
if (require.main === module) {
  compileWebAssemblyForOneRun();
  process.on('uncaughtException', (err) => {
    process.stderr.write(`iotsec: fatal: ${errorMessage(err)}\n`);
    process.exitCode = 2;
  });
  runCli(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() })
    .then((code) => { process.exitCode = code; }, (err) => { process.stderr.write(`iotsec: fatal: ${errorMessage(err)}\n`); process.exitCode = 2; });
}
