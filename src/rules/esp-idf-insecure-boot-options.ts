import type { KeyValueFact } from '../core/facts';
import { isFalsy, isTruthy } from '../core/fact-helpers';
import type { Fix } from '../core/finding';
import { defineRule } from '../core/rule';
import { isCiSdkconfig, lineContentRange, wholeLineRange } from './data/update-edits';
import { UNSIGNED_UPDATE_ATTACK } from './data/update-triggers';

type MessageId = 'v1' | 'reflashable' | 'shortAppPartition' | 'unusedDigestSlots' | 'forceEcdsa' | 'downgrade';

/** One weakening option: `=y` is the finding; the suggestion removes the line or swaps in `replaceWith`. */
interface Weakening {
  keys: readonly string[];
  messageId: MessageId;
  what?: string;
  replaceWith?: string;
}

/** Explicit `=y` weakenings from the "Security features" menu ([IDF-BL], [IDF-RB], [IDF-EX]); legacy names per sdkconfig.rename. */
const WEAKENINGS: readonly Weakening[] = [
  { keys: ['CONFIG_SECURE_BOOT_V1_ENABLED', 'CONFIG_SECURE_BOOT_ENABLED'], messageId: 'v1', replaceWith: 'CONFIG_SECURE_BOOT_V2_ENABLED=y' },
  { keys: ['CONFIG_SECURE_BOOTLOADER_REFLASHABLE'], messageId: 'reflashable', replaceWith: 'CONFIG_SECURE_BOOTLOADER_ONE_TIME_FLASH=y' },
  { keys: ['CONFIG_SECURE_BOOT_ALLOW_SHORT_APP_PARTITION'], messageId: 'shortAppPartition' },
  { keys: ['CONFIG_SECURE_BOOT_ALLOW_UNUSED_DIGEST_SLOTS'], messageId: 'unusedDigestSlots' },
  { keys: ['CONFIG_SECURE_BOOT_V2_FORCE_ENABLE_ECDSA'], messageId: 'forceEcdsa', replaceWith: 'CONFIG_SECURE_SIGNED_APPS_RSA_SCHEME=y' },
  { keys: ['CONFIG_EXAMPLE_SKIP_VERSION_CHECK'], messageId: 'downgrade', what: 'skips the firmware version check before the OTA update' },
  {
    keys: ['CONFIG_BOOTLOADER_EFUSE_SECURE_VERSION_EMULATE', 'CONFIG_EFUSE_SECURE_VERSION_EMULATE'],
    messageId: 'downgrade', what: 'keeps the anti-rollback secure version in flash instead of eFuse (test-only emulation)',
  },
];

const SIGNED_APPS = 'CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT';
const ON_UPDATE = 'CONFIG_SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT';
const ON_BOOT = 'CONFIG_SECURE_SIGNED_ON_BOOT_NO_SECURE_BOOT';

