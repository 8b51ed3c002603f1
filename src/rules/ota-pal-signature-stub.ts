import type { Range } from '../core/facts';
import { defineRule } from '../core/rule';
import { UNSIGNED_UPDATE_ATTACK } from './data/update-triggers';

// FreeRTOS / AWS IoT OTA PAL signature hooks (current and legacy names).
const PAL_CHECK = /\b(otaPal_CheckFileSignature|prvPAL_CheckFileSignature|prvPAL_CheckSignature|otaPal_CheckSignature)[ \t]{0,8}\([^;{}()]{0,400}\)\s{0,8}\{/g;
// A call that verifies something: crypto library verify, signature helpers, PKCS #11, hashing.
const VERIFY_CALL = /verif|signature|pk_|ecdsa|rsa|sha|hash|pkcs11|crypto|C_Verify|Signature|digest/i;

/** Flags FreeRTOS/AWS OTA PAL signature-check functions whose body never calls a verification primitive (AWS-03). */
export const otaPalSignatureStub = defineRule({
  meta: {
    id: 'ota-pal-signature-stub',
    title: 'OTA PAL signature check is a stub',
    description: 'Reports FreeRTOS / AWS IoT OTA PAL otaPal_CheckFileSignature (or legacy prvPAL_CheckFileSignature) implementations that return without calling any signature or hash verification.',
    category: 'unsigned-update',
    severity: 'error',
    cwe: ['CWE-347', 'CWE-494'],
    practice: 4,
    attack: UNSIGNED_UPDATE_ATTACK,
    languages: ['c', 'cpp'],
    messages: {
      stub: '{{name}}() never calls a signature or hash verification function: the OTA agent accepts every image as correctly signed.',
    },
    docs: {
      what: 'The definition of the OTA PAL hook that must verify the image signature (otaPal_CheckFileSignature, prvPAL_CheckFileSignature) contains no call whose name mentions verification, signatures, hashing, PKCS #11 or a crypto library — typically a TODO stub that returns success.',
      why: 'The OTA agent trusts the PAL: a stub turns signed OTA into unsigned OTA, so whoever can publish a job or reach the download path installs firmware (AWS-03).',
      fix: 'Verify the image signature against the code-signing certificate (ECDSA P-256 / SHA-256 from the OTA job\'s `sig-sha256-ecdsa`), e.g. with the reference PAL\'s prvSignatureVerificationStart/Update/Final or mbedtls_pk_verify, and return OtaPalSignatureCheckFailed on mismatch.',
      references: ['AWS-03', 'AWS-02', 'aws/ota-for-aws-iot-embedded-sdk source/portable/os', 'FreeRTOS/iot-reference-stm32u5 Common/ota/ota_pal.c'],
    },
  },
  keywords: ['checkfilesignature', 'checksignature'],
  check(ctx) {
    const skip = ctx.facts.comments.map((c) => c.range);
    for (const m of ctx.text.matchAll(PAL_CHECK)) {
      const at = m.index!;
      if (skip.some(([s, e]) => at >= s && at < e)) continue;
      const open = at + m[0].length - 1;
      const close = matchingBrace(ctx.text, open);
      if (close < 0) continue;
      const body: Range = [open, close];
      const verifies = ctx.facts.calls.some((c) => c.range[0] > body[0] && c.range[1] <= body[1] && VERIFY_CALL.test(c.callee));
      if (verifies) continue;
      ctx.report({ messageId: 'stub', data: { name: m[1] }, range: [at, at + m[1].length] });
    }
  },
});

/** Offset of the `}` closing the `{` at `open`, skipping braces in comments and literals; -1 if unbalanced. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 1;
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      if (end < 0) return -1;
      i = end;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}
