import { unauthenticatedService } from '../../src/rules/unauthenticated-service';
import { ruleTester } from '../harness/rule-tester';

const ESPHOME_WEB = 'esphome:\n  name: garage\nesp32:\n  board: esp32dev\nweb_server:\n  port: 80\n';
const ESPHOME_WEB_NULL = 'esphome:\n  name: garage\nweb_server:\nlogger:\n';
const ESPHOME_AP = 'esphome:\n  name: porch\nwifi:\n  ssid: !secret wifi_ssid\n  password: !secret wifi_password\n  ap:\n    ssid: "Porch Fallback"\ncaptive_portal:\napi:\n  encryption:\n    key: !secret api_key\n';
const Z2M = "homeassistant: true\npermit_join: false\nmqtt:\n  base_topic: zigbee2mqtt\n  server: mqtt://localhost\nserial:\n  port: /dev/ttyACM0\nfrontend:\n  port: 8080\n";
const HA = 'homeassistant:\n  auth_providers:\n    - type: trusted_networks\n      trusted_networks:\n        - 192.168.1.0/24\n      allow_bypass_login: true\n    - type: homeassistant\n';

ruleTester.run(unauthenticatedService, {
  valid: [
    { lang: 'javascript', filePath: 'node-red/settings.js', code: 'module.exports = {\n  adminAuth: {\n    type: "credentials",\n    users: [{ username: "ops", password: HASH, permissions: "*" }],\n    default: { permissions: "read" },\n  },\n};\n', name: 'Node-RED: logged-in user "*", anonymous read-only' },
    { lang: 'javascript', filePath: 'settings.js', code: 'module.exports = {\n  adminAuth: { type: "credentials", users: [{ username: "admin", password: HASH, permissions: ["flows.read", "flows.write"] }] },\n};\n', name: 'Node-RED: no anonymous default' },
    { lang: 'javascript', code: 'const defaults = { default: { permissions: "*" } };\n', name: 'not under adminAuth' },
    { lang: 'ini', name: 'mosquitto with password file', filePath: 'mosquitto/config/mosquitto.conf', code: 'listener 1883\nallow_anonymous false\npassword_file /mosquitto/config/passwd\n' },
    { lang: 'ini', name: 'mosquitto: later allow_anonymous false wins globally', filePath: 'mosquitto.conf', code: 'allow_anonymous true\nlistener 8883\ncafile /certs/ca.crt\nallow_anonymous false\n' },
    { lang: 'ini', name: 'platformio.ini is not mosquitto', filePath: 'platformio.ini', code: '[env:esp32]\nplatform = espressif32\nboard = esp32dev\n' },
    { lang: 'yaml', name: 'ESPHome web server with auth', filePath: 'garage.yaml', code: 'esphome:\n  name: garage\nweb_server:\n  port: 80\n  auth:\n    username: !secret web_username\n    password: !secret web_password\n' },
    { lang: 'yaml', name: 'ESPHome API without encryption is esphome-api-plaintext, not this rule', filePath: 'kitchen.yaml', code: 'esphome:\n  name: kitchen\napi:\n' },
    { lang: 'yaml', name: 'web_server key outside ESPHome', filePath: 'docker-compose.yaml', code: 'services:\n  web_server:\n    image: nginx\n' },
    { lang: 'yaml', name: 'ESPHome AP with password', filePath: 'porch.yaml', code: 'esphome:\n  name: porch\nwifi:\n  ap:\n    ssid: Porch\n    password: !secret ap_password\n' },
    { lang: 'yaml', name: 'api: key in a non-ESPHome file', filePath: 'openapi.yaml', code: 'api:\n  version: 2\n' },
    { lang: 'yaml', name: 'Z2M frontend with auth token', filePath: 'data/configuration.yaml', code: "permit_join: false\nserial:\n  port: /dev/ttyUSB0\nfrontend:\n  enabled: true\n  auth_token: '!secret frontend_token'\n" },
    { lang: 'yaml', name: 'Z2M frontend on loopback', filePath: 'data/configuration.yaml', code: 'serial:\n  port: /dev/ttyUSB0\nfrontend:\n  enabled: true\n  host: 127.0.0.1\n' },
    { lang: 'yaml', name: 'Z2M frontend disabled', filePath: 'data/configuration.yaml', code: 'serial:\n  port: /dev/ttyUSB0\nfrontend:\n  enabled: false\n' },
    { lang: 'yaml', name: 'Home Assistant frontend integration is not Z2M', filePath: 'configuration.yaml', code: 'homeassistant:\n  name: Home\nfrontend:\n  themes: !include_dir_merge_named themes\nmqtt:\n  broker: core-mosquitto\n' },
    { lang: 'yaml', name: 'trusted_networks without bypass', filePath: 'configuration.yaml', code: 'homeassistant:\n  auth_providers:\n    - type: trusted_networks\n      trusted_networks:\n        - 192.168.1.0/24\n      allow_bypass_login: false\n' },
    { lang: 'c', name: 'Tasmota web password set from a build flag', filePath: 'tasmota/user_config_override.h', code: '#undef WEB_PASSWORD\n#define WEB_PASSWORD  USER_WEB_PASSWORD\n#undef WIFI_AP_PASSPHRASE\n#define WIFI_AP_PASSPHRASE "s3tup-Passphrase"\n' },
    { lang: 'cpp', name: 'unrelated empty define', filePath: 'src/config.h', code: '#define DEVICE_SUFFIX ""\n' },
  ],
  invalid: [
    {
      lang: 'ini', name: 'mosquitto anonymous on all interfaces', filePath: 'mosquitto/config/mosquitto.conf',
      code: 'persistence true\nlistener 1883 0.0.0.0\nallow_anonymous true\n',
      errors: [{ messageId: 'mosquittoAnonymous', line: 3, column: 1, severity: 'warning', data: { where: ' on listener 1883 0.0.0.0' }, suggestions: [{ title: 'allow_anonymous false', output: 'persistence true\nlistener 1883 0.0.0.0\nallow_anonymous false\n' }] }],
    },
    {
      lang: 'ini', name: 'mosquitto anonymous, loopback listener only: info', filePath: 'mosquitto.conf',
      code: 'listener 1883 127.0.0.1\nallow_anonymous true\n',
      errors: [{ messageId: 'mosquittoAnonymous', severity: 'info', suggestions: [{ output: 'listener 1883 127.0.0.1\nallow_anonymous false\n' }] }],
    },
    {
      lang: 'ini', name: 'per-listener settings: only the open listener', filePath: 'mosquitto.conf',
      code: 'per_listener_settings true\nlistener 8883\npassword_file /etc/mosquitto/passwd\nallow_anonymous false\nlistener 1883\nallow_anonymous true\n',
      errors: [{ messageId: 'mosquittoAnonymous', line: 6, data: { where: ' on listener 1883' }, suggestions: [{ output: 'per_listener_settings true\nlistener 8883\npassword_file /etc/mosquitto/passwd\nallow_anonymous false\nlistener 1883\nallow_anonymous false\n' }] }],
    },
    {
      lang: 'yaml', name: 'ESPHome web server without auth', filePath: 'garage-door.yaml', code: ESPHOME_WEB,
      errors: [{
        messageId: 'esphomeWebServer', line: 5, column: 1, severity: 'warning',
        suggestions: [{ title: 'Add auth', output: ESPHOME_WEB.replace('web_server:\n', 'web_server:\n  auth:\n    username: !secret web_username\n    password: !secret web_password\n'), files: { 'secrets.yaml': 'web_username: "<user name>"\nweb_password: "<long random password>"\n' } }],
      }],
    },
    {
      lang: 'yaml', name: 'ESPHome web_server: with no options', filePath: 'garage.yaml', code: ESPHOME_WEB_NULL,
      errors: [{ messageId: 'esphomeWebServer', line: 3, suggestions: [{ output: ESPHOME_WEB_NULL.replace('web_server:\n', 'web_server:\n  auth:\n    username: !secret web_username\n    password: !secret web_password\n') }] }],
    },
    {
      lang: 'yaml', name: 'ESPHome open fallback AP', filePath: 'porch.yaml', code: ESPHOME_AP,
      errors: [{ messageId: 'esphomeOpenAp', line: 6, column: 3, suggestions: [{ output: ESPHOME_AP.replace('  ap:\n', '  ap:\n    password: !secret fallback_ap_password\n'), files: { 'secrets.yaml': 'fallback_ap_password: "<at least 8 characters>"\n' } }] }],
    },
    {
      lang: 'yaml', name: 'ESPHome AP with empty password and flow map', filePath: 'porch.yaml',
      code: 'esphome:\n  name: porch\nwifi:\n  ap: {}\n',
      errors: [{ messageId: 'esphomeOpenAp', line: 4 }],
    },
    {
      lang: 'yaml', name: 'Zigbee2MQTT frontend without auth_token (v1 form)', filePath: 'data/configuration.yaml', code: Z2M,
      errors: [{ messageId: 'z2mFrontend', line: 8, severity: 'warning', suggestions: [{ output: Z2M.replace('frontend:\n', "frontend:\n  auth_token: '!secret frontend_token'\n"), files: { 'secret.yaml': 'frontend_token: "<long random token>"\n' } }] }],
    },
    {
      lang: 'yaml', name: 'Zigbee2MQTT frontend: true', filePath: 'zigbee2mqtt/configuration.yaml',
      code: 'mqtt:\n  base_topic: zigbee2mqtt\n  server: mqtts://broker.example.com\nfrontend: true\n',
      errors: [{ messageId: 'z2mFrontend', line: 4 }],
    },
    {
      lang: 'yaml', name: 'Home Assistant bypass login', filePath: 'configuration.yaml', code: HA,
      errors: [{ messageId: 'haBypassLogin', line: 6, severity: 'warning', data: { networks: '192.168.1.0/24' }, suggestions: [{ output: HA.replace('allow_bypass_login: true', 'allow_bypass_login: false') }] }],
    },
    {
      lang: 'yaml', name: 'Home Assistant bypass login for everyone (error)', filePath: 'configuration.yaml',
      code: 'homeassistant:\n  auth_providers:\n    - type: trusted_networks\n      trusted_networks:\n        - 0.0.0.0/0\n      allow_bypass_login: true\n',
      errors: [{ messageId: 'haBypassLogin', severity: 'error', suggestions: [{ output: 'homeassistant:\n  auth_providers:\n    - type: trusted_networks\n      trusted_networks:\n        - 0.0.0.0/0\n      allow_bypass_login: false\n' }] }],
    },
    {
      lang: 'c', name: 'Tasmota empty web password and open AP', filePath: 'tasmota/user_config_override.h',
      code: '#undef WEB_PASSWORD\n#define WEB_PASSWORD ""\n#undef WIFI_AP_PASSPHRASE\n#define WIFI_AP_PASSPHRASE ""\n',
      errors: [{ messageId: 'tasmotaWeb', line: 2 }, { messageId: 'tasmotaAp', line: 4 }],
    },
    {
      lang: 'cpp', name: 'Tasmota web password in a C++ header', filePath: 'src/user_config_override.hpp',
      code: '#define WEB_PASSWORD  ""  // empty = no login\n',
      errors: [{ messageId: 'tasmotaWeb', line: 1 }],
    },
    {
      lang: 'javascript', filePath: 'settings.js', name: 'Node-RED: anonymous editor users get "*"',
      code: 'module.exports = {\n  uiPort: process.env.PORT || 1880,\n  adminAuth: {\n    type: "credentials",\n    users: [{ username: "ops", password: HASH, permissions: "*" }],\n    default: { permissions: "*" },\n  },\n};\n',
      errors: [{
        messageId: 'nodeRedAnonymous', line: 6, column: 16, severity: 'warning', data: { permissions: 'full ("*")' },
        suggestions: [{ output: 'module.exports = {\n  uiPort: process.env.PORT || 1880,\n  adminAuth: {\n    type: "credentials",\n    users: [{ username: "ops", password: HASH, permissions: "*" }],\n    default: { permissions: "read" },\n  },\n};\n' }],
      }],
    },
    {
      lang: 'javascript', filePath: 'settings.js', name: 'Node-RED: anonymous write scopes, editor bound to loopback (info)',
      code: 'module.exports = {\n  uiHost: "127.0.0.1",\n  adminAuth: { type: "credentials", users: [], default: { permissions: ["flows.read", "flows.write"] } },\n};\n',
      errors: [{ messageId: 'nodeRedAnonymous', line: 3, severity: 'info', data: { permissions: 'write (flows.write)' }, suggestions: [{ output: 'module.exports = {\n  uiHost: "127.0.0.1",\n  adminAuth: { type: "credentials", users: [], default: { permissions: "read" } },\n};\n' }] }],
    },
  ],
});
