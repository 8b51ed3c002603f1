import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import { ROOT, runCli, tempDir } from './helpers';

const SAMPLE = join(ROOT, 'samples', 'greenhouse-controller');

test('--version and --help exit 0', () => {
  assert.match(runCli(['--version']).stdout, /^\d+\.\d+\.\d+/);
  const help = runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /iotsec scan/);
});

test('usage errors exit 2 with a one-line reason', () => {
  for (const args of [['frobnicate'], ['scan', '--format', 'xml'], ['scan', '--fail-on'], ['scan', '/definitely/not/here']]) {
    const r = runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^iotsec: /);
  }
});

test('invalid config exits 2 naming file:line', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.iotsec.yaml'), 'rules:\n  plaintext-url: loud\n');
  writeFileSync(join(dir, 'main.py'), 'x = 1\n');
  const r = runCli(['scan', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.iotsec\.yaml:2:\d+: /);
});

test('user secret patterns that can backtrack catastrophically are rejected at load time', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.iotsec.yaml'), 'secretPatterns:\n  - id: bad\n    pattern: "^(a+)+$"\n');
  const r = runCli(['scan', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /ReDoS/);
});

test('bad input: broken YAML, binary, huge, empty, invalid UTF-8, unreadable dir — finishes and reports', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'broken.yaml'), 'wifi:\n  password: "unterminated\n  ssid: [x\n');
  writeFileSync(join(dir, 'broken.json'), '{"mqtt": {"server": "mqtt://broker.example.net", }');
  writeFileSync(join(dir, 'blob.c'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0xff]));
  writeFileSync(join(dir, 'huge.h'), Buffer.alloc(50 * 1024 * 1024, 0x41));
  writeFileSync(join(dir, 'empty.py'), '');
  writeFileSync(join(dir, 'latin1.py'), Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('\nURL = "http://api.example.net/v1"\n')]));
  writeFileSync(join(dir, 'bom.yaml'), '\ufeffmqtt:\n  server: mqtt://broker.example.net\n');
  const locked = join(dir, 'locked');
  mkdirSync(locked);
  writeFileSync(join(locked, 'x.c'), 'int x;');
  chmodSync(locked, 0o000);
  try {
    const r = runCli(['scan', dir, '--format', 'json']);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    const skipped = new Map<string, string>(out.skipped.map((s: { filePath: string; reason: string }) => [s.filePath, s.reason]));
    assert.match(skipped.get('blob.c') ?? '', /binary/);
    assert.match(skipped.get('huge.h') ?? '', /too large/);
    if (process.getuid?.() !== 0) assert.match(skipped.get('locked') ?? '', /unreadable/); // root reads anything
    const text = runCli(['scan', dir]);
    assert.match(text.stdout, /Skipped \d+ files?:/);
    assert.match(text.stdout, /huge\.h \(too large/);
    assert.ok(out.summary.files >= 7, JSON.stringify(out.summary));
  } finally {
    chmodSync(locked, 0o755);
  }
});

test('SARIF output validates against the SARIF 2.1.0 schema and follows the contract', () => {
  const r = runCli(['scan', SAMPLE, '--format', 'sarif', '--fail-on', 'none']);
  assert.equal(r.code, 0, r.stderr);
  const log: any = JSON.parse(r.stdout);
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  const valid: boolean = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'iotsec');
  assert.ok(Array.isArray(run.results));
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.shortDescription?.text && rule.fullDescription?.text && rule.help?.text, rule.id);
    assert.ok(rule.properties.category, rule.id);
    assert.ok(rule.properties.tags.includes('security'), rule.id);
    assert.ok(rule.properties.tags.some((t: string) => /^external\/cwe\/cwe-\d+$/.test(t)), rule.id);
    assert.match(rule.properties['security-severity'], /^\d+(\.\d)?$/);
  }
  for (const res of run.results) {
    const loc = res.locations[0].physicalLocation;
    assert.ok(!loc.artifactLocation.uri.startsWith('/') && !loc.artifactLocation.uri.includes('\\'), loc.artifactLocation.uri);
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    assert.ok(res.properties.category);
    assert.ok(res.partialFingerprints['iotsecFingerprint/v1']);
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  }
});

test('an empty folder gives SARIF with results: [] and exit 0', () => {
  const r = runCli(['scan', tempDir(), '--format', 'sarif']);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout).runs[0].results, []);
});

test('--output writes the file; .gitignore and default excludes are honoured', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'node_modules', 'lib'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'lib', 'index.js'), 'const u = "http://evil.example.net";');
  writeFileSync(join(dir, '.gitignore'), 'ignored/\n');
  mkdirSync(join(dir, 'ignored'));
  writeFileSync(join(dir, 'ignored', 'x.py'), 'U = "http://x.example.net"');
  writeFileSync(join(dir, 'ok.py'), 'U = 1');
  const out = join(dir, 'report.json');
  const r = runCli(['scan', dir, '--format', 'json', '--output', out]);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(json.summary.files, 1, 'only ok.py is considered');
});

test('worker threads (--jobs 2) report exactly what one thread reports, .env git facts included', () => {
  const dir = tempDir();
  try {
    // Enough files for the worker pool (200+), a finding every 25th file, and a committed .env.
    for (let i = 0; i < 260; i++) {
      const body = i % 25 === 0 ? `const char* WIFI_PASSWORD = "Gr33n-${i}-h0use!x";\n` : `int sensor_${i}(void) { return ${i}; }\n`;
      writeFileSync(join(dir, `file_${String(i).padStart(3, '0')}.c`), body);
    }
    writeFileSync(join(dir, '.env'), 'MQTT_PASSWORD=s3cr3t-Broker-Pw-77\n');
    writeFileSync(join(dir, '.gitignore'), 'build/\n');
    // What a worker hands back besides "nothing here": skips, UTF-16 text, non-ASCII UTF-8 bytes.
    writeFileSync(join(dir, 'blob.c'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    writeFileSync(join(dir, 'wide.c'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('const char* API_TOKEN = "W1de-T0ken-Value-9";\n', 'utf16le')]));
    writeFileSync(join(dir, 'température.c'), '// capteur — °C\nconst char* mqtt_pass = "T3mp-S3cret-Pw!";\n');
    writeFileSync(join(dir, 'huge.c'), `// ${'x'.repeat(1100 * 1024)}\n`);
    const scanWith = (jobs: string) => {
      const r = runCli(['scan', dir, '--format', 'json', '--jobs', jobs, '--fail-on', 'none']);
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; filePath: string; start: { line: number }; fingerprint: string }>; summary: { files: number }; skipped: Array<{ filePath: string; reason: string }> };
      return { files: report.summary.files, skipped: report.skipped, findings: report.findings.map((f) => `${f.ruleId} ${f.filePath}:${f.start.line} ${f.fingerprint}`) };
    };
    const one = scanWith('1');
    const two = scanWith('2');
    assert.ok(one.findings.filter((f) => f.startsWith('hardcoded-credential')).length >= 11, one.findings.join('\n'));
    assert.ok(one.findings.some((f) => f.startsWith('env-file-committed')), one.findings.join('\n'));
    assert.ok(one.findings.some((f) => f.includes('wide.c')) && one.findings.some((f) => f.includes('température.c')), one.findings.join('\n'));
    assert.deepEqual(one.skipped.map((s) => s.filePath).sort(), ['blob.c', 'huge.c']);
    assert.deepEqual(two, one);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
