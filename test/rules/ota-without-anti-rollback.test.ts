import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLinter } from '../../src/core/linter';
import type { FileSummary } from '../../src/core/rule';
import { allLanguages } from '../../src/languages/registry';
import { otaWithoutAntiRollback } from '../../src/rules/ota-without-anti-rollback';
import { nodeModulesEnv } from '../harness/grammars';
import { projectTester } from '../harness/rule-tester';

const OTA_C = 'void ota_task(void *arg) {\n    esp_err_t err = esp_https_ota(&cfg);\n}\n';
const ROLLBACK = 'CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE=y\nCONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y\nCONFIG_BOOTLOADER_APP_SECURE_VERSION=2\n';

projectTester.run(otaWithoutAntiRollback, [], {
  valid: [
    { name: 'ESP-IDF OTA with anti-rollback', files: { 'sdkconfig.defaults': `CONFIG_PARTITION_TABLE_TWO_OTA=y\n${ROLLBACK}`, 'main/ota.c': OTA_C } },
    { name: 'legacy CONFIG_APP_ANTI_ROLLBACK', files: { sdkconfig: 'CONFIG_PARTITION_TABLE_TWO_OTA=y\nCONFIG_APP_ROLLBACK_ENABLE=y\nCONFIG_APP_ANTI_ROLLBACK=y\n' } },
    { name: 'Zephyr + MCUboot downgrade prevention in sysbuild/mcuboot.conf', files: { 'app/sysbuild.conf': 'SB_CONFIG_BOOTLOADER_MCUBOOT=y\n', 'app/prj.conf': 'CONFIG_MCUMGR_GRP_IMG=y\n', 'app/sysbuild/mcuboot.conf': 'CONFIG_MCUBOOT_DOWNGRADE_PREVENTION=y\n' } },
    { name: 'Zephyr + MCUboot own prj.conf under sysbuild/mcuboot', files: { 'prj.conf': 'CONFIG_BOOTLOADER_MCUBOOT=y\n', 'sysbuild/mcuboot/prj.conf': 'CONFIG_MCUBOOT_HW_DOWNGRADE_PREVENTION=y\n' } },
    { name: 'app declares MCUboot was built with downgrade prevention (ZEP-07)', files: { 'prj.conf': 'CONFIG_BOOTLOADER_MCUBOOT=y\nCONFIG_MCUBOOT_BOOTLOADER_NO_DOWNGRADE=y\n' } },
    { name: 'DirectXIP always boots the higher version (X-05 excludes it)', files: { 'sysbuild.conf': 'SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_MCUBOOT_MODE_DIRECT_XIP=y\n' } },
    { name: 'Zephyr without MCUboot', files: { 'prj.conf': 'CONFIG_NETWORKING=y\n# CONFIG_BOOTLOADER_MCUBOOT is not set\n' } },
  ],
  invalid: [
    {
      name: 'ESP-IDF OTA without anti-rollback',
      files: { 'sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_TWO_OTA=y\nCONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y\n', 'main/ota.c': OTA_C },
      errors: [{ filePath: 'sdkconfig.defaults', messageId: 'espIdf', line: 1, severity: 'warning' }],
    },
    {
      name: 'ESP-IDF custom partitions: anchored at the OTA call',
      files: { sdkconfig: '# CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK is not set\n', 'main/ota.c': OTA_C },
      errors: [{ filePath: 'main/ota.c', messageId: 'espIdf', line: 2 }],
    },
    {
      name: 'anti-rollback only in a CI variant does not count',
      files: { 'sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_TWO_OTA=y\n', 'sdkconfig.ci.anti_rollback': ROLLBACK },
      errors: [{ filePath: 'sdkconfig.defaults', messageId: 'espIdf' }],
    },
    {
      name: 'Zephyr sysbuild app, swap mode, no downgrade prevention',
      files: { 'sysbuild.conf': 'SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE="/keys/p256.pem"\n', 'prj.conf': 'CONFIG_MCUMGR=y\nCONFIG_MCUMGR_GRP_IMG=y\n' },
      errors: [{ filePath: 'sysbuild.conf', messageId: 'mcuboot', line: 1, severity: 'warning' }],
    },
    {
      name: 'OTA call without any sdkconfig: Kconfig defaults apply (anti-rollback off), reported at the OTA call',
      files: { 'irrigation/main/ota_update.c': OTA_C, 'irrigation/main/app_main.c': 'void app_main(void) {}\n' },
      errors: [{ filePath: 'irrigation/main/ota_update.c', messageId: 'espIdfNoSdkconfig', line: 2, severity: 'warning' }],
    },
    {
      name: 'two Zephyr apps: downgrade prevention of one does not cover the other',
      files: {
        'apps/a/prj.conf': 'CONFIG_BOOTLOADER_MCUBOOT=y\n', 'apps/a/sysbuild/mcuboot.conf': 'CONFIG_MCUBOOT_DOWNGRADE_PREVENTION=y\n',
        'apps/b/prj.conf': 'CONFIG_HAWKBIT=y\nCONFIG_BOOTLOADER_MCUBOOT=y\n',
      },
      errors: [{ filePath: 'apps/b/prj.conf', messageId: 'mcuboot', line: 2 }],
    },
  ],
});

test('ota-without-anti-rollback suggestions target the right file', async () => {
  const linter = createLinter({ rules: [], projectRules: [otaWithoutAntiRollback], languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
  const run = async (files: Record<string, string>) => {
    const summaries: FileSummary[] = [];
    for (const [filePath, text] of Object.entries(files)) {
      const r = await linter.lintText({ text, filePath });
      if (r.summary) summaries.push(r.summary);
    }
    return linter.lintProject(summaries).findings;
  };
  const [idf] = await run({ 'sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_TWO_OTA=y\n' });
  assert.deepEqual(idf.suggestions?.[0].fileEdits, [{
    path: 'sdkconfig.defaults',
    append: `\n# Anti-rollback: refuse firmware with a lower secure version\n${ROLLBACK.replace('=2', '=1')}`,
    unlessContains: 'CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y',
  }]);
  const [zephyr] = await run({ 'app/prj.conf': 'CONFIG_BOOTLOADER_MCUBOOT=y\n' });
  assert.equal(zephyr.suggestions?.[0].fileEdits?.[0].path, 'sysbuild/mcuboot.conf');
  assert.equal(zephyr.suggestions?.[0].fileEdits?.[0].unlessContains, 'CONFIG_MCUBOOT_DOWNGRADE_PREVENTION=y');
  const [existing] = await run({ 'app/prj.conf': 'CONFIG_BOOTLOADER_MCUBOOT=y\n', 'app/child_image/mcuboot.conf': 'CONFIG_BOOT_SIGNATURE_TYPE_RSA=y\n' });
  assert.equal(existing.suggestions?.[0].fileEdits?.[0].path, 'child_image/mcuboot.conf');
});
