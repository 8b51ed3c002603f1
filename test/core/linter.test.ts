import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../../src/core/config';
import type { LanguageSupport } from '../../src/core/language';
import { createLinter } from '../../src/core/linter';
import { defineProjectRule, defineRule, type RuleMeta } from '../../src/core/rule';
import { allLanguages } from '../../src/languages/registry';
import { nodeModulesEnv } from '../harness/grammars';

const meta = (id: string, over: Partial<RuleMeta> = {}): RuleMeta => ({
  id, title: id, description: `Test rule ${id}.`, category: 'hardcoded-secret', severity: 'warning', cwe: ['CWE-798'], practice: 3,
  attack: { ics: ['T0891'], enterprise: ['T1552.001'] }, languages: ['kconfig', 'c'], messages: { found: 'Found {{name}}.' },
  docs: { what: 'w', why: 'y', fix: 'f', references: [] }, ...over,
});

// Reports every CONFIG_*_PASSWORD string value as a secret.
const passwordRule = defineRule({
  meta: meta('test-password'),
  keywords: ['password'],
  check(ctx) {
    for (const kv of ctx.facts.keyValues) {
      if (kv.key.endsWith('_PASSWORD') && typeof kv.value.value === 'string') {
        ctx.report({ messageId: 'found', data: { name: kv.key }, range: kv.value.range, secret: kv.value.value });
      }
    }
  },
});

const crashingRule = defineRule({ meta: meta('test-crash'), check() { throw new Error('boom'); } });

function linter(rules = [passwordRule], projectRules: Parameters<typeof createLinter>[0]['projectRules'] = []) {
  return createLinter({ rules, projectRules, languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
}

const SDK = 'CONFIG_IDF_TARGET="esp32"\nCONFIG_EXAMPLE_WIFI_PASSWORD="Zq8#kd93!tomato"\n';

test('finds, positions, redacts and fingerprints', async () => {
  const r = await linter().lintText({ text: SDK, filePath: 'sdkconfig' });
  assert.equal(r.languageId, 'kconfig');
  assert.equal(r.findings.length, 1);
  const f = r.findings[0];
  assert.equal(f.message, 'Found CONFIG_EXAMPLE_WIFI_PASSWORD.');
  assert.deepEqual(f.start, { line: 2, column: 30 });
  assert.ok(!f.evidence.includes('Zq8#kd93!tomato'), f.evidence);
  assert.ok(!JSON.stringify(r).includes('Zq8#kd93!tomato'), 'no secret anywhere in the result');
  assert.equal(f.category, 'hardcoded-secret');
  assert.deepEqual(f.cwe, ['CWE-798']);
  const again = await linter().lintText({ text: '# comment added above\n' + SDK, filePath: 'sdkconfig' });
  assert.equal(again.findings[0].fingerprint, f.fingerprint, 'fingerprint ignores line moves');
  assert.ok(r.summary?.signals.some((s) => s.kind === 'secret' && s.value && !s.value.includes('Zq8')));
});

test('prefilter: files without keywords are not parsed', async () => {
  let parsed = 0;
  const spy: LanguageSupport = { ...allLanguages.find((l) => l.id === 'kconfig')!, extract: async (t, e) => (parsed++, allLanguages.find((l) => l.id === 'kconfig')!.extract(t, e)) };
  const l = createLinter({ rules: [passwordRule], languages: [spy], loadGrammar: nodeModulesEnv.loadGrammar });
  const r = await l.lintText({ text: 'CONFIG_FOO=y\n', filePath: 'sdkconfig' });
  assert.equal(r.parsed, false);
  assert.equal(parsed, 0);
  await l.lintText({ text: SDK, filePath: 'sdkconfig' });
  assert.equal(parsed, 1);
});

test('a crashing rule is recorded and the others still run', async () => {
  const r = await linter([crashingRule, passwordRule]).lintText({ text: SDK, filePath: 'sdkconfig' });
  assert.equal(r.findings.length, 1);
  assert.equal(r.ruleErrors.length, 1);
  assert.match(r.ruleErrors[0].message, /Rule "test-crash" failed on sdkconfig: boom/);
});

test('suppressions with a reason silence; without a reason they are reported', async () => {
  const withReason = await linter().lintText({ text: '# iotsec-ignore-next-line test-password -- bench rig\n' + SDK.split('\n')[1], filePath: 'sdkconfig' });
  assert.equal(withReason.findings.length, 0);
  const noReason = await linter().lintText({ text: '# iotsec-ignore-next-line test-password\n' + SDK.split('\n')[1], filePath: 'sdkconfig' });
  assert.equal(noReason.findings.length, 1);
  assert.match(noReason.findings[0].message, /suppression ignored/);
  const category = await linter().lintText({ text: SDK.split('\n')[1] + ' # iotsec-ignore hardcoded-secret -- fixture', filePath: 'sdkconfig' });
  assert.equal(category.findings.length, 0, 'category ids work in suppressions');
});

test('config: off, severity override; test files are lowered, not silenced', async () => {
  const off = parseConfig('rules:\n  test-password: off\n').config;
  assert.equal((await linter().lintText({ text: SDK, filePath: 'sdkconfig' }, off)).findings.length, 0);
  const err = parseConfig('rules:\n  hardcoded-secret: error\n').config;
  assert.equal((await linter().lintText({ text: SDK, filePath: 'sdkconfig' }, err)).findings[0].severity, 'error');
  const inTest = await linter().lintText({ text: SDK, filePath: 'test/fixtures/sdkconfig' });
  assert.equal(inTest.findings[0].severity, 'info');
  assert.equal(inTest.findings[0].inTestFile, true);
});

test('unsupported files yield nothing and are not parsed', async () => {
  const r = await linter().lintText({ text: 'password=x', filePath: 'notes.md' });
  assert.equal(r.languageId, undefined);
  assert.equal(r.parsed, false);
});

test('project rules see signals from every file and anchor findings', async () => {
  const shared = defineProjectRule({
    meta: meta('test-shared'),
    checkProject(ctx) {
      const bySecret = new Map<string, Array<{ file: string; s: (typeof ctx.files)[number]['signals'][number] }>>();
      for (const f of ctx.files) for (const s of f.signals) if (s.kind === 'secret') bySecret.set(s.value!, [...(bySecret.get(s.value!) ?? []), { file: f.filePath, s }]);
      for (const list of bySecret.values()) {
        if (list.length < 2) continue;
        const first = list[0];
        ctx.report(first.file, { messageId: 'found', data: { name: `${list.length} files` }, range: first.s.range, start: first.s.start, end: first.s.end, evidence: 'shared' });
      }
    },
  });
  const l = linter([passwordRule], [shared]);
  const a = await l.lintText({ text: SDK, filePath: 'a/sdkconfig' });
  const b = await l.lintText({ text: SDK, filePath: 'b/sdkconfig' });
  const { findings, ruleErrors } = l.lintProject([a.summary!, b.summary!]);
  assert.deepEqual(ruleErrors, []);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].filePath, 'a/sdkconfig');
  assert.equal(findings[0].message, 'Found 2 files.');
  assert.equal(findings[0].start.line, 2);
});

