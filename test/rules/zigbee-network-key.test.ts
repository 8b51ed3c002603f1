import { zigbeeNetworkKey } from '../../src/rules/zigbee-network-key';
import { ruleTester } from '../harness/rule-tester';

const DEFAULT = '[1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12, 13]';
const CUSTOM = '[92, 17, 203, 44, 8, 150, 61, 230, 19, 77, 140, 2, 251, 33, 96, 180]';

ruleTester.run(zigbeeNetworkKey, {
  valid: [
    { lang: 'yaml', code: 'advanced:\n  network_key: GENERATE\n  pan_id: GENERATE\n' },
    { lang: 'yaml', code: "advanced:\n  network_key: '!secret network_key'\n" },
    { lang: 'yaml', code: 'advanced:\n  network_key: !secret network_key\n' },
    { lang: 'yaml', code: 'homeassistant: true\nadvanced:\n  log_level: info\n' },
    { lang: 'yaml', code: `network_key: ${CUSTOM}\n`, filePath: 'zigbee2mqtt/secret.yaml', name: 'secret.yaml holds it' },
    { lang: 'yaml', code: `other:\n  network_key: ${CUSTOM}\n`, name: 'not under advanced' },
  ],
  invalid: [
    {
      lang: 'yaml',
      filePath: 'zigbee2mqtt/configuration.yaml',
      code: `mqtt:\n  server: mqtt://localhost\nadvanced:\n  network_key: ${DEFAULT}\n`,
      errors: [{ messageId: 'defaultKey', line: 4, column: 16, severity: 'error', suggestions: [{ title: 'GENERATE', output: 'mqtt:\n  server: mqtt://localhost\nadvanced:\n  network_key: GENERATE\n' }] }],
    },
    {
      lang: 'yaml',
      code: `advanced:\n  network_key: ${CUSTOM}\n`,
      errors: [{ messageId: 'literalKey', line: 2, suggestions: [{ output: "advanced:\n  network_key: '!secret network_key'\n", files: { 'secret.yaml': `network_key: ${CUSTOM}\n`, '.gitignore': 'secret.yaml\n' } }] }],
    },
    {
      lang: 'yaml',
      name: 'block-style array in a test fixture',
      filePath: 'test/fixtures/z2m.yaml',
      code: 'advanced:\n  network_key:\n    - 1\n    - 3\n    - 5\n    - 7\n    - 9\n    - 11\n    - 13\n    - 15\n    - 0\n    - 2\n    - 4\n    - 6\n    - 8\n    - 10\n    - 12\n    - 13\n',
      errors: [{ messageId: 'defaultKey', severity: 'info', suggestions: [{ output: 'advanced:\n  network_key:\n    GENERATE\n' }] }],
    },
  ],
});
