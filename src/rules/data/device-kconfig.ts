/**
 * Kconfig options that weaken device hardening (flash encryption, debug and download escape
 * hatches, Zephyr management transports), as data, plus the matcher the three Kconfig device
 * rules share. Names and semantics were read in ESP-IDF `components/bootloader/Kconfig.projbuild`,
 * `components/nvs_sec_provider/Kconfig`, `components/esp_gdbstub/Kconfig`, `components/efuse/Kconfig`
 * and Zephyr `scripts/kconfig/hardened.csv`, `subsys/mgmt/mcumgr`, `subsys/mgmt/hawkbit`
 * (see iot-config-reference.md §1.3, §3).
 */
import type { Facts, KeyValueFact, Range } from '../../core/facts';
import type { Fix, Severity } from '../../core/finding';
import { isFalsy, isTruthy } from '../../core/fact-helpers';

/**
 * Prefilter keywords for a line of a Kconfig fragment (`CONFIG_X=…`, `SB_CONFIG_X=…`, `# CONFIG_X is
 * not set`), case-sensitive: C sources use the same symbols all over, but not at the start of a line.
 * The second one covers the first line of a file (`^` without `m` is only tried there).
 */
export const KCONFIG_LINE_KEYWORDS: readonly RegExp[] = [
  /\n[ \t]?(?:#[ \t]?)?(?:SB_)?CONFIG_[A-Za-z0-9_]/,
  /^[ \t]?(?:#[ \t]?)?(?:SB_)?CONFIG_[A-Za-z0-9_]/,
];

/** One insecure Kconfig setting. */
export interface KconfigHazard {
  /** Current symbol first, then legacy names (`sdkconfig.rename`, older Zephyr trees). */
  keys: readonly string[];
  /** The insecure state: `y`, or `n` (`=n` / `# CONFIG_X is not set`). */
  when: 'y' | 'n';
  severity: Severity;
  /** What the setting does, completing "CONFIG_X=y …" in the message. */
  risk: string;
  /** Reference row (iot-config-reference.md). */
  ref: string;
  /** Safer lines offered instead (first = preferred). Without it the suggestion switches the option back. */
  replaceWith?: readonly string[];
  /** Skip when one of these is `y` in the same file: the finding is covered by another one, or inert. */
  unlessSet?: readonly string[];
}

/** A hazard found in one file. */
export interface KconfigHazardMatch {
  hazard: KconfigHazard;
  kv: KeyValueFact;
  severity: Severity;
  suggestions: Fix[];
}

const CI_SDKCONFIG = /^sdkconfig\.(?:ci(?:\.|$)|defaults\.qemu$)/;
const DEBUG_NAME = /debug/i;

/** CI variants (`sdkconfig.ci*`), `*debug*` overlays and ESP-IDF `test_apps`: not a release configuration. */
export function isNonReleaseConfig(filePath: string): boolean {
  const name = filePath.slice(filePath.lastIndexOf('/') + 1);
  return CI_SDKCONFIG.test(name) || DEBUG_NAME.test(name) || filePath.includes('test_apps/');
}

/** ESP-IDF writes booleans off as `# CONFIG_X is not set`; Zephyr fragments usually say `CONFIG_X=n`. */
export function offLine(filePath: string, key: string): string {
  const name = filePath.slice(filePath.lastIndexOf('/') + 1);
  return name.startsWith('sdkconfig') ? `# ${key} is not set` : `${key}=n`;
}

/** The effective (last) entry per Kconfig symbol. */
export function lastEntries(facts: Facts): Map<string, KeyValueFact> {
  const map = new Map<string, KeyValueFact>();
  for (const kv of facts.keyValues) map.set(kv.key, kv);
  return map;
}

/** True when `key` is set to `y` in this file. */
export function isOn(entries: ReadonlyMap<string, KeyValueFact>, key: string): boolean {
  const kv = entries.get(key);
  return kv !== undefined && isTruthy(kv.value);
}

function replaceLine(kv: KeyValueFact, text: string): { range: Range; text: string } {
  return { range: kv.range, text };
}

function suggestionsFor(h: KconfigHazard, kv: KeyValueFact, entries: ReadonlyMap<string, KeyValueFact>, filePath: string): Fix[] {
  if (!h.replaceWith) {
    const line = h.when === 'y' ? offLine(filePath, kv.key) : `${kv.key}=y`;
    return [{ title: h.when === 'y' ? `Disable ${kv.key}` : `Enable ${kv.key}`, edits: [replaceLine(kv, line)] }];
  }
  return h.replaceWith.map((line) => {
    const symbol = line.slice(0, line.indexOf('='));
    const edits = [replaceLine(kv, line)];
    // Choices in a full sdkconfig list the other members as `# X is not set`: swap them, so the
    // file never says both.
    const other = entries.get(symbol);
    if (other && other.value.text === 'is not set') edits.push(replaceLine(other, `# ${kv.key} is not set`));
    return { title: `Use ${line}`, edits };
  });
}

/** Every hazard of `table` present in the file, with severity (lowered outside release configs) and suggestions. */
export function findKconfigHazards(facts: Facts, filePath: string, table: readonly KconfigHazard[]): KconfigHazardMatch[] {
  const entries = lastEntries(facts);
  const nonRelease = isNonReleaseConfig(filePath);
  const out: KconfigHazardMatch[] = [];
  for (const hazard of table) {
    if (hazard.unlessSet?.some((k) => isOn(entries, k))) continue;
    for (const key of hazard.keys) {
      const kv = entries.get(key);
      if (!kv) continue;
      const insecure = hazard.when === 'y' ? isTruthy(kv.value) : isFalsy(kv.value);
      if (!insecure) continue;
      out.push({ hazard, kv, severity: nonRelease ? 'info' : hazard.severity, suggestions: suggestionsFor(hazard, kv, entries, filePath) });
    }
  }
  return out.sort((a, b) => a.kv.range[0] - b.kv.range[0]);
}

const FE_DEVELOPMENT = ['CONFIG_SECURE_FLASH_ENCRYPTION_MODE_DEVELOPMENT', 'CONFIG_FLASH_ENCRYPTION_INSECURE'];

/** ESP-IDF flash / NVS encryption weakened (IDF-FE-02, -03, -05, -06, -08). */
export const FLASH_ENCRYPTION_HAZARDS: readonly KconfigHazard[] = [
  {
    keys: FE_DEVELOPMENT, when: 'y', severity: 'warning', ref: 'IDF-FE-02',
    risk: 'keeps flash encryption in Development mode ("NOT SECURE"): the UART bootloader can still encrypt and write new firmware, so the flash can be reprogrammed over serial',
    replaceWith: ['CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y'],
  },
  {
    keys: ['CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_DEC', 'CONFIG_FLASH_ENCRYPTION_UART_BOOTLOADER_ALLOW_DECRYPT'], when: 'y', severity: 'error', ref: 'IDF-FE-03',
    risk: 'leaves UART bootloader decryption enabled, a complete bypass of flash encryption (anyone with the serial port reads the plaintext firmware and secrets)',
  },
  {
    keys: ['CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_ENC', 'CONFIG_FLASH_ENCRYPTION_UART_BOOTLOADER_ALLOW_ENCRYPT'], when: 'y', severity: 'warning', ref: 'IDF-FE-03',
    risk: 'leaves UART bootloader encryption enabled, so anyone with the serial port can write encrypted firmware of their choosing',
    // Development mode selects it; that finding already covers it.
    unlessSet: FE_DEVELOPMENT,
  },
  {
    keys: ['CONFIG_SECURE_FLASH_UART_BOOTLOADER_ALLOW_CACHE', 'CONFIG_FLASH_ENCRYPTION_UART_BOOTLOADER_ALLOW_CACHE'], when: 'y', severity: 'warning', ref: 'IDF-FE-03',
    risk: 'leaves the flash cache reachable from the UART bootloader, which can expose decrypted flash contents',
  },
  {
    keys: ['CONFIG_SECURE_FLASH_CHECK_ENC_EN_IN_APP'], when: 'n', severity: 'warning', ref: 'IDF-FE-05',
    risk: 'the app no longer checks at start-up that flash encryption is really enabled in eFuse, so a device left unencrypted runs silently',
  },
  {
    keys: ['CONFIG_SECURE_FLASH_REQUIRE_ALREADY_ENABLED'], when: 'y', severity: 'info', ref: 'IDF-FE-06',
    risk: 'is a testing option: the bootloader will not enable flash encryption itself, so devices depend on a separate espefuse step',
  },
  {
    keys: ['CONFIG_NVS_SEC_KEY_PROTECT_NONE'], when: 'y', severity: 'warning', ref: 'IDF-FE-08',
    risk: 'leaves the NVS encryption keys unprotected unless the app registers its own protection scheme',
    replaceWith: ['CONFIG_NVS_SEC_KEY_PROTECT_USING_HMAC=y', 'CONFIG_NVS_SEC_KEY_PROTECT_USING_FLASH_ENC=y'],
  },
];

const GDBSTUB_CHOICES = ['CONFIG_ESP_SYSTEM_PANIC_GDBSTUB', 'CONFIG_ESP32_PANIC_GDBSTUB', 'CONFIG_ESP_SYSTEM_GDBSTUB_RUNTIME', 'CONFIG_ESP_GDBSTUB_RUNTIME'];

/** ESP-IDF debug and download escape hatches (IDF-SB-06/07/08/11, IDF-FE-04/09, F8 gdbstub). */
export const ESP_IDF_DEBUG_HAZARDS: readonly KconfigHazard[] = [
  {
    keys: ['CONFIG_SECURE_BOOT_ALLOW_JTAG'], when: 'y', severity: 'error', ref: 'IDF-SB-07',
    risk: 'leaves JTAG enabled, which negates flash encryption and part of secure boot for anyone with a debug probe',
  },
  {
    keys: ['CONFIG_SECURE_BOOT_ALLOW_ROM_BASIC'], when: 'y', severity: 'warning', ref: 'IDF-SB-08',
    risk: 'keeps the ROM BASIC console reachable on reset instead of burning the eFuse that disables it',
  },
  {
    keys: ['CONFIG_SECURE_BOOT_INSECURE'], when: 'y', severity: 'info', ref: 'IDF-SB-06',
    risk: 'unlocks the "potentially insecure" secure-boot options; keep it only while one of them is justified',
  },
  {
    keys: ['CONFIG_SECURE_BOOT_V2_ALLOW_EFUSE_RD_DIS'], when: 'y', severity: 'info', ref: 'IDF-SB-11',
    risk: 'lets eFuse blocks be read-protected after secure boot is on, which allows a denial of service on the key digest and aids fault injection',
  },
  {
    keys: ['CONFIG_SECURE_INSECURE_ALLOW_DL_MODE'], when: 'y', severity: 'warning', ref: 'IDF-FE-04',
    risk: 'keeps the full UART ROM download mode, so esptool can read memory and eFuses and attack secure boot / flash encryption',
    replaceWith: ['CONFIG_SECURE_ENABLE_SECURE_ROM_DL_MODE=y', 'CONFIG_SECURE_DISABLE_ROM_DL_MODE=y'],
  },
  {
    keys: ['CONFIG_EFUSE_VIRTUAL', 'CONFIG_EFUSE_VIRTUAL_KEEP_IN_FLASH'], when: 'y', severity: 'warning', ref: 'IDF-FE-09',
    risk: 'only simulates eFuses: secure-boot digests, flash-encryption keys and the secure version are never burned',
    unlessSet: ['CONFIG_IDF_TARGET_LINUX'],
  },
  {
    keys: ['CONFIG_ESP_SYSTEM_GDBSTUB_RUNTIME', 'CONFIG_ESP_GDBSTUB_RUNTIME'], when: 'y', severity: 'warning', ref: 'F8',
    risk: 'runs a GDB stub on the console UART at run time: anyone on the serial port can read and write memory',
  },
  {
    keys: ['CONFIG_ESP_SYSTEM_PANIC_GDBSTUB', 'CONFIG_ESP32_PANIC_GDBSTUB'], when: 'y', severity: 'warning', ref: 'F8',
    risk: 'starts a GDB stub on the console UART after a panic instead of rebooting: an attacker who can crash the device reads its memory',
  },
  {
    // Hidden symbol selected by the two above; only reported when set on its own.
    keys: ['CONFIG_ESP_GDBSTUB_ENABLED'], when: 'y', severity: 'warning', ref: 'F8',
    risk: 'builds the GDB stub into the firmware (memory access over the console UART)',
    unlessSet: GDBSTUB_CHOICES,
  },
];

/** Zephyr Bluetooth test keys, unauthenticated MCUmgr / hawkBit, telnet shell (ZEP-08/10/12/15). */
export const ZEPHYR_MANAGEMENT_HAZARDS: readonly KconfigHazard[] = [
  {
    keys: ['CONFIG_BT_USE_DEBUG_KEYS'], when: 'y', severity: 'error', ref: 'ZEP-15',
    risk: 'pairs with the public Bluetooth debug key pair, so any sniffer decrypts LE Secure Connections traffic',
  },
  {
    keys: ['CONFIG_BT_STORE_DEBUG_KEYS'], when: 'y', severity: 'warning', ref: 'ZEP-15',
    risk: 'stores bonds made with the public Bluetooth debug keys',
  },
  {
    keys: ['CONFIG_BT_FIXED_PASSKEY'], when: 'y', severity: 'warning', ref: 'ZEP-15',
    risk: 'allows a fixed pairing passkey shared by every device',
  },
  {
    keys: ['CONFIG_BT_OOB_DATA_FIXED'], when: 'y', severity: 'warning', ref: 'ZEP-15',
    risk: 'uses the fixed out-of-band pairing data from the Bluetooth spec test vectors',
  },
  {
    keys: ['CONFIG_BT_CONN_DISABLE_SECURITY'], when: 'y', severity: 'error', ref: 'ZEP-15',
    risk: 'disables the security checks of Bluetooth connections (a test-only option)',
  },
  {
    keys: ['CONFIG_BT_DEBUG_KEYS', 'CONFIG_BT_LOG_SNIFFER_INFO'], when: 'y', severity: 'warning', ref: 'ZEP-15',
    risk: 'logs Bluetooth key material, so the console or log backend reveals pairing keys',
  },
  {
    keys: ['CONFIG_MCUMGR_GRP_SHELL', 'CONFIG_MCUMGR_CMD_SHELL_MGMT'], when: 'y', severity: 'warning', ref: 'ZEP-10',
    risk: 'lets any MCUmgr client run shell commands on the device',
  },
  {
    keys: ['CONFIG_MCUMGR_GRP_FS', 'CONFIG_MCUMGR_CMD_FS_MGMT'], when: 'y', severity: 'warning', ref: 'ZEP-10',
    risk: 'lets any MCUmgr client read and write the device file system',
    unlessSet: ['CONFIG_MCUMGR_GRP_FS_FILE_ACCESS_HOOK'],
  },
  {
    keys: ['CONFIG_MCUMGR_TRANSPORT_BT_PERM_RW'], when: 'y', severity: 'warning', ref: 'ZEP-08',
    risk: 'makes the MCUmgr Bluetooth service (image upload, reset) writable by any unpaired peer in radio range',
    replaceWith: ['CONFIG_MCUMGR_TRANSPORT_BT_PERM_RW_AUTHEN=y'],
  },
  {
    keys: ['CONFIG_MCUMGR_TRANSPORT_BT_AUTHEN', 'CONFIG_MCUMGR_SMP_BT_AUTHEN'], when: 'n', severity: 'warning', ref: 'ZEP-08',
    risk: 'the MCUmgr Bluetooth service (image upload, reset) accepts unpaired peers in radio range',
  },
  {
    keys: ['CONFIG_HAWKBIT_DDI_NO_SECURITY'], when: 'y', severity: 'warning', ref: 'ZEP-12',
    risk: 'talks to the hawkBit server without a target or gateway token, so the device and server do not authenticate each other',
    replaceWith: ['CONFIG_HAWKBIT_DDI_TARGET_SECURITY=y'],
  },
  {
    keys: ['CONFIG_SHELL_BACKEND_TELNET'], when: 'y', severity: 'warning', ref: 'F8',
    risk: 'serves the Zephyr shell over telnet, unauthenticated and in plaintext',
  },
];
