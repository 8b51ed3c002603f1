import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere, iotsecDiagnostics, openWith, resetWorkspace, setSetting, uriOf, withCode } from './helpers';

describe('settings take effect live', () => {
  afterEach(async () => {
    for (const key of ['enable', 'rules', 'run', 'exclude', 'trustedHosts']) await setSetting(key, undefined);
    await resetWorkspace();
  });

  it('iotsec.enable=false clears everything; true brings it back', async () => {
    const { doc } = await openWith('src/main.cpp', 'hardcoded-credential');
    await vscode.commands.executeCommand('iotsec.scanWorkspace');
    assert.ok(iotsecDiagnostics(uriOf('sdkconfig')).length > 0);
    await setSetting('enable', false);
    await diagnosticsWhere(doc.uri, (ds) => ds.length === 0, 'open file cleared');
    await diagnosticsWhere(uriOf('sdkconfig'), (ds) => ds.length === 0, 'closed file cleared');
    await setSetting('enable', true);
    await diagnosticsWhere(doc.uri, (ds) => !!withCode(ds, 'hardcoded-credential'), 'back on');
  });

  it('iotsec.rules overrides severity by rule id and turns categories off', async () => {
    const { doc } = await openWith('src/main.cpp', 'mqtt-plaintext-port');
    await setSetting('rules', { 'hardcoded-credential': 'info', 'plaintext-protocol': 'off' });
    const ds = await diagnosticsWhere(doc.uri, (x) => withCode(x, 'hardcoded-credential')?.severity === vscode.DiagnosticSeverity.Information && !withCode(x, 'mqtt-plaintext-port'), 'overrides');
    assert.ok(withCode(ds, 'tls-verification-disabled-call'), 'other rules untouched');
  });

  it('iotsec.run=onSave lints on save, not while typing', async () => {
    const { doc, diag } = await openWith('src/main.cpp', 'tls-verification-disabled-call');
    await setSetting('run', 'onSave');
    await new Promise((r) => setTimeout(r, 500)); // the settings change itself re-lints once
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, diag.range, 'net.setCACert(root_ca)');
    await vscode.workspace.applyEdit(edit);
    await new Promise((r) => setTimeout(r, 800));
    assert.ok(withCode(iotsecDiagnostics(doc.uri), 'tls-verification-disabled-call'), 'not re-linted while typing');
    await doc.save();
    await diagnosticsWhere(doc.uri, (ds) => !withCode(ds, 'tls-verification-disabled-call'), 're-linted on save');
  });

  it('iotsec.exclude and iotsec.trustedHosts apply to open documents', async () => {
    const { doc } = await openWith('scripts/publish.py', 'plaintext-url');
    await setSetting('trustedHosts', ['mqtt.greenhouse-farm.io']);
    await diagnosticsWhere(doc.uri, (ds) => withCode(ds, 'plaintext-url')?.severity === vscode.DiagnosticSeverity.Information, 'trusted host is info');
    await setSetting('exclude', ['scripts/**']);
    await diagnosticsWhere(doc.uri, (ds) => ds.length === 0, 'excluded');
  });

  it('trusted workspace: .iotsec.yaml secretPatterns run (they are dropped in Restricted Mode)', async () => {
    // The host runs with --disable-workspace-trust, so only the trusted half is observable here.
    assert.equal(vscode.workspace.isTrusted, true);
    await openWith('src/fleet.h', 'custom-secret-pattern');
  });
});
