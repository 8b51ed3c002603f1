// Run as: node code-server-test-host.js [Code test args]   (no shebang on purpose: launch it through node)
// Stand-in "VS Code executable" for @vscode/test-electron / @vscode/test-cli: takes Code's test CLI args
// and runs the suite in code-server's Node extension host via headless Chromium. Exit code = result.
// Env: CODE_SERVER_HOME=<install> (required), CHROMIUM_PATH (default: chromium on PATH),
//      TEST_TIMEOUT_MS (default 300000), CS_DEBUG=1 (echo server log + browser console).
const { spawn, execFileSync } = require('child_process');
const fs = require('fs'), net = require('net'), os = require('os'), path = require('path'), util = require('util');

function parseArgs(argv) {
  const o = { dev: [], folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    const val = () => (m[2] !== undefined ? m[2] : argv[++i]);
    if (!m) o.folder = a;
    else if (m[1] === 'extensionDevelopmentPath') o.dev.push(val());
    else if (m[1] === 'extensionTestsPath') o.tests = val();
    else if (m[1] === 'user-data-dir') o.userData = val();
    else if (m[1] === 'extensions-dir') o.extDir = val();
    else if (m[1] === 'disable-extensions') o.disableExtensions = true;
    // everything else (--no-sandbox, --disable-updates, --skip-welcome, ...) is Electron-only: ignored
  }
  return o;
}
const freePort = () => new Promise((res) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const install = process.env.CODE_SERVER_HOME;
  if (!install || !o.tests || !o.dev.length) { console.error('usage: CODE_SERVER_HOME=<install> node code-server-test-host.js --extensionDevelopmentPath=<dir> --extensionTestsPath=<module> [folder]'); return 2; }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-test-'));
  const restricted = process.env.IOTSEC_RESTRICTED === '1';
  const userData = path.resolve(o.userData || path.join(tmp, 'user-data'));
  const settings = path.join(userData, 'User', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({ 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off',
      // IOTSEC_RESTRICTED=1: workspace trust on and never granted, so the folder opens in Restricted Mode.
      ...(restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}) }));
  }
  const authority = `127.0.0.1:${await freePort()}`;
  const server = spawn(process.execPath, [path.join(install, 'out/node/entry.js'),
    '--auth', 'none', '--bind-addr', authority, '--disable-telemetry', '--disable-update-check',
    ...(restricted ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', userData, '--extensions-dir', path.resolve(o.extDir || path.join(tmp, 'extensions')),
    '--config', path.join(tmp, 'config.yaml')],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'],   // own process group: one kill stops server + ext host
      env: { EXTENSIONS_GALLERY: '{}', ...process.env, XDG_DATA_HOME: path.join(tmp, 'xdg-data') } });
  let log = '';
  for (const s of [server.stdout, server.stderr]) s.on('data', (d) => { log += d; if (process.env.CS_DEBUG) process.stderr.write(d); });
  const serverExit = new Promise((r) => server.on('exit', r));
  let browser;
  try {
    for (const t0 = Date.now(); !(await fetch(`http://${authority}/healthz`).then((r) => r.ok, () => false));) {
      if (server.exitCode !== null || Date.now() - t0 > 30000) throw new Error('code-server did not start\n' + log);
      await new Promise((r) => setTimeout(r, 200));
    }
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ headless: true,
      executablePath: process.env.CHROMIUM_PATH || execFileSync('sh', ['-c', 'command -v chromium']).toString().trim(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
    const page = await browser.newPage();
    let done; const exited = new Promise((r) => (done = r));
    // hooks the web workbench calls while running extension tests (same ones @vscode/test-web uses)
    await page.exposeFunction('codeAutomationLog', (type, args) =>
      (type === 'error' ? process.stderr : process.stdout).write(util.format(...args) + '\n'));
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    if (process.env.CS_DEBUG) page.on('console', (m) => process.stderr.write(`[browser:${m.type()}] ${m.text()}\n`));
    const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
    const payload = [...o.dev.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(o.tests)], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
    if (o.disableExtensions) payload.push(['disableExtensions', 'true']);
    await page.goto(`http://${authority}/?payload=${encodeURIComponent(JSON.stringify(payload))}` +
      (o.folder ? `&folder=${encodeURIComponent(path.resolve(o.folder))}` : '&ew=true'));
    const ms = +(process.env.TEST_TIMEOUT_MS || 300000);
    const code = await Promise.race([exited, new Promise((r) => setTimeout(r, ms, 'timeout').unref())]);
    if (code === 'timeout') { console.error(`no test result after ${ms} ms\n${log}`); return 124; }
    return code;
  } finally {
    if (browser) await browser.close().catch(() => {});
    try { process.kill(-server.pid, "SIGTERM"); } catch { /* already exited */ }
    await Promise.race([serverExit, new Promise((r) => setTimeout(r, 5000).unref())]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });
