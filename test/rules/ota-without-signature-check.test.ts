import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLinter } from '../../src/core/linter';
import type { FileSummary } from '../../src/core/rule';
import { allLanguages } from '../../src/languages/registry';
import { otaWithoutSignatureCheck } from '../../src/rules/ota-without-signature-check';
import { nodeModulesEnv } from '../harness/grammars';
import { projectTester } from '../harness/rule-tester';

const OTA_C = '#include "esp_https_ota.h"\n\nvoid ota_task(void *arg) {\n    esp_https_ota_config_t cfg = { .http_config = &http };\n    esp_err_t err = esp_https_ota(&cfg);\n}\n';
const NATIVE_C = 'void update(void) {\n    esp_ota_handle_t h;\n    esp_ota_begin(part, OTA_SIZE_UNKNOWN, &h);\n    esp_ota_write(h, buf, len);\n}\n';
const SDK_OTA = 'CONFIG_IDF_TARGET="esp32"\nCONFIG_PARTITION_TABLE_TWO_OTA=y\n# CONFIG_SECURE_BOOT is not set\n# CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT is not set\n';

projectTester.run(otaWithoutSignatureCheck, [], {
  valid: [
    { name: 'OTA + signed apps (software check) is fine', files: { 'sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_TWO_OTA=y\nCONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y\n', 'main/ota.c': OTA_C } },
    { name: 'OTA + hardware secure boot V2', files: { sdkconfig: 'CONFIG_PARTITION_TABLE_TWO_OTA=y\nCONFIG_SECURE_BOOT=y\nCONFIG_SECURE_BOOT_V2_ENABLED=y\n', 'main/main.c': NATIVE_C } },
    { name: 'legacy secure boot V1 name counts', files: { sdkconfig: 'CONFIG_PARTITION_TABLE_TWO_OTA=y\nCONFIG_SECURE_BOOT_ENABLED=y\n' } },
    { name: 'no OTA at all', files: { sdkconfig: 'CONFIG_PARTITION_TABLE_SINGLE_APP=y\n# CONFIG_SECURE_BOOT is not set\n', 'main/main.c': 'void app_main(void) { printf("hi"); }\n' } },
    { name: 'signing enabled in sdkconfig.defaults, full sdkconfig in the same folder', files: { sdkconfig: SDK_OTA.replace('# CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT is not set\n', ''), 'sdkconfig.defaults': 'CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y\n' } },
    { name: 'OTA only in a CI variant is ignored', files: { 'sdkconfig.ci.ota': 'CONFIG_PARTITION_TABLE_TWO_OTA=y\n' } },
    { name: 'commented-out partition line', files: { 'sdkconfig.defaults': '# CONFIG_PARTITION_TABLE_TWO_OTA is not set\n' } },
  ],
  invalid: [
    {
      name: 'ESP-IDF app: OTA partition in sdkconfig, esp_https_ota in main.c, nothing signed',
      files: { sdkconfig: SDK_OTA, 'main/ota.c': OTA_C },
      errors: [{ filePath: 'sdkconfig', messageId: 'unsigned', line: 2, severity: 'error' }],
    },
    {
      name: 'anchor prefers sdkconfig.defaults',
      files: { sdkconfig: SDK_OTA, 'sdkconfig.defaults': 'CONFIG_LOG_DEFAULT_LEVEL_WARN=y\nCONFIG_PARTITION_TABLE_TWO_OTA=y\n', 'main/ota.c': OTA_C },
      errors: [{ filePath: 'sdkconfig.defaults', messageId: 'unsigned', line: 2 }],
    },
    {
      name: 'custom partition table: anchored at the first OTA call',
      files: { 'sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_CUSTOM=y\nCONFIG_PARTITION_TABLE_CUSTOM_FILENAME="partitions.csv"\n', 'main/updater.c': NATIVE_C },
      errors: [{ filePath: 'main/updater.c', messageId: 'unsigned', line: 3, severity: 'error' }],
    },
    {
      name: 'signing only in a CI variant does not count',
      files: { 'sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_TWO_OTA=y\n', 'sdkconfig.ci.signed': 'CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y\n' },
      errors: [{ filePath: 'sdkconfig.defaults', messageId: 'unsigned', line: 1 }],
    },
    {
      name: 'two apps in one repo: only the unsigned one',
      files: {
        'fw/sensor/sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_TWO_OTA=y\nCONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y\n',
        'fw/sensor/main/ota.c': OTA_C,
        'fw/gateway/sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_CUSTOM=y\n',
        'fw/gateway/main/ota.c': OTA_C,
      },
      errors: [{ filePath: 'fw/gateway/main/ota.c', messageId: 'unsigned', line: 5 }],
    },
    {
      name: 'no sdkconfig anywhere: Kconfig defaults apply (unsigned), reported at the OTA call',
      files: { 'src/ota.cpp': 'void doOta() {\n  esp_https_ota_begin(&cfg, &handle);\n}\n' },
      errors: [{ filePath: 'src/ota.cpp', messageId: 'noSdkconfig', line: 2, severity: 'error' }],
    },
    {
      name: 'two projects without sdkconfig are reported separately, each at its first OTA call',
      files: { 'a/main/ota.c': 'void f(void) {\n  esp_ota_begin(p, 0, &h);\n}\n', 'b/main/update.c': 'void g(void) {\n  esp_https_ota(&cfg);\n}\n' },
      errors: [{ filePath: 'a/main/ota.c', messageId: 'noSdkconfig', line: 2 }, { filePath: 'b/main/update.c', messageId: 'noSdkconfig', line: 2 }],
    },
    {
      name: 'test_apps variant lowered by path',
      files: { 'test/ota_app/sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_TWO_OTA=y\n' },
      errors: [{ filePath: 'test/ota_app/sdkconfig.defaults', messageId: 'unsigned', severity: 'info' }],
    },
  ],
});

test('ota-without-signature-check suggestions append to the project sdkconfig', async () => {
  const linter = createLinter({ rules: [], projectRules: [otaWithoutSignatureCheck], languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
  const run = async (files: Record<string, string>) => {
    const summaries: FileSummary[] = [];
    for (const [filePath, text] of Object.entries(files)) {
      const r = await linter.lintText({ text, filePath });
      if (r.summary) summaries.push(r.summary);
    }
    return linter.lintProject(summaries).findings;
  };
  const [onConfig] = await run({ 'fw/sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_TWO_OTA=y\n', 'fw/main/ota.c': OTA_C });
  assert.deepEqual(onConfig.suggestions?.[0].fileEdits, [{
    path: 'sdkconfig.defaults',
    append: '\n# Verify app signatures on OTA update (software check, reversible)\nCONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y\n',
    unlessContains: 'CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y',
  }]);
  assert.equal(onConfig.evidence, 'CONFIG_PARTITION_TABLE_TWO_OTA=y');
  const [onCall] = await run({ 'fw/sdkconfig': 'CONFIG_PARTITION_TABLE_CUSTOM=y\n', 'fw/main/net/ota.c': OTA_C });
  assert.equal(onCall.filePath, 'fw/main/net/ota.c');
  assert.equal(onCall.suggestions?.[0].fileEdits?.[0].path, '../../sdkconfig.defaults');
  assert.match(onCall.message, /esp_https_ota\(\)/);
});
