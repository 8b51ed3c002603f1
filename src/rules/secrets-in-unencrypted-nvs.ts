import type { FileSummary } from '../core/rule';
import { defineProjectRule } from '../core/rule';
import { isFalsy, isTruthy, stringValue } from '../core/fact-helpers';
import { KCONFIG_LINE_KEYWORDS, lastEntries } from './data/device-kconfig';
import { isSecretStorageKey, STORAGE_APIS, STORAGE_ENCRYPTION_KEYS } from './data/device-storage';

const KIND_NVS = 'secrets-in-unencrypted-nvs:nvs';
const KIND_PREFS = 'secrets-in-unencrypted-nvs:prefs';
const KIND_ENCRYPTED = 'secrets-in-unencrypted-nvs:encrypted';
const KIND_DEFAULTS = 'secrets-in-unencrypted-nvs:defaults';
const KIND_NVS_OFF = 'secrets-in-unencrypted-nvs:nvs-off';
const KIND_READ = 'secrets-in-unencrypted-nvs:read';
const NVS_ENCRYPTION = 'CONFIG_NVS_ENCRYPTION';
/** NVS reads of a secret-named key: evidence that NVS holds the secret (written at provisioning), never reported themselves. */
const NVS_READS: readonly string[] = ['nvs_get_str', 'nvs_get_blob'];
const NVS_LINE = 'CONFIG_NVS_ENCRYPTION=y';

function dirOf(path: string): string[] {
  return path.split('/').slice(0, -1);
}

