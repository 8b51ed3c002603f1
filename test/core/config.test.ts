import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, mergeConfig, parseConfig } from '../../src/core/config';

test('valid config resolves rules, excludes, placeholders and trusted hosts', () => {
  const { config, problems } = parseConfig([
    'rules:',
    '  plaintext-url: info',
    '  hardcoded-secret: off',
    '  arduino-ota-no-password: { severity: error }',
    'exclude: ["vendor/**"]',
    'placeholders: [SECRET_FROM_CI]',
    'trustedHosts: [mosquitto.lan]',
    'maxFileSizeKb: 2048',
  ].join('\n'));
  assert.deepEqual(problems, []);
  assert.deepEqual(config.rules['plaintext-url'], { enabled: true, severity: 'info' });
  assert.deepEqual(config.rules['hardcoded-secret'], { enabled: false });
  assert.deepEqual(config.rules['arduino-ota-no-password'], { enabled: true, severity: 'error' });
  assert.deepEqual(config.exclude, ['vendor/**']);
  assert.deepEqual(config.settings.placeholderWords, ['secret_from_ci']);
  assert.deepEqual(config.settings.trustedHosts, ['mosquitto.lan']);
  assert.equal(config.maxFileSizeKb, 2048);
});

test('empty config file means defaults', () => {
  const { config, problems } = parseConfig('');
  assert.deepEqual(problems, []);
  assert.deepEqual(config, defaultConfig());
});

test('schema errors name file:line of the offending value', () => {
  const { problems, config } = parseConfig('exclude:\n  - ok\nrules:\n  plaintext-url: loud\nmaxFileSizeKb: -1\n', 'proj/.iotsec.yaml');
  assert.ok(problems.length >= 2, JSON.stringify(problems));
  const rule = problems.find((p) => p.message.includes('/rules/plaintext-url'));
  assert.ok(rule, JSON.stringify(problems));
  assert.equal(rule.file, 'proj/.iotsec.yaml');
  assert.equal(rule.line, 4);
  assert.ok(problems.some((p) => p.line === 5 && p.message.includes('maxFileSizeKb')));
  assert.deepEqual(config, defaultConfig(), 'an invalid config never silences rules');
});

test('unknown top-level keys are reported with their line', () => {
  const { problems } = parseConfig('rules: {}\nexclued: [a]\n');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /exclued/);
  assert.equal(problems[0].line, 1);
});

test('malformed YAML is reported, not thrown', () => {
  const { problems } = parseConfig('rules:\n  a: [unclosed\n');
  assert.ok(problems.length > 0);
  assert.ok(problems[0].line >= 2);
});

test('mergeConfig lets settings override rules and append excludes', () => {
  const base = parseConfig('rules:\n  plaintext-url: info\nexclude: [a/**]\n').config;
  const merged = mergeConfig(base, { rules: { 'plaintext-url': { enabled: false } }, exclude: ['b/**'] });
  assert.deepEqual(merged.rules['plaintext-url'], { enabled: false });
  assert.deepEqual(merged.exclude, ['a/**', 'b/**']);
});

test('the committed config validator is what the schema compiles to (run `npm run build` after a schema change)', async () => {
  const { CONFIG_SCHEMA } = await import('../../src/core/config-schema');
  const script = join(__dirname, '../../scripts/build-validators.mjs'); // a build script, imported by path (no types)
  const { validatorModuleSource } = (await import(script)) as { validatorModuleSource: (schema: unknown, from: string) => string };
  const committed = readFileSync(join(__dirname, '../../src/core/config-validator.generated.ts'), 'utf8');
  assert.equal(committed, validatorModuleSource(CONFIG_SCHEMA, 'src/core/config-schema.ts'));
});
