import { mosquittoAclWildcard } from '../../src/rules/mosquitto-acl-wildcard';
import { ruleTester } from '../harness/rule-tester';

const SCOPED = `# per-device trees only
user dashboard
topic read #

user zigbee2mqtt
topic readwrite zigbee2mqtt/#
topic readwrite homeassistant/#

pattern readwrite shellies/%c/#

user auditor
topic deny #
`;

ruleTester.run(mosquittoAclWildcard, {
  valid: [
    { lang: 'ini', filePath: 'mosquitto/config/acl', code: SCOPED, name: 'scoped, read-only and deny entries' },
    { lang: 'ini', filePath: 'mosquitto.conf', code: 'connection cloud\naddress mqtt.acme-iot.com:8883\ntopic # both 0\n', name: 'a bridge topic in mosquitto.conf is not an ACL' },
    { lang: 'ini', filePath: 'broker/users.acl', code: 'user plug-7\ntopic readwrite plug-7/#\ntopic write plug-7/#/set\n' },
  ],
  invalid: [
    {
      lang: 'ini', filePath: 'mosquitto/config/acl', name: 'device account with readwrite #',
      code: '# Home Assistant\nuser homeassistant\ntopic readwrite #\n\nuser shellyplug-lounge\ntopic readwrite #\n',
      errors: [
        { messageId: 'hubWildcard', line: 3, severity: 'info', data: { user: 'homeassistant', access: 'readwrite' } },
        {
          messageId: 'userWildcard', line: 6, column: 1, severity: 'warning', data: { user: 'shellyplug-lounge', access: 'readwrite' },
          suggestions: [{ output: '# Home Assistant\nuser homeassistant\ntopic readwrite #\n\nuser shellyplug-lounge\ntopic readwrite shellyplug-lounge/#\n' }],
        },
      ],
    },
    {
      lang: 'ini', filePath: 'deploy/mosquitto.acl', name: 'anonymous entry (before any user) and a bare topic #',
      code: 'topic #\nuser sensor\ntopic write #\n',
      errors: [
        { messageId: 'anonymousWildcard', line: 1, data: { access: 'readwrite' } },
        { messageId: 'userWildcard', line: 3, data: { user: 'sensor', access: 'write' }, suggestions: [{ output: 'topic #\nuser sensor\ntopic write sensor/#\n' }] },
      ],
    },
    {
      lang: 'ini', filePath: 'etc/aclfile', name: 'pattern for every client',
      code: 'pattern readwrite #\n',
      errors: [{ messageId: 'patternWildcard', line: 1, suggestions: [{ output: 'pattern readwrite %c/#\n' }] }],
    },
  ],
});
