import { otaSkipValidate } from '../../src/rules/ota-skip-validate';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(otaSkipValidate, {
  valid: [
    { lang: 'c', code: 'void done(const esp_partition_t *p) {\n    ESP_ERROR_CHECK(esp_ota_set_boot_partition(p));\n}\n' },
    { lang: 'cpp', code: 'void done(const esp_partition_t *p) {\n  esp_err_t err = esp_ota_set_boot_partition(p);\n}\n' },
    { lang: 'c', code: '// esp_ota_set_boot_partition_skip_validate() is not used: it skips image checks\nint x;\n', name: 'comment only' },
    { lang: 'c', code: 'esp_err_t esp_ota_set_boot_partition_skip_validate(const esp_partition_t *partition);\n', name: 'the declaration in esp_ota_ops.h' },
  ],
  invalid: [
    {
      lang: 'c',
      code: 'void switch_slot(const esp_partition_t *p) {\n    esp_err_t err = esp_ota_set_boot_partition_skip_validate(p);\n}\n',
      errors: [{
        messageId: 'skipValidate', line: 2, column: 21, severity: 'warning',
        suggestions: [{ title: 'esp_ota_set_boot_partition()', output: 'void switch_slot(const esp_partition_t *p) {\n    esp_err_t err = esp_ota_set_boot_partition(p);\n}\n' }],
      }],
    },
    {
      lang: 'cpp', filePath: 'src/ota.cpp',
      code: 'void finish() {\n  ESP_ERROR_CHECK(esp_ota_set_boot_partition_skip_validate(update_partition));\n}\n',
      errors: [{ messageId: 'skipValidate', line: 2, column: 19, suggestions: [{ output: 'void finish() {\n  ESP_ERROR_CHECK(esp_ota_set_boot_partition(update_partition));\n}\n' }] }],
    },
    {
      lang: 'c', filePath: 'test/test_ota.c', name: 'test file: lowered by the engine',
      code: 'TEST_CASE("boot", "[ota]") { esp_ota_set_boot_partition_skip_validate(p); }\n',
      errors: [{ messageId: 'skipValidate', severity: 'info', suggestions: [{ output: 'TEST_CASE("boot", "[ota]") { esp_ota_set_boot_partition(p); }\n' }] }],
    },
  ],
});
