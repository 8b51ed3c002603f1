import type { Range } from '../core/facts';
import type { Fix } from '../core/finding';
import { isTruthy } from '../core/fact-helpers';
import { defineRule } from '../core/rule';
import type { RuleContext } from '../core/rule';

const SECURITY_0 = /\b(WIFI_PROV_SECURITY_0|NETWORK_PROV_SECURITY_0|protocomm_security0)\b/g;
const PROTOCOMM_SEC0 = 'CONFIG_ESP_PROTOCOMM_SUPPORT_SECURITY_VERSION_0';
const POP_NAME = /(?:^|_)pop$|^pop(?:_|$)|proof_?of_?possession|PROV_SEC2_PWD|PROV_POP|^EXAMPLE_POP$/i;
const START_PROVISIONING = /^(?:wifi|network)_prov_mgr_start_provisioning$/;
const AWS_WIFI_SECURITY = 'clientcredentialWIFI_SECURITY';
const OPEN_WIFI = /^eWiFiSecurity(Open|WEP)$/;
const IDF_EXAMPLE_POP = 'abcd1234';

/** Flags Wi-Fi provisioning that runs without encryption or with a fixed, shared proof-of-possession. */
export const insecureProvisioning = defineRule({
  meta: {
    id: 'insecure-provisioning',
    title: 'Insecure Wi-Fi provisioning',
    description: 'Reports ESP-IDF provisioning with security 0 or a fixed proof-of-possession, and FreeRTOS Wi-Fi set to open or WEP.',
    category: 'plaintext-protocol',
    severity: 'error',
    cwe: ['CWE-319', 'CWE-306'],
    practice: 6,
    attack: { ics: ['T0842', 'T0830', 'T0855'], enterprise: ['T1040', 'T1557', 'T1565.002'] },
    languages: ['c', 'cpp', 'kconfig'],
    messages: {
      security0: "'{{name}}' provisions the device in plain text: the Wi-Fi SSID and password are sent unencrypted and unauthenticated.",
      sec0Support: 'CONFIG_ESP_PROTOCOMM_SUPPORT_SECURITY_VERSION_0=y builds in plaintext provisioning ("should not be used in production").',
      fixedPop: 'The provisioning proof-of-possession is a fixed literal{{example}}: every device shares it, so anyone who knows it can provision or hijack a device.',
      openWifi: "{{name}} is '{{value}}': the Wi-Fi link has no (or broken) encryption.",
    },
    docs: {
      what: 'ESP-IDF unified provisioning with WIFI_PROV_SECURITY_0 / NETWORK_PROV_SECURITY_0 or protocomm security 0, a hard-coded PoP such as the examples\' "abcd1234", or AWS FreeRTOS clientcredentialWIFI_SECURITY set to eWiFiSecurityOpen/WEP.',
      why: 'Provisioning hands the device its Wi-Fi credentials; without encryption and a per-device secret anyone in radio range can read them or take over the device.',
      fix: 'Use security 2 (SRP6a) or security 1 with a per-device PoP generated at manufacturing (read from eFuse/NVS factory data); use WPA2/WPA3.',
      references: ['IDF-CR-03', 'IDF-CR-04', 'AWS-05', 'espressif/esp-idf components/protocomm/Kconfig', 'aws/amazon-freertos demos/include/aws_clientcredential.h'],
    },
  },
  keywords: ['prov', 'protocomm', 'security_version_0', 'clientcredentialwifi_security'],
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
    const provFile = /prov/i.test(ctx.text);
    const pops = new Set<number>();
    const reportPop = (value: string, range: Range): void => {
      if (!value || pops.has(range[0])) return;
      pops.add(range[0]);
      ctx.report({ messageId: 'fixedPop', data: { example: value === IDF_EXAMPLE_POP ? ' (the ESP-IDF example value "abcd1234")' : '' }, range });
    };
    for (const a of ctx.facts.assignments) {
      if (a.name === AWS_WIFI_SECURITY && OPEN_WIFI.test(a.value.text)) {
        ctx.report({ messageId: 'openWifi', data: { name: a.name, value: a.value.text }, range: a.value.range, suggestions: [{ title: 'Use eWiFiSecurityWPA2', edits: [{ range: a.value.range, text: 'eWiFiSecurityWPA2' }] }] });
      } else if (provFile && a.value.kind === 'string' && POP_NAME.test(a.name)) {
        reportPop(String(a.value.value), a.value.range);
      }
    }
    for (const c of ctx.facts.calls) {
      const pop = START_PROVISIONING.test(c.name) ? c.args[1]?.value : undefined;
      if (pop?.kind === 'string') reportPop(String(pop.value), pop.range);
    }
  },
});

/** A suggestion, not a fix: removing sec0 support breaks a phone app that still uses it. Deletes the line incl. newline. */
function removeLine(ctx: RuleContext, r: Range): Fix {
  const start = ctx.text.lastIndexOf('\n', r[0] - 1) + 1;
  const nl = ctx.text.indexOf('\n', r[1]);
  return { title: `Remove ${PROTOCOMM_SEC0}`, edits: [{ range: [start, nl < 0 ? ctx.text.length : nl + 1], text: '' }] };
}
