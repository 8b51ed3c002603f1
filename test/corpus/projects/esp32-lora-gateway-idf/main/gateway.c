#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "esp_https_ota.h"
#include "esp_crt_bundle.h"
#include "nvs_flash.h"

void uplink_start(void);
void backhaul_start(void);

static void ota_task(void *arg)
{
    esp_http_client_config_t http = {
        .url = "https://fw.lora-farm.net/gw/latest.bin",
        .crt_bundle_attach = esp_crt_bundle_attach,
    };
    esp_https_ota_config_t ota = { .http_config = &http };
    for (;;) {
        if (esp_https_ota(&ota) == ESP_OK) esp_restart();
        vTaskDelay(pdMS_TO_TICKS(86400000));
    }
}

void app_main(void)
{
    ESP_ERROR_CHECK(nvs_flash_init());
    uplink_start();
    backhaul_start();
    xTaskCreate(ota_task, "ota", 8192, NULL, 3, NULL);
}
