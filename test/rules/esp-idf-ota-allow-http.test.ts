import { espIdfOtaAllowHttp } from '../../src/rules/esp-idf-ota-allow-http';
import { ruleTester } from '../harness/rule-tester';

const HEAD = '# Espressif IoT Development Framework (ESP-IDF) Project Configuration\nCONFIG_PARTITION_TABLE_TWO_OTA=y\n';

ruleTester.run(espIdfOtaAllowHttp, {
  valid: [
    { lang: 'kconfig', code: `${HEAD}# CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP is not set\n`, name: 'generated "is not set" line is off' },
    { lang: 'kconfig', code: `${HEAD}CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=n\n`, filePath: 'sdkconfig.defaults' },
    { lang: 'kconfig', code: '# CONFIG_OTA_ALLOW_HTTP is not set\nCONFIG_ESP_HTTPS_OTA_DECRYPT_CB=y\n', name: 'legacy name, off' },
    { lang: 'kconfig', code: '# Enable ALLOW_HTTP only on the test bench\n# CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y\n', name: 'commented out' },
    { lang: 'kconfig', code: 'CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL="https://ota.example.com/fw.bin"\n', filePath: 'sdkconfig.defaults' },
  ],
  invalid: [
    {
      lang: 'kconfig',
      code: `${HEAD}CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y\nCONFIG_ESP_TLS_USING_MBEDTLS=y\n`,
      output: `${HEAD}CONFIG_ESP_TLS_USING_MBEDTLS=y\n`,
      errors: [{ messageId: 'allowHttp', data: { key: 'CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP' }, line: 3, column: 1, severity: 'error' }],
    },
    {
      lang: 'kconfig', filePath: 'firmware/sdkconfig.defaults', name: 'legacy name (sdkconfig.rename), last line without newline',
      code: 'CONFIG_PARTITION_TABLE_TWO_OTA=y\nCONFIG_OTA_ALLOW_HTTP=y',
      output: 'CONFIG_PARTITION_TABLE_TWO_OTA=y',
      errors: [{ messageId: 'allowHttp', data: { key: 'CONFIG_OTA_ALLOW_HTTP' }, line: 2, severity: 'error' }],
    },
    {
      lang: 'kconfig', filePath: 'examples/system/ota/simple_ota_example/sdkconfig.ci', name: 'CI variant in an example folder: info',
      code: 'CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL="FROM_STDIN"\nCONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y\n',
      errors: [{ messageId: 'allowHttp', line: 2, severity: 'info', suggestions: [{ output: 'CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL="FROM_STDIN"\n' }] }],
    },
    {
      lang: 'kconfig', filePath: 'app/sdkconfig.ci.plain_http', name: 'CI variant outside examples: info',
      code: 'CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y\r\nCONFIG_LOG_DEFAULT_LEVEL_INFO=y\r\n',
      errors: [{ messageId: 'allowHttp', line: 1, severity: 'info', suggestions: [{ output: 'CONFIG_LOG_DEFAULT_LEVEL_INFO=y\r\n' }] }],
    },
    {
      lang: 'kconfig', filePath: 'sdkconfig.defaults', name: 'T-06: signed apps make it a transport finding (warning)',
      code: 'CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y\nCONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y\n',
      output: 'CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y\n',
      errors: [{ messageId: 'allowHttpSigned', line: 2, severity: 'warning' }],
    },
  ],
});
