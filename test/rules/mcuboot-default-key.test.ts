import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLinter } from '../../src/core/linter';
import type { FileSummary } from '../../src/core/rule';
import { allLanguages } from '../../src/languages/registry';
import { mcubootDefaultKey } from '../../src/rules/mcuboot-default-key';
import { mcubootInsecureSigning } from '../../src/rules/mcuboot-insecure-signing';
import { nodeModulesEnv } from '../harness/grammars';
import { projectTester } from '../harness/rule-tester';

projectTester.run(mcubootDefaultKey, [mcubootInsecureSigning], {
  valid: [
    { name: 'sysbuild names a project key', files: { 'prj.conf': 'CONFIG_MCUMGR_GRP_IMG=y\n', 'sysbuild.conf': 'SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE="${APP_DIR}/keys/acme-p256.pem"\n' } },
    { name: 'legacy build: app signs with a project key', files: { 'prj.conf': 'CONFIG_BOOTLOADER_MCUBOOT=y\nCONFIG_MCUBOOT_SIGNATURE_KEY_FILE="/opt/keys/acme-rsa.pem"\n' } },
    { name: 'key set in the MCUboot image config', files: { 'app/prj.conf': 'CONFIG_BOOTLOADER_MCUBOOT=y\n', 'app/sysbuild/mcuboot.conf': 'CONFIG_BOOT_SIGNATURE_KEY_FILE="keys/acme-pub.pem"\n' } },
    { name: 'explicit dev key: mcuboot-insecure-signing reports it, not this rule', files: { 'sysbuild.conf': 'SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE="$(ZEPHYR_MCUBOOT_MODULE_DIR)/root-ec-p256.pem"\n' } },
    { name: 'no MCUboot', files: { 'prj.conf': 'CONFIG_WIFI=y\nCONFIG_MQTT_LIB=y\n' } },
    { name: 'MCUboot explicitly off', files: { 'prj.conf': '# CONFIG_BOOTLOADER_MCUBOOT is not set\n' } },
  ],
  invalid: [
    {
      name: 'X-04: sysbuild MCUboot without a key',
      files: { 'sysbuild.conf': 'SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256=y\n', 'prj.conf': 'CONFIG_MCUMGR_GRP_IMG=y\n' },
      errors: [{ filePath: 'sysbuild.conf', messageId: 'defaultKey', line: 1, severity: 'error' }],
    },
    {
      name: 'X-04: legacy prj.conf only',
      files: { 'firmware/prj.conf': 'CONFIG_NETWORKING=y\nCONFIG_BOOTLOADER_MCUBOOT=y\nCONFIG_IMG_MANAGER=y\n' },
      errors: [{ filePath: 'firmware/prj.conf', messageId: 'defaultKey', line: 2 }],
    },
    {
      name: 'empty key string still means the default',
      files: { 'prj.conf': 'CONFIG_HAWKBIT=y\nCONFIG_MCUBOOT_SIGNATURE_KEY_FILE=""\n' },
      errors: [{ filePath: 'prj.conf', messageId: 'defaultKey', line: 1 }],
    },
    {
      name: 'Zephyr sample folder: lowered by path',
      files: { 'samples/subsys/mgmt/mcumgr/smp_svr/prj.conf': 'CONFIG_MCUMGR_GRP_IMG=y\n' },
      errors: [{ filePath: 'samples/subsys/mgmt/mcumgr/smp_svr/prj.conf', messageId: 'defaultKey', severity: 'info' }],
    },
  ],
});

test('mcuboot-default-key suggests a key line in sysbuild.conf', async () => {
  const linter = createLinter({ rules: [], projectRules: [mcubootDefaultKey], languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
  const summaries: FileSummary[] = [];
  for (const [filePath, text] of Object.entries({ 'app/prj.conf': 'CONFIG_BOOTLOADER_MCUBOOT=y\n' })) {
    const r = await linter.lintText({ text, filePath });
    if (r.summary) summaries.push(r.summary);
  }
  const [f] = linter.lintProject(summaries).findings;
  assert.deepEqual(f.suggestions?.[0].fileEdits, [{
    path: 'sysbuild.conf',
    append: '\n# TODO: project signing key (imgtool keygen); keep the private key out of the repository\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE="<absolute path to project key>"\n',
    unlessContains: 'SB_CONFIG_BOOT_SIGNATURE_KEY_FILE',
  }]);
  assert.equal(f.evidence, 'CONFIG_BOOTLOADER_MCUBOOT=y');
});
