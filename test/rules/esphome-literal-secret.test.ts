import { esphomeLiteralSecret } from '../../src/rules/esphome-literal-secret';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(esphomeLiteralSecret, {
  valid: [
    { lang: 'yaml', code: 'esphome:\n  name: kitchen\nwifi:\n  ssid: !secret wifi_ssid\n  password: !secret wifi_password\napi:\n  encryption:\n    key: !secret api_encryption_key\n' },
    { lang: 'yaml', code: 'esphome:\n  name: kitchen\nwifi:\n  ssid: HomeNet\n  password: ""\n  ap:\n    password: ${ap_password}\n' },
    { lang: 'yaml', code: 'esphome:\n  name: kitchen\nota:\n  - platform: esphome\n    password: YOUR_OTA_PASSWORD\n' },
    { lang: 'yaml', code: 'mqtt:\n  password: plain-Pw-1\nserial:\n  port: /dev/ttyACM0\n', name: 'not an ESPHome document (Zigbee2MQTT)' },
    { lang: 'yaml', code: 'wifi_password: "Zq8#kd93mL"\nota_password: "ota-Secret-1"\n', filePath: 'secrets.yaml', name: 'secrets.yaml is where the values belong' },
  ],
  invalid: [
    {
      lang: 'yaml',
      filePath: 'kitchen.yaml',
      code: 'esphome:\n  name: kitchen\nwifi:\n  ssid: HomeNet\n  password: "Zq8#kd93mL"\n  ap:\n    password: fallback123\n',
      errors: [
        {
          messageId: 'literalSecret', line: 5, column: 13, data: { path: 'wifi.password', secret: 'wifi_password' }, secret: 'Zq8#kd93mL',
          suggestions: [{ title: '!secret wifi_password', output: 'esphome:\n  name: kitchen\nwifi:\n  ssid: HomeNet\n  password: !secret wifi_password\n  ap:\n    password: fallback123\n', files: { 'secrets.yaml': 'wifi_password: "Zq8#kd93mL"\n', '.gitignore': 'secrets.yaml\n' } }],
        },
        {
          messageId: 'literalSecret', line: 7, data: { path: 'wifi.ap.password', secret: 'wifi_ap_password' },
          suggestions: [{ output: 'esphome:\n  name: kitchen\nwifi:\n  ssid: HomeNet\n  password: "Zq8#kd93mL"\n  ap:\n    password: !secret wifi_ap_password\n', files: { 'secrets.yaml': 'wifi_ap_password: "fallback123"\n' } }],
        },
      ],
    },
    {
      lang: 'yaml',
      name: 'OTA list item, API encryption key, web server, MQTT',
      code: 'esphome:\n  name: d\nota:\n  - platform: esphome\n    password: otapass99\napi:\n  encryption:\n    key: "bWFueXJhbmRvbWJ5dGVzMTIzNDU2Nzg5MDEyMzQ1Njc4OTA="\nweb_server:\n  auth:\n    username: admin\n    password: admin\nmqtt:\n  broker: 10.0.0.2\n  password: mq-Pass-9\n',
      errors: [
        { messageId: 'literalSecret', line: 5, data: { path: 'ota.0.password', secret: 'ota_password' }, suggestions: [{ output: 'esphome:\n  name: d\nota:\n  - platform: esphome\n    password: !secret ota_password\napi:\n  encryption:\n    key: "bWFueXJhbmRvbWJ5dGVzMTIzNDU2Nzg5MDEyMzQ1Njc4OTA="\nweb_server:\n  auth:\n    username: admin\n    password: admin\nmqtt:\n  broker: 10.0.0.2\n  password: mq-Pass-9\n' }] },
        { messageId: 'literalApiKey', line: 8, suggestions: [{ title: 'api_encryption_key', output: 'esphome:\n  name: d\nota:\n  - platform: esphome\n    password: otapass99\napi:\n  encryption:\n    key: !secret api_encryption_key\nweb_server:\n  auth:\n    username: admin\n    password: admin\nmqtt:\n  broker: 10.0.0.2\n  password: mq-Pass-9\n' }] },
        { messageId: 'literalSecret', line: 12, data: { path: 'web_server.auth.password', secret: 'web_server_password' }, suggestions: [{ output: 'esphome:\n  name: d\nota:\n  - platform: esphome\n    password: otapass99\napi:\n  encryption:\n    key: "bWFueXJhbmRvbWJ5dGVzMTIzNDU2Nzg5MDEyMzQ1Njc4OTA="\nweb_server:\n  auth:\n    username: admin\n    password: !secret web_server_password\nmqtt:\n  broker: 10.0.0.2\n  password: mq-Pass-9\n' }] },
        { messageId: 'literalSecret', line: 15, suggestions: [{ output: 'esphome:\n  name: d\nota:\n  - platform: esphome\n    password: otapass99\napi:\n  encryption:\n    key: "bWFueXJhbmRvbWJ5dGVzMTIzNDU2Nzg5MDEyMzQ1Njc4OTA="\nweb_server:\n  auth:\n    username: admin\n    password: admin\nmqtt:\n  broker: 10.0.0.2\n  password: !secret mqtt_password\n' }] },
      ],
    },
    {
      lang: 'yaml',
      name: 'package file without esphome: key, second network, test-file lowering',
      filePath: 'tests/packages/wifi.yaml',
      code: 'wifi:\n  networks:\n    - ssid: A\n      password: net-A-pass\n    - ssid: B\n      password: net-B-pass\n',
      errors: [
        { messageId: 'literalSecret', line: 4, severity: 'info', suggestions: [{ output: 'wifi:\n  networks:\n    - ssid: A\n      password: !secret wifi_password\n    - ssid: B\n      password: net-B-pass\n' }] },
        { messageId: 'literalSecret', line: 6, data: { path: 'wifi.networks.1.password', secret: 'wifi_password_2' }, suggestions: [{ output: 'wifi:\n  networks:\n    - ssid: A\n      password: net-A-pass\n    - ssid: B\n      password: !secret wifi_password_2\n' }] },
      ],
    },
  ],
});
