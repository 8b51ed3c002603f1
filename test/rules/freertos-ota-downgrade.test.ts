import { freertosOtaDowngrade } from '../../src/rules/freertos-ota-downgrade';
import { ruleTester } from '../harness/rule-tester';

const CERT = '"-----BEGIN CERTIFICATE-----\\n"\n"MIIBXTCCAQOgAwIBAgIJAL1p\\n"\n"-----END CERTIFICATE-----\\n"';

ruleTester.run(freertosOtaDowngrade, {
  valid: [
    { lang: 'c', filePath: 'config/ota_config.h', code: '#define otaconfigMAX_NUM_BLOCKS_REQUEST    1U\n#define otaconfigAllowDowngrade    0U\n' },
    { lang: 'c', code: '#ifndef otaconfigAllowDowngrade\n    #define otaconfigAllowDowngrade    0U\n#endif\n', name: 'library default' },
    { lang: 'c', code: `#define otapalconfigCODE_SIGNING_CERTIFICATE \\\n${CERT}\n`, name: 'real certificate' },
    { lang: 'cpp', code: `static const char signingcredentialSIGNING_CERTIFICATE_PEM[] = ${CERT};\n` },
    { lang: 'cpp', code: 'if (otaconfigAllowDowngrade == 1U) { LogWarn(("bypassing version check")); }\n', name: 'a comparison, not the define' },
  ],
  invalid: [
    {
      lang: 'c', filePath: 'config/ota_config.h', name: 'AWS-01',
      code: '#define otaconfigMAX_NUM_BLOCKS_REQUEST    1U\n#define otaconfigAllowDowngrade    1U\n',
      errors: [{
        messageId: 'allowDowngrade', data: { value: '1U' }, line: 2, column: 1, severity: 'error',
        suggestions: [{ title: '0U', output: '#define otaconfigMAX_NUM_BLOCKS_REQUEST    1U\n#define otaconfigAllowDowngrade    0U\n' }],
      }],
    },
    {
      lang: 'cpp', filePath: 'include/ota_config.h', name: 'AWS-01 plain 1',
      code: '#define otaconfigAllowDowngrade 1\n',
      errors: [{ messageId: 'allowDowngrade', data: { value: '1' }, suggestions: [{ output: '#define otaconfigAllowDowngrade 0U\n' }] }],
    },
    {
      lang: 'c', filePath: 'demos/include/ota_demo_config.h', name: 'AWS-02 placeholder (demo folder: engine lowers info stays info)',
      code: '#define otapalconfigCODE_SIGNING_CERTIFICATE "Insert code signing certificate..."\n',
      errors: [{ messageId: 'placeholderCert', data: { name: 'otapalconfigCODE_SIGNING_CERTIFICATE' }, line: 1, severity: 'info' }],
    },
    {
      lang: 'cpp', filePath: 'src/aws_ota_codesigner_certificate.h', name: 'AWS-02 Amazon FreeRTOS placeholder',
      code: 'static const char signingcredentialSIGNING_CERTIFICATE_PEM[] = "Paste code signing certificate here.";\n',
      errors: [{ messageId: 'placeholderCert', data: { name: 'signingcredentialSIGNING_CERTIFICATE_PEM' }, severity: 'info' }],
    },
  ],
});
