import type { KeyValueFact } from '../core/facts';
import { isFalsy, isTruthy, stringValue } from '../core/fact-helpers';
import type { Fix } from '../core/finding';
import { defineRule } from '../core/rule';
import { eol, lineContentRange, lineIndent, wholeLineRange } from './data/update-edits';
import { keyFileBasenames, MCUBOOT_DEV_ENCRYPTION_KEYS, MCUBOOT_DEV_SIGNING_KEYS } from './data/update-keys';
import {
  MCUBOOT_ENCRYPTION_KEY_FILE_KEYS, MCUBOOT_SIGNATURE_NONE_KEYS, MCUBOOT_SIGNING_KEY_FILE_KEYS, UNSIGNED_UPDATE_ATTACK,
} from './data/update-triggers';

const VALIDATE_SLOT0 = 'CONFIG_BOOT_VALIDATE_SLOT0';
const VALIDATE_SLOT0_ONCE = 'CONFIG_BOOT_VALIDATE_SLOT0_ONCE';
const UNSIGNED_IMAGE = 'CONFIG_MCUBOOT_GENERATE_UNSIGNED_IMAGE';

/** Flags MCUboot / Zephyr configs that disable image signatures, use the public dev keys or weaken slot validation. */
export const mcubootInsecureSigning = defineRule({
  meta: {
    id: 'mcuboot-insecure-signing',
    title: 'MCUboot image signing disabled or using public development keys',
    description: 'Flags MCUboot and Zephyr configs that turn image signatures off, point at the public MCUboot development keys, or weaken slot validation.',
    category: 'unsigned-update',
    severity: 'error',
    cwe: ['CWE-347', 'CWE-494', 'CWE-1394', 'CWE-321'],
    practice: 4,
    attack: UNSIGNED_UPDATE_ATTACK,
    languages: ['kconfig'],
    messages: {
      signatureNone: '{{key}}=y builds MCUboot with "No signature; use only hash check": any image with a correct hash boots.',
      devSigningKey: '{{key}} points to {{file}}, a development key published with its private half in the MCUboot repository: anyone can sign images your devices accept.',
      devEncryptionKey: '{{key}} points to {{file}}, a development encryption key published in the MCUboot repository: "encrypted" images can be decrypted by anyone.',
      noValidateSlot0: 'CONFIG_BOOT_VALIDATE_SLOT0 is off: MCUboot boots the primary slot without checking its signature.',
      validateOnce: 'CONFIG_BOOT_VALIDATE_SLOT0_ONCE=y validates the primary slot only once and caches the result, "which makes it an unsecure method" (MCUboot help).',
      unsignedImage: 'CONFIG_MCUBOOT_GENERATE_UNSIGNED_IMAGE=y produces an unsigned application image; it is only safe if the bootloader rejects unsigned images.',
    },
    docs: {
      what: 'MCUboot child configs (mcuboot.conf, boot/zephyr/prj.conf), Zephyr app configs (prj.conf, overlays) and sysbuild.conf with signature type NONE, a root-*.pem / enc-*.pem development key, BOOT_VALIDATE_SLOT0 off or _ONCE, or an unsigned application image.',
      why: 'MCUboot only protects the boot chain when it verifies every image with a key only you hold; the repository keys are public ("should never be used for production"), so signatures made with them prove nothing.',
      fix: 'Select a signature type (ECDSA P-256 / Ed25519 / RSA), generate a project key with `imgtool keygen`, keep the private key outside the repository (pass it from CI), and leave BOOT_VALIDATE_SLOT0 at its default.',
      references: [
        'MCB-01', 'MCB-02', 'MCB-03', 'MCB-04', 'MCB-06', 'ZEP-01', 'ZEP-02', 'ZEP-03', 'ZEP-04', 'ZEP-05', 'ZEP-06',
        'mcu-tools/mcuboot boot/zephyr/Kconfig', 'mcu-tools/mcuboot docs/imgtool.md',
        'zephyrproject-rtos/zephyr share/sysbuild/images/bootloader/Kconfig', 'zephyrproject-rtos/zephyr modules/Kconfig.mcuboot',
      ],
    },
  },
  keywords: ['signature_type_none', 'key_file', 'validate_slot0', 'generate_unsigned_image'],
  check(ctx) {
    for (const kv of ctx.facts.keyValues) {
      if (MCUBOOT_SIGNATURE_NONE_KEYS.includes(kv.key) && isTruthy(kv.value)) {
        const line = `${kv.key.replace(/_NONE$/, '_ECDSA_P256')}=y`;
        ctx.report({
          messageId: 'signatureNone', data: { key: kv.key }, range: kv.range,
          // A suggestion: MCUboot then needs a key and every image must be signed with it.
          suggestions: [{ title: `Replace with ${line}`, edits: [{ range: lineContentRange(ctx.text, kv.range[0]), text: line }] }],
        });
        continue;
      }
      const signing = MCUBOOT_SIGNING_KEY_FILE_KEYS.includes(kv.key);
      if (signing || MCUBOOT_ENCRYPTION_KEY_FILE_KEYS.includes(kv.key)) {
        const value = stringValue(kv.value) ?? (kv.value.kind === 'identifier' ? String(kv.value.value) : undefined);
        const known = signing ? MCUBOOT_DEV_SIGNING_KEYS : MCUBOOT_DEV_ENCRYPTION_KEYS;
        const file = value === undefined ? undefined : keyFileBasenames(value).find((b) => known.has(b));
        if (!file) continue;
        ctx.report({
          messageId: signing ? 'devSigningKey' : 'devEncryptionKey', data: { key: kv.key, file }, range: kv.range,
          suggestions: [projectKeySuggestion(ctx.text, kv, signing)],
        });
        continue;
      }
      if (kv.key === VALIDATE_SLOT0 && isFalsy(kv.value)) {
        ctx.report({ messageId: 'noValidateSlot0', range: kv.range, suggestions: [removeLine(ctx.text, kv)] });
      } else if (kv.key === VALIDATE_SLOT0_ONCE && isTruthy(kv.value)) {
        ctx.report({ messageId: 'validateOnce', range: kv.range, severity: 'warning', suggestions: [removeLine(ctx.text, kv)] });
      } else if (kv.key === UNSIGNED_IMAGE && isTruthy(kv.value)) {
        ctx.report({ messageId: 'unsignedImage', range: kv.range, severity: 'warning', suggestions: [removeLine(ctx.text, kv)] });
      }
    }
  },
});

function removeLine(text: string, kv: KeyValueFact): Fix {
  return { title: `Remove the ${kv.key} line`, edits: [{ range: wholeLineRange(text, kv.range[0]), text: '' }] };
}

/** Points the option at a project key placeholder (the build fails until the key exists) with a TODO above it. */
function projectKeySuggestion(text: string, kv: KeyValueFact, signing: boolean): Fix {
  // MCUboot itself only embeds the public half; the app/sysbuild options sign and need the private key.
  const bootloaderOnly = kv.key === 'CONFIG_BOOT_SIGNATURE_KEY_FILE';
  const file = !signing ? 'keys/<project>-encryption-key.pem' : bootloaderOnly ? 'keys/<project>-signing-pub.pem' : 'keys/<project>-signing-key.pem';
  const nl = eol(text);
  const indent = lineIndent(text, kv.range[0]);
  const todo = `${indent}# TODO: generate a project key (imgtool keygen) and keep the private key out of the repository${nl}`;
  const [lineStart] = lineContentRange(text, kv.range[0]);
  return {
    title: `Use a project key (${file}) instead of the MCUboot development key`,
    edits: [
      { range: [lineStart, lineStart], text: todo },
      { range: kv.value.range, text: `"${file}"` },
    ],
  };
}
