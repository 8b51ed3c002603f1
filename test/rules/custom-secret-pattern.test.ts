import { customSecretPattern } from '../../src/rules/custom-secret-pattern';
import { ruleTester } from '../harness/rule-tester';

const config = { secretPatterns: [{ id: 'acme-device-token', regex: /\bacme_[0-9a-f]{24}\b/, description: 'ACME fleet token' }] };
const TOK = 'acme_0123456789abcdef01234567';

ruleTester.run(customSecretPattern, {
  valid: [
    { lang: 'c', code: `#define DEVICE_TOKEN "${TOK}"\n`, name: 'no patterns configured' },
    { lang: 'c', code: '#define TOKEN "acme_notahexvalue"\n', config },
    { lang: 'cpp', code: `// ${TOK} in a comment is not a string\nint x = 1;\n`, config },
    { lang: 'python', code: 'TOKEN = os.environ["ACME_TOKEN"]\n', config },
    { lang: 'javascript', code: "const t = 'acme_';\n", config },
    { lang: 'typescript', code: "const t: string = process.env.ACME ?? '';\n", config },
    { lang: 'yaml', code: 'device:\n  token: !secret acme_token\n', config },
    { lang: 'json', code: '{ "token": "acme_short" }', config },
    { lang: 'ini', code: '[device]\ntoken = ${sysenv.ACME}\n', config },
    { lang: 'kconfig', code: 'CONFIG_ACME_TOKEN=""\n', config },
    { lang: 'dotenv', code: 'ACME_TOKEN=\n', config },
  ],
  invalid: [
    { lang: 'c', code: `#define TOKEN "${TOK}"\n`, config, errors: [{ messageId: 'match', data: { id: 'acme-device-token' }, line: 1, column: 16, secret: TOK }] },
    { lang: 'cpp', code: `String hdr = "Bearer ${TOK}";\n`, config, errors: [{ messageId: 'match', column: 22 }] },
    { lang: 'python', code: `client.auth("${TOK}")\n`, config, filePath: 'tests/test_client.py', errors: [{ messageId: 'match', severity: 'info' }] },
    { lang: 'javascript', code: `fetch(url, { headers: { 'X-Token': '${TOK}' } });\n`, config, errors: [{ messageId: 'match' }] },
    { lang: 'typescript', code: `const token: string = '${TOK}';\n`, config, errors: [{ messageId: 'match' }] },
    { lang: 'yaml', code: `device:\n  token: ${TOK}\n`, config, errors: [{ messageId: 'match', line: 2, column: 10 }] },
    { lang: 'json', code: `{ "token": "${TOK}" }`, config, errors: [{ messageId: 'match' }] },
    { lang: 'ini', code: `[device]\ntoken = ${TOK}\n`, config, errors: [{ messageId: 'match' }] },
    { lang: 'kconfig', code: `CONFIG_ACME_TOKEN="${TOK}"\n`, config, errors: [{ messageId: 'match' }] },
    { lang: 'dotenv', code: `ACME_TOKEN=${TOK}\n`, config, errors: [{ messageId: 'match' }] },
  ],
});
