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
      code: 'EthernetClient ethClient;\nPubSubClient client(server, 1883, callback, ethClient);\n',
      errors: [{ messageId: 'plainClient', line: 2, data: { mqtt: 'PubSubClient', client: 'ethClient', type: 'EthernetClient' } }],
    },
    {
      lang: 'cpp',
      code: 'WiFiClient client;\nAdafruit_MQTT_Client mqtt(&client, AIO_SERVER, AIO_SERVERPORT, AIO_USERNAME, AIO_KEY);\n',
      errors: [{ messageId: 'plainClient', line: 2, column: 28, suggestions: [{ output: `WiFiClientSecure client;${NOTE('client')}\nAdafruit_MQTT_Client mqtt(&client, AIO_SERVER, AIO_SERVERPORT, AIO_USERNAME, AIO_KEY);\n` }] }],
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
