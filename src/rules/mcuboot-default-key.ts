import { isTruthy, stringValue } from '../core/fact-helpers';
import type { FileSummary, Signal } from '../core/rule';
import { defineProjectRule } from '../core/rule';
import { baseNameOf, dirNameOf, isZephyrAppConfig, nearestRoot, relativePath } from './data/update-edits';
import { MCUBOOT_SIGNATURE_NONE_KEYS, MCUBOOT_SIGNING_KEY_FILE_KEYS, UNSIGNED_UPDATE_ATTACK, ZEPHYR_OTA_KEYS } from './data/update-triggers';

const ID = 'mcuboot-default-key';
const K = { app: `${ID}:zephyr-app`, ota: `${ID}:zephyr-ota`, key: `${ID}:key-file` };
const ANCHOR_ORDER = ['SB_CONFIG_BOOTLOADER_MCUBOOT', 'CONFIG_BOOTLOADER_MCUBOOT', 'CONFIG_MCUMGR_GRP_IMG', 'CONFIG_IMG_MANAGER', 'CONFIG_HAWKBIT'];
const KEY_LINE = 'SB_CONFIG_BOOT_SIGNATURE_KEY_FILE="<absolute path to project key>"';

type Located = FileSummary['signals'][number] & { filePath: string };

/** Zephyr applications booted by MCUboot that never choose a signing key, so the public development key is used. */
export const mcubootDefaultKey = defineProjectRule({
  meta: {
    id: ID,
    title: 'MCUboot signs with the default development key',
    description: 'Flags Zephyr applications that use MCUboot (or MCUmgr/hawkBit image updates) without setting SB_CONFIG_BOOT_SIGNATURE_KEY_FILE or another signing-key option, so images are signed with the public MCUboot development key.',
    category: 'unsigned-update',
    severity: 'error',
    cwe: ['CWE-1394', 'CWE-321', 'CWE-347'],
    practice: 4,
    attack: UNSIGNED_UPDATE_ATTACK,
    languages: ['kconfig'],
    messages: {
      defaultKey: '{{trigger}} builds MCUboot, but no signing key is configured for this application (SB_CONFIG_BOOT_SIGNATURE_KEY_FILE, CONFIG_BOOT_SIGNATURE_KEY_FILE or CONFIG_MCUBOOT_SIGNATURE_KEY_FILE): the build falls back to the public MCUboot development key, so anyone can sign images your devices accept.',
    },
    docs: {
      what: 'A Zephyr application folder (prj.conf / sysbuild.conf and its overlays) with an OTA trigger (CONFIG_BOOTLOADER_MCUBOOT, SB_CONFIG_BOOTLOADER_MCUBOOT, CONFIG_MCUMGR_GRP_IMG, CONFIG_IMG_MANAGER, CONFIG_HAWKBIT) and no signing-key option anywhere in its Kconfig fragments. Keys passed only on the command line or in CI are not visible to this check.',
      why: 'Sysbuild and MCUboot default to root-ec-p256.pem / root-ed25519.pem / root-rsa-2048.pem from the MCUboot repository, whose private halves are public ("this file is for debug use only and is not secure").',
      fix: 'Generate a project key with `imgtool keygen`, keep the private key outside the repository, and point SB_CONFIG_BOOT_SIGNATURE_KEY_FILE at it (in sysbuild.conf or from CI with -DSB_CONFIG_BOOT_SIGNATURE_KEY_FILE=…).',
      references: ['X-04', 'MCB-02', 'ZEP-01', 'ZEP-04', 'T-04', 'zephyrproject-rtos/zephyr share/sysbuild/images/bootloader/Kconfig', 'mcu-tools/mcuboot boot/zephyr/CMakeLists.txt'],
    },
  },
  keywords: ['mcuboot', 'mcumgr_grp_img', 'img_manager', 'hawkbit', 'key_file'],
  collect(ctx) {
    if (isZephyrAppConfig(ctx.filePath)) ctx.signal({ kind: K.app, key: baseNameOf(ctx.filePath).toLowerCase(), range: [0, 0] });
    for (const kv of ctx.facts.keyValues) {
      if (ZEPHYR_OTA_KEYS.includes(kv.key) && isTruthy(kv.value)) {
        const s: Signal = { kind: K.ota, key: kv.key, range: kv.range };
        ctx.signal({ ...s, value: ctx.text.slice(kv.range[0], kv.range[1]).slice(0, 120) });
      }
      // A chosen key (even a dev key: mcuboot-insecure-signing reports that) or no signatures at all (reported there too).
      const chosen = MCUBOOT_SIGNING_KEY_FILE_KEYS.includes(kv.key) && (stringValue(kv.value) ?? '').trim() !== '';
      if (chosen || (MCUBOOT_SIGNATURE_NONE_KEYS.includes(kv.key) && isTruthy(kv.value))) ctx.signal({ kind: K.key, key: kv.key, range: kv.range });
    }
  },
  checkProject(ctx) {
    const all: Located[] = ctx.files.flatMap((f) => f.signals.filter((s) => s.kind.startsWith(`${ID}:`)).map((s) => ({ ...s, filePath: f.filePath })));
    const roots = new Set(all.filter((s) => s.kind === K.app).map((s) => dirNameOf(s.filePath)));
    const byRoot = new Map<string, Located[]>();
    for (const s of all) {
      const root = nearestRoot(s.filePath, roots) ?? dirNameOf(s.filePath);
      byRoot.set(root, [...(byRoot.get(root) ?? []), s]);
    }
    for (const [root, signals] of byRoot) {
      if (signals.some((s) => s.kind === K.key)) continue;
      const anchor = signals.filter((s) => s.kind === K.ota)
        .sort((a, b) => ANCHOR_ORDER.indexOf(a.key ?? '') - ANCHOR_ORDER.indexOf(b.key ?? '') || a.filePath.localeCompare(b.filePath))[0];
      if (!anchor) continue;
      const sysbuild = signals.find((s) => s.kind === K.app && s.key === 'sysbuild.conf')?.filePath ?? (root ? `${root}/sysbuild.conf` : 'sysbuild.conf');
      const target = relativePath(dirNameOf(anchor.filePath), sysbuild);
      ctx.report(anchor.filePath, {
        messageId: 'defaultKey',
        data: { trigger: `${anchor.key}=y` },
        range: anchor.range, start: anchor.start, end: anchor.end, evidence: anchor.value,
        // A suggestion with a placeholder path: the build fails until a real key is named, which is the point.
        suggestions: [{
          title: `Name your own signing key in ${target}`,
          edits: [],
          fileEdits: [{ path: target, append: `\n# TODO: project signing key (imgtool keygen); keep the private key out of the repository\n${KEY_LINE}\n`, unlessContains: 'SB_CONFIG_BOOT_SIGNATURE_KEY_FILE' }],
        }],
      });
    }
  },
});
