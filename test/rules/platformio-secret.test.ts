import { platformioSecret } from '../../src/rules/platformio-secret';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(platformioSecret, {
  valid: [
    { lang: 'ini', code: '[env:ota]\nupload_protocol = espota\nupload_flags = --auth=${sysenv.OTA_PASSWORD}\n' },
    { lang: 'ini', code: '[env:esp32]\nbuild_flags = -DWIFI_PASSWORD=\\"${sysenv.WIFI_PASSWORD}\\" -DWIFI_SSID=\\"HomeNet\\" -DCORE_DEBUG_LEVEL=3\n' },
    { lang: 'ini', code: '[env:esp32]\nbuild_flags =\n    -DMQTT_PORT=8883\n    -DPASSWORD_MIN_LEN=8\nupload_flags =\n    --port=3232\n' },
    { lang: 'ini', code: '[env:esp32]\nbuild_flags = -DOTA_PASSWORD=\\"YOUR_OTA_PASSWORD\\"\n' },
  ],
  invalid: [
    {
      lang: 'ini',
      code: '[env:ota]\nupload_protocol = espota\nupload_flags = --auth=0ta-Secret\n',
      errors: [{ messageId: 'uploadAuth', line: 3, column: 23, secret: '0ta-Secret', suggestions: [{ title: 'OTA_PASSWORD', output: '[env:ota]\nupload_protocol = espota\nupload_flags = --auth=${sysenv.OTA_PASSWORD}\n' }] }],
    },
    {
      lang: 'ini',
      name: 'multi-line upload_flags with -a',
      code: '[env:ota]\nupload_flags =\n    -a s3cret-Ota\n    --port=8266\n',
      errors: [{ messageId: 'uploadAuth', line: 3, column: 8, suggestions: [{ output: '[env:ota]\nupload_flags =\n    -a ${sysenv.OTA_PASSWORD}\n    --port=8266\n' }] }],
    },
    {
      lang: 'ini',
      name: 'build_flags credentials',
      code: '[env:esp32]\nbuild_flags = -DWIFI_PASSWORD=\\"Zq8#kd93mL\\" -DMQTT_PASS=mq-Pw-9 -DWIFI_SSID=\\"HomeNet\\"\n',
      errors: [
        { messageId: 'buildFlag', data: { name: 'WIFI_PASSWORD' }, column: 33, suggestions: [{ output: '[env:esp32]\nbuild_flags = -DWIFI_PASSWORD=\\"${sysenv.WIFI_PASSWORD}\\" -DMQTT_PASS=mq-Pw-9 -DWIFI_SSID=\\"HomeNet\\"\n' }] },
        { messageId: 'buildFlag', data: { name: 'MQTT_PASS' }, suggestions: [{ output: '[env:esp32]\nbuild_flags = -DWIFI_PASSWORD=\\"Zq8#kd93mL\\" -DMQTT_PASS=${sysenv.MQTT_PASS} -DWIFI_SSID=\\"HomeNet\\"\n' }] },
      ],
    },
    {
      lang: 'ini',
      name: 'example projects are lowered',
      filePath: 'examples/ota/platformio.ini',
      code: "[env:ota]\nbuild_flags = '-DOTA_PASSWORD=\"admin\"'\n",
      errors: [{ messageId: 'buildFlag', severity: 'info', suggestions: [{ output: "[env:ota]\nbuild_flags = '-DOTA_PASSWORD=\"${sysenv.OTA_PASSWORD}\"'\n" }] }],
    },
  ],
});
