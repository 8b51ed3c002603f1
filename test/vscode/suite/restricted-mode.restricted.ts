import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, iotsecDiagnostics, open, openWith, withCode } from './helpers';

// Runs only in the Restricted Mode pass of scripts/run-vscode-tests.mjs (workspace trust on, not granted).
describe('restricted mode (untrusted workspace)', () => {
  it('the folder is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('built-in rules still report', async () => {
    const { diag } = await openWith('src/main.cpp', 'hardcoded-credential');
    assert.equal(diag.source, 'iotsec');
  });

  it('.iotsec.yaml secretPatterns are not run (the trusted suite sees them on the same file)', async () => {
    const doc = await open('src/fleet.h');
    await (await api()).lintNow(doc);
    assert.equal(withCode(iotsecDiagnostics(doc.uri), 'custom-secret-pattern'), undefined);
  });
});
