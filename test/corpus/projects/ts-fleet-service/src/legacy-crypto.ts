// Compatibility layer for the v1 gateways (2017 hardware). Do not use for new code.
import { createCipheriv, createHash, randomBytes } from 'crypto';
import * as tls from 'tls';

// v1 gateways authenticate with md5(password) over the provisioning socket
export function v1PasswordDigest(password: string): string {
  return createHash('md5').update(password).digest('hex');
}

export function v1EncryptConfig(key: Buffer, plaintext: Buffer): Buffer {
  const iv = randomBytes(8);
  const cipher = createCipheriv('des-ede3-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plaintext), cipher.final()]);
}

export function v1Connect(host: string): tls.TLSSocket {
  return tls.connect({
    host,
    port: 8443,
    minVersion: 'TLSv1',
  });
}
