#include <string.h>
#include "esp_log.h"
#include "nvs.h"
#include "mqtt_client.h"

#include "thermostat.h"

extern const char thermo_cloud_ca_pem_start[] asm("_binary_thermo_cloud_ca_pem_start");

static char s_mqtt_pass[65];

void cloud_start(void)
{
    nvs_handle_t h;
    size_t len = sizeof(s_mqtt_pass);
    ESP_ERROR_CHECK(nvs_open(FACTORY_NVS_NAMESPACE, NVS_READONLY, &h));
    ESP_ERROR_CHECK(nvs_get_str(h, FACTORY_KEY_MQTT_PASS, s_mqtt_pass, &len));
    nvs_close(h);

    const esp_mqtt_client_config_t cfg = {
        .broker = {
            .address.uri = CONFIG_THERMOSTAT_MQTT_URI,
            .verification.certificate = thermo_cloud_ca_pem_start,
        },
        .credentials = {
            .username = "thermostat",
            .authentication.password = s_mqtt_pass,
        },
    };
    esp_mqtt_client_handle_t client = esp_mqtt_client_init(&cfg);
    esp_mqtt_client_start(client);
}
