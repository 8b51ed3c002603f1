/**
 * Weak cryptography tables: certificate signature algorithms (DER OIDs), minimum key sizes and
 * expiry horizon (reference F10), and legacy TLS versions / cipher names (F10, ARD-09, IDF MBED).
 */

/** Signature-algorithm OIDs (hex of the DER content octets) that are broken for certificate signatures. */
export const WEAK_SIGNATURE_OIDS: ReadonlyMap<string, string> = new Map([
  ['2a864886f70d010102', 'MD2 with RSA'],
  ['2a864886f70d010104', 'MD5 with RSA'],
  ['2a864886f70d010105', 'SHA-1 with RSA'],
  ['2a8648ce3d0401', 'ECDSA with SHA-1'],
  ['2a8648ce380403', 'DSA with SHA-1'],
  ['2b0e03021d', 'SHA-1 with RSA (OIW)'],
]);

/** RSA / DSA moduli below this are too weak (NIST SP 800-57: 112-bit security needs 2048). */
export const MIN_RSA_BITS = 2048;

/** Certificates expiring within this many days are reported as warnings. */
export const EXPIRY_WARNING_DAYS = 30;

/** Protocol-version spellings below TLS 1.2 in configs and Node options (`TLSv1`, `tlsv1.1`, `TLS1_1`, `SSLv3`, `1.0`). */
export const LEGACY_TLS_VERSION = /^(?:(?:tls|ssl)v?1(?:[._][01])?|1[._][01]|sslv?[23])$/i;
/** Python `ssl` constants that pin TLS 1.0 / 1.1 or SSL. */
export const PYTHON_LEGACY_PROTOCOLS: ReadonlySet<string> = new Set([
  'PROTOCOL_TLSv1', 'PROTOCOL_TLSv1_1', 'PROTOCOL_SSLv2', 'PROTOCOL_SSLv3',
]);
/** Python `ssl.TLSVersion` members below 1.2. */
export const PYTHON_LEGACY_TLSVERSIONS: ReadonlySet<string> = new Set(['TLSv1', 'TLSv1_1', 'SSLv3']);
/** Node `secureProtocol` method names pinning TLS 1.0 / 1.1 or SSL. */
export const NODE_LEGACY_METHODS = /^(?:TLSv1|TLSv1_1|SSLv3|SSLv2)(?:_client|_server)?_method$/;
/** mbedTLS minor versions below TLS 1.2 (`MBEDTLS_SSL_MINOR_VERSION_3` = TLS 1.2). */
export const MBEDTLS_LEGACY_MINOR: ReadonlySet<string> = new Set([
  'MBEDTLS_SSL_MINOR_VERSION_0', 'MBEDTLS_SSL_MINOR_VERSION_1', 'MBEDTLS_SSL_MINOR_VERSION_2',
]);
/** mbedTLS 3.x `mbedtls_ssl_protocol_version` values below TLS 1.2. */
export const MBEDTLS_LEGACY_VERSIONS: ReadonlySet<string> = new Set(['MBEDTLS_SSL_VERSION_TLS1_0', 'MBEDTLS_SSL_VERSION_TLS1_1']);
/** ESP-IDF / Zephyr Kconfig symbols that compile in TLS 1.0 / 1.1 / SSL 3. */
export const KCONFIG_LEGACY_TLS: ReadonlySet<string> = new Set([
  'CONFIG_MBEDTLS_SSL_PROTO_TLS1', 'CONFIG_MBEDTLS_SSL_PROTO_TLS1_1', 'CONFIG_MBEDTLS_SSL_PROTO_SSL3',
  'CONFIG_MBEDTLS_TLS_VERSION_1_0', 'CONFIG_MBEDTLS_TLS_VERSION_1_1',
]);
/** Kconfig symbols that put broken ciphers into the default suite list. */
export const KCONFIG_WEAK_CIPHERS: ReadonlySet<string> = new Set(['CONFIG_MBEDTLS_RC4_ENABLED']);
/** OpenSSL C API: protocol constants below TLS 1.2 for `SSL_CTX_set_min_proto_version`. */
export const OPENSSL_LEGACY_VERSIONS: ReadonlySet<string> = new Set(['SSL3_VERSION', 'TLS1_VERSION', 'TLS1_1_VERSION']);
/** Keys / properties naming a lowest TLS version (code properties and YAML / JSON / INI), compared lower-case. */
export const TLS_MIN_KEYS: ReadonlySet<string> = new Set([
  'minversion', 'min_version', 'minimum_version', 'default_min_version', 'tls_version', 'tlsversion', 'ssl_version',
  'min_tls_version', 'tls_min_version', 'minimum_tls_version', 'min_protocol_version',
]);
/** Keys capping the highest TLS version: a cap below 1.2 is as bad as a low minimum. */
export const TLS_MAX_KEYS: ReadonlySet<string> = new Set(['maxversion', 'max_version', 'maximum_version', 'default_max_version', 'max_tls_version']);
/** Config keys holding an OpenSSL cipher string, compared lower-case. */
export const CIPHER_KEYS: ReadonlySet<string> = new Set(['ciphers', 'cipher_list', 'ciphersuites', 'tls_ciphers', 'ssl_ciphers']);

