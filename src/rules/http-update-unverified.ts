import type { Facts, ValueFact } from '../core/facts';
import { stringValue } from '../core/fact-helpers';
import { defineRule, type RuleContext } from '../core/rule';
import { isLocalOrTrustedHost, parseUrl } from '../core/text';
import { UNSIGNED_UPDATE_ATTACK } from './data/update-triggers';

/** `httpUpdate` (arduino-esp32 HTTPUpdate), `ESPhttpUpdate` (ESP8266httpUpdate) and instances named alike. */
const UPDATER_RECEIVER = /(?:^|[.:>])(?:esp)?httpupdate$/i;
const SIGNATURE_CALLS: readonly string[] = ['installSignature'];
const MD5_CALLS: readonly string[] = ['setMD5sum', 'setMD5'];
// Tasmota build configuration (user_config_override.h / my_user_config.h): Tasmota never verifies an image signature.
const TASMOTA_FILE = /(?:^|\/)(?:user_config_override|my_user_config)\.h$/;
const TASMOTA_TEXT = /tasmota|_USER_CONFIG_OVERRIDE_H_/i;

/** Flags Arduino HTTP(S) firmware downloads that install images without an image signature check. */
export const httpUpdateUnverified = defineRule({
  meta: {
    id: 'http-update-unverified',
    title: 'Arduino HTTP OTA without image signature',
    description: 'Flags httpUpdate / ESPhttpUpdate firmware downloads in files that never install an image signature verifier (Update.installSignature).',
    category: 'unsigned-update',
    severity: 'warning',
    cwe: ['CWE-494', 'CWE-347', 'CWE-319'],
    practice: 4,
    attack: UNSIGNED_UPDATE_ATTACK,
    languages: ['cpp', 'c'],
    messages: {
      plainUnsigned: '{{callee}}() downloads firmware over plain HTTP and no image signature is checked (no Update.installSignature): any on-path attacker can install their own firmware.',
      unsigned: '{{callee}}() installs firmware without an image signature check (no Update.installSignature): TLS alone does not survive a compromised or impersonated update server.',
      md5Only: '{{callee}}() gives an MD5 checksum as the only image check: MD5 detects corruption, not tampering — sign the image instead.',
      tasmotaOta: 'Tasmota installs OTA images from OTA_URL ({{scheme}}://{{host}}) without any signature check{{plain}}: whoever controls the server{{path}} can install their own firmware.',
    },
    docs: {
      what: 'httpUpdate.update(...) / ESPhttpUpdate.update(...) in a file without Update.installSignature(...); MD5 checksums as the only image check; a Tasmota build configuration setting OTA_URL (Tasmota images are unsigned).',
      why: 'Without a signature the device installs whatever the URL serves; over http:// anyone on the path can substitute the image (X-07), over https:// whoever controls or impersonates the server can (X-06). ESP8266 auto-signing (public.key beside the sketch) is not visible to this check.',
      fix: 'Sign images and verify them on the device: ESP8266 BearSSL::SigningVerifier + Update.installSignature(), or a public.key in the sketch folder; ESP32 (newer cores) #define UPDATE_SIGN with UpdaterRSAVerifier/UpdaterECDSAVerifier. Serve them over HTTPS with a CA-validated client.',
      references: ['ARD-03', 'ARD-04', 'ARD-05', 'ARD-06', 'X-06', 'X-07', 'T-06', 'esp8266/Arduino libraries/ESP8266httpUpdate/src/ESP8266httpUpdate.h', 'espressif/arduino-esp32 libraries/HTTPUpdate/src/HTTPUpdate.h', 'espressif/arduino-esp32 libraries/Update/src/Updater_Signing.h'],
    },
  },
  keywords: ['httpupdate', 'setmd5', 'ota_url'],
  check(ctx) {
    const facts = ctx.facts;
    checkTasmota(ctx);
    // HTTP + signature is acceptable for integrity (T-06); the plaintext rule reports the transport.
    if (facts.calls.some((c) => SIGNATURE_CALLS.includes(c.name))) return;
    for (const call of facts.calls) {
      if (MD5_CALLS.includes(call.name) && call.receiver) {
        ctx.report({ messageId: 'md5Only', data: { callee: call.callee }, range: call.range, severity: 'info' });
        continue;
      }
      if (call.name !== 'update' || !call.receiver || !UPDATER_RECEIVER.test(call.receiver)) continue;
      const source = updateSource(facts, call.args.map((a) => a.value));
      const local = source.host !== undefined && isLocalOrTrustedHost(source.host, ctx.settings.trustedHosts);
      ctx.report({
        messageId: source.plain ? 'plainUnsigned' : 'unsigned',
        data: { callee: call.callee },
        range: call.range,
        severity: local ? 'info' : source.plain ? 'error' : undefined,
      });
    }
  },
});

/** Where an update() call downloads from: `(client, url[, ver])`, `(client, host, port, uri[, ver])` or the legacy client-less forms. */
function updateSource(facts: Facts, args: readonly ValueFact[]): { plain: boolean; host?: string } {
  const texts = args.map((a) => resolveString(facts, a));
  for (const t of texts) {
    const url = t === undefined ? undefined : parseUrl(t);
    if (url) return { plain: url.scheme === 'http', host: url.host };
  }
  // Host + port form: the port says whether the client speaks TLS (80 plain, 443 TLS).
  const portIndex = args.findIndex((a) => a.kind === 'number');
  if (portIndex > 0) {
    const host = texts[portIndex - 1];
    return { plain: args[portIndex].value === 80, host: host?.toLowerCase() };
  }
  return { plain: false };
}

/** A literal string argument, or the string a same-file constant / #define holds. */
function resolveString(facts: Facts, v: ValueFact): string | undefined {
  const s = stringValue(v);
  if (s !== undefined || v.kind !== 'identifier') return s;
  const def = facts.assignments.find((a) => a.name === v.text && (a.kind === 'define' || a.kind === 'variable'));
  return def ? stringValue(def.value) : undefined;
}

/** Tasmota `#define OTA_URL "…"`: the firmware it points at is installed without a signature check. */
function checkTasmota(ctx: RuleContext): void {
  if (!TASMOTA_FILE.test(ctx.filePath) && !TASMOTA_TEXT.test(ctx.text)) return;
  for (const a of ctx.facts.assignments) {
    const url = a.kind === 'define' && a.name === 'OTA_URL' ? parseUrl(stringValue(a.value) ?? '') : undefined;
    if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) continue;
    const plain = url.scheme === 'http';
    const local = isLocalOrTrustedHost(url.host, ctx.settings.trustedHosts);
    ctx.report({
      messageId: 'tasmotaOta',
      data: { scheme: url.scheme, host: url.host, plain: plain ? ' and over plain HTTP' : '', path: plain ? ' or anyone on the network path' : '' },
      range: a.value.range,
      severity: local ? 'info' : plain ? 'error' : undefined,
    });
  }
}
