import { tlsVerificationDisabledOption } from '../../src/rules/tls-verification-disabled-option';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(tlsVerificationDisabledOption, {
  valid: [
    { lang: 'python', code: 'r = requests.get(url, verify=True)\n' },
    { lang: 'yaml', filePath: '.gitlab-ci.yml', code: 'upload:\n  script:\n    - mender-cli --server https://hosted.mender.io --token "$MENDER_TOKEN" artifacts upload out.mender\n', name: 'mender-cli without --skip-verify' },
    { lang: 'json', filePath: 'package.json', code: '{"scripts": {"test": "go test ./... --skip-verify-tests", "release": "mender-cli artifacts upload out.mender"}}', name: 'a similar flag of another tool' },
    { lang: 'python', code: 'subprocess.run(["mender-artifact", "read", path, "--skip-verify-signature"])\n', name: 'not mender-cli' },
    { lang: 'javascript', code: "// mender-cli --skip-verify was needed behind the old proxy\nexecFileSync('mender-cli', ['artifacts', 'upload', file]);\n", name: 'comment only' },
    { lang: 'python', code: 'r = requests.get(url, verify=os.getenv("CA_BUNDLE"))\n' },
    { lang: 'python', code: 'r = requests.get(url, verify="/etc/ssl/certs/ca.pem")\n' },
    { lang: 'python', code: 'client.tls_set(ca_certs="ca.pem", cert_reqs=ssl.CERT_REQUIRED)\n' },
    { lang: 'python', code: '# r = requests.get(url, verify=False)\nr = requests.get(url)\n' },
    { lang: 'python', code: 'from umqtt.simple import MQTTClient\nc = MQTTClient("id", "broker.lan", ssl=False)\n', name: 'ssl=False outside aiohttp means no TLS (plaintext rules), not skipped verification' },
    { lang: 'python', code: 'import aiohttp\nasync with session.get(url, ssl=ssl_ctx) as r:\n    pass\n' },
    { lang: 'javascript', code: "const client = mqtt.connect(url, { rejectUnauthorized: true, ca: fs.readFileSync('ca.pem') });" },
    { lang: 'typescript', code: 'const opts: tls.ConnectionOptions = { rejectUnauthorized: true };' },
    { lang: 'c', code: 'esp_http_client_config_t cfg = { .url = URL, .skip_cert_common_name_check = false, .crt_bundle_attach = esp_crt_bundle_attach };' },
    { lang: 'cpp', code: 'esp_tls_cfg_t cfg = { .common_name = "ota.acme-iot.com" };' },
    { lang: 'yaml', code: 'http_request:\n  verify_ssl: true\n' },
    { lang: 'yaml', code: 'mqtt:\n  server: mqtts://broker.acme-iot.com\n  reject_unauthorized: true\n' },
    { lang: 'json', code: '{"ServerURL": "https://hosted.mender.io", "SkipVerify": false}' },
    { lang: 'ini', code: '[client]\nssl = true\nssl_verify = true\n' },
    { lang: 'libconfig', code: 'suricatta :\n{\n\tnocheckcert = false;\n\tcafile = "/etc/ssl/hawkbit-ca.pem";\n};\n' },
    { lang: 'dotenv', code: 'NODE_TLS_REJECT_UNAUTHORIZED=1\n' },
  ],
  invalid: [
    {
      lang: 'libconfig', filePath: 'swupdate/swupdate.cfg', name: 'SWUpdate suricatta nocheckcert',
      code: 'suricatta :\n{\n\turl = "https://hawkbit.acme.com";\n\tnocheckcert = true;\n};\n',
      errors: [{ messageId: 'verifyOff', line: 4, data: { option: 'nocheckcert: true' }, suggestions: [{ output: 'suricatta :\n{\n\turl = "https://hawkbit.acme.com";\n\tnocheckcert = false;\n};\n' }] }],
    },
    {
      lang: 'python',
      code: 'import aiohttp\n\nasync def fetch(session, host):\n    async with session.get(f"https://{host}/api/info", ssl=False) as resp:\n        return await resp.json()\n',
      errors: [{ messageId: 'verifyOff', line: 4, data: { option: 'ssl=False' }, severity: 'error', suggestions: [{ title: 'Remove ssl=False', output: 'import aiohttp\n\nasync def fetch(session, host):\n    async with session.get(f"https://{host}/api/info") as resp:\n        return await resp.json()\n' }] }],
    },
    {
      lang: 'python',
      code: 'r = requests.post(URL, json=data, verify=False)\n',
      errors: [{ messageId: 'verifyOff', data: { option: 'verify=False' }, severity: 'error', suggestions: [{ title: 'Remove verify=False', output: 'r = requests.post(URL, json=data)\n' }] }],
    },
    {
      lang: 'python',
      code: 'r = session.get(verify=False, url=URL)\n',
      errors: [{ messageId: 'verifyOff', suggestions: [{ output: 'r = session.get(url=URL)\n' }] }],
    },
    {
      lang: 'python',
      code: 'session = requests.Session()\nsession.verify = False\n',
      errors: [{ messageId: 'verifyOff', line: 2, data: { option: 'verify = False' }, suggestions: [{ output: 'session = requests.Session()\nsession.verify = True\n' }] }],
    },
    {
      lang: 'python',
      code: 'client.tls_set(ca_certs=None, cert_reqs=ssl.CERT_NONE)\n',
      errors: [{ messageId: 'verifyOff', data: { option: 'cert_reqs=ssl.CERT_NONE' }, suggestions: [{ output: 'client.tls_set(ca_certs=None, cert_reqs=ssl.CERT_REQUIRED)\n' }] }],
    },
    {
      lang: 'python',
      code: 'ctx = ssl.create_default_context()\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE\n',
      errors: [
        { messageId: 'hostnameOff', line: 2, severity: 'warning', suggestions: [{ output: 'ctx = ssl.create_default_context()\nctx.check_hostname = True\nctx.verify_mode = ssl.CERT_NONE\n' }] },
        { messageId: 'verifyOff', line: 3, suggestions: [{ output: 'ctx = ssl.create_default_context()\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_REQUIRED\n' }] },
      ],
    },
    {
      lang: 'python',
      code: "http = urllib3.PoolManager(cert_reqs='CERT_NONE')\n",
      errors: [{ messageId: 'verifyOff', suggestions: [{ output: "http = urllib3.PoolManager(cert_reqs='CERT_REQUIRED')\n" }] }],
    },
    {
      lang: 'javascript',
      code: "const client = mqtt.connect('mqtts://broker.acme-iot.com', { rejectUnauthorized: false });",
      errors: [{ messageId: 'verifyOff', data: { option: 'rejectUnauthorized: false' }, suggestions: [{ output: "const client = mqtt.connect('mqtts://broker.acme-iot.com', { rejectUnauthorized: true });" }] }],
    },
    {
      lang: 'javascript',
      code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nstart();\n",
      errors: [{ messageId: 'nodeTlsOff', line: 1, suggestions: [{ output: 'start();\n' }] }],
    },
    {
      lang: 'typescript',
      code: 'const agent = new https.Agent({ rejectUnauthorized: false });',
      errors: [{ messageId: 'verifyOff', suggestions: [{ output: 'const agent = new https.Agent({ rejectUnauthorized: true });' }] }],
    },
    {
      lang: 'c',
      code: 'esp_mqtt_client_config_t cfg = {\n  .broker.verification.skip_cert_common_name_check = true,\n};',
      errors: [{ messageId: 'hostnameOff', line: 2, severity: 'warning', suggestions: [{ output: 'esp_mqtt_client_config_t cfg = {\n  .broker.verification.skip_cert_common_name_check = false,\n};' }] }],
    },
    {
      lang: 'cpp',
      code: 'esp_tls_cfg_t cfg = { .skip_common_name = true };',
      errors: [{ messageId: 'hostnameOff', data: { option: 'skip_common_name: true' }, suggestions: [{ output: 'esp_tls_cfg_t cfg = { .skip_common_name = false };' }] }],
    },
    {
      lang: 'yaml',
      code: 'esphome:\n  name: dev\nesp32:\n  board: esp32dev\nhttp_request:\n  verify_ssl: false\n',
      errors: [{ messageId: 'verifyOff', line: 6, suggestions: [{ output: 'esphome:\n  name: dev\nesp32:\n  board: esp32dev\nhttp_request:\n  verify_ssl: true\n' }] }],
    },
    {
      lang: 'yaml',
      code: 'esphome:\n  name: dev\nesp8266:\n  board: d1_mini\nhttp_request:\n  verify_ssl: false\n',
      errors: [{ messageId: 'platformCannotVerify', severity: 'info' }],
    },
    {
      lang: 'yaml',
      code: 'mqtt:\n  broker: broker.acme-iot.com\n  skip_cert_cn_check: true\n',
      errors: [{ messageId: 'hostnameOff', severity: 'warning', suggestions: [{ output: 'mqtt:\n  broker: broker.acme-iot.com\n  skip_cert_cn_check: false\n' }] }],
    },
    {
      lang: 'yaml',
      code: 'mqtt:\n  server: mqtts://broker.acme-iot.com\n  reject_unauthorized: false\n',
      errors: [{ messageId: 'verifyOff', line: 3, suggestions: [{ output: 'mqtt:\n  server: mqtts://broker.acme-iot.com\n  reject_unauthorized: true\n' }] }],
    },
    {
      lang: 'yaml',
      code: 'services:\n  app:\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "0"\n',
      errors: [{ messageId: 'nodeTlsOff', line: 4, suggestions: [{ output: 'services:\n  app:\n    environment:\n' }] }],
    },
    {
      lang: 'json',
      code: '{\n  "ServerURL": "https://hosted.mender.io",\n  "SkipVerify": true\n}',
      errors: [{ messageId: 'verifyOff', line: 3, suggestions: [{ output: '{\n  "ServerURL": "https://hosted.mender.io",\n  "SkipVerify": false\n}' }] }],
    },
    {
      lang: 'json',
      code: '{"scripts": {"start": "NODE_TLS_REJECT_UNAUTHORIZED=0 node index.js"}}',
      errors: [{ messageId: 'nodeTlsOff', suggestions: [{ output: '{"scripts": {"start": "node index.js"}}' }] }],
    },
    {
      lang: 'ini',
      code: '[client]\nhawkbit_server = hawkbit.acme-iot.com\nssl = true\nssl_verify = false\n',
      errors: [{ messageId: 'verifyOff', line: 4, suggestions: [{ output: '[client]\nhawkbit_server = hawkbit.acme-iot.com\nssl = true\nssl_verify = true\n' }] }],
    },
    {
      lang: 'dotenv',
      code: 'API_URL=https://api.acme-iot.com\nNODE_TLS_REJECT_UNAUTHORIZED=0\n',
      errors: [{ messageId: 'nodeTlsOff', line: 2, suggestions: [{ output: 'API_URL=https://api.acme-iot.com\n' }] }],
    },
    {
      lang: 'yaml', name: 'mender-cli --skip-verify in a CI script', filePath: '.gitlab-ci.yml',
      code: 'upload:\n  script:\n    - mender-cli --server https://hosted.mender.io --skip-verify --token "$MENDER_TOKEN" artifacts upload out.mender\n',
      errors: [{
        messageId: 'menderCliSkipVerify', line: 3, column: 52, severity: 'error', data: { option: '--skip-verify' },
        suggestions: [{ output: 'upload:\n  script:\n    - mender-cli --server https://hosted.mender.io --token "$MENDER_TOKEN" artifacts upload out.mender\n' }],
      }],
    },
    {
      lang: 'json', filePath: 'package.json',
      code: '{"scripts": {"publish:fw": "mender-cli --skipverify artifacts upload build/fw.mender"}}',
      errors: [{ messageId: 'menderCliSkipVerify', data: { option: '--skipverify' }, suggestions: [{ output: '{"scripts": {"publish:fw": "mender-cli artifacts upload build/fw.mender"}}' }] }],
    },
    {
      lang: 'python', name: 'flag in a mender-cli argument list',
      code: 'subprocess.run(["mender-cli", "--server", SERVER, "--skip-verify", "artifacts", "upload", path], check=True)\n',
      errors: [{ messageId: 'menderCliSkipVerify', line: 1, column: 51, data: { option: '--skip-verify' } }],
    },
    {
      lang: 'typescript',
      code: "execSync(`mender-cli --skip-verify --server ${server} artifacts upload ${file}`);\n",
      errors: [{ messageId: 'menderCliSkipVerify', suggestions: [{ output: "execSync(`mender-cli --server ${server} artifacts upload ${file}`);\n" }] }],
    },
  ],
});
