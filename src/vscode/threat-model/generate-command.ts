/**
 * "IoT Security: Generate Threat Model": scan one workspace folder with progress and cancellation,
 * run the pure generator, write the three files atomically — or, when the existing YAML (or a
 * foreign report) is in the way, say where (file:line) and open it there, writing nothing.
 */
import * as vscode from 'vscode';
import { THREAT_MODEL_FILES, generateThreatModel } from '../../threat-model/generate';
import type { FileProblem } from '../../threat-model/yaml-file';
import type { ThreatModel } from '../../threat-model/types';
import type { LintService } from '../engine';
import type { Log } from '../log';
import { fileUri, readExisting, writeAll } from './files';
import type { ThreatModelStore } from './model';
import { scanFolder } from './scan';

export interface GenerateDeps {
  lint: LintService;
  log: Log;
  store: ThreatModelStore;
}

export interface GenerateOutcome {
  written: boolean;
  cancelled?: boolean;
  /** Workspace-relative file that blocked the write, with its problems. */
  file?: string;
  problems?: FileProblem[];
  model?: ThreatModel;
}

/** Options a caller (test, walkthrough) may pass as the command's second argument. */
export interface GenerateArgs {
  /** Open THREAT_MODEL.md afterwards (default true). */
  openReport?: boolean;
}

export async function generateThreatModelCommand(deps: GenerateDeps, target?: unknown, args: GenerateArgs = {}): Promise<GenerateOutcome> {
  const folder = await pickFolder(target);
  if (!folder) {
    void vscode.window.showInformationMessage('IoT Security: open a folder to generate its threat model.');
    return { written: false };
  }
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'IoT Security: threat model', cancellable: true },
    async (progress, token) => {
      let last = 0;
      const scan = await scanFolder(deps.lint, folder, deps.log, {
        token,
        onProgress: (done, total) => {
          progress.report({ message: `scanning ${done}/${total} files`, increment: total ? ((done - last) * 100) / total : 100 });
          last = done;
        },
      });
      if (!scan) return { written: false, cancelled: true } satisfies GenerateOutcome;
      progress.report({ message: 'writing' });
      const result = generateThreatModel(scan, await readExisting(folder.uri), { now: new Date(), linkPrefix: '' });
      if (!result.ok) return { written: false, file: result.file, problems: result.problems } satisfies GenerateOutcome;
      await writeAll(folder.uri, result.files);
      return { written: true, model: result.model } satisfies GenerateOutcome;
    },
  );
  if (outcome.cancelled) {
    void vscode.window.showInformationMessage('IoT Security: threat model generation cancelled; nothing was written.');
  } else if (!outcome.written && outcome.file && outcome.problems?.length) {
    await reportBlocked(folder.uri, outcome.file, outcome.problems, deps.log);
  } else if (outcome.model) {
    deps.store.useFolder(folder.uri);
    await deps.store.reload();
    const s = outcome.model.summary;
    deps.log.info('threat-model', `${folder.name}: ${s.threats} threat(s), ${s.byStatus.open} open`);
    void vscode.window.showInformationMessage(`IoT Security: threat model written — ${s.threats} threat(s), ${s.byStatus.open} open, ${outcome.model.dataFlows.length} data flow(s).`);
    // The files are written; failing to show the report is not worth an error toast.
    if (args.openReport !== false) await openReport(folder.uri).catch((err) => deps.log.warn('threat-model', `cannot open the report: ${String(err)}`));
  }
  return outcome;
}

/** Opens THREAT_MODEL.md as a Markdown preview when the built-in extension is there, else as text. */
export async function openReport(folder: vscode.Uri, line?: number): Promise<void> {
  const uri = fileUri(folder, 'markdown');
  if (line === undefined) {
    // Activates the built-in Markdown extension on demand; without it, fall back to the text.
    const shown = await Promise.resolve(vscode.commands.executeCommand('markdown.showPreview', uri)).then(() => true, () => false);
    if (shown) return;
  }
  const pos = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: true });
}

async function reportBlocked(folder: vscode.Uri, file: string, problems: FileProblem[], log: Log): Promise<void> {
  const p = problems[0];
  const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : '';
  log.warn('threat-model', problems.map((x) => `${file}:${x.line}:${x.column}: ${x.message}`).join('\n'));
  void vscode.window.showErrorMessage(`IoT Security: ${file}:${p.line}:${p.column}: ${p.message}${more}. ${file} was not overwritten: fix it and generate again.`);
  const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
  const uri = vscode.Uri.joinPath(folder, file);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: false });
  if (file === THREAT_MODEL_FILES.yaml) log.info('threat-model', `opened ${file} at line ${p.line}`);
}

async function pickFolder(target: unknown): Promise<vscode.WorkspaceFolder | undefined> {
  if (target instanceof vscode.Uri) {
    const f = vscode.workspace.getWorkspaceFolder(target);
    if (f) return f;
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Generate the threat model of which folder?' });
}
