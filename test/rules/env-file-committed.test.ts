/**
 * env-file-committed depends on workspace facts (is the file git-ignored?), which the table runner
 * cannot pass, so this table runs the real engine directly with a stub workspace.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../src/core/fixes';
import { createLinter } from '../../src/core/linter';
import { allLanguages } from '../../src/languages/registry';
import { envFileCommitted } from '../../src/rules/env-file-committed';
import { nodeModulesEnv } from '../harness/grammars';

interface Case { filePath: string; code: string; ignored: boolean | undefined; name: string }

const valid: Case[] = [
  { name: 'git-ignored .env', filePath: '.env', code: 'MQTT_PASSWORD=envPass-42\n', ignored: true },
  { name: 'unknown ignore state: not reported', filePath: '.env', code: 'MQTT_PASSWORD=envPass-42\n', ignored: undefined },
  { name: '.env.example is a template', filePath: '.env.example', code: 'MQTT_PASSWORD=envPass-42\n', ignored: false },
  { name: '.env.sample is a template', filePath: 'app/.env.sample', code: 'API_KEY=k3y-abc-123456\n', ignored: false },
  { name: 'placeholders and env references only', filePath: '.env', code: 'MQTT_PASSWORD=changeme\nAPI_KEY=\nTOKEN=${CI_TOKEN}\nDEBUG=true\nPORT=8883\n', ignored: false },
  { name: 'no secrets at all', filePath: '.env', code: 'MQTT_HOST=broker.lan\nLOG_LEVEL=debug\n', ignored: false },
];
const invalid: Array<Case & { line: number; count: number; severity: string }> = [
  { name: 'committed .env with secrets', filePath: '.env', code: 'MQTT_HOST=broker.lan\nMQTT_PASSWORD=envPass-42\nAPI_KEY=k3y-abc-123456\n', ignored: false, line: 2, count: 2, severity: 'error' },
  { name: 'committed .env.production', filePath: 'deploy/.env.production', code: 'DB_PASSWORD="p@ss word 9"\n', ignored: false, line: 1, count: 1, severity: 'error' },
  { name: 'committed .env in a test folder is lowered', filePath: 'test/.env', code: 'TOKEN=tok-1234-abcd\n', ignored: false, line: 1, count: 1, severity: 'info' },
];

describe('env-file-committed', () => {
  const linter = createLinter({ rules: [envFileCommitted], languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
  const lint = (c: Case) => linter.lintText({ text: c.code, filePath: c.filePath, languageId: 'dotenv', workspace: { isGitIgnored: () => c.ignored } });
  for (const c of valid) {
    test(`valid: ${c.name}`, async () => {
      const r = await lint(c);
      assert.deepEqual(r.ruleErrors, []);
      assert.equal(r.findings.length, 0, `Noisy: ${r.findings.map((f) => f.message).join(' | ')}`);
    });
  }
  for (const c of invalid) {
    test(`invalid: ${c.name}`, async () => {
      const r = await lint(c);
      assert.equal(r.findings.length, 1, `Missing/Noisy: ${r.findings.length}`);
      const f = r.findings[0];
      const file = c.filePath.slice(c.filePath.lastIndexOf('/') + 1);
      assert.equal(f.messageId, 'committed');
      assert.equal(f.start.line, c.line);
      assert.equal(f.severity, c.severity);
      const lowered = c.severity === 'info' ? ' [test/example file: info only]' : '';
      assert.equal(f.message, `${file} holds ${c.count} secret value(s) and is not git-ignored: it will be committed with them (CWE-798).${lowered}`);
      assert.equal(f.suggestions?.length, 1);
      assert.equal(applyEdits(c.code, f.suggestions![0].edits).text, c.code);
      assert.deepEqual(f.suggestions![0].fileEdits, [{ path: '.gitignore', append: `${file}\n`, unlessContains: file }]);
    });
  }
});
