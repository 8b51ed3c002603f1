/**
 * Credential-name and credential-value tables shared by the hardcoded-secret rules: which
 * identifiers / manifest keys name a secret, which literal values are real secrets rather than
 * placeholders, paths, prose or format strings, and which vendor defaults are well known.
 */
import { isPlaceholder } from './placeholders';
import { shannonEntropy } from '../../core/text';

/** `strong`: the name alone says "secret"; `weak` (`key`, `auth`): the value must look random too. */
export type CredentialStrength = 'strong' | 'weak';

/** Words that alone name a secret (after splitting camelCase / snake_case / dots). */
const STRONG_WORDS = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'passkey', 'psk', 'secret', 'secrets', 'token', 'apikey', 'authkey',
  'accesskey', 'secretkey', 'privatekey', 'credential', 'credentials', 'pw', 'wpa2psk', 'appsecret', 'clientsecret',
  'authtoken', 'accesstoken', 'bearertoken',
]);
/** Words that end a concatenated name (`STAPSK`, `mqttpassword`, `wifipass`) and still name a secret. */
const STRONG_SUFFIXES = ['password', 'passwd', 'pwd', 'psk', 'secret', 'token', 'apikey', 'passphrase', 'pass'];
/** Concatenations ending in `pass` that are not passwords. */
const NOT_PASS = new Set(['bypass', 'compass', 'encompass', 'surpass', 'overpass', 'underpass', 'trespass', 'highpass', 'lowpass', 'bandpass', 'allpass', 'multipass', 'firstpass', 'onepass', 'singlepass']);
/** `<qualifier>_key` is a secret by name alone (`api_key`, `access_key`, `shared_access_key`). */
export const KEY_QUALIFIERS: ReadonlySet<string> = new Set(['api', 'access', 'secret', 'auth', 'private', 'symmetric', 'master', 'write', 'read', 'sas', 'signing', 'encryption', 'aes', 'hmac', 'psk', 'device', 'primary', 'secondary', 'client', 'app', 'sharedaccess']);
/** Words that make `pop` an ESP-IDF provisioning proof-of-possession (a shared secret by name alone). */
export const PROV_QUALIFIERS: ReadonlySet<string> = new Set(['prov', 'provisioning', 'provision', 'softap', 'ble']);
/** Names that need value evidence: `key = "…"`, `auth: …`, ESP-IDF provisioning `pop`. */
export const WEAK_WORDS: ReadonlySet<string> = new Set(['key', 'auth', 'pop', 'sas', 'pin', 'passcode']);
/** A word after the credential word that makes the name describe something else. */
const NEGATIVE_WORDS = new Set([
  'ssid', 'user', 'username', 'usr', 'login', 'hint', 'len', 'length', 'size', 'path', 'file', 'filename', 'dir', 'url', 'uri', 'name',
  'type', 'mode', 'id', 'ids', 'enabled', 'enable', 'disabled', 'prompt', 'min', 'max', 'count', 'timeout', 'topic', 'label',
  'field', 'format', 'fmt', 'regex', 'pattern', 'policy', 'required', 'request', 'message', 'msg', 'error', 'input', 'placeholder',
  'expiry', 'expires', 'expire', 'expiration', 'lifetime', 'ttl', 'valid', 'validity', 'endpoint', 'host', 'server', 'header', 'location',
  'index', 'idx', 'slot', 'algorithm', 'algo', 'bits', 'version', 'store', 'storage', 'provider', 'source', 'env', 'var', 'variable',
  'changed', 'change', 'reset', 'set', 'get', 'check', 'verify', 'page', 'form', 'button', 'text', 'title', 'help', 'description', 'desc',
  'digest', 'salt', 'iterations', 'rounds', 'strength', 'entropy', 'scheme', 'method', 'class', 'kind', 'key', 'keys', 'offset', 'addr', 'address',
  'eui', 'deveui', 'appeui', 'joineui', 'devaddr', 'cert', 'certificate', 'chain', 'ca', 'pub', 'public', 'sha', 'hash', 'md5', 'sha256',
  'pem', 'der', 'crt', 'id_rsa', 'bytes', 'buf', 'buffer', 'encoding', 'attempts', 'retries', 'retry', 'status', 'state', 'flag', 'flags',
  'callback', 'cb', 'handler', 'fn', 'func', 'ptr', 'event', 'events', 'list', 'map', 'table', 'seconds', 'secs', 'ms', 'ref', 'reference',
]);
/** Whole names that are never secrets even though they contain a credential word. */
const NEVER = new Set(['keytype', 'keyboard', 'keycode', 'keyword', 'keyframe', 'monkey', 'turkey', 'hockey', 'donkey', 'jockey']);

