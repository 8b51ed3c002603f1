import { Buffer } from 'node:buffer';
import { X509Certificate } from 'node:crypto';
import type { PemBlockFact, Range } from '../core/facts';
import type { Severity } from '../core/finding';
import { defineRule } from '../core/rule';
import { EXPIRY_WARNING_DAYS, MIN_RSA_BITS, WEAK_SIGNATURE_OIDS } from './data/device-crypto';

const DAY_MS = 86_400_000;
const CN = /(?:^|\n)CN=([^\n]*)/;
const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';
const WHITESPACE = /\s+/g;

/**
 * The rule's notion of "now". Expiry depends on the date of the scan; tests replace `now` to pin
 * it (a certificate's validity is data, the clock is not).
 */
export const certificateClock = { now: (): number => Date.now() };

/** Reads one DER length at `i`; returns [length, offset of the content] or undefined. */
function derLength(der: Uint8Array, i: number): [number, number] | undefined {
  const first = der[i];
  if (first === undefined) return undefined;
  if (first < 0x80) return [first, i + 1];
  const n = first & 0x7f;
  if (n === 0 || n > 4) return undefined;
  let len = 0;
  for (let k = 1; k <= n; k++) len = len * 256 + (der[i + k] ?? 0);
  return [len, i + 1 + n];
}

/** Hex of the signatureAlgorithm OID: Certificate ::= SEQUENCE { tbs SEQUENCE, AlgorithmIdentifier SEQUENCE { OID … }, … }. */
export function signatureOid(der: Uint8Array): string | undefined {
  if (der[0] !== 0x30) return undefined;
  const outer = derLength(der, 1);
  if (!outer || der[outer[1]] !== 0x30) return undefined;
  const tbs = derLength(der, outer[1] + 1);
  if (!tbs) return undefined;
  const alg = tbs[1] + tbs[0];
  if (der[alg] !== 0x30) return undefined;
  const algLen = derLength(der, alg + 1);
  if (!algLen || der[algLen[1]] !== 0x06) return undefined;
  const oid = derLength(der, algLen[1] + 1);
  if (!oid || oid[1] + oid[0] > der.length) return undefined;
  return Buffer.from(der.subarray(oid[1], oid[1] + oid[0])).toString('hex');
}

function parse(block: PemBlockFact): { cert: X509Certificate; der: Buffer } | undefined {
  if (!block.body) return undefined;
  try {
    const der = Buffer.from(block.body, 'base64');
    return { cert: new X509Certificate(der), der };
  } catch {
    return undefined; // placeholder or truncated PEM: nothing to judge
  }
}

/** The BEGIN line of the block: a whole-certificate range would paint dozens of lines. */
function beginLine(text: string, block: PemBlockFact): Range {
  const end = text.indexOf('-----', text.indexOf('BEGIN', block.range[0]) + 5);
  return end < 0 || end > block.range[1] ? block.range : [block.range[0], end + 5];
}

/**
 * Certificate blocks inside string values of manifests (YAML block scalars, JSON strings), for
 * front ends that do not publish them as pemBlocks. Anchored on the BEGIN line when the source
 * spells it verbatim, else on the whole string.
 */
function blocksInStrings(text: string, strings: readonly { value: string; range: Range; innerRange: Range }[]): PemBlockFact[] {
  const out: PemBlockFact[] = [];
  for (const str of strings) {
    let from = 0;
    let cursor = str.innerRange[0];
    for (let b = str.value.indexOf(BEGIN); b >= 0; b = str.value.indexOf(BEGIN, from)) {
      const e = str.value.indexOf(END, b);
      if (e < 0) break;
      from = e + END.length;
      const body = str.value.slice(b + BEGIN.length, e).replace(WHITESPACE, '');
      const at = text.indexOf(BEGIN, cursor);
      const verbatim = at >= 0 && at < str.range[1];
      if (verbatim) cursor = at + BEGIN.length;
      const range: Range = verbatim ? [at, at + BEGIN.length] : str.range;
      out.push({ label: 'CERTIFICATE', body, range });
    }
  }
  return out;
}

