import * as vscode from 'vscode';
import type { FileEdit, Finding, Fix } from '../core/finding';
import type { CommentSyntax, LanguageId } from '../core/language';
import { applyEdits } from '../core/fixes';
import { suppressionComment } from '../core/suppressions';
import { CommandId } from './command-ids';
import { diagnosticKey } from './convert';
import type { FileFindings, FindingStore } from './findings-store';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('iotsec');
const IGNORE_REASON = 'explain why this is acceptable';

/**
 * Quick fixes for iotsec diagnostics, in vscode-eslint order: the fix (preferred), suggestions,
 * "Ignore on this line", "Show documentation". Findings are looked up by diagnostic key and
 * only while the document is still at the version it was linted at.
 */
export class FindingActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL];

  constructor(
    private readonly store: FindingStore,
    private readonly commentsOf: (languageId: LanguageId | undefined) => CommentSyntax | undefined,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const entry = current(this.store, doc);
    if (!entry) return [];
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) {
      if (!FIX_ALL.intersects(context.only)) return [];
      const edit = fixAllEdit(doc, entry);
      if (!edit) return [];
      const all = new vscode.CodeAction('Fix all auto-fixable IoT Security problems', FIX_ALL);
      all.edit = edit;
      return [all];
    }
    const actions: vscode.CodeAction[] = [];
    const docsFor = new Map<string, vscode.CodeAction>();
    for (const d of context.diagnostics) {
      if (d.source !== 'iotsec') continue;
      const finding = entry.byKey.get(diagnosticKey(d));
      if (!finding) continue;
      if (finding.fix) {
        const a = await this.fixAction(doc, finding.fix, d);
        a.isPreferred = true;
        actions.push(a);
      }
      for (const s of finding.suggestions ?? []) actions.push(await this.fixAction(doc, s, d));
      const ignore = this.ignoreAction(doc, finding, d);
      if (ignore) actions.push(ignore);
      if (!docsFor.has(finding.ruleId)) {
        const show = new vscode.CodeAction(`Show documentation for ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
        show.command = { command: CommandId.showRuleDocs, title: show.title, arguments: [finding.ruleId] };
        docsFor.set(finding.ruleId, show);
      }
    }
    return [...actions, ...docsFor.values()];
  }

  private async fixAction(doc: vscode.TextDocument, fix: Fix, d: vscode.Diagnostic): Promise<vscode.CodeAction> {
    const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    a.diagnostics = [d];
    a.edit = await fixEdit(doc, fix);
    return a;
  }

  private ignoreAction(doc: vscode.TextDocument, f: Finding, d: vscode.Diagnostic): vscode.CodeAction | undefined {
    const syntax = this.commentsOf(f.languageId);
    // JSON has no comments: no suppression action rather than a broken file.
    const prefix = syntax?.line ?? syntax?.block?.[0];
    if (!prefix) return undefined;
    const suffix = syntax?.line ? undefined : ` ${syntax!.block![1]}`;
    const line = doc.lineAt(d.range.start.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const a = new vscode.CodeAction(`Ignore ${f.ruleId} on this line`, vscode.CodeActionKind.QuickFix);
    a.diagnostics = [d];
    a.edit = new vscode.WorkspaceEdit();
    a.edit.insert(doc.uri, line.range.start, `${indent}${suppressionComment(f.ruleId, { prefix, suffix }, IGNORE_REASON)}${eol(doc)}`);
    return a;
  }
}

/** Store entry of `doc` if it still describes the document's current text. */
export function current(store: FindingStore, doc: vscode.TextDocument): FileFindings | undefined {
  const entry = store.get(doc.uri);
  if (!entry) return undefined;
  if (entry.version === undefined ? doc.isDirty : entry.version !== doc.version) return undefined;
  return entry;
}

/**
 * One WorkspaceEdit for a fix: its edits in the document plus its `fileEdits` (create the file
 * when missing, append otherwise, skip when it already holds `unlessContains`), so one undo
 * reverts everything.
 */
export async function fixEdit(doc: vscode.TextDocument, fix: Fix): Promise<vscode.WorkspaceEdit> {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.range[0]), doc.positionAt(e.range[1])), e.text);
  const dir = vscode.Uri.joinPath(doc.uri, '..');
  const pending = new Map<string, { uri: vscode.Uri; existing: string | undefined; added: string }>();
  for (const raw of fix.fileEdits ?? []) {
    const fe = raw.path === '.gitignore' ? await retargetGitignore(doc, dir, raw) : raw;
    const uri = fe.path === raw.path ? vscode.Uri.joinPath(dir, fe.path) : vscode.Uri.parse(fe.path);
    let p = pending.get(uri.toString());
    if (!p) {
      p = { uri, existing: await readText(uri), added: '' };
      pending.set(uri.toString(), p);
    }
    const content = (p.existing ?? '') + p.added;
    if (fe.unlessContains !== undefined && content.includes(fe.unlessContains)) continue;
    p.added += (content.length && !content.endsWith('\n') ? '\n' : '') + fe.append;
  }
  for (const p of pending.values()) {
    if (!p.added) continue;
    if (p.existing === undefined) {
      edit.createFile(p.uri, { ignoreIfExists: true });
      edit.insert(p.uri, new vscode.Position(0, 0), p.added);
    } else {
      edit.insert(p.uri, endOf(p.existing), p.added);
    }
  }
  return edit;
}

/** Every safe same-file `fix` of the document that does not overlap another (ESLint fix-all). */
export function fixAllEdit(doc: vscode.TextDocument, entry: FileFindings): vscode.WorkspaceEdit | undefined {
  const edits = [...entry.findings, ...entry.project].flatMap((f) => (f.fix && !f.fix.fileEdits?.length ? f.fix.edits : []));
  const { applied } = applyEdits(doc.getText(), edits);
  if (!applied.length) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const e of applied) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.range[0]), doc.positionAt(e.range[1])), e.text);
  return edit;
}

/**
 * Rules ask for `.gitignore` next to the document; users keep one at the repository root. Use the
 * nearest existing `.gitignore` up to the workspace folder (else the folder's root) and rewrite the
 * entries relative to it, so `secrets.h` in `src/` becomes `src/secrets.h` in the root file.
 */
async function retargetGitignore(doc: vscode.TextDocument, dir: vscode.Uri, fe: FileEdit): Promise<FileEdit> {
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder) return fe;
  let at = dir;
  let target: vscode.Uri | undefined;
  for (;;) {
    const candidate = vscode.Uri.joinPath(at, '.gitignore');
    if ((await readText(candidate)) !== undefined) { target = candidate; break; }
    if (at.path === folder.uri.path || !at.path.startsWith(folder.uri.path)) break;
    at = vscode.Uri.joinPath(at, '..');
  }
  target ??= vscode.Uri.joinPath(folder.uri, '.gitignore');
  const base = vscode.Uri.joinPath(target, '..').path.replace(/\/$/, '');
  const rel = dir.path.startsWith(base + '/') ? dir.path.slice(base.length + 1) : '';
  const prefix = (line: string): string => (rel && line.trim() && !line.startsWith('#') ? `${rel}/${line.replace(/^\//, '')}` : line);
  return {
    path: target.toString(),
    append: fe.append.split('\n').map(prefix).join('\n'),
    unlessContains: fe.unlessContains === undefined ? undefined : prefix(fe.unlessContains),
  };
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function endOf(text: string): vscode.Position {
  const lines = text.split(/\r\n|\r|\n/);
  return new vscode.Position(lines.length - 1, lines[lines.length - 1].length);
}

function eol(doc: vscode.TextDocument): string {
  return doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}
