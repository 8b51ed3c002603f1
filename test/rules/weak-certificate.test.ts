import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { certificateClock, weakCertificate } from '../../src/rules/weak-certificate';
import { ruleTester } from '../harness/rule-tester';

// Fixtures were generated once (test/fixtures/certs/README.md); all expire 2036-11-22.
const cert = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'certs', name), 'utf8');
const CA_ROOT = cert('ca-root.pem');
const DEVICE = cert('device.pem');
const RSA1024 = cert('rsa1024.pem');
const SHA1 = cert('sha1.pem');
const SHA1_ROOT = cert('sha1-root.pem');
const MD5 = cert('md5.pem');
const SELF_LEAF = cert('self-signed-leaf.pem');

/** Scan date pinned to 2027-01-15 (all fixtures valid); the expiry tables below move it past / near 2036-11-22. */
const NOW = Date.parse('2027-01-15T00:00:00Z');
const EXPIRY = Date.parse('2036-11-22T20:14:59Z');
let saved: () => number;
before(() => {
  saved = certificateClock.now;
  certificateClock.now = () => NOW;
});
after(() => {
  certificateClock.now = saved;
});

const asCString = (pem: string): string =>
  `static const char root_ca[] =\n${pem.trim().split('\n').map((l) => `  "${l}\\n"`).join('\n')};\n`;
const asPython = (pem: string): string => `CA_CERT = """${pem}"""\n`;
const asJs = (pem: string): string => `const ca = \`${pem}\`;\nmodule.exports = { ca };\n`;
const asYaml = (pem: string): string => `mqtt:\n  broker: mqtt.example.com\n  certificate_authority: |\n${pem.trim().split('\n').map((l) => `    ${l}`).join('\n')}\n`;
const asJson = (pem: string): string => `${JSON.stringify({ host: 'a1b2c3-ats.iot.eu-west-1.amazonaws.com', caCert: pem }, null, 2)}\n`;

