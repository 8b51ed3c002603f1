import { defineRule } from '../core/rule';
import { findKconfigHazards, isNonReleaseConfig, isOn, lastEntries, ZEPHYR_MANAGEMENT_HAZARDS } from './data/device-kconfig';

const UDP = 'CONFIG_MCUMGR_TRANSPORT_UDP';
const UDP_DTLS = 'CONFIG_MCUMGR_TRANSPORT_UDP_DTLS';

/** Flags Zephyr configs that open device management (MCUmgr, hawkBit, shell) or Bluetooth pairing to unauthenticated peers. */
export const zephyrInsecureManagement = defineRule({
  meta: {
    id: 'zephyr-insecure-management',
    title: 'Zephyr management or pairing without authentication',
    description: 'A Zephyr config enables Bluetooth debug keys or fixed pairing data, or MCUmgr, hawkBit or shell access that any peer can use without authenticating.',
    category: 'exposed-service',
    severity: 'warning',
    cwe: ['CWE-306', 'CWE-489', 'CWE-321'],
    practice: 7,
    attack: { ics: ['T0886', 'T0822', 'T0807'], enterprise: ['T1021', 'T1133', 'T1059'] },
    languages: ['kconfig'],
    messages: {
      enabled: '{{option}}=y {{risk}}.',
      disabled: '{{option}} is off: {{risk}}.',
      udpPlaintext: '{{option}}=y without {{dtls}}=y: MCUmgr (image upload, reset, shell) is reachable over plain UDP by anyone on the network.',
    },
    docs: {
      what: 'Bluetooth debug keys, fixed passkeys or OOB data, disabled connection security, key logging; MCUmgr shell and file-system groups; MCUmgr Bluetooth without pairing (`CONFIG_MCUMGR_TRANSPORT_BT_PERM_RW`) or UDP without DTLS; hawkBit without DDI security; the telnet shell backend.',
      why: 'These options let anyone in radio or network range upload images, reset the device, run shell commands, read files or decrypt pairing traffic — remote takeover without a credential (CWE-306, CWE-489, CWE-321).',
      fix: 'Use `CONFIG_MCUMGR_TRANSPORT_BT_PERM_RW_AUTHEN=y`, `CONFIG_MCUMGR_TRANSPORT_UDP_DTLS=y`, `CONFIG_HAWKBIT_DDI_TARGET_SECURITY=y`; keep the shell/FS groups, telnet shell and Bluetooth test keys out of production configs (put them in a `*debug*.conf` overlay, reported as info). `west build -t hardenconfig` lists further deviations.',
      references: [
        'ZEP-08', 'ZEP-09', 'ZEP-10', 'ZEP-12', 'ZEP-15', 'ZEP-17', 'F8',
        'zephyrproject-rtos/zephyr scripts/kconfig/hardened.csv', 'zephyrproject-rtos/zephyr subsys/mgmt/mcumgr/hardening.yaml',
        'zephyrproject-rtos/zephyr subsys/mgmt/hawkbit/Kconfig', 'zephyrproject-rtos/zephyr doc/releases/migration-guide-4.0.rst',
      ],
    },
  },
  keywords: ['config_bt_', 'mcumgr', 'hawkbit', 'shell_backend_telnet'],
  check(ctx) {
    for (const m of findKconfigHazards(ctx.facts, ctx.filePath, ZEPHYR_MANAGEMENT_HAZARDS)) {
      ctx.report({
        messageId: m.hazard.when === 'y' ? 'enabled' : 'disabled',
        data: { option: m.kv.key, risk: m.hazard.risk },
        range: m.kv.range,
        severity: m.severity,
        suggestions: m.suggestions,
      });
    }
    const entries = lastEntries(ctx.facts);
    const udp = entries.get(UDP);
    if (!udp || !isOn(entries, UDP) || isOn(entries, UDP_DTLS)) return;
    const dtls = entries.get(UDP_DTLS);
    const edit = dtls ? { range: dtls.range, text: `${UDP_DTLS}=y` } : { range: [udp.range[1], udp.range[1]] as const, text: `\n${UDP_DTLS}=y` };
    ctx.report({
      messageId: 'udpPlaintext',
      data: { option: UDP, dtls: UDP_DTLS },
      range: udp.range,
      severity: isNonReleaseConfig(ctx.filePath) ? 'info' : 'warning',
      suggestions: [{ title: `Enable ${UDP_DTLS}`, edits: [edit] }],
    });
  },
});