/** LoRaWAN root / session keys (reported by `lorawan-session-key`, not by the generic rule). */
const LORA_KEY = /(?:app|nwk|fnwksint|snwksint|nwksenc)s?(?:ession)?key/;

/** Splits `mqttPassword`, `WIFI_PASS1`, `credentials.authentication.password` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/)
    .filter((w) => w && !/^\d+$/.test(w));
}

function strongWord(w: string): boolean {
  if (STRONG_WORDS.has(w)) return true;
  if (NOT_PASS.has(w) || NEVER.has(w)) return false;
  return STRONG_SUFFIXES.some((s) => w.length > s.length && w.endsWith(s));
}

/**
 * How strongly a name (identifier, macro, manifest key) names a credential, or undefined when it
 * does not (`WIFI_SSID`, `PASSWORD_MIN_LEN`, `password_file`, `token_url`, `mqtt_user`).
 */
export function credentialStrength(name: string): CredentialStrength | undefined {
  const words = nameWords(name.replace(/^CONFIG_/, ''));
  if (!words.length || NEVER.has(words.join(''))) return undefined;
  if (isLoraKeyName(name)) return undefined;
  let at = -1;
  let strength: CredentialStrength | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (strongWord(w)) { at = i; strength = 'strong'; continue; }
    if (w === 'key' || w === 'keys') {
      const q = words[i - 1];
      if (q !== undefined && KEY_QUALIFIERS.has(q)) { at = i; strength = 'strong'; continue; }
      if (strength === 'strong') return undefined; // `WIFI_PASSWORD_KEY`: the NVS key under which a password is stored
      at = i; strength = 'weak';
      continue;
    }
    if (w === 'pop' && PROV_QUALIFIERS.has(words[i - 1] ?? '')) { at = i; strength = 'strong'; continue; } // `PROV_POP`, `wifi_prov_pop`
    if (w === 'possession' && words[i - 1] === 'of') { at = i; strength = 'strong'; continue; } // `proof_of_possession`
    if (WEAK_WORDS.has(w)) { at = i; strength ??= 'weak'; }
  }
  if (at < 0) return undefined;
  // A descriptive word after the credential word: `password_len`, `token_url`, `api_key_id`, `psk_hint`.
  for (let i = at + 1; i < words.length; i++) if (NEGATIVE_WORDS.has(words[i])) return undefined;
  return strength;
}

/** True for LoRaWAN AppKey / NwkKey / AppSKey / NwkSKey names (DevEUI, JoinEUI, DevAddr are identifiers). */
export function isLoraKeyName(name: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return LORA_KEY.test(n) && !/eui|addr/.test(n);
}

/** Well-known vendor / example defaults: reported as default credentials (CWE-1392/1393). */
export const DEFAULT_VALUES: ReadonlySet<string> = new Set([
  'admin', 'administrator', 'root', 'toor', 'raspberry', 'dves_pass', 'dves_user', '1234', '12345', '123456', '1234567', '12345678',
  '123456789', 'abcd1234', 'guest', 'public', 'private', 'ubnt', 'alpine', 'admin123', 'password1', 'password123', 'pass123',
  'letmein', 'qwerty', 'esphome', 'tasmota', 'openhabian', 'pi', 'mosquitto', 'hivemq', 'emqx', 'welcome', 'support', 'user', 'system',
]);

