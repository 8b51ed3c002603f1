import { defineRule } from '../core/rule';
import { ESP_IDF_DEBUG_HAZARDS, findKconfigHazards } from './data/device-kconfig';

/** Flags ESP-IDF options that keep JTAG, ROM download mode, ROM BASIC or a GDB stub reachable, or only simulate eFuses. */
export const espIdfDebugEscape = defineRule({
  meta: {
    id: 'esp-idf-debug-escape',
    title: 'ESP-IDF debug or download escape hatch left on',
    description: 'An ESP-IDF sdkconfig keeps JTAG, full UART download mode, ROM BASIC or a GDB stub reachable, or only simulates eFuses, so physical access bypasses secure boot and flash encryption.',
    category: 'exposed-service',
    severity: 'warning',
    cwe: ['CWE-1191', 'CWE-489', 'CWE-1269'],
    practice: 7,
    attack: { ics: ['T0857', 'T0893'], enterprise: ['T1005', 'T1601.001'] },
    languages: ['kconfig'],
    messages: {
      enabled: '{{option}}=y {{risk}}.',
    },
    docs: {
      what: '`CONFIG_SECURE_BOOT_ALLOW_JTAG`, `CONFIG_SECURE_BOOT_ALLOW_ROM_BASIC`, the `CONFIG_SECURE_BOOT_INSECURE` gate, `CONFIG_SECURE_BOOT_V2_ALLOW_EFUSE_RD_DIS`, `CONFIG_SECURE_INSECURE_ALLOW_DL_MODE`, `CONFIG_EFUSE_VIRTUAL` and the GDB stub options (`CONFIG_ESP_SYSTEM_PANIC_GDBSTUB`, `CONFIG_ESP_SYSTEM_GDBSTUB_RUNTIME`).',
      why: 'Secure boot and flash encryption only hold if the chip\'s debug and download paths are closed. JTAG or the full ROM download mode gives anyone with the board memory and eFuse access; a GDB stub on the console UART does the same in software; virtual eFuses mean nothing is ever burned (CWE-1191, CWE-489). ATT&CK has no technique for physical debug access; the tags are the outcomes (firmware modification, data from the device).',
      fix: 'Leave these options off in the product configuration: switch ROM download mode to Secure (`CONFIG_SECURE_ENABLE_SECURE_ROM_DL_MODE=y`) or disable it, keep JTAG disabled (or soft-disable it via HMAC at run time and suppress with a reason), and let a panic reboot. Keep debug settings in `sdkconfig.ci*` or a debug overlay, where they are reported as info.',
      references: [
        'IDF-SB-06', 'IDF-SB-07', 'IDF-SB-08', 'IDF-SB-11', 'IDF-FE-04', 'IDF-FE-09', 'F8', 'T-07', 'T-10',
        'espressif/esp-idf components/bootloader/Kconfig.projbuild', 'espressif/esp-idf components/esp_gdbstub/Kconfig', 'espressif/esp-idf components/efuse/Kconfig',
      ],
    },
  },
  keywords: ['secure_boot_', 'dl_mode', 'efuse_virtual', 'gdbstub'],
  check(ctx) {
    for (const m of findKconfigHazards(ctx.facts, ctx.filePath, ESP_IDF_DEBUG_HAZARDS)) {
      ctx.report({ messageId: 'enabled', data: { option: m.kv.key, risk: m.hazard.risk }, range: m.kv.range, severity: m.severity, suggestions: m.suggestions });
    }
  },
});
