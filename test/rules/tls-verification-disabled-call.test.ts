import { tlsVerificationDisabledCall } from '../../src/rules/tls-verification-disabled-call';
import { ruleTester } from '../harness/rule-tester';

const ROOT_CA = (indent: string): string => `${indent}// TODO: root_ca = the server's CA certificate, e.g. static const char root_ca[] PROGMEM = R"EOF(-----BEGIN CERTIFICATE-----\n${indent}// …\n${indent}// -----END CERTIFICATE-----)EOF";\n`;

ruleTester.run(tlsVerificationDisabledCall, {
  valid: [
    { lang: 'cpp', code: 'void setup() {\n  client.setCACert(root_ca);\n}\n' },
    { lang: 'cpp', code: 'void setup() {\n  // client.setInsecure();\n  client.setCACertBundle(x509_crt_bundle);\n}\n' },
    { lang: 'c', code: 'mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_REQUIRED);' },
    { lang: 'c', code: 'mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_OPTIONAL);\nif (mbedtls_ssl_get_verify_result(&ssl) != 0) { abort_conn(); }\n' },
    { lang: 'c', code: 'void serve(void) {\n  mbedtls_net_bind(&listen_fd, NULL, "4433", MBEDTLS_NET_PROTO_TCP);\n  mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_NONE);\n}\n' },
    { lang: 'c', code: 'int verify = TLS_PEER_VERIFY_REQUIRED;\nzsock_setsockopt(fd, SOL_TLS, TLS_PEER_VERIFY, &verify, sizeof(verify));\n' },
    { lang: 'python', code: 'client.tls_insecure_set(False)\n' },
    { lang: 'python', code: 'import urllib3\nurllib3.disable_warnings()\n' },
    { lang: 'python', code: 'ctx = ssl.create_default_context(cafile="ca.pem")\n' },
    { lang: 'cpp', code: 'void setInsecure() {}\nvoid f() { setInsecure(); }\n' },
  ],
  invalid: [
    {
      lang: 'cpp',
      code: 'void setup() {\n  client.setInsecure();\n}\n',
      errors: [{
        messageId: 'setInsecure', line: 2, column: 3, severity: 'error', data: { call: 'client.setInsecure()' },
        suggestions: [{ title: 'setCACert', output: `void setup() {\n${ROOT_CA('  ')}  client.setCACert(root_ca);\n}\n` }],
      }],
    },
    {
      lang: 'cpp',
      code: 'void setup() {\n  client.setInsecure();\n}\n',
      filePath: 'test/test_mqtt/test_main.cpp',
      errors: [{ messageId: 'setInsecure', severity: 'info', suggestions: [{ output: `void setup() {\n${ROOT_CA('  ')}  client.setCACert(root_ca);\n}\n` }] }],
    },
    {
      lang: 'cpp',
      code: 'auto *secure = new BearSSL::WiFiClientSecure();\nsecure->setInsecure();\n',
      errors: [{ messageId: 'setInsecure', line: 2, suggestions: [{ output: `auto *secure = new BearSSL::WiFiClientSecure();\n${ROOT_CA('')}secure->setCACert(root_ca);\n` }] }],
    },
    {
      lang: 'cpp',
      code: 'BearSSL::WiFiClientSecure tls;\nvoid setup() { tls.allowSelfSignedCerts(); }\n',
      errors: [{ messageId: 'selfSigned', line: 2 }],
    },
    {
      lang: 'c',
      code: 'mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_NONE);',
      errors: [{ messageId: 'verifyOff', data: { call: 'mbedtls_ssl_conf_authmode()', mode: 'MBEDTLS_SSL_VERIFY_NONE' }, suggestions: [{ output: 'mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_REQUIRED);' }] }],
    },
    {
      lang: 'c',
      code: 'mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_OPTIONAL);',
      errors: [{ messageId: 'verifyOff', suggestions: [{ output: 'mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_REQUIRED);' }] }],
    },
    {
      lang: 'c',
      code: 'wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_NONE, NULL);\nwolfSSL_connect(ssl);\n',
      errors: [{ messageId: 'verifyOff', suggestions: [{ output: 'wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_PEER, NULL);\nwolfSSL_connect(ssl);\n' }] }],
    },
    {
      lang: 'c',
      code: 'int verify = TLS_PEER_VERIFY_NONE;\nzsock_setsockopt(fd, SOL_TLS, TLS_PEER_VERIFY, &verify, sizeof(verify));\n',
      errors: [{ messageId: 'verifyOff', line: 2, data: { call: 'zsock_setsockopt()', mode: 'TLS_PEER_VERIFY_NONE' }, suggestions: [{ output: 'int verify = TLS_PEER_VERIFY_REQUIRED;\nzsock_setsockopt(fd, SOL_TLS, TLS_PEER_VERIFY, &verify, sizeof(verify));\n' }] }],
    },
    {
      lang: 'c',
      code: 'int peer_verify = 1;\nsetsockopt(sock, SOL_TLS, TLS_PEER_VERIFY, &peer_verify, sizeof(peer_verify));\n',
      errors: [{ messageId: 'verifyOff', data: { call: 'setsockopt()', mode: 'TLS_PEER_VERIFY_OPTIONAL (1)' }, suggestions: [{ output: 'int peer_verify = TLS_PEER_VERIFY_REQUIRED;\nsetsockopt(sock, SOL_TLS, TLS_PEER_VERIFY, &peer_verify, sizeof(peer_verify));\n' }] }],
    },
    {
      lang: 'python',
      code: 'client.tls_set(ca_certs="ca.pem")\nclient.tls_insecure_set(True)\n',
      errors: [{ messageId: 'hostnameOff', line: 2, severity: 'warning', suggestions: [{ output: 'client.tls_set(ca_certs="ca.pem")\nclient.tls_insecure_set(False)\n' }] }],
    },
    {
      lang: 'python',
      code: 'ctx = ssl._create_unverified_context()\nclient.tls_set_context(ctx)\n',
      errors: [{ messageId: 'unverifiedContext', suggestions: [{ output: 'ctx = ssl.create_default_context()\nclient.tls_set_context(ctx)\n' }] }],
    },
    {
      lang: 'python',
      code: 'ssl._create_default_https_context = ssl._create_unverified_context\n',
      errors: [{ messageId: 'unverifiedContext' }],
    },
  ],
});
