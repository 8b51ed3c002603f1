// Workspace-scan benchmark inside the real extension host: "IoT Security: Scan Workspace" on the
// synthetic 10,000-file workspace (bench/.workspace). Run: node bench/workspace-scan-vscode.mjs
import * as vscode from 'vscode';
import { api } from './helpers';

describe('workspace scan (benchmark)', function () {
  this.timeout(1_800_000);
  it('scans the whole workspace and publishes diagnostics', async function () {
    if (!process.env.IOTSEC_BENCH_SCAN) return this.skip();
    const t0 = performance.now();
    // The extension host must stay responsive while scanning: sample event-loop delay with a timer.
    let worstLagMs = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstLagMs = Math.max(worstLagMs, now - last - 50);
      last = now;
    }, 50);
    const stats = await (await api()).scanWorkspace();
    clearInterval(timer);
    const ms = performance.now() - t0;
    let withDiagnostics = 0;
    for (const [, ds] of vscode.languages.getDiagnostics()) if (ds.some((d) => d.source === 'iotsec')) withDiagnostics++;
    console.log(`SCAN ${JSON.stringify({ ms: Math.round(ms), stats, filesWithDiagnostics: withDiagnostics, worstEventLoopLagMs: Math.round(worstLagMs) })}`);
  });
});
