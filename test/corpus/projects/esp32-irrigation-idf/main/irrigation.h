#pragma once
#include <stddef.h>
#include "esp_err.h"

#define VALVE_COUNT 4
#define FW_SERVER_HOST "fw.agri-valves.net"

esp_err_t ota_update_from(const char *url);
int weather_api_get(const char *path, char *out, size_t out_len);
