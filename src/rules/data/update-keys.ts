/**
 * Key files published with their private halves in the MCUboot repository root (mcu-tools/mcuboot,
 * also the Kconfig / sysbuild defaults — trap T-04). Matched on the basename, lower-cased.
 */

/** MCUboot development signing keys: anyone can sign images these verify. */
export const MCUBOOT_DEV_SIGNING_KEYS: ReadonlySet<string> = new Set([
  'root-rsa-2048.pem',
  'root-rsa-3072.pem',
  'root-ec-p256.pem',
  'root-ec-p256-pkcs8.pem',
  'root-ec-p384.pem',
  'root-ec-p384-pkcs8.pem',
  'root-ed25519.pem',
]);

/** MCUboot development image-encryption keys (private keys in the public repo). */
export const MCUBOOT_DEV_ENCRYPTION_KEYS: ReadonlySet<string> = new Set([
  'enc-rsa2048-priv.pem',
  'enc-ec256-priv.pem',
  'enc-x25519-priv.pem',
  // The public halves name the same key pair; a build pointing at them encrypts to the public dev key.
  'enc-rsa2048-pub.pem',
  'enc-ec256-pub.pem',
  'enc-x25519-pub.pem',
]);

/** Basenames of a Kconfig key-file value; MCUboot accepts a comma-separated list (prod + dev). */
export function keyFileBasenames(value: string): string[] {
  return value.split(',').map((p) => {
    const t = p.trim().replace(/\\/g, '/');
    return t.slice(t.lastIndexOf('/') + 1).toLowerCase();
  }).filter((b) => b.length > 0);
}
