/**
 * Plaintext URL schemes, their TLS counterparts, and the URL shapes that are not endpoints
 * (XML namespaces, schema ids, project metadata). Read by the plaintext-protocol rules.
 */

/** What a plaintext scheme carries and what replaces it. */
export interface PlaintextScheme {
  /** Human name of the protocol, for messages. */
  protocol: string;
  /** Secure scheme to suggest. */
  secure: string;
  /** False when the secure replacement is a different tool, not a scheme rewrite (telnet → ssh). */
  rewritable: boolean;
  /** Well-known plaintext port and its TLS twin; an explicit plaintext port is rewritten too. */
  port?: readonly [plain: number, secure: number];
  /** Only a finding in an MQTT context (MQTT.js/paho `tcp://` = plaintext MQTT; generic `tcp://` is not). */
  mqttOnly?: boolean;
}

/** Plaintext schemes by lower-case name (MQTT.js, esp-mqtt, paho, IANA defaults). */
export const PLAINTEXT_SCHEMES: Readonly<Record<string, PlaintextScheme>> = {
  mqtt: { protocol: 'MQTT', secure: 'mqtts', rewritable: true, port: [1883, 8883] },
  tcp: { protocol: 'MQTT', secure: 'mqtts', rewritable: true, port: [1883, 8883], mqttOnly: true },
  ws: { protocol: 'WebSocket', secure: 'wss', rewritable: true },
  http: { protocol: 'HTTP', secure: 'https', rewritable: true, port: [80, 443] },
  coap: { protocol: 'CoAP', secure: 'coaps', rewritable: true, port: [5683, 5684] },
  ftp: { protocol: 'FTP', secure: 'ftps', rewritable: true },
  telnet: { protocol: 'Telnet', secure: 'ssh', rewritable: false },
  amqp: { protocol: 'AMQP', secure: 'amqps', rewritable: true, port: [5672, 5671] },
};

/**
 * Hosts (and their subdomains) whose URLs are identifiers, not endpoints: XML namespaces,
 * JSON-schema ids, RDF vocabularies, license texts.
 */
export const NON_ENDPOINT_HOSTS: readonly string[] = [
  'w3.org', 'json-schema.org', 'purl.org', 'xmlns.com', 'ns.adobe.com', 'opengis.net', 'openmobilealliance.org',
  'java.sun.com', 'xml.org', 'oasis-open.org', 'schema.org', 'ogp.me', 'apache.org', 'gnu.org', 'opensource.org',
  'creativecommons.org', 'iana.org', 'microsoft.com/schemas',
];

/** Host prefixes used only for namespaces (`schemas.xmlsoap.org`, `schemas.microsoft.com`, `ns.example`). */
export const NON_ENDPOINT_HOST_PREFIXES: readonly string[] = ['schemas.', 'schema.', 'xmlns.', 'ns.'];

/** Keys/names whose URL values are project metadata or namespaces, never device endpoints. */
export const METADATA_KEYS: ReadonlySet<string> = new Set([
  'xmlns', '$schema', '$id', '@context', '@id', 'schemalocation', 'namespace', 'homepage', 'home_page', 'license',
  'licenses', 'license_url', 'author', 'authors', 'maintainer', 'funding', 'documentation', 'docs', 'website',
  'repository', 'bugs', 'issues', 'changelog', 'wiki', '__url__', 'project_urls', 'source_url', 'bug_tracker',
]);

/** Parents whose `url` child is metadata (package.json / library.json `repository.url`, `bugs.url`). */
export const METADATA_PARENTS: ReadonlySet<string> = new Set(['repository', 'bugs', 'funding', 'author', 'authors', 'maintainers', 'license', 'project_urls']);

/** Calls that take project metadata (`setup(url=…)`). */
export const METADATA_CALLS: ReadonlySet<string> = new Set(['setup', 'setuptools.setup', 'distutils.core.setup']);

/** Calls whose string arguments are prefixes/patterns to compare against, not endpoints. */
export const STRING_CHECK_CALLS: ReadonlySet<string> = new Set([
  'startsWith', 'startswith', 'endsWith', 'endswith', 'indexOf', 'lastIndexOf', 'includes', 'replace', 'replaceAll',
  'removeprefix', 'lstrip', 'find', 'rfind', 'index', 'split', 'match', 'search', 'test', 'sub', 'strncmp', 'strcmp',
  'strcasecmp', 'strncasecmp', 'strstr', 'strcasestr', 'memcmp', 'sizeof', 'strlen', 'compare', 'equals',
  'equalsIgnoreCase', 'startsWithIgnoreCase', 'has_prefix', 'hasPrefix', 'HasPrefix', 'starts_with', 'count',
]);

/** Words (from names and key paths) that mark a firmware/OTA download. */
export const FIRMWARE_WORDS: ReadonlySet<string> = new Set([
  'ota', 'firmware', 'fw', 'upgrade', 'update', 'updates', 'updater', 'swupdate', 'suricatta', 'hawkbit', 'mender',
  'otaurl', 'httpupdate', 'esphttpupdate', 'flash',
]);

/** URL paths that name a firmware image. */
export const FIRMWARE_PATH = /\.(?:bin|hex|elf|img|uf2|ota|swu|mender|raucb|dfu|signed)(?:[?#]|$)/i;

/** Words (from names, key paths and imports) that mark an MQTT context for `tcp://`. */
export const MQTT_WORDS: ReadonlySet<string> = new Set(['mqtt', 'broker', 'mqttjs', 'paho', 'z2m', 'zigbee2mqtt']);

const CAMEL_BOUNDARY = /([a-z0-9])([A-Z])/g;
const NON_WORD = /[^A-Za-z0-9]+/;

/** Lower-case words of an identifier or key path (`CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL`, `otaServerUrl`). */
export function nameWords(name: string): string[] {
  return name.replace(CAMEL_BOUNDARY, '$1 $2').split(NON_WORD).filter(Boolean).map((w) => w.toLowerCase());
}

/** ATT&CK for attack-mapping.md row F3 (plaintext MQTT/HTTP/CoAP/telnet), shared by the plaintext-protocol rules. */
export const PLAINTEXT_ATTACK = { ics: ['T0842', 'T0830', 'T0855'], enterprise: ['T1040', 'T1557', 'T1565.002'] };
