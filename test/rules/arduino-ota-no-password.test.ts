import { arduinoOtaNoPassword } from '../../src/rules/arduino-ota-no-password';
import { ruleTester } from '../harness/rule-tester';

const INSERT = '  // define OTA_PASSWORD_HASH (MD5 of the password) in secrets.h\n  ArduinoOTA.setPasswordHash(OTA_PASSWORD_HASH);\n';

ruleTester.run(arduinoOtaNoPassword, {
  valid: [
    {
      lang: 'cpp', filePath: 'BasicOTA/BasicOTA.ino', name: 'setPassword from a macro before begin',
      code: '#include <ArduinoOTA.h>\n#include "secrets.h"\nvoid setup() {\n  ArduinoOTA.setHostname("pump-ctl");\n  ArduinoOTA.setPassword(OTA_PASS);\n  ArduinoOTA.begin();\n}\nvoid loop() { ArduinoOTA.handle(); }\n',
    },
    {
      lang: 'cpp', name: 'setPasswordHash',
      code: 'void setupOta() {\n  ArduinoOTA.setPasswordHash(OTA_PASSWORD_HASH);\n  ArduinoOTA.begin();\n}\n',
    },
    { lang: 'cpp', code: 'void loop() {\n  ArduinoOTA.handle();\n}\n', name: 'no begin in this file' },
    { lang: 'c', filePath: 'src/ota.h', code: 'void ota_begin(void);\n#define OTA_PORT 3232\n// ArduinoOTA.begin() is called from main.cpp\n' },
    { lang: 'cpp', code: 'void setup() {\n  WiFi.begin(ssid, pass);\n  server.begin();\n}\n', name: 'other begin() calls' },
  ],
  invalid: [
    {
      lang: 'cpp', filePath: 'BasicOTA/BasicOTA.ino', name: 'T-21: commented-out setPassword does not count',
      code: 'void setup() {\n  // ArduinoOTA.setPassword("admin");\n  ArduinoOTA.onStart([]() { Serial.println("Start"); });\n  ArduinoOTA.begin();\n}\n',
      errors: [{
        messageId: 'noPassword', line: 4, column: 3, severity: 'error',
        suggestions: [{
          title: 'OTA password hash',
          output: `void setup() {\n  // ArduinoOTA.setPassword("admin");\n  ArduinoOTA.onStart([]() { Serial.println("Start"); });\n${INSERT}  ArduinoOTA.begin();\n}\n`,
        }],
      }],
    },
    {
      lang: 'cpp', name: 'unbraced if body: no insertion offered',
      code: 'void setup() {\n  if (WiFi.status() == WL_CONNECTED)\n    ArduinoOTA.begin();\n}\n',
      errors: [{ messageId: 'noPassword', line: 3 }],
    },
    {
      lang: 'cpp', name: 'empty password',
      code: 'void setup() {\n  ArduinoOTA.setPassword("");\n  ArduinoOTA.begin();\n}\n',
      errors: [{ messageId: 'emptyPassword', data: { setter: 'setPassword' }, line: 2 }],
    },
    {
      lang: 'c', filePath: 'src/ota.h', name: 'header read as C',
      code: 'static inline void ota_start(void) {\n\tArduinoOTA.begin();\n}\n',
      errors: [{ messageId: 'noPassword', line: 2, suggestions: [{ output: 'static inline void ota_start(void) {\n\t// define OTA_PASSWORD_HASH (MD5 of the password) in secrets.h\n\tArduinoOTA.setPasswordHash(OTA_PASSWORD_HASH);\n\tArduinoOTA.begin();\n}\n' }] }],
    },
    {
      lang: 'cpp', filePath: 'examples/BasicOTA/BasicOTA.ino', name: 'vendor example: lowered by the engine',
      code: 'void setup() {\n  ArduinoOTA.begin();\n}\n',
      errors: [{ messageId: 'noPassword', severity: 'info', suggestions: [{ output: `void setup() {\n${INSERT}  ArduinoOTA.begin();\n}\n` }] }],
    },
  ],
});
