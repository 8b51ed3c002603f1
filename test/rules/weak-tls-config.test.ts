import { weakTlsConfig } from '../../src/rules/weak-tls-config';
import { ruleTester } from '../harness/rule-tester';

const PY_CTX = 'import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)\n';
const PY_MIN = 'import ssl\nctx = ssl.create_default_context()\nctx.minimum_version = ssl.TLSVersion.TLSv1\n';
const JS_OPTS = "const client = mqtt.connect('mqtts://broker.example.com:8883', {\n  ca: fs.readFileSync('ca.pem'),\n  minVersion: 'TLSv1.1',\n});\n";
const MBED = '#include "mbedtls/ssl.h"\nvoid setup_tls(mbedtls_ssl_config *conf) {\n    mbedtls_ssl_conf_min_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_1);\n}\n';

ruleTester.run(weakTlsConfig, {
  valid: [
    { lang: 'python', name: 'TLS 1.2 minimum', code: 'import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\nctx.minimum_version = ssl.TLSVersion.TLSv1_2\n' },
    { lang: 'python', name: 'paho tls_set with defaults and a strong cipher list', code: 'client.tls_set(ca_certs="ca.pem", tls_version=ssl.PROTOCOL_TLS_CLIENT, ciphers="ECDHE+AESGCM:!aNULL:!MD5:!RC4")\n' },
    { lang: 'python', name: 'app version that looks like 1.0', code: 'min_version = "1.0"\nAPP = {"min_version": "1.1"}\n' },
    { lang: 'javascript', name: 'TLS 1.2 in Node options', code: "tls.connect({ host: 'broker.example.com', port: 8883, minVersion: 'TLSv1.2', ciphers: 'TLS_AES_128_GCM_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256' });\n" },
    { lang: 'typescript', name: 'TLS 1.3 maximum', code: "const opts: tls.ConnectionOptions = { maxVersion: 'TLSv1.3', minVersion: 'TLSv1.2' };\n" },
    { lang: 'c', name: 'mbedTLS TLS 1.2 minimum', code: 'void f(mbedtls_ssl_config *c) { mbedtls_ssl_conf_min_version(c, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3); }\n' },
    { lang: 'cpp', name: 'ESP32 setCACert, no fingerprint', filePath: 'src/main.cpp', code: 'WiFiClientSecure client;\nvoid setup() { client.setCACert(root_ca); }\n' },
    { lang: 'kconfig', name: 'TLS 1.0/1.1 off', filePath: 'sdkconfig.defaults', code: '# CONFIG_MBEDTLS_SSL_PROTO_TLS1 is not set\nCONFIG_MBEDTLS_SSL_PROTO_TLS1_1=n\nCONFIG_MBEDTLS_SSL_PROTO_TLS1_2=y\n' },
    { lang: 'yaml', name: 'HACS manifest min_version is an app version', filePath: 'hacs.yaml', code: 'name: My Integration\nhomeassistant:\n  min_version: 1.0\n' },
    { lang: 'json', name: 'package.json version fields', filePath: 'package.json', code: '{ "name": "gw", "version": "1.1.0", "engines": { "node": ">=18" } }\n' },
    { lang: 'ini', name: 'mosquitto TLS 1.2', filePath: 'mosquitto.conf', code: 'listener 8883\ntls_version tlsv1.2\nciphers ECDHE-RSA-AES256-GCM-SHA384\n' },
  ],
  invalid: [
    {
      lang: 'python', name: 'SSLContext pinned to TLS 1.1', code: PY_CTX,
      errors: [{ messageId: 'legacyVersion', line: 2, column: 22, severity: 'warning', data: { setting: 'ssl.SSLContext()', version: 'PROTOCOL_TLSv1_1' }, suggestions: [{ title: 'PROTOCOL_TLS_CLIENT', output: PY_CTX.replace('PROTOCOL_TLSv1_1', 'PROTOCOL_TLS_CLIENT') }] }],
    },
    {
      lang: 'python', name: 'minimum_version TLSv1', code: PY_MIN,
      errors: [{ messageId: 'legacyVersion', line: 3, data: { setting: 'ctx.minimum_version', version: 'TLSv1' }, suggestions: [{ output: PY_MIN.replace('TLSVersion.TLSv1', 'TLSVersion.TLSv1_2') }] }],
    },
    {
      lang: 'python', name: 'paho tls_set with TLS 1.0 and RC4', code: 'client.tls_set(ca_certs="ca.pem", tls_version=ssl.PROTOCOL_TLSv1, ciphers="RC4-SHA:HIGH")\n',
      errors: [
        { messageId: 'legacyVersion', data: { setting: 'client.tls_set(tls_version=…)', version: 'PROTOCOL_TLSv1' }, suggestions: [{ output: 'client.tls_set(ca_certs="ca.pem", tls_version=ssl.PROTOCOL_TLS_CLIENT, ciphers="RC4-SHA:HIGH")\n' }] },
        { messageId: 'weakCipher', data: { cipher: 'RC4-SHA' } },
      ],
    },
    {
      lang: 'python', name: 'set_ciphers with NULL suites', code: 'ctx.set_ciphers("eNULL:HIGH")\n',
      errors: [{ messageId: 'weakCipher', data: { cipher: 'eNULL' } }],
    },
    {
      lang: 'javascript', name: 'MQTT.js minVersion TLSv1.1', code: JS_OPTS,
      errors: [{ messageId: 'legacyVersion', line: 3, column: 15, data: { setting: 'minVersion', version: 'TLSv1.1' }, suggestions: [{ title: 'TLSv1.2', output: JS_OPTS.replace("'TLSv1.1'", "'TLSv1.2'") }] }],
    },
    {
      lang: 'javascript', name: 'secureProtocol TLSv1_method and tls.DEFAULT_MIN_VERSION',
      code: "tls.DEFAULT_MIN_VERSION = 'TLSv1';\nconst s = tls.connect({ secureProtocol: 'TLSv1_method' });\n",
      errors: [
        { messageId: 'legacyVersion', line: 1, suggestions: [{ output: "tls.DEFAULT_MIN_VERSION = 'TLSv1.2';\nconst s = tls.connect({ secureProtocol: 'TLSv1_method' });\n" }] },
        { messageId: 'legacyVersion', line: 2, suggestions: [{ output: "tls.DEFAULT_MIN_VERSION = 'TLSv1';\nconst s = tls.connect({ secureProtocol: 'TLS_method' });\n" }] },
      ],
    },
    {
      lang: 'typescript', name: 'maxVersion capped at TLS 1.1 and weak ciphers', code: "const opts = { maxVersion: 'TLSv1.1', ciphers: 'DES-CBC3-SHA:!aNULL' };\n",
      errors: [
        { messageId: 'legacyVersion', suggestions: [{ output: "const opts = { maxVersion: 'TLSv1.3', ciphers: 'DES-CBC3-SHA:!aNULL' };\n" }] },
        { messageId: 'weakCipher', data: { cipher: 'DES-CBC3-SHA' } },
      ],
    },
    {
      lang: 'c', name: 'mbedTLS minimum TLS 1.0', code: MBED,
      errors: [{ messageId: 'legacyVersion', line: 3, data: { setting: 'mbedtls_ssl_conf_min_version()', version: 'MBEDTLS_SSL_MINOR_VERSION_1' }, suggestions: [{ output: MBED.replace('MINOR_VERSION_1', 'MINOR_VERSION_3') }] }],
    },
    {
      lang: 'c', name: 'OpenSSL TLSv1_method and min proto version',
      code: 'SSL_CTX *ctx = SSL_CTX_new(TLSv1_client_method());\nSSL_CTX_set_min_proto_version(ctx, TLS1_1_VERSION);\nSSL_CTX_set_cipher_list(ctx, "ALL:EXPORT");\n',
      errors: [
        { messageId: 'legacyVersion', line: 1, suggestions: [{ output: 'SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());\nSSL_CTX_set_min_proto_version(ctx, TLS1_1_VERSION);\nSSL_CTX_set_cipher_list(ctx, "ALL:EXPORT");\n' }] },
        { messageId: 'legacyVersion', line: 2, suggestions: [{ output: 'SSL_CTX *ctx = SSL_CTX_new(TLSv1_client_method());\nSSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);\nSSL_CTX_set_cipher_list(ctx, "ALL:EXPORT");\n' }] },
        { messageId: 'weakCipher', line: 3, data: { cipher: 'EXPORT' } },
      ],
    },
    {
      lang: 'cpp', name: 'BearSSL SHA-1 fingerprint pin (ARD-09, info)', filePath: 'src/main.ino',
      code: '#include <WiFiClientSecure.h>\nBearSSL::WiFiClientSecure client;\nvoid setup() { client.setFingerprint(fingerprint); }\n',
      errors: [{ messageId: 'sha1Pin', line: 3, severity: 'info', data: { call: 'client.setFingerprint' } }],
    },
    {
      lang: 'kconfig', name: 'TLS 1.0/1.1 enabled in sdkconfig.defaults', filePath: 'sdkconfig.defaults',
      code: 'CONFIG_MBEDTLS_SSL_PROTO_TLS1=y\nCONFIG_MBEDTLS_SSL_PROTO_TLS1_1=y\n',
      errors: [
        { messageId: 'legacyBuilt', line: 1, severity: 'warning', suggestions: [{ output: '# CONFIG_MBEDTLS_SSL_PROTO_TLS1 is not set\nCONFIG_MBEDTLS_SSL_PROTO_TLS1_1=y\n' }] },
        { messageId: 'legacyBuilt', line: 2, severity: 'warning', suggestions: [{ output: 'CONFIG_MBEDTLS_SSL_PROTO_TLS1=y\n# CONFIG_MBEDTLS_SSL_PROTO_TLS1_1 is not set\n' }] },
      ],
    },
    {
      lang: 'kconfig', name: 'IDF 4.x generated sdkconfig default is info', filePath: 'sdkconfig',
      code: 'CONFIG_MBEDTLS_SSL_PROTO_TLS1=y\nCONFIG_MBEDTLS_RC4_ENABLED=y\n',
      errors: [
        { messageId: 'legacyBuilt', severity: 'info', suggestions: [{ output: '# CONFIG_MBEDTLS_SSL_PROTO_TLS1 is not set\nCONFIG_MBEDTLS_RC4_ENABLED=y\n' }] },
        { messageId: 'weakCipherBuilt', severity: 'info', suggestions: [{ output: 'CONFIG_MBEDTLS_SSL_PROTO_TLS1=y\n# CONFIG_MBEDTLS_RC4_ENABLED is not set\n' }] },
      ],
    },
    {
      lang: 'kconfig', name: 'Zephyr prj.conf TLS 1.1', filePath: 'prj.conf', code: 'CONFIG_MBEDTLS=y\nCONFIG_MBEDTLS_TLS_VERSION_1_1=y\n',
      errors: [{ messageId: 'legacyBuilt', line: 2, suggestions: [{ output: 'CONFIG_MBEDTLS=y\nCONFIG_MBEDTLS_TLS_VERSION_1_1=n\n' }] }],
    },
    {
      lang: 'yaml', name: 'YAML tls_version tlsv1.1', filePath: 'gateway.yaml', code: 'broker:\n  host: broker.example.com\n  tls_version: tlsv1.1\n',
      errors: [{ messageId: 'legacyVersion', line: 3, suggestions: [{ output: 'broker:\n  host: broker.example.com\n  tls_version: tlsv1.2\n' }] }],
    },
    {
      lang: 'json', name: 'JSON minVersion and ciphers', filePath: 'config/tls.json', code: '{\n  "minVersion": "TLSv1",\n  "ciphers": "aNULL:HIGH"\n}\n',
      errors: [
        { messageId: 'legacyVersion', line: 2, suggestions: [{ output: '{\n  "minVersion": "TLSv1.2",\n  "ciphers": "aNULL:HIGH"\n}\n' }] },
        { messageId: 'weakCipher', line: 3, data: { cipher: 'aNULL' } },
      ],
    },
    {
      lang: 'ini', name: 'mosquitto tls_version tlsv1 (bare 1.x under a TLS key)', filePath: 'mosquitto.conf', code: 'listener 8883\ntls_version tlsv1\n',
      errors: [{ messageId: 'legacyVersion', line: 2, suggestions: [{ output: 'listener 8883\ntls_version tlsv1.2\n' }] }],
    },
  ],
});
