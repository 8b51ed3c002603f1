import { webOtaUnauthenticated } from '../../src/rules/web-ota-unauthenticated';
import { ruleTester } from '../harness/rule-tester';

const UPLOAD = 'static void handleUpload() {\n  HTTPUpload &upload = server.upload();\n  if (upload.status == UPLOAD_FILE_START) {\n    Update.begin(UPDATE_SIZE_UNKNOWN);\n  } else if (upload.status == UPLOAD_FILE_WRITE) {\n    Update.write(upload.buf, upload.currentSize);\n  }\n}\n';
const ROUTE = 'void setup() {\n  server.on("/update", HTTP_POST, []() { server.send(200); ESP.restart(); }, handleUpload);\n  server.begin();\n}\n';

ruleTester.run(webOtaUnauthenticated, {
  valid: [
    { lang: 'cpp', name: 'login required before the upload', code: `${UPLOAD}void setup() {\n  server.on("/update", HTTP_POST, []() {\n    if (!server.authenticate(OTA_USER, OTA_PASS)) return server.requestAuthentication();\n    server.send(200);\n  }, handleUpload);\n}\n` },
    { lang: 'cpp', name: 'signed images', code: `BearSSL::SigningVerifier sign(&pub);\n${UPLOAD}${ROUTE}void init() { Update.installSignature(&hash, &sign); }\n` },
    { lang: 'cpp', name: 'serial / BLE OTA without a web route', code: 'void onChunk(uint8_t *d, size_t n) {\n  if (first) Update.begin(total);\n  Update.write(d, n);\n}\n' },
    { lang: 'cpp', code: 'ESP8266HTTPUpdateServer httpUpdater;\nvoid setup() { httpUpdater.setup(&server, "/firmware", OTA_USER, OTA_PASS); }\n' },
    { lang: 'c', code: 'void setup(void) { ElegantOTA.begin(&server, OTA_USER, OTA_PASS); }\n' },
  ],
  invalid: [
    {
      lang: 'cpp', code: `${UPLOAD}${ROUTE}`,
      errors: [{ messageId: 'uploadRoute', line: 4, severity: 'error', data: { call: 'begin', route: '/update' } }],
    },
    {
      lang: 'cpp', code: 'ESP8266HTTPUpdateServer httpUpdater;\nvoid setup() {\n  httpUpdater.setup(&server);\n  server.begin();\n}\n',
      errors: [{ messageId: 'updateServer', line: 3, data: { callee: 'httpUpdater.setup' } }],
    },
    {
      lang: 'c', code: 'void setup(void) {\n  ElegantOTA.begin(&server);\n}\n',
      errors: [{ messageId: 'updateServer', line: 2, data: { callee: 'ElegantOTA.begin' } }],
    },
  ],
});
