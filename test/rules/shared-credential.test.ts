import { cloudToken } from '../../src/rules/cloud-token';
import { credentialArgument } from '../../src/rules/credential-argument';
import { hardcodedCredential } from '../../src/rules/hardcoded-credential';
import { privateKeyInSource } from '../../src/rules/private-key-in-source';
import { sharedCredential } from '../../src/rules/shared-credential';
import { projectTester } from '../harness/rule-tester';

const B1 = '5FsLVMbmUuYaTJjmrJ4ZOFRCexV94detaDjzc/65PlURIZ4nrq8f+zXPsafZL16c';
const KEY = `-----BEGIN EC PRIVATE KEY-----\n${B1}\n-----END EC PRIVATE KEY-----\n`;

projectTester.run(sharedCredential, [hardcodedCredential, credentialArgument, cloudToken, privateKeyInSource], {
  valid: [
    { name: 'different passwords per device', files: { 'dev1/src/main.c': '#define WIFI_PASSWORD "dev1-Pass-77"\n', 'dev2/src/main.c': '#define WIFI_PASSWORD "dev2-Pass-88"\n' } },
    { name: 'same secret twice in one file', files: { 'src/main.c': '#define WIFI_PASSWORD "Zq8#kd93mL"\nconst char *backup_password = "Zq8#kd93mL";\n' } },
    { name: 'shared placeholders are not secrets', files: { 'a/main.py': 'PASSWORD = "changeme"\n', 'b/main.py': 'PASSWORD = "changeme"\n' } },
  ],
  invalid: [
    {
      name: 'one Wi-Fi password in two firmware targets',
      files: {
        'boards/kitchen/main.cpp': 'const char* password = "Zq8#kd93mL";\n',
        'boards/garage/main.cpp': 'void setup() { WiFi.begin("Home", "Zq8#kd93mL"); }\n',
        'config/sdkconfig.defaults': 'CONFIG_ESP_WIFI_PASSWORD="Zq8#kd93mL"\n',
      },
      errors: [{ filePath: 'boards/kitchen/main.cpp', messageId: 'shared', line: 1, severity: 'error' }],
    },
    {
      name: 'same device key committed twice (across rules and languages)',
      files: { 'certs/device.key': KEY, 'tests/fixtures/key.py': `KEY = """${KEY}"""\n` },
      errors: [{ filePath: 'certs/device.key', messageId: 'shared', line: 1 }],
    },
  ],
});
