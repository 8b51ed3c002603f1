import { urlEmbeddedCredential } from '../../src/rules/url-embedded-credential';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(urlEmbeddedCredential, {
  valid: [
    // Placeholders, templates, environment lookups, user names without a password, non-credential parameters.
    { lang: 'c', code: '#define BROKER_URL "mqtt://device01@broker.acme-iot.com"\n#define API "https://api.open-meteo.com/v1/forecast?latitude=52.1&longitude=5.2"\n' },
    { lang: 'cpp', code: 'snprintf(url, sizeof url, "mqtt://%s:%s@%s:1883", user, pass, host);\n' },
    { lang: 'python', code: 'import os\nAMQP_URL = f"amqp://{user}:{password}@{host}/prod"\nURL = os.environ["AMQP_URL"]\n' },
    { lang: 'python', code: 'URL = "https://api.openweathermap.org/data/2.5/weather?q=Utrecht&appid=YOUR_API_KEY"\n' },
    { lang: 'javascript', code: "const url = `mqtts://${user}:${pass}@broker.acme-iot.com:8883`;\nconst u2 = 'https://api.acme.io/v1/items?key=temperature&page=2';\n" },
    { lang: 'typescript', code: "const DOCS = 'https://user:<password>@host.acme.io/';\nconst REPO = 'git@github.com:acme/fw.git';\n" },
    { lang: 'yaml', code: 'mqtt:\n  server: mqtt://zigbee:${MQTT_PASSWORD}@broker.lan:1883\n  url: !secret mqtt_url\n' },
    { lang: 'json', code: '{ "broker": "amqp://guest@rabbit.acme.io", "hook": "https://hooks.acme.io/x?token=${TOKEN}" }' },
    { lang: 'ini', code: '[env]\nupload_url = https://fw.acme.io/upload?version=1.2.3\n' },
    { lang: 'kconfig', code: 'CONFIG_BROKER_URI="mqtts://device@mqtt.acme-iot.com:8883"\n' },
    { lang: 'libconfig', code: 'download :\n{\n\turl = "https://images.acme.io/latest.swu";\n\tauthentication = "@DL_AUTH@";\n};\n' },
    { lang: 'dotenv', code: 'AMQP_URL=amqp://fleet:changeme@rabbit.acme.io:5672/prod\nDB_URL=postgres://app:${DB_PASSWORD}@db:5432/app\n', filePath: '.env' },
    { lang: 'dotenv', code: 'AMQP_URL=amqp://fleet:Rabb1t-Fl33t@rabbit.acme.io:5672/prod\n', filePath: '.env.example', name: 'env templates are meant to be committed' },
  ],
  invalid: [
    {
      lang: 'libconfig', code: 'download :\n{\n\turl = "https://dl:Dl-Pass-42@images.acme.io/latest.swu";\n};\n',
      errors: [{ messageId: 'userinfo', line: 3, secret: 'Dl-Pass-42', data: { scheme: 'https', host: "'images.acme.io'", user: 'dl' } }],
    },
    {
      lang: 'dotenv', filePath: '.env',
      code: '# fleet-tools runtime\nAMQP_URL=amqp://fleet:Rabb1t-Fl33t@rabbit.sensorworks.io:5672/prod\n',
      errors: [{ messageId: 'userinfo', line: 2, column: 23, severity: 'error', secret: 'Rabb1t-Fl33t', data: { scheme: 'amqp', host: "'rabbit.sensorworks.io'", user: 'fleet' } }],
    },
    {
      lang: 'cpp',
      code: 'static const char *OWM_URL =\n    "http://api.openweathermap.org/data/2.5/weather?q=Utrecht,nl&units=metric&appid=df34d319e6dd86af96eba0a3f33f6988";\n',
      errors: [{ messageId: 'queryKey', line: 2, secret: 'df34d319e6dd86af96eba0a3f33f6988', data: { host: "'api.openweathermap.org'", param: 'appid' } }],
    },
    {
      lang: 'c', code: '#define MQTT_URI "mqtt://plug:Pl4g-Secret@mqtt.acme-iot.com:1883"\n',
      errors: [{ messageId: 'userinfo', line: 1, secret: 'Pl4g-Secret' }],
    },
    {
      lang: 'python', code: 'client = pika.BlockingConnection(pika.URLParameters("amqp://ops:admin@10.0.0.5:5672/"))\n',
      errors: [{ messageId: 'userinfo', secret: 'admin', data: { scheme: 'amqp', host: "'10.0.0.5'", user: 'ops' } }],
    },
    {
      lang: 'python', name: 'loopback host: info', code: 'URL = "mqtt://dev:Dev-Pass-77@localhost:1883"\n',
      errors: [{ messageId: 'userinfo', severity: 'info' }],
    },
    {
      lang: 'javascript', code: "const hook = 'https://api.thingspeak.com/update?api_key=Q7ZK2M9XW4PL8RTB&field1=' + t;\n",
      errors: [{ messageId: 'queryKey', data: { host: "'api.thingspeak.com'", param: 'api_key' } }],
    },
    {
      lang: 'typescript', code: "export const FEED = 'https://feeds.acme.io/v2?token=9fQ2xL7vR4tB8wZ1kP3m';\n",
      errors: [{ messageId: 'queryKey', data: { host: "'feeds.acme.io'", param: 'token' } }],
    },
    {
      lang: 'yaml', code: 'mqtt:\n  server: mqtt://zigbee:Zb-Br0ker-9@mqtt.acme-iot.com\n',
      errors: [{ messageId: 'userinfo', line: 2, secret: 'Zb-Br0ker-9' }],
    },
    {
      lang: 'json', code: '{\n  "ServerURL": "https://fw:Upd4te-Key!@updates.acme.io/api"\n}\n',
      errors: [{ messageId: 'userinfo', line: 2 }],
    },
    {
      lang: 'ini', code: '[env:release]\nupload_url = https://ci:C1-Upl0ad-pw@ota.acme.io/upload\n',
      errors: [{ messageId: 'userinfo', line: 2 }],
    },
    {
      lang: 'kconfig', code: 'CONFIG_BROKER_URI="mqtt://dev:Kc0nf-Pass@mqtt.acme-iot.com:1883"\n',
      errors: [{ messageId: 'userinfo', line: 1 }],
    },
  ],
});
