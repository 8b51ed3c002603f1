/**
 * API calls that take a credential in a known argument position: Arduino Wi-Fi / MQTT / OTA, paho,
 * MicroPython, ESP-IDF, Azure DPS, Blynk, ThingSpeak. Positions were read in the libraries'
 * headers (arduino-esp32 `WiFiSTA.h`/`WiFiAP.h`/`ArduinoOTA.h`, PubSubClient `connect(id,user,pass)`,
 * paho `client.py`, umqtt `MQTTClient(client_id, server, port, user, password, …)`,
 * `esp_http_client.h`, azure-iot-sdk-c `prov_device_ll_client.h`, azure-iot-device
 * `create_from_symmetric_key(provisioning_host, registration_id, id_scope, symmetric_key)`).
 */
import type { ArgFact, CallFact } from '../../core/facts';
import type { LanguageId } from '../../core/language';

/** One credential-taking call. */
export interface CredentialCall {
  /** Last callee segment. */
  name: string;
  /** Receiver must match (e.g. `WiFi`), when the name alone is too generic. */
  receiver?: RegExp;
  /** Zero-based positional index of the credential. */
  index?: number;
  /** Python keyword argument carrying it. */
  kwarg?: string;
  /** Minimum positional argument count for the call to be this API. */
  minArgs?: number;
  languages: readonly LanguageId[];
  /** What the argument is, for messages: "Wi-Fi password". */
  what: string;
  /** Name of the macro / environment variable offered by the "move" suggestion. */
  envName: string;
}

const C: readonly LanguageId[] = ['c', 'cpp'];
const PY: readonly LanguageId[] = ['python'];

/** The table. */
export const CREDENTIAL_CALLS: readonly CredentialCall[] = [
  { name: 'begin', receiver: /^(?:WiFi|WiFiSTA|WiFiMulti|wifi)$/, index: 1, languages: C, what: 'Wi-Fi password', envName: 'WIFI_PASSWORD' },
  { name: 'addAP', index: 1, languages: C, what: 'Wi-Fi password', envName: 'WIFI_PASSWORD' },
  { name: 'softAP', index: 1, languages: C, what: 'access-point password', envName: 'AP_PASSWORD' },
  { name: 'autoConnect', index: 1, languages: C, what: 'access-point password', envName: 'AP_PASSWORD' },
  { name: 'connect', index: 2, minArgs: 3, languages: C, what: 'MQTT password', envName: 'MQTT_PASSWORD' },
  { name: 'setCredentials', index: 1, languages: C, what: 'MQTT password', envName: 'MQTT_PASSWORD' },
  { name: 'mosquitto_username_pw_set', index: 2, languages: C, what: 'MQTT password', envName: 'MQTT_PASSWORD' },
  { name: 'esp_http_client_set_password', index: 1, languages: C, what: 'HTTP password', envName: 'HTTP_PASSWORD' },
  { name: 'setPassword', receiver: /OTA|ota/, index: 0, languages: C, what: 'OTA password', envName: 'OTA_PASSWORD' },
  { name: 'setPasswordHash', receiver: /OTA|ota/, index: 0, languages: C, what: 'OTA password hash (password-equivalent)', envName: 'OTA_PASSWORD_HASH' },
  { name: 'setAuth', index: 1, languages: C, what: 'web password', envName: 'WEB_PASSWORD' },
  { name: 'authenticate', index: 1, minArgs: 2, languages: C, what: 'web password', envName: 'WEB_PASSWORD' },
  { name: 'wifi_prov_mgr_start_provisioning', index: 1, languages: C, what: 'provisioning proof-of-possession', envName: 'PROV_POP' },
  { name: 'network_prov_mgr_start_provisioning', index: 1, languages: C, what: 'provisioning proof-of-possession', envName: 'PROV_POP' },
  { name: 'prov_dev_set_symmetric_key_info', index: 1, languages: C, what: 'DPS symmetric key', envName: 'DPS_SYMMETRIC_KEY' },
  { name: 'begin', receiver: /^Blynk$/, index: 0, languages: C, what: 'Blynk auth token', envName: 'BLYNK_AUTH_TOKEN' },
  { name: 'begin', receiver: /^Blynk$/, index: 2, languages: C, what: 'Wi-Fi password', envName: 'WIFI_PASSWORD' },
  { name: 'config', receiver: /^Blynk$/, index: 0, languages: C, what: 'Blynk auth token', envName: 'BLYNK_AUTH_TOKEN' },
  { name: 'writeField', receiver: /^ThingSpeak$/, index: 3, languages: C, what: 'ThingSpeak write API key', envName: 'THINGSPEAK_WRITE_KEY' },
  { name: 'writeFields', receiver: /^ThingSpeak$/, index: 1, languages: C, what: 'ThingSpeak write API key', envName: 'THINGSPEAK_WRITE_KEY' },
  { name: 'username_pw_set', index: 1, kwarg: 'password', languages: PY, what: 'MQTT password', envName: 'MQTT_PASSWORD' },
  { name: 'MQTTClient', index: 4, kwarg: 'password', languages: PY, what: 'MQTT password', envName: 'MQTT_PASSWORD' },
  { name: 'connect', receiver: /wlan|sta|wifi|station|network\.WLAN/i, index: 1, kwarg: 'key', languages: PY, what: 'Wi-Fi password', envName: 'WIFI_PASSWORD' },
  { name: 'create_from_symmetric_key', index: 3, kwarg: 'symmetric_key', languages: PY, what: 'DPS symmetric key', envName: 'DPS_SYMMETRIC_KEY' },
  { name: 'HTTPBasicAuth', index: 1, languages: PY, what: 'HTTP password', envName: 'HTTP_PASSWORD' },
  { name: 'HTTPDigestAuth', index: 1, languages: PY, what: 'HTTP password', envName: 'HTTP_PASSWORD' },
];

/** C string copies into a credential buffer: `strlcpy((char *)cfg.sta.password, "…", …)`. */
export const COPY_CALLS = new Set(['strcpy', 'strncpy', 'strlcpy', 'memcpy', 'memcpy_P', 'strcpy_P', 'strncpy_P']);

/** A credential argument of a call. */
export interface CredentialArg {
  spec: CredentialCall;
  arg: ArgFact;
}

/** CREDENTIAL_CALLS by name: rules ask this of every call of a document, at each edit. */
const CALLS_BY_NAME = new Map<string, CredentialCall[]>();
for (const spec of CREDENTIAL_CALLS) {
  const same = CALLS_BY_NAME.get(spec.name);
  if (same) same.push(spec);
  else CALLS_BY_NAME.set(spec.name, [spec]);
}

const NONE: readonly CredentialArg[] = [];

/** The credential arguments of `call` in `lang` (table entries that match, in table order). */
export function credentialArgs(call: CallFact, lang: LanguageId): readonly CredentialArg[] {
  const specs = CALLS_BY_NAME.get(call.name);
  if (!specs) return NONE;
  const out: CredentialArg[] = [];
  const positional = call.args.filter((a) => a.name === undefined);
  for (const spec of specs) {
    if (!spec.languages.includes(lang)) continue;
    if (spec.receiver && !spec.receiver.test(call.receiver ?? '')) continue;
    if (spec.minArgs && positional.length < spec.minArgs) continue;
    const byName = spec.kwarg ? call.args.find((a) => a.name === spec.kwarg) : undefined;
    const arg = byName ?? (spec.index !== undefined ? positional[spec.index] : undefined);
    if (arg) out.push({ spec, arg });
  }
  return out;
}
