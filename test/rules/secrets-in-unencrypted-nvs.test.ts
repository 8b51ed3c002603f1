import { secretsInUnencryptedNvs } from '../../src/rules/secrets-in-unencrypted-nvs';
import { projectTester } from '../harness/rule-tester';

const STORE_C = [
  '#include "nvs_flash.h"',
  '#include "nvs.h"',
  'esp_err_t save_wifi(const char *ssid, const char *pass) {',
  '    nvs_handle_t h;',
  '    ESP_ERROR_CHECK(nvs_open("wifi", NVS_READWRITE, &h));',
  '    nvs_set_str(h, "ssid", ssid);',
  '    nvs_set_str(h, "wifi_pass", pass);',
  '    return nvs_commit(h);',
  '}',
  '',
].join('\n');

const BLOB_C = [
  '#include "nvs.h"',
  'void store_token(nvs_handle_t h, const uint8_t *tok, size_t n) {',
  '    nvs_set_blob(h, "mqttToken", tok, n);',
  '}',
  '',
].join('\n');

const PREFS_INO = [
  '#include <Preferences.h>',
  'Preferences prefs;',
  'void save(const String &pw) {',
  '  prefs.begin("net", false);',
  '  prefs.putString("ssid", WiFi.SSID());',
  '  prefs.putString("password", pw);',
  '}',
  '',
].join('\n');

const NVS_CPP = [
  '#include "nvs_handle.hpp"',
  'void save(std::unique_ptr<nvs::NVSHandle> &handle, const char *key) {',
  '  handle->set_string("api_key", key);',
  '}',
  '',
].join('\n');

projectTester.run(secretsInUnencryptedNvs, [], {
  valid: [
    { name: 'NVS encryption enabled in sdkconfig.defaults', files: { 'main/wifi.c': STORE_C, 'sdkconfig.defaults': 'CONFIG_NVS_ENCRYPTION=y\nCONFIG_NVS_SEC_KEY_PROTECT_USING_HMAC=y\n' } },
    { name: 'flash encryption enabled (NVS encryption defaults on)', files: { 'main/wifi.c': STORE_C, sdkconfig: 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\nCONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE=y\n' } },
    { name: 'legacy flash encryption name', files: { 'main/wifi.c': BLOB_C, sdkconfig: 'CONFIG_FLASH_ENCRYPTION_ENABLED=y\n' } },
    { name: 'non-secret NVS keys', files: { 'main/app.c': '#include "nvs.h"\nvoid f(nvs_handle_t h){ nvs_set_str(h, "ssid", s); nvs_set_str(h, "hostname", n); nvs_set_blob(h, "calib", c, 8); nvs_set_str(h, "led_pin", p); }\n' } },
    { name: 'key name from a variable is not judged', files: { 'main/app.c': '#include "nvs.h"\nvoid f(nvs_handle_t h, const char *k){ nvs_set_str(h, k, v); }\n' } },
    { name: 'putString without Preferences.h is another API', files: { 'src/main.cpp': '#include "Store.h"\nvoid f(){ store.putString("password", pw); }\n' } },
    { name: 'flash encryption on, NVS encryption off, but NVS holds no secret', files: { 'main/app.c': '#include "nvs.h"\nvoid f(nvs_handle_t h){ nvs_get_str(h, "hostname", buf, &len); }\n', 'sdkconfig.defaults': 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\n# CONFIG_NVS_ENCRYPTION is not set\n' } },
    { name: 'flash encryption on, NVS encryption left at its default', files: { 'main/app.c': '#include "nvs.h"\nvoid f(nvs_handle_t h){ nvs_get_str(h, "mqtt_pass", buf, &len); }\n', 'sdkconfig.defaults': 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\n' } },
    { name: 'nvs_get_str only reads', files: { 'main/app.c': '#include "nvs.h"\nvoid f(nvs_handle_t h){ nvs_get_str(h, "wifi_pass", buf, &len); }\n', 'sdkconfig.defaults': '# CONFIG_NVS_ENCRYPTION is not set\n' } },
  ],
  invalid: [
    {
      name: 'nvs_set_str of a Wi-Fi password, no encryption anywhere',
      files: { 'main/wifi.c': STORE_C, 'sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_TWO_OTA=y\n', sdkconfig: '# CONFIG_NVS_ENCRYPTION is not set\n# CONFIG_SECURE_FLASH_ENC_ENABLED is not set\n' },
      errors: [{ filePath: 'main/wifi.c', messageId: 'nvs', line: 7, severity: 'warning' }],
    },
    {
      name: 'nvs_set_blob of a token, camelCase key, no sdkconfig at all',
      files: { 'components/net/token.c': BLOB_C },
      errors: [{ filePath: 'components/net/token.c', messageId: 'nvs', line: 3, severity: 'warning' }],
    },
    {
      name: 'C++ NVSHandle set_string of an API key',
      files: { 'main/store.cpp': NVS_CPP, sdkconfig: 'CONFIG_NVS_ENCRYPTION=n\n' },
      errors: [{ filePath: 'main/store.cpp', messageId: 'nvs', line: 3, severity: 'warning' }],
    },
    {
      name: 'flash encryption on but NVS encryption explicitly off while firmware reads the MQTT password from NVS',
      files: {
        'main/mqtt_link.c': '#include "nvs.h"\nstatic void load(void) {\n    nvs_handle_t h;\n    nvs_open("cloud", NVS_READONLY, &h);\n    nvs_get_str(h, "mqtt_pass", s_pass, &len);\n}\n',
        'sdkconfig.defaults': 'CONFIG_PARTITION_TABLE_TWO_OTA=y\n',
        'sdkconfig.defaults.esp32s3': 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\n# NVS holds the Wi-Fi password\n# CONFIG_NVS_ENCRYPTION is not set\n',
      },
      errors: [{
        filePath: 'sdkconfig.defaults.esp32s3', messageId: 'nvsOff', line: 3, severity: 'warning',
      }],
    },
    {
      name: 'flash encryption on, CONFIG_NVS_ENCRYPTION=n, secret written',
      files: { 'main/wifi.c': STORE_C, sdkconfig: 'CONFIG_SECURE_FLASH_ENC_ENABLED=y\nCONFIG_NVS_ENCRYPTION=n\n' },
      errors: [{ filePath: 'sdkconfig', messageId: 'nvsOff', line: 2 }],
    },
    {
      name: 'Arduino Preferences password (info)',
      files: { 'src/main.ino': PREFS_INO },
      errors: [{ filePath: 'src/main.ino', messageId: 'prefs', line: 6, severity: 'info' }],
    },
    {
      name: 'in a test file the finding is lowered',
      files: { 'test/test_nvs.c': BLOB_C },
      errors: [{ filePath: 'test/test_nvs.c', messageId: 'nvs', line: 3, severity: 'info' }],
    },
  ],
});
