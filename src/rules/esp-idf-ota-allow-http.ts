import type { Fix } from '../core/finding';
import { isTruthy } from '../core/fact-helpers';
import { defineRule } from '../core/rule';
import { isCiSdkconfig, wholeLineRange } from './data/update-edits';
import { IDF_SIGNED_APP_KEYS, UNSIGNED_UPDATE_ATTACK } from './data/update-triggers';

/** The option and its pre-v5 name from `components/esp_https_ota/sdkconfig.rename`. */
const ALLOW_HTTP_KEYS: readonly string[] = ['CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP', 'CONFIG_OTA_ALLOW_HTTP'];

/** Flags `CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y`: esp_https_ota then accepts firmware over plain HTTP. */
export const espIdfOtaAllowHttp = defineRule({
  meta: {
    id: 'esp-idf-ota-allow-http',
    title: 'ESP-IDF OTA allowed over plain HTTP',
    description: 'Flags ESP-IDF configs that let esp_https_ota download firmware over plain HTTP (CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP=y).',
    category: 'unsigned-update',
    severity: 'error',
    cwe: ['CWE-494', 'CWE-319'],
    practice: 4,
    attack: UNSIGNED_UPDATE_ATTACK,
    languages: ['kconfig'],
    messages: {
      allowHttp: '{{key}}=y lets esp_https_ota accept firmware over plain HTTP: anyone on the network path can serve a forged image (ESP-IDF help: "ONLY FOR TESTING PURPOSE").',
      allowHttpSigned: '{{key}}=y lets esp_https_ota download firmware over plain HTTP: app signatures still reject forged images, but the image and any request tokens travel in the clear.',
    },
    docs: {
      what: 'An sdkconfig / sdkconfig.defaults that enables CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP (legacy CONFIG_OTA_ALLOW_HTTP).',
      why: 'The option makes esp_https_ota continue "with insecure option" over http://; unless app signatures are verified, an on-path attacker can install arbitrary firmware.',
      fix: 'Remove the line and serve the image over HTTPS with a verified server certificate (crt_bundle_attach or cert_pem); also enable signed app images.',
      references: ['IDF-OTA-01', 'IDF-REN', 'espressif/esp-idf components/esp_https_ota/Kconfig', 'espressif/esp-idf components/esp_https_ota/sdkconfig.rename'],
    },
  },
  keywords: ['ota_allow_http'],
  check(ctx) {
    const ci = isCiSdkconfig(ctx.filePath);
    // HTTP + verified signatures is a confidentiality problem, not an integrity one (T-06).
    const signed = ctx.facts.keyValues.some((kv) => IDF_SIGNED_APP_KEYS.includes(kv.key) && isTruthy(kv.value));
    for (const kv of ctx.facts.keyValues) {
      if (!ALLOW_HTTP_KEYS.includes(kv.key) || !isTruthy(kv.value)) continue;
      ctx.report({
        messageId: signed ? 'allowHttpSigned' : 'allowHttp',
        data: { key: kv.key },
        range: kv.range,
        // CI variants of ESP-IDF examples test against a local plain-HTTP server (T-07).
        severity: ci ? 'info' : signed ? 'warning' : undefined,
        // A safe fix outside CI configs: ESP-IDF documents the option as "ONLY FOR TESTING PURPOSE" and
        // removing it restores the default (HTTPS only), so fix-all may apply it. CI variants that
        // test against a local HTTP server only get a suggestion.
        ...(ci
          ? { suggestions: [removal(ctx.text, kv.key, kv.range[0])] }
          : { fix: removal(ctx.text, kv.key, kv.range[0]) }),
      });
    }
  },
});

function removal(text: string, key: string, at: number): Fix {
  return { title: `Remove ${key}=y (serve the firmware over HTTPS)`, edits: [{ range: wholeLineRange(text, at), text: '' }] };
}
