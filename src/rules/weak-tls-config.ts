import type { Range, ValueFact } from '../core/facts';
import type { Fix, Severity } from '../core/finding';
import { isTruthy } from '../core/fact-helpers';
import type { RuleContext } from '../core/rule';
import { defineRule } from '../core/rule';
import {
  KCONFIG_LEGACY_TLS, KCONFIG_WEAK_CIPHERS, LEGACY_TLS_VERSION, MBEDTLS_LEGACY_MINOR, MBEDTLS_LEGACY_VERSIONS, modernVersion,
  NODE_LEGACY_METHODS, OPENSSL_LEGACY_VERSIONS, PYTHON_LEGACY_PROTOCOLS, PYTHON_LEGACY_TLSVERSIONS, TLS_MAX_KEYS, TLS_MIN_KEYS, weakCipherIn,
} from './data/device-crypto';
import { offLine } from './data/device-kconfig';

const CIPHER_NAMES = new Set(['ciphers', 'cipher_list', 'ciphersuites', 'tls_ciphers', 'ssl_ciphers']);
const CIPHER_CALLS = new Set(['set_ciphers', 'SSL_CTX_set_cipher_list', 'SSL_set_cipher_list', 'SSL_CTX_set_ciphersuites']);
const MBEDTLS_VERSION_CALLS = new Set(['mbedtls_ssl_conf_min_version', 'mbedtls_ssl_conf_max_version', 'mbedtls_ssl_conf_min_tls_version', 'mbedtls_ssl_conf_max_tls_version']);
const OPENSSL_VERSION_CALLS = new Set(['SSL_CTX_set_min_proto_version', 'SSL_set_min_proto_version', 'SSL_CTX_set_max_proto_version', 'SSL_set_max_proto_version']);
const FINGERPRINT_CALLS = new Set(['setFingerprint', 'addServerFingerprint']);
const LAST_SEGMENT = /(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*$/;
const BARE_VERSION = /^1[._][01]$/;
const TLS_WORD = /tls|ssl/i;
const MODERN: Record<string, string> = {
  MBEDTLS_SSL_MINOR_VERSION_0: 'MBEDTLS_SSL_MINOR_VERSION_3', MBEDTLS_SSL_MINOR_VERSION_1: 'MBEDTLS_SSL_MINOR_VERSION_3', MBEDTLS_SSL_MINOR_VERSION_2: 'MBEDTLS_SSL_MINOR_VERSION_3',
  MBEDTLS_SSL_VERSION_TLS1_0: 'MBEDTLS_SSL_VERSION_TLS1_2', MBEDTLS_SSL_VERSION_TLS1_1: 'MBEDTLS_SSL_VERSION_TLS1_2',
  SSL3_VERSION: 'TLS1_2_VERSION', TLS1_VERSION: 'TLS1_2_VERSION', TLS1_1_VERSION: 'TLS1_2_VERSION',
  PROTOCOL_TLSv1: 'PROTOCOL_TLS_CLIENT', PROTOCOL_TLSv1_1: 'PROTOCOL_TLS_CLIENT', PROTOCOL_SSLv2: 'PROTOCOL_TLS_CLIENT', PROTOCOL_SSLv3: 'PROTOCOL_TLS_CLIENT',
  TLSv1: 'TLSv1_2', TLSv1_1: 'TLSv1_2', SSLv3: 'TLSv1_2',
};

/** A suggestion replacing `range` with `text` (the user decides: a peer may only speak the old version). */
function replaceWith(range: Range, text: string): Fix[] {
  return [{ title: `Use ${text}`, edits: [{ range, text }] }];
}

/** Last identifier segment of a value (`ssl.TLSVersion.TLSv1` → `TLSv1`) with its range. */
function lastSegment(v: ValueFact): { name: string; range: Range } | undefined {
  if (v.kind !== 'identifier') return undefined;
  const m = LAST_SEGMENT.exec(v.text);
  return m ? { name: m[0], range: [v.range[1] - m[0].length, v.range[1]] } : undefined;
}

function reportVersion(ctx: RuleContext, setting: string, value: ValueFact, cap: boolean): boolean {
  const text = typeof value.value === 'string' ? value.value : value.kind === 'number' ? value.text : undefined;
  // A bare `1.0` / `1.1` is only a TLS version under a key that says so (`min_version: 1.0` may be an app version).
  if (text !== undefined && LEGACY_TLS_VERSION.test(text) && (!BARE_VERSION.test(text) || TLS_WORD.test(setting))) {
    ctx.report({ messageId: 'legacyVersion', data: { setting, version: text }, range: value.range, suggestions: replaceWith(value.innerRange ?? value.range, modernVersion(text, cap)) });
    return true;
  }
  const seg = lastSegment(value);
  if (seg && PYTHON_LEGACY_TLSVERSIONS.has(seg.name) && value.text.includes('TLSVersion')) {
    ctx.report({ messageId: 'legacyVersion', data: { setting, version: seg.name }, range: value.range, suggestions: replaceWith(seg.range, cap ? 'TLSv1_3' : MODERN[seg.name]) });
    return true;
  }
  return false;
}

function reportCiphers(ctx: RuleContext, value: ValueFact): void {
  const list = typeof value.value === 'string' ? value.value : undefined;
  const cipher = list === undefined ? undefined : weakCipherIn(list);
  if (cipher) ctx.report({ messageId: 'weakCipher', data: { cipher }, range: value.range });
}

/** Flags TLS configured below 1.2, broken cipher suites, and SHA-1 fingerprint pinning. */
export const weakTlsConfig = defineRule({
  meta: {
    id: 'weak-tls-config',
    title: 'Legacy TLS version or weak cipher',
    description: 'TLS is configured to allow TLS 1.0/1.1 or SSL, to offer NULL, anonymous, export, RC4 or DES cipher suites, or to trust a server by its SHA-1 fingerprint.',
    category: 'weak-crypto',
    severity: 'warning',
    cwe: ['CWE-327', 'CWE-757', 'CWE-326'],
    practice: 6,
    attack: { ics: ['T0830', 'T0842'], enterprise: ['T1557', 'T1562.010', 'T1040'] },
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript', 'kconfig', 'yaml', 'json', 'ini'],
    messages: {
      legacyVersion: '{{setting}} allows {{version}}: TLS 1.0/1.1 and SSL are deprecated (RFC 8996) and open to downgrade attacks; require TLS 1.2 or later.',
      legacyBuilt: '{{option}}=y builds TLS 1.0/1.1 support into mbedTLS, so connections can be negotiated down to a deprecated protocol (RFC 8996).',
      weakCipher: 'Cipher list enables "{{cipher}}" (NULL, anonymous, export, RC4, DES or MD5 suites): traffic can be read or forged. Remove it.',
      weakCipherBuilt: '{{option}}=y puts RC4 suites into the default cipher list; RC4 is broken (RFC 7465).',
      sha1Pin: '{{call}}() trusts the server by its SHA-1 fingerprint: no chain or hostname validation, and it breaks on every certificate renewal. Prefer setTrustAnchors() with the CA certificate.',
    },
    docs: {
      what: 'TLS minimum (or maximum) versions below 1.2 in Python `ssl`, Node `tls` options, mbedTLS / OpenSSL calls, YAML / JSON / INI configs and ESP-IDF Kconfig; cipher strings enabling NULL, aNULL, EXPORT, RC4, DES/3DES or MD5 suites; BearSSL `setFingerprint()` SHA-1 pinning on ESP8266.',
      why: 'TLS 1.0/1.1 and these suites have practical attacks (BEAST, POODLE-style downgrade, RC4 biases, Sweet32); an on-path attacker who can force them reads or alters device traffic (CWE-327, CWE-757). A SHA-1 fingerprint pin skips chain and hostname checks and fails closed at every renewal, which tempts people into `setInsecure()`.',
      fix: 'Require TLS 1.2+ (`minVersion: \'TLSv1.2\'`, `ssl.TLSVersion.TLSv1_2`, `MBEDTLS_SSL_MINOR_VERSION_3`, `TLS1_2_VERSION`), leave cipher selection to the library defaults or an AEAD-only list, and validate the server against its CA (`setTrustAnchors`, `setCACert`).',
      references: ['F10', 'ARD-09', 'IDF-MBED', 'Mbed-TLS/mbedtls include/mbedtls/ssl.h', 'espressif/esp-idf components/mbedtls/Kconfig', 'RFC 8996', 'RFC 7465'],
    },
  },
  // What check() reads, not the bare words `tls`/`ssl` (in every network file, and inside `nvsSleep`):
  keywords: [
    // a TLS_MIN_KEYS / TLS_MAX_KEYS setting followed closely by a version below 1.2 (LEGACY_TLS_VERSION, TLSVersion.TLSv1)
    /(?:(?:default_)?min(?:imum)?_?(?:tls_|protocol_)?version|(?:default_)?max(?:imum)?_?(?:tls_)?version|tls_?(?:min_)?version|ssl_version)\b[\s\S]{0,80}?(?:(?:tls|ssl)v?1(?:[._][01])?|sslv?[23]|(?<![\w.])1[._][01])(?![\w.]?\d)/i,
    'ciphers', 'cipher_list',
    /\b(?:setFingerprint|addServerFingerprint)\s*\(/,
    /\b(?:TLSv1(?:_1)?|SSLv[23])(?:_client|_server)?_method\b/,
    /\bPROTOCOL_(?:TLSv1(?:_1)?|SSLv[23])\b/,
    /\bMBEDTLS_SSL_(?:MINOR_VERSION_[012]|VERSION_TLS1_[01])\b|\b(?:SSL3|TLS1|TLS1_1)_VERSION\b/,
    /\bCONFIG_MBEDTLS_(?:SSL_PROTO_(?:TLS1(?:_1)?|SSL3)|TLS_VERSION_1_[01]|RC4_ENABLED)\b/,
  ],
  check(ctx) {
    if (ctx.languageId === 'kconfig') return checkKconfig(ctx);
    for (const kv of ctx.facts.keyValues) {
      const key = kv.key.toLowerCase();
      if (TLS_MIN_KEYS.has(key) || TLS_MAX_KEYS.has(key)) reportVersion(ctx, kv.key, kv.value, TLS_MAX_KEYS.has(key));
      else if (CIPHER_NAMES.has(key)) reportCiphers(ctx, kv.value);
      else if (key === 'secureprotocol' && typeof kv.value.value === 'string' && NODE_LEGACY_METHODS.test(kv.value.value)) {
        ctx.report({ messageId: 'legacyVersion', data: { setting: kv.key, version: kv.value.value }, range: kv.value.range, suggestions: replaceWith(kv.value.innerRange ?? kv.value.range, 'TLS_method') });
      }
    }
    const reported = new Set<number>();
    for (const a of ctx.facts.assignments) {
      const name = a.name.toLowerCase();
      if (TLS_MIN_KEYS.has(name) || TLS_MAX_KEYS.has(name)) {
        if (reportVersion(ctx, a.target, a.value, TLS_MAX_KEYS.has(name))) reported.add(a.value.range[0]);
      } else if (CIPHER_NAMES.has(name)) reportCiphers(ctx, a.value);
      else if (name === 'secureprotocol' && typeof a.value.value === 'string' && NODE_LEGACY_METHODS.test(a.value.value)) {
        ctx.report({ messageId: 'legacyVersion', data: { setting: a.name, version: a.value.value }, range: a.value.range, suggestions: replaceWith(a.value.innerRange ?? a.value.range, 'TLS_method') });
      }
    }
    for (const call of ctx.facts.calls) checkCall(ctx, call, reported);
  },
});

function checkCall(ctx: RuleContext, call: RuleContext['facts']['calls'][number], reported: Set<number>): void {
  if (FINGERPRINT_CALLS.has(call.name) && call.receiver && (ctx.languageId === 'c' || ctx.languageId === 'cpp')) {
    ctx.report({ messageId: 'sha1Pin', data: { call: call.callee }, range: call.range, severity: 'info' });
    return;
  }
  if (NODE_LEGACY_METHODS.test(call.name) && (ctx.languageId === 'c' || ctx.languageId === 'cpp')) {
    const modern = call.name.includes('client') ? 'TLS_client_method' : call.name.includes('server') ? 'TLS_server_method' : 'TLS_method';
    ctx.report({ messageId: 'legacyVersion', data: { setting: 'SSL_CTX_new', version: call.name }, range: call.range, suggestions: replaceWith(call.calleeRange, modern) });
    return;
  }
  const versionCall = MBEDTLS_VERSION_CALLS.has(call.name) || OPENSSL_VERSION_CALLS.has(call.name);
  for (const arg of call.args) {
    if (arg.name && CIPHER_NAMES.has(arg.name)) reportCiphers(ctx, arg.value);
    else if (arg.name && (TLS_MIN_KEYS.has(arg.name.toLowerCase()) || TLS_MAX_KEYS.has(arg.name.toLowerCase()))) {
      if (reportVersion(ctx, arg.name, arg.value, TLS_MAX_KEYS.has(arg.name.toLowerCase()))) reported.add(arg.value.range[0]);
    }
    const seg = lastSegment(arg.value);
    if (!seg || reported.has(arg.value.range[0])) continue;
    const legacy = PYTHON_LEGACY_PROTOCOLS.has(seg.name)
      || (versionCall && (MBEDTLS_LEGACY_MINOR.has(seg.name) || MBEDTLS_LEGACY_VERSIONS.has(seg.name) || OPENSSL_LEGACY_VERSIONS.has(seg.name)));
    if (!legacy) continue;
    reported.add(arg.value.range[0]);
    ctx.report({ messageId: 'legacyVersion', data: { setting: arg.name ? `${call.callee}(${arg.name}=…)` : `${call.callee}()`, version: seg.name }, range: arg.value.range, suggestions: replaceWith(seg.range, MODERN[seg.name]) });
  }
  if (CIPHER_CALLS.has(call.name)) {
    const list = call.args.find((a) => a.value.kind === 'string');
    if (list) reportCiphers(ctx, list.value);
  }
}

function checkKconfig(ctx: RuleContext): void {
  // IDF 4.x generated `sdkconfig` files carry TLS 1.0/1.1 = y by default: informational there.
  const generated = ctx.filePath.slice(ctx.filePath.lastIndexOf('/') + 1) === 'sdkconfig';
  for (const kv of ctx.facts.keyValues) {
    const legacy = KCONFIG_LEGACY_TLS.has(kv.key);
    if ((!legacy && !KCONFIG_WEAK_CIPHERS.has(kv.key)) || !isTruthy(kv.value)) continue;
    const severity: Severity = generated ? 'info' : 'warning';
    ctx.report({
      messageId: legacy ? 'legacyBuilt' : 'weakCipherBuilt',
      data: { option: kv.key },
      range: kv.range,
      severity,
      suggestions: [{ title: `Disable ${kv.key}`, edits: [{ range: kv.range, text: offLine(ctx.filePath, kv.key) }] }],
    });
  }
}
