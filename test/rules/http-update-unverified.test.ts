import { httpUpdateUnverified } from '../../src/rules/http-update-unverified';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(httpUpdateUnverified, {
  valid: [
    {
      lang: 'cpp', filePath: 'httpUpdateSigned/httpUpdateSigned.ino', name: 'T-06: HTTP + installSignature is the plaintext rule\'s finding, not this one',
      code: 'BearSSL::PublicKey signPubKey(pubkey);\nBearSSL::HashSHA256 hash;\nBearSSL::SigningVerifier sign(&signPubKey);\nvoid setup() {\n  Update.installSignature(&hash, &sign);\n}\nvoid loop() {\n  WiFiClient client;\n  t_httpUpdate_return ret = ESPhttpUpdate.update(client, "http://192.168.1.8/esp8266.bin");\n}\n',
    },
    {
      lang: 'cpp', name: 'ESP32 signed update',
      code: '#define UPDATE_SIGN\nvoid check() {\n  Update.installSignature(new UpdaterRSAVerifier(PUBLIC_KEY, PUBLIC_KEY_LEN, HASH_SHA256));\n  httpUpdate.update(client, "https://fw.acme-iot.com/sensor.bin");\n}\n',
    },
    { lang: 'cpp', code: 'void loop() {\n  sensor.update();\n  display.update(1);\n}\n', name: 'unrelated update() calls' },
    { lang: 'c', code: '#include <HTTPUpdate.h>\nvoid noop(void) {}\n', name: 'include only' },
    { lang: 'c', filePath: 'include/app_config.h', code: '#define OTA_URL "http://fw.acme-iot.com/app.bin"\n', name: 'OTA_URL outside a Tasmota configuration' },
    { lang: 'cpp', filePath: 'tasmota/user_config_override.h', code: '#undef  OTA_URL\n#define OTA_URL ""\n' },
    { lang: 'cpp', code: 'void setup() {\n  httpUpdater.setup(&server, "/firmware", OTA_USER, OTA_PASS);\n}\n', name: 'ESP8266HTTPUpdateServer is an upload form, not a download' },
  ],
  invalid: [
    {
      lang: 'c', filePath: 'tasmota/user_config_override.h', name: 'Tasmota OTA_URL over plain HTTP',
      code: '#ifndef _USER_CONFIG_OVERRIDE_H_\n#undef  OTA_URL\n#define OTA_URL           "http://ota.barn-automation.net/tasmota/tasmota-lite.bin.gz"\n#endif\n',
      errors: [{ messageId: 'tasmotaOta', line: 3, severity: 'error', data: { scheme: 'http', host: 'ota.barn-automation.net', plain: ' and over plain HTTP', path: ' or anyone on the network path' } }],
    },
    {
      lang: 'cpp', filePath: 'tasmota/my_user_config.h', name: 'Tasmota OTA_URL over HTTPS is still unsigned',
      code: '#define OTA_URL "https://ota.tasmota.com/tasmota32/release/tasmota32.bin"\n',
      errors: [{ messageId: 'tasmotaOta', line: 1, severity: 'warning', data: { scheme: 'https', host: 'ota.tasmota.com', plain: '', path: '' } }],
    },
    {
      lang: 'cpp', filePath: 'src/main.cpp', name: 'X-07: plain HTTP and no signature',
      code: 'void checkUpdate() {\n  WiFiClient client;\n  t_httpUpdate_return ret = httpUpdate.update(client, "http://updates.acme-iot.com/fw.bin");\n}\n',
      errors: [{ messageId: 'plainUnsigned', data: { callee: 'httpUpdate.update' }, line: 3, column: 29, severity: 'error' }],
    },
    {
      lang: 'cpp', name: 'X-06: HTTPS but no signature',
      code: 'void checkUpdate() {\n  WiFiClientSecure client;\n  client.setCACert(rootCA);\n  httpUpdate.update(client, "https://updates.acme-iot.com/fw.bin", FW_VERSION);\n}\n',
      errors: [{ messageId: 'unsigned', data: { callee: 'httpUpdate.update' }, line: 4, severity: 'warning' }],
    },
    {
      lang: 'cpp', name: 'host + port 80 form, URL from a #define',
      code: '#define OTA_HOST "ota.acme-iot.com"\nvoid loop() {\n  ESPhttpUpdate.update(client, OTA_HOST, 80, "/firmware.bin");\n}\n',
      errors: [{ messageId: 'plainUnsigned', data: { callee: 'ESPhttpUpdate.update' }, line: 3, severity: 'error' }],
    },
    {
      lang: 'cpp', name: 'URL constant resolved',
      code: 'const char* fwUrl = "http://10.0.0.5:8080/fw.bin";\nvoid loop() {\n  ESPhttpUpdate.update(client, fwUrl);\n}\n',
      errors: [{ messageId: 'plainUnsigned', line: 3 }],
    },
    {
      lang: 'cpp', name: 'loopback / documentation host: info',
      code: 'void loop() {\n  httpUpdate.update(client, "http://ota.example.com/fw.bin");\n}\n',
      errors: [{ messageId: 'plainUnsigned', severity: 'info' }],
    },
    {
      lang: 'cpp', name: 'URL from a runtime variable: unknown transport, unsigned',
      code: 'void doUpdate(String url) {\n  httpUpdate.update(client, url);\n}\n',
      errors: [{ messageId: 'unsigned', severity: 'warning' }],
    },
    {
      lang: 'cpp', name: 'ARD-04: MD5 as the only check',
      code: 'void doUpdate() {\n  httpUpdate.setMD5sum(expectedMd5);\n  httpUpdate.update(client, "https://fw.acme-iot.com/a.bin");\n}\n',
      errors: [
        { messageId: 'md5Only', data: { callee: 'httpUpdate.setMD5sum' }, line: 2, severity: 'info' },
        { messageId: 'unsigned', line: 3 },
      ],
    },
    {
      lang: 'c', filePath: 'src/updater.h', name: 'Update.setMD5 in a header read as C',
      code: 'static void start_update(const char *md5) {\n  Update.setMD5(md5);\n}\n',
      errors: [{ messageId: 'md5Only', data: { callee: 'Update.setMD5' }, severity: 'info' }],
    },
  ],
});
