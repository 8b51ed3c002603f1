import { mqttPlainClient } from '../../src/rules/mqtt-plain-client';
import { ruleTester } from '../harness/rule-tester';

const NOTE = (v: string): string => `\n// TODO: in setup(), before connecting: ${v}.setCACert(root_ca); // root_ca = the broker's CA certificate (PEM), use port 8883`;

ruleTester.run(mqttPlainClient, {
  valid: [
    { lang: 'cpp', code: '#include <WiFiClientSecure.h>\nWiFiClientSecure espClient;\nPubSubClient client(espClient);\n' },
    { lang: 'cpp', code: 'NetworkClientSecure net;\nPubSubClient mqtt(net);\n' },
    { lang: 'cpp', code: 'BearSSL::WiFiClientSecure tls;\nPubSubClient client(tls);\n' },
    { lang: 'cpp', code: '// WiFiClient espClient;\nWiFiClientSecure espClient;\nPubSubClient client(espClient);\n' },
    { lang: 'cpp', code: 'WiFiClient web;\nWiFiClientSecure tls;\nPubSubClient client(tls);\nHTTPClient http;\nvoid f() { http.begin(web, "http://x"); }\n' },
    { lang: 'c', code: 'WiFiClientSecure net;\nMqttClient mqttClient(net);\n' },
    // The plaintext port is the one finding (mqtt-plaintext-port): literal 1883, a PORT constant = 1883 here, or a config-header constant.
    { lang: 'cpp', code: 'EthernetClient ethClient;\nPubSubClient client(server, 1883, callback, ethClient);\n' },
    { lang: 'cpp', code: '#include "config.h"\nWiFiClient net;\nPubSubClient mqtt(net);\nvoid setup() { mqtt.setServer(MQTT_BROKER, MQTT_PORT); }\n' },
    { lang: 'cpp', code: '#define MQTT_PORT 1883\nstatic WiFiClient plainClient;\nstatic PubSubClient mqtt(plainClient);\nvoid connectMqtt() { mqtt.setServer("broker.acme-iot.com", MQTT_PORT); }\n' },
    { lang: 'c', code: 'WiFiClient client;\nAdafruit_MQTT_Client mqtt(&client, AIO_SERVER, AIO_SERVERPORT, AIO_USERNAME, AIO_KEY);\n' },
    { lang: 'c', code: 'WiFiClient wifi;\nMqttClient mqttClient(wifi);\nvoid setup() { mqttClient.connect("broker.acme-iot.com", 1883); }\n' },
  ],
  invalid: [
    {
      lang: 'cpp',
      code: '#include <PubSubClient.h>\nWiFiClient espClient;\nPubSubClient client(espClient);\n',
      errors: [{
        messageId: 'plainClient', line: 3, column: 21, severity: 'warning',
        data: { mqtt: 'PubSubClient', client: 'espClient', type: 'WiFiClient' },
        suggestions: [{ title: 'WiFiClientSecure', output: `#include <PubSubClient.h>\nWiFiClientSecure espClient;${NOTE('espClient')}\nPubSubClient client(espClient);\n` }],
      }],
    },
    {
      lang: 'cpp',
      code: 'NetworkClient net;\nPubSubClient mqtt;\nvoid setup() { mqtt.setClient(net); }\n',
      errors: [{ messageId: 'plainClient', line: 3, data: { mqtt: 'mqtt.setClient', client: 'net', type: 'NetworkClient' }, suggestions: [{ output: `NetworkClientSecure net;${NOTE('net')}\nPubSubClient mqtt;\nvoid setup() { mqtt.setClient(net); }\n` }] }],
    },
    {
      lang: 'cpp',
      name: 'port is a run-time value: no port finding exists, the client is the evidence',
      code: 'EthernetClient ethClient;\nPubSubClient client(server, cfg.port, callback, ethClient);\n',
      errors: [{ messageId: 'plainClient', line: 2, data: { mqtt: 'PubSubClient', client: 'ethClient', type: 'EthernetClient' } }],
    },
    {
      lang: 'cpp',
      name: 'port constant defined here with a non-plaintext value',
      code: '#define MQTT_PORT 8883\nWiFiClient net;\nPubSubClient mqtt(net);\nvoid setup() { mqtt.setServer("broker.acme-iot.com", MQTT_PORT); }\n',
      errors: [{ messageId: 'plainClient', line: 3, suggestions: [{ output: `#define MQTT_PORT 8883\nWiFiClientSecure net;${NOTE('net')}\nPubSubClient mqtt(net);\nvoid setup() { mqtt.setServer("broker.acme-iot.com", MQTT_PORT); }\n` }] }],
    },
    {
      lang: 'c',
      name: 'ArduinoMqttClient connect with a port read at run time',
      code: 'WiFiClient wifi;\nMqttClient mqttClient(wifi);\nvoid setup() { mqttClient.connect(broker, port); }\n',
      errors: [{ messageId: 'plainClient', line: 2, suggestions: [{ output: `WiFiClientSecure wifi;${NOTE('wifi')}\nMqttClient mqttClient(wifi);\nvoid setup() { mqttClient.connect(broker, port); }\n` }] }],
    },
    {
      lang: 'cpp',
      code: '#define AIO_SERVERPORT 8883\nWiFiClient client;\nAdafruit_MQTT_Client mqtt(&client, AIO_SERVER, AIO_SERVERPORT, AIO_USERNAME, AIO_KEY);\n',
      errors: [{ messageId: 'plainClient', line: 3, column: 28, suggestions: [{ output: `#define AIO_SERVERPORT 8883\nWiFiClientSecure client;${NOTE('client')}\nAdafruit_MQTT_Client mqtt(&client, AIO_SERVER, AIO_SERVERPORT, AIO_USERNAME, AIO_KEY);\n` }] }],
    },
    {
      lang: 'cpp',
      code: 'WiFiClient wifiClient;\nMqttClient mqttClient(wifiClient);\n',
      errors: [{ messageId: 'plainClient', suggestions: [{ output: `WiFiClientSecure wifiClient;${NOTE('wifiClient')}\nMqttClient mqttClient(wifiClient);\n` }] }],
    },
    {
      lang: 'cpp',
      code: 'WiFiClient net;\nMQTTClient client;\nvoid connect() { client.begin("broker.acme-iot.com", net); }\n',
      errors: [{ messageId: 'plainClient', line: 3, suggestions: [{ output: `WiFiClientSecure net;${NOTE('net')}\nMQTTClient client;\nvoid connect() { client.begin("broker.acme-iot.com", net); }\n` }] }],
    },
    {
      lang: 'cpp',
      code: 'WiFiClient espClient;\nPubSubClient client(espClient);\n',
      filePath: 'examples/mqtt_basic/mqtt_basic.ino',
      errors: [{ messageId: 'plainClient', severity: 'info', suggestions: [{ output: `WiFiClientSecure espClient;${NOTE('espClient')}\nPubSubClient client(espClient);\n` }] }],
    },
    {
      lang: 'c',
      code: 'WiFiEspClient espClient;\nPubSubClient client(espClient);\n',
      errors: [{ messageId: 'plainClient', data: { mqtt: 'PubSubClient', client: 'espClient', type: 'WiFiEspClient' } }],
    },
  ],
});
