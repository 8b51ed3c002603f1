#include <string.h>
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "esp_log.h"
#include "esp_event.h"
#include "esp_netif.h"
#include "nvs_flash.h"
#include "esp_ota_ops.h"
#include "esp_camera.h"

#include "factory_identity.h"

void doorcam_mqtt_start(void);
void doorcam_ota_task(void *arg);

static const char *TAG = "doorcam";

static void confirm_image_if_pending(void)
{
    const esp_partition_t *running = esp_ota_get_running_partition();
    esp_ota_img_states_t state;
    if (esp_ota_get_state_partition(running, &state) == ESP_OK && state == ESP_OTA_IMG_PENDING_VERIFY) {
        /* camera + network came up: keep this image */
        esp_ota_mark_app_valid_cancel_rollback();
    }
}

void app_main(void)
{
    esp_err_t err = nvs_flash_init();
    if (err == ESP_ERR_NVS_NO_FREE_PAGES || err == ESP_ERR_NVS_NEW_VERSION_FOUND) {
        ESP_ERROR_CHECK(nvs_flash_erase());
        err = nvs_flash_init();
    }
    ESP_ERROR_CHECK(err);
    ESP_ERROR_CHECK(esp_netif_init());
    ESP_ERROR_CHECK(esp_event_loop_create_default());

    ESP_LOGI(TAG, "Doorcam %s (hw %s)", FACTORY_FW_LINE, FACTORY_HW_REVISION);
    doorcam_mqtt_start();
    confirm_image_if_pending();
    xTaskCreate(doorcam_ota_task, "ota", 8192, NULL, 4, NULL);
}
