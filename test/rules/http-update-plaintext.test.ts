import { httpUpdatePlaintext } from '../../src/rules/http-update-plaintext';
import { ruleTester } from '../harness/rule-tester';

const secureSketch = `#include <ESP8266httpUpdate.h>
BearSSL::WiFiClientSecure tls;
void check() {
  tls.setTrustAnchors(&updateCa);
  ESPhttpUpdate.update(tls, "fw.garage.example-iot.net", 443, "/d1mini/firmware.bin", FW_VERSION);
}
`;

ruleTester.run(httpUpdatePlaintext, {
  valid: [
    { lang: 'cpp', code: secureSketch },
    { lang: 'cpp', code: '#include <HTTPUpdate.h>\nNetworkClientSecure client;\nvoid ota() {\n  httpUpdate.update(client, "https://fw.acme-iot.com/esp32.bin");\n}\n', name: 'URL form is plaintext-url\'s job' },
    { lang: 'cpp', code: '#include <HTTPUpdate.h>\nWiFiClientSecure client;\nvoid ota() {\n  client.setCACert(rootCa);\n  httpUpdate.update(client, UPDATE_HOST, UPDATE_PORT, "/fw.bin");\n}\n', name: 'unresolvable port with a TLS client' },
    { lang: 'c', code: 'void poll(void) {\n  int port = 80;\n  sensor_update(port);\n}\n' },
  ],
  invalid: [
    {
      lang: 'cpp', name: 'ESP8266 host/port form on port 80 with a WiFiClient',
      code: '#include <ESP8266httpUpdate.h>\nvoid checkFirmwareUpdate() {\n  WiFiClient plain;\n  t_httpUpdate_return ret = ESPhttpUpdate.update(plain, FW_HOST, 80, "/garage/firmware.bin", FW_VERSION);\n}\n',
      errors: [{ messageId: 'plainPort', line: 4, column: 66, severity: 'error', data: { callee: 'ESPhttpUpdate.update', host: 'the host in FW_HOST' } }],
    },
    {
      lang: 'cpp', name: 'port from a #define, host literal',
      code: '#define OTA_PORT 80\n#include <HTTPUpdate.h>\nvoid ota(NetworkClientSecure &c) {\n  httpUpdate.update(c, "updates.acme-iot.com", OTA_PORT, "/fw/esp32.bin");\n}\n',
      errors: [{ messageId: 'plainPort', line: 4, data: { callee: 'httpUpdate.update', host: "'updates.acme-iot.com'" } }],
    },
    {
      lang: 'cpp', name: 'non-TLS client on another port',
      code: '#include <HTTPUpdate.h>\nWiFiClient net;\nvoid ota() {\n  httpUpdate.update(net, "10.20.0.4", 8080, "/fw.bin");\n}\n',
      errors: [{ messageId: 'plainClient', line: 4, data: { callee: 'httpUpdate.update', host: "'10.20.0.4'", client: 'net' } }],
    },
    {
      lang: 'cpp', name: 'documentation host is info',
      code: '#include <HTTPUpdate.h>\nvoid ota(WiFiClient &c) {\n  httpUpdate.update(c, "ota.example.com", 80, "/fw.bin");\n}\n',
      errors: [{ messageId: 'plainPort', line: 3, severity: 'info' }],
    },
    {
      lang: 'c', name: 'legacy client-less form',
      code: 'void ota(void) {\n  ESPhttpUpdate.update("192.168.7.20", 80, "/firmware.bin");\n}\n',
      errors: [{ messageId: 'plainPort', line: 2, data: { callee: 'ESPhttpUpdate.update', host: "'192.168.7.20'" } }],
    },
  ],
});
