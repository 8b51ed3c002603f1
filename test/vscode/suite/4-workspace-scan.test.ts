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
    // a file no earlier test opened through the API (those stay referenced for minutes)
    fs.mkdirSync(uriOf('late').fsPath, { recursive: true });
    fs.writeFileSync(uriOf('late/sdkconfig.defaults').fsPath, 'CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y\n');
    await vscode.commands.executeCommand('iotsec.scanWorkspace');
    const doc = await openAsUser('late/sdkconfig.defaults');
    assert.equal(doc.languageId, 'kconfig');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), '# CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP is not set\n');
    await vscode.workspace.applyEdit(edit); // unsaved: the buffer is clean of the finding, the disk is not
    await diagnosticsWhere(doc.uri, (ds) => ds.length === 1 && ds[0].range.start.line === 1, 'buffer linted');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('closed', () => doc.isClosed, 30_000);
    await diagnosticsWhere(doc.uri, (ds) => withCode(ds, 'esp-idf-ota-allow-http')?.range.start.line === 0, 'on-disk findings back');
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
