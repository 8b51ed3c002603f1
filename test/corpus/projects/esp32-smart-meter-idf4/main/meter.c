/* Smart meter firmware (ESP-IDF v4.3): DLMS readout -> MQTT, HTTPS OTA. */
#include <string.h>
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "esp_log.h"
#include "esp_https_ota.h"
#include "mqtt_client.h"

static const char *TAG = "meter";
extern const char citygrid_ca_pem_start[] asm("_binary_citygrid_ca_pem_start");

static void mqtt_start(void)
{
    esp_mqtt_client_config_t cfg = {
        .uri = CONFIG_METER_MQTT_URI,
        .cert_pem = citygrid_ca_pem_start,
        .username = "meter-0815",
        .password = CONFIG_METER_MQTT_PASSWORD,
    };
    esp_mqtt_client_handle_t c = esp_mqtt_client_init(&cfg);
    esp_mqtt_client_start(c);
}

static void ota_task(void *arg)
{
    esp_http_client_config_t http = {
        .url = CONFIG_METER_FW_URL,
        .cert_pem = citygrid_ca_pem_start,
    };
    for (;;) {
        if (esp_https_ota(&http) == ESP_OK) {
            ESP_LOGI(TAG, "OTA ok");
            esp_restart();
        }
        vTaskDelay(pdMS_TO_TICKS(3600 * 1000));
    }
}

void app_main(void)
{
    mqtt_start();
    xTaskCreate(ota_task, "ota", 8192, NULL, 3, NULL);
}
