/**
 * The data-flow diagram webview: `renderMermaid(model)` drawn by the bundled `dist/mermaid.min.js`
 * under a strict Content-Security-Policy (no network, scripts only from `dist/` or with the nonce).
 * One panel; it re-renders when the model changes. `show()` resolves with the webview's render result.
 */
import * as vscode from 'vscode';
import { renderMermaid } from '../../threat-model/mermaid';
import type { ThreatModel } from '../../threat-model/types';
import type { ThreatModelStore } from './model';

export const DIAGRAM_VIEW_TYPE = 'iotsec.threatModelDiagram';
const RENDER_TIMEOUT_MS = 20_000;

export interface RenderResult {
  ok: boolean;
  error?: string;
  /** Number of nodes in the rendered SVG (0 when empty). */
  nodes?: number;
}

export class DiagramPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private waiters: Array<(r: RenderResult) => void> = [];
  private last: RenderResult | undefined;
  private readonly sub: vscode.Disposable;

  constructor(private readonly extensionUri: vscode.Uri, private readonly store: ThreatModelStore) {
    this.sub = store.onDidChange(() => this.panel && this.render());
  }

  /** Opens (or reveals) the panel and resolves when the diagram was drawn (or failed to draw). */
  show(): Promise<RenderResult> {
    if (!this.store.model) return Promise.resolve({ ok: false, error: 'no threat model yet' });
    if (this.panel) {
      this.panel.reveal();
      if (this.last) return Promise.resolve(this.last);
    } else {
      const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
      this.panel = vscode.window.createWebviewPanel(DIAGRAM_VIEW_TYPE, 'Threat Model Diagram', vscode.ViewColumn.Active, {
        enableScripts: true, localResourceRoots: [dist], enableCommandUris: false,
      });
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'threat-model.svg');
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.last = undefined;
        this.settle({ ok: false, error: 'closed' });
      });
      this.panel.webview.onDidReceiveMessage((m: { type?: string } & RenderResult) => {
        if (m?.type === 'rendered') this.settle({ ok: m.ok, error: m.error, nodes: m.nodes });
      });
      this.render();
    }
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve({ ok: false, error: 'timed out waiting for the diagram' }), RENDER_TIMEOUT_MS);
      this.waiters.push((r) => {
        clearTimeout(t);
        resolve(r);
      });
    });
  }

  private render(): void {
    const model = this.store.model;
    if (!this.panel || !model) return;
    this.last = undefined;
    this.panel.webview.html = diagramHtml(this.panel.webview, vscode.Uri.joinPath(this.extensionUri, 'dist', 'mermaid.min.js'), model);
  }

  private settle(r: RenderResult): void {
    this.last = r.error === 'closed' ? undefined : r;
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f(r);
  }

  dispose(): void {
    this.sub.dispose();
    this.panel?.dispose();
  }
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page: header with counts, legend, the Mermaid source in a <pre> (text, never HTML), a nonce'd bootstrap. */
export function diagramHtml(webview: vscode.Webview, mermaidJs: vscode.Uri, model: ThreatModel): string {
  const n = nonce();
  const csp = `default-src 'none'; script-src ${webview.cspSource} 'nonce-${n}'; style-src ${webview.cspSource} 'unsafe-inline'; img-src ${webview.cspSource} data:; font-src ${webview.cspSource}`;
  const s = model.summary;
  const flows = model.dataFlows;
  return `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Threat Model Diagram</title>
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 12px 20px; }
  h1 { font-size: 1.3em; font-weight: 600; margin: 0 0 4px; }
  .meta { color: var(--vscode-descriptionForeground); margin-bottom: 10px; }
  .legend { display: flex; gap: 18px; margin: 6px 0 14px; font-size: 0.92em; color: var(--vscode-descriptionForeground); }
  .legend span::before { content: ''; display: inline-block; width: 26px; height: 0; margin-right: 6px; vertical-align: middle; border-top: 2px solid var(--vscode-foreground); }
  .legend .danger::before { border-top: 2px dashed #d00; }
  #diagram svg { max-width: 100%; max-height: calc(100vh - 120px); height: auto; display: block; margin: 0 auto; }
  #error { color: var(--vscode-errorForeground); white-space: pre-wrap; }
  pre#source { display: none; }
</style>
</head><body>
<h1>Data flows — ${escapeHtml(model.project.name)}</h1>
<div class="meta">${model.components.length} component(s) · ${flows.length} data flow(s) · ${s.threats} threat(s), ${s.byStatus.open} open · generated ${escapeHtml(model.generatedOn)}</div>
<div class="legend"><span>TLS, verified or default</span><span class="danger">plaintext or TLS verification off</span></div>
<div id="diagram" role="img" aria-label="Data-flow diagram"></div>
<div id="error"></div>
<pre id="source">${escapeHtml(renderMermaid(model))}</pre>
<script nonce="${n}" src="${webview.asWebviewUri(mermaidJs).toString()}"></script>
<script nonce="${n}">
(function () {
  const vscode = acquireVsCodeApi();
  const source = document.getElementById('source').textContent;
  const cls = document.body.classList;
  const dark = cls.contains('vscode-dark') || cls.contains('vscode-high-contrast');
  const report = (ok, error, nodes) => vscode.postMessage({ type: 'rendered', ok, error, nodes });
  if (typeof mermaid === 'undefined') { document.getElementById('error').textContent = 'mermaid.min.js did not load'; report(false, 'mermaid did not load'); return; }
  try {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', flowchart: { htmlLabels: false, curve: 'basis', useMaxWidth: true } });
    mermaid.render('dfd', source).then(({ svg }) => {
      const el = document.getElementById('diagram');
      el.innerHTML = svg;
      report(true, undefined, el.querySelectorAll('g.node').length);
    }, (err) => { document.getElementById('error').textContent = String(err && err.message || err); report(false, String(err && err.message || err)); });
  } catch (err) { document.getElementById('error').textContent = String(err && err.message || err); report(false, String(err)); }
})();
</script>
</body></html>`;
}
