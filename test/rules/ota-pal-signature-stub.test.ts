import { otaPalSignatureStub } from '../../src/rules/ota-pal-signature-stub';
import { ruleTester } from '../harness/rule-tester';

const STUB = 'OtaPalStatus_t otaPal_CheckFileSignature(OtaFileContext_t * const pFileContext)\n{\n    /* TODO: hook up the code-signing certificate { } */\n    (void)pFileContext;\n    return OTA_PAL_COMBINE_ERR(OtaPalSuccess, 0);\n}\n';

ruleTester.run(otaPalSignatureStub, {
  valid: [
    { lang: 'c', code: 'OtaPalStatus_t otaPal_CheckFileSignature(OtaFileContext_t * const pFileContext)\n{\n    if (prvSignatureVerificationStart(&ctx) != 0) return OTA_PAL_COMBINE_ERR(OtaPalSignatureCheckFailed, 0);\n    return OTA_PAL_COMBINE_ERR(OtaPalSuccess, 0);\n}\n' },
    { lang: 'cpp', code: 'static OTA_Err_t prvPAL_CheckFileSignature(OTA_FileContext_t * const C)\n{\n    int r = mbedtls_pk_verify(&pk, MBEDTLS_MD_SHA256, hash, 32, C->pxSignature->ucData, C->pxSignature->usSize);\n    return r == 0 ? kOTA_Err_None : kOTA_Err_SignatureCheckFailed;\n}\n' },
    { lang: 'c', code: 'OtaPalStatus_t otaPal_CloseFile(OtaFileContext_t * const f)\n{\n    OtaPalStatus_t s = otaPal_CheckFileSignature(f);\n    return s;\n}\n', name: 'a call, not the definition' },
    { lang: 'c', code: '/* OtaPalStatus_t otaPal_CheckFileSignature(OtaFileContext_t * const f) { return 0; } */\n' },
  ],
  invalid: [
    { lang: 'c', code: `#include "ota_pal.h"\n\n${STUB}`, errors: [{ messageId: 'stub', line: 3, column: 16, severity: 'error', data: { name: 'otaPal_CheckFileSignature' } }] },
    {
      lang: 'cpp',
      code: 'static OTA_Err_t prvPAL_CheckFileSignature( OTA_FileContext_t * const C )\n{\n    ( void ) C;\n    OTA_LOG_L1( "[%s] skipped\\n", __func__ );\n    return kOTA_Err_None;\n}\n',
      errors: [{ messageId: 'stub', line: 1, data: { name: 'prvPAL_CheckFileSignature' } }],
    },
  ],
});
