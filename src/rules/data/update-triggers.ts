/**
 * Firmware-update tables shared by the unsigned-update rules: what makes OTA "present", what
 * proves images are signed or downgrade-protected, and the taxonomy tags of attack-mapping rows
 * F5 (unsigned OTA) and F6 (missing anti-rollback). Names checked in ESP-IDF
 * `components/partition_table/Kconfig.projbuild`, `components/bootloader/Kconfig.projbuild`,
 * `Kconfig.app_rollback`, `sdkconfig.rename`; Zephyr `modules/Kconfig.mcuboot`,
 * `share/sysbuild/images/bootloader/Kconfig`; MCUboot `boot/zephyr/Kconfig`.
 */

/** ATT&CK v18.1 tags of attack-mapping row F5 (unsigned / unverified OTA update). */
export const UNSIGNED_UPDATE_ATTACK = {
  ics: ['T0857', 'T0839', 'T0862'],
  enterprise: ['T1195.002', 'T1601.001', 'T1495'],
};

/** ATT&CK v18.1 tags of attack-mapping row F6 (missing anti-rollback / downgrade allowed). */
export const DOWNGRADE_ATTACK = {
  ics: ['T0857'],
  enterprise: ['T1601.002', 'T1562.010'],
};

/** ATT&CK tags for a network OTA endpoint anyone can reach (F5 plus T0800, practice 4 row P4). */
export const UNAUTHENTICATED_OTA_ATTACK = {
  ics: ['T0857', 'T0800'],
  enterprise: ['T1601.001', 'T1495'],
};

/** ESP-IDF partition-table choices that give the app two OTA slots ([IDF-PT]). */
export const IDF_OTA_PARTITION_KEYS: readonly string[] = [
  'CONFIG_PARTITION_TABLE_TWO_OTA',
  'CONFIG_PARTITION_TABLE_TWO_OTA_LARGE',
  'CONFIG_PARTITION_TABLE_TWO_OTA_ENCRYPTED_NVS',
  'CONFIG_PARTITION_TABLE_TWO_OTA_TEE',
];

/** ESP-IDF OTA API entry points ([IDF-OTA], [IDF-OPS]). */
export const IDF_OTA_CALLS: readonly string[] = ['esp_https_ota', 'esp_https_ota_begin', 'esp_ota_begin', 'esp_ota_write'];

/**
 * Options under which ESP-IDF verifies app signatures on update (IDF-SB-01/02). The legacy
 * `CONFIG_SECURE_BOOT_ENABLED` (secure boot V1, renamed by `sdkconfig.rename`) counts too.
 */
export const IDF_SIGNED_APP_KEYS: readonly string[] = [
  'CONFIG_SECURE_BOOT',
  'CONFIG_SECURE_BOOT_V2_ENABLED',
  'CONFIG_SECURE_BOOT_V1_ENABLED',
  'CONFIG_SECURE_BOOT_ENABLED',
  'CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT',
];

/** ESP-IDF anti-rollback switch and its pre-v4.2 name (IDF-RB-01). */
export const IDF_ANTI_ROLLBACK_KEYS: readonly string[] = ['CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK', 'CONFIG_APP_ANTI_ROLLBACK'];

/** Lines the anti-rollback suggestion appends (the parent option first: T-08). */
export const IDF_ANTI_ROLLBACK_LINES = [
  'CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE=y',
  'CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y',
  'CONFIG_BOOTLOADER_APP_SECURE_VERSION=1',
];

/** Zephyr "OTA present" triggers (§3): app chain-loaded by MCUboot, image management, hawkBit. */
export const ZEPHYR_OTA_KEYS: readonly string[] = [
  'CONFIG_BOOTLOADER_MCUBOOT',
  'SB_CONFIG_BOOTLOADER_MCUBOOT',
  'CONFIG_MCUMGR_GRP_IMG',
  'CONFIG_IMG_MANAGER',
  'CONFIG_HAWKBIT',
];

/** MCUboot downgrade prevention (MCB-05), the sysbuild spelling, and the app-side declaration (ZEP-07). */
export const MCUBOOT_DOWNGRADE_KEYS: readonly string[] = [
  'CONFIG_MCUBOOT_DOWNGRADE_PREVENTION',
  'CONFIG_MCUBOOT_HW_DOWNGRADE_PREVENTION',
  'SB_CONFIG_MCUBOOT_DOWNGRADE_PREVENTION',
  'SB_CONFIG_MCUBOOT_HW_DOWNGRADE_PREVENTION',
  'CONFIG_MCUBOOT_BOOTLOADER_NO_DOWNGRADE',
];

/**
 * MCUboot modes that always boot the highest version or have no second slot (X-05 covers only
 * swap/overwrite modes; `MCUBOOT_DOWNGRADE_PREVENTION` depends on `!BOOT_DIRECT_XIP`).
 */
export const MCUBOOT_NO_SWAP_MODE_KEYS: readonly string[] = [
  'SB_CONFIG_MCUBOOT_MODE_DIRECT_XIP',
  'SB_CONFIG_MCUBOOT_MODE_DIRECT_XIP_WITH_REVERT',
  'SB_CONFIG_MCUBOOT_MODE_RAM_LOAD',
  'SB_CONFIG_MCUBOOT_MODE_SINGLE_APP',
  'SB_CONFIG_MCUBOOT_MODE_SINGLE_APP_RAM_LOAD',
  'CONFIG_MCUBOOT_BOOTLOADER_MODE_DIRECT_XIP',
  'CONFIG_MCUBOOT_BOOTLOADER_MODE_DIRECT_XIP_WITH_REVERT',
  'CONFIG_MCUBOOT_BOOTLOADER_MODE_SINGLE_APP',
  'CONFIG_BOOT_DIRECT_XIP',
  'CONFIG_BOOT_RAM_LOAD',
  'CONFIG_SINGLE_APPLICATION_SLOT',
];

/** Options naming the key the build signs (or MCUboot verifies) images with (MCB-02, ZEP-01, ZEP-04). */
export const MCUBOOT_SIGNING_KEY_FILE_KEYS: readonly string[] = [
  'SB_CONFIG_BOOT_SIGNATURE_KEY_FILE',
  'CONFIG_BOOT_SIGNATURE_KEY_FILE',
  'CONFIG_MCUBOOT_SIGNATURE_KEY_FILE',
];

/** Options naming the image-encryption key (MCB-06, ZEP-03, ZEP-06). */
export const MCUBOOT_ENCRYPTION_KEY_FILE_KEYS: readonly string[] = [
  'SB_CONFIG_BOOT_ENCRYPTION_KEY_FILE',
  'CONFIG_BOOT_ENCRYPTION_KEY_FILE',
  'CONFIG_MCUBOOT_ENCRYPTION_KEY_FILE',
];

/** "No signature; use only hash check" (MCB-01, ZEP-02). */
export const MCUBOOT_SIGNATURE_NONE_KEYS: readonly string[] = ['CONFIG_BOOT_SIGNATURE_TYPE_NONE', 'SB_CONFIG_BOOT_SIGNATURE_TYPE_NONE'];