/** True if the value is a well-known default credential (`admin`, `DVES_PASS`, IDF's PoP `abcd1234`). */
export function isDefaultCredential(value: string): boolean {
  return DEFAULT_VALUES.has(value.trim().toLowerCase());
}

/** Published sample secrets (reference T-03): real strings, but public — reported as copied samples. */
const SAMPLE_SECRETS = new Set([
  'YXppb3QtaWRlbnRpdHktc2VydmljZXxhemlvdC1pZGU=', // Azure IoT Edge template.toml
  'cb115a721af28f781b493fa467819ef5', // rauc-hawkbit-updater config.conf.example
]);

/** True for secrets published in vendor examples (T-03). */
export function isSampleSecret(value: string): boolean {
  return SAMPLE_SECRETS.has(value.trim());
}

const PATH_LIKE = /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\|file:\/\/|\$\{?[A-Za-z_]+\}?\/)|\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json|txt|bin|conf|cfg|ini|ya?ml|toml|env|h|csv|db)$/i;
const URL_LIKE = /^[a-z][a-z0-9+.-]{1,15}:\/\//i;
const ENV_REF = /^(?:\$[A-Za-z_][A-Za-z0-9_]*|%%?[A-Za-z0-9_]+%%?|@[A-Za-z0-9_]+@|!(?:secret|env_var|include)\s.*|\$\{\{[^{}]*\}\}|#\{[^{}]*\})$/;
const FORMAT = /%(?:[-+ 0#]?\d{0,3}(?:\.\d{1,3})?)(?:l{0,2}|h{0,2}|z)[sdiuxXfcp]|\{\d?\}/;
const PROSE = /\s(?:the|your|a|an|is|are|not|for|to|please|enter|invalid|wrong|incorrect|failed|must|of|with)\s/i;
const BOOL_OR_NUMBER = /^(?:true|false|yes|no|on|off|y|n|none|null|nil|[-+]?\d+(?:\.\d+)?)$/i;
/** A short lower_snake identifier: the shape of NVS / Preferences / settings key names (`mqtt_pass`, `prov_pop`). */
const KEY_NAME_VALUE = /^[a-z][a-z0-9]{0,23}(?:_[a-z0-9]{1,23}){1,4}$/;
/** Name words that mark a constant holding a storage key name, when they come before the credential word. */
const KEY_NAME_MARKERS = new Set(['key', 'nvs', 'pref', 'prefs', 'setting', 'settings', 'field', 'attr']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Modular-crypt password hashes (bcrypt, argon2, sha-crypt, scrypt): what Node-RED `adminAuth`, Mosquitto
// password files and Home Assistant store. A salted slow hash is not the password itself.
const PASSWORD_HASH = /^\$(?:2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|argon2(?:id|i|d)\$\S{20,}|[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}|7\$\S{20,})$/;

/** Why a literal is not a secret value, or undefined when it may be one. */
export function nonSecretReason(value: string, name: string, placeholderWords: readonly string[]): string | undefined {
  const v = value.trim();
  if (isPlaceholder(v, placeholderWords)) return 'placeholder';
  if (v.includes('-----BEGIN ')) return 'pem'; // private-key-in-source owns PEM blocks
  if (PASSWORD_HASH.test(v)) return 'password-hash';
  if (v.toLowerCase() === name.toLowerCase() || v.toLowerCase().replace(/[^a-z0-9]/g, '') === name.toLowerCase().replace(/[^a-z0-9]/g, '')) return 'name';
  if (isKeyNameValue(v, name)) return 'key-name';
  if (URL_LIKE.test(v) || v.startsWith('data:')) return 'url';
  if (PATH_LIKE.test(v) && !/\s/.test(v)) return 'path';
  if (ENV_REF.test(v)) return 'env';
  if (FORMAT.test(v)) return 'format';
  if (PROSE.test(` ${v} `) || /[:?]\s*$/.test(v)) return 'prose';
  if (/^(?:your|my|enter|insert|paste|put)\b/i.test(v) || /\b(?:here|example|changeme|placeholder)\b/i.test(v)) return 'placeholder';
  return undefined;
}

/**
 * A storage key name rather than a secret: a short lower_snake identifier whose words mirror the
 * constant's name (`#define MQTT_PASS_KEY_NAME "mqtt_pass"`), or that shares a word with a name
 * marked as a key (`#define FACTORY_KEY_MQTT_PASS "mqtt_pass"`, `NVS_POP "prov_pop"`). A real
 * password that happens to be lower_snake (`wifi_home_2024`) is not mirrored by its name.
 */
export function isKeyNameValue(value: string, name: string): boolean {
  if (!name || value.length > 32 || !KEY_NAME_VALUE.test(value)) return false;
  const valueWords = nameWords(value);
  const words = nameWords(name.replace(/^CONFIG_/, ''));
  if (valueWords.every((w) => words.includes(w))) return true;
  const marked = words.slice(0, -1).some((w) => KEY_NAME_MARKERS.has(w));
  return marked && valueWords.some((w) => words.includes(w));
}

/** True when a literal is an unquoted manifest boolean or number (`enabled: true`, `CONFIG_X=5`). */
export function isScalarWord(value: string): boolean {
  return BOOL_OR_NUMBER.test(value.trim());
}

/** Character-class count: lower, upper, digit, symbol. */
function classes(v: string): number {
  return Number(/[a-z]/.test(v)) + Number(/[A-Z]/.test(v)) + Number(/[0-9]/.test(v)) + Number(/[^A-Za-z0-9\s]/.test(v));
}

/** Evidence that a value under a weak name (`key`, `auth`) is a secret: random-looking, no spaces. */
export function looksRandom(value: string): boolean {
  const v = value.trim();
  if (v.length < 8 || /\s/.test(v) || UUID.test(v)) return false;
  if (/^[a-z]+(?:[_./:-][a-z]+)*$/i.test(v)) return false; // identifiers and topics: `temperature`, `sensor/temp`
  const c = classes(v);
  return (c >= 3 && shannonEntropy(v) >= 2.8) || (c >= 2 && v.length >= 16 && shannonEntropy(v) >= 3.2);
}

/** UPPER_SNAKE form of an identifier: `mqttPassword` → `MQTT_PASSWORD`, `wifi.password` → `WIFI_PASSWORD`. */
export function upperSnake(name: string): string {
  return nameWords(name).join('_').toUpperCase() || 'SECRET';
}

/** The verdict on one name/value pair, shared so that rules never report the same literal twice. */
export interface CredentialVerdict {
  strength: CredentialStrength;
  isDefault: boolean;
  isSample: boolean;
}

/**
 * Judges a literal bound to a name: undefined when it is not a hard-coded secret (name not
 * credential-like, placeholder, path, env reference, format string, weak name without evidence).
 */
export function judgeCredential(name: string, value: string, placeholderWords: readonly string[]): CredentialVerdict | undefined {
  const strength = credentialStrength(name);
  if (!strength) return undefined;
  const isDefault = isDefaultCredential(value);
  if (!isDefault && nonSecretReason(value, name, placeholderWords)) return undefined;
  if (strength === 'weak' && !isDefault && !looksRandom(value)) return undefined;
  if (strength === 'weak' && isDefault && !/^(?:pop|pin|passcode)$/i.test(nameWords(name).slice(-1)[0] ?? '')) return undefined;
  return { strength, isDefault, isSample: isSampleSecret(value) };
}
