// Threat-model UI in the real workbench: the packaged .vsix in code-server, driven by playwright-core +
// Debian chromium. Opens test/fixtures/vscode-threat-model (firmware + gateway), generates the threat
// model from the palette, opens the IoT Security container and the diagram webview, saves screenshots.
// Run: node --test test/e2e/threat-model.e2e.test.js   Env (defaults in brackets): CODE_SERVER_HOME
// [.cache/code-server/package], VSIX [dist/iotsec.vsix], TM_FIXTURE [test/fixtures/vscode-threat-model], SHOTS [screenshots].
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startWorkbench } = require('./workbench');

const repo = path.resolve(__dirname, '../..');
const install = process.env.CODE_SERVER_HOME || path.join(repo, '.cache/code-server/package');
const vsix = path.resolve(process.env.VSIX || path.join(repo, 'dist/iotsec.vsix'));
const fixture = path.resolve(process.env.TM_FIXTURE || path.join(repo, 'test/fixtures/vscode-threat-model'));
const shots = path.resolve(process.env.SHOTS || path.join(repo, 'screenshots'));
let page, ws, workbench;

before(async () => {
  assert.ok(fs.existsSync(vsix), `${vsix} exists (npm run package)`);
  fs.mkdirSync(shots, { recursive: true });
  workbench = await startWorkbench({ install, vsix, fixture, folderName: 'greenhouse-system', settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  ({ page, ws } = workbench);
});

after(async () => {
  await workbench?.stop();
});

const quickInput = () => page.locator('.quick-input-widget .quick-input-box input');
const shot = (name) => page.screenshot({ path: path.join(shots, name) });
const sidebar = () => page.locator('.part.sidebar');
const paneRows = (title) => sidebar().locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).locator('.monaco-list-row');

async function palette(title) {
  await page.keyboard.press('Control+Shift+P');
  await quickInput().fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function openContainer() {
  const item = page.locator('.activitybar .action-item .action-label[aria-label^="IoT Security"]');
  await item.waitFor();
  if (!(await sidebar().locator('.composite.title', { hasText: 'IoT Security' }).isVisible().catch(() => false))) await item.click();
  await sidebar().locator('.pane-header', { hasText: 'Threat Model' }).waitFor();
  await page.mouse.move(900, 600); // the activity-bar hover (badge tooltip) would swallow clicks in the sidebar
  await page.locator('.context-view .monaco-hover').waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
}

test('welcome view offers to generate the threat model', async () => {
  await openContainer();
  await sidebar().locator('.welcome-view-content', { hasText: 'No threat model yet' }).waitFor();
  await sidebar().locator('.welcome-view-content a.monaco-button', { hasText: 'Generate Threat Model' }).first().waitFor();
  await shot('tm-welcome.png');
});

test('generate from the palette, then the tree groups threats by practice', async () => {
  await palette('IoT Security: Generate Threat Model');
  await page.locator('.notifications-toasts .notification-toast.notification-fade-in-done', { hasText: 'threat model written' }).waitFor({ timeout: 120000 });
  assert.ok(fs.existsSync(path.join(ws, '.iotsec/threat-model.yaml')));
  assert.ok(fs.existsSync(path.join(ws, 'THREAT_MODEL.md')));
  await page.locator('.tabs-container .tab', { hasText: 'THREAT_MODEL.md' }).first().waitFor(); // the report opened
  await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('h1', { hasText: 'Threat model' }).first()
    .waitFor({ timeout: 15000 }).catch(() => undefined); // Markdown preview (a text editor when the built-in extension is off)
  await shot('tm-report.png');
  await openContainer();
  // a wider sidebar, as a user would drag it, so the screenshot shows whole labels
  const sash = await sidebar().boundingBox();
  await page.mouse.move(sash.x + sash.width + 1, 450);
  await page.mouse.down();
  await page.mouse.move(sash.x + sash.width + 260, 450, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(900, 600);
  const rows = paneRows('Threat Model');
  await rows.filter({ hasText: 'P3 Device identity & credentials' }).first().waitFor();
  await rows.filter({ hasText: 'Hardcoded credential' }).first().waitFor();
  const threat = rows.filter({ hasText: 'TLS certificate/hostname verification disabled: firmware' }).first();
  await threat.click(); // expands: cause and mitigation locations
  await rows.filter({ hasText: /firmware\/src\/main\.cpp:\d+/ }).first().waitFor();
  const badge = page.locator('.activitybar .action-item', { has: page.locator('.action-label[aria-label^="IoT Security"]') }).locator('.badge .badge-content');
  assert.match(await badge.innerText(), /^\d+$/);
  await paneRows('Assets').filter({ hasText: 'Endpoints' }).first().waitFor();
  await shot('tm-tree.png');
  const box = await threat.locator('.label-name').boundingBox();
  await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + 30, box.y + box.height / 2, { steps: 4 });
  // the tooltip (full mapping) is best effort: hover timing in headless chromium varies
  const hover = await page.locator('.monaco-hover, .workbench-hover', { hasText: 'ATT&CK' }).first().waitFor({ timeout: 8000 }).then(() => true, () => false);
  if (hover) await shot('tm-tooltip.png');
  await page.mouse.move(900, 600);
  await page.keyboard.press('Escape');
});

test('a cause location opens the file at its line', async () => {
  const loc = paneRows('Threat Model').filter({ hasText: /main\.cpp:\d+/ }).first();
  const line = Number(/main\.cpp:(\d+)/.exec(await loc.innerText())[1]);
  await loc.click();
  await page.locator('.tabs-container .tab.active', { hasText: 'main.cpp' }).waitFor();
  await page.locator('.editor-instance .monaco-editor .current-line').first().waitFor();
  const status = await page.locator('[id="status.editor.selection"]').innerText();
  assert.match(status, new RegExp(`Ln ${line},`));
});

test('the diagram webview draws the data flows with the bundled mermaid', async () => {
  await palette('IoT Security: Show Threat Model Diagram');
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await frame.locator('#diagram svg g.node').first().waitFor({ timeout: 60000 });
  const nodes = await frame.locator('#diagram svg g.node').count();
  assert.ok(nodes >= 4, `${nodes} nodes`);
  assert.equal(await frame.locator('#error').innerText(), '');
  await page.waitForTimeout(500);
  await shot('tm-diagram.png');
});
