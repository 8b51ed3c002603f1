import { espIdfDebugEscape } from '../../src/rules/esp-idf-debug-escape';
import { ruleTester } from '../harness/rule-tester';

const DL_FULL = [
  'CONFIG_SECURE_BOOT_V2_ENABLED=y',
  '# CONFIG_SECURE_DISABLE_ROM_DL_MODE is not set',
  '# CONFIG_SECURE_ENABLE_SECURE_ROM_DL_MODE is not set',
  'CONFIG_SECURE_INSECURE_ALLOW_DL_MODE=y',
  '',
].join('\n');

ruleTester.run(espIdfDebugEscape, {
  valid: [
    { lang: 'kconfig', name: 'generated "is not set" lines are off', code: '# CONFIG_SECURE_BOOT_INSECURE is not set\n# CONFIG_SECURE_BOOT_ALLOW_JTAG is not set\n# CONFIG_SECURE_BOOT_ALLOW_ROM_BASIC is not set\n# CONFIG_EFUSE_VIRTUAL is not set\n' },
    { lang: 'kconfig', name: 'secure download mode', code: 'CONFIG_SECURE_BOOT_V2_ENABLED=y\nCONFIG_SECURE_ENABLE_SECURE_ROM_DL_MODE=y\n# CONFIG_SECURE_INSECURE_ALLOW_DL_MODE is not set\n' },
    { lang: 'kconfig', name: 'panic reboots (default)', code: '# CONFIG_ESP_SYSTEM_PANIC_GDBSTUB is not set\nCONFIG_ESP_SYSTEM_PANIC_PRINT_REBOOT=y\n# CONFIG_ESP_SYSTEM_GDBSTUB_RUNTIME is not set\n' },
    { lang: 'kconfig', name: 'virtual eFuses on the linux target', code: 'CONFIG_IDF_TARGET_LINUX=y\nCONFIG_EFUSE_VIRTUAL=y\n' },
    { lang: 'kconfig', name: 'JTAG option set to n', filePath: 'sdkconfig.defaults', code: 'CONFIG_SECURE_BOOT_ALLOW_JTAG=n\n' },
    { lang: 'kconfig', name: 'secure boot itself is fine', code: 'CONFIG_SECURE_BOOT=y\nCONFIG_SECURE_BOOT_V2_ENABLED=y\nCONFIG_SECURE_BOOT_SIGNING_KEY="secure_boot_signing_key.pem"\n' },
  ],
  invalid: [
    {
      lang: 'kconfig', name: 'JTAG allowed behind the insecure gate (security_features_app style)', filePath: 'sdkconfig.defaults',
      code: 'CONFIG_SECURE_BOOT_INSECURE=y\nCONFIG_SECURE_BOOT_ALLOW_JTAG=y\n',
      errors: [
        { messageId: 'enabled', line: 1, severity: 'info', data: { option: 'CONFIG_SECURE_BOOT_INSECURE', risk: 'unlocks the "potentially insecure" secure-boot options; keep it only while one of them is justified' }, suggestions: [{ title: 'Disable', output: '# CONFIG_SECURE_BOOT_INSECURE is not set\nCONFIG_SECURE_BOOT_ALLOW_JTAG=y\n' }] },
        { messageId: 'enabled', line: 2, column: 1, severity: 'error', data: { option: 'CONFIG_SECURE_BOOT_ALLOW_JTAG', risk: 'leaves JTAG enabled, which negates flash encryption and part of secure boot for anyone with a debug probe' }, suggestions: [{ output: 'CONFIG_SECURE_BOOT_INSECURE=y\n# CONFIG_SECURE_BOOT_ALLOW_JTAG is not set\n' }] },
      ],
    },
    {
      lang: 'kconfig', name: 'ROM BASIC', code: 'CONFIG_SECURE_BOOT_ALLOW_ROM_BASIC=y\n',
      errors: [{ messageId: 'enabled', severity: 'warning', suggestions: [{ output: '# CONFIG_SECURE_BOOT_ALLOW_ROM_BASIC is not set\n' }] }],
    },
    {
      lang: 'kconfig', name: 'eFuse read-disable allowed (info)', code: 'CONFIG_SECURE_BOOT_V2_ALLOW_EFUSE_RD_DIS=y\n',
      errors: [{ messageId: 'enabled', severity: 'info', suggestions: [{ output: '# CONFIG_SECURE_BOOT_V2_ALLOW_EFUSE_RD_DIS is not set\n' }] }],
    },
    {
      lang: 'kconfig', name: 'full download mode kept, choice swapped by the suggestions', code: DL_FULL,
      errors: [{
        messageId: 'enabled', line: 4, severity: 'warning',
        suggestions: [
          { title: 'Use CONFIG_SECURE_ENABLE_SECURE_ROM_DL_MODE=y', output: DL_FULL.replace('# CONFIG_SECURE_ENABLE_SECURE_ROM_DL_MODE is not set', '# CONFIG_SECURE_INSECURE_ALLOW_DL_MODE is not set').replace('CONFIG_SECURE_INSECURE_ALLOW_DL_MODE=y', 'CONFIG_SECURE_ENABLE_SECURE_ROM_DL_MODE=y') },
          { title: 'Use CONFIG_SECURE_DISABLE_ROM_DL_MODE=y', output: DL_FULL.replace('# CONFIG_SECURE_DISABLE_ROM_DL_MODE is not set', '# CONFIG_SECURE_INSECURE_ALLOW_DL_MODE is not set').replace('CONFIG_SECURE_INSECURE_ALLOW_DL_MODE=y', 'CONFIG_SECURE_DISABLE_ROM_DL_MODE=y') },
        ],
      }],
    },
    {
      lang: 'kconfig', name: 'download mode in defaults (no choice lines to swap)', filePath: 'sdkconfig.defaults', code: 'CONFIG_SECURE_INSECURE_ALLOW_DL_MODE=y\n',
      errors: [{ messageId: 'enabled', suggestions: [{ output: 'CONFIG_SECURE_ENABLE_SECURE_ROM_DL_MODE=y\n' }, { output: 'CONFIG_SECURE_DISABLE_ROM_DL_MODE=y\n' }] }],
    },
    {
      lang: 'kconfig', name: 'virtual eFuses in a product config', filePath: 'sdkconfig.defaults', code: 'CONFIG_EFUSE_VIRTUAL=y\nCONFIG_EFUSE_VIRTUAL_KEEP_IN_FLASH=y\n',
      errors: [
        { messageId: 'enabled', line: 1, severity: 'warning', suggestions: [{ output: '# CONFIG_EFUSE_VIRTUAL is not set\nCONFIG_EFUSE_VIRTUAL_KEEP_IN_FLASH=y\n' }] },
        { messageId: 'enabled', line: 2, severity: 'warning', suggestions: [{ output: 'CONFIG_EFUSE_VIRTUAL=y\n# CONFIG_EFUSE_VIRTUAL_KEEP_IN_FLASH is not set\n' }] },
      ],
    },
    {
      lang: 'kconfig', name: 'virtual eFuses in sdkconfig.ci are info (T-07)', filePath: 'examples/system/efuse/sdkconfig.ci.virt_flash_enc', code: 'CONFIG_EFUSE_VIRTUAL=y\n',
      errors: [{ messageId: 'enabled', severity: 'info', suggestions: [{ output: '# CONFIG_EFUSE_VIRTUAL is not set\n' }] }],
    },
    {
      lang: 'kconfig', name: 'panic GDB stub (hidden ESP_GDBSTUB_ENABLED not reported twice)', code: 'CONFIG_ESP_SYSTEM_PANIC_GDBSTUB=y\nCONFIG_ESP_GDBSTUB_ENABLED=y\n',
      errors: [{ messageId: 'enabled', line: 1, severity: 'warning', suggestions: [{ output: '# CONFIG_ESP_SYSTEM_PANIC_GDBSTUB is not set\nCONFIG_ESP_GDBSTUB_ENABLED=y\n' }] }],
    },
    {
      lang: 'kconfig', name: 'runtime GDB stub', filePath: 'sdkconfig.defaults', code: 'CONFIG_ESP_SYSTEM_GDBSTUB_RUNTIME=y\n',
      errors: [{ messageId: 'enabled', severity: 'warning', suggestions: [{ output: '# CONFIG_ESP_SYSTEM_GDBSTUB_RUNTIME is not set\n' }] }],
    },
    {
      lang: 'kconfig', name: 'legacy IDF 4.x panic GDB stub', filePath: 'sdkconfig.defaults', code: 'CONFIG_ESP32_PANIC_GDBSTUB=y\n',
      errors: [{ messageId: 'enabled', severity: 'warning', suggestions: [{ output: '# CONFIG_ESP32_PANIC_GDBSTUB is not set\n' }] }],
    },
    {
      lang: 'kconfig', name: 'GDB stub enabled on its own', filePath: 'sdkconfig.defaults', code: 'CONFIG_ESP_GDBSTUB_ENABLED=y\n',
      errors: [{ messageId: 'enabled', severity: 'warning', suggestions: [{ output: '# CONFIG_ESP_GDBSTUB_ENABLED is not set\n' }] }],
    },
    {
      lang: 'kconfig', name: 'debug-named config is info', filePath: 'sdkconfig.defaults.debug', code: 'CONFIG_SECURE_BOOT_ALLOW_JTAG=y\n',
      errors: [{ messageId: 'enabled', severity: 'info', suggestions: [{ output: '# CONFIG_SECURE_BOOT_ALLOW_JTAG is not set\n' }] }],
    },
    {
      lang: 'kconfig', name: 'test fixture path is lowered by the engine', filePath: 'test/fixtures/sdkconfig', code: 'CONFIG_SECURE_BOOT_ALLOW_JTAG=y\n',
      errors: [{ messageId: 'enabled', severity: 'info', suggestions: [{ output: '# CONFIG_SECURE_BOOT_ALLOW_JTAG is not set\n' }] }],
    },
  ],
});
