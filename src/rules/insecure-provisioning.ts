import type { Range } from '../core/facts';
import type { Fix } from '../core/finding';
import { isTruthy } from '../core/fact-helpers';
import { defineRule } from '../core/rule';
import type { RuleContext } from '../core/rule';
import { PLAINTEXT_ATTACK } from './data/transport-schemes';

const SECURITY_0 = /\b(WIFI_PROV_SECURITY_0|NETWORK_PROV_SECURITY_0|protocomm_security0)\b/g;
const PROTOCOMM_SEC0 = 'CONFIG_ESP_PROTOCOMM_SUPPORT_SECURITY_VERSION_0';
const AWS_WIFI_SECURITY = 'clientcredentialWIFI_SECURITY';
const OPEN_WIFI = /^eWiFiSecurity(Open|WEP)$/;

/**
 * Flags Wi-Fi provisioning that runs without encryption. A fixed proof-of-possession literal is a
 * hard-coded credential and is reported once, by hardcoded-credential / credential-argument.
 */
export const insecureProvisioning = defineRule({
  meta: {
    id: 'insecure-provisioning',
    title: 'Insecure Wi-Fi provisioning',
    description: 'Reports ESP-IDF provisioning with security 0 and FreeRTOS Wi-Fi set to open or WEP.',
    category: 'plaintext-protocol',
    severity: 'error',
    cwe: ['CWE-319', 'CWE-306'],
    practice: 6,
    attack: PLAINTEXT_ATTACK,
    languages: ['c', 'cpp', 'kconfig'],
    messages: {
      security0: "'{{name}}' provisions the device in plain text: the Wi-Fi SSID and password are sent unencrypted and unauthenticated.",
      sec0Support: 'CONFIG_ESP_PROTOCOMM_SUPPORT_SECURITY_VERSION_0=y builds in plaintext provisioning ("should not be used in production").',
      openWifi: "{{name}} is '{{value}}': the Wi-Fi link has no (or broken) encryption.",
    },
    docs: {
      what: 'ESP-IDF unified provisioning with WIFI_PROV_SECURITY_0 / NETWORK_PROV_SECURITY_0 or protocomm security 0, or AWS FreeRTOS clientcredentialWIFI_SECURITY set to eWiFiSecurityOpen/WEP.',
      why: 'Provisioning hands the device its Wi-Fi credentials; without encryption and a per-device secret anyone in radio range can read them or take over the device.',
      fix: 'Use security 2 (SRP6a) or security 1 with a per-device PoP generated at manufacturing (read from eFuse/NVS factory data); use WPA2/WPA3.',
      references: ['IDF-CR-03', 'IDF-CR-04', 'AWS-05', 'espressif/esp-idf components/protocomm/Kconfig', 'aws/amazon-freertos demos/include/aws_clientcredential.h'],
    },
  },
  keywords: ['prov_security_0', 'protocomm_security0', 'security_version_0', 'clientcredentialwifi_security'],
  check(ctx) {
    if (ctx.languageId === 'kconfig') {
      for (const kv of ctx.facts.keyValues) {
        if (kv.key === PROTOCOMM_SEC0 && isTruthy(kv.value)) ctx.report({ messageId: 'sec0Support', range: kv.range, suggestions: [removeLine(ctx, kv.range)] });
      }
      return;
    }
    const skip = [...ctx.facts.comments.map((c) => c.range), ...ctx.facts.strings.map((s) => s.range)];
    for (const m of ctx.text.matchAll(SECURITY_0)) {
      const at = m.index!;
      if (skip.some(([s, e]) => at >= s && at < e)) continue;
      const range: Range = [at, at + m[0].length];
      const suggestions = m[0].endsWith('_0') ? [{ title: `Use ${m[0].slice(0, -1)}2 (SRP6a)`, edits: [{ range: [range[1] - 1, range[1]] as Range, text: '2' }] }] : [];
      ctx.report({ messageId: 'security0', data: { name: m[0] }, range, suggestions });
    }
    for (const a of ctx.facts.assignments) {
      if (a.name === AWS_WIFI_SECURITY && OPEN_WIFI.test(a.value.text)) {
        ctx.report({ messageId: 'openWifi', data: { name: a.name, value: a.value.text }, range: a.value.range, suggestions: [{ title: 'Use eWiFiSecurityWPA2', edits: [{ range: a.value.range, text: 'eWiFiSecurityWPA2' }] }] });
      }
    }
  },
});

/** A suggestion, not a fix: removing sec0 support breaks a phone app that still uses it. Deletes the line incl. newline. */
function removeLine(ctx: RuleContext, r: Range): Fix {
  const start = ctx.text.lastIndexOf('\n', r[0] - 1) + 1;
  const nl = ctx.text.indexOf('\n', r[1]);
  return { title: `Remove ${PROTOCOMM_SEC0}`, edits: [{ range: [start, nl < 0 ? ctx.text.length : nl + 1], text: '' }] };
}
