import { isTruthy } from '../core/fact-helpers';
import type { FileSummary, ProjectContext, Signal } from '../core/rule';
import { defineProjectRule } from '../core/rule';
import { KCONFIG_LINE_KEYWORDS } from './data/device-kconfig';
import {
  baseNameOf, dirNameOf, isCiSdkconfig, isMcubootImageConfig, isSdkconfig, isZephyrAppConfig, nearestRoot, relativePath, sourceProjectOf,
} from './data/update-edits';
import {
  DOWNGRADE_ATTACK, IDF_ANTI_ROLLBACK_KEYS, IDF_ANTI_ROLLBACK_LINES, IDF_OTA_CALLS, IDF_OTA_PARTITION_KEYS,
  MCUBOOT_DOWNGRADE_KEYS, MCUBOOT_NO_SWAP_MODE_KEYS, ZEPHYR_OTA_KEYS,
} from './data/update-triggers';

const ID = 'ota-without-anti-rollback';
const K = {
  sdkconfig: `${ID}:sdkconfig`, idfOta: `${ID}:idf-ota`, idfRollback: `${ID}:idf-anti-rollback`,
  zephyrApp: `${ID}:zephyr-app`, mcubootConf: `${ID}:mcuboot-conf`, zephyrOta: `${ID}:zephyr-ota`, mcubootSafe: `${ID}:mcuboot-no-downgrade`,
};
/** Anchor preference among Zephyr triggers: the line that selects MCUboot comes first. */
const ZEPHYR_ANCHOR_ORDER = ['SB_CONFIG_BOOTLOADER_MCUBOOT', 'CONFIG_BOOTLOADER_MCUBOOT', 'CONFIG_MCUMGR_GRP_IMG', 'CONFIG_IMG_MANAGER', 'CONFIG_HAWKBIT'];
const MCUBOOT_LINE = 'CONFIG_MCUBOOT_DOWNGRADE_PREVENTION=y';

type Located = FileSummary['signals'][number] & { filePath: string };

