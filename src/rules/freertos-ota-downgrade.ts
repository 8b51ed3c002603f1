import { stringValue } from '../core/fact-helpers';
import { defineRule } from '../core/rule';
import { DOWNGRADE_ATTACK } from './data/update-triggers';

const ALLOW_DOWNGRADE = 'otaconfigAllowDowngrade';
const TRUE_VALUE = /^(?:1[uUlL]{0,3}|true|pdTRUE)$/;
const CERT_NAMES: readonly string[] = ['otapalconfigCODE_SIGNING_CERTIFICATE', 'signingcredentialSIGNING_CERTIFICATE_PEM'];
/** The demo placeholders ("Insert code signing certificate...", "Paste code signing certificate here."). */
const CERT_PLACEHOLDER = /^\s*(?:insert|paste)\b[^-]{0,40}\bcertificate\b/i;

/** Flags FreeRTOS / AWS IoT OTA configs that allow firmware downgrades or still carry the placeholder code-signing certificate. */
export const freertosOtaDowngrade = defineRule({
  meta: {
    id: 'freertos-ota-downgrade',
    title: 'AWS IoT OTA allows downgrades or lacks a code-signing certificate',
    description: 'Flags `#define otaconfigAllowDowngrade 1U` and the placeholder code-signing certificate in FreeRTOS / AWS IoT OTA configs.',
    category: 'unsigned-update',
    severity: 'error',
    cwe: ['CWE-1328', 'CWE-347'],
    practice: 4,
    attack: DOWNGRADE_ATTACK,
    languages: ['c', 'cpp'],
    messages: {
      allowDowngrade: 'otaconfigAllowDowngrade is {{value}}: the OTA agent accepts images older than the running one ("provided for testing purpose"), so vulnerable firmware can be re-installed.',
      placeholderCert: '{{name}} is still the demo placeholder: OTA signature checks cannot succeed, which invites stubbing out the PAL signature check — provision your code-signing certificate.',
    },
    docs: {
      what: 'ota_config.h with otaconfigAllowDowngrade set to 1/1U, and otapalconfigCODE_SIGNING_CERTIFICATE / signingcredentialSIGNING_CERTIFICATE_PEM left at "Insert/Paste code signing certificate…".',
      why: 'With downgrades allowed the OTA self-test skips the version check, so an attacker with any older signed image can roll a device back to a known-vulnerable release; a placeholder certificate means signature checks fail closed until someone "fixes" the PAL.',
      fix: 'Set otaconfigAllowDowngrade to 0U (the library default) and paste the public code-signing certificate used by your AWS Signer profile.',
      references: ['AWS-01', 'AWS-02', 'aws/ota-for-aws-iot-embedded-sdk source/include/ota_config_defaults.h', 'aws/amazon-freertos demos/include/aws_ota_codesigner_certificate.h'],
    },
  },
  keywords: ['otaconfigallowdowngrade', 'code_signing_certificate', 'signing_certificate_pem'],
  check(ctx) {
    for (const a of ctx.facts.assignments) {
      if (a.name === ALLOW_DOWNGRADE && a.kind === 'define' && TRUE_VALUE.test(a.value.text.replace(/^\(|\)$/g, '').trim())) {
        ctx.report({
          messageId: 'allowDowngrade',
          data: { value: a.value.text },
          range: a.range,
          // A suggestion: a test setup may rely on downgrades; production builds must not.
          suggestions: [{ title: 'Set otaconfigAllowDowngrade to 0U', edits: [{ range: a.value.range, text: '0U' }] }],
        });
        continue;
      }
      const cert = CERT_NAMES.includes(a.name) ? stringValue(a.value) : undefined;
      if (cert !== undefined && CERT_PLACEHOLDER.test(cert)) {
        ctx.report({ messageId: 'placeholderCert', data: { name: a.name }, range: a.range, severity: 'info' });
      }
    }
  },
});
