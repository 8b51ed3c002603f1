import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, codeOf, openAsUser, diagnosticsWhere, iotsecDiagnostics, resetWorkspace, uriOf, waitFor, withCode } from './helpers';
import type { ScanStats } from '../../../src/vscode/workspace-scan';

describe('workspace scan', () => {
  afterEach(resetWorkspace);

  it('fills Problems for closed files, honouring excludes', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const stats = await vscode.commands.executeCommand<ScanStats>('iotsec.scanWorkspace');
    assert.equal(stats.cancelled, false);
    assert.equal(stats.done, stats.total);
    assert.ok(stats.total >= 7, `scanned ${stats.total} files`);
    assert.ok(withCode(iotsecDiagnostics(uriOf('scripts/publish.py')), 'hardcoded-credential'));
    assert.ok(withCode(iotsecDiagnostics(uriOf('sdkconfig')), 'esp-idf-ota-allow-http'));
    assert.ok(withCode(iotsecDiagnostics(uriOf('config/device.json')), 'hardcoded-credential'));
    assert.ok(withCode(iotsecDiagnostics(uriOf('src/main.cpp')), 'tls-verification-disabled-call'));
    assert.deepEqual(iotsecDiagnostics(uriOf('vendor/lib.cpp')), [], '.iotsec.yaml exclude');
  });

  it('runs project rules after a full scan', async () => {
    await vscode.commands.executeCommand('iotsec.scanWorkspace');
    // sdkconfig enables OTA partitions without secure boot / anti-rollback: absence findings anchor there
    const all = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds.filter((d) => d.source === 'iotsec').map(codeOf));
    const project = ['ota-without-signature-check', 'ota-without-anti-rollback', 'shared-credential', 'mcuboot-default-key'].filter((c) => all.includes(c));
    assert.ok(project.length >= 1, `project findings: ${all.join(', ')}`);
  });

  it('keeps closed files current through the file watcher', async () => {
    await vscode.commands.executeCommand('iotsec.scanWorkspace');
    const added = uriOf('scripts/new_device.py');
    fs.writeFileSync(added.fsPath, 'MQTT_PASSWORD = "Hq72!pLs0xWq"\n');
    await diagnosticsWhere(added, (ds) => !!withCode(ds, 'hardcoded-credential'), 'created file linted');
    fs.writeFileSync(added.fsPath, 'import os\nMQTT_PASSWORD = os.environ["MQTT_PASSWORD"]\n');
    await diagnosticsWhere(added, (ds) => ds.length === 0, 'changed file re-linted');
    fs.writeFileSync(added.fsPath, 'MQTT_PASSWORD = "Hq72!pLs0xWq"\n');
    await diagnosticsWhere(added, (ds) => ds.length > 0, 'changed back');
    fs.rmSync(added.fsPath);
    await diagnosticsWhere(added, (ds) => ds.length === 0, 'deleted file cleared');
  });

  it('a document closed after the scan keeps its on-disk findings', async () => {
    await vscode.commands.executeCommand('iotsec.scanWorkspace');
    const doc = await openAsUser('sdkconfig');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('closed', () => doc.isClosed, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(withCode(iotsecDiagnostics(uriOf('sdkconfig')), 'esp-idf-ota-allow-http'));
  });

  it('honours cancellation', async () => {
    fs.mkdirSync(uriOf('gen').fsPath, { recursive: true });
    for (let i = 0; i < 300; i++) fs.writeFileSync(uriOf(`gen/node_${i}.py`).fsPath, `PASSWORD_${i} = "Xy${i}!kPq8wLz"\n`);
    const cts = new vscode.CancellationTokenSource();
    const progress: number[] = [];
    const stats = await (await api()).scanWorkspace({
      token: cts.token,
      onProgress: (done) => {
        progress.push(done);
        if (done > 0) cts.cancel();
      },
    });
    assert.equal(stats.cancelled, true);
    assert.ok(stats.total >= 300 && stats.done < stats.total, `${stats.done}/${stats.total}`);
    assert.equal(progress[0], 0);
  });
});
