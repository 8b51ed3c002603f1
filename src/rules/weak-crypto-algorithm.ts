import type { CallFact } from '../core/facts';
import { stringValue } from '../core/fact-helpers';
import type { RuleContext } from '../core/rule';
import { defineRule } from '../core/rule';
import { MBEDTLS_WEAK_CIPHER, MBEDTLS_WEAK_HASH, PY_WEAK_CIPHERS, SECRET_CONTEXT, WEAK_CIPHER_NAME, WEAK_HASHES } from './data/device-crypto';

const NODE_CIPHER_CALLS = new Set(['createCipheriv', 'createDecipheriv', 'createCipher', 'createDecipher']);
const ECB_MODE = /(?:^|\.)MODE_ECB$|^modes\.ECB$/;

/** The text of the line(s) holding the call, where `update(password)` or `pw` shows what is hashed. */
function lineOf(text: string, call: CallFact): string {
  const start = text.lastIndexOf('\n', call.range[0] - 1) + 1;
  const end = text.indexOf('\n', call.range[1]);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Flags broken ciphers (DES, 3DES, RC4, RC2, Blowfish, ECB mode) and MD5/SHA-1 used on passwords or secrets. */
export const weakCryptoAlgorithm = defineRule({
  meta: {
    id: 'weak-crypto-algorithm',
    title: 'Broken cipher or hash protecting secrets',
    description: 'Code encrypts with DES, 3DES, RC4, RC2, Blowfish or ECB mode, or hashes a password or secret with MD5 or SHA-1.',
    category: 'weak-crypto',
    severity: 'warning',
    cwe: ['CWE-327', 'CWE-326'],
    practice: 6,
    attack: { ics: ['T0830', 'T0842'], enterprise: ['T1557', 'T1040'] },
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript'],
    messages: {
      weakCipher: '{{algorithm}} is broken or too weak (64-bit block, biased stream or pattern-leaking ECB): use AES-GCM or ChaCha20-Poly1305.',
      weakHash: '{{algorithm}} protects a secret here: it is fast to brute-force and collision-prone; use a password KDF (PBKDF2, scrypt, Argon2) or HMAC-SHA-256.',
    },
    docs: {
      what: 'Node `crypto.createCipheriv` with DES/3DES/RC4/RC2/Blowfish or `-ecb` algorithms, pycryptodome/cryptography DES, DES3/TripleDES, ARC4, ARC2, Blowfish and ECB mode, mbedTLS DES/3DES/ARC4/Blowfish functions; MD5 / SHA-1 (`createHash`, `hashlib`, `mbedtls_md5`/`mbedtls_sha1`) only where the same line handles a password, token or secret.',
      why: 'DES and 3DES (Sweet32), RC4 and Blowfish are practically attackable and ECB leaks plaintext patterns; an MD5 or SHA-1 password digest falls to GPU brute force in seconds (CWE-327, CWE-326). MD5 used as a file checksum or cache key is not reported.',
      fix: 'Encrypt with AES-GCM or ChaCha20-Poly1305 (AES-CCM on constrained MCUs) with unique nonces; store passwords with PBKDF2/scrypt/Argon2 and compare MACs with HMAC-SHA-256.',
      references: ['F10', 'NIST SP 800-131A Rev. 2', 'RFC 7465'],
    },
  },
  // The calls check() reads, not the bare algorithm names (`ecb` and `rc4` occur in every register header).
  keywords: [
    /\bcreateHash\s*\(\s*["'`](?:md[245]|sha-?1|ripemd)["'`]/i,
    /\bcreate(?:Dec|C)ipher(?:iv)?\s*\(\s*["'`](?:(?:des3?|rc[24]|bf|blowfish)(?:-|["'`])|[^"'`\n]{0,60}-ecb["'`])/i,
    /\bhashlib\s*\.\s*(?:md5|sha1|new\s*\(\s*(?:name\s*=\s*)?[rbu]?["'](?:md[245]|sha-?1|ripemd)["'])/i,
    /\b(?:DES3?|ARC[24]|Blowfish|TripleDES|CAST5)\.new\b/,
    /\balgorithms\s*\.\s*(?:DES3?|ARC[24]|Blowfish|TripleDES|CAST5)\b/,
    /\bMODE_ECB\b|\bmodes\s*\.\s*ECB\b/,
    /\bmbedtls_(?:(?:des3?|arc4|blowfish)_|(?:md[245]|sha1)(?![A-Za-z0-9]))/,
  ],
  check(ctx) {
    const families = new Set<string>();
    for (const call of ctx.facts.calls) {
      if (ctx.languageId === 'javascript' || ctx.languageId === 'typescript') checkNode(ctx, call);
      else if (ctx.languageId === 'python') checkPython(ctx, call);
      else checkMbedtls(ctx, call, families);
    }
  },
});

function hashFinding(ctx: RuleContext, call: CallFact, algorithm: string): void {
  if (SECRET_CONTEXT.test(lineOf(ctx.text, call))) ctx.report({ messageId: 'weakHash', data: { algorithm }, range: call.range });
}

function checkNode(ctx: RuleContext, call: CallFact): void {
  const first = call.args[0] ? stringValue(call.args[0].value) : undefined;
  if (first === undefined) return;
  if (call.name === 'createHash' && WEAK_HASHES.has(first.toLowerCase())) hashFinding(ctx, call, first.toUpperCase());
  else if (NODE_CIPHER_CALLS.has(call.name) && WEAK_CIPHER_NAME.test(first)) ctx.report({ messageId: 'weakCipher', data: { algorithm: first }, range: call.args[0].value.range });
}

function checkPython(ctx: RuleContext, call: CallFact): void {
  if (call.callee === 'hashlib.md5' || call.callee === 'hashlib.sha1' || call.callee === 'hashlib.new') {
    // hashlib.md5(data, usedforsecurity=False) says it is not a security use.
    if (call.args.some((a) => a.name === 'usedforsecurity' && a.value.text === 'False')) return;
    const first = call.args[0];
    const algorithm = call.name === 'new' ? (first ? stringValue(first.value) : undefined) : call.name;
    if (algorithm && WEAK_HASHES.has(algorithm.toLowerCase())) hashFinding(ctx, call, algorithm.toUpperCase());
    return;
  }
  const owner = call.receiver?.split('.').pop();
  if ((call.name === 'new' && owner && PY_WEAK_CIPHERS.has(owner)) || (owner === 'algorithms' && PY_WEAK_CIPHERS.has(call.name))) {
    ctx.report({ messageId: 'weakCipher', data: { algorithm: call.name === 'new' ? owner! : call.name }, range: call.range });
    return;
  }
  const ecb = call.args.find((a) => ECB_MODE.test(a.value.text));
  if (ecb && (call.name === 'new' || call.name === 'Cipher')) ctx.report({ messageId: 'weakCipher', data: { algorithm: 'ECB mode' }, range: ecb.value.range });
}

/** mbedTLS: one finding per cipher family and file (init, setkey, crypt and free are one use). */
function checkMbedtls(ctx: RuleContext, call: CallFact, families: Set<string>): void {
  if (call.receiver) return;
  const cipher = MBEDTLS_WEAK_CIPHER.exec(call.name);
  if (cipher) {
    if (families.has(cipher[0])) return;
    families.add(cipher[0]);
    ctx.report({ messageId: 'weakCipher', data: { algorithm: `${cipher[0]}*` }, range: call.range });
  }
  else if (MBEDTLS_WEAK_HASH.test(call.name)) hashFinding(ctx, call, call.name.includes('sha1') ? 'SHA-1' : 'MD5');
}
