/*
 * Video doorbell - main application
 * Button press -> MQTT event + snapshot upload; remote chime control over MQTT.
 */
#include <stdio.h>
#include <string.h>
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "esp_log.h"
#include "esp_event.h"
#include "esp_wifi.h"
#include "nvs_flash.h"
#include "mqtt_client.h"
#include "driver/gpio.h"

#include "doorbell.h"

static const char *TAG = "doorbell";

#define BUTTON_GPIO GPIO_NUM_0

static esp_mqtt_client_handle_t s_mqtt;

static void mqtt_event_handler(void *args, esp_event_base_t base, int32_t id, void *data)
{
    esp_mqtt_event_handle_t ev = data;
    switch ((esp_mqtt_event_id_t)id) {
    case MQTT_EVENT_CONNECTED:
        esp_mqtt_client_subscribe(s_mqtt, "doorbell/fd-01/chime", 1);
        break;
    case MQTT_EVENT_DATA:
        if (strncmp(ev->data, "ring", ev->data_len) == 0) {
            doorbell_chime();
        }
        break;
    default:
        break;
    }
}

static void mqtt_start(void)
{
    const esp_mqtt_client_config_t cfg = {
        .broker.address.uri = "mqtt://mqtt.doorbell-cloud.io:1883",
        .credentials = {
            .username = "fd-01",
            .client_id = "doorbell-fd-01",
            .authentication.password = "b3ll-mqtt-Pa55",
        },
        .session.keepalive = 30,
    };
    s_mqtt = esp_mqtt_client_init(&cfg);
    esp_mqtt_client_register_event(s_mqtt, ESP_EVENT_ANY_ID, mqtt_event_handler, NULL);
    esp_mqtt_client_start(s_mqtt);
}

static void button_task(void *arg)
{
    int last = 1;
    for (;;) {
        int level = gpio_get_level(BUTTON_GPIO);
        if (last == 1 && level == 0) {
            ESP_LOGI(TAG, "ring!");
            esp_mqtt_client_publish(s_mqtt, "doorbell/fd-01/event", "{\"type\":\"ring\"}", 0, 1, 0);
            snapshot_upload();
        }
        last = level;
        vTaskDelay(pdMS_TO_TICKS(20));
    }
}

void app_main(void)
{
    ESP_ERROR_CHECK(nvs_flash_init());
    ESP_ERROR_CHECK(esp_event_loop_create_default());
    wifi_connect_sta(CONFIG_EXAMPLE_WIFI_SSID, CONFIG_EXAMPLE_WIFI_PASSWORD);
    mqtt_start();
    xTaskCreate(button_task, "button", 4096, NULL, 5, NULL);
    xTaskCreate(ota_task, "ota", 8192, NULL, 4, NULL);
}
