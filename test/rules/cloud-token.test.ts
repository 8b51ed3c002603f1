import { cloudToken } from '../../src/rules/cloud-token';
import { ruleTester } from '../harness/rule-tester';

const GH = 'ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';
const AKIA = 'AKIAZDOC9IS0J8HT9LGM';
const AWS_SECRET = 'VmihA+2O76UMFxFkM+R5Kjp1vRt/1fjORS+6ilI8';
const AZ_KEY = 'c2VjcmV0a2V5c2VjcmV0a2V5c2VjcmV0a2V5MTIzNA==';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXZpY2UtMDEifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

ruleTester.run(cloudToken, {
  valid: [
    { lang: 'c', code: 'static const char *conn = "[device connection string]";\n' },
    { lang: 'c', code: 'static const char *conn = "HostName=<host_name>;DeviceId=<device_id>;SharedAccessKey=<device_key>";\n' },
    { lang: 'cpp', code: '#define SERVICE_UUID "6e400001-b5a3-f393-e0a9-e50e24dcca9e"\n#define FW_SHA1 "8b5b7a767c76fb008f86bebb2737f6a6f0fb23c6"\n' },
    { lang: 'python', code: 'AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"\nurl = "https://api.github.com/repos/x/y"\n' },
    { lang: 'javascript', code: "const key = 'aKjIg8xNbe3nNyjOq9wMxEhh2FDEEtfj'; // no Blynk hint\n" },
    { lang: 'typescript', code: "const img = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';\n" },
    { lang: 'yaml', code: 'iothub:\n  connection_string: !secret iothub_connection\n' },
    { lang: 'json', code: '{ "connectionType": "AIS", "connectionData": "" }' },
    { lang: 'ini', code: '[env]\nbuild_flags = -DTHINGSPEAK_CHANNEL=123456\n' },
    { lang: 'kconfig', code: 'CONFIG_EXAMPLE_FIRMWARE_UPGRADE_URL="https://example.com/fw.bin"\n' },
    { lang: 'dotenv', code: 'GITHUB_TOKEN=${GITHUB_TOKEN}\nAWS_REGION=eu-west-1\n', filePath: '.env' },
  ],
  invalid: [
    { lang: 'c', code: `#define IOTHUB_CONNECTION "HostName=hub1.azure-devices.net;DeviceId=dev1;SharedAccessKey=${AZ_KEY}"\n`, errors: [{ messageId: 'azureConnectionString', line: 1, column: 27, secret: AZ_KEY }] },
    {
      lang: 'cpp',
      name: 'AZ-02 service policy on a device',
      code: `const char *cs = "HostName=hub1.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${AZ_KEY}";\n`,
      errors: [{ messageId: 'azureServiceKey', data: { policy: 'iothubowner' }, severity: 'error' }],
    },
    {
      lang: 'cpp',
      name: 'Blynk token bound to BLYNK_AUTH_TOKEN',
      code: '#define BLYNK_TEMPLATE_ID "TMPL4abc"\n#define BLYNK_AUTH_TOKEN "aKjIg8xNbe3nNyjOq9wMxEhh2FDEEtfj"\n',
      errors: [{ messageId: 'token', line: 2, data: { label: 'a Blynk auth token' } }],
    },
    {
      lang: 'python',
      name: 'AWS key id with its secret nearby',
      code: `session = boto3.Session(\n    aws_access_key_id="${AKIA}",\n    region_name="eu-west-1",\n    blob="${AWS_SECRET}",\n)\n`,
      errors: [
        { messageId: 'token', line: 2, column: 24, data: { label: 'an AWS access key id' }, secret: AKIA },
        { messageId: 'awsSecretKey', line: 4 },
      ],
    },
    {
      lang: 'python',
      name: 'SAS token in a test file is lowered',
      filePath: 'tests/test_hub.py',
      code: 'SAS = "SharedAccessSignature sr=hub1.azure-devices.net%2Fdevices%2Fdev1&sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA%3D%3D&se=1700000000"\n',
      errors: [{ messageId: 'azureConnectionString', severity: 'info' }],
    },
    { lang: 'javascript', code: `const octokit = new Octokit({ auth: '${GH}' });\n`, errors: [{ messageId: 'token', column: 38, data: { label: 'a GitHub token' }, secret: GH }] },
    { lang: 'javascript', code: "const io = new AdafruitIO('user', 'aio_SQedUStPKR0CsTy4Qwb8DwkNhFdn');\n", errors: [{ messageId: 'token', data: { label: 'an Adafruit IO key' } }] },
    { lang: 'typescript', code: `const headers = { Authorization: \`Bearer ${JWT}\` };\n`, errors: [{ messageId: 'token', data: { label: 'a JSON Web Token' } }] },
    { lang: 'typescript', code: "const firebase = { apiKey: 'AIzaXsiVpzz63FfkCzJr4i0B3JrTAwR4y9ojflj' };\nconst bot = '123456789:AAoQoaF1LlqsajAIxNKu8iS2G8NPRVdD53X';\n", errors: [{ messageId: 'token', line: 1 }, { messageId: 'token', line: 2, data: { label: 'a Telegram bot token' } }] },
    {
      lang: 'yaml',
      code: `edge:\n  connection_string: "HostName=hub1.azure-devices.net;DeviceId=gw;SharedAccessKey=YXppb3QtaWRlbnRpdHktc2VydmljZXxhemlvdC1pZGU="\n`,
      errors: [{ messageId: 'sampleSecret', severity: 'warning' }],
    },
    {
      lang: 'yaml', name: 'token inside a YAML block scalar is reported on its own line', filePath: 'kas/gateway.yml',
      code: 'local_conf_header:\n  mender: |\n    INHERIT += "mender-full"\n    MENDER_SERVER_URL = "https://hosted.mender.io"\n    MENDER_TENANT_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJtZW5kZXIudGVuYW50IjoiNWYxYzBhYjJlNCIsImlzcyI6Ik1lbmRlciIsInN1YiI6IjVmMWMwYWIyZTQifQ.Qm9wX3R3ZWFrX2tleV9zaWduYXR1cmVfMTIzNDU2Nzg5MA"\n',
      errors: [{ messageId: 'token', line: 5, column: 28, data: { label: 'a JSON Web Token' } }],
    },
    {
      lang: 'json',
      name: 'GCP service-account key file',
      filePath: 'service-account.json',
      code: '{\n  "type": "service_account",\n  "project_id": "iot-demo",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\n-----END PRIVATE KEY-----\\n"\n}\n',
      errors: [{ messageId: 'gcpServiceAccount', line: 4 }],
    },
    { lang: 'json', code: `{ "connectionType": "string", "connectionData": "HostName=hub1.azure-devices.net;DeviceId=du1;SharedAccessKey=${AZ_KEY}" }`, errors: [{ messageId: 'azureConnectionString' }] },
    { lang: 'ini', code: '[slack]\nwebhook_token = xoxb-83RZJzzzzgEOzdmenCkhvMdg\n', errors: [{ messageId: 'token', data: { label: 'a Slack token' } }] },
    { lang: 'kconfig', code: 'CONFIG_THINGSPEAK_WRITE_API_KEY="GVQ4K7BN7XJ8B7TF"\n', errors: [{ messageId: 'token', data: { label: 'a ThingSpeak API key' } }] },
    { lang: 'dotenv', filePath: '.env', code: `GITHUB_TOKEN=${GH}\nPARTICLE_ACCESS_TOKEN=8b5b7a767c76fb008f86bebb2737f6a6f0fb23c6\n`, errors: [{ messageId: 'token', line: 1 }, { messageId: 'token', line: 2, data: { label: 'a Particle access token' } }] },
  ],
});
