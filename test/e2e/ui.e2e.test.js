// UI smoke test: the packaged .vsix in code-server, driven by playwright-core + Debian chromium.
// Run by scripts/run-ui-tests.mjs. Env: CODE_SERVER_HOME=<install>, VSIX=<file.vsix>,
// FIXTURE=<workspace folder to copy>, SHOTS=<dir for PNGs>.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const install = process.env.CODE_SERVER_HOME;
const shots = path.resolve(process.env.SHOTS || 'screenshots');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iotsec-ui-'));
const port = 20000 + Math.floor(Math.random() * 20000);
const authority = `127.0.0.1:${port}`;
const cs = (...args) => [path.join(install, 'out/node/entry.js'), '--user-data-dir', path.join(tmp, 'ud'),
  '--extensions-dir', path.join(tmp, 'ext'), '--config', path.join(tmp, 'config.yaml'), ...args];
const env = { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_DATA_HOME: path.join(tmp, 'xdg'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config') };
let server, browser, page;

before(async () => {
  assert.ok(install && process.env.VSIX && process.env.FIXTURE, 'CODE_SERVER_HOME, VSIX and FIXTURE are set');
  fs.mkdirSync(shots, { recursive: true });
  fs.cpSync(process.env.FIXTURE, path.join(tmp, 'ws'), { recursive: true }); // fixes must not touch the fixture
  fs.mkdirSync(path.join(tmp, 'ud/User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'ud/User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'extensions.ignoreRecommendations': true, 'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
  }));
  execFileSync(process.execPath, cs('--install-extension', path.resolve(process.env.VSIX)), { env, stdio: 'inherit' });
  server = spawn(process.execPath, cs('--auth', 'none', '--bind-addr', authority, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'),
  { env, detached: true, stdio: 'ignore' });
  server.exited = new Promise((r) => server.on('exit', r));
  for (let i = 0; !(await fetch(`http://${authority}/healthz`).then((r) => r.ok, () => false)); i++) {
    assert.ok(i < 300, 'code-server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await chromium.launch({
    headless: true,
    executablePath: process.env.CHROMIUM_PATH || execFileSync('sh', ['-c', 'command -v chromium']).toString().trim(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(60000);
  await page.goto(`http://${authority}/?folder=${encodeURIComponent(path.join(tmp, 'ws'))}`);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90000 });
});

after(async () => {
  await browser?.close();
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  await Promise.race([server?.exited, new Promise((r) => setTimeout(r, 5000).unref())]);
  fs.rmSync(tmp, { recursive: true, force: true });
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
