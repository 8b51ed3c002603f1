import { weakCryptoAlgorithm } from '../../src/rules/weak-crypto-algorithm';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(weakCryptoAlgorithm, {
  valid: [
    { lang: 'typescript', name: 'MD5 as a file checksum', code: "import { createHash } from 'crypto';\nexport const etag = (body: Buffer) => createHash('md5').update(body).digest('hex');\n" },
    { lang: 'typescript', name: 'SHA-256 password hash input (KDF elsewhere)', code: "const digest = createHash('sha256').update(password).digest();\n" },
    { lang: 'javascript', name: 'AES-256-GCM', code: "const c = crypto.createCipheriv('aes-256-gcm', key, iv);\n" },
    { lang: 'python', name: 'MD5 of a firmware blob (checksum)', code: 'import hashlib\nchecksum = hashlib.md5(blob).hexdigest()\n' },
    { lang: 'python', name: 'usedforsecurity=False', code: 'import hashlib\nh = hashlib.md5(password_hint_id, usedforsecurity=False)\n' },
    { lang: 'python', name: 'AES-GCM in pycryptodome', code: 'from Crypto.Cipher import AES\nc = AES.new(key, AES.MODE_GCM, nonce=nonce)\n' },
    { lang: 'c', name: 'mbedTLS AES and SHA-256', code: 'void f(void) { mbedtls_aes_setkey_enc(&aes, key, 256); mbedtls_sha256(buf, len, out, 0); }\n' },
    { lang: 'cpp', name: 'MD5 over an OTA image (update rules judge that)', filePath: 'src/ota.cpp', code: 'void f() { mbedtls_md5_update(&ctx, chunk, len); }\n' },
    { lang: 'c', name: 'description strings mention DES', code: 'const char *description = "Design notes";\n' },
    { lang: 'c', name: 'ecb / rc4 / des inside register names and hex', code: '#define RMT_NVS_CRC429_REG (DR_REG_RMT_BASE + 0x5ecb)\n#define SPI_DES_EN_S 12\nint x = 0x7ecb;\n' },
  ],
  invalid: [
    {
      lang: 'typescript', name: 'MD5 of a password', filePath: 'src/legacy-crypto.ts',
      code: "import { createHash } from 'crypto';\nexport function v1PasswordDigest(password: string): string {\n  return createHash('md5').update(password).digest('hex');\n}\n",
      errors: [{ messageId: 'weakHash', line: 3, column: 10, severity: 'warning', data: { algorithm: 'MD5' } }],
    },
    {
      lang: 'typescript', name: '3DES cipher', filePath: 'src/legacy-crypto.ts',
      code: "const cipher = createCipheriv('des-ede3-cbc', key, iv);\n",
      errors: [{ messageId: 'weakCipher', line: 1, column: 31, data: { algorithm: 'des-ede3-cbc' } }],
    },
    {
      lang: 'javascript', name: 'RC4 and AES-ECB', code: "const a = crypto.createCipheriv('rc4', key, null);\nconst b = crypto.createCipheriv('aes-128-ecb', key, null);\n",
      errors: [{ messageId: 'weakCipher', line: 1, data: { algorithm: 'rc4' } }, { messageId: 'weakCipher', line: 2, data: { algorithm: 'aes-128-ecb' } }],
    },
    {
      lang: 'python', name: 'SHA-1 token digest and hashlib.new md5', code: "import hashlib\ntoken_hash = hashlib.sha1(token.encode()).hexdigest()\npw = hashlib.new('md5', secret)\n",
      errors: [{ messageId: 'weakHash', line: 2, data: { algorithm: 'SHA1' } }, { messageId: 'weakHash', line: 3, data: { algorithm: 'MD5' } }],
    },
    {
      lang: 'python', name: 'pycryptodome DES3 and AES ECB', code: 'from Crypto.Cipher import DES3, AES\nc = DES3.new(key, DES3.MODE_CBC, iv)\ne = AES.new(key, AES.MODE_ECB)\n',
      errors: [{ messageId: 'weakCipher', line: 2, data: { algorithm: 'DES3' } }, { messageId: 'weakCipher', line: 3, data: { algorithm: 'ECB mode' } }],
    },
    {
      lang: 'python', name: 'cryptography TripleDES', code: 'from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\nc = Cipher(algorithms.TripleDES(key), modes.CBC(iv))\n',
      errors: [{ messageId: 'weakCipher', line: 2, data: { algorithm: 'TripleDES' } }],
    },
    {
      lang: 'c', name: 'mbedTLS 3DES reported once per file', code: 'void f(void) {\n  mbedtls_des3_init(&ctx);\n  mbedtls_des3_set3key_enc(&ctx, key);\n  mbedtls_des3_crypt_cbc(&ctx, MBEDTLS_DES_ENCRYPT, len, iv, in, out);\n}\n',
      errors: [{ messageId: 'weakCipher', line: 2, data: { algorithm: 'mbedtls_des3_*' } }],
    },
    {
      lang: 'cpp', name: 'mbedTLS MD5 of the admin password', filePath: 'src/auth.cpp', code: 'void check(const char *pw) {\n  mbedtls_md5_ret((const unsigned char *)pw, strlen(pw), digest);\n}\n',
      errors: [{ messageId: 'weakHash', line: 2, data: { algorithm: 'MD5' } }],
    },
  ],
});
