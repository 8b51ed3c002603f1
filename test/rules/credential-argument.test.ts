import { credentialArgument } from '../../src/rules/credential-argument';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(credentialArgument, {
  valid: [
    { lang: 'c', code: 'void start(const char *pop) { network_prov_mgr_start_provisioning(NETWORK_PROV_SECURITY_2, sec2_params, "PROV_1234", NULL); }\n' },
    { lang: 'cpp', code: '#include "secrets.h"\nvoid setup() { WiFi.begin(WIFI_SSID, WIFI_PASSWORD); }\n' },
    { lang: 'cpp', code: 'void setup() { WiFi.begin("HomeNet", "your-password"); WiFi.begin("OpenNet"); }\n' },
    { lang: 'cpp', code: 'void loop() { client.connect("esp32-client"); wifiClient.connect("broker.lan", 1883, 500); }\n' },
    { lang: 'cpp', code: 'const char* password = "Zq8#kd93mL";\nvoid setup() { WiFi.begin(ssid, password); }\n', name: 'named literal is reported by hardcoded-credential' },
    { lang: 'cpp', code: 'void setup() { ArduinoOTA.setPassword(OTA_PASSWORD); ArduinoOTA.setHostname("esp-ota"); }\n' },
    { lang: 'c', code: 'esp_http_client_set_password(client, getenv("HTTP_PASSWORD"));\nstrlcpy((char *)cfg.sta.ssid, "HomeNet", 32);\n' },
    { lang: 'c', code: 'if (strcmp(password, "") == 0) { printf("%s", password); }\nstrcpy(buf, "hello world");\n' },
    { lang: 'python', code: 'import os\nclient.username_pw_set("dev", os.environ["MQTT_PASSWORD"])\nclient.connect("broker.lan", 1883, 60)\n' },
    { lang: 'python', code: 'wlan.connect(SSID, PASSWORD)\nc = MQTTClient("id", "broker.lan", user="u", password=None)\n' },
    { lang: 'python', code: 'db = sqlite3.connect("data.db")\nssh.connect("host", username="pi", password="<password>")\n' },
  ],
  invalid: [
    {
      lang: 'c',
      name: 'fixed provisioning proof-of-possession',
      code: 'void start(void) { wifi_prov_mgr_start_provisioning(WIFI_PROV_SECURITY_1, "s3cr3tPoP", "PROV_1234", NULL); }\n',
      errors: [{ messageId: 'literal', line: 1, secret: 's3cr3tPoP', data: { what: 'provisioning proof-of-possession', callee: 'wifi_prov_mgr_start_provisioning', name: 'PROV_POP' }, suggestions: [{ output: '#include "secrets.h"\nvoid start(void) { wifi_prov_mgr_start_provisioning(WIFI_PROV_SECURITY_1, PROV_POP, "PROV_1234", NULL); }\n' }] }],
    },
    {
      lang: 'cpp',
      filePath: 'src/main.ino',
      code: '#include <WiFi.h>\nvoid setup() { WiFi.begin("HomeNet", "Zq8#kd93mL"); }\n',
      errors: [{
        messageId: 'literal', line: 2, column: 38, secret: 'Zq8#kd93mL',
        suggestions: [{
          output: '#include <WiFi.h>\n#include "secrets.h"\nvoid setup() { WiFi.begin("HomeNet", WIFI_PASSWORD); }\n',
          files: { 'secrets.h': '#define WIFI_PASSWORD "Zq8#kd93mL"\n', '.gitignore': 'secrets.h\n' },
        }],
      }],
    },
    {
      lang: 'cpp',
      name: 'PubSubClient, WiFiMulti, softAP',
      code: 'void f() {\n  multi.addAP("Lab", "lab-pass-1");\n  WiFi.softAP("esp-ap", "ap-pass-22");\n  client.connect("dev1", "mqttuser", "mq-pass-3");\n}\n',
      errors: [
        { messageId: 'literal', line: 2, suggestions: [{ output: '#include "secrets.h"\nvoid f() {\n  multi.addAP("Lab", WIFI_PASSWORD);\n  WiFi.softAP("esp-ap", "ap-pass-22");\n  client.connect("dev1", "mqttuser", "mq-pass-3");\n}\n' }] },
        { messageId: 'literal', line: 3, suggestions: [{ output: '#include "secrets.h"\nvoid f() {\n  multi.addAP("Lab", "lab-pass-1");\n  WiFi.softAP("esp-ap", AP_PASSWORD);\n  client.connect("dev1", "mqttuser", "mq-pass-3");\n}\n' }] },
        { messageId: 'literal', line: 4, suggestions: [{ output: '#include "secrets.h"\nvoid f() {\n  multi.addAP("Lab", "lab-pass-1");\n  WiFi.softAP("esp-ap", "ap-pass-22");\n  client.connect("dev1", "mqttuser", MQTT_PASSWORD);\n}\n' }] },
      ],
    },
    {
      lang: 'cpp',
      name: 'ArduinoOTA password hash (ARD-02) and web server default credential',
      code: 'void setup() {\n  ArduinoOTA.setPasswordHash("21232f297a57a5a743894a0e4a801fc3");\n  server.authenticate("admin", "admin");\n}\n',
      errors: [
        { messageId: 'literal', line: 2, suggestions: [{ output: '#include "secrets.h"\nvoid setup() {\n  ArduinoOTA.setPasswordHash(OTA_PASSWORD_HASH);\n  server.authenticate("admin", "admin");\n}\n' }] },
        { messageId: 'defaultCredential', line: 3, suggestions: [{ output: '#include "secrets.h"\nvoid setup() {\n  ArduinoOTA.setPasswordHash("21232f297a57a5a743894a0e4a801fc3");\n  server.authenticate("admin", WEB_PASSWORD);\n}\n' }] },
      ],
    },
    {
      lang: 'cpp',
      name: 'identifier bound to a literal under a non-credential name: reported at the literal, related to the call',
      code: 'const char* wlan = "corp-Wlan-77";\nvoid setup() { WiFi.begin("Corp", wlan); }\n',
      errors: [{ messageId: 'literalViaName', line: 1, column: 20, suggestions: [{ output: '#include "secrets.h"\nconst char* wlan = WLAN;\nvoid setup() { WiFi.begin("Corp", wlan); }\n' }] }],
    },
    {
      lang: 'cpp',
      name: 'Blynk token and Wi-Fi password, test-file lowering',
      filePath: 'examples/blynk/blynk.ino',
      code: 'void setup() { Blynk.begin("Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z", "Home", "blynk-Wifi9"); }\n',
      errors: [
        { messageId: 'literal', severity: 'info', suggestions: [{ output: '#include "secrets.h"\nvoid setup() { Blynk.begin(BLYNK_AUTH_TOKEN, "Home", "blynk-Wifi9"); }\n' }] },
        { messageId: 'literal', severity: 'info', suggestions: [{ output: '#include "secrets.h"\nvoid setup() { Blynk.begin("Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z", "Home", WIFI_PASSWORD); }\n' }] },
      ],
    },
    {
      lang: 'c',
      name: 'ESP-IDF copies and setters',
      code: 'void f(void) {\n  strlcpy((char *)wifi_config.sta.password, "idf-Pass-5", sizeof(wifi_config.sta.password));\n  esp_http_client_set_password(client, "http-Pw-6");\n  prov_dev_set_symmetric_key_info("dev-1", "c2VjcmV0a2V5c2VjcmV0a2V5c2VjcmV0a2V5MTIzNA==");\n}\n',
      errors: [
        { messageId: 'literal', line: 2, suggestions: [{ output: '#include "secrets.h"\nvoid f(void) {\n  strlcpy((char *)wifi_config.sta.password, PASSWORD, sizeof(wifi_config.sta.password));\n  esp_http_client_set_password(client, "http-Pw-6");\n  prov_dev_set_symmetric_key_info("dev-1", "c2VjcmV0a2V5c2VjcmV0a2V5c2VjcmV0a2V5MTIzNA==");\n}\n' }] },
        { messageId: 'literal', line: 3, suggestions: [{ output: '#include "secrets.h"\nvoid f(void) {\n  strlcpy((char *)wifi_config.sta.password, "idf-Pass-5", sizeof(wifi_config.sta.password));\n  esp_http_client_set_password(client, HTTP_PASSWORD);\n  prov_dev_set_symmetric_key_info("dev-1", "c2VjcmV0a2V5c2VjcmV0a2V5c2VjcmV0a2V5MTIzNA==");\n}\n' }] },
        { messageId: 'literal', line: 4, suggestions: [{ output: '#include "secrets.h"\nvoid f(void) {\n  strlcpy((char *)wifi_config.sta.password, "idf-Pass-5", sizeof(wifi_config.sta.password));\n  esp_http_client_set_password(client, "http-Pw-6");\n  prov_dev_set_symmetric_key_info("dev-1", DPS_SYMMETRIC_KEY);\n}\n' }] },
      ],
    },
    {
      lang: 'python',
      name: 'paho positional and keyword',
      code: 'import paho.mqtt.client as mqtt\nclient.username_pw_set("dev", "paho-Pw-1")\nclient.username_pw_set("dev", password="paho-Pw-2")\n',
      errors: [
        { messageId: 'literal', line: 2, suggestions: [{ output: 'import os\nimport paho.mqtt.client as mqtt\nclient.username_pw_set("dev", os.environ["MQTT_PASSWORD"])\nclient.username_pw_set("dev", password="paho-Pw-2")\n', files: { '.env': 'MQTT_PASSWORD=paho-Pw-1\n' } }] },
        { messageId: 'literal', line: 3, suggestions: [{ output: 'import os\nimport paho.mqtt.client as mqtt\nclient.username_pw_set("dev", "paho-Pw-1")\nclient.username_pw_set("dev", password=os.environ["MQTT_PASSWORD"])\n' }] },
      ],
    },
    {
      lang: 'python',
      name: 'MicroPython WLAN and umqtt',
      code: 'import network\nwlan = network.WLAN(network.STA_IF)\nwlan.connect("Home", "mp-Wifi-1")\nc = MQTTClient("id", "broker.lan", user="u", password="mp-Mqtt-2")\n',
      errors: [
        { messageId: 'literal', line: 3, suggestions: [{ output: 'import os\nimport network\nwlan = network.WLAN(network.STA_IF)\nwlan.connect("Home", os.environ["WIFI_PASSWORD"])\nc = MQTTClient("id", "broker.lan", user="u", password="mp-Mqtt-2")\n' }] },
        { messageId: 'literal', line: 4, suggestions: [{ output: 'import os\nimport network\nwlan = network.WLAN(network.STA_IF)\nwlan.connect("Home", "mp-Wifi-1")\nc = MQTTClient("id", "broker.lan", user="u", password=os.environ["MQTT_PASSWORD"])\n' }] },
      ],
    },
    {
      lang: 'python',
      name: 'Azure DPS symmetric key and generic password kwarg',
      code: 'import os\nc = ProvisioningDeviceClient.create_from_symmetric_key(host, reg_id, scope, symmetric_key="c2VjcmV0a2V5c2VjcmV0a2V5MTIzNA==")\nssh.connect("gw", username="pi", password="ssh-Pw-77")\n',
      errors: [
        { messageId: 'literal', line: 2, suggestions: [{ output: 'import os\nc = ProvisioningDeviceClient.create_from_symmetric_key(host, reg_id, scope, symmetric_key=os.environ["DPS_SYMMETRIC_KEY"])\nssh.connect("gw", username="pi", password="ssh-Pw-77")\n' }] },
        { messageId: 'literal', line: 3, suggestions: [{ output: 'import os\nc = ProvisioningDeviceClient.create_from_symmetric_key(host, reg_id, scope, symmetric_key="c2VjcmV0a2V5c2VjcmV0a2V5MTIzNA==")\nssh.connect("gw", username="pi", password=os.environ["PASSWORD"])\n' }] },
      ],
    },
  ],
});
