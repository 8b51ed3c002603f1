import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ScanPool } from '../../../src/vscode/scan-pool';
import type { ScanFile } from '../../../src/vscode/scan-protocol';
import type { ScanStats } from '../../../src/vscode/workspace-scan';
import { api, EXTENSION_ID, iotsecDiagnostics, open, resetWorkspace, uriOf, withCode } from './helpers';

/** Diagnostics as comparable strings (code, range, severity, message), sorted. */
function keyed(uri: vscode.Uri): string[] {
  return iotsecDiagnostics(uri).map((d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.message}`).sort();
}

async function scan(): Promise<ScanStats> {
  const stats = await (await api()).scanWorkspace();
  assert.equal(stats.cancelled, false);
  return stats;
}

const FIXTURE_FILES = ['.env', 'config/device.json', 'prj.conf', 'scripts/publish.py', 'sdkconfig', 'src/fleet.h', 'src/main.cpp', 'src/ota.ino'];

describe('workspace scan in a worker thread', () => {
  afterEach(resetWorkspace);

  it('analyses closed files in the worker, with the settings and .iotsec.yaml of their folder', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.mkdirSync(uriOf('late').fsPath, { recursive: true });
    fs.writeFileSync(uriOf('late/fleet_token.h').fsPath, 'static const char *t = "GHF-FEDCBA9876543210";\n');
    const stats = await scan();
    // Documents earlier tests opened stay open (referenced) for minutes: those are linted from their buffers.
    const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').length;
    const excluded = 1; // vendor/lib.cpp: .iotsec.yaml excludes it, the host settles it without analysis
    assert.ok(stats.inWorker > 0 && stats.inWorker >= stats.total - open - excluded, `${stats.inWorker}/${stats.total} files in the worker, ${open} open`);
    assert.ok(withCode(iotsecDiagnostics(uriOf('late/fleet_token.h')), 'custom-secret-pattern'), 'secretPatterns crossed to the worker');
    assert.deepEqual(iotsecDiagnostics(uriOf('vendor/lib.cpp')), [], '.iotsec.yaml exclude');
  });

  it('the .env git-ignore fact is the extension host\'s', async () => {
    fs.mkdirSync(uriOf('edge').fsPath, { recursive: true });
    fs.writeFileSync(uriOf('edge/.env').fsPath, 'API_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc\n');
    await scan();
    assert.ok(withCode(iotsecDiagnostics(uriOf('edge/.env')), 'env-file-committed'), 'edge/.env is not git-ignored');
    fs.writeFileSync(uriOf('edge/.gitignore').fsPath, '.env\n');
    // The .gitignore index drops its cache when the watcher reports the new file: rescan until it did.
    for (let i = 0; iotsecDiagnostics(uriOf('edge/.env')).length; i++) {
      assert.ok(i < 40, `still reported once git-ignored: ${iotsecDiagnostics(uriOf('edge/.env')).map((d) => d.message).join('; ')}`);
      await new Promise((r) => setTimeout(r, 250));
      await scan();
    }
    // A git-ignored .env is where secrets belong: neither rule reports it (as in the CLI).
  });

  it('a cancelled scan returns at once (the worker is stopped mid-batch)', async () => {
    fs.mkdirSync(uriOf('gen').fsPath, { recursive: true });
    for (let i = 0; i < 200; i++) fs.writeFileSync(uriOf(`gen/node_${i}.c`).fsPath, `const char *password_${i} = "Xy${i}!kPq8wLz";\n${i % 10 === 0 ? bigC(3000) : ''}\n`);
    const cts = new vscode.CancellationTokenSource();
    let cancelledAt = 0;
    const stats = await (await api()).scanWorkspace({
      token: cts.token,
      onProgress: (done) => {
        if (done > 0 && !cancelledAt) {
          cancelledAt = performance.now();
          cts.cancel();
        }
      },
    });
    const stoppedMs = performance.now() - cancelledAt;
    assert.equal(stats.cancelled, true);
    assert.ok(stats.done < stats.total, `${stats.done}/${stats.total}`);
    assert.ok(stoppedMs < 1500, `returned ${Math.round(stoppedMs)} ms after the cancel`);
  });

  it('closed files get the diagnostics their open documents get', async () => {
    // Copies no test opened before (an opened document stays open, and is linted from its buffer).
    for (const f of FIXTURE_FILES) {
      fs.mkdirSync(path.dirname(uriOf(`twin/${f}`).fsPath), { recursive: true });
      fs.copyFileSync(uriOf(f).fsPath, uriOf(`twin/${f}`).fsPath);
    }
    await scan();
    const closed = new Map(FIXTURE_FILES.map((f) => [f, keyed(uriOf(`twin/${f}`))]));
    for (const f of FIXTURE_FILES) assert.ok(closed.get(f)!.length > 0, `twin/${f} has findings after the scan`);
    for (const f of FIXTURE_FILES) {
      const doc = await open(`twin/${f}`); // stays referenced for minutes: keep this test last
      await (await api()).lintNow(doc);
      assert.deepEqual(keyed(doc.uri), closed.get(f), f);
    }
  });
});

describe('scan worker pool', () => {
  const script = (): string => path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist/vscode-scan-worker.js');
  const config = { rules: {}, exclude: [], settings: { placeholderWords: [], trustedHosts: [] }, maxFileSizeKb: 1024, secretPatterns: [] };
  const file = (filePath: string): ScanFile => ({ filePath, maxFileSizeKb: 1024, gitIgnored: undefined });
  after(resetWorkspace);
  const has = (out: Awaited<ReturnType<ScanPool['run']>>, ruleId: string): boolean => Array.isArray(out) && out.some((o) => o.findings.some((f) => f.ruleId === ruleId));

  it('cancel stops a worker in the middle of a big file; the next batch starts a new one', async () => {
    fs.mkdirSync(uriOf('big').fsPath, { recursive: true });
    for (let i = 0; i < 4; i++) fs.writeFileSync(uriOf(`big/b${i}.c`).fsPath, bigC(9000));
    const pool = new ScanPool(script(), (m, e) => assert.fail(`${m}: ${String(e)}`), 1);
    try {
      assert.ok(has(await pool.run(root(), config, [file('scripts/publish.py')]), 'hardcoded-credential'));
      const busy = pool.run(root(), config, [0, 1, 2, 3].map((i) => file(`big/b${i}.c`)));
      await new Promise((r) => setTimeout(r, 100));
      const t0 = performance.now();
      pool.cancel();
      assert.equal(await busy, 'cancelled');
      assert.ok(performance.now() - t0 < 100, 'cancelled at once');
      assert.ok(has(await pool.run(root(), config, [file('scripts/publish.py')]), 'hardcoded-credential'));
    } finally {
      pool.dispose();
    }
  });

  it('a worker that cannot start makes the pool unavailable, reported once', async () => {
    const broken = path.join(os.tmpdir(), `iotsec-broken-worker-${process.pid}.js`);
    fs.writeFileSync(broken, 'throw new Error("no engine here");\n');
    for (const bad of [path.join(path.dirname(script()), 'no-such-worker.js'), broken]) {
      const errors: string[] = [];
      const pool = new ScanPool(bad, (m) => errors.push(m), 1);
      assert.equal(await pool.run(root(), config, [file('scripts/publish.py')]), 'failed');
      assert.equal(await pool.run(root(), config, [file('scripts/publish.py')]), 'failed');
      assert.equal(pool.available, false);
      assert.equal(errors.length, 1, errors.join('; '));
      pool.dispose();
    }
    fs.rmSync(broken, { force: true });
  });
});

function root(): string {
  return uriOf('').fsPath;
}

/**
 * C source of about 50 bytes a line with a keyword hit on every line (1883, an MQTT port), so it is
 * parsed whole and checked everywhere (~0.3 s warm for 9000 lines here, over 1 s cold): keeps a
 * worker busy. (Without dense hits, a large file is only parsed around its few hits, in milliseconds.)
 */
function bigC(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `static int f${i}(int x) { return x * 1883 + ${i % 7}; }`).join('\n') + '\n';
}
