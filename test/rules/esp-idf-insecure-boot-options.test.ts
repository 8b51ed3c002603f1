import { espIdfInsecureBootOptions } from '../../src/rules/esp-idf-insecure-boot-options';
import { ruleTester } from '../harness/rule-tester';

const SIGNED = 'CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y\nCONFIG_SECURE_SIGNED_APPS_ECDSA_SCHEME=y\n';

ruleTester.run(espIdfInsecureBootOptions, {
  valid: [
    { lang: 'kconfig', code: `${SIGNED}CONFIG_SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT=y\n`, name: 'signed apps, verified on update' },
    { lang: 'kconfig', code: `${SIGNED}`, filePath: 'sdkconfig.defaults', name: 'ON_UPDATE left at its default (y)' },
    {
      lang: 'kconfig', name: 'update check off but signed apps off too (inert child option, T-08)',
      code: '# CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT is not set\n# CONFIG_SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT is not set\n',
    },
    {
      lang: 'kconfig', name: 'secure boot V2 with all weakening options off',
      code: 'CONFIG_SECURE_BOOT=y\nCONFIG_SECURE_BOOT_V2_ENABLED=y\n# CONFIG_SECURE_BOOT_V1_ENABLED is not set\n# CONFIG_SECURE_BOOT_ALLOW_SHORT_APP_PARTITION is not set\n# CONFIG_SECURE_BOOT_ALLOW_UNUSED_DIGEST_SLOTS is not set\n# CONFIG_SECURE_BOOT_V2_FORCE_ENABLE_ECDSA is not set\nCONFIG_SECURE_BOOTLOADER_ONE_TIME_FLASH=y\n',
    },
    { lang: 'kconfig', code: '# CONFIG_EXAMPLE_SKIP_VERSION_CHECK is not set\nCONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y\n', name: 'version check kept' },
    { lang: 'kconfig', code: 'CONFIG_BOOTLOADER_EFUSE_SECURE_VERSION_EMULATE=n\n', filePath: 'sdkconfig.defaults' },
    { lang: 'kconfig', code: 'CONFIG_SECURE_BOOT_ALLOW_JTAG=y\nCONFIG_SECURE_BOOT_INSECURE=y\n', name: 'JTAG belongs to the exposed-service rules' },
  ],
  invalid: [
    {
      lang: 'kconfig', name: 'IDF-SB-03: signed apps but no check on update and none at boot',
      code: `${SIGNED}# CONFIG_SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT is not set\n`,
      errors: [{
        messageId: 'noUpdateVerify', line: 3, severity: 'error',
        suggestions: [{ title: 'Replace with CONFIG_SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT=y', output: `${SIGNED}CONFIG_SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT=y\n` }],
      }],
    },
    {
      lang: 'kconfig', filePath: 'sdkconfig.defaults', name: 'IDF-SB-03 with boot-time check: warning',
      code: `${SIGNED}CONFIG_SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT=n\nCONFIG_SECURE_SIGNED_ON_BOOT_NO_SECURE_BOOT=y\n`,
      errors: [{
        messageId: 'noUpdateVerify', line: 3, severity: 'warning',
        suggestions: [{ output: `${SIGNED}CONFIG_SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT=y\nCONFIG_SECURE_SIGNED_ON_BOOT_NO_SECURE_BOOT=y\n` }],
      }],
    },
    {
      lang: 'kconfig', name: 'IDF-SB-04 legacy name + IDF-SB-05',
      code: 'CONFIG_SECURE_BOOT_ENABLED=y\nCONFIG_SECURE_BOOTLOADER_REFLASHABLE=y\n',
      errors: [
        {
          messageId: 'v1', data: { key: 'CONFIG_SECURE_BOOT_ENABLED' }, line: 1, severity: 'warning',
          suggestions: [{ title: 'CONFIG_SECURE_BOOT_V2_ENABLED=y', output: 'CONFIG_SECURE_BOOT_V2_ENABLED=y\nCONFIG_SECURE_BOOTLOADER_REFLASHABLE=y\n' }],
        },
        {
          messageId: 'reflashable', line: 2,
          suggestions: [{ output: 'CONFIG_SECURE_BOOT_ENABLED=y\nCONFIG_SECURE_BOOTLOADER_ONE_TIME_FLASH=y\n' }],
        },
      ],
    },
    {
      lang: 'kconfig', filePath: 'sdkconfig.defaults', name: 'IDF-SB-09/10/12',
      code: 'CONFIG_SECURE_BOOT=y\nCONFIG_SECURE_BOOT_INSECURE=y\nCONFIG_SECURE_BOOT_ALLOW_SHORT_APP_PARTITION=y\nCONFIG_SECURE_BOOT_ALLOW_UNUSED_DIGEST_SLOTS=y\nCONFIG_SECURE_BOOT_V2_FORCE_ENABLE_ECDSA=y\n',
      errors: [
        { messageId: 'shortAppPartition', line: 3, severity: 'warning', suggestions: [{ title: 'Remove', output: 'CONFIG_SECURE_BOOT=y\nCONFIG_SECURE_BOOT_INSECURE=y\nCONFIG_SECURE_BOOT_ALLOW_UNUSED_DIGEST_SLOTS=y\nCONFIG_SECURE_BOOT_V2_FORCE_ENABLE_ECDSA=y\n' }] },
        { messageId: 'unusedDigestSlots', line: 4, suggestions: [{ output: 'CONFIG_SECURE_BOOT=y\nCONFIG_SECURE_BOOT_INSECURE=y\nCONFIG_SECURE_BOOT_ALLOW_SHORT_APP_PARTITION=y\nCONFIG_SECURE_BOOT_V2_FORCE_ENABLE_ECDSA=y\n' }] },
        { messageId: 'forceEcdsa', line: 5, suggestions: [{ output: 'CONFIG_SECURE_BOOT=y\nCONFIG_SECURE_BOOT_INSECURE=y\nCONFIG_SECURE_BOOT_ALLOW_SHORT_APP_PARTITION=y\nCONFIG_SECURE_BOOT_ALLOW_UNUSED_DIGEST_SLOTS=y\nCONFIG_SECURE_SIGNED_APPS_RSA_SCHEME=y\n' }] },
      ],
    },
    {
      lang: 'kconfig', filePath: 'sdkconfig.defaults', name: 'downgrade: skipped version check in the product defaults',
      code: 'CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL="https://ota.example.com/fw.bin"\nCONFIG_EXAMPLE_SKIP_VERSION_CHECK=y\n',
      errors: [{
        messageId: 'downgrade', data: { key: 'CONFIG_EXAMPLE_SKIP_VERSION_CHECK', what: 'skips the firmware version check before the OTA update' }, line: 2, severity: 'warning',
        suggestions: [{ output: 'CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL="https://ota.example.com/fw.bin"\n' }],
      }],
    },
    {
      lang: 'kconfig', name: 'downgrade: emulated secure version, legacy name',
      code: 'CONFIG_APP_ANTI_ROLLBACK=y\nCONFIG_EFUSE_SECURE_VERSION_EMULATE=y\n',
      errors: [{ messageId: 'downgrade', data: { key: 'CONFIG_EFUSE_SECURE_VERSION_EMULATE', what: 'keeps the anti-rollback secure version in flash instead of eFuse (test-only emulation)' }, line: 2, suggestions: [{ output: 'CONFIG_APP_ANTI_ROLLBACK=y\n' }] }],
    },
    {
      lang: 'kconfig', filePath: 'examples/system/ota/advanced_https_ota/sdkconfig.ci.anti_rollback', name: 'T-07: CI variant lowered to info',
      code: 'CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y\nCONFIG_EXAMPLE_SKIP_VERSION_CHECK=y\nCONFIG_BOOTLOADER_EFUSE_SECURE_VERSION_EMULATE=y\n',
      errors: [
        { messageId: 'downgrade', line: 2, severity: 'info', suggestions: [{ output: 'CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y\nCONFIG_BOOTLOADER_EFUSE_SECURE_VERSION_EMULATE=y\n' }] },
        { messageId: 'downgrade', line: 3, severity: 'info', suggestions: [{ output: 'CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y\nCONFIG_EXAMPLE_SKIP_VERSION_CHECK=y\n' }] },
      ],
    },
    {
      lang: 'kconfig', filePath: 'firmware/sdkconfig.ci', name: 'T-07: IDF-SB-03 in CI variant is info',
      code: `${SIGNED}CONFIG_SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT=n\n`,
      errors: [{ messageId: 'noUpdateVerify', severity: 'info', suggestions: [{ output: `${SIGNED}CONFIG_SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT=y\n` }] }],
    },
  ],
});