/** Flags sdkconfig options that weaken secure boot / signed-update checks or allow firmware downgrades. */
export const espIdfInsecureBootOptions = defineRule({
  meta: {
    id: 'esp-idf-insecure-boot-options',
    title: 'ESP-IDF option weakens secure boot or anti-rollback',
    description: 'Flags ESP-IDF sdkconfig options that weaken secure boot or signed-update checks, or let older firmware be installed again.',
    category: 'unsigned-update',
    severity: 'warning',
    cwe: ['CWE-347', 'CWE-1328', 'CWE-321'],
    practice: 4,
    attack: UNSIGNED_UPDATE_ATTACK,
    languages: ['kconfig'],
    messages: {
      noUpdateVerify: `${ON_UPDATE} is off while ${SIGNED_APPS}=y: OTA images are no longer signature-checked when they are written{{bootNote}}.`,
      v1: '{{key}}=y selects secure boot V1, the legacy ESP32 AES-digest scheme; use secure boot V2 (RSA/ECDSA signatures) on ESP32 rev v3.0+ and newer chips.',
      reflashable: 'CONFIG_SECURE_BOOTLOADER_REFLASHABLE=y: a leak of the digest key from one device allows reflashing of any device (ESP-IDF help).',
      shortAppPartition: 'CONFIG_SECURE_BOOT_ALLOW_SHORT_APP_PARTITION=y lets unverified data appended after the signed app image be mapped.',
      unusedDigestSlots: 'CONFIG_SECURE_BOOT_ALLOW_UNUSED_DIGEST_SLOTS=y leaves unused secure-boot key-digest slots unrevoked: an attacker can add a trusted signing key later.',
      forceEcdsa: 'CONFIG_SECURE_BOOT_V2_FORCE_ENABLE_ECDSA=y re-enables ECDSA secure boot V2 despite the known vulnerability on this chip (Espressif errata).',
      downgrade: '{{key}}=y {{what}}: older, vulnerable firmware can be installed again.',
    },
    docs: {
      what: 'Explicit weakening options in sdkconfig / sdkconfig.defaults: update signature check off, secure boot V1, reflashable bootloader, short app partitions, unrevoked digest slots, forced ECDSA, skipped version check, emulated secure version.',
      why: 'Each option re-opens a path for unsigned or older firmware that secure boot and anti-rollback are meant to close. CI variants (sdkconfig.ci*) set some of them on purpose and are reported as info.',
      fix: 'Remove the option (or switch to the secure alternative offered), keep test-only switches in sdkconfig.ci* files.',
      references: [
        'IDF-SB-03', 'IDF-SB-04', 'IDF-SB-05', 'IDF-SB-09', 'IDF-SB-10', 'IDF-SB-12', 'IDF-RB-03', 'IDF-RB-05',
        'espressif/esp-idf components/bootloader/Kconfig.projbuild', 'espressif/esp-idf components/bootloader/Kconfig.bootloader_rollback',
        'espressif/esp-idf examples/system/ota/advanced_https_ota/main/Kconfig.projbuild',
      ],
    },
  },
  keywords: ['config_secure_', 'secure_version_emulate', 'skip_version_check'],
  check(ctx) {
    const ci = isCiSdkconfig(ctx.filePath);
    const severityIn = (s: 'error' | 'warning' | undefined) => (ci ? 'info' : s);
    const last = new Map<string, KeyValueFact>();
    for (const kv of ctx.facts.keyValues) last.set(kv.key, kv);

    const onUpdate = last.get(ON_UPDATE);
    const signedApps = last.get(SIGNED_APPS);
    if (onUpdate && signedApps && isTruthy(signedApps.value) && isFalsy(onUpdate.value)) {
      const onBoot = last.get(ON_BOOT);
      const bootChecks = onBoot !== undefined && isTruthy(onBoot.value);
      ctx.report({
        messageId: 'noUpdateVerify',
        data: { bootNote: bootChecks ? ' (the bootloader still checks them at boot)' : ' and the bootloader does not check them either' },
        range: onUpdate.range,
        severity: severityIn(bootChecks ? 'warning' : 'error'),
        suggestions: [replaceLine(ctx.text, onUpdate, `${ON_UPDATE}=y`)],
      });
    }

    for (const kv of ctx.facts.keyValues) {
      const w = WEAKENINGS.find((x) => x.keys.includes(kv.key));
      if (!w || !isTruthy(kv.value)) continue;
      ctx.report({
        messageId: w.messageId,
        data: { key: kv.key, what: w.what ?? '' },
        range: kv.range,
        severity: severityIn(undefined),
        suggestions: [w.replaceWith ? replaceLine(ctx.text, kv, w.replaceWith) : {
          title: `Remove ${kv.key}=y`,
          edits: [{ range: wholeLineRange(ctx.text, kv.range[0]), text: '' }],
        }],
      });
    }
  },
});

/** A suggestion replacing the entry's line (also a `# CONFIG_X is not set` line) with `line`. */
function replaceLine(text: string, kv: KeyValueFact, line: string): Fix {
  return { title: `Replace with ${line}`, edits: [{ range: lineContentRange(text, kv.range[0]), text: line }] };
}
