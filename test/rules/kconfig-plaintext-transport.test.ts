import { kconfigPlaintextTransport } from '../../src/rules/kconfig-plaintext-transport';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(kconfigPlaintextTransport, {
  valid: [
    { lang: 'kconfig', code: 'CONFIG_MCUMGR=y\nCONFIG_MCUMGR_TRANSPORT_UDP=y\nCONFIG_MCUMGR_TRANSPORT_UDP_DTLS=y\n' },
    { lang: 'kconfig', code: 'CONFIG_HAWKBIT=y\nCONFIG_HAWKBIT_USE_TLS=y\n' },
    { lang: 'kconfig', code: '# CONFIG_MCUMGR_TRANSPORT_UDP is not set\n# CONFIG_HAWKBIT is not set\n' },
    // MCUmgr over UDP without DTLS is one weakness, reported by zephyr-insecure-management (exposed-service).
    { lang: 'kconfig', code: 'CONFIG_MCUMGR=y\nCONFIG_MCUMGR_TRANSPORT_UDP=y\nCONFIG_MCUMGR_TRANSPORT_UDP_IPV4=y\n', filePath: 'prj.conf' },
  ],
  invalid: [
    {
      lang: 'kconfig',
      code: 'CONFIG_HAWKBIT=y\nCONFIG_HAWKBIT_SERVER="hawkbit.acme-iot.com"\n',
      errors: [{ messageId: 'hawkbitNoTls', line: 1, suggestions: [{ output: 'CONFIG_HAWKBIT=y\nCONFIG_HAWKBIT_USE_TLS=y\nCONFIG_HAWKBIT_SERVER="hawkbit.acme-iot.com"\n' }] }],
    },
    {
      lang: 'kconfig',
      code: 'CONFIG_HAWKBIT=y\nCONFIG_HAWKBIT_USE_TLS=n\n',
      errors: [{ messageId: 'hawkbitNoTls', line: 2, suggestions: [{ output: 'CONFIG_HAWKBIT=y\nCONFIG_HAWKBIT_USE_TLS=y\n' }] }],
    },
  ],
});