/** `to` relative to the folder of `from` (both workspace-relative, forward slashes). */
function relativeTo(from: string, to: string): string {
  const a = dirOf(from);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** The `sdkconfig.defaults` of the nearest enclosing ESP-IDF project folder, if the scan saw one. */
function nearestDefaults(files: readonly FileSummary[], filePath: string): string | undefined {
  const dir = dirOf(filePath).join('/');
  let best: string | undefined;
  for (const f of files) {
    if (!f.signals.some((s) => s.kind === KIND_DEFAULTS)) continue;
    const d = dirOf(f.filePath).join('/');
    if ((d === '' || dir === d || dir.startsWith(`${d}/`)) && (best === undefined || d.length > dirOf(best).join('/').length)) best = f.filePath;
  }
  return best;
}

/** Flags secrets written to NVS / Preferences in a project where neither NVS encryption nor flash encryption is enabled. */
export const secretsInUnencryptedNvs = defineProjectRule({
  meta: {
    id: 'secrets-in-unencrypted-nvs',
    title: 'Secret stored in unencrypted NVS',
    description: 'Firmware writes a password, PSK, token or key to NVS while the project enables neither NVS encryption nor flash encryption.',
    category: 'unencrypted-storage',
    severity: 'warning',
    cwe: ['CWE-312', 'CWE-311', 'CWE-922'],
    practice: 5,
    attack: { ics: ['T0893', 'T0882'], enterprise: ['T1552.001', 'T1005'] },
    languages: ['c', 'cpp', 'kconfig'],
    messages: {
      nvs: '{{call}} stores "{{key}}" in NVS, but the project enables neither CONFIG_NVS_ENCRYPTION nor flash encryption: the secret can be read from a flash dump.',
      nvsOff: 'CONFIG_NVS_ENCRYPTION is explicitly turned off while NVS holds secrets ("{{key}}" via {{call}}): flash encryption does not cover the NVS partition, so the secret can be read from a flash dump.',
      prefs: '{{call}} stores "{{key}}" with Preferences in plaintext NVS (no NVS or flash encryption in this project): the secret can be read from a flash dump.',
    },
    docs: {
      what: '`nvs_set_str` / `nvs_set_blob` (and the C++ `nvs::NVSHandle` and Arduino `Preferences` equivalents) with a key named like a password, PSK, token, secret, credential or key, in a project whose sdkconfig files set neither `CONFIG_NVS_ENCRYPTION=y` nor `CONFIG_SECURE_FLASH_ENC_ENABLED=y`; and, with flash encryption on, an explicit `# CONFIG_NVS_ENCRYPTION is not set` / `=n` while the firmware writes or reads secret-named NVS keys (reported on that line).',
      why: 'NVS is plaintext unless NVS encryption is on; anyone who can read the SPI flash (a clip and esptool) gets the Wi-Fi password, broker token or API key (CWE-312).',
      fix: 'Enable NVS encryption (`CONFIG_NVS_ENCRYPTION=y` with the HMAC or flash-encryption key-protection scheme and an `nvs_keys` partition) and flash encryption in release mode, or keep secrets in a secure element. Arduino Preferences cannot be encrypted without a custom ESP-IDF build: reported as info.',
      references: ['X-03', 'IDF-FE-07', 'IDF-FE-01', 'F7', 'espressif/esp-idf components/nvs_flash/Kconfig', 'espressif/esp-idf components/nvs_sec_provider/Kconfig'],
    },
  },
  // Every Kconfig fragment line (a file publishes whether it enables encryption and where sdkconfig.defaults
  // lives), and storage calls whose key literal (within the call) names a secret (isSecretStorageKey words).
  keywords: [
    ...KCONFIG_LINE_KEYWORDS,
    /\b(?:nvs_(?:set|get)_(?:str|blob)|set_(?:string|blob)|put(?:String|Bytes))\s*\([^;]{0,160}?["'][^"'\n]{0,64}?(?:pass|pw|psk|token|secret|cred|key)/i,
  ],
  collect(ctx) {
    if (ctx.languageId === 'kconfig') {
      const entries = lastEntries(ctx.facts);
      for (const key of STORAGE_ENCRYPTION_KEYS) {
        const kv = entries.get(key);
        if (kv && isTruthy(kv.value)) ctx.signal({ kind: KIND_ENCRYPTED, key, range: kv.range });
      }
      const nvs = entries.get(NVS_ENCRYPTION);
      if (nvs && isFalsy(nvs.value)) ctx.signal({ kind: KIND_NVS_OFF, key: NVS_ENCRYPTION, range: nvs.range });
      if (ctx.filePath.slice(ctx.filePath.lastIndexOf('/') + 1) === 'sdkconfig.defaults') ctx.signal({ kind: KIND_DEFAULTS, range: [0, 0] });
      return;
    }
    const headers = new Set(ctx.facts.imports.map((i) => i.module.slice(i.module.lastIndexOf('/') + 1).toLowerCase()));
    for (const call of ctx.facts.calls) {
      const api = STORAGE_APIS.find((a) => a.names.includes(call.name) && (a.method ? call.receiver !== undefined : call.receiver === undefined));
      if (!api || (api.headers && !api.headers.some((h) => headers.has(h)))) continue;
      const arg = call.args[api.keyArg];
      const key = arg ? stringValue(arg.value) : undefined;
      if (key === undefined || !isSecretStorageKey(key)) continue;
      ctx.signal({ kind: api.severity === 'info' ? KIND_PREFS : KIND_NVS, key, value: call.callee, range: call.range });
    }
    for (const call of ctx.facts.calls) {
      const arg = NVS_READS.includes(call.name) && call.receiver === undefined ? call.args[1] : undefined;
      const key = arg ? stringValue(arg.value) : undefined;
      if (key !== undefined && isSecretStorageKey(key)) ctx.signal({ kind: KIND_READ, key, value: call.callee, range: call.range });
    }
  },
  checkProject(ctx) {
    const signals = ctx.files.flatMap((f) => f.signals);
    const encrypted = signals.filter((s) => s.kind === KIND_ENCRYPTED);
    if (encrypted.some((s) => s.key === NVS_ENCRYPTION)) return;
    if (encrypted.length) {
      // Flash encryption on: NVS encryption defaults to y, unless a config explicitly turns it off (IDF-FE-07).
      const secret = signals.find((s) => s.kind === KIND_NVS) ?? signals.find((s) => s.kind === KIND_READ);
      if (!secret) return;
      for (const file of ctx.files) {
        for (const s of file.signals) {
          if (s.kind !== KIND_NVS_OFF) continue;
          ctx.report(file.filePath, {
            messageId: 'nvsOff', data: { key: secret.key ?? '', call: secret.value ?? '' }, range: s.range, start: s.start, end: s.end,
            evidence: 'CONFIG_NVS_ENCRYPTION off',
            suggestions: [{ title: `Set ${NVS_LINE}`, edits: [{ range: s.range, text: NVS_LINE }] }],
          });
        }
      }
      return;
    }
    for (const file of ctx.files) {
      for (const s of file.signals) {
        if (s.kind !== KIND_NVS && s.kind !== KIND_PREFS) continue;
        const defaults = s.kind === KIND_NVS ? nearestDefaults(ctx.files, file.filePath) : undefined;
        ctx.report(file.filePath, {
          messageId: s.kind === KIND_NVS ? 'nvs' : 'prefs',
          data: { call: s.value ?? '', key: s.key ?? '' },
          range: s.range,
          start: s.start,
          end: s.end,
          severity: s.kind === KIND_NVS ? 'warning' : 'info',
          evidence: `${s.value ?? ''}(… "${s.key ?? ''}" …)`,
          // A suggestion, not a fix: NVS encryption needs an nvs_keys partition and a key-protection scheme.
          suggestions: defaults
            ? [{ title: `Enable NVS encryption in ${defaults}`, edits: [], fileEdits: [{ path: relativeTo(file.filePath, defaults), append: `\n${NVS_LINE}\n`, unlessContains: NVS_LINE }] }]
            : undefined,
        });
      }
    }
  },
});
