#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "esp_log.h"
#include "esp_https_ota.h"
#include "esp_crt_bundle.h"
#include "esp_system.h"

#include "doorbell.h"

static const char *TAG = "ota";

void ota_task(void *arg)
{
    for (;;) {
        esp_http_client_config_t http = {
            .url = CONFIG_DOORBELL_FIRMWARE_URL,
            .crt_bundle_attach = esp_crt_bundle_attach,
            .skip_cert_common_name_check = true,
            .timeout_ms = 10000,
            .keep_alive_enable = true,
        };
        esp_https_ota_config_t ota = { .http_config = &http };
        esp_err_t err = esp_https_ota(&ota);
        if (err == ESP_OK) {
            ESP_LOGI(TAG, "update installed, rebooting");
            esp_restart();
        }
        ESP_LOGW(TAG, "no update (%s)", esp_err_to_name(err));
        vTaskDelay(pdMS_TO_TICKS(6 * 3600 * 1000));
    }
}
