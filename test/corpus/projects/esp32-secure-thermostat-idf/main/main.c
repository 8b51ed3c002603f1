/*
 * Thermostat firmware - OTA and startup.
 * OTA: HTTPS with the certificate bundle, image signature enforced by secure boot V2,
 * secure version checked by the bootloader (anti-rollback).
 */
#include <string.h>
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "esp_log.h"
#include "esp_ota_ops.h"
#include "esp_https_ota.h"
#include "esp_crt_bundle.h"
#include "nvs_flash.h"

#include "thermostat.h"

static const char *TAG = "thermostat";

static esp_err_t validate_image_header(esp_app_desc_t *new_app)
{
    const esp_app_desc_t *running = esp_app_get_description();
    if (memcmp(new_app->version, running->version, sizeof(new_app->version)) == 0) {
        ESP_LOGI(TAG, "already running %s", running->version);
        return ESP_FAIL;
    }
    return ESP_OK;
}

static void ota_check(void)
{
    esp_http_client_config_t http = {
        .url = CONFIG_THERMOSTAT_FIRMWARE_URL,
        .crt_bundle_attach = esp_crt_bundle_attach,
        .timeout_ms = 15000,
        .keep_alive_enable = true,
    };
    esp_https_ota_config_t cfg = { .http_config = &http };
    esp_https_ota_handle_t handle = NULL;
    if (esp_https_ota_begin(&cfg, &handle) != ESP_OK) {
        return;
    }
    esp_app_desc_t desc;
    if (esp_https_ota_get_img_desc(handle, &desc) != ESP_OK || validate_image_header(&desc) != ESP_OK) {
        esp_https_ota_abort(handle);
        return;
    }
    esp_err_t err;
    while ((err = esp_https_ota_perform(handle)) == ESP_ERR_HTTPS_OTA_IN_PROGRESS) {
    }
    if (err == ESP_OK && esp_https_ota_is_complete_data_received(handle) && esp_https_ota_finish(handle) == ESP_OK) {
        ESP_LOGI(TAG, "OTA done, restarting");
        esp_restart();
    }
    esp_https_ota_abort(handle);
}

void app_main(void)
{
    esp_err_t err = nvs_flash_init();
    if (err == ESP_ERR_NVS_NO_FREE_PAGES || err == ESP_ERR_NVS_NEW_VERSION_FOUND) {
        ESP_ERROR_CHECK(nvs_flash_erase());
        err = nvs_flash_init();
    }
    ESP_ERROR_CHECK(err);

    const esp_partition_t *running = esp_ota_get_running_partition();
    esp_ota_img_states_t state;
    if (esp_ota_get_state_partition(running, &state) == ESP_OK && state == ESP_OTA_IMG_PENDING_VERIFY) {
        if (thermostat_self_test() == ESP_OK) {
            esp_ota_mark_app_valid_cancel_rollback();
        } else {
            esp_ota_mark_app_invalid_rollback_and_reboot();
        }
    }
    provisioning_start();
    cloud_start();
    for (;;) {
        ota_check();
        vTaskDelay(pdMS_TO_TICKS(12 * 3600 * 1000));
    }
}
