/* Minimal pull-OTA: stream the image with esp_http_client and write it with esp_ota_*. */
#include "esp_log.h"
#include "esp_ota_ops.h"
#include "esp_http_client.h"
#include "esp_system.h"

#include "irrigation.h"

static const char *TAG = "ota";
static char s_buf[2048];

esp_err_t ota_update_from(const char *url)
{
    esp_http_client_config_t cfg = { .url = url, .timeout_ms = 10000 };
    esp_http_client_handle_t http = esp_http_client_init(&cfg);
    esp_err_t err = esp_http_client_open(http, 0);
    if (err != ESP_OK) {
        esp_http_client_cleanup(http);
        return err;
    }
    esp_http_client_fetch_headers(http);

    esp_ota_handle_t ota = 0;
    const esp_partition_t *next = esp_ota_get_next_update_partition(NULL);
    err = esp_ota_begin(next, OTA_SIZE_UNKNOWN, &ota);
    if (err != ESP_OK) goto out;

    int n;
    while ((n = esp_http_client_read(http, s_buf, sizeof(s_buf))) > 0) {
        err = esp_ota_write(ota, s_buf, n);
        if (err != ESP_OK) goto out;
    }
    err = esp_ota_end(ota);
    if (err == ESP_OK) err = esp_ota_set_boot_partition(next);
    if (err == ESP_OK) {
        ESP_LOGI(TAG, "new image in %s, restarting", next->label);
        esp_restart();
    }
out:
    esp_http_client_close(http);
    esp_http_client_cleanup(http);
    return err;
}
