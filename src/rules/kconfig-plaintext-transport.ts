import type { KeyValueFact, Range } from '../core/facts';
import type { Fix } from '../core/finding';
import { entriesForKey, isFalsy, isTruthy } from '../core/fact-helpers';
import { defineRule } from '../core/rule';
import type { RuleContext } from '../core/rule';
import { PLAINTEXT_ATTACK } from './data/transport-schemes';

const HAWKBIT = 'CONFIG_HAWKBIT';
const HAWKBIT_TLS = 'CONFIG_HAWKBIT_USE_TLS';

/**
 * Flags Zephyr hawkBit update polling configured without TLS. MCUmgr over UDP without DTLS is one
 * weakness (an open management service) and is reported once, by `zephyr-insecure-management`.
 */
export const kconfigPlaintextTransport = defineRule({
  meta: {
    id: 'kconfig-plaintext-transport',
    title: 'Plaintext hawkBit transport in Kconfig',
    description: 'Reports Zephyr hawkBit update polling without TLS in Kconfig fragments.',
    category: 'plaintext-protocol',
    severity: 'error',
    cwe: ['CWE-319', 'CWE-306'],
    practice: 6,
    attack: PLAINTEXT_ATTACK,
    languages: ['kconfig'],
    messages: {
      hawkbitNoTls: 'hawkBit runs without TLS (CONFIG_HAWKBIT_USE_TLS off): update metadata, firmware and the DDI token travel over plain HTTP.',
    },
    docs: {
      what: 'A Zephyr Kconfig fragment enables hawkBit without CONFIG_HAWKBIT_USE_TLS (MCUmgr over UDP without DTLS is reported by zephyr-insecure-management).',
      why: 'Anyone on the network can read the update traffic, steal the hawkBit token, or serve the device other update metadata.',
      fix: 'Add CONFIG_HAWKBIT_USE_TLS=y (with the server CA).',
      references: ['ZEP-11', 'zephyrproject-rtos/zephyr subsys/mgmt/hawkbit/Kconfig'],
    },
  },
  keywords: ['config_hawkbit'],
  check(ctx) {
    const last = (key: string): KeyValueFact | undefined => entriesForKey(ctx.facts, key).pop();
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

/** A suggestion, not a fix: TLS also needs the server CA provisioned. Appends after, or replaces, the entry's line. */
function setLine(ctx: RuleContext, kv: KeyValueFact, line: string, append: boolean): Fix {
  const start = ctx.text.lastIndexOf('\n', kv.range[0] - 1) + 1;
  const nl = ctx.text.indexOf('\n', kv.range[1]);
  const end = nl < 0 ? ctx.text.length : nl;
  const range: Range = append ? [end, end] : [start, end];
  return { title: `Set ${line}`, edits: [{ range, text: append ? `\n${line}` : line }] };
}
