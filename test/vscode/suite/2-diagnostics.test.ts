import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhere, iotsecDiagnostics, open, openAsUser, openWith, resetWorkspace, uriOf, waitFor, withCode } from './helpers';

const range = (d: vscode.Diagnostic) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];

describe('diagnostics', () => {
  afterEach(resetWorkspace);

  it('reports the expected codes and ranges in src/main.cpp', async () => {
    const { doc } = await openWith('src/main.cpp', 'mqtt-plaintext-port');
    const ds = await diagnosticsWhere(doc.uri, (x) => x.length >= 3);
    assert.deepEqual(ds.map(codeOf).sort(), ['hardcoded-credential', 'mqtt-plaintext-port', 'tls-verification-disabled-call']);
    const secret = withCode(ds, 'hardcoded-credential')!;
    assert.deepEqual(range(secret), [5, 23, 5, 37]);
    assert.equal(secret.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(!secret.message.includes('Zq8#kd93LmP2'), 'the message never holds the secret');
    assert.deepEqual(range(withCode(ds, 'tls-verification-disabled-call')!), [12, 2, 12, 19]);
    assert.deepEqual(range(withCode(ds, 'mqtt-plaintext-port')!), [13, 44, 13, 48]);
    assert.equal(withCode(ds, 'mqtt-plaintext-port')!.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('links the rule docs and related locations', async () => {
    const { diag } = await openWith('src/main.cpp', 'hardcoded-credential');
    assert.equal(diag.source, 'iotsec');
    const code = diag.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.toString(), 'iotsec-docs:/hardcoded-credential');
    const docs = await vscode.workspace.openTextDocument(code.target);
    assert.match(docs.getText(), /^# Hard-coded credential \(`hardcoded-credential`\)/);
    assert.match(docs.getText(), /CWE-798/);
    assert.equal(diag.relatedInformation?.length, 1);
    assert.equal(diag.relatedInformation![0].location.range.start.line, 11, 'WiFi.begin(ssid, password)');
  });

  it('hover explains what, why, how to fix with CWE and ATT&CK ids, never the secret', async () => {
    const { doc, diag } = await openWith('src/main.cpp', 'hardcoded-credential');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, diag.range.start.translate(0, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    for (const needle of ['**What:**', '**Why:**', '**How to fix:**', 'CWE-798', 'T0891', 'Practice']) assert.ok(text.includes(needle), needle);
    assert.ok(!text.includes('Zq8#kd93LmP2'));
  });

  it('updates on edit and clears when the problem is fixed', async () => {
    const { doc, diag } = await openWith('src/main.cpp', 'tls-verification-disabled-call');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, diag.range, 'net.setCACert(root_ca)');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const ds = await diagnosticsWhere(doc.uri, (x) => !withCode(x, 'tls-verification-disabled-call'), 'setInsecure diagnostic gone');
    assert.ok(withCode(ds, 'hardcoded-credential'), 'other findings stay');
    // typing above the secret moves its diagnostic down one line
    const e2 = new vscode.WorkspaceEdit();
    e2.insert(doc.uri, new vscode.Position(0, 0), '// header\n');
    await vscode.workspace.applyEdit(e2);
    await diagnosticsWhere(doc.uri, (x) => withCode(x, 'hardcoded-credential')?.range.start.line === 6, 'moved diagnostic');
  });

  it('reports manifests: sdkconfig, prj.conf, .env and JSON', async () => {
    await openWith('sdkconfig', 'esp-idf-ota-allow-http');
    await openWith('prj.conf', 'mcuboot-insecure-signing');
    await openWith('.env', 'env-file-committed');
    await openWith('config/device.json', 'hardcoded-credential');
    await openWith('src/ota.ino', 'arduino-ota-no-password');
  });

  it('skips files excluded by .iotsec.yaml', async () => {
    const doc = await open('vendor/lib.cpp');
    await openWith('src/main.cpp', 'hardcoded-credential'); // the engine has run meanwhile
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(iotsecDiagnostics(doc.uri), []);
  });

  it('clears diagnostics when the document closes (no workspace scan yet)', async () => {
    const doc = await openAsUser('scripts/publish.py');
    await diagnosticsWhere(doc.uri, (ds) => !!withCode(ds, 'plaintext-url'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('document closed', () => doc.isClosed, 30_000);
    await waitFor('cleared on close', () => iotsecDiagnostics(uriOf('scripts/publish.py')).length === 0);
  });
});
