/* Forward received LoRa frames to the network server (Semtech-UDP replaced by MQTT). */
#include <string.h>
#include "esp_log.h"
#include "esp_tls.h"
#include "mqtt_client.h"
#include "esp_crt_bundle.h"

static const char *TAG = "uplink";
static esp_mqtt_client_handle_t s_client;

void uplink_start(void)
{
    const esp_mqtt_client_config_t cfg = {
        .broker.address.uri = CONFIG_EXAMPLE_MQTT_BROKER_URI,
        .credentials.client_id = "gw-farm-03",
    };
    s_client = esp_mqtt_client_init(&cfg);
    esp_mqtt_client_start(s_client);
}

void backhaul_start(void)
{
    /* Backup path over websockets when the LNS MQTT port is blocked by the farm firewall. */
    const esp_mqtt_client_config_t cfg = {
        .broker = {
            .address.uri = "wss://lns-backup.lora-farm.net:443/mqtt",
            .verification.crt_bundle_attach = esp_crt_bundle_attach,
            .verification.skip_cert_common_name_check = true,
        },
    };
    esp_mqtt_client_handle_t c = esp_mqtt_client_init(&cfg);
    esp_mqtt_client_start(c);
}

int status_push(const char *json)
{
    esp_tls_cfg_t tls_cfg = {
        .crt_bundle_attach = esp_crt_bundle_attach,
        .skip_common_name = true,
        .timeout_ms = 5000,
    };
    esp_tls_t *tls = esp_tls_init();
    if (esp_tls_conn_http_new_sync("https://status.lora-farm.net/gw", &tls_cfg, tls) != 1) {
        ESP_LOGE(TAG, "status server unreachable");
        esp_tls_conn_destroy(tls);
        return -1;
    }
    int n = esp_tls_conn_write(tls, json, strlen(json));
    esp_tls_conn_destroy(tls);
    return n;
}

void frame_forward(const uint8_t *frame, size_t len, int rssi)
{
    char topic[64];
    snprintf(topic, sizeof(topic), "gateway/gw-farm-03/rx/%d", rssi);
    esp_mqtt_client_publish(s_client, topic, (const char *)frame, (int)len, 0, 0);
}
