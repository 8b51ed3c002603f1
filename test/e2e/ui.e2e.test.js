// UI smoke test: the packaged .vsix in code-server, driven by playwright-core + Debian chromium.
// Run by scripts/run-ui-tests.mjs. Env: CODE_SERVER_HOME=<install>, VSIX=<file.vsix>,
// FIXTURE=<workspace folder to copy>, SHOTS=<dir for PNGs>.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startWorkbench } = require('./workbench');

const shots = path.resolve(process.env.SHOTS || 'screenshots');
let page, workbench;

before(async () => {
  assert.ok(process.env.CODE_SERVER_HOME && process.env.VSIX && process.env.FIXTURE, 'CODE_SERVER_HOME, VSIX and FIXTURE are set');
  fs.mkdirSync(shots, { recursive: true });
  workbench = await startWorkbench({ install: process.env.CODE_SERVER_HOME, vsix: process.env.VSIX, fixture: process.env.FIXTURE });
  page = workbench.page;
});

after(async () => {
  await workbench?.stop();
});

const quickInput = () => page.locator('.quick-input-widget .quick-input-box input');
const problems = () => page.locator('.markers-panel .monaco-list-row');
const shot = (name) => page.screenshot({ path: path.join(shots, name) });

async function openFile(name) {
  await page.keyboard.press('Control+P');
  await quickInput().fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(name) }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(name) }).waitFor();
}

async function goTo(line, column) {
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+G');
  await quickInput().fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

test('squiggles, Problems rows and the status bar item for src/main.cpp', async () => {
  await openFile('src/main.cpp');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60000 });
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
  await page.keyboard.press('Control+Shift+M');
  await problems().filter({ hasText: 'holds a hard-coded credential' }).first().waitFor();
  await problems().filter({ hasText: 'turns off server certificate checks' }).first().waitFor();
  await problems().filter({ hasText: 'MQTT on port 1883 is plaintext' }).first().waitFor();
  const label = await page.locator('[id="status.problems"]').getAttribute('aria-label');
  assert.match(label, /Errors: 2/);
  assert.match(label, /Warnings: 1/);
  const ours = page.locator('.statusbar-item[aria-label^="IoT Security:"]');
  await ours.waitFor();
  assert.match(await ours.getAttribute('aria-label'), /IoT Security: 2 errors, 1 warnings/);
  await shot('ui-problems.png');
});

test('hover shows what / why / how to fix with CWE ids', async () => {
  await goTo(6, 28);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover', { hasText: 'How to fix' }).first();
  await hover.waitFor();
  assert.match(await hover.innerText(), /CWE-798/);
  await shot('ui-hover.png');
  await page.keyboard.press('Escape');
});

test('quick fix via Ctrl+.: MQTT port 1883 → 8883', async () => {
  await goTo(14, 46);
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row.action[aria-label="Use port 8883 (MQTT over TLS)"]');
  await fix.waitFor();
  await page.locator('.action-widget .monaco-list-row.action[aria-label="Ignore mqtt-plaintext-port on this line"]').waitFor();
  await shot('ui-quickfix-menu.png');
  // the menu sits under a .context-view-pointerBlock overlay: choose with the keyboard, not click()
  for (let i = 0; i < 10 && !(await fix.evaluate((e) => e.classList.contains('focused'))); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .view-lines', { hasText: '1883' }).waitFor({ state: 'detached' });
  await problems().filter({ hasText: 'MQTT on port 1883 is plaintext' }).waitFor({ state: 'detached' });
  await shot('ui-quickfix-applied.png');
});

test('"IoT Security: Scan Workspace" from the palette fills Problems for closed files', async () => {
  await page.keyboard.press('Control+Shift+P');
  await quickInput().fill('>IoT Security: Scan Workspace');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'IoT Security: Scan Workspace' }).first().waitFor();
  await page.keyboard.press('Enter');
  const toast = page.locator('.notifications-toasts .notification-toast.notification-fade-in-done', { hasText: /IoT Security: scanned \d+ files/ });
  await toast.waitFor({ timeout: 90000 });
  try {
    await page.locator('.markers-panel .monaco-tl-row', { hasText: 'publish.py' }).first().waitFor();
    const label = await page.locator('[id="status.problems"]').getAttribute('aria-label');
    assert.ok(Number(/Errors: (\d+)/.exec(label)[1]) >= 8, label);
    // closed files: filter the Problems view down to the sdkconfig
    await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill('sdkconfig');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP' }).first().waitFor();
  } finally {
    await shot('ui-scan.png');
  }
});
