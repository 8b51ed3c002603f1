/** Process measurement for the benchmark: wall time and peak RSS (VmHWM) of a child, with a timeout. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface RunMeasure {
  wallMs: number;
  /** Peak resident set of the process (threads share it), in MB; undefined if /proc is unavailable. */
  peakRssMb?: number;
  /** CPU time (user + system, all threads) of the process, from /proc; robust on a shared machine. */
  cpuMs?: number;
  code: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

function vmHwmKb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14, 15)
  } catch {
    return undefined;
  }
}

/** Spawns `cmd args`, polls /proc/<pid>/status for VmHWM, kills the process group after `timeoutMs`. */
export function measure(cmd: string, args: readonly string[], opts: { cwd?: string; timeoutMs: number; env?: NodeJS.ProcessEnv; keepStdout?: boolean }): Promise<RunMeasure> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let ticks = 0;
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => { if (opts.keepStdout !== false && stdout.length < 64 * 2 ** 20) stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { if (stderr.length < 2 ** 20) stderr += d.toString(); });
    const poll = setInterval(() => {
      const kb = child.pid ? vmHwmKb(child.pid) : undefined;
      if (kb && kb > peak) peak = kb;
      const t = child.pid ? cpuTicks(child.pid) : undefined;
      if (t !== undefined && t > ticks) ticks = t;
    }, 25);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the whole group: npx/secretlint may fork
      } catch {
        child.kill('SIGKILL');
      }
    }, opts.timeoutMs);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      // Clock ticks are 1/100 s on Linux (sysconf(_SC_CLK_TCK)); the last poll is up to 25 ms early.
      resolve({ wallMs: performance.now() - t0, peakRssMb: peak ? peak / 1024 : undefined, cpuMs: ticks ? ticks * 10 : undefined, code, timedOut, stdout, stderr });
    });
  });
}

/** p-th percentile (0–100) of `xs` (nearest rank). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
