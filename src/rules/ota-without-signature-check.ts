import { isTruthy } from '../core/fact-helpers';
import type { FileSummary, Signal } from '../core/rule';
import { defineProjectRule } from '../core/rule';
import { KCONFIG_LINE_KEYWORDS } from './data/device-kconfig';
import { baseNameOf, dirNameOf, isCiSdkconfig, isSdkconfig, nearestRoot, relativePath, sourceProjectOf } from './data/update-edits';
import { IDF_OTA_CALLS, IDF_OTA_PARTITION_KEYS, IDF_SIGNED_APP_KEYS, UNSIGNED_UPDATE_ATTACK } from './data/update-triggers';

const ID = 'ota-without-signature-check';
const SDKCONFIG = `${ID}:sdkconfig`;
const OTA_PARTITION = `${ID}:ota-partition`;
const OTA_CALL = `${ID}:ota-call`;
const SIGNED = `${ID}:signed`;
const SIGNED_LINE = 'CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y';

type Located = FileSummary['signals'][number] & { filePath: string };

/** ESP-IDF projects that update over the air while no option makes the bootloader or OTA code verify app signatures. */
export const otaWithoutSignatureCheck = defineProjectRule({
  meta: {
    id: ID,
    title: 'ESP-IDF OTA without signed app images',
    description: 'Flags ESP-IDF projects with OTA (OTA partition table or esp_https_ota / esp_ota_* calls) whose sdkconfig enables neither secure boot nor signed app images.',
    category: 'unsigned-update',
    severity: 'error',
    cwe: ['CWE-494', 'CWE-347'],
    practice: 4,
    attack: UNSIGNED_UPDATE_ATTACK,
    languages: ['kconfig', 'c', 'cpp'],
    messages: {
      unsigned: 'OTA is enabled ({{trigger}}) but neither CONFIG_SECURE_BOOT nor CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT is set in {{config}}: OTA images are never signature-checked, so whoever controls the update server or the network path can install firmware.',
      noSdkconfig: '{{trigger}} performs OTA, but this project has no sdkconfig / sdkconfig.defaults, so the Kconfig defaults apply: neither secure boot nor signed app images is enabled, and OTA images are never signature-checked.',
    },
    docs: {
      what: 'An ESP-IDF project (the folder of its sdkconfig*) with an OTA trigger — CONFIG_PARTITION_TABLE_TWO_OTA*=y or calls to esp_https_ota, esp_https_ota_begin, esp_ota_begin, esp_ota_write — and no CONFIG_SECURE_BOOT=y / CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y in any of its sdkconfig files (CI variants excluded); a project with OTA calls and no sdkconfig at all runs on the Kconfig defaults (unsigned) and is reported at its first OTA call.',
      why: 'Without signed apps, ESP-IDF checks only the image format and hash: TLS protects the download, but a compromised or impersonated update server still delivers persistent code execution.',
      fix: 'Start with CONFIG_SECURE_SIGNED_APPS_NO_SECURE_BOOT=y (software signature check on update, reversible; needs a signing key) and plan hardware secure boot V2 (CONFIG_SECURE_BOOT=y, burns eFuses) for production.',
      references: ['X-01', 'X-06', 'X-07', 'IDF-SB-01', 'IDF-SB-02', 'IDF-OTA-04', 'T-11', 'espressif/esp-idf components/bootloader/Kconfig.projbuild', 'espressif/esp-idf components/partition_table/Kconfig.projbuild'],
    },
  },
  // Every sdkconfig line (a file's mere presence is a signal), and the OTA calls collect() reads in C.
  keywords: [...KCONFIG_LINE_KEYWORDS, /\besp_(?:https_ota(?:_begin)?|ota_(?:begin|write))\s*\(/],
  collect(ctx) {
    const evidence = (s: Signal): Signal => ({ ...s, value: ctx.text.slice(s.range[0], s.range[1]).slice(0, 120) });
    if (ctx.languageId === 'kconfig') {
      if (!isSdkconfig(ctx.filePath) || isCiSdkconfig(ctx.filePath)) return;
      ctx.signal({ kind: SDKCONFIG, range: [0, 0] });
      for (const kv of ctx.facts.keyValues) {
        if (!isTruthy(kv.value)) continue;
        if (IDF_OTA_PARTITION_KEYS.includes(kv.key)) ctx.signal(evidence({ kind: OTA_PARTITION, key: kv.key, range: kv.range }));
        if (IDF_SIGNED_APP_KEYS.includes(kv.key)) ctx.signal({ kind: SIGNED, key: kv.key, range: kv.range });
      }
      return;
    }
    for (const call of ctx.facts.calls) {
      if (!call.receiver && IDF_OTA_CALLS.includes(call.name)) ctx.signal(evidence({ kind: OTA_CALL, key: call.name, range: call.range }));
    }
  },
  checkProject(ctx) {
    const all: Located[] = ctx.files.flatMap((f) => f.signals.filter((s) => s.kind.startsWith(`${ID}:`)).map((s) => ({ ...s, filePath: f.filePath })));
    const roots = new Set(all.filter((s) => s.kind === SDKCONFIG).map((s) => dirNameOf(s.filePath)));
    const rootOf = (filePath: string): string | undefined => nearestRoot(filePath, roots) ?? (roots.size === 1 ? [...roots][0] : undefined);
    // Projects without any sdkconfig are grouped by their source folder; there the Kconfig defaults apply (unsigned).
    const byRoot = new Map<string, { root?: string; signals: Located[] }>();
    for (const s of all) {
      const root = s.kind === SDKCONFIG || s.kind === SIGNED || s.kind === OTA_PARTITION ? dirNameOf(s.filePath) : rootOf(s.filePath);
      const key = root ?? `\u0000${sourceProjectOf(s.filePath)}`;
      const group = byRoot.get(key) ?? { root, signals: [] };
      group.signals.push(s);
      byRoot.set(key, group);
    }
    for (const { root, signals } of byRoot.values()) {
      if (signals.some((s) => s.kind === SIGNED)) continue;
      const partitions = signals.filter((s) => s.kind === OTA_PARTITION);
      const calls = signals.filter((s) => s.kind === OTA_CALL).sort((a, b) => a.filePath.localeCompare(b.filePath) || a.range[0] - b.range[0]);
      // Prefer the OTA partition line of sdkconfig.defaults (the file users edit), then sdkconfig, then the first OTA call.
      const anchor = partitions.find((s) => baseNameOf(s.filePath).startsWith('sdkconfig.defaults')) ?? partitions[0] ?? calls[0];
      if (!anchor) continue;
      const trigger = anchor.kind === OTA_CALL ? `${anchor.key}()` : `${anchor.key}=y`;
      const project = root ?? sourceProjectOf(anchor.filePath);
      const target = anchor.kind === OTA_CALL ? relativePath(dirNameOf(anchor.filePath), project ? `${project}/sdkconfig.defaults` : 'sdkconfig.defaults') : baseNameOf(anchor.filePath);
      const configs = [...new Set(signals.filter((s) => s.kind === SDKCONFIG).map((s) => baseNameOf(s.filePath)))].join(', ');
      ctx.report(anchor.filePath, {
        messageId: root === undefined ? 'noSdkconfig' : 'unsigned',
        data: root === undefined ? { trigger } : { trigger, config: configs },
        range: anchor.range, start: anchor.start, end: anchor.end, evidence: anchor.value,
        // A suggestion: the build then needs a signing key (CONFIG_SECURE_BOOT_SIGNING_KEY) or remote signing.
        suggestions: [{
          title: `Require signed app images: append ${SIGNED_LINE} to ${target} (then create the signing key)`,
          edits: [],
          fileEdits: [{ path: target, append: `\n# Verify app signatures on OTA update (software check, reversible)\n${SIGNED_LINE}\n`, unlessContains: SIGNED_LINE }],
        }],
      });
    }
  },
});