ruleTester.run(weakCertificate, {
  valid: [
    { lang: 'pem', name: 'CA-issued EC device certificate', filePath: 'certs/device.crt', code: DEVICE },
    { lang: 'pem', name: 'self-signed CA root is expected', filePath: 'certs/AmazonRootCA.pem', code: CA_ROOT },
    { lang: 'pem', name: 'SHA-1 self-signature of a root is never checked', filePath: 'certs/legacy-root.pem', code: SHA1_ROOT },
    { lang: 'pem', name: 'chain file: root + device', filePath: 'certs/chain.pem', code: DEVICE + CA_ROOT },
    { lang: 'pem', name: 'garbage body does not crash', filePath: 'certs/broken.pem', code: '-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n' },
    { lang: 'pem', name: 'placeholder certificate', filePath: 'certs/device.pem.crt', code: '-----BEGIN CERTIFICATE-----\n<paste your device certificate here>\n-----END CERTIFICATE-----\n' },
    { lang: 'pem', name: 'a private key is another rule', filePath: 'certs/device.key', code: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIOm7Yx3c0S9e0M2bQ9g6xg8S5sJm8p8mQG0A1b2c3d4e\n-----END PRIVATE KEY-----\n' },
    { lang: 'c', name: 'good CA in a C string', code: asCString(CA_ROOT) },
    { lang: 'cpp', name: 'good device cert in Arduino sketch', filePath: 'src/main.ino', code: asCString(DEVICE) },
    { lang: 'python', name: 'good CA in Python', code: asPython(CA_ROOT) },
    { lang: 'javascript', name: 'good CA in JS', code: asJs(CA_ROOT) },
    { lang: 'typescript', name: 'good CA in TS', code: asJs(DEVICE).replace('module.exports = { ca };', 'export default ca;') },
    { lang: 'yaml', name: 'good CA in ESPHome YAML', code: asYaml(CA_ROOT) },
    { lang: 'json', name: 'good CA in JSON', code: asJson(DEVICE) },
  ],
  invalid: [
    {
      lang: 'pem', name: 'RSA-1024 key', filePath: 'certs/gateway.crt', code: RSA1024,
      errors: [{ messageId: 'weakKey', line: 1, column: 1, severity: 'warning', data: { cn: 'legacy-gateway', bits: 1024 } }],
    },
    {
      lang: 'pem', name: 'ECDSA-with-SHA1 signature', filePath: 'certs/sensor.crt', code: SHA1,
      errors: [{ messageId: 'weakSignature', severity: 'warning', data: { cn: 'sensor-0001', algorithm: 'ECDSA with SHA-1' } }],
    },
    {
      lang: 'pem', name: 'MD5 signature, second block of a chain', filePath: 'certs/chain.pem', code: SHA1_ROOT + MD5,
      errors: [{ messageId: 'weakSignature', line: SHA1_ROOT.split('\n').length, data: { cn: 'sensor-0001', algorithm: 'MD5 with RSA' } }],
    },
    {
      lang: 'pem', name: 'self-signed leaf (info)', filePath: 'data/server.crt', code: SELF_LEAF,
      errors: [{ messageId: 'selfSigned', severity: 'info', data: { cn: 'esp32-webserver.local' } }],
    },
    {
      lang: 'c', name: 'RSA-1024 in a C string literal', code: asCString(RSA1024),
      errors: [{ messageId: 'weakKey', line: 2, column: 3, data: { cn: 'legacy-gateway', bits: 1024 } }],
    },
    {
      lang: 'cpp', name: 'self-signed leaf in a sketch', filePath: 'src/main.ino', code: asCString(SELF_LEAF),
      errors: [{ messageId: 'selfSigned', severity: 'info' }],
    },
    {
      lang: 'python', name: 'SHA-1 signed cert in Python', code: asPython(SHA1),
      errors: [{ messageId: 'weakSignature', line: 1, column: 11 }],
    },
    {
      lang: 'javascript', name: 'MD5 cert in JS', code: asJs(MD5),
      errors: [{ messageId: 'weakSignature', data: { cn: 'sensor-0001', algorithm: 'MD5 with RSA' } }],
    },
    {
      lang: 'typescript', name: 'RSA-1024 in TS', code: asJs(RSA1024),
      errors: [{ messageId: 'weakKey' }],
    },
    {
      lang: 'yaml', name: 'RSA-1024 in a YAML block scalar', code: asYaml(RSA1024),
      errors: [{ messageId: 'weakKey', line: 4, column: 5 }],
    },
    {
      lang: 'json', name: 'self-signed leaf in a JSON string (anchored on the string)', code: asJson(SELF_LEAF),
      errors: [{ messageId: 'selfSigned', line: 3, severity: 'info' }],
    },
    {
      lang: 'pem', name: 'in a test fixture the severity is lowered', filePath: 'test/fixtures/gw.pem', code: RSA1024,
      errors: [{ messageId: 'weakKey', severity: 'info' }],
    },
  ],
});

// Expiry depends on the scan date: run the same certificates with the clock moved.
const expiry = (label: string, now: number, cases: Parameters<typeof ruleTester.run>[1]): void => {
  const rule = { ...weakCertificate, meta: { ...weakCertificate.meta }, check: (ctx: Parameters<typeof weakCertificate.check>[0]) => {
    const saved2 = certificateClock.now;
    certificateClock.now = () => now;
    try { weakCertificate.check(ctx); } finally { certificateClock.now = saved2; }
  } };
  rule.meta.id = `weak-certificate (${label})`;
  ruleTester.run(rule, cases);
};

expiry('expired', EXPIRY + 86_400_000, {
  valid: [{ lang: 'pem', name: 'a placeholder never expires', code: '-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----\n' }],
  invalid: [
    { lang: 'pem', name: 'expired device cert', filePath: 'certs/device.crt', code: DEVICE, errors: [{ messageId: 'expired', severity: 'error', data: { cn: 'sensor-0001', date: '2036-11-22' } }] },
    { lang: 'pem', name: 'expired root is reported too', filePath: 'certs/root.pem', code: CA_ROOT, errors: [{ messageId: 'expired', severity: 'error', data: { cn: 'Acme IoT Root CA', date: '2036-11-22' } }] },
    { lang: 'c', name: 'expired CA in firmware', code: asCString(CA_ROOT), errors: [{ messageId: 'expired', line: 2, severity: 'error' }] },
  ],
});

expiry('expiring', EXPIRY - 10 * 86_400_000, {
  valid: [{ lang: 'pem', name: 'a key file is not a certificate', filePath: 'certs/device.key', code: '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----\n' }],
  invalid: [
    { lang: 'pem', name: 'expires in 10 days', filePath: 'certs/device.crt', code: DEVICE, errors: [{ messageId: 'expiring', severity: 'warning', data: { cn: 'sensor-0001', date: '2036-11-22', days: 10 } }] },
    { lang: 'python', name: 'expiring and weak: two findings', code: asPython(RSA1024), errors: [{ messageId: 'expiring' }, { messageId: 'weakKey' }] },
  ],
});
