#include <string.h>
#include "esp_log.h"
#include "esp_http_client.h"
#include "esp_camera.h"

#include "doorbell.h"

static const char *TAG = "snapshot";

void snapshot_upload(void)
{
    camera_fb_t *fb = esp_camera_fb_get();
    if (!fb) {
        ESP_LOGE(TAG, "capture failed");
        return;
    }
    esp_http_client_config_t cfg = {
        .url = "http://media.doorbell-cloud.io/upload/fd-01",
        .method = HTTP_METHOD_POST,
        .timeout_ms = 8000,
    };
    esp_http_client_handle_t client = esp_http_client_init(&cfg);
    esp_http_client_set_header(client, "Content-Type", "image/jpeg");
    esp_http_client_set_post_field(client, (const char *)fb->buf, fb->len);
    esp_err_t err = esp_http_client_perform(client);
    ESP_LOGI(TAG, "upload: %s, status %d", esp_err_to_name(err), esp_http_client_get_status_code(client));
    esp_http_client_cleanup(client);
    esp_camera_fb_return(fb);
}
