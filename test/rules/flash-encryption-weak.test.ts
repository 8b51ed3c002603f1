import { flashEncryptionWeak } from '../../src/rules/flash-encryption-weak';
import { ruleTester } from '../harness/rule-tester';

const FULL_DEV = [
  'CONFIG_SECURE_FLASH_ENC_ENABLED=y',
  'CONFIG_SECURE_FLASH_ENCRYPTION_MODE_DEVELOPMENT=y',
  '# CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE is not set',
  'CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_ENC=y',
  'CONFIG_SECURE_FLASH_CHECK_ENC_EN_IN_APP=y',
  '',
].join('\n');

ruleTester.run(flashEncryptionWeak, {
  valid: [
    { lang: 'kconfig', name: 'release mode in full sdkconfig', code: 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\n# CONFIG_SECURE_FLASH_ENCRYPTION_MODE_DEVELOPMENT is not set\nCONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\nCONFIG_SECURE_FLASH_CHECK_ENC_EN_IN_APP=y\n' },
    { lang: 'kconfig', name: 'insecure options explicitly off', code: '# CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_DEC is not set\nCONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_CACHE=n\n# CONFIG_SECURE_FLASH_REQUIRE_ALREADY_ENABLED is not set\n' },
    { lang: 'kconfig', name: 'FE off in sdkconfig.old (a backup, not the product config)', filePath: 'sdkconfig.old', code: '# CONFIG_SECURE_FLASH_ENC_ENABLED is not set\n' },
    { lang: 'kconfig', name: 'FE off on the linux target', filePath: 'sdkconfig', code: 'CONFIG_IDF_TARGET_LINUX=y\n# CONFIG_SECURE_FLASH_ENC_ENABLED is not set\n' },
    { lang: 'kconfig', name: 'defaults that do not mention FE (may be set elsewhere)', filePath: 'sdkconfig.defaults', code: 'CONFIG_PARTITION_TABLE_TWO_OTA=y\nCONFIG_ESP_WIFI_SSID="x"\n' },
    { lang: 'kconfig', name: 'Zephyr prj.conf is not an ESP-IDF product config', filePath: 'prj.conf', code: 'CONFIG_FLASH_ENCRYPTION_ENABLED=n\n' },
    { lang: 'kconfig', name: 'defaults with release mode', filePath: 'sdkconfig.defaults', code: 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\nCONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\n' },
    { lang: 'kconfig', name: 'NVS key protection via HMAC', code: 'CONFIG_NVS_ENCRYPTION=y\nCONFIG_NVS_SEC_KEY_PROTECT_USING_HMAC=y\n# CONFIG_NVS_SEC_KEY_PROTECT_NONE is not set\n' },
    { lang: 'kconfig', name: 'full sdkconfig: FE enabled, mode line always written elsewhere', filePath: 'sdkconfig', code: 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\n' },
    { lang: 'kconfig', name: 'option named in a comment only', code: '# Do not set CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_DEC=y in production\n' },
  ],
  invalid: [
    {
      lang: 'kconfig', name: 'FE off in a generated sdkconfig (IDF-FE-01)', filePath: 'sdkconfig',
      code: 'CONFIG_SECURE_BOOT_V2_PREFERRED=y\n# CONFIG_SECURE_BOOT is not set\n# CONFIG_SECURE_FLASH_ENC_ENABLED is not set\n# CONFIG_NVS_ENCRYPTION is not set\n',
      errors: [{
        messageId: 'feOff', line: 3, column: 1, severity: 'warning', data: { option: 'CONFIG_SECURE_FLASH_ENC_ENABLED' },
        suggestions: [{ title: 'irreversible', output: 'CONFIG_SECURE_BOOT_V2_PREFERRED=y\n# CONFIG_SECURE_BOOT is not set\nCONFIG_SECURE_FLASH_ENC_ENABLED=y\nCONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\n# CONFIG_NVS_ENCRYPTION is not set\n' }],
      }],
    },
    {
      lang: 'kconfig', name: 'FE =n in defaults with NVS encryption via HMAC is info', filePath: 'sdkconfig.defaults.esp32s3',
      code: 'CONFIG_SECURE_FLASH_ENC_ENABLED=n\nCONFIG_NVS_ENCRYPTION=y\n',
      errors: [{ messageId: 'feOff', line: 1, severity: 'info', suggestions: [{ output: 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\nCONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\nCONFIG_NVS_ENCRYPTION=y\n' }] }],
    },
    {
      lang: 'kconfig', name: 'legacy FE name off', filePath: 'sdkconfig',
      code: '# CONFIG_FLASH_ENCRYPTION_ENABLED is not set\n',
      errors: [{ messageId: 'feOff', data: { option: 'CONFIG_FLASH_ENCRYPTION_ENABLED' }, suggestions: [{ output: 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\nCONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\n' }] }],
    },
    {
      lang: 'kconfig', name: 'development mode in full sdkconfig (ALLOW_ENC covered by it)', code: FULL_DEV,
      errors: [{
        messageId: 'enabled', line: 2, column: 1, severity: 'warning',
        data: { option: 'CONFIG_SECURE_FLASH_ENCRYPTION_MODE_DEVELOPMENT', risk: 'keeps flash encryption in Development mode ("NOT SECURE"): the UART bootloader can still encrypt and write new firmware, so the flash can be reprogrammed over serial' },
        suggestions: [{
          title: 'Use CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y',
          output: FULL_DEV.replace('CONFIG_SECURE_FLASH_ENCRYPTION_MODE_DEVELOPMENT=y\n# CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE is not set', 'CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\n# CONFIG_SECURE_FLASH_ENCRYPTION_MODE_DEVELOPMENT is not set'),
        }],
      }],
    },
    {
      lang: 'kconfig', name: 'legacy name CONFIG_FLASH_ENCRYPTION_INSECURE', filePath: 'sdkconfig.defaults',
      code: 'CONFIG_FLASH_ENCRYPTION_ENABLED=y\nCONFIG_FLASH_ENCRYPTION_INSECURE=y\n',
      errors: [{ messageId: 'enabled', line: 2, severity: 'warning', suggestions: [{ output: 'CONFIG_FLASH_ENCRYPTION_ENABLED=y\nCONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\n' }] }],
    },
    {
      lang: 'kconfig', name: 'UART decrypt is an error', filePath: 'sdkconfig',
      code: 'CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_DEC=y\n',
      errors: [{ messageId: 'enabled', line: 1, severity: 'error', suggestions: [{ title: 'Disable CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_DEC', output: '# CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_DEC is not set\n' }] }],
    },
    {
      lang: 'kconfig', name: 'legacy UART decrypt/cache names', filePath: 'sdkconfig.old',
      code: 'CONFIG_FLASH_ENCRYPTION_UART_BOOTLOADER_ALLOW_DECRYPT=y\nCONFIG_FLASH_ENCRYPTION_UART_BOOTLOADER_ALLOW_CACHE=y\n',
      errors: [
        { messageId: 'enabled', line: 1, severity: 'error', suggestions: [{ output: '# CONFIG_FLASH_ENCRYPTION_UART_BOOTLOADER_ALLOW_DECRYPT is not set\nCONFIG_FLASH_ENCRYPTION_UART_BOOTLOADER_ALLOW_CACHE=y\n' }] },
        { messageId: 'enabled', line: 2, severity: 'warning', suggestions: [{ output: 'CONFIG_FLASH_ENCRYPTION_UART_BOOTLOADER_ALLOW_DECRYPT=y\n# CONFIG_FLASH_ENCRYPTION_UART_BOOTLOADER_ALLOW_CACHE is not set\n' }] },
      ],
    },
    {
      lang: 'kconfig', name: 'ALLOW_ENC on its own', code: 'CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_ENC=y\n',
      errors: [{ messageId: 'enabled', severity: 'warning', suggestions: [{ output: '# CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_ENC is not set\n' }] }],
    },
    {
      lang: 'kconfig', name: 'start-up check disabled (generated form)',
      code: 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\nCONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\n# CONFIG_SECURE_FLASH_CHECK_ENC_EN_IN_APP is not set\n',
      errors: [{ messageId: 'disabled', line: 3, severity: 'warning', suggestions: [{ title: 'Enable', output: 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\nCONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\nCONFIG_SECURE_FLASH_CHECK_ENC_EN_IN_APP=y\n' }] }],
    },
    {
      lang: 'kconfig', name: 'start-up check disabled with =n', filePath: 'sdkconfig.defaults',
      code: 'CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\nCONFIG_SECURE_FLASH_CHECK_ENC_EN_IN_APP=n\n',
      errors: [{ messageId: 'disabled', line: 2, suggestions: [{ output: 'CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\nCONFIG_SECURE_FLASH_CHECK_ENC_EN_IN_APP=y\n' }] }],
    },
    {
      lang: 'kconfig', name: 'require-already-enabled is a testing option (info)', code: 'CONFIG_SECURE_FLASH_REQUIRE_ALREADY_ENABLED=y\n',
      errors: [{ messageId: 'enabled', severity: 'info', suggestions: [{ output: '# CONFIG_SECURE_FLASH_REQUIRE_ALREADY_ENABLED is not set\n' }] }],
    },
    {
      lang: 'kconfig', name: 'NVS key protection none', filePath: 'sdkconfig.defaults',
      code: 'CONFIG_NVS_ENCRYPTION=y\nCONFIG_NVS_SEC_KEY_PROTECT_NONE=y\n',
      errors: [{
        messageId: 'enabled', line: 2, severity: 'warning',
        suggestions: [
          { title: 'USING_HMAC', output: 'CONFIG_NVS_ENCRYPTION=y\nCONFIG_NVS_SEC_KEY_PROTECT_USING_HMAC=y\n' },
          { title: 'USING_FLASH_ENC', output: 'CONFIG_NVS_ENCRYPTION=y\nCONFIG_NVS_SEC_KEY_PROTECT_USING_FLASH_ENC=y\n' },
        ],
      }],
    },
    {
      lang: 'kconfig', name: 'defaults enable FE without a mode: implicit Development', filePath: 'sdkconfig.defaults',
      code: 'CONFIG_SECURE_BOOT=y\nCONFIG_SECURE_FLASH_ENC_ENABLED=y\nCONFIG_PARTITION_TABLE_TWO_OTA=y\n',
      errors: [{
        messageId: 'implicitDevelopment', line: 2, severity: 'warning', data: { option: 'CONFIG_SECURE_FLASH_ENC_ENABLED' },
        suggestions: [{ title: 'Add CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y', output: 'CONFIG_SECURE_BOOT=y\nCONFIG_SECURE_FLASH_ENC_ENABLED=y\nCONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\nCONFIG_PARTITION_TABLE_TWO_OTA=y\n' }],
      }],
    },
    {
      lang: 'kconfig', name: 'sdkconfig.ci variant is lowered to info', filePath: 'examples/ota/sdkconfig.ci.flash_enc',
      code: 'CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_DEC=y\n',
      errors: [{ messageId: 'enabled', severity: 'info', suggestions: [{ output: '# CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_DEC is not set\n' }] }],
    },
    {
      lang: 'kconfig', name: 'last assignment wins', filePath: 'sdkconfig.defaults',
      code: 'CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_CACHE=n\nCONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_CACHE=y\n',
      errors: [{ messageId: 'enabled', line: 2, suggestions: [{ output: 'CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_CACHE=n\n# CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_CACHE is not set\n' }] }],
    },
  ],
});