/** OTA-capable ESP-IDF and Zephyr/MCUboot projects with no anti-rollback / downgrade prevention configured. */
export const otaWithoutAntiRollback = defineProjectRule({
  meta: {
    id: ID,
    title: 'OTA without anti-rollback',
    description: 'Flags OTA-capable ESP-IDF projects without CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK and Zephyr/MCUboot projects without MCUboot downgrade prevention.',
    category: 'unsigned-update',
    severity: 'warning',
    cwe: ['CWE-1328'],
    practice: 4,
    attack: DOWNGRADE_ATTACK,
    languages: ['kconfig', 'c', 'cpp'],
    messages: {
      espIdf: 'OTA is enabled ({{trigger}}) but CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK is not set in {{config}}: an older, correctly signed but vulnerable firmware can be installed again.',
      espIdfNoSdkconfig: '{{trigger}} performs OTA, but this project has no sdkconfig / sdkconfig.defaults, so the Kconfig default applies: CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK is off and an older, vulnerable firmware can be installed again.',
      mcuboot: 'MCUboot OTA is enabled ({{trigger}}) but no CONFIG_MCUBOOT_DOWNGRADE_PREVENTION / CONFIG_MCUBOOT_HW_DOWNGRADE_PREVENTION is set for this application: MCUboot swaps in older images, so vulnerable firmware can be re-installed.',
    },
    docs: {
      what: 'ESP-IDF projects with an OTA trigger and no CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y (legacy CONFIG_APP_ANTI_ROLLBACK), including projects without any sdkconfig (Kconfig default: off); Zephyr applications with CONFIG_BOOTLOADER_MCUBOOT / SB_CONFIG_BOOTLOADER_MCUBOOT / MCUmgr image management / hawkBit and no MCUboot downgrade prevention in any config of the application (DirectXIP / RAM-load / single-slot modes excluded).',
      why: 'Signatures prove who built an image, not that it is current: without a security version counter an attacker replays an old signed release with known vulnerabilities.',
      fix: 'ESP-IDF: CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE=y, CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y and raise CONFIG_BOOTLOADER_APP_SECURE_VERSION per security release (partition table with ota_0/ota_1, no factory app). MCUboot: CONFIG_MCUBOOT_DOWNGRADE_PREVENTION=y in the MCUboot image config (sysbuild/mcuboot.conf), optionally with a security counter.',
      references: ['X-02', 'X-05', 'IDF-RB-01', 'MCB-05', 'ZEP-07', 'espressif/esp-idf components/bootloader/Kconfig.app_rollback', 'mcu-tools/mcuboot boot/zephyr/Kconfig', 'zephyrproject-rtos/zephyr modules/Kconfig.mcuboot'],
    },
  },
  // Every sdkconfig line (a file's mere presence is a signal), and the OTA calls collect() reads in C.
  keywords: [...KCONFIG_LINE_KEYWORDS, /\besp_(?:https_ota(?:_begin)?|ota_(?:begin|write))\s*\(/],
  collect(ctx) {
    const withEvidence = (s: Signal): Signal => ({ ...s, value: ctx.text.slice(s.range[0], s.range[1]).slice(0, 120) });
    if (ctx.languageId !== 'kconfig') {
      for (const call of ctx.facts.calls) {
        if (!call.receiver && IDF_OTA_CALLS.includes(call.name)) ctx.signal(withEvidence({ kind: K.idfOta, key: call.name, range: call.range }));
      }
      return;
    }
    const sdk = isSdkconfig(ctx.filePath);
    if (sdk && isCiSdkconfig(ctx.filePath)) return;
    if (sdk) ctx.signal({ kind: K.sdkconfig, range: [0, 0] });
    if (isZephyrAppConfig(ctx.filePath)) ctx.signal({ kind: K.zephyrApp, range: [0, 0] });
    if (isMcubootImageConfig(ctx.filePath)) ctx.signal({ kind: K.mcubootConf, range: [0, 0] });
    for (const kv of ctx.facts.keyValues) {
      if (!isTruthy(kv.value)) continue;
      if (sdk && IDF_OTA_PARTITION_KEYS.includes(kv.key)) ctx.signal(withEvidence({ kind: K.idfOta, key: kv.key, range: kv.range }));
      if (sdk && IDF_ANTI_ROLLBACK_KEYS.includes(kv.key)) ctx.signal({ kind: K.idfRollback, key: kv.key, range: kv.range });
      if (!sdk && ZEPHYR_OTA_KEYS.includes(kv.key)) ctx.signal(withEvidence({ kind: K.zephyrOta, key: kv.key, range: kv.range }));
      if (!sdk && (MCUBOOT_DOWNGRADE_KEYS.includes(kv.key) || MCUBOOT_NO_SWAP_MODE_KEYS.includes(kv.key))) ctx.signal({ kind: K.mcubootSafe, key: kv.key, range: kv.range });
    }
  },
  checkProject(ctx) {
    const all: Located[] = ctx.files.flatMap((f) => f.signals.filter((s) => s.kind.startsWith(`${ID}:`)).map((s) => ({ ...s, filePath: f.filePath })));
    checkEspIdf(ctx, all);
    checkZephyr(ctx, all);
  },
});

function checkEspIdf(ctx: ProjectContext, all: readonly Located[]): void {
  const roots = new Set(all.filter((s) => s.kind === K.sdkconfig).map((s) => dirNameOf(s.filePath)));
  const byRoot = new Map<string, { root?: string; signals: Located[] }>();
  for (const s of all) {
    if (![K.sdkconfig, K.idfOta, K.idfRollback].includes(s.kind)) continue;
    const root = nearestRoot(s.filePath, roots) ?? (roots.size === 1 ? [...roots][0] : undefined);
    // Without any sdkconfig the Kconfig defaults apply (anti-rollback off): group by source folder and report.
    const key = root ?? `\u0000${sourceProjectOf(s.filePath)}`;
    const group = byRoot.get(key) ?? { root, signals: [] };
    group.signals.push(s);
    byRoot.set(key, group);
  }
  for (const { root, signals } of byRoot.values()) {
    if (signals.some((s) => s.kind === K.idfRollback)) continue;
    const triggers = signals.filter((s) => s.kind === K.idfOta);
    const inConfig = triggers.filter((s) => isSdkconfig(s.filePath));
    const anchor = inConfig.find((s) => baseNameOf(s.filePath).startsWith('sdkconfig.defaults')) ?? inConfig[0]
      ?? [...triggers].sort((a, b) => a.filePath.localeCompare(b.filePath) || a.range[0] - b.range[0])[0];
    if (!anchor) continue;
    const project = root ?? sourceProjectOf(anchor.filePath);
    const target = isSdkconfig(anchor.filePath) ? baseNameOf(anchor.filePath) : relativePath(dirNameOf(anchor.filePath), project ? `${project}/sdkconfig.defaults` : 'sdkconfig.defaults');
    const configs = [...new Set(signals.filter((s) => s.kind === K.sdkconfig).map((s) => baseNameOf(s.filePath)))].join(', ');
    ctx.report(anchor.filePath, {
      messageId: root === undefined ? 'espIdfNoSdkconfig' : 'espIdf',
      data: { trigger: anchor.kind === K.idfOta && !isSdkconfig(anchor.filePath) ? `${anchor.key}()` : `${anchor.key}=y`, config: configs },
      range: anchor.range, start: anchor.start, end: anchor.end, evidence: anchor.value,
      // A suggestion: anti-rollback needs a partition table without a factory app and burns eFuse bits per version.
      suggestions: [{
        title: `Enable anti-rollback in ${target} (then raise CONFIG_BOOTLOADER_APP_SECURE_VERSION per security release)`,
        edits: [],
        fileEdits: [{ path: target, append: `\n# Anti-rollback: refuse firmware with a lower secure version\n${IDF_ANTI_ROLLBACK_LINES.join('\n')}\n`, unlessContains: 'CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK=y' }],
      }],
    });
  }
}

function checkZephyr(ctx: ProjectContext, all: readonly Located[]): void {
  const roots = new Set(all.filter((s) => s.kind === K.zephyrApp).map((s) => dirNameOf(s.filePath)));
  const rootOf = (filePath: string): string => nearestRoot(filePath, roots) ?? dirNameOf(filePath);
  const byRoot = new Map<string, Located[]>();
  for (const s of all) {
    if (![K.zephyrOta, K.mcubootSafe, K.mcubootConf, K.zephyrApp].includes(s.kind)) continue;
    const root = rootOf(s.filePath);
    byRoot.set(root, [...(byRoot.get(root) ?? []), s]);
  }
  for (const [root, signals] of byRoot) {
    if (signals.some((s) => s.kind === K.mcubootSafe)) continue;
    const triggers = signals.filter((s) => s.kind === K.zephyrOta)
      .sort((a, b) => ZEPHYR_ANCHOR_ORDER.indexOf(a.key ?? '') - ZEPHYR_ANCHOR_ORDER.indexOf(b.key ?? '') || a.filePath.localeCompare(b.filePath));
    const anchor = triggers[0];
    if (!anchor) continue;
    const mcubootConf = signals.find((s) => s.kind === K.mcubootConf)?.filePath ?? (root ? `${root}/sysbuild/mcuboot.conf` : 'sysbuild/mcuboot.conf');
    const target = relativePath(dirNameOf(anchor.filePath), mcubootConf);
    ctx.report(anchor.filePath, {
      messageId: 'mcuboot',
      data: { trigger: `${anchor.key}=y` },
      range: anchor.range, start: anchor.start, end: anchor.end, evidence: anchor.value,
      suggestions: [{
        title: `Enable MCUboot downgrade prevention in ${target}`,
        edits: [],
        fileEdits: [{ path: target, append: `\n# Refuse images with a lower version than the running one\n${MCUBOOT_LINE}\n`, unlessContains: MCUBOOT_LINE }],
      }],
    });
  }
}
