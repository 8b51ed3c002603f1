import { kconfigTlsInsecure } from '../../src/rules/kconfig-tls-insecure';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(kconfigTlsInsecure, {
  valid: [
    { lang: 'kconfig', code: 'CONFIG_ESP_TLS_USING_MBEDTLS=y\n# CONFIG_ESP_TLS_INSECURE is not set\n' },
    { lang: 'kconfig', code: '# CONFIG_ESP_TLS_INSECURE is not set\nCONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY=y\n' },
    { lang: 'kconfig', code: '# CONFIG_EXAMPLE_SKIP_COMMON_NAME_CHECK is not set\n' },
    { lang: 'kconfig', code: 'CONFIG_CMS_IGNORE_EXPIRED_CERTIFICATE=n\nCONFIG_SIGNED_IMAGES=y\n' },
    { lang: 'ini', code: '[keyring]\npath=/etc/rauc/ca.cert.pem\nuse-bundle-signing-time=false\n' },
    { lang: 'ini', code: '[system]\nuse-bundle-signing-time=true\n' },
  ],
  invalid: [
    {
      lang: 'kconfig',
      code: 'CONFIG_ESP_TLS_USING_MBEDTLS=y\nCONFIG_ESP_TLS_INSECURE=y\nCONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY=y\nCONFIG_LOG_DEFAULT_LEVEL_INFO=y\n',
      errors: [{ messageId: 'skipServerVerify', line: 3, column: 1, severity: 'error', suggestions: [{ title: 'Remove both', output: 'CONFIG_ESP_TLS_USING_MBEDTLS=y\nCONFIG_LOG_DEFAULT_LEVEL_INFO=y\n' }] }],
    },
    {
      lang: 'kconfig',
      code: 'CONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY=y',
      filePath: 'sdkconfig.defaults',
      errors: [{ messageId: 'skipServerVerify', severity: 'error', suggestions: [{ output: '' }] }],
    },
    {
      lang: 'kconfig',
      code: 'CONFIG_EXAMPLE_SKIP_COMMON_NAME_CHECK=y\n',
      errors: [{ messageId: 'skipCommonName', severity: 'warning', data: { key: 'CONFIG_EXAMPLE_SKIP_COMMON_NAME_CHECK' }, suggestions: [{ output: '' }] }],
    },
    {
      lang: 'kconfig',
      code: 'CONFIG_EXAMPLE_SKIP_COMMON_NAME_CHECK=y\n',
      filePath: 'sdkconfig.ci.skip_cn',
      errors: [{ messageId: 'skipCommonName', severity: 'info', suggestions: [{ output: '' }] }],
    },
    {
      lang: 'kconfig',
      code: 'CONFIG_SIGNED_IMAGES=y\nCONFIG_SIGALG_CMS=y\nCONFIG_CMS_IGNORE_EXPIRED_CERTIFICATE=y\nCONFIG_CMS_IGNORE_CERTIFICATE_PURPOSE=y\n',
      filePath: 'configs/board_defconfig',
      errors: [
        { messageId: 'cmsIgnore', line: 3, data: { key: 'CONFIG_CMS_IGNORE_EXPIRED_CERTIFICATE' }, suggestions: [{ output: 'CONFIG_SIGNED_IMAGES=y\nCONFIG_SIGALG_CMS=y\nCONFIG_CMS_IGNORE_CERTIFICATE_PURPOSE=y\n' }] },
        { messageId: 'cmsIgnore', line: 4, suggestions: [{ output: 'CONFIG_SIGNED_IMAGES=y\nCONFIG_SIGALG_CMS=y\nCONFIG_CMS_IGNORE_EXPIRED_CERTIFICATE=y\n' }] },
      ],
    },
    {
      lang: 'ini',
      code: '[keyring]\npath=/etc/rauc/ca.cert.pem\nuse-bundle-signing-time=true\n',
      filePath: 'system.conf',
      errors: [{ messageId: 'signingTime', line: 3, severity: 'warning', suggestions: [{ output: '[keyring]\npath=/etc/rauc/ca.cert.pem\n' }] }],
    },
  ],
});
