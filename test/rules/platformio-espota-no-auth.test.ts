import { platformioEspotaNoAuth } from '../../src/rules/platformio-espota-no-auth';
import { ruleTester } from '../harness/rule-tester';

const AUTH = '--auth=${sysenv.OTA_PASSWORD}';

ruleTester.run(platformioEspotaNoAuth, {
  valid: [
    { lang: 'ini', code: '[env:esp32dev]\nplatform = espressif32\nboard = esp32dev\nframework = arduino\nupload_protocol = espota\nupload_port = 192.168.1.42\nupload_flags = --auth=${sysenv.OTA_PASSWORD}\n' },
    { lang: 'ini', code: '[env:d1]\nplatform = espressif8266\nupload_protocol = espota\nupload_port = garage.local\nupload_flags =\n    --port=8266\n    -a ${sysenv.OTA_PASS}\n', name: 'multi-line flags with -a' },
    { lang: 'ini', code: '[env:esp32dev]\nplatform = espressif32\nupload_port = /dev/ttyUSB0\nupload_speed = 921600\n', name: 'serial upload' },
    { lang: 'ini', code: '[env:nucleo]\nplatform = ststm32\nupload_port = 192.168.1.9\n', name: 'not an Espressif platform' },
    {
      lang: 'ini', name: 'auth inherited through extends + interpolation',
      code: '[common]\nota_flags = --auth=${sysenv.OTA_PASSWORD}\n\n[env:base]\nplatform = espressif32\nupload_flags = ${common.ota_flags}\n\n[env:ota]\nextends = env:base\nupload_protocol = espota\nupload_port = 10.0.0.20\n',
    },
    { lang: 'ini', code: '[env:ota]\nplatform = espressif32\nupload_protocol = espota\nupload_flags = ${secrets.ota_flags}\n', name: 'unresolved interpolation: cannot tell' },
    { lang: 'ini', code: '[env:esp32]\nplatform = espressif32\nupload_protocol = esptool\nupload_port = 192.168.4.1\n', name: 'explicit non-OTA protocol' },
  ],
  invalid: [
    {
      lang: 'ini', name: 'PIO-01: espota without flags',
      code: '[env:esp32dev]\nplatform = espressif32\nboard = esp32dev\nupload_protocol = espota\nupload_port = 192.168.1.42\n',
      errors: [{
        messageId: 'noAuth', data: { how: 'upload_protocol = espota', envs: '[env:esp32dev]' }, line: 4, column: 1, severity: 'warning',
        suggestions: [{ title: 'upload_flags', output: `[env:esp32dev]\nplatform = espressif32\nboard = esp32dev\nupload_protocol = espota\nupload_flags = ${AUTH}\nupload_port = 192.168.1.42\n` }],
      }],
    },
    {
      lang: 'ini', name: 'IP upload_port switches to espota; flags without --auth',
      code: '[env:d1_mini]\nplatform = espressif8266\nupload_port = 192.168.1.77\nupload_flags = --port=8266\n',
      errors: [{
        messageId: 'noAuth', data: { how: 'upload_port = 192.168.1.77', envs: '[env:d1_mini]' }, line: 3,
        suggestions: [{ output: `[env:d1_mini]\nplatform = espressif8266\nupload_port = 192.168.1.77\nupload_flags = --port=8266\n    ${AUTH}\n` }],
      }],
    },
    {
      lang: 'ini', name: 'shared [env] section, two envs inherit it',
      code: '[env]\nframework = arduino\nupload_protocol = espota\n\n[env:kitchen]\nplatform = espressif32\nupload_port = kitchen.local\n\n[env:hall]\nplatform = espressif32\nupload_port = hall.local\n',
      errors: [{
        messageId: 'noAuth', data: { how: 'upload_protocol = espota', envs: '[env:kitchen], [env:hall]' }, line: 3,
        suggestions: [{ output: `[env]\nframework = arduino\nupload_protocol = espota\nupload_flags = ${AUTH}\n\n[env:kitchen]\nplatform = espressif32\nupload_port = kitchen.local\n\n[env:hall]\nplatform = espressif32\nupload_port = hall.local\n` }],
      }],
    },
    {
      lang: 'ini', name: 'multi-line flags without auth',
      code: '[env:ota]\nplatform = espressif32\nupload_protocol = espota\nupload_flags =\n    --port=3232\n    --timeout=20\n\n[env:usb]\nplatform = espressif32\n',
      errors: [{ messageId: 'noAuth', line: 3, suggestions: [{ output: `[env:ota]\nplatform = espressif32\nupload_protocol = espota\nupload_flags =\n    --port=3232\n    --timeout=20\n    ${AUTH}\n\n[env:usb]\nplatform = espressif32\n` }] }],
    },
  ],
});
