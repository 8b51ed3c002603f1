#include <string.h>
#include "esp_log.h"
#include "nvs.h"
#include "network_provisioning/manager.h"
#include "network_provisioning/scheme_ble.h"

#include "thermostat.h"

static const char *TAG = "prov";

/* Per-device SRP6a salt/verifier are generated at manufacturing and stored in encrypted NVS. */
static esp_err_t load_factory_blob(const char *key, void *out, size_t *len)
{
    nvs_handle_t h;
    esp_err_t err = nvs_open(FACTORY_NVS_NAMESPACE, NVS_READONLY, &h);
    if (err != ESP_OK) return err;
    err = nvs_get_blob(h, key, out, len);
    nvs_close(h);
    return err;
}

void provisioning_start(void)
{
    network_prov_mgr_config_t config = {
        .scheme = network_prov_scheme_ble,
        .scheme_event_handler = NETWORK_PROV_SCHEME_BLE_EVENT_HANDLER_FREE_BTDM,
    };
    ESP_ERROR_CHECK(network_prov_mgr_init(config));

    bool provisioned = false;
    ESP_ERROR_CHECK(network_prov_mgr_is_wifi_provisioned(&provisioned));
    if (provisioned) {
        network_prov_mgr_deinit();
        return;
    }
    static uint8_t salt[16];
    static uint8_t verifier[384];
    size_t salt_len = sizeof(salt), verifier_len = sizeof(verifier);
    ESP_ERROR_CHECK(load_factory_blob("srp_salt", salt, &salt_len));
    ESP_ERROR_CHECK(load_factory_blob("srp_verifier", verifier, &verifier_len));

    network_prov_security2_params_t sec2 = {
        .salt = (const char *)salt, .salt_len = salt_len,
        .verifier = (const char *)verifier, .verifier_len = verifier_len,
    };
    uint8_t service_uuid[] = {
        0xb4, 0xdf, 0x5a, 0x1c, 0x3f, 0x6b, 0xf4, 0xbf,
        0xea, 0x4a, 0x82, 0x03, 0x04, 0x90, 0x1a, 0x02,
    };
    network_prov_scheme_ble_set_service_uuid(service_uuid);
    ESP_LOGI(TAG, "starting BLE provisioning (security 2)");
    ESP_ERROR_CHECK(network_prov_mgr_start_provisioning(NETWORK_PROV_SECURITY_2, &sec2, "PROV_THERMO", NULL));
}
