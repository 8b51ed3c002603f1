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
    const cert = new X509Certificate(Buffer.from(body, 'base64'));
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
    };
  } catch {
    return undefined;
  }
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
