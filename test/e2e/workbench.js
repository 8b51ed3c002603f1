// Shared launcher for the UI tests: installs the packaged .vsix into a private code-server, copies a
// fixture workspace to a temp folder (fixes edit files), opens it in headless Debian Chromium via
// playwright-core. Returns the page and a stop() that tears everything down.
const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

/**
 * @param {{ install: string, vsix: string, fixture: string, folderName?: string, settings?: object }} opts
 * @returns {Promise<{ page: import('playwright-core').Page, ws: string, stop: () => Promise<void> }>}
 */
async function startWorkbench({ install, vsix, fixture, folderName = 'ws', settings = {} }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iotsec-ui-'));
  const ws = path.join(tmp, folderName);
  const authority = `127.0.0.1:${20000 + Math.floor(Math.random() * 20000)}`;
  const cs = (...args) => [path.join(install, 'out/node/entry.js'), '--user-data-dir', path.join(tmp, 'ud'),
    '--extensions-dir', path.join(tmp, 'ext'), '--config', path.join(tmp, 'config.yaml'), ...args];
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_DATA_HOME: path.join(tmp, 'xdg'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config') };
  fs.cpSync(fixture, ws, { recursive: true });
  fs.mkdirSync(path.join(tmp, 'ud/User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'ud/User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'extensions.ignoreRecommendations': true, 'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
    ...settings,
  }));
  execFileSync(process.execPath, cs('--install-extension', path.resolve(vsix)), { env, stdio: 'inherit' });
  const server = spawn(process.execPath, cs('--auth', 'none', '--bind-addr', authority, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'),
  { env, detached: true, stdio: 'ignore' }); // own process group: one kill stops server + extension host
  const exited = new Promise((r) => server.on('exit', r));
  for (let i = 0; !(await fetch(`http://${authority}/healthz`).then((r) => r.ok, () => false)); i++) {
    assert.ok(i < 300, 'code-server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    headless: true,
    executablePath: process.env.CHROMIUM_PATH || execFileSync('sh', ['-c', 'command -v chromium']).toString().trim(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(60000);
  await page.goto(`http://${authority}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90000 });
  const stop = async () => {
    await browser.close().catch(() => {});
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  return { page, ws, stop };
}

module.exports = { startWorkbench };
