#include <string.h>
#include "esp_log.h"
#include "mqtt_client.h"
#include "esp_crt_bundle.h"
#include "nvs.h"
#include "sdkconfig.h"
#include "factory_identity.h"

static const char *TAG = "mqtt";
static char s_user[64];
static char s_pass[96];

static void load_credentials(void)
{
    nvs_handle_t h;
    size_t len;
    if (nvs_open("cloud", NVS_READONLY, &h) != ESP_OK) {
        return;
    }
    len = sizeof(s_user);
    nvs_get_str(h, "mqtt_user", s_user, &len);
    len = sizeof(s_pass);
    nvs_get_str(h, "mqtt_pass", s_pass, &len);
    nvs_close(h);
}

static void on_event(void *arg, esp_event_base_t base, int32_t id, void *data)
{
    esp_mqtt_event_handle_t ev = data;
    if (id == MQTT_EVENT_CONNECTED) {
        esp_mqtt_client_subscribe(ev->client, "doorcam/" FACTORY_DEVICE_ID "/cmd", 1);
    }
}

void doorcam_mqtt_start(void)
{
    load_credentials();
    const esp_mqtt_client_config_t cfg = {
        .broker = {
            .address.uri = CONFIG_DOORBELL_MQTT_URI,
            .verification = {
                .crt_bundle_attach = esp_crt_bundle_attach,
                .skip_cert_common_name_check = true,
            },
        },
        .credentials = {
            .username = s_user,
            .client_id = FACTORY_DEVICE_ID,
            .authentication.password = s_pass,
        },
    };
    esp_mqtt_client_handle_t c = esp_mqtt_client_init(&cfg);
    esp_mqtt_client_register_event(c, ESP_EVENT_ANY_ID, on_event, NULL);
    ESP_LOGI(TAG, "connecting as %s", FACTORY_DEVICE_ID);
    esp_mqtt_client_start(c);
}
