import type { KeyValueFact, Range } from '../core/facts';
import type { Fix } from '../core/finding';
import { entriesForKey, isFalsy, isTruthy } from '../core/fact-helpers';
import { defineRule } from '../core/rule';
import type { RuleContext } from '../core/rule';

const SKIP_VERIFY = 'CONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY';
const INSECURE_GATE = 'CONFIG_ESP_TLS_INSECURE';
const SKIP_CN = /^CONFIG_\w*SKIP_(?:CERT_)?(?:COMMON_NAME|CN)_CHECK$/;
const CMS_IGNORE = new Set(['CONFIG_CMS_IGNORE_EXPIRED_CERTIFICATE', 'CONFIG_CMS_IGNORE_CERTIFICATE_PURPOSE']);
// ESP-IDF CI variants legitimately skip checks against test servers (T-07).
const CI_CONFIG = /(^|\/)sdkconfig\.ci(\.|$)/;

/** Flags build-time (Kconfig/INI) switches that weaken TLS or signature certificate checks for the whole firmware. */
export const kconfigTlsInsecure = defineRule({
  meta: {
    id: 'kconfig-tls-insecure',
    title: 'TLS verification disabled in build configuration',
    description: 'Reports Kconfig and updater settings that skip server certificate, host-name, expiry or purpose checks for the whole firmware.',
    category: 'tls-verification-disabled',
    severity: 'error',
    cwe: ['CWE-295', 'CWE-297'],
    practice: 6,
    attack: { ics: ['T0830'], enterprise: ['T1557'] },
    languages: ['kconfig', 'ini'],
    messages: {
      skipServerVerify: 'CONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY=y makes every esp-tls client without a CA accept any server certificate.',
      skipCommonName: '{{key}}=y skips the certificate host-name check: a certificate issued for any other host is accepted.',
      cmsIgnore: '{{key}}=y makes SWUpdate accept signing certificates it should reject (expired or wrong purpose).',
      signingTime: 'use-bundle-signing-time=true validates RAUC signatures at the bundle\'s own signing time, so certificate expiry no longer limits a compromised key.',
    },
    docs: {
      what: 'A build or updater configuration turns off a certificate check globally: ESP-IDF CONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY, *_SKIP_COMMON_NAME_CHECK, SWUpdate CONFIG_CMS_IGNORE_*, RAUC [keyring] use-bundle-signing-time.',
      why: 'One line silently removes authentication from every TLS connection (or update signature) the firmware makes, which enables adversary-in-the-middle attacks on telemetry, commands and OTA.',
      fix: 'Delete the line and provide the CA instead (esp_crt_bundle_attach, cert_pem, a proper signing certificate).',
      references: ['IDF-TLS-01', 'SWU-02', 'RAU-03', 'espressif/esp-idf components/esp-tls/Kconfig', 'sbabic/swupdate crypto/Kconfig', 'rauc/rauc docs/reference.rst'],
    },
  },
  keywords: ['skip_server_cert_verify', 'common_name_check', 'cn_check', 'cms_ignore', 'use-bundle-signing-time'],
  check(ctx) {
    const ci = CI_CONFIG.test(ctx.filePath);
    const severityFor = (base: 'error' | 'warning'): 'error' | 'warning' | 'info' => (ci ? 'info' : base);
    if (ctx.languageId === 'ini') {
      for (const kv of ctx.facts.keyValues) {
        if (kv.path[0] === 'keyring' && kv.key === 'use-bundle-signing-time' && isTruthy(kv.value)) {
          ctx.report({ messageId: 'signingTime', range: kv.range, severity: 'warning', suggestions: [removeLines(ctx, [kv.range], 'Remove use-bundle-signing-time')] });
        }
      }
      return;
    }
    const gate = entriesForKey(ctx.facts, INSECURE_GATE).pop();
    for (const kv of ctx.facts.keyValues) {
      if (!isTruthy(kv.value)) continue;
      if (kv.key === SKIP_VERIFY) {
        if (gate && isFalsy(gate.value)) continue; // inert: depends on CONFIG_ESP_TLS_INSECURE (T-08)
        const lines = gate && isTruthy(gate.value) ? [kv.range, gate.range] : [kv.range];
        ctx.report({
          messageId: 'skipServerVerify', range: kv.range, severity: severityFor('error'),
          related: gate && isTruthy(gate.value) ? [{ range: gate.range, message: 'CONFIG_ESP_TLS_INSECURE=y unlocks the insecure option here.' }] : undefined,
          suggestions: [removeLines(ctx, lines, lines.length > 1 ? 'Remove both insecure esp-tls lines' : `Remove ${SKIP_VERIFY}`)],
        });
      } else if (SKIP_CN.test(kv.key)) {
        report(ctx, kv, 'skipCommonName', severityFor('warning'));
      } else if (CMS_IGNORE.has(kv.key)) {
        report(ctx, kv, 'cmsIgnore', severityFor('warning'));
      }
    }
  },
});

function report(ctx: RuleContext, kv: KeyValueFact, messageId: string, severity: 'error' | 'warning' | 'info'): void {
  ctx.report({ messageId, data: { key: kv.key }, range: kv.range, severity, suggestions: [removeLines(ctx, [kv.range], `Remove ${kv.key}`)] });
}

/** A suggestion, not a fix: the project may rely on the option until a CA is configured. Deletes whole lines incl. newline. */
function removeLines(ctx: RuleContext, ranges: readonly Range[], title: string): Fix {
  const edits = ranges.map((r) => {
    const start = ctx.text.lastIndexOf('\n', r[0] - 1) + 1;
    const nl = ctx.text.indexOf('\n', r[1]);
    return { range: [start, nl < 0 ? ctx.text.length : nl + 1] as Range, text: '' };
  });
  return { title, edits };
}
