// Verifies Ed25519 signatures of firmware images before they are offered to devices.
import { createHash, createPublicKey, verify } from 'crypto';
import { readFileSync } from 'fs';

export interface FirmwareRelease {
  version: string;
  image: Buffer;
  signature: Buffer;
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function verifyRelease(release: FirmwareRelease, publicKeyFile: string): boolean {
  const key = createPublicKey(readFileSync(publicKeyFile));
  return verify(null, release.image, key, release.signature);
}

// Digest of the 3.1.0 golden image, used by the regression check (not a secret).
export const GOLDEN_IMAGE_SHA256 = '5f0e3c1a9b7d2e4f6a8c0b1d3e5f7a9c2b4d6e8f0a1c3e5b7d9f1a3c5e7b9d0f';