/** Flags certificates that are expired or about to expire, use RSA < 2048 or an MD5/SHA-1 signature, or are self-signed leaves. */
export const weakCertificate = defineRule({
  meta: {
    id: 'weak-certificate',
    title: 'Expired, expiring or weak certificate',
    description: 'A committed X.509 certificate is expired or expires within 30 days, has an RSA key under 2048 bits, is signed with MD5 or SHA-1, or is a self-signed device certificate.',
    category: 'weak-crypto',
    severity: 'warning',
    cwe: ['CWE-298', 'CWE-324', 'CWE-326', 'CWE-327', 'CWE-295'],
    practice: 6,
    attack: { ics: ['T0830', 'T0826'], enterprise: ['T1557', 'T1649', 'T1587.003'] },
    languages: ['pem', 'c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json'],
    messages: {
      expired: 'Certificate "{{cn}}" expired on {{date}}: TLS peers reject it (or the device accepts an expired trust anchor).',
      expiring: 'Certificate "{{cn}}" expires on {{date}} (in {{days}} days): rotate it before devices lose their connection.',
      weakKey: 'Certificate "{{cn}}" has a {{bits}}-bit RSA key; use at least 2048-bit RSA or an EC key (P-256).',
      weakSignature: 'Certificate "{{cn}}" is signed with {{algorithm}}, which is broken for signatures; reissue it with SHA-256 or better.',
      selfSigned: 'Certificate "{{cn}}" is a self-signed device certificate (not a CA): peers can only trust it by pinning it or by turning verification off.',
    },
    docs: {
      what: 'PEM `CERTIFICATE` blocks in certificate files and in string literals: expiry (against the scan date), RSA key size, MD5/SHA-1 signature algorithms, and self-signed end-entity certificates. Self-signed CA roots are expected and only checked for expiry and key size; their own signature algorithm is never verified, so SHA-1 roots are not reported.',
      why: 'Expired certificates take devices offline (Device Defender "certificate expiring"), and an expired trust anchor accepted anyway defeats validation; short RSA keys and MD5/SHA-1 signatures can be forged; self-signed leaf certificates push clients into pinning or disabling verification (CWE-298, CWE-324, CWE-326, CWE-327, CWE-295).',
      fix: 'Issue device certificates from a CA with EC P-256 or RSA ≥ 2048 and SHA-256 signatures, monitor expiry and rotate before it, and ship the CA root rather than a self-signed leaf.',
      references: ['F10', 'AZ-05', 'AZ-08', 'AWS Device Defender: device certificate expiring, key quality'],
    },
  },
  keywords: ['begin certificate'],
  check(ctx) {
    const now = certificateClock.now();
    const seen = new Set(ctx.facts.pemBlocks.map((b) => b.body));
    const extra = ctx.languageId === 'yaml' || ctx.languageId === 'json'
      ? blocksInStrings(ctx.text, ctx.facts.strings).filter((b) => !seen.has(b.body))
      : [];
    for (const block of [...ctx.facts.pemBlocks, ...extra]) {
      if (block.label !== 'CERTIFICATE' && block.label !== 'TRUSTED CERTIFICATE') continue;
      const parsed = parse(block);
      if (!parsed) continue;
      const { cert, der } = parsed;
      const cn = (CN.exec(cert.subject)?.[1] ?? cert.subject.split('\n')[0] ?? '').trim() || '(no subject)';
      const range = beginLine(ctx.text, block);
      const report = (messageId: string, data: Record<string, string | number>, severity?: Severity): void =>
        ctx.report({ messageId, data: { cn, ...data }, range, severity });
      const notAfter = Date.parse(cert.validTo);
      if (Number.isFinite(notAfter)) {
        const date = new Date(notAfter).toISOString().slice(0, 10);
        const days = Math.floor((notAfter - now) / DAY_MS);
        if (notAfter <= now) report('expired', { date }, 'error');
        else if (days < EXPIRY_WARNING_DAYS) report('expiring', { date, days }, 'warning');
      }
      const key = cert.publicKey.asymmetricKeyDetails;
      const type = cert.publicKey.asymmetricKeyType;
      if ((type === 'rsa' || type === 'rsa-pss') && key?.modulusLength !== undefined && key.modulusLength < MIN_RSA_BITS) {
        report('weakKey', { bits: key.modulusLength });
      }
      const selfSigned = cert.issuer === cert.subject;
      // A root's self-signature is never checked by clients: only judge signatures made by an issuer.
      const algorithm = selfSigned && cert.ca ? undefined : WEAK_SIGNATURE_OIDS.get(signatureOid(der) ?? '');
      if (algorithm) report('weakSignature', { algorithm });
      if (selfSigned && !cert.ca) report('selfSigned', {}, 'info');
    }
  },
});
