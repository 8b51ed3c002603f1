/** Parsed command line. */
export interface CliArgs {
  command: 'scan' | 'threat-model' | 'rules' | 'help' | 'version';
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'markdown';
  output?: string;
  config?: string;
  failOn: 'error' | 'warning' | 'info' | 'none';
  jobs?: number;
  outDir?: string;
  color: boolean;
}

/** A usage error: the CLI prints it and exits 2. */
export class UsageError extends Error {
  static is(e: unknown): e is UsageError {
    return e instanceof UsageError;
  }
}

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;

/** Parses argv (without `node cli.js`). Throws UsageError on bad input. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'help', paths: [], format: 'text', failOn: 'warning', color: false };
  const rest = [...argv];
  const first = rest[0];
  if (first === '--version' || first === '-v') return { ...args, command: 'version' };
  if (!first || first === '--help' || first === '-h' || first === 'help') return args;
  if (first !== 'scan' && first !== 'threat-model' && first !== 'rules') throw new UsageError(`unknown command "${first}" (expected scan, threat-model or rules)`);
  args.command = first;
  rest.shift();
  while (rest.length) {
    const a = rest.shift()!;
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      const v = rest.shift();
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': case '-f': {
        const v = value();
        if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
        args.format = v as CliArgs['format'];
        break;
      }
      case '--output': case '-o': args.output = value(); break;
      case '--config': case '-c': args.config = value(); break;
      case '--out': args.outDir = value(); break;
      case '--fail-on': {
        const v = value();
        if (!(FAIL_ON as readonly string[]).includes(v)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}`);
        args.failOn = v as CliArgs['failOn'];
        break;
      }
      case '--jobs': case '-j': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs must be a positive integer');
        args.jobs = n;
        break;
      }
      case '--color': args.color = true; break;
      case '--no-color': args.color = false; break;
      case '--help': case '-h': return { ...args, command: 'help' };
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        args.paths.push(a);
    }
  }
  return args;
}

export const HELP = `iotsec — find IoT security mistakes in device code and manifests

Usage:
  iotsec scan [paths…] [--format text|json|sarif] [--output FILE] [--config FILE]
                       [--fail-on error|warning|info|none] [--jobs N] [--color]
  iotsec threat-model [path] [--out DIR]
  iotsec rules [--format text|json|markdown]
  iotsec --version

Exit codes: 0 nothing at or above --fail-on (default: warning), 1 findings, 2 usage/config/path error.
`;
