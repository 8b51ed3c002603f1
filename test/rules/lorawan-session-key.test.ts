import { lorawanSessionKey } from '../../src/rules/lorawan-session-key';
import { ruleTester } from '../harness/rule-tester';

const ARR = '{ 0x2B, 0x7E, 0x15, 0x16, 0x28, 0xAE, 0xD2, 0xA6, 0xAB, 0xF7, 0x15, 0x88, 0x09, 0xCF, 0x4F, 0x3C }';
const HEX = '2B7E151628AED2A6ABF7158809CF4F3C';

ruleTester.run(lorawanSessionKey, {
  valid: [
    { lang: 'cpp', code: 'static const u1_t PROGMEM APPKEY[16] = { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };\n' },
    { lang: 'cpp', code: 'static const u1_t PROGMEM DEVEUI[8] = { 0x70, 0xB3, 0xD5, 0x7E, 0xD0, 0x05, 0x12, 0x34 };\nstatic const u1_t PROGMEM APPEUI[8] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 };\n' },
    { lang: 'c', code: '#define LORAWAN_DEV_EUI { 0x70, 0xB3, 0xD5, 0x7E, 0xD0, 0x05, 0x12, 0x34 }\n#define LORAWAN_JOIN_EUI { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01 }\nstatic u4_t DEVADDR = 0x260B1234;\n' },
    { lang: 'c', code: 'void os_getDevKey(u1_t *buf) { memcpy_P(buf, APPKEY, 16); }\n' },
    { lang: 'python', code: 'app_key = ubinascii.unhexlify(os.getenv("APP_KEY"))\ndev_eui = ubinascii.unhexlify("70B3D57ED0051234")\n' },
    { lang: 'javascript', code: "const appKey = process.env.APP_KEY;\nconst devEui = '70B3D57ED0051234';\n" },
    { lang: 'typescript', code: "const appKey: string = 'YOUR_APP_KEY';\n" },
    { lang: 'yaml', code: 'lorawan:\n  dev_eui: 70B3D57ED0051234\n  app_key: !secret lorawan_app_key\n' },
    { lang: 'json', code: '{ "devEUI": "70b3d57ed0051234", "appKey": "00000000000000000000000000000000" }' },
  ],
  invalid: [
    {
      lang: 'cpp',
      filePath: 'src/ttn-otaa.ino',
      code: `static const u1_t PROGMEM APPKEY[16] = ${ARR};\nvoid os_getDevKey(u1_t *buf) { memcpy_P(buf, APPKEY, 16); }\n`,
      errors: [{ messageId: 'loraKey', line: 1, column: 40, data: { name: 'APPKEY', kind: 'root key (AppKey/NwkKey)' }, secret: '0x2B, 0x7E' }],
    },
    {
      lang: 'cpp',
      name: 'ABP session keys',
      code: `static const PROGMEM u1_t NWKSKEY[16] = ${ARR};\nstatic const u1_t PROGMEM APPSKEY[16] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10 };\n`,
      errors: [{ messageId: 'loraKey', line: 1, data: { name: 'NWKSKEY', kind: 'session key' } }, { messageId: 'loraKey', line: 2 }],
    },
    {
      lang: 'c',
      name: 'Zephyr define',
      code: `#define LORAWAN_APP_KEY ${ARR}\n`,
      errors: [{ messageId: 'loraKey', suggestions: [{ output: '#include "secrets.h"\n', files: { 'secrets.h': `#define LORAWAN_APP_KEY ${ARR}\n` } }] }],
    },
    {
      lang: 'cpp',
      name: 'MKRWAN secrets-style macro and test-file lowering',
      filePath: 'examples/otaa/otaa.ino',
      code: `#define SECRET_APP_KEY "${HEX}"\n`,
      errors: [{ messageId: 'loraKey', severity: 'info', suggestions: [{ output: '#include "secrets.h"\n' }] }],
    },
    { lang: 'python', code: `app_key = ubinascii.unhexlify('${HEX}')\n`, errors: [{ messageId: 'loraKey' }] },
    {
      lang: 'javascript',
      code: `const appKey = '${HEX}';\n`,
      errors: [{ messageId: 'loraKey', suggestions: [{ output: 'const appKey = process.env.APP_KEY;\n', files: { '.env': `APP_KEY=${HEX}\n` } }] }],
    },
    { lang: 'typescript', code: `const nwkSKey = Buffer.from('${HEX}', 'hex');\n`, errors: [{ messageId: 'loraKey', data: { name: 'nwkSKey', kind: 'session key' } }] },
    { lang: 'yaml', code: `lorawan:\n  dev_eui: 70B3D57ED0051234\n  app_key: ${HEX}\n`, errors: [{ messageId: 'loraKey', line: 3 }] },
    { lang: 'json', code: `{ "devEUI": "70b3d57ed0051234", "appKey": "2b 7e 15 16 28 ae d2 a6 ab f7 15 88 09 cf 4f 3c" }`, errors: [{ messageId: 'loraKey' }] },
  ],
});
