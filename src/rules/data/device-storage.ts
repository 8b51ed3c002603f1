/**
 * Key-value store APIs that write to (by default unencrypted) flash, and the key names that say
 * a secret is being stored. Used by `secrets-in-unencrypted-nvs` (reference X-03, IDF-FE-07).
 */

/** A storage call: which argument holds the key name, and what must be included for the name to mean this API. */
export interface StorageApi {
  /** Call names (last callee segment). */
  names: readonly string[];
  /** Index of the key-name argument. */
  keyArg: number;
  /** Method calls need a receiver (`prefs.putString`); C functions must not have one. */
  method: boolean;
  /** One of these headers must be included (lower-case basename) for method calls to count. */
  headers?: readonly string[];
  /** Arduino Preferences cannot be encrypted without a custom ESP-IDF build: informational. */
  severity: 'warning' | 'info';
  label: string;
}

export const STORAGE_APIS: readonly StorageApi[] = [
  { names: ['nvs_set_str', 'nvs_set_blob'], keyArg: 1, method: false, severity: 'warning', label: 'NVS' },
  { names: ['set_string', 'set_blob'], keyArg: 0, method: true, headers: ['nvs_handle.hpp'], severity: 'warning', label: 'NVS' },
  { names: ['putString', 'putBytes'], keyArg: 0, method: true, headers: ['preferences.h'], severity: 'info', label: 'Preferences (NVS)' },
];

/** Kconfig symbols that mean NVS contents are encrypted at rest (current and legacy names). */
export const STORAGE_ENCRYPTION_KEYS: readonly string[] = [
  'CONFIG_NVS_ENCRYPTION', 'CONFIG_SECURE_FLASH_ENC_ENABLED', 'CONFIG_FLASH_ENCRYPTION_ENABLED',
];

const CAMEL = /([a-z0-9])([A-Z])/g;
const SEPARATORS = /[^a-z0-9]+/;
const SECRET_WORD = /^(?:pass(?:word|wd|phrase|code)?s?|pwd|pw|psk|token|secret|cred|creds|credentials?|apikey|privkey|key)$/;
const SECRET_SUFFIX = /(?:pass|password|passwd|pwd|psk|token|secret|apikey|privkey)$/;
const KEYED = /^(?:api|priv|private|aes|enc|auth|app|dev|device|hmac|psk|sas|sign|signing|master|shared|access|secret|session|cloud|mqtt|wifi|net)key$/;

/** True when an NVS / Preferences key name says it holds a password, PSK, token, secret, credential or key. */
export function isSecretStorageKey(name: string): boolean {
  if (name.length > 64) return false;
  const words = name.replace(CAMEL, '$1 $2').toLowerCase().split(SEPARATORS).filter(Boolean);
  return words.some((w) => SECRET_WORD.test(w) || SECRET_SUFFIX.test(w) || KEYED.test(w));
}
