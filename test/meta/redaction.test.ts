/**
 * Privacy: scanning test/fixtures/secrets (a small project full of known secrets) never prints a
 * secret — not in text, JSON or SARIF output, not on stderr, not in the engine's finding messages
 * or evidence, not in the threat-model files — and the scan does report them (not vacuous).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { createLinter } from '../../src/core/linter';
import { allLanguages } from '../../src/languages/registry';
import { allProjectRules, allRules } from '../../src/rules/index';
import { nodeModulesEnv } from '../harness/grammars';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'secrets');

/** Each planted secret: where it is (a finding must start on that line) and its value. */
const SECRETS: ReadonlyArray<{ what: string; file: string; line: number; value: string }> = [
  { what: 'Wi-Fi password (C)', file: 'main/wifi.c', line: 4, value: 'Tr0ub4dor-3xQz' },
  { what: 'Azure IoT Hub SharedAccessKey', file: 'main/wifi.c', line: 6, value: 'Q2hhbmdlZEJ5VGVzdEZpeHR1cmVLZXlWYWx1ZTEyMzQ1Njc4OTA=' },
  { what: 'MQTT password (Python)', file: 'gateway/bridge.py', line: 3, value: 'mQ7pL2vX9kR4sTz' },
  { what: 'AWS access key id', file: 'gateway/bridge.py', line: 4, value: 'AKIAZ7XQ4MNB2LKJ8HGF' },
  { what: 'AWS secret access key', file: 'gateway/bridge.py', line: 5, value: 'q8Zr4Lm2Xv9Tn6Wp3Ks7Jd1Hf5Gb0Ye8Ua4Ic2Oe' },
  { what: 'ESPHome API encryption key', file: 'esphome/node.yaml', line: 10, value: 'c2VjcmV0LWFwaS1rZXktZm9yLXJlZGFjdGlvbi10ZXN0cw==' },
  { what: '.env MQTT password', file: '.env', line: 1, value: 'Env7Pw9Qr2Lx5Kz' },
  { what: '.env API token', file: '.env', line: 2, value: 'tok_8f3Kx92LmQp47ZrTw1Vy' },
  { what: 'Kconfig Wi-Fi password', file: 'sdkconfig', line: 1, value: 'Kc0nf1g-Wp4ss7' },
  { what: 'platformio --auth', file: 'platformio.ini', line: 7, value: 'Pl4tf0rmAuth9' },
  { what: 'PEM private key', file: 'certs/device.key', line: 1, value: pemBody() },
];

function pemBody(): string {
  return readFileSync(join(FIXTURE, 'certs', 'device.key'), 'utf8').split('\n')[1];
}

/** The parts of a secret that must never appear: the whole value and everything after the two shown characters. */
function leaks(output: string): string[] {
  const found: string[] = [];
  for (const s of SECRETS) {
    for (const needle of [s.value, s.value.slice(2)]) {
      if (output.includes(needle)) {
        found.push(`${s.what} (${needle.slice(0, 6)}…)`);
        break;
      }
    }
  }
  return found;
}

function cli(args: string[]): { code: number; out: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

describe('secrets never leave in any output', () => {
  test('the engine reports every planted secret, and no message or evidence contains one', async () => {
    const linter = createLinter({ rules: allRules, projectRules: allProjectRules, languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
    const findings = [];
    for (const abs of filesUnder(FIXTURE)) {
      const filePath = relative(FIXTURE, abs).replace(/\\/g, '/');
      const r = await linter.lintText({ text: readFileSync(abs, 'utf8'), filePath });
      findings.push(...r.findings);
      assert.deepEqual(r.ruleErrors, []);
    }
    for (const s of SECRETS) assert.ok(findings.some((f) => f.filePath === s.file && f.start.line === s.line), `no finding for ${s.what} at ${s.file}:${s.line}`);
    const visible = findings.map((f) => [f.message, f.evidence, ...(f.related ?? []).map((r) => r.message)].join('\n')).join('\n');
    assert.deepEqual(leaks(visible), []);
  });

  for (const format of ['text', 'json', 'sarif']) {
    test(`CLI --format ${format}: stdout and stderr hold no secret`, () => {
      const r = cli(['scan', FIXTURE, '--format', format, '--fail-on', 'none']);
      assert.equal(r.code, 0, r.out.slice(0, 500));
      assert.deepEqual(leaks(r.out), []);
      if (format === 'json') {
        const json = JSON.parse(r.out.slice(0, r.out.lastIndexOf('}') + 1)) as { findings: Array<{ filePath: string; start: { line: number } }> };
        for (const s of SECRETS) assert.ok(json.findings.some((f) => f.filePath === s.file && f.start.line === s.line), `JSON lacks ${s.what}`);
      }
    });
  }

  test('CLI --output: the written report and the summary on stderr hold no secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iotsec-redact-'));
    try {
      const r = cli(['scan', FIXTURE, '--format', 'sarif', '--output', join(dir, 'out.sarif'), '--fail-on', 'none']);
      assert.equal(r.code, 0);
      assert.deepEqual(leaks(r.out + readFileSync(join(dir, 'out.sarif'), 'utf8')), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('threat-model outputs hold no secret', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'iotsec-redact-tm-'));
    try {
      const r = cli(['threat-model', FIXTURE, '--out', dir]);
      if (/not available/i.test(r.out)) {
        t.skip('the threat-model command is not available in this build');
        return;
      }
      assert.ok(r.code === 0 || r.code === 1, r.out.slice(0, 500));
      const written = filesUnder(dir);
      assert.ok(written.length > 0, 'threat-model wrote nothing');
      for (const name of ['THREAT_MODEL.md', join('.iotsec', 'threat-model.yaml'), join('.iotsec', 'threat-model.otm.json')]) assert.ok(existsSync(join(dir, name)), `missing ${name}`);
      assert.deepEqual(leaks(r.out + written.map((f) => readFileSync(f, 'utf8')).join('\n')), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
