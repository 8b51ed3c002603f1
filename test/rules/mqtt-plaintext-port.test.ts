import { mqttPlaintextPort } from '../../src/rules/mqtt-plaintext-port';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(mqttPlaintextPort, {
  valid: [
    { lang: 'cpp', code: 'void setup() { client.setServer("broker.acme-iot.com", 8883); }' },
    { lang: 'cpp', code: '// client.setServer(mqtt_server, 1883);\nconst int mqtt_port = 8883;' },
    { lang: 'c', code: '#define MQTT_PORT 8883\n' },
    { lang: 'c', name: '1883 inside other numbers', code: '#define RTC_CALIB_BASE 0x41883\nint timer_reload = 188338;\nfloat f = 3.1883;\n' },
    { lang: 'python', code: 'import paho.mqtt.client as mqtt\nclient = mqtt.Client()\nclient.tls_set(ca_certs="ca.pem")\nclient.connect("broker.acme-iot.com", 1883)\n' },
    { lang: 'python', code: 'import paho.mqtt.client as mqtt\nclient = mqtt.Client()\nclient.tls_set()\nclient.connect("broker.acme-iot.com")\n' },
    { lang: 'python', code: 'import paho.mqtt.client as mqtt\nclient = mqtt.Client()\nclient.connect("broker.acme-iot.com", 8883)\n' },
    { lang: 'python', code: 'from umqtt.simple import MQTTClient\nc = MQTTClient("dev1", "broker.acme-iot.com", ssl=True)\n' },
    { lang: 'python', code: 'import sqlite3\ndb = sqlite3.connect("data.db")\n' },
    { lang: 'python', code: 'MQTT_PORT = int(os.getenv("MQTT_PORT", "1883"))\n' },
    { lang: 'javascript', code: "const client = mqtt.connect({ host: 'broker.acme-iot.com', port: 8883, protocol: 'mqtts' });" },
    { lang: 'typescript', code: 'const timeoutMs: number = 1883;' },
    { lang: 'yaml', code: 'mqtt:\n  broker: broker.acme-iot.com\n  port: 8883\n' },
    { lang: 'yaml', code: 'esphome:\n  name: plug\nmqtt:\n  broker: broker.acme-iot.com\n  certificate_authority: !secret mqtt_ca\n' },
    { lang: 'json', code: '{"mqtt": {"host": "broker.acme-iot.com", "port": 8883}}' },
    { lang: 'ini', code: '[mqtt]\nhost = broker.acme-iot.com\nport = 8883\n' },
    { lang: 'ini', filePath: 'mosquitto/mosquitto.conf', code: 'listener 8883\ncertfile /mosquitto/certs/server.crt\nkeyfile /mosquitto/certs/server.key\nallow_anonymous false\npassword_file /mosquitto/passwd\n' },
    { lang: 'ini', filePath: 'mosquitto.conf', code: 'listener 0 /run/mosquitto.sock\nlistener 8884\npsk_hint broker\n' },
    { lang: 'kconfig', code: 'CONFIG_MQTT_BROKER_PORT=8883\n' },
    { lang: 'dotenv', code: 'MQTT_PORT=8883\n' },
  ],
  invalid: [
    {
      lang: 'ini', filePath: 'mosquitto/mosquitto.conf', name: 'Mosquitto listener without TLS on all interfaces',
      code: '# port-forwarded\npersistence true\n\nlistener 1883 0.0.0.0\nallow_anonymous true\n',
      errors: [{ messageId: 'plaintextListener', line: 4, severity: 'warning', data: { port: '1883', bind: 'all interfaces' } }],
    },
    {
      lang: 'ini', filePath: 'mosquitto.conf', name: 'second listener (websockets) without TLS; loopback listener is info',
      code: 'listener 1883 127.0.0.1\nlistener 8883\ncertfile /c/server.crt\nlistener 9001\nprotocol websockets\n',
      errors: [
        { messageId: 'plaintextListener', line: 1, severity: 'info', data: { port: '1883', bind: 'bound to 127.0.0.1' } },
        { messageId: 'plaintextListener', line: 4, data: { port: '9001', bind: 'all interfaces' } },
      ],
    },
    {
      lang: 'cpp',
      code: 'void setup() {\n  client.setServer("broker.acme-iot.com", 1883);\n}',
      errors: [{ messageId: 'plaintextPort', line: 2, column: 43, severity: 'warning', suggestions: [{ output: 'void setup() {\n  client.setServer("broker.acme-iot.com", 8883);\n}' }] }],
    },
    {
      lang: 'cpp',
      code: 'void setup() { mqttClient.setServer("192.0.2.10", 1883); }',
      errors: [{ messageId: 'plaintextPortLocal', severity: 'info', suggestions: [{ output: 'void setup() { mqttClient.setServer("192.0.2.10", 8883); }' }] }],
    },
    {
      lang: 'c',
      code: '#define MQTT_HOST "broker.acme-iot.com"\n#define MQTT_PORT 1883\n',
      errors: [{ messageId: 'plaintextPort', line: 2, suggestions: [{ output: '#define MQTT_HOST "broker.acme-iot.com"\n#define MQTT_PORT 8883\n' }] }],
    },
    {
      lang: 'cpp',
      code: '#define AIO_SERVER      "io.adafruit.com"\n#define AIO_SERVERPORT  1883\n',
      errors: [{ messageId: 'plaintextPort', line: 2, suggestions: [{ output: '#define AIO_SERVER      "io.adafruit.com"\n#define AIO_SERVERPORT  8883\n' }] }],
    },
    {
      lang: 'python',
      code: 'import paho.mqtt.client as mqtt\nclient = mqtt.Client()\nclient.connect("broker.acme-iot.com", 1883, 60)\n',
      errors: [{ messageId: 'plaintextPort', line: 3, suggestions: [{ title: 'tls_set', output: 'import paho.mqtt.client as mqtt\nclient = mqtt.Client()\nclient.tls_set()\nclient.connect("broker.acme-iot.com", 8883, 60)\n' }] }],
    },
    {
      lang: 'python',
      code: 'import paho.mqtt.client as mqtt\n\ndef main():\n    client = mqtt.Client()\n    client.connect("broker.acme-iot.com", keepalive=60)\n',
      errors: [{
        messageId: 'plaintextDefault', line: 5, data: { client: 'client.connect()' },
        suggestions: [{ output: 'import paho.mqtt.client as mqtt\n\ndef main():\n    client = mqtt.Client()\n    client.tls_set()\n    client.connect("broker.acme-iot.com", 8883, keepalive=60)\n' }],
      }],
    },
    {
      lang: 'python',
      code: 'import paho.mqtt.client as mqtt\nclient = mqtt.Client()\nclient.connect("localhost")\n',
      errors: [{ messageId: 'plaintextDefault', severity: 'info', suggestions: [{ output: 'import paho.mqtt.client as mqtt\nclient = mqtt.Client()\nclient.tls_set()\nclient.connect("localhost", 8883)\n' }] }],
    },
    {
      lang: 'python',
      code: 'from umqtt.simple import MQTTClient\nc = MQTTClient("dev1", "broker.acme-iot.com", port=1883)\n',
      errors: [{ messageId: 'plaintextPort', suggestions: [{ output: 'from umqtt.simple import MQTTClient\nc = MQTTClient("dev1", "broker.acme-iot.com", port=8883, ssl=True)\n' }] }],
    },
    {
      lang: 'python',
      code: 'from umqtt.simple import MQTTClient\nc = MQTTClient("dev1", "broker.acme-iot.com")\n',
      errors: [{ messageId: 'plaintextDefault', data: { client: 'MQTTClient()' }, suggestions: [{ output: 'from umqtt.simple import MQTTClient\nc = MQTTClient("dev1", "broker.acme-iot.com", ssl=True)\n' }] }],
    },
    {
      lang: 'javascript',
      code: "const client = mqtt.connect({ host: 'broker.acme-iot.com', port: 1883 });",
      errors: [{ messageId: 'plaintextPort', suggestions: [{ output: "const client = mqtt.connect({ host: 'broker.acme-iot.com', port: 8883 });" }] }],
    },
    {
      lang: 'typescript',
      code: "const MQTT_PORT: number = 1883;\nconst client = mqtt.connect(`mqtt://${host}`, { port: MQTT_PORT });",
      errors: [{ messageId: 'plaintextPort', line: 1, suggestions: [{ output: "const MQTT_PORT: number = 8883;\nconst client = mqtt.connect(`mqtt://${host}`, { port: MQTT_PORT });" }] }],
    },
    {
      lang: 'yaml',
      code: 'mqtt:\n  host: 10.0.0.12\n  port: 1883\n',
      errors: [{ messageId: 'plaintextPort', line: 3, suggestions: [{ output: 'mqtt:\n  host: 10.0.0.12\n  port: 8883\n' }] }],
    },
    {
      lang: 'yaml',
      code: 'esphome:\n  name: plug\nmqtt:\n  broker: 192.168.1.20\n  username: plug\n',
      errors: [{ messageId: 'plaintextDefault', line: 4, data: { client: "ESPHome 'mqtt:'" } }],
    },
    {
      lang: 'json',
      code: '{"mqtt": {"host": "localhost", "port": 1883}}',
      errors: [{ messageId: 'plaintextPortLocal', severity: 'info', suggestions: [{ output: '{"mqtt": {"host": "localhost", "port": 8883}}' }] }],
    },
    {
      lang: 'ini',
      code: '[mqtt]\nhost = broker.acme-iot.com\nport = 1883\n',
      errors: [{ messageId: 'plaintextPort', line: 3, suggestions: [{ output: '[mqtt]\nhost = broker.acme-iot.com\nport = 8883\n' }] }],
    },
    {
      lang: 'kconfig',
      code: 'CONFIG_MQTT_BROKER_PORT=1883\n',
      errors: [{ messageId: 'plaintextPort', suggestions: [{ output: 'CONFIG_MQTT_BROKER_PORT=8883\n' }] }],
    },
    {
      lang: 'dotenv',
      code: 'MQTT_HOST=broker.acme-iot.com\nMQTT_PORT=1883\n',
      errors: [{ messageId: 'plaintextPort', line: 2, suggestions: [{ output: 'MQTT_HOST=broker.acme-iot.com\nMQTT_PORT=8883\n' }] }],
    },
  ],
});
