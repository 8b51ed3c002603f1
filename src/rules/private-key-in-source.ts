import type { PemBlockFact, Range } from '../core/facts';
import type { Fix } from '../core/finding';
import { defineRule, type RuleContext } from '../core/rule';
import { isUncommittedSecretStore } from './data/secret-moves';

/** MCUboot / imgtool development keys: public by definition, reported by the update rules (T-04). */
const MCUBOOT_DEV_KEYS = /(?:^|\/)(?:root-(?:rsa-2048|rsa-3072|ec-p256|ec-p256-pkcs8|ec-p384|ec-p384-pkcs8|ed25519|x25519)|enc-(?:rsa2048|ec256|x25519)-priv)\.pem$/;
const PEM_IN_STRING = /-----BEGIN ([A-Z0-9 ]{1,64})-----([^-]*)-----END /g;
const MANIFEST_LANGS = new Set(['yaml', 'json', 'ini', 'kconfig', 'dotenv']);
/** The shortest real private key (Ed25519 PKCS#8) has a 64-character body. */
const MIN_BODY = 60;

/** PEM blocks in manifest string values (their front ends do not scan for PEM). */
function manifestBlocks(ctx: RuleContext): PemBlockFact[] {
  const out: PemBlockFact[] = [];
  for (const kv of ctx.facts.keyValues) {
    const v = kv.value.value;
    if (kv.value.kind !== 'string' || typeof v !== 'string' || !v.includes('-----BEGIN ')) continue;
    PEM_IN_STRING.lastIndex = 0;
    for (let m = PEM_IN_STRING.exec(v); m; m = PEM_IN_STRING.exec(v)) {
      const body = m[2].split('\n').filter((l) => !l.includes(':')).join('').replace(/\\n/g, '').replace(/[^A-Za-z0-9+/=]+/g, '');
      out.push({ label: m[1], range: kv.value.range, body });
    }
  }
  return out;
}

function isPlaceholderBody(ctx: RuleContext, block: PemBlockFact): boolean {
  const raw = ctx.text.slice(block.range[0], block.range[1]);
  return block.body.length < MIN_BODY || /\.\.\.|…|<[^<>\n]{1,80}>|paste|insert|your/i.test(raw.replace(/-----(?:BEGIN|END) [A-Z0-9 ]+-----/g, ''));
}

function gitignoreSuggestion(ctx: RuleContext): Fix[] {
  if (ctx.languageId !== 'pem') return [];
  const name = ctx.filePath.slice(ctx.filePath.lastIndexOf('/') + 1);
  // Not a fix: ignoring the file does not remove it from history, and the key still needs rotating.
  return [{ title: `Add ${name} to .gitignore (then remove it from the repository and rotate the key)`, edits: [], fileEdits: [{ path: '.gitignore', append: `${name}\n`, unlessContains: name }] }];
}

/** Flags PEM private keys in key files and embedded in source or manifest strings. */
export const privateKeyInSource = defineRule({
  meta: {
    id: 'private-key-in-source',
    title: 'Private key in the repository',
    description: 'Reports PEM private keys (RSA, EC, PKCS#8, OpenSSH; encrypted ones as warnings) committed as key files or embedded in code and manifests.',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-321', 'CWE-798'],
    practice: 3,
    attack: { ics: ['T0891'], enterprise: ['T1552.004'] },
    languages: ['pem', 'c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json', 'dotenv'],
    messages: {
      privateKey: "A '{{label}}' block is committed: whoever has the repository can impersonate the device or sign firmware (CWE-321).",
      encryptedKey: "An encrypted '{{label}}' block is committed: it is only as safe as its passphrase, which is often next to it (CWE-321).",
    },
    docs: {
      what: 'A PEM `PRIVATE KEY` block (RSA, EC, PKCS#8, OpenSSH, encrypted) sits in a key file or inside a string literal (`keyCLIENT_PRIVATE_KEY_PEM`, raw strings, YAML/JSON values).',
      why: 'Device identity keys and signing keys in source are shared by every clone and every image; an attacker can impersonate devices, decrypt traffic or sign malicious firmware.',
      fix: 'Remove the key from the repository and rotate it; provision per-device keys at manufacturing (secure element, DS peripheral, corePKCS11) and keep signing keys in an HSM or CI secret store.',
      references: ['ARD-07', 'AWS-04', 'IDF-SB-13', 'amazon-freertos demos/include/aws_clientcredential_keys.h'],
    },
  },
  keywords: ['private key'],
  check(ctx) {
    if (MCUBOOT_DEV_KEYS.test(ctx.filePath) || isUncommittedSecretStore(ctx)) return;
    // GCP service-account JSON: cloud-token reports the whole key file once.
    if (ctx.facts.keyValues.some((kv) => kv.key === 'type' && kv.value.value === 'service_account')) return;
    const blocks = MANIFEST_LANGS.has(ctx.languageId) ? manifestBlocks(ctx) : ctx.facts.pemBlocks;
    const seen = new Set<string>();
    for (const block of blocks) {
      if (!block.label.includes('PRIVATE KEY') || isPlaceholderBody(ctx, block)) continue;
      if (seen.has(block.body)) continue;
      seen.add(block.body);
      const raw = ctx.text.slice(block.range[0], block.range[1]);
      const encrypted = block.label.includes('ENCRYPTED') || /Proc-Type:\s*4,ENCRYPTED/.test(raw);
      // Anchor on the BEGIN line only: the evidence must not carry key material.
      const header = `-----BEGIN ${block.label}-----`;
      const at = raw.indexOf(header);
      const range: Range = at < 0 ? block.range : [block.range[0] + at, block.range[0] + at + header.length];
      ctx.report({
        messageId: encrypted ? 'encryptedKey' : 'privateKey',
        data: { label: block.label },
        range,
        severity: encrypted ? 'warning' : undefined,
        secret: block.body,
        suggestions: gitignoreSuggestion(ctx),
      });
    }
  },
});
