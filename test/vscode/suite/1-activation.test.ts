import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, open, resetWorkspace } from './helpers';

describe('activation', () => {
  after(resetWorkspace);

  it('activates for the fixture workspace and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const exported = await api();
    assert.ok(ext.isActive);
    assert.equal(typeof exported.scanWorkspace, 'function');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['iotsec.scanWorkspace', 'iotsec.fixAll', 'iotsec.showRuleDocs', 'iotsec.showOutput']) assert.ok(commands.includes(id), id);
  });

  it('contributes the kconfig and dotenv languages and maps .ino to cpp', async () => {
    assert.equal((await open('sdkconfig')).languageId, 'kconfig');
    assert.equal((await open('prj.conf')).languageId, 'kconfig');
    assert.equal((await open('.env')).languageId, 'dotenv');
    assert.equal((await open('src/ota.ino')).languageId, 'cpp');
    const langs = await vscode.languages.getLanguages();
    assert.ok(langs.includes('kconfig') && langs.includes('dotenv'));
  });
});
