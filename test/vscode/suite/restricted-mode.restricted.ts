import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, iotsecDiagnostics, open, openWith, uriOf, withCode } from './helpers';

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

  it('nor does a workspace scan on closed files (in the worker)', async () => {
    fs.mkdirSync(uriOf('late').fsPath, { recursive: true });
    fs.writeFileSync(uriOf('late/fleet_token.h').fsPath, 'static const char *t = "GHF-FEDCBA9876543210";\nconst char *password = "Zq7mK2pW9xLr";\n');
    const stats = await (await api()).scanWorkspace();
    assert.ok(stats.inWorker > 0, `${stats.inWorker}/${stats.total} files in the worker`);
    const ds = iotsecDiagnostics(uriOf('late/fleet_token.h'));
    assert.ok(withCode(ds, 'hardcoded-credential'), 'built-in rules run in the worker');
    assert.equal(withCode(ds, 'custom-secret-pattern'), undefined);
  });
});
