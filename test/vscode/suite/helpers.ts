// Shared helpers of the integration suite: fixture workspace, waiting for diagnostics, code actions.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IotsecApi } from '../../../src/vscode/extension';

export const EXTENSION_ID = 'iotsec.iotsec';

/** Root of the temp copy of test/fixtures/vscode-workspace the host opened. */
export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return folder.uri;
}

export function uriOf(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), rel);
}

export async function api(): Promise<IotsecApi> {
  const ext = vscode.extensions.getExtension<IotsecApi>(EXTENSION_ID);
  assert.ok(ext, 'extension is installed');
  return ext.isActive ? ext.exports : ext.activate();
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function iotsecDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'iotsec');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Waits until the file's iotsec diagnostics satisfy `pred`; returns them. */
export function diagnosticsWhere(uri: vscode.Uri, pred: (ds: vscode.Diagnostic[]) => boolean, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} on ${path.basename(uri.path)}`, () => {
    const ds = iotsecDiagnostics(uri);
    return pred(ds) ? ds : undefined;
  });
}

export function withCode(ds: vscode.Diagnostic[], code: string): vscode.Diagnostic | undefined {
  return ds.find((d) => codeOf(d) === code);
}

/**
 * Opens a file the way a user does (the workbench holds the only reference), so closing its editor
 * really closes the document; `openTextDocument` would keep it alive for minutes.
 */
export async function openAsUser(rel: string): Promise<vscode.TextDocument> {
  const uri = uriOf(rel);
  await vscode.commands.executeCommand('vscode.open', uri);
  return waitFor(`${rel} open`, () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()));
}

export async function open(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uriOf(rel));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Opens a file and waits for a diagnostic with `code`. */
export async function openWith(rel: string, code: string): Promise<{ doc: vscode.TextDocument; diag: vscode.Diagnostic }> {
  const doc = await open(rel);
  await diagnosticsWhere(doc.uri, (x) => !!withCode(x, code), code);
  // Diagnostics of the previous test's text (reverted since) can still be showing, and a re-lint
  // replaces them moments later: take the diagnostic once the set has been stable for a while.
  const ds = await settledDiagnostics(doc.uri);
  const diag = withCode(ds, code) ?? withCode(await diagnosticsWhere(doc.uri, (x) => !!withCode(x, code), code), code)!;
  return { doc, diag };
}

async function settledDiagnostics(uri: vscode.Uri, quietMs = 300, timeoutMs = 5_000): Promise<vscode.Diagnostic[]> {
  const t0 = Date.now();
  let last = JSON.stringify(vscode.languages.getDiagnostics(uri));
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() - t0 < timeoutMs) {
    await new Promise((r) => setTimeout(r, 50));
    const now = JSON.stringify(vscode.languages.getDiagnostics(uri));
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return vscode.languages.getDiagnostics(uri);
}

export async function quickFixes(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
  // Other extensions are disabled; the returned actions do not carry their diagnostics, so keep all quick fixes.
  return (all ?? []).filter((a) => a.kind?.value.startsWith('quickfix'));
}

export async function applyAction(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action, 'code action exists');
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applied "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export async function textOf(rel: string): Promise<string | undefined> {
  const uri = uriOf(rel);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return fs.existsSync(uri.fsPath) ? fs.readFileSync(uri.fsPath, 'utf8') : undefined;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('iotsec').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/**
 * Undoes what a test did: reverts and closes every editor, then makes the workspace equal to the
 * pristine fixture again (files created by fixes are deleted, edited files rewritten).
 */
export async function resetWorkspace(): Promise<void> {
  // A revert acts on the active editor; showing a document does not always make it active at once,
  // and a document left dirty would hand its edited text to the next test (flaky .gitignore checks).
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    for (let attempt = 0; attempt < 10 && doc.isDirty; attempt++) {
      await vscode.window.showTextDocument(doc, { preview: false });
      if (vscode.window.activeTextEditor?.document !== doc) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(!doc.isDirty, `${vscode.workspace.asRelativePath(doc.uri)} could not be reverted`);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const src = process.env.IOTSEC_FIXTURE_SRC;
  assert.ok(src, 'IOTSEC_FIXTURE_SRC is set by the runner');
  const dest = root().fsPath;
  for (const entry of fs.readdirSync(dest)) {
    if (entry === '.vscode') continue;
    if (!fs.existsSync(path.join(src, entry))) fs.rmSync(path.join(dest, entry), { recursive: true, force: true });
  }
  syncDir(src, dest);
}

function syncDir(src: string, dest: string): void {
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const s = path.join(src, e.name), d = path.join(dest, e.name);
    if (e.isDirectory()) {
      fs.mkdirSync(d, { recursive: true });
      for (const x of fs.readdirSync(d)) if (!fs.existsSync(path.join(s, x))) fs.rmSync(path.join(d, x), { recursive: true, force: true });
      syncDir(s, d);
    } else if (!fs.existsSync(d) || !fs.readFileSync(d).equals(fs.readFileSync(s))) {
      fs.copyFileSync(s, d);
    }
  }
}