/**
 * OpenSSL cipher-string tokens that enable broken or unauthenticated suites. A `!`/`-` prefix
 * removes them, so tokens are checked one by one.
 */
export const WEAK_CIPHER_TOKEN = /^(?:e?NULL|aNULL|ADH|AECDH|RC4|DES|3DES|EXPORT|EXP|MD5|RC2|LOW)$|(?:^|-)(?:NULL|RC4|DES|EXP|EXPORT|MD5|RC2|ADH|AECDH)(?:-|$)/;

const VERSION_TAIL = /1(?:[._][01])?$/;

/** The TLS 1.2 (minimum) or 1.3 (cap) spelling in the style of `legacy` (`TLSv1` → `TLSv1.2`, `tlsv1.1` → `tlsv1.2`, `TLS1_1` → `TLS1_2`). */
export function modernVersion(legacy: string, cap: boolean): string {
  const minor = cap ? '3' : '2';
  if (/^ssl/i.test(legacy)) return legacy[0] === 's' ? `tlsv1.${minor}` : `TLSv1.${minor}`;
  return legacy.replace(VERSION_TAIL, (m) => (m.includes('_') ? `1_${minor}` : `1.${minor}`));
}

/** The first token of an OpenSSL cipher string that enables a weak suite (`!`/`-` removals are skipped). */
export function weakCipherIn(list: string): string | undefined {
  for (const raw of list.split(/[:,; ]+/)) {
    if (!raw || raw.startsWith('!') || raw.startsWith('-')) continue;
    const token = raw.startsWith('+') ? raw.slice(1) : raw;
    if (token.length <= 64 && WEAK_CIPHER_TOKEN.test(token)) return token;
  }
  return undefined;
}

/** Hash algorithms broken for security uses (collisions; fast to brute-force as password hashes). */
export const WEAK_HASHES: ReadonlySet<string> = new Set(['md5', 'md4', 'md2', 'sha1', 'sha-1', 'ripemd']);
/** Node / OpenSSL cipher names with a broken or 64-bit-block cipher, or ECB mode. */
export const WEAK_CIPHER_NAME = /^(?:des|des3|rc4|rc2|bf|blowfish)(?:-|$)|-ecb$/i;
/** Python cipher modules / classes (pycryptodome, cryptography) for broken or 64-bit-block ciphers. */
export const PY_WEAK_CIPHERS: ReadonlySet<string> = new Set(['DES', 'DES3', 'ARC4', 'ARC2', 'Blowfish', 'TripleDES', 'CAST5']);
/** mbedTLS function prefixes of broken ciphers, and of hashes that are weak when they protect secrets. */
export const MBEDTLS_WEAK_CIPHER = /^mbedtls_(?:des3?|arc4|blowfish)_/;
export const MBEDTLS_WEAK_HASH = /^mbedtls_(?:md5|sha1|md4|md2)(?:_|$)/;
/** A source line that hashes a secret: only then is MD5 / SHA-1 a finding (checksums and cache keys are fine). */
export const SECRET_CONTEXT = /password|passwd|passphrase|pwd|secret|token|credential|\bpass\b|\bpw\b|\bpin\b/i;
