import { createHash } from 'node:crypto';

/** Short stable hash (hex) used for fingerprints and for comparing secrets without keeping them. */
export function stableHash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex').slice(0, 16);
}

/** Collapses whitespace so formatting-only edits keep a finding's fingerprint. */
export function normalizeForFingerprint(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
