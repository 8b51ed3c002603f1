import { esphomeOtaUnprotected } from '../../src/rules/esphome-ota-unprotected';
import { ruleTester } from '../harness/rule-tester';

const HEAD = 'esphome:\n  name: garage-door\n\nesp8266:\n  board: d1_mini\n\n';
const SECRETS = { 'secrets.yaml': '# ota_password: "<set a long random password here>"  # iotsec: uncomment and set; the build fails until ota_password is defined\n' };

ruleTester.run(esphomeOtaUnprotected, {
  valid: [
    // A bare web_server without auth (web OTA on by default on Arduino builds) is reported once, by unauthenticated-service.
    { lang: 'yaml', name: 'default web_server OTA on an Arduino build', code: `${HEAD}web_server:\n  port: 80\n` },
    { lang: 'yaml', code: `${HEAD}ota:\n  - platform: esphome\n    password: !secret ota_password\n`, name: 'password from secrets.yaml' },
    { lang: 'yaml', code: `${HEAD}api:\n  encryption:\n    key: !secret api_key\nota:\n  - platform: esphome\n    encryption: {}\n`, name: 'newer encryption block' },
    { lang: 'yaml', code: `${HEAD}ota:\n  password: "f3a9c2d17be84e0b"\n`, name: 'legacy map form with a password (literal: the secret rule reports it)' },
    { lang: 'yaml', code: `${HEAD}web_server:\n  port: 80\n  auth:\n    username: admin\n    password: !secret web_password\n`, name: 'web server with auth' },
    { lang: 'yaml', code: `${HEAD}web_server:\n  port: 80\n  ota: false\n`, name: 'web server OTA off' },
    { lang: 'yaml', code: 'esphome:\n  name: plug\nesp32:\n  board: esp32dev\n  framework:\n    type: esp-idf\nweb_server:\n  port: 80\n', name: 'web_server OTA defaults to off on ESP-IDF builds' },
    { lang: 'yaml', code: 'ota:\n  - platform: esphome\nweb_server:\n  port: 80\n', filePath: 'packages/common.yaml', name: 'not a device file (no esphome: key)' },
    { lang: 'yaml', code: 'homeassistant:\n  name: Home\nota:\n  platform: esphome\n', filePath: 'configuration.yaml', name: 'Home Assistant config' },
    {
      lang: 'yaml', name: 'http_request OTA with a pinned md5',
      code: `${HEAD}ota:\n  - platform: http_request\n    id: ota_http\nbutton:\n  - platform: template\n    name: Update\n    on_press:\n      then:\n        - ota.http_request.flash:\n            md5: 0123456789abcdef0123456789abcdef\n            url: https://fw.acme-iot.com/garage.bin\n`,
    },
  ],
  invalid: [
    {
      lang: 'yaml', name: 'EH-01: list form without password',
      code: `${HEAD}ota:\n  - platform: esphome\n    port: 8266\n`,
      errors: [{
        messageId: 'otaNoPassword', data: { form: 'platform: esphome' }, line: 8, column: 5, severity: 'error',
        suggestions: [{ title: 'password: !secret ota_password', output: `${HEAD}ota:\n  - platform: esphome\n    password: !secret ota_password\n    port: 8266\n`, files: SECRETS }],
      }],
    },
    {
      lang: 'yaml', name: 'EH-01: legacy bare ota:',
      code: `${HEAD}ota:\n\nlogger:\n`,
      errors: [{ messageId: 'otaNoPassword', data: { form: 'ota:' }, line: 7, column: 1, suggestions: [{ output: `${HEAD}ota:\n  password: !secret ota_password\n\nlogger:\n`, files: SECRETS }] }],
    },
    {
      lang: 'yaml', name: 'EH-01: legacy map with an empty password',
      code: `${HEAD}ota:\n    safe_mode: true\n    password: ""\n`,
      errors: [{ messageId: 'otaNoPassword', data: { form: 'ota:' }, line: 7, suggestions: [{ output: `${HEAD}ota:\n    safe_mode: true\n    password: !secret ota_password\n`, files: SECRETS }] }],
    },
    {
      lang: 'yaml', name: 'EH-01: list item with password: (null)',
      code: `${HEAD}ota:\n  - platform: esphome\n    password:\n`,
      errors: [{ messageId: 'otaNoPassword', line: 8, suggestions: [{ output: `${HEAD}ota:\n  - platform: esphome\n    password: !secret ota_password\n`, files: SECRETS }] }],
    },
    {
      lang: 'yaml', name: 'EH-08: web_server OTA platform without auth, esphome OTA protected',
      code: `${HEAD}ota:\n  - platform: esphome\n    password: !secret ota_password\n  - platform: web_server\nweb_server:\n  port: 80\n`,
      errors: [{ messageId: 'webServerNoAuth', data: { why: 'enabled by `ota: - platform: web_server`' }, line: 10, severity: 'error' }],
    },
    {
      lang: 'yaml', name: 'EH-08: explicit ota: true',
      code: `${HEAD}web_server:\n  port: 80\n  ota: true\n`,
      errors: [{ messageId: 'webServerNoAuth', line: 9, severity: 'error' }],
    },
    {
      lang: 'yaml', name: 'EH-05: md5_url only',
      code: `${HEAD}ota:\n  - platform: http_request\nbutton:\n  - platform: template\n    on_press:\n      then:\n        - ota.http_request.flash:\n            md5_url: https://fw.acme-iot.com/garage.md5\n            url: https://fw.acme-iot.com/garage.bin\n`,
      errors: [{ messageId: 'md5Only', line: 14, severity: 'info' }],
    },
  ],
});
