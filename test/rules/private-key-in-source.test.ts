import { privateKeyInSource } from '../../src/rules/private-key-in-source';
import { ruleTester } from '../harness/rule-tester';

const B1 = '5FsLVMbmUuYaTJjmrJ4ZOFRCexV94detaDjzc/65PlURIZ4nrq8f+zXPsafZL16c';
const B2 = 'p3fhLYc41KfBiDgIykoDbUKQHkbGzULkvtch7P8Zs41dzPn3yg7wboiGUVrx7iKz';
const pem = (label: string): string => `-----BEGIN ${label}-----\n${B1}\n${B2}\n-----END ${label}-----\n`;
const cLines = (label: string): string => `"-----BEGIN ${label}-----\\n"\n"${B1}\\n"\n"${B2}\\n"\n"-----END ${label}-----\\n"`;

ruleTester.run(privateKeyInSource, {
  valid: [
    { lang: 'pem', code: pem('CERTIFICATE'), filePath: 'certs/device.crt' },
    { lang: 'pem', code: pem('PUBLIC KEY'), filePath: 'keys/ota-pub.pem' },
    { lang: 'pem', code: pem('RSA PRIVATE KEY'), filePath: 'bootloader/mcuboot/root-rsa-2048.pem', name: 'MCUboot dev keys belong to the update rules' },
    { lang: 'pem', code: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n', filePath: 'device.key' },
    { lang: 'c', code: `static const char keyCLIENT_PRIVATE_KEY_PEM[] = "-----BEGIN RSA PRIVATE KEY-----\\nPaste your private key here\\n-----END RSA PRIVATE KEY-----\\n";\n` },
    { lang: 'cpp', code: `const char* ca = ${cLines('CERTIFICATE')};\n` },
    { lang: 'python', code: 'KEY = ""\nPEM_HEADER = "-----BEGIN PRIVATE KEY-----"\n' },
    { lang: 'javascript', code: "const key = fs.readFileSync('certs/private.key');\n" },
    { lang: 'typescript', code: "const cert: string = '-----BEGIN CERTIFICATE-----\\n" + B1 + "\\n-----END CERTIFICATE-----';\n" },
    { lang: 'yaml', code: 'mqtt:\n  key: !secret mqtt_client_key\n' },
    { lang: 'json', code: '{ "HttpsClient": { "Key": "/var/lib/mender/private.key" } }' },
    { lang: 'dotenv', code: 'TLS_KEY_PATH=/etc/ssl/private/device.key\n', filePath: '.env' },
  ],
  invalid: [
    {
      lang: 'pem',
      filePath: 'keys/secure_boot_signing_key.pem',
      code: pem('RSA PRIVATE KEY'),
      errors: [{
        messageId: 'privateKey', line: 1, column: 1, severity: 'error', secret: B1,
        suggestions: [{ title: '.gitignore', output: pem('RSA PRIVATE KEY'), files: { '.gitignore': 'secure_boot_signing_key.pem\n' } }],
      }],
    },
    {
      lang: 'pem',
      filePath: 'id_ed25519',
      code: pem('OPENSSH PRIVATE KEY'),
      errors: [{ messageId: 'privateKey', data: { label: 'OPENSSH PRIVATE KEY' }, suggestions: [{ output: pem('OPENSSH PRIVATE KEY'), files: { '.gitignore': 'id_ed25519\n' } }] }],
    },
    {
      lang: 'pem',
      filePath: 'certs/client.key',
      code: pem('ENCRYPTED PRIVATE KEY'),
      errors: [{ messageId: 'encryptedKey', severity: 'warning', suggestions: [{ output: pem('ENCRYPTED PRIVATE KEY') }] }],
    },
    {
      lang: 'pem',
      name: 'test fixtures are lowered',
      filePath: 'test/fixtures/ec.pem',
      code: pem('EC PRIVATE KEY'),
      errors: [{ messageId: 'privateKey', severity: 'info', suggestions: [{ output: pem('EC PRIVATE KEY') }] }],
    },
    { lang: 'c', code: `static const char keyCLIENT_PRIVATE_KEY_PEM[] =\n${cLines('RSA PRIVATE KEY')};\n`, errors: [{ messageId: 'privateKey', line: 2, column: 2, secret: B1 }] },
    { lang: 'cpp', code: `const char* client_key = R"KEY(\n${pem('PRIVATE KEY')})KEY";\n`, errors: [{ messageId: 'privateKey', line: 2, column: 1 }] },
    { lang: 'python', code: `KEY = """${pem('EC PRIVATE KEY')}"""\n`, errors: [{ messageId: 'privateKey', line: 1, column: 10 }] },
    { lang: 'javascript', code: `const key = \`${pem('RSA PRIVATE KEY')}\`;\n`, errors: [{ messageId: 'privateKey' }] },
    { lang: 'typescript', code: `export const KEY = '-----BEGIN PRIVATE KEY-----\\n${B1}\\n${B2}\\n-----END PRIVATE KEY-----\\n';\n`, errors: [{ messageId: 'privateKey' }] },
    { lang: 'yaml', code: `mqtt:\n  client_key: |\n    -----BEGIN EC PRIVATE KEY-----\n    ${B1}\n    ${B2}\n    -----END EC PRIVATE KEY-----\n`, errors: [{ messageId: 'privateKey' }] },
    { lang: 'json', code: `{ "Security": { "AuthPrivateKey": "-----BEGIN RSA PRIVATE KEY-----\\n${B1}\\n${B2}\\n-----END RSA PRIVATE KEY-----\\n" } }`, errors: [{ messageId: 'privateKey' }] },
    { lang: 'dotenv', filePath: '.env', code: `DEVICE_KEY="-----BEGIN PRIVATE KEY-----\\n${B1}\\n${B2}\\n-----END PRIVATE KEY-----\\n"\n`, errors: [{ messageId: 'privateKey' }] },
  ],
});
