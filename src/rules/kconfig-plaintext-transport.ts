import type { KeyValueFact, Range } from '../core/facts';
import type { Fix } from '../core/finding';
import { entriesForKey, isFalsy, isTruthy } from '../core/fact-helpers';
import { defineRule } from '../core/rule';
import type { RuleContext } from '../core/rule';

const MCUMGR_UDP = 'CONFIG_MCUMGR_TRANSPORT_UDP';
const MCUMGR_DTLS = 'CONFIG_MCUMGR_TRANSPORT_UDP_DTLS';
const HAWKBIT = 'CONFIG_HAWKBIT';
const HAWKBIT_TLS = 'CONFIG_HAWKBIT_USE_TLS';

/** Flags Zephyr management/update transports configured without (D)TLS: MCUmgr over UDP, hawkBit over HTTP. */
export const kconfigPlaintextTransport = defineRule({
  meta: {
    id: 'kconfig-plaintext-transport',
    title: 'Plaintext device-management transport in Kconfig',
    description: 'Reports Zephyr MCUmgr over UDP without DTLS and hawkBit update polling without TLS in Kconfig fragments.',
    category: 'plaintext-protocol',
    severity: 'error',
    cwe: ['CWE-319', 'CWE-306'],
    practice: 6,
    attack: { ics: ['T0842', 'T0830', 'T0855'], enterprise: ['T1040', 'T1557', 'T1565.002'] },
    languages: ['kconfig'],
    messages: {
      mcumgrUdp: 'MCUmgr over UDP without CONFIG_MCUMGR_TRANSPORT_UDP_DTLS=y: image upload, reset and shell commands travel unencrypted and unauthenticated.',
      hawkbitNoTls: 'hawkBit runs without TLS (CONFIG_HAWKBIT_USE_TLS off): update metadata, firmware and the DDI token travel over plain HTTP.',
    },
    docs: {
      what: 'A Zephyr Kconfig fragment enables the MCUmgr UDP transport without DTLS, or hawkBit without CONFIG_HAWKBIT_USE_TLS.',
      why: 'Anyone on the network can read the device-management traffic, steal the hawkBit token, or push images and commands to the device.',
      fix: 'Add CONFIG_MCUMGR_TRANSPORT_UDP_DTLS=y (with credentials) and CONFIG_HAWKBIT_USE_TLS=y (with the server CA).',
      references: ['ZEP-09', 'ZEP-11', 'zephyrproject-rtos/zephyr subsys/mgmt/mcumgr/hardening.yaml', 'zephyrproject-rtos/zephyr subsys/mgmt/hawkbit/Kconfig'],
    },
  },
  keywords: ['mcumgr_transport_udp', 'config_hawkbit'],
  check(ctx) {
    const last = (key: string): KeyValueFact | undefined => entriesForKey(ctx.facts, key).pop();
    const udp = last(MCUMGR_UDP);
    const dtls = last(MCUMGR_DTLS);
    if (udp && isTruthy(udp.value) && !(dtls && isTruthy(dtls.value))) {
      ctx.report({ messageId: 'mcumgrUdp', range: udp.range, suggestions: [setLine(ctx, dtls ?? udp, `${MCUMGR_DTLS}=y`, !dtls)] });
    }
    const hawkbit = last(HAWKBIT);
    const tls = last(HAWKBIT_TLS);
    if (tls && isFalsy(tls.value)) {
      ctx.report({ messageId: 'hawkbitNoTls', range: tls.range, suggestions: [setLine(ctx, tls, `${HAWKBIT_TLS}=y`, false)] });
    } else if (!tls && hawkbit && isTruthy(hawkbit.value)) {
      // Absence finding, anchored on the line that enables hawkBit (DESIGN: absence anchors on the cause).
      ctx.report({ messageId: 'hawkbitNoTls', range: hawkbit.range, suggestions: [setLine(ctx, hawkbit, `${HAWKBIT_TLS}=y`, true)] });
    }
  },
});

/** A suggestion, not a fix: (D)TLS also needs credentials/CA provisioned. Appends after, or replaces, the entry's line. */
function setLine(ctx: RuleContext, kv: KeyValueFact, line: string, append: boolean): Fix {
  const start = ctx.text.lastIndexOf('\n', kv.range[0] - 1) + 1;
  const nl = ctx.text.indexOf('\n', kv.range[1]);
  const end = nl < 0 ? ctx.text.length : nl;
  const range: Range = append ? [end, end] : [start, end];
  return { title: `Set ${line}`, edits: [{ range, text: append ? `\n${line}` : line }] };
}
