import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, applyAction, diagnosticsWhere, openWith, quickFixes, resetWorkspace, textOf, uriOf, waitFor, withCode } from './helpers';

const SECRET = 'Zq8#kd93LmP2';

describe('quick fixes (text before → after)', () => {
  afterEach(resetWorkspace);

  it('offers fix, suggestions, ignore and docs in vscode-eslint order', async () => {
    const { doc, diag } = await openWith('src/main.cpp', 'hardcoded-credential');
    const titles = (await quickFixes(doc, diag.range)).map((a) => a.title);
    assert.deepEqual(titles, [
      'Move the secret to PASSWORD in secrets.h (git-ignored)',
      'Ignore hardcoded-credential on this line',
      'Show documentation for hardcoded-credential',
    ]);
  });

  it('suggestion: MQTT port 1883 → 8883', async () => {
    const { doc, diag } = await openWith('src/main.cpp', 'mqtt-plaintext-port');
    assert.equal(doc.lineAt(13).text, '  mqtt.setServer("mqtt.greenhouse-farm.io", 1883);');
    await applyAction((await quickFixes(doc, diag.range)).find((a) => a.title === 'Use port 8883 (MQTT over TLS)'));
    assert.equal(doc.lineAt(13).text, '  mqtt.setServer("mqtt.greenhouse-farm.io", 8883);');
    await diagnosticsWhere(doc.uri, (ds) => !withCode(ds, 'mqtt-plaintext-port'), 'port finding cleared');
  });

  it('suggestion: setInsecure() → setCACert(root_ca) with a TODO for the CA', async () => {
    const { doc, diag } = await openWith('src/main.cpp', 'tls-verification-disabled-call');
    await applyAction((await quickFixes(doc, diag.range)).find((a) => a.title.startsWith('Verify the server')));
    const text = doc.getText();
    assert.ok(text.includes('  net.setCACert(root_ca);\n'), text);
    assert.ok(!text.includes('setInsecure'));
    assert.match(text, /\/\/ TODO: root_ca = the server's CA certificate/);
  });

  it('suggestion: mqtt:// URL → mqtts:// on 8883 (Python)', async () => {
    const { doc, diag } = await openWith('scripts/publish.py', 'plaintext-url');
    await applyAction((await quickFixes(doc, diag.range)).find((a) => a.title === 'Use mqtts:// on port 8883'));
    assert.equal(doc.lineAt(2).text, 'BROKER_URL = "mqtts://mqtt.greenhouse-farm.io:8883"');
  });

  it('move secret: C++ literal → secrets.h + .gitignore in one edit, value kept', async () => {
    const { doc, diag } = await openWith('src/main.cpp', 'hardcoded-credential');
    assert.equal(await textOf('src/secrets.h'), undefined);
    assert.equal(await textOf('.gitignore'), 'build/\n');
    await applyAction((await quickFixes(doc, diag.range)).find((a) => a.title.startsWith('Move the secret')));
    const cpp = doc.getText();
    assert.ok(cpp.startsWith('#include <WiFi.h>\n#include <WiFiClientSecure.h>\n#include <PubSubClient.h>\n#include "secrets.h"\n'), cpp);
    assert.ok(cpp.includes('const char* password = PASSWORD;'));
    assert.ok(!cpp.includes(SECRET), 'the secret left the source');
    // secrets.h is next to main.cpp (fileEdits are relative to the document's folder)
    assert.equal(await textOf('src/secrets.h'), `#define PASSWORD "${SECRET}"\n`);
    // the nearest existing .gitignore (the workspace root's) gets the entry, relative to it
    assert.equal(await textOf('src/.gitignore'), undefined);
    assert.equal(await textOf('.gitignore'), 'build/\nsrc/secrets.h\n');
    await diagnosticsWhere(doc.uri, (ds) => !withCode(ds, 'hardcoded-credential'), 'secret finding cleared');
  });

  it('move secret: appends to existing files and skips what they already hold (unlessContains)', async () => {
    fs.writeFileSync(uriOf('src/secrets.h').fsPath, '#define OTHER 1'); // no trailing newline
    fs.writeFileSync(uriOf('src/.gitignore').fsPath, 'secrets.h\n');
    await vscode.workspace.fs.stat(uriOf('src/.gitignore')); // visible to the extension host before the action is computed
    const { doc, diag } = await openWith('src/main.cpp', 'hardcoded-credential');
    await applyAction((await quickFixes(doc, diag.range)).find((a) => a.title.startsWith('Move the secret')));
    assert.equal(await textOf('src/secrets.h'), `#define OTHER 1\n#define PASSWORD "${SECRET}"\n`);
    assert.equal(await textOf('src/.gitignore'), 'secrets.h\n', 'a nearer .gitignore that already ignores it is left alone');
    assert.equal(await textOf('.gitignore'), 'build/\n');
  });

  it('move secret: Python literal → os.environ + .env + .gitignore', async () => {
    const { doc, diag } = await openWith('scripts/publish.py', 'hardcoded-credential');
    await applyAction((await quickFixes(doc, diag.range)).find((a) => a.title.startsWith('Read the secret from the environment')));
    assert.ok(doc.getText().startsWith('import os\nimport paho.mqtt.client as mqtt\n'), doc.getText());
    assert.ok(doc.getText().includes('API_TOKEN = os.environ["API_TOKEN"]'));
    assert.ok(!doc.getText().includes('tok_9f8e7d6c5b4a3f2e1d0c'));
    assert.equal(await textOf('scripts/.env'), 'API_TOKEN=tok_9f8e7d6c5b4a3f2e1d0c\n');
    assert.equal(await textOf('.gitignore'), 'build/\nscripts/.env\n');
  });

  it('one undo reverts the document edit (file edits are part of the same WorkspaceEdit)', async () => {
    const { doc, diag } = await openWith('src/main.cpp', 'hardcoded-credential');
    const before = doc.getText();
    await applyAction((await quickFixes(doc, diag.range)).find((a) => a.title.startsWith('Move the secret')));
    assert.notEqual(doc.getText(), before);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor('undone', () => doc.getText() === before);
  });

  it('.env not ignored: adds .env to .gitignore, and the finding goes once saved', async () => {
    const { doc, diag } = await openWith('.env', 'env-file-committed');
    await applyAction((await quickFixes(doc, diag.range)).find((a) => a.title.startsWith('Add .env to .gitignore')));
    assert.equal(await textOf('.gitignore'), 'build/\n.env\n');
    await vscode.workspace.saveAll(false);
    await diagnosticsWhere(doc.uri, (ds) => !withCode(ds, 'env-file-committed'), '.env now ignored');
  });

  it('ignore on this line: // in C++, # in Python and Kconfig', async () => {
    const cases: Array<[string, string, number, string]> = [
      ['src/main.cpp', 'tls-verification-disabled-call', 12, '  // iotsec-ignore-next-line tls-verification-disabled-call -- explain why this is acceptable'],
      ['scripts/publish.py', 'plaintext-url', 2, '# iotsec-ignore-next-line plaintext-url -- explain why this is acceptable'],
      ['sdkconfig', 'esp-idf-ota-allow-http', 0, '# iotsec-ignore-next-line esp-idf-ota-allow-http -- explain why this is acceptable'],
    ];
    for (const [rel, code, line, comment] of cases) {
      const { doc, diag } = await openWith(rel, code);
      const next = doc.lineAt(line).text;
      await applyAction((await quickFixes(doc, diag.range)).find((a) => a.title === `Ignore ${code} on this line`));
      assert.equal(doc.lineAt(line).text, comment, rel);
      assert.equal(doc.lineAt(line + 1).text, next, rel);
      await diagnosticsWhere(doc.uri, (ds) => !withCode(ds, code), `${code} suppressed`);
    }
  });

  it('JSON has no comment syntax: no ignore action', async () => {
    const { doc, diag } = await openWith('config/device.json', 'hardcoded-credential');
    const titles = (await quickFixes(doc, diag.range)).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Ignore')), titles.join());
    assert.ok(titles.includes('Show documentation for hardcoded-credential'));
  });

  it('show documentation opens the iotsec-docs document', async () => {
    const { doc, diag } = await openWith('sdkconfig', 'esp-idf-ota-allow-http');
    await applyAction((await quickFixes(doc, diag.range)).find((a) => a.title === 'Show documentation for esp-idf-ota-allow-http'));
    const shown = await waitFor('docs editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'iotsec-docs'));
    assert.equal(shown.document.uri.path, '/esp-idf-ota-allow-http');
    assert.equal(shown.document.languageId, 'markdown');
    assert.match(shown.document.getText(), /## How to fix/);
  });

  it('drops actions when the document changed since lint time', async () => {
    const { doc, diag } = await openWith('src/main.cpp', 'mqtt-plaintext-port');
    await api();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(18, 0), '\n');
    await vscode.workspace.applyEdit(edit);
    const stale = (await quickFixes(doc, diag.range)).filter((a) => a.edit);
    assert.deepEqual(stale.map((a) => a.title), [], 'no stale edits offered before the re-lint');
    const fresh = async () => (await quickFixes(doc, diag.range)).some((a) => a.title === 'Use port 8883 (MQTT over TLS)');
    for (let i = 0; i < 100 && !(await fresh()); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(await fresh(), 'actions come back after the re-lint');
  });

  it('fix-all (source.fixAll.iotsec) removes the testing-only CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP', async () => {
    const { doc } = await openWith('sdkconfig', 'esp-idf-ota-allow-http');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.iotsec');
    const ours = (actions ?? []).filter((a) => a.kind?.value === 'source.fixAll.iotsec');
    assert.equal(ours.length, 1);
    await applyAction(ours[0]);
    assert.equal(doc.getText(), 'CONFIG_PARTITION_TABLE_TWO_OTA=y\n');
    await diagnosticsWhere(doc.uri, (ds) => !withCode(ds, 'esp-idf-ota-allow-http'), 'fixed finding cleared');
  });

  it('fix-all (source.fixAll.iotsec) applies every safe fix, or offers nothing when there is none', async () => {
    const { doc } = await openWith('src/main.cpp', 'hardcoded-credential');
    const entry = (await api()).store.get(doc.uri);
    const fixable = [...(entry?.findings ?? [])].filter((f) => f.fix && !f.fix.fileEdits?.length);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.iotsec');
    const ours = (actions ?? []).filter((a) => a.kind?.value === 'source.fixAll.iotsec');
    if (!fixable.length) {
      // No rule reports a safe `fix` for this file today (all edits are suggestions, STYLE R4).
      assert.deepEqual(ours, []);
      return;
    }
    assert.equal(ours.length, 1);
    const before = doc.getText();
    await applyAction(ours[0]);
    assert.notEqual(doc.getText(), before);
  });
});
