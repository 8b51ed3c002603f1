import { esphomeApiPlaintext } from '../../src/rules/esphome-api-plaintext';
import { ruleTester } from '../harness/rule-tester';

const API_NULL = 'esphome:\n  name: kitchen\nesp32:\n  board: esp32dev\napi:\nlogger:\n';
const API_MAP = 'esphome:\n  name: kitchen\napi:\n  reboot_timeout: 0s\nota:\n  - platform: esphome\n    password: !secret ota_password\n';
const API_COMMENT = 'esphome:\n  name: kitchen\napi:  # Home Assistant\n';

ruleTester.run(esphomeApiPlaintext, {
  valid: [
    { lang: 'yaml', name: 'API with an encryption key', filePath: 'kitchen.yaml', code: 'esphome:\n  name: kitchen\napi:\n  encryption:\n    key: !secret api_encryption_key\n' },
    { lang: 'yaml', name: 'API with dynamic encryption (key set by Home Assistant)', filePath: 'kitchen.yaml', code: 'esphome:\n  name: kitchen\napi:\n  encryption:\n' },
    { lang: 'yaml', name: 'no api block', filePath: 'ble-proxy.yaml', code: 'esphome:\n  name: ble\nmqtt:\n  broker: 10.0.0.2\n' },
    { lang: 'yaml', name: 'api from a package include', filePath: 'kitchen.yaml', code: 'esphome:\n  name: kitchen\napi: !include common/api.yaml\n' },
    { lang: 'yaml', name: 'api: false', filePath: 'kitchen.yaml', code: 'esphome:\n  name: kitchen\napi: false\n' },
    { lang: 'yaml', name: 'api key in a non-ESPHome YAML', filePath: 'openapi.yaml', code: 'openapi: 3.0.0\napi:\n  version: 2\n' },
  ],
  invalid: [
    {
      lang: 'yaml', name: 'api: with no options', filePath: 'kitchen.yaml', code: API_NULL,
      errors: [{
        messageId: 'plain', line: 5, column: 1, severity: 'warning',
        suggestions: [{ title: 'Add encryption', output: API_NULL.replace('api:\n', 'api:\n  encryption:\n    key: !secret api_encryption_key\n'), files: { 'secrets.yaml': 'api_encryption_key: "<32-byte base64 key from: openssl rand -base64 32>"\n' } }],
      }],
    },
    {
      lang: 'yaml', name: 'api map without encryption', filePath: 'devices/kitchen.yaml', code: API_MAP,
      errors: [{ messageId: 'plain', line: 3, suggestions: [{ output: API_MAP.replace('api:\n', 'api:\n  encryption:\n    key: !secret api_encryption_key\n') }] }],
    },
    {
      lang: 'yaml', name: 'api: with a trailing comment keeps the comment on its line', filePath: 'kitchen.yaml', code: API_COMMENT,
      errors: [{ messageId: 'plain', line: 3, suggestions: [{ output: 'esphome:\n  name: kitchen\napi:  # Home Assistant\n  encryption:\n    key: !secret api_encryption_key\n' }] }],
    },
    {
      lang: 'yaml', name: 'legacy api password', filePath: 'kitchen.yaml',
      code: 'esphome:\n  name: kitchen\napi:\n  password: !secret api_password\n',
      errors: [{ messageId: 'legacyPassword', line: 3 }],
    },
    {
      lang: 'yaml', name: 'example config is lowered', filePath: 'examples/kitchen.yaml', code: 'esphome:\n  name: kitchen\napi:\n',
      errors: [{ messageId: 'plain', severity: 'info', suggestions: [{ output: 'esphome:\n  name: kitchen\napi:\n  encryption:\n    key: !secret api_encryption_key\n' }] }],
    },
  ],
});
