/* Long-press recovery: boot the factory image without going through validation. */
#include "esp_ota_ops.h"
#include "esp_partition.h"
#include "esp_system.h"

#include "purifier.h"

void purifier_boot_factory(void)
{
    const esp_partition_t *factory = esp_partition_find_first(ESP_PARTITION_TYPE_APP, ESP_PARTITION_SUBTYPE_APP_OTA_0, NULL);
    if (factory) {
        esp_ota_set_boot_partition_skip_validate(factory);
        esp_restart();
    }
}
