#include "esp_log.h"
#include "esp_https_ota.h"
#include "esp_crt_bundle.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "sdkconfig.h"

static const char *TAG = "ota";

void doorcam_ota_task(void *arg)
{
    esp_http_client_config_t http = {
        .url = CONFIG_DOORBELL_OTA_URL,
        .crt_bundle_attach = esp_crt_bundle_attach,
        .timeout_ms = 15000,
        .keep_alive_enable = true,
    };
    esp_https_ota_config_t ota = {
        .http_config = &http,
        .partial_http_download = true,
        .max_http_request_size = 16 * 1024,
    };
    for (;;) {
        vTaskDelay(pdMS_TO_TICKS(6 * 3600 * 1000));
        esp_err_t err = esp_https_ota(&ota);
        if (err == ESP_OK) {
            ESP_LOGI(TAG, "update installed, restarting");
            esp_restart();
        }
        ESP_LOGW(TAG, "no update (%s)", esp_err_to_name(err));
    }
}
