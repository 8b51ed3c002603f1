/**
 * Certificates in PEM files and in string literals: subject, issuer, validity, key type/size,
 * self-signed and CA flags, read with `node:crypto` `X509Certificate` (pure computation, no I/O).
 */
import { X509Certificate } from 'node:crypto';
import type { Collector } from '../../core/rule';
import type { CertificateValue } from '../signals';
import { SIG, isOwnOutput, signalJson } from '../signals';
import { CODE_LANGUAGES } from './common';

/** Reads the public fields of a base64 DER certificate body; undefined when it does not parse. */
export function describeCertificate(body: string): CertificateValue | undefined {
  if (body.length < 64) return undefined;
  try {
    const der = Buffer.from(body, 'base64');
    const cert = new X509Certificate(der);
    const key = cert.publicKey;
    const details = key.asymmetricKeyDetails;
    return {
      subject: commonName(cert.subject),
      issuer: commonName(cert.issuer),
      notBefore: isoDate(cert.validFrom),
      notAfter: isoDate(cert.validTo),
      keyType: key.asymmetricKeyType,
      keySize: details?.modulusLength ?? curveBits(details?.namedCurve),
      selfSigned: cert.subject === cert.issuer,
      ca: cert.ca,
      signatureAlgorithm: signatureAlgorithm(der),
    };
  } catch {
    return undefined;
  }
}

/** Signature algorithm OIDs (RFC 3279, 4055, 5758, 8410) → names. */
const SIGNATURE_OIDS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.3.14.3.2.29': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

/** A DER TLV header at `pos`: tag, start of the value and its length; undefined when malformed. */
function tlv(der: Uint8Array, pos: number): { tag: number; start: number; length: number } | undefined {
  if (pos + 2 > der.length) return undefined;
  const tag = der[pos];
  let length = der[pos + 1];
  let start = pos + 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4 || start + n > der.length) return undefined;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + der[start + i];
    start += n;
  }
  return start + length <= der.length ? { tag, start, length } : undefined;
}

/**
 * The outer `signatureAlgorithm` of a DER certificate (Certificate ::= SEQUENCE { tbsCertificate,
 * signatureAlgorithm AlgorithmIdentifier, signature }), read directly because Node 20's
 * `X509Certificate` does not expose it. Name for known OIDs, dotted OID otherwise.
 */
export function signatureAlgorithm(der: Uint8Array): string | undefined {
  const cert = tlv(der, 0);
  if (!cert || cert.tag !== 0x30) return undefined;
  const tbs = tlv(der, cert.start);
  if (!tbs || tbs.tag !== 0x30) return undefined;
  const alg = tlv(der, tbs.start + tbs.length);
  if (!alg || alg.tag !== 0x30) return undefined;
  const oid = tlv(der, alg.start);
  if (!oid || oid.tag !== 0x06 || oid.length === 0) return undefined;
  const bytes = der.subarray(oid.start, oid.start + oid.length);
  const parts: number[] = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  if (bytes[0] >= 80) { parts[0] = 2; parts[1] = bytes[0] - 80; }
  let v = 0;
  for (let i = 1; i < bytes.length; i++) {
    v = v * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) { parts.push(v); v = 0; }
  }
  const dotted = parts.join('.');
  return SIGNATURE_OIDS[dotted] ?? dotted;
}

/** True for signatures over MD2/MD5/SHA-1 (collisions are practical: CWE-327). */
export function isWeakSignature(name: string | undefined): boolean {
  return !!name && /^(md2|md5|sha1)With|-with-SHA1$/i.test(name);
}

function commonName(dn: string): string {
  const cn = dn.split('\n').find((p) => p.startsWith('CN='));
  return (cn ? cn.slice(3) : dn.split('\n')[0] ?? '').slice(0, 120);
}

function isoDate(s: string): string | undefined {
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

function curveBits(curve: string | undefined): number | undefined {
  if (!curve) return undefined;
  const m = /(\d{3})/.exec(curve);
  return m ? Number(m[1]) : undefined;
}

export const certificateCollector: Collector = {
  id: 'tm-certificates',
  languages: ['pem', ...CODE_LANGUAGES, 'yaml', 'json'],
  keywords: ['begin certificate', 'begin trusted certificate'],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    for (const block of ctx.facts.pemBlocks) {
      if (!block.label.endsWith('CERTIFICATE') || block.label.includes('REQUEST')) continue;
      const info = describeCertificate(block.body);
      if (info) signalJson(ctx, SIG.certificate, 'x509', info, block.range);
    }
  },
};