test('bytes: lintBytes, and prefilter + lintBytes with its answer (as a scan splits them over threads), equal lintText', async () => {
  const { allRules } = await import('../../src/rules/index');
  const { threatModelCollectors } = await import('../../src/threat-model/collectors/index');
  const l = createLinter({ rules: allRules, collectors: threatModelCollectors, languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
  const documents: Array<[string, string]> = [
    ['src/main.c', '#include <stdio.h>\nconst char *WIFI_PASSWORD = "Gr33n-h0use-x!";\n#define MQTT_BROKER "mqtt://broker.example.com:1883"\n'],
    ['src/é.c', '// Température — capteur\nconst char *ssid = "home";\nconst char *pass = "c4pt3ur-S3cret";\n'],
    ['app/config.yaml', 'wifi:\n  password: "Y4ml-Secr3t-99"\nmqtt:\n  url: mqtt://10.0.0.5:1883\n'],
    ['main/sdkconfig', 'CONFIG_SECURE_BOOT=n\nCONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y\n'],
    ['lib/util.c', 'int add(int a, int b) { return a + b; }\n'],
  ];
  for (const [filePath, text] of documents) {
    const bytes = Buffer.from(text);
    const key = (r: { findings: ReadonlyArray<{ ruleId: string; range: readonly [number, number]; message: string }>; summary?: unknown }) => JSON.stringify([r.findings.map((f) => [f.ruleId, f.range, f.message]), r.summary]);
    const expected = key(await l.lintText({ text, filePath }));
    assert.equal(key(await l.lintBytes({ bytes, filePath })), expected, filePath);
    const prefiltered = l.prefilter({ bytes, filePath });
    assert.equal(key(await l.lintBytes({ bytes, filePath, prefiltered })), expected, `${filePath} (prefiltered: ${prefiltered.ruleIds.join(', ')})`);
    if (prefiltered.ascii !== undefined) assert.equal(prefiltered.ascii, /^[\x00-\x7f]*$/.test(text), filePath);
  }
  assert.deepEqual(l.prefilter({ bytes: Buffer.from('int add(int a, int b);'), filePath: 'x.c' }).ruleIds, []);
  assert.ok((await l.lintText({ text: documents[0][1], filePath: 'src/main.c' })).findings.length >= 2);
});
