/**
 * ESP-IDF / Zephyr / MCUboot Kconfig security state: update channels (OTA partitions, MCUboot,
 * mcumgr), mitigation evidence (secure boot, signed apps, anti-rollback, flash/NVS encryption,
 * ROM download mode off) and weaknesses (HTTP OTA allowed, unsigned MCUboot images, JTAG/UART
 * debug left open, TLS verification skipped). Names checked in reference/attack-mapping.md §I.
 */
import { isTruthy } from '../../core/fact-helpers';
import type { Collector } from '../../core/rule';
import type { FindingRowId } from '../taxonomy';
import { SIG, isOwnOutput, signalMitigation, signalTlsScope, signalWeakness } from '../signals';

/** `CONFIG_X=y` → mitigation kind. */
export const KCONFIG_MITIGATIONS: Readonly<Record<string, string>> = {
  CONFIG_SECURE_BOOT: 'secure-boot',
  CONFIG_SECURE_BOOT_V2_ENABLED: 'secure-boot',
  CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT: 'signed-apps',
  CONFIG_SECURE_SIGNED_ON_UPDATE_NO_SECURE_BOOT: 'signed-apps',
  CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK: 'anti-rollback',
  CONFIG_MCUBOOT_DOWNGRADE_PREVENTION: 'anti-rollback',
  CONFIG_MCUBOOT_HW_DOWNGRADE_PREVENTION: 'anti-rollback',
  SB_CONFIG_MCUBOOT_DOWNGRADE_PREVENTION: 'anti-rollback',
  SB_CONFIG_MCUBOOT_HW_DOWNGRADE_PREVENTION: 'anti-rollback',
  CONFIG_BOOT_SIGNATURE_TYPE_RSA: 'mcuboot-signature',
  CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256: 'mcuboot-signature',
  CONFIG_BOOT_SIGNATURE_TYPE_ED25519: 'mcuboot-signature',
  CONFIG_BOOT_VALIDATE_SLOT0: 'mcuboot-signature',
  SB_CONFIG_BOOT_SIGNATURE_TYPE_RSA: 'mcuboot-signature',
  SB_CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256: 'mcuboot-signature',
  SB_CONFIG_BOOT_SIGNATURE_TYPE_ED25519: 'mcuboot-signature',
  CONFIG_SECURE_FLASH_ENC_ENABLED: 'flash-encryption',
  CONFIG_NVS_ENCRYPTION: 'nvs-encryption',
  CONFIG_BOOT_ENCRYPT_IMAGE: 'image-encryption',
  CONFIG_SECURE_DISABLE_ROM_DL_MODE: 'rom-download-disabled',
  CONFIG_SECURE_ENABLE_SECURE_ROM_DL_MODE: 'rom-download-disabled',
  CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE: 'app-rollback',
  CONFIG_ESP_TLS_SERVER_CERT_VERIFY_REQUIRED: 'ca-cert',
};

/** Options naming the project's own MCUboot signing key (the sysbuild spelling first). */
const SIGNING_KEY_FILES = new Set(['SB_CONFIG_BOOT_SIGNATURE_KEY_FILE', 'CONFIG_BOOT_SIGNATURE_KEY_FILE', 'CONFIG_MCUBOOT_SIGNATURE_KEY_FILE']);

/** `CONFIG_X=y` → weakness row. */
const KCONFIG_WEAKNESSES: Readonly<Record<string, FindingRowId>> = {
  CONFIG_ESP_HTTPS_OTA_ALLOW_HTTP: 'F5',
  CONFIG_BOOT_SIGNATURE_TYPE_NONE: 'F5',
  SB_CONFIG_BOOT_SIGNATURE_TYPE_NONE: 'F5',
  CONFIG_ESP_TLS_SKIP_SERVER_CERT_VERIFY: 'F4',
  CONFIG_SECURE_BOOT_ALLOW_JTAG: 'F8',
  CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_ENC: 'F8',
  CONFIG_SECURE_INSECURE_ALLOW_DL_MODE: 'F8',
  CONFIG_ESP_GDBSTUB_ENABLED: 'F8',
  CONFIG_ESP_SYSTEM_GDBSTUB_RUNTIME: 'F8',
};

/** `CONFIG_X=y` → update mechanism. */
const KCONFIG_UPDATES: Readonly<Record<string, string>> = {
  CONFIG_PARTITION_TABLE_TWO_OTA: 'esp-idf-ota',
  CONFIG_ESP_HTTPS_OTA_DECRYPT_CB: 'esp-idf-ota',
  CONFIG_BOOTLOADER_MCUBOOT: 'mcuboot',
  SB_CONFIG_BOOTLOADER_MCUBOOT: 'mcuboot',
  CONFIG_MCUBOOT: 'mcuboot',
  CONFIG_MCUMGR: 'mcumgr',
  CONFIG_MCUMGR_GRP_IMG: 'mcumgr',
  CONFIG_IMG_MANAGER: 'mcuboot',
  CONFIG_OTA_ENABLED: 'ota',
};

/** The three tables by option name. */
const KNOWN_OPTIONS = new Map<string, { mitigation?: string; weak?: FindingRowId; update?: string }>();
for (const [table, field] of [
  [KCONFIG_MITIGATIONS, 'mitigation'],
  [KCONFIG_WEAKNESSES, 'weak'],
  [KCONFIG_UPDATES, 'update'],
] as const) {
  for (const [option, value] of Object.entries(table)) KNOWN_OPTIONS.set(option, { ...KNOWN_OPTIONS.get(option), [field]: value });
}

export const kconfigSecurityCollector: Collector = {
  id: 'tm-kconfig-security',
  languages: ['kconfig'],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    const updates = new Set<string>();
    for (const kv of ctx.facts.keyValues) {
      if (SIGNING_KEY_FILES.has(kv.key)) {
        const path = String(kv.value.value ?? kv.value.text).trim();
        // MCUboot's bundled root-*.pem keys are public: naming one is no protection.
        if (path && !/(^|\/)root-(rsa-2048|rsa-3072|ec-p256|ed25519|x25519)\.pem$/.test(path)) signalMitigation(ctx, 'mcuboot-signing-key', `${kv.key}=${path.slice(0, 80)}`, kv.range);
        continue;
      }
      // Most of an sdkconfig's ~600 options are none of these: one lookup, nothing built for them.
      const known = KNOWN_OPTIONS.get(kv.key);
      const update = known?.update ?? (kv.key.startsWith('CONFIG_PARTITION_TABLE_') && kv.key.includes('OTA') ? 'esp-idf-ota' : undefined);
      if ((!known && !update) || !isTruthy(kv.value)) continue;
      const mitigation = known?.mitigation;
      const weak = known?.weak;
      const evidence = `${kv.key}=${kv.value.text}`;
      if (mitigation) signalMitigation(ctx, mitigation, evidence, kv.range);
      if (weak) signalWeakness(ctx, weak, kv.key.toLowerCase(), evidence, kv.range);
      // esp-tls options hold for every TLS connection of the firmware.
      if (weak === 'F4') signalTlsScope(ctx, 'disabled', { targets: [], global: true }, kv.range);
      else if (mitigation === 'ca-cert') signalTlsScope(ctx, 'verified', { targets: [], global: true }, kv.range);
      if (update && !updates.has(update)) {
        updates.add(update);
        ctx.signal({ kind: SIG.update, key: update, value: evidence, range: kv.range });
      }
    }
  },
};
