import { isFalsy } from '../core/fact-helpers';
import type { RuleContext } from '../core/rule';
import { defineRule } from '../core/rule';
import { FLASH_ENCRYPTION_HAZARDS, findKconfigHazards, isNonReleaseConfig, isOn, lastEntries } from './data/device-kconfig';

const FE_ENABLED = ['CONFIG_SECURE_FLASH_ENC_ENABLED', 'CONFIG_FLASH_ENCRYPTION_ENABLED'];
const MODE_KEYS = [
  'CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE', 'CONFIG_SECURE_FLASH_ENCRYPTION_MODE_DEVELOPMENT', 'CONFIG_FLASH_ENCRYPTION_INSECURE',
];
const RELEASE_LINE = 'CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y';
const PRODUCT_CONFIG = /^sdkconfig(?:\.defaults(?:\..+)?)?$/;

/**
 * IDF-FE-01: flash encryption explicitly off (`# … is not set` in a generated sdkconfig, `=n` in
 * defaults) in a product config. Absence from a defaults file means "Kconfig default" and may be
 * set elsewhere, so only the explicit line is reported.
 */
function reportOff(ctx: RuleContext): void {
  const name = ctx.filePath.slice(ctx.filePath.lastIndexOf('/') + 1);
  if (!PRODUCT_CONFIG.test(name)) return;
  const entries = lastEntries(ctx.facts);
  if (isOn(entries, 'CONFIG_IDF_TARGET_LINUX')) return;
  const kv = FE_ENABLED.map((k) => entries.get(k)).find((e) => e !== undefined);
  if (!kv || !isFalsy(kv.value)) return;
  // NVS encryption with the HMAC scheme still protects the stored secrets; the firmware stays readable.
  const nvsProtected = isOn(entries, 'CONFIG_NVS_ENCRYPTION');
  ctx.report({
    messageId: 'feOff',
    data: { option: kv.key },
    range: kv.range,
    severity: isNonReleaseConfig(ctx.filePath) || nvsProtected ? 'info' : 'warning',
    // A suggestion: enabling flash encryption burns eFuses on first boot and cannot be undone.
    suggestions: [{
      title: 'Enable flash encryption in Release mode (burns eFuses on first boot; irreversible)',
      edits: [{ range: kv.range, text: `CONFIG_SECURE_FLASH_ENC_ENABLED=y\n${RELEASE_LINE}` }],
    }],
  });
}

/** Flags ESP-IDF flash / NVS encryption that is on but weakened (Development mode, UART bootloader access, unchecked, unprotected keys). */
export const flashEncryptionWeak = defineRule({
  meta: {
    id: 'flash-encryption-weak',
    title: 'Flash encryption off or weakened',
    description: 'An ESP-IDF product config leaves flash encryption off, or configures flash / NVS encryption in a way that lets someone with the serial port read or rewrite the flash.',
    category: 'unencrypted-storage',
    severity: 'warning',
    cwe: ['CWE-311', 'CWE-312', 'CWE-1191'],
    practice: 5,
    attack: { ics: ['T0893', 'T0882'], enterprise: ['T1005', 'T1552.004'] },
    languages: ['kconfig'],
    messages: {
      enabled: '{{option}}=y {{risk}}.',
      disabled: '{{option}} is off: {{risk}}.',
      feOff: '{{option}} is off: firmware, NVS contents (Wi-Fi credentials, keys) and embedded certificates can be read from the SPI flash with a serial adapter.',
      implicitDevelopment: '{{option}}=y without choosing a mode leaves flash encryption in Development mode ("NOT SECURE"): the UART bootloader can still encrypt and write new firmware.',
    },
    docs: {
      what: 'Flash encryption switched off in `sdkconfig` / `sdkconfig.defaults*` (IDF-FE-01), Development-mode flash encryption, UART bootloader decrypt/encrypt/cache access, a disabled start-up check of the encryption eFuse, test-only "require already enabled", and NVS keys without a protection scheme.',
      why: 'Flash encryption is what keeps firmware, Wi-Fi credentials and device keys unreadable from the SPI flash. Each of these settings leaves a way around it for anyone with physical access to the UART (CWE-311/312, CWE-1191).',
      fix: 'Use `CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y` for products, leave the UART bootloader options off, keep `CONFIG_SECURE_FLASH_CHECK_ENC_EN_IN_APP` on and protect NVS keys with the HMAC or flash-encryption scheme. Keep development settings in `sdkconfig.ci*` or a debug overlay (reported as info there).',
      references: [
        'IDF-FE-01', 'IDF-FE-02', 'IDF-FE-03', 'IDF-FE-05', 'IDF-FE-06', 'IDF-FE-08', 'T-07', 'T-11',
        'espressif/esp-idf components/bootloader/Kconfig.projbuild', 'espressif/esp-idf components/nvs_sec_provider/Kconfig',
      ],
    },
  },
  keywords: ['secure_flash', 'flash_encryption', 'nvs_sec_key_protect'],
  check(ctx) {
    for (const m of findKconfigHazards(ctx.facts, ctx.filePath, FLASH_ENCRYPTION_HAZARDS)) {
      ctx.report({
        messageId: m.hazard.when === 'y' ? 'enabled' : 'disabled',
        data: { option: m.kv.key, risk: m.hazard.risk },
        range: m.kv.range,
        severity: m.severity,
        suggestions: m.suggestions,
      });
    }
    reportOff(ctx);
    // In `sdkconfig.defaults*` an enabled FE without a mode line falls back to Development
    // (IDF-FE-02, T-11). A full `sdkconfig` always writes the mode, so the table covers it.
    const name = ctx.filePath.slice(ctx.filePath.lastIndexOf('/') + 1);
    if (!name.startsWith('sdkconfig.defaults')) return;
    const entries = lastEntries(ctx.facts);
    if (MODE_KEYS.some((k) => entries.has(k))) return;
    for (const key of FE_ENABLED) {
      if (!isOn(entries, key)) continue;
      const kv = entries.get(key)!;
      ctx.report({
        messageId: 'implicitDevelopment',
        data: { option: key },
        range: kv.range,
        severity: isNonReleaseConfig(ctx.filePath) ? 'info' : 'warning',
        suggestions: [{ title: `Add ${RELEASE_LINE}`, edits: [{ range: [kv.range[1], kv.range[1]], text: `\n${RELEASE_LINE}` }] }],
      });
    }
  },
});
