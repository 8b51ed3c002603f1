import { plaintextUrl } from '../../src/rules/plaintext-url';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(plaintextUrl, {
  valid: [
    { lang: 'c', code: 'const char *url = "https://ota.acme-iot.com/fw.bin";' },
    { lang: 'c', code: 'esp_mqtt_client_config_t cfg = { .broker.address.uri = "mqtts://broker.acme-iot.com:8883" };' },
    { lang: 'c', code: '// see http://broker.acme-iot.com for details\nint x = 1;' },
    { lang: 'c', code: 'if (strncmp(url, "http://", 7) == 0) { plain = true; }' },
    { lang: 'cpp', code: 'if (url.startsWith("http://")) { url.replace("http://", "https://"); }' },
    { lang: 'cpp', code: 'String page = "<a href=\\"http://192.168.4.1/\\">setup</a>";' },
    { lang: 'cpp', code: 'const char *svg = "http://www.w3.org/2000/svg";' },
    { lang: 'python', code: 'if url == "http://":\n    pass\n' },
    { lang: 'python', code: 'SCHEMES = "http://"\n' },
    { lang: 'python', code: 'setup(name="iotdev", url="http://github.com/acme/iotdev")\n' },
    { lang: 'python', code: 'print("Open http://192.168.4.1 in your browser")\n' },
    { lang: 'python', code: 'client.connect(os.getenv("MQTT_URL"))\n' },
    { lang: 'javascript', code: "const client = mqtt.connect('mqtts://broker.acme-iot.com:8883');" },
    { lang: 'javascript', code: "const ws = new WebSocket('wss://api.acme-iot.com/stream');" },
    { lang: 'javascript', code: "const s = net.connect('tcp://10.1.2.3:502');" },
    { lang: 'ini', filePath: 'gateway/settings.ini', code: '[modbus]\nendpoint = tcp://plc-7.plant.acme-iot.com:502\n', name: 'tcp:// Modbus endpoint in INI is not MQTT' },
    { lang: 'yaml', code: 'upstream:\n  target: tcp://collector.acme-iot.com:9000\n', name: 'generic tcp:// port is not MQTT' },
    { lang: 'json', code: '{"upstream": {"broker": "ssl://mqtt.fieldgw.io:8883"}}' },
    { lang: 'dotenv', code: 'LOG_SINK=tcp://logs.acme-iot.com:5140\n' },
    { lang: 'typescript', code: "const isPlain = (u: string): boolean => u.startsWith('mqtt://');" },
    { lang: 'json', code: '{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}' },
    { lang: 'json', code: '{"name": "fw", "homepage": "http://acme-iot.com", "repository": {"type": "git", "url": "http://github.com/acme/fw"}}' },
    { lang: 'yaml', code: 'mqtt:\n  server: mqtts://broker.acme-iot.com:8883\n' },
    { lang: 'yaml', code: 'mqtt:\n  server: !secret mqtt_server\n' },
    { lang: 'yaml', code: 'Install:\n  Script: curl -fsSL https://downloads.vendor.io/install.sh -o /tmp/i.sh && echo "see http: docs"\n' },
    { lang: 'kconfig', code: 'CONFIG_EXAMPLE_MQTT_BROKER_URI="mqtts://broker.acme-iot.com:8883"\n' },
    { lang: 'dotenv', code: 'MQTT_URL=mqtts://broker.acme-iot.com:8883\n' },
    { lang: 'ini', code: '[env:esp32]\nbuild_flags = -DBROKER_URI=\\"mqtts://broker.acme-iot.com\\"\n' },
    { lang: 'libconfig', code: 'download :\n{\n\turl = "https://images.acme-gateways.com/edge/latest.swu";\n};\n' },
  ],
  invalid: [
    {
      lang: 'libconfig', filePath: 'swupdate.cfg', name: 'SWUpdate download over plain HTTP',
      code: 'download :\n{\n\tretries = 3;\n\turl = "http://images.acme-gateways.com/edge/latest.swu";\n};\n',
      errors: [{ messageId: 'plaintextFirmware', line: 4, severity: 'error', suggestions: [{ output: 'download :\n{\n\tretries = 3;\n\turl = "https://images.acme-gateways.com/edge/latest.swu";\n};\n' }] }],
    },
    {
      lang: 'c',
      code: 'esp_mqtt_client_config_t cfg = { .broker.address.uri = "mqtt://broker.acme-iot.com:1883" };',
      errors: [{
        messageId: 'plaintext', line: 1, column: 57, severity: 'warning',
        data: { protocol: 'MQTT', scheme: 'mqtt', host: "'broker.acme-iot.com'", secure: 'mqtts' },
        suggestions: [{ title: 'Use mqtts:// on port 8883', output: 'esp_mqtt_client_config_t cfg = { .broker.address.uri = "mqtts://broker.acme-iot.com:8883" };' }],
      }],
    },
    {
      lang: 'c',
      code: 'esp_http_client_config_t ota = { .url = "http://192.168.1.20:8070/hello_world.bin" };',
      errors: [{
        messageId: 'plaintextFirmware', severity: 'error',
        suggestions: [{ output: 'esp_http_client_config_t ota = { .url = "https://192.168.1.20:8070/hello_world.bin" };' }],
      }],
    },
    {
      lang: 'c',
      code: '#define BROKER_URL "mqtt://localhost"\n',
      errors: [{ messageId: 'plaintextLocal', severity: 'info', suggestions: [{ output: '#define BROKER_URL "mqtts://localhost"\n' }] }],
    },
    {
      lang: 'c',
      code: 'const char *url = "http://" SERVER_IP "/fw.bin";',
      errors: [{ messageId: 'plaintextFirmware', data: { scheme: 'http', host: 'a host chosen at run time', secure: 'https' }, suggestions: [{ output: 'const char *url = "https://" SERVER_IP "/fw.bin";' }] }],
    },
    {
      lang: 'cpp',
      code: 't_httpUpdate_return ret = httpUpdate.update(client, "http://ota.acme-iot.com/app.ino.bin");',
      errors: [{ messageId: 'plaintextFirmware', severity: 'error', suggestions: [{ output: 't_httpUpdate_return ret = httpUpdate.update(client, "https://ota.acme-iot.com/app.ino.bin");' }] }],
    },
    {
      lang: 'cpp',
      code: 'String url = "http://" + host + "/api/telemetry";',
      errors: [{ messageId: 'plaintext', suggestions: [{ output: 'String url = "https://" + host + "/api/telemetry";' }] }],
    },
    {
      lang: 'cpp',
      code: 'const char* telnetUrl = "telnet://10.0.0.5";',
      errors: [{ messageId: 'plaintext', data: { protocol: 'Telnet', scheme: 'telnet', host: "'10.0.0.5'", secure: 'ssh' } }],
    },
    {
      lang: 'python',
      code: 'r = requests.post("http://api.acme-iot.com/v1/telemetry", json=payload)\n',
      errors: [{ messageId: 'plaintext', line: 1, column: 20, suggestions: [{ output: 'r = requests.post("https://api.acme-iot.com/v1/telemetry", json=payload)\n' }] }],
    },
    {
      lang: 'python',
      code: 'OTA_URL = f"http://{HOST}:8000/firmware.bin"\n',
      errors: [{ messageId: 'plaintextFirmware', data: { scheme: 'http', host: 'a host chosen at run time', secure: 'https' }, suggestions: [{ output: 'OTA_URL = f"https://{HOST}:8000/firmware.bin"\n' }] }],
    },
    {
      lang: 'python',
      code: 'COAP_URI = "coap://[2001:db8::1]:5683/sensors"\n',
      errors: [{ messageId: 'plaintext', suggestions: [{ title: 'Use coaps:// on port 5684', output: 'COAP_URI = "coaps://[2001:db8::1]:5684/sensors"\n' }] }],
    },
    {
      lang: 'javascript',
      code: "const mqtt = require('mqtt');\nconst client = mqtt.connect('tcp://broker.acme-iot.com:1883');",
      errors: [{ messageId: 'plaintext', line: 2, data: { protocol: 'MQTT', scheme: 'tcp', host: "'broker.acme-iot.com'", secure: 'mqtts' }, suggestions: [{ output: "const mqtt = require('mqtt');\nconst client = mqtt.connect('mqtts://broker.acme-iot.com:8883');" }] }],
    },
    {
      lang: 'javascript',
      code: "const client = mqtt.connect('mqtt://test.mosquitto.org');",
      errors: [{ messageId: 'plaintext', suggestions: [{ output: "const client = mqtt.connect('mqtts://test.mosquitto.org');" }] }],
    },
    {
      lang: 'typescript',
      code: "const socket: WebSocket = new WebSocket(`ws://${location.host}/live`);",
      errors: [{ messageId: 'plaintext', suggestions: [{ output: "const socket: WebSocket = new WebSocket(`wss://${location.host}/live`);" }] }],
    },
    {
      lang: 'typescript',
      code: "const conn = await amqp.connect('amqp://rabbit.example.com');",
      errors: [{ messageId: 'plaintextLocal', severity: 'info', suggestions: [{ output: "const conn = await amqp.connect('amqps://rabbit.example.com');" }] }],
    },
    {
      lang: 'yaml',
      code: 'homeassistant: false\nmqtt:\n  base_topic: zigbee2mqtt\n  server: mqtt://192.168.1.50:1883\n',
      errors: [{ messageId: 'plaintext', line: 4, column: 11, suggestions: [{ output: 'homeassistant: false\nmqtt:\n  base_topic: zigbee2mqtt\n  server: mqtts://192.168.1.50:8883\n' }] }],
    },
    {
      lang: 'yaml',
      code: 'mqtt:\n  server: mqtt://mosquitto\n',
      errors: [{ messageId: 'plaintextLocal', severity: 'info', suggestions: [{ output: 'mqtt:\n  server: mqtts://mosquitto\n' }] }],
    },
    {
      lang: 'yaml', name: 'URL fetched by a curl command inside a lifecycle script',
      code: 'Lifecycle:\n  Install:\n    Script: curl -fsSL http://downloads.modbus-vendor.com/adapter/install.sh | sh\n',
      errors: [{ messageId: 'plaintext', line: 3, column: 24, suggestions: [{ output: 'Lifecycle:\n  Install:\n    Script: curl -fsSL https://downloads.modbus-vendor.com/adapter/install.sh | sh\n' }] }],
    },
    {
      lang: 'python', code: 'os.system("wget -q -O /tmp/fw.bin http://builds.acme-iot.com/fw.bin")\n',
      errors: [{ messageId: 'plaintextFirmware', severity: 'error', suggestions: [{ output: 'os.system("wget -q -O /tmp/fw.bin https://builds.acme-iot.com/fw.bin")\n' }] }],
    },
    {
      lang: 'json',
      code: '{\n  "ServerURL": "http://hosted.mender.io",\n  "UpdatePollIntervalSeconds": 1800\n}\n',
      errors: [{ messageId: 'plaintextFirmware', line: 2, severity: 'error', suggestions: [{ output: '{\n  "ServerURL": "https://hosted.mender.io",\n  "UpdatePollIntervalSeconds": 1800\n}\n' }] }],
    },
    {
      lang: 'ini',
      code: '[env:esp32]\nbuild_flags = -DMQTT_BROKER=\\"mqtt://broker.acme-iot.com\\"\n',
      errors: [{ messageId: 'plaintext', line: 2, suggestions: [{ output: '[env:esp32]\nbuild_flags = -DMQTT_BROKER=\\"mqtts://broker.acme-iot.com\\"\n' }] }],
    },
    {
      lang: 'kconfig',
      code: 'CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL="http://192.168.0.3:8070/hello_world.bin"\n',
      errors: [{ messageId: 'plaintextFirmware', severity: 'error', suggestions: [{ output: 'CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL="https://192.168.0.3:8070/hello_world.bin"\n' }] }],
    },
    {
      lang: 'kconfig',
      code: 'CONFIG_BROKER_URL="mqtt://mqtt.eclipseprojects.io"\n',
      filePath: 'examples/mqtt/sdkconfig.defaults',
      errors: [{ messageId: 'plaintext', severity: 'info', suggestions: [{ output: 'CONFIG_BROKER_URL="mqtts://mqtt.eclipseprojects.io"\n' }] }],
    },
    {
      lang: 'dotenv',
      code: 'MQTT_URL=mqtt://broker.acme-iot.com:1883\n',
      errors: [{ messageId: 'plaintext', suggestions: [{ output: 'MQTT_URL=mqtts://broker.acme-iot.com:8883\n' }] }],
    },
    {
      lang: 'ini', name: 'tcp:// on port 1883 is MQTT whatever the key',
      filePath: 'gateway/settings.ini',
      code: '[upstream]\nendpoint = tcp://mqtt.fieldgw.io:1883\nqos = 1\n',
      errors: [{ messageId: 'plaintext', line: 2, column: 12, data: { protocol: 'MQTT', scheme: 'tcp', host: "'mqtt.fieldgw.io'", secure: 'mqtts' }, suggestions: [{ output: '[upstream]\nendpoint = mqtts://mqtt.fieldgw.io:8883\nqos = 1\n' }] }],
    },
    {
      lang: 'yaml',
      code: 'telemetry:\n  target: "tcp://10.40.2.9:1883"\n',
      errors: [{ messageId: 'plaintext', line: 2, suggestions: [{ output: 'telemetry:\n  target: "mqtts://10.40.2.9:8883"\n' }] }],
    },
    {
      lang: 'json',
      code: '{"upstream": {"address": "tcp://iot.fieldgw.io:1883"}}',
      errors: [{ messageId: 'plaintext', suggestions: [{ output: '{"upstream": {"address": "mqtts://iot.fieldgw.io:8883"}}' }] }],
    },
    {
      lang: 'dotenv',
      code: 'UPSTREAM=tcp://localhost:1883\n',
      errors: [{ messageId: 'plaintextLocal', severity: 'info', suggestions: [{ output: 'UPSTREAM=mqtts://localhost:8883\n' }] }],
    },
  ],
});
