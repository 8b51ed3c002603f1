import { defineRule } from '../core/rule';
import { UNSIGNED_UPDATE_ATTACK } from './data/update-triggers';

const SKIP_VALIDATE = 'esp_ota_set_boot_partition_skip_validate';
const VALIDATING = 'esp_ota_set_boot_partition';

/** Flags `esp_ota_set_boot_partition_skip_validate()`, which selects a boot partition without verifying its image. */
export const otaSkipValidate = defineRule({
  meta: {
    id: 'ota-skip-validate',
    title: 'OTA boot partition set without image validation',
    description: 'Flags calls to esp_ota_set_boot_partition_skip_validate(), which makes the next boot use an image that was never validated or signature-checked.',
    category: 'unsigned-update',
    severity: 'warning',
    cwe: ['CWE-347', 'CWE-494'],
    practice: 4,
    attack: UNSIGNED_UPDATE_ATTACK,
    languages: ['c', 'cpp'],
    messages: {
      skipValidate: 'esp_ota_set_boot_partition_skip_validate() selects the next boot partition "without validating the image": a corrupt or unsigned image is booted as-is.',
    },
    docs: {
      what: 'A call to esp_ota_set_boot_partition_skip_validate() in application code.',
      why: 'esp_ota_set_boot_partition() verifies the image (and its signature when signed apps are required) before switching; the skip variant bypasses that check (esp_ota_ops.h).',
      fix: 'Call esp_ota_set_boot_partition() instead, and handle its error.',
      references: ['IDF-SB-14', 'espressif/esp-idf components/app_update/include/esp_ota_ops.h'],
    },
  },
  keywords: ['skip_validate'],
  check(ctx) {
    for (const call of ctx.facts.calls) {
      if (call.name !== SKIP_VALIDATE || call.receiver) continue;
      ctx.report({
        messageId: 'skipValidate',
        range: call.range,
        // A suggestion: the validating call can fail where the old one did not; the caller must handle that.
        suggestions: [{
          title: `Use ${VALIDATING}() (validates the image first)`,
          edits: [{ range: call.calleeRange, text: VALIDATING }],
        }],
      });
    }
  },
});
