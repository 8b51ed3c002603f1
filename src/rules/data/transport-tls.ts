/**
 * Option names that switch TLS peer verification off, by normalized name (lower-case, `_`/`-`
 * removed), across Python, Node, ESP-IDF structs and device manifests.
 */

/** How an option disables verification. */
export interface VerifyOption {
  /** The boolean value that is insecure (`rejectUnauthorized: false`, `SkipVerify: true`). */
  insecureWhen: boolean;
  /** Only the host-name check is off (CWE-297) rather than the whole chain (CWE-295). */
  hostnameOnly?: boolean;
}

/** Verification options by normalized name. `verify` (requests) is handled as a keyword argument only. */
export const VERIFY_OPTIONS: ReadonlyMap<string, VerifyOption> = new Map<string, VerifyOption>([
  ['rejectunauthorized', { insecureWhen: false }],    // Node tls/https, MQTT.js, Zigbee2MQTT `reject_unauthorized`
  ['strictssl', { insecureWhen: false }],             // request, npm
  ['verifyssl', { insecureWhen: false }],             // ESPHome/Home Assistant `verify_ssl`, aiohttp
  ['sslverify', { insecureWhen: false }],             // rauc-hawkbit-updater `ssl_verify`
  ['tlsverify', { insecureWhen: false }],
  ['verifytls', { insecureWhen: false }],
  ['checkhostname', { insecureWhen: false, hostnameOnly: true }], // Python ssl.SSLContext
  ['skipverify', { insecureWhen: true }],             // Mender `SkipVerify`
  ['insecureskipverify', { insecureWhen: true }],
  ['tlsinsecure', { insecureWhen: true }],
  ['nocheckcert', { insecureWhen: true }],            // SWUpdate suricatta
  ['skipcertcncheck', { insecureWhen: true, hostnameOnly: true }],            // ESPHome mqtt
  ['skipcertcommonnamecheck', { insecureWhen: true, hostnameOnly: true }],    // esp_http_client / esp-mqtt
  ['skipcommonname', { insecureWhen: true, hostnameOnly: true }],             // esp_tls_cfg_t
]);

/** Normalizes an option name for `VERIFY_OPTIONS`. */
export function normalizeOption(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** Python/OpenSSL verify-mode constants that do not require a valid peer certificate. */
export const UNVERIFIED_CERT_MODES = /(?:^|\.)CERT_(?:NONE|OPTIONAL)$/;

/** `NODE_TLS_REJECT_UNAUTHORIZED=0` inside a command line / script string. */
export const NODE_TLS_IN_TEXT = /\bNODE_TLS_REJECT_UNAUTHORIZED=["']?0(?![\w.])["']?\s?/;
