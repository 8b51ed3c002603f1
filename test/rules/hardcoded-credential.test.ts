import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLinter } from '../../src/core/linter';
import { allLanguages } from '../../src/languages/registry';
import { nodeModulesEnv } from '../harness/grammars';
import { hardcodedCredential } from '../../src/rules/hardcoded-credential';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(hardcodedCredential, {
  valid: [
    // Node-RED adminAuth stores a bcrypt hash, not the password (generate it with `node-red admin hash-pw`).
    { lang: 'javascript', filePath: 'settings.js', code: "module.exports = { adminAuth: { type: 'credentials', users: [{ username: 'admin', password: '$2b$08$wuAqPiKJlVN27eF5qJp.RuQYuy6ZYONW7a/UWYxDTtwKFCdB8F19y', permissions: '*' }] } };\n" },
    { lang: 'yaml', filePath: 'config/users.yaml', code: 'users:\n  - name: ops\n    password: "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$Vx9pU3w6oqk0kq3N2m3c6hBz7m1Y4QzJ0l8KfZr2tWc"\n' },
    // C / C++: declarations without init, env lookups, placeholders, non-credential names, comparisons, format strings
    { lang: 'c', code: 'char password[64];\nconst char *ssid = "HomeNet";\n' },
    { lang: 'c', code: 'if (strcmp(password, "") == 0) { printf("password: %s\\n", password); }\n' },
    { lang: 'c', code: '#define WIFI_PASSWORD "YOUR_PASSWORD"\n#define MQTT_PASS "changeme"\n#define API_TOKEN "xxxx"\n' },
    { lang: 'c', code: '#define WIFI_PASS "<wifi password>"\n#define OTA_PASSWORD ""\n' },
    { lang: 'c', code: 'const char *password = getenv("WIFI_PASSWORD");\n' },
    { lang: 'c', code: '#define PASSWORD_MIN_LEN 8\n#define WIFI_PASSWORD_PROMPT "Enter Wi-Fi password: "\n' },
    { lang: 'c', code: 'const char *password_fmt = "pass=%s";\n#define TOKEN_URL "https://auth.example.com/token"\n' },
    { lang: 'c', code: '#define SERVICE_UUID "6e400001-b5a3-f393-e0a9-e50e24dcca9e"\n#define FW_SHA256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"\n' },
    { lang: 'cpp', code: 'String key = "temperature";\nconst char* ssid = "myssid";\nconst char* password = "mypassword";\n' },
    { lang: 'cpp', code: 'static const char *KEY_NAME = "wifi_pass";\nconst char *NVS_PASSWORD_KEY = "wifi_pass";\n' },
    { lang: 'c', name: 'NVS key names mirroring the macro name', code: '#define FACTORY_NVS_NAMESPACE "factory"\n#define FACTORY_KEY_POP       "prov_pop"\n#define FACTORY_KEY_MQTT_PASS "mqtt_pass"\n#define MQTT_PASS_NVS "mqtt_pass"\n' },
    { lang: 'python', code: 'PREF_WIFI_PASSWORD = "wifi_password_v2"\n' },
    { lang: 'cpp', code: 'const char *logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";\n' },
    { lang: 'cpp', code: 'const char* password = "password";\nconst char* WIFI_PASSWORD = "WIFI_PASSWORD";\n' },
    // Python
    { lang: 'python', code: 'import os\nWIFI_PASSWORD = os.environ["WIFI_PASSWORD"]\nMQTT_TOKEN = os.getenv("MQTT_TOKEN")\n' },
    { lang: 'python', code: 'password = input("Password: ")\nPASSWORD_FILE = "/etc/device/password.txt"\n' },
    { lang: 'python', code: 'cfg = {"password": "", "api_key": "<your api key>", "token_type": "Bearer"}\n' },
    { lang: 'python', code: 'key = "humidity"\nsecret_name = "device-secret"\n' },
    // JavaScript / TypeScript
    { lang: 'javascript', code: "const client = mqtt.connect(url, { username: 'u', password: process.env.MQTT_PASSWORD });\n" },
    { lang: 'javascript', code: "const opts = { passwordField: '#password', tokenEndpoint: 'https://x.example.com/token' };\n" },
    { lang: 'typescript', code: "const cfg: Cfg = { apiKey: process.env.API_KEY ?? '', password: '' };\n" },
    { lang: 'typescript', code: "export const PASSWORD_LABEL = 'Password';\nconst key: string = 'sensor/temperature';\n" },
    // Manifests
    { lang: 'yaml', code: 'mqtt:\n  user: zigbee\n  password: !secret mqtt_password\n' },
    { lang: 'yaml', code: "mqtt:\n  password: '!secret password'\nserial:\n  port: /dev/ttyACM0\n", filePath: 'zigbee2mqtt/configuration.yaml' },
    { lang: 'yaml', code: 'esphome:\n  name: dev\nwifi:\n  password: hunter2xyz\n', name: 'ESPHome wifi.password belongs to esphome-literal-secret' },
    { lang: 'yaml', code: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n' },
    { lang: 'json', code: '{ "TenantToken": "Paste your Mender Professional token here", "ServerURL": "https://hosted.mender.io" }' },
    { lang: 'json', code: '{ "password_enabled": true, "token_ttl": 3600, "key": "deviceName" }' },
    { lang: 'ini', code: '[client]\nauth_token =\nssl_key = /etc/rauc/key.pem\n' },
    { lang: 'libconfig', code: 'suricatta :\n{\n\ttargettoken = "@HAWKBIT_TOKEN@";\n\tgatewaytoken = "";\n\tid = "edge-gw-0042";\n};\n' },
    { lang: 'kconfig', code: 'CONFIG_ESP_WIFI_PASSWORD="mypassword"\nCONFIG_SECURE_BOOT_SIGNING_KEY="secure_boot_signing_key.pem"\n# CONFIG_EXAMPLE_WIFI_SSID_PWD_FROM_STDIN is not set\n' },
    { lang: 'kconfig', code: 'CONFIG_WIFI_CREDENTIALS_STATIC_PASSWORD=""\nCONFIG_HAWKBIT_DDI_NO_SECURITY=y\n', filePath: 'prj.conf' },
    {
      lang: 'kconfig', filePath: 'main/Kconfig.projbuild', name: 'Kconfig source: example placeholders, non-secret symbols, help text',
      code: 'menu "Example"\n    config EXAMPLE_WIFI_PASSWORD\n        string "WiFi Password"\n        default "mypassword"\n        help\n            WiFi password (WPA or WPA2) for the example to use.\n    config EXAMPLE_OTA_URL\n        string "Firmware URL"\n        default "https://ota.acme-iot.com/fw.bin"\n    config EXAMPLE_TOKEN_BUFFER_SIZE\n        int "Token buffer"\n        default 512\n    config EXAMPLE_API_KEY\n        string "API key"\n        default ""\nendmenu\n',
    },
    { lang: 'dotenv', code: 'API_KEY=\nDB_PASSWORD=changeme\nDEBUG=true\n', filePath: '.env' },
    { lang: 'dotenv', code: 'API_KEY=abc123XYZsecret\n', filePath: '.env.example', name: 'example env files hold placeholders' },
    { lang: 'json', name: 'weak names with short or plain-word values', filePath: 'config/board.json', code: '{\n  "pin_adc": "i2c",\n  "key": "humidity_threshold",\n  "auth": "none"\n}\n' },
    { lang: 'javascript', name: 'tagPin is not a PIN with a default', code: "export const frame = (level) => (level > 847 ? { offset: 5, tagPin: 'flash' } : level);\n" },
    { lang: 'c', code: '#define WIFI_PASSWORD "Zq8#kd93mL"\n', filePath: 'src/secrets.h', name: 'secrets.h is the target of the move (not known to be committed)' },
    { lang: 'c', code: '#define BLYNK_AUTH_TOKEN "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z"\n', name: 'cloud-token owns Blynk tokens' },
  ],
  invalid: [
    {
      lang: 'libconfig', filePath: 'swupdate/swupdate.cfg', name: 'SWUpdate suricatta target token',
      code: 'suricatta :\n{\n\turl = "https://hawkbit.acme.com";\n\ttargettoken = "8ec9d5987993fddee01ecdbb124374dc";\n};\n',
      errors: [{ messageId: 'hardcoded', line: 4, severity: 'error', secret: '8ec9d5987993fddee01ecdbb124374dc', data: { name: 'suricatta.targettoken' } }],
    },
    {
      lang: 'cpp',
      filePath: 'src/main.ino',
      code: '#include <WiFi.h>\nconst char* ssid = "HomeNet";\nconst char* password = "Zq8#kd93mL";\nvoid setup() { WiFi.begin(ssid, password); }\n',
      errors: [{
        messageId: 'hardcoded', line: 3, column: 24, severity: 'error', secret: 'Zq8#kd93mL',
        suggestions: [{
          title: 'secrets.h',
          output: '#include <WiFi.h>\n#include "secrets.h"\nconst char* ssid = "HomeNet";\nconst char* password = PASSWORD;\nvoid setup() { WiFi.begin(ssid, password); }\n',
          files: { 'secrets.h': '#define PASSWORD "Zq8#kd93mL"\n', '.gitignore': 'secrets.h\n' },
        }],
      }],
    },
    {
      lang: 'c',
      code: '#include "config.h"\n#define WIFI_PASS "s3cr3tPass!" // home\n',
      errors: [{
        messageId: 'hardcoded', line: 2, column: 19,
        suggestions: [{ output: '#include "config.h"\n#include "secrets.h" // home\n', files: { 'secrets.h': '#define WIFI_PASS "s3cr3tPass!"\n' } }],
      }],
    },
    {
      lang: 'c',
      name: 'esp-mqtt nested designated initializer',
      code: 'esp_mqtt_client_config_t cfg = {\n  .credentials = { .username = "dev1", .authentication = { .password = "mq77-Tt!x" } },\n};\n',
      errors: [{
        messageId: 'hardcoded', line: 2, column: 72, data: { name: 'credentials.authentication.password' },
        suggestions: [{ output: '#include "secrets.h"\nesp_mqtt_client_config_t cfg = {\n  .credentials = { .username = "dev1", .authentication = { .password = PASSWORD } },\n};\n', files: { 'secrets.h': '#define PASSWORD "mq77-Tt!x"\n' } }],
      }],
    },
    {
      lang: 'c',
      name: 'Tasmota defaults and station password',
      code: '#define MQTT_USER "DVES_USER"\n#define MQTT_PASS "DVES_PASS"\n#define STA_PASS1 "wlan-Secret9"\n',
      errors: [
        { messageId: 'defaultCredential', line: 2, suggestions: [{ output: '#define MQTT_USER "DVES_USER"\n#include "secrets.h"\n#define STA_PASS1 "wlan-Secret9"\n' }] },
        { messageId: 'hardcoded', line: 3, suggestions: [{ output: '#define MQTT_USER "DVES_USER"\n#define MQTT_PASS "DVES_PASS"\n#include "secrets.h"\n' }] },
      ],
    },
    {
      lang: 'c',
      name: 'AWS FreeRTOS clientcredential header',
      code: '#define clientcredentialWIFI_SSID "Lab"\n#define clientcredentialWIFI_PASSWORD "lab-2024-pw"\n',
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [{ output: '#define clientcredentialWIFI_SSID "Lab"\n#include "secrets.h"\n' }] }],
    },
    {
      lang: 'c',
      name: 'IDF provisioning proof of possession',
      code: 'const char *pop = "abcd1234";\n',
      errors: [{ messageId: 'defaultCredential', suggestions: [{ output: '#include "secrets.h"\nconst char *pop = POP;\n' }] }],
    },
    {
      lang: 'c',
      name: 'provisioning PoP names are credentials by name; lower_snake passwords not mirrored by the name still count',
      code: '#define PROV_POP "greenleaf"\n#define WIFI_PASS "wifi_home_2024"\n',
      errors: [
        { messageId: 'hardcoded', line: 1, suggestions: [{ output: '#include "secrets.h"\n#define WIFI_PASS "wifi_home_2024"\n' }] },
        { messageId: 'hardcoded', line: 2, suggestions: [{ output: '#define PROV_POP "greenleaf"\n#include "secrets.h"\n' }] },
      ],
    },
    {
      lang: 'cpp',
      name: 'weak name with random value, and test-file lowering',
      filePath: 'test/test_config.cpp',
      code: 'const char *key = "9fQ2xL7vR4tB8wZ1";\n',
      errors: [{ messageId: 'hardcoded', severity: 'info', suggestions: [{ output: '#include "secrets.h"\nconst char *key = KEY;\n' }] }],
    },
    {
      lang: 'python',
      code: 'import paho.mqtt.client as mqtt\nMQTT_PASSWORD = "t0p-Secret!"\n',
      errors: [{
        messageId: 'hardcoded', line: 2, column: 17,
        suggestions: [{
          title: 'MQTT_PASSWORD',
          output: 'import os\nimport paho.mqtt.client as mqtt\nMQTT_PASSWORD = os.environ["MQTT_PASSWORD"]\n',
          files: { '.env': 'MQTT_PASSWORD="t0p-Secret!"\n', '.gitignore': '.env\n' },
        }],
      }],
    },
    {
      lang: 'python',
      name: 'dict key and class attribute',
      code: 'import os\nclass Cloud:\n    api_key = "k9Fh2LqPzX"\nCFG = {"password": "s3cure pass phrase"}\n',
      errors: [
        { messageId: 'hardcoded', line: 3, suggestions: [{ output: 'import os\nclass Cloud:\n    api_key = os.environ["API_KEY"]\nCFG = {"password": "s3cure pass phrase"}\n' }] },
        { messageId: 'hardcoded', line: 4, suggestions: [{ output: 'import os\nclass Cloud:\n    api_key = "k9Fh2LqPzX"\nCFG = {"password": os.environ["PASSWORD"]}\n', files: { '.env': 'PASSWORD="s3cure pass phrase"\n' } }] },
      ],
    },
    {
      lang: 'javascript',
      name: 'MQTT.js options object',
      code: "const client = mqtt.connect('mqtts://broker.example.com', { username: 'dev', password: 'pa55word!' });\n",
      errors: [{ messageId: 'hardcoded', column: 88, suggestions: [{ output: "const client = mqtt.connect('mqtts://broker.example.com', { username: 'dev', password: process.env.PASSWORD });\n" }] }],
    },
    {
      lang: 'typescript',
      code: "class Api {\n  private apiKey = 'k3y-abc-123456';\n}\n",
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [{ output: "class Api {\n  private apiKey = process.env.API_KEY;\n}\n", files: { '.env': 'API_KEY=k3y-abc-123456\n' } }] }],
    },
    {
      lang: 'yaml',
      name: 'Home Assistant configuration',
      filePath: 'configuration.yaml',
      code: 'homeassistant:\n  name: Home\nnotify:\n  - platform: telegram\n    api_key: 123abcXYZ789\n',
      errors: [{ messageId: 'hardcoded', line: 5, suggestions: [{ output: 'homeassistant:\n  name: Home\nnotify:\n  - platform: telegram\n    api_key: !secret notify_api_key\n', files: { 'secrets.yaml': 'notify_api_key: "123abcXYZ789"\n', '.gitignore': 'secrets.yaml\n' } }] }],
    },
    {
      lang: 'yaml',
      name: 'Zigbee2MQTT mqtt.password',
      code: "mqtt:\n  server: mqtts://broker.lan\n  user: z2m\n  password: 'Zb-2024-pw'\nserial:\n  port: /dev/ttyACM0\n",
      errors: [{ messageId: 'hardcoded', line: 4, suggestions: [{ output: "mqtt:\n  server: mqtts://broker.lan\n  user: z2m\n  password: '!secret mqtt_password'\nserial:\n  port: /dev/ttyACM0\n", files: { 'secret.yaml': 'mqtt_password: "Zb-2024-pw"\n' } }] }],
    },
    {
      lang: 'yaml',
      name: 'generic YAML: reported without a move suggestion',
      code: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-db\n',
      errors: [{ messageId: 'hardcoded', line: 4 }],
    },
    {
      lang: 'json',
      name: 'Mender TenantToken',
      filePath: 'mender.conf',
      code: '{\n  "ServerURL": "https://hosted.mender.io",\n  "TenantToken": "eyJhbGciOiJSUzI1NiJ9Tenant0123456789"\n}\n',
      errors: [{ messageId: 'hardcoded', line: 3 }],
    },
    {
      lang: 'ini',
      name: 'rauc-hawkbit-updater sample token',
      filePath: 'config.conf',
      code: '[client]\nhawkbit_server = hawkbit.example.com\nauth_token = cb115a721af28f781b493fa467819ef5\n',
      errors: [{ messageId: 'sampleSecret', line: 3, severity: 'warning' }],
    },
    {
      lang: 'ini',
      name: 'platformio custom option',
      code: '[env:esp32]\ncustom_mqtt_password = pio-Secret-7\n',
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [{ output: '[env:esp32]\ncustom_mqtt_password = ${sysenv.CUSTOM_MQTT_PASSWORD}\n' }] }],
    },
    {
      lang: 'kconfig', filePath: 'main/Kconfig.projbuild', name: 'Kconfig source default of a credential-named symbol (no move suggestion)',
      code: 'menu "Doorcam configuration"\n    config DOORBELL_STREAM_TOKEN\n        string "Relay token for the signalling service"\n        default "rtk_live_8f3b2c9d41e07a65f2c8b91d"\nendmenu\n',
      errors: [{ messageId: 'hardcoded', line: 4, column: 17, data: { name: 'DOORBELL_STREAM_TOKEN.default' }, secret: 'rtk_live_8f3b2c9d41e07a65f2c8b91d', suggestions: [] }],
    },
    {
      lang: 'kconfig',
      name: 'ESP-IDF sdkconfig.defaults',
      filePath: 'sdkconfig.defaults',
      code: 'CONFIG_ESP_WIFI_SSID="HomeNet"\nCONFIG_ESP_WIFI_PASSWORD="Zq8#kd93mL"\n',
      errors: [{
        messageId: 'hardcoded', line: 2, column: 26,
        suggestions: [{ output: 'CONFIG_ESP_WIFI_SSID="HomeNet"\nCONFIG_ESP_WIFI_PASSWORD=""\n', files: { 'sdkconfig.defaults.local': 'CONFIG_ESP_WIFI_PASSWORD="Zq8#kd93mL"\n', '.gitignore': 'sdkconfig.defaults.local\n' } }],
      }],
    },
    {
      lang: 'kconfig',
      name: 'Zephyr wifi credentials and hawkBit token',
      filePath: 'prj.conf',
      code: 'CONFIG_WIFI_CREDENTIALS_STATIC_PASSWORD="zephyr-Wifi1"\nCONFIG_HAWKBIT_DDI_SECURITY_TOKEN="a1b2c3d4e5f6a7b8"\n',
      errors: [
        { messageId: 'hardcoded', line: 1, suggestions: [{ output: 'CONFIG_WIFI_CREDENTIALS_STATIC_PASSWORD=""\nCONFIG_HAWKBIT_DDI_SECURITY_TOKEN="a1b2c3d4e5f6a7b8"\n', files: { 'prj.local.conf': 'CONFIG_WIFI_CREDENTIALS_STATIC_PASSWORD="zephyr-Wifi1"\n' } }] },
        { messageId: 'hardcoded', line: 2, suggestions: [{ output: 'CONFIG_WIFI_CREDENTIALS_STATIC_PASSWORD="zephyr-Wifi1"\nCONFIG_HAWKBIT_DDI_SECURITY_TOKEN=""\n' }] },
      ],
    },
    // Binding forms the keywords must reach (each was once skipped by the prefilter):
    {
      lang: 'cpp', name: 'PROGMEM between the name and the value', filePath: 'src/main.cpp',
      code: '#include <Arduino.h>\nconst char WIFI_PASSWORD[] PROGMEM = "Gl4ssh0use!";\n',
      errors: [{ messageId: 'hardcoded', line: 2, column: 38, suggestions: [{ output: '#include <Arduino.h>\n#include "secrets.h"\nconst char WIFI_PASSWORD[] PROGMEM = SECRET_WIFI_PASSWORD;\n' }] }],
    },
    {
      lang: 'cpp', name: 'constructor argument under a qualified key name', filePath: 'src/main.cpp',
      code: 'String apiKey("a8F3kd93jf9");\n',
      errors: [{ messageId: 'hardcoded', line: 1, column: 15, suggestions: [{ output: '#include "secrets.h"\nString apiKey(API_KEY);\n' }] }],
    },
    {
      lang: 'python', name: 'proof_of_possession', filePath: 'prov.py',
      code: 'proof_of_possession = "x8Kd93Ja"\n',
      errors: [{ messageId: 'hardcoded', line: 1, suggestions: [{ output: 'import os\nproof_of_possession = os.environ["PROOF_OF_POSSESSION"]\n' }] }],
    },
    { lang: 'yaml', name: 'unquoted default PIN', filePath: 'config/door.yaml', code: 'door:\n  pin: admin\n', errors: [{ messageId: 'defaultCredential', line: 2 }] },
    { lang: 'ini', name: 'unquoted random value ending in a semicolon', filePath: 'config.ini', code: '[wifi]\nauth_key = Xy7k2j9Lm0;\n', errors: [{ messageId: 'hardcoded', line: 2 }] },
    { lang: 'dotenv', name: 'unquoted random PIN ending in a comma', filePath: '.env', code: 'DEVICE_PIN=Ab3x9!kL2,\n', errors: [{ messageId: 'hardcoded', line: 1 }] },
    {
      lang: 'kconfig', name: 'Kconfig source default of a PoP symbol', filePath: 'main/Kconfig.projbuild',
      code: 'menu "Provisioning"\nconfig APP_PROV_POP\n    string "Proof of possession"\n    default "Zx9k2LmQ"\nendmenu\n',
      errors: [{ messageId: 'hardcoded', line: 4 }],
    },
    {
      lang: 'dotenv',
      filePath: '.env',
      code: 'MQTT_HOST=broker.lan\nMQTT_PASSWORD=envPass-42\n',
      errors: [{ messageId: 'hardcoded', line: 2 }],
    },
  ],
});

// Workspace facts the table runner cannot pass: a secrets store known to be committed is a leak.
test('hardcoded-credential reports a committed secrets.h and skips a git-ignored .env', async () => {
  const linter = createLinter({ rules: [hardcodedCredential], languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
  const committed = await linter.lintText({ text: '#define WIFI_PASSWORD "Zq8#kd93mL"\n', filePath: 'src/secrets.h', workspace: { isGitIgnored: () => false } });
  assert.deepEqual(committed.findings.map((f) => f.messageId), ['hardcoded']);
  const ignored = await linter.lintText({ text: 'MQTT_PASSWORD=envPass-42\n', filePath: '.env', workspace: { isGitIgnored: () => true } });
  assert.equal(ignored.findings.length, 0);
});
