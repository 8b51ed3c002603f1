#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "esp_log.h"
#include "esp_https_ota.h"
#include "nvs_flash.h"

#include "purifier.h"

static const char *TAG = "ap300";
extern const char ota_server_ca_pem_start[] asm("_binary_ota_server_ca_pem_start");

#define OTA_URL "https://ota.airpure-devices.com/ap300/firmware.bin"

static void ota_task(void *arg)
{
    esp_http_client_config_t http = {
        .url = OTA_URL,
        .cert_pem = ota_server_ca_pem_start,
        .timeout_ms = 20000,
    };
    esp_https_ota_config_t ota = { .http_config = &http };
    for (;;) {
        if (esp_https_ota(&ota) == ESP_OK) {
            ESP_LOGI(TAG, "updated, rebooting");
            esp_restart();
        }
        vTaskDelay(pdMS_TO_TICKS(24 * 3600 * 1000));
    }
}

void app_main(void)
{
    ESP_ERROR_CHECK(nvs_flash_init());
    purifier_provisioning_start();
    purifier_fan_init();
    xTaskCreate(ota_task, "ota", 8192, NULL, 3, NULL);
}
