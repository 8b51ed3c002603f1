import { zephyrInsecureManagement } from '../../src/rules/zephyr-insecure-management';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(zephyrInsecureManagement, {
  valid: [
    { lang: 'kconfig', name: 'authenticated MCUmgr over BT', filePath: 'prj.conf', code: 'CONFIG_MCUMGR=y\nCONFIG_MCUMGR_TRANSPORT_BT=y\nCONFIG_MCUMGR_TRANSPORT_BT_PERM_RW_AUTHEN=y\nCONFIG_MCUMGR_GRP_IMG=y\nCONFIG_MCUMGR_GRP_OS=y\n' },
    { lang: 'kconfig', name: 'UDP with DTLS', filePath: 'prj.conf', code: 'CONFIG_MCUMGR_TRANSPORT_UDP=y\nCONFIG_MCUMGR_TRANSPORT_UDP_DTLS=y\n' },
    { lang: 'kconfig', name: 'hawkBit target security', filePath: 'prj.conf', code: 'CONFIG_HAWKBIT=y\nCONFIG_HAWKBIT_DDI_TARGET_SECURITY=y\nCONFIG_HAWKBIT_USE_TLS=y\n' },
    { lang: 'kconfig', name: 'hardened BT options off', filePath: 'prj.conf', code: 'CONFIG_BT_USE_DEBUG_KEYS=n\n# CONFIG_BT_FIXED_PASSKEY is not set\nCONFIG_BT_SMP=y\nCONFIG_BT_SMP_SC_PAIR_ONLY=y\n' },
    { lang: 'kconfig', name: 'legacy auth option left on', filePath: 'prj.conf', code: 'CONFIG_MCUMGR_SMP_BT_AUTHEN=y\n' },
    { lang: 'kconfig', name: 'FS group with an access hook', filePath: 'prj.conf', code: 'CONFIG_MCUMGR_GRP_FS=y\nCONFIG_MCUMGR_GRP_FS_FILE_ACCESS_HOOK=y\n' },
    { lang: 'kconfig', name: 'serial shell only', filePath: 'prj.conf', code: 'CONFIG_SHELL=y\nCONFIG_SHELL_BACKEND_SERIAL=y\n' },
  ],
  invalid: [
    {
      lang: 'kconfig', name: 'MCUmgr BT writable by unpaired peers (ZEP-08)', filePath: 'prj.conf',
      code: 'CONFIG_MCUMGR_TRANSPORT_BT=y\nCONFIG_MCUMGR_TRANSPORT_BT_PERM_RW=y\n',
      errors: [{
        messageId: 'enabled', line: 2, column: 1, severity: 'warning',
        data: { option: 'CONFIG_MCUMGR_TRANSPORT_BT_PERM_RW', risk: 'makes the MCUmgr Bluetooth service (image upload, reset) writable by any unpaired peer in radio range' },
        suggestions: [{ title: 'Use CONFIG_MCUMGR_TRANSPORT_BT_PERM_RW_AUTHEN=y', output: 'CONFIG_MCUMGR_TRANSPORT_BT=y\nCONFIG_MCUMGR_TRANSPORT_BT_PERM_RW_AUTHEN=y\n' }],
      }],
    },
    {
      lang: 'kconfig', name: 'legacy BT authentication off', filePath: 'prj.conf', code: 'CONFIG_MCUMGR_SMP_BT_AUTHEN=n\n',
      errors: [{ messageId: 'disabled', severity: 'warning', suggestions: [{ title: 'Enable', output: 'CONFIG_MCUMGR_SMP_BT_AUTHEN=y\n' }] }],
    },
    {
      lang: 'kconfig', name: 'shell and FS groups (ZEP-10), legacy FS name', filePath: 'prj.conf',
      code: 'CONFIG_MCUMGR_GRP_SHELL=y\nCONFIG_MCUMGR_CMD_FS_MGMT=y\n',
      errors: [
        { messageId: 'enabled', line: 1, suggestions: [{ title: 'Disable', output: 'CONFIG_MCUMGR_GRP_SHELL=n\nCONFIG_MCUMGR_CMD_FS_MGMT=y\n' }] },
        { messageId: 'enabled', line: 2, suggestions: [{ output: 'CONFIG_MCUMGR_GRP_SHELL=y\nCONFIG_MCUMGR_CMD_FS_MGMT=n\n' }] },
      ],
    },
    {
      lang: 'kconfig', name: 'hawkBit without DDI security (ZEP-12)', filePath: 'prj.conf', code: 'CONFIG_HAWKBIT=y\nCONFIG_HAWKBIT_DDI_NO_SECURITY=y\n',
      errors: [{ messageId: 'enabled', line: 2, suggestions: [{ output: 'CONFIG_HAWKBIT=y\nCONFIG_HAWKBIT_DDI_TARGET_SECURITY=y\n' }] }],
    },
    {
      lang: 'kconfig', name: 'BT debug keys and fixed passkey (ZEP-15)', filePath: 'prj.conf',
      code: 'CONFIG_BT_SMP=y\nCONFIG_BT_USE_DEBUG_KEYS=y\nCONFIG_BT_FIXED_PASSKEY=y\nCONFIG_BT_CONN_DISABLE_SECURITY=y\n',
      errors: [
        { messageId: 'enabled', line: 2, severity: 'error', suggestions: [{ output: 'CONFIG_BT_SMP=y\nCONFIG_BT_USE_DEBUG_KEYS=n\nCONFIG_BT_FIXED_PASSKEY=y\nCONFIG_BT_CONN_DISABLE_SECURITY=y\n' }] },
        { messageId: 'enabled', line: 3, severity: 'warning', suggestions: [{ output: 'CONFIG_BT_SMP=y\nCONFIG_BT_USE_DEBUG_KEYS=y\nCONFIG_BT_FIXED_PASSKEY=n\nCONFIG_BT_CONN_DISABLE_SECURITY=y\n' }] },
        { messageId: 'enabled', line: 4, severity: 'error', suggestions: [{ output: 'CONFIG_BT_SMP=y\nCONFIG_BT_USE_DEBUG_KEYS=y\nCONFIG_BT_FIXED_PASSKEY=y\nCONFIG_BT_CONN_DISABLE_SECURITY=n\n' }] },
      ],
    },
    {
      lang: 'kconfig', name: 'BT store debug keys / fixed OOB / key logging', filePath: 'boards/nrf52840dk_nrf52840.conf',
      code: 'CONFIG_BT_STORE_DEBUG_KEYS=y\nCONFIG_BT_OOB_DATA_FIXED=y\nCONFIG_BT_LOG_SNIFFER_INFO=y\n',
      errors: [
        { messageId: 'enabled', line: 1, suggestions: [{ output: 'CONFIG_BT_STORE_DEBUG_KEYS=n\nCONFIG_BT_OOB_DATA_FIXED=y\nCONFIG_BT_LOG_SNIFFER_INFO=y\n' }] },
        { messageId: 'enabled', line: 2, suggestions: [{ output: 'CONFIG_BT_STORE_DEBUG_KEYS=y\nCONFIG_BT_OOB_DATA_FIXED=n\nCONFIG_BT_LOG_SNIFFER_INFO=y\n' }] },
        { messageId: 'enabled', line: 3, suggestions: [{ output: 'CONFIG_BT_STORE_DEBUG_KEYS=y\nCONFIG_BT_OOB_DATA_FIXED=y\nCONFIG_BT_LOG_SNIFFER_INFO=n\n' }] },
      ],
    },
    {
      lang: 'kconfig', name: 'debug overlay is info', filePath: 'overlay-debug.conf', code: 'CONFIG_BT_USE_DEBUG_KEYS=y\n',
      errors: [{ messageId: 'enabled', severity: 'info', suggestions: [{ output: 'CONFIG_BT_USE_DEBUG_KEYS=n\n' }] }],
    },
    {
      lang: 'kconfig', name: 'MCUmgr over plain UDP (ZEP-09)', filePath: 'prj.conf', code: 'CONFIG_MCUMGR=y\nCONFIG_MCUMGR_TRANSPORT_UDP=y\nCONFIG_MCUMGR_GRP_IMG=y\n',
      errors: [{ messageId: 'udpPlaintext', line: 2, severity: 'warning', suggestions: [{ title: 'Enable CONFIG_MCUMGR_TRANSPORT_UDP_DTLS', output: 'CONFIG_MCUMGR=y\nCONFIG_MCUMGR_TRANSPORT_UDP=y\nCONFIG_MCUMGR_TRANSPORT_UDP_DTLS=y\nCONFIG_MCUMGR_GRP_IMG=y\n' }] }],
    },
    {
      lang: 'kconfig', name: 'UDP with DTLS explicitly off', filePath: 'prj.conf', code: 'CONFIG_MCUMGR_TRANSPORT_UDP=y\nCONFIG_MCUMGR_TRANSPORT_UDP_DTLS=n\n',
      errors: [{ messageId: 'udpPlaintext', line: 1, suggestions: [{ output: 'CONFIG_MCUMGR_TRANSPORT_UDP=y\nCONFIG_MCUMGR_TRANSPORT_UDP_DTLS=y\n' }] }],
    },
    {
      lang: 'kconfig', name: 'telnet shell backend', filePath: 'prj.conf', code: 'CONFIG_SHELL=y\nCONFIG_SHELL_BACKEND_TELNET=y\n',
      errors: [{ messageId: 'enabled', line: 2, severity: 'warning', suggestions: [{ output: 'CONFIG_SHELL=y\nCONFIG_SHELL_BACKEND_TELNET=n\n' }] }],
    },
  ],
});
