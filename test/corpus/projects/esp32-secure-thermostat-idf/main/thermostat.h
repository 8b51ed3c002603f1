#pragma once
#include "esp_err.h"

esp_err_t thermostat_self_test(void);
void provisioning_start(void);
void cloud_start(void);

/* Factory NVS namespace + keys (values are provisioned per device, stored encrypted). */
#define FACTORY_NVS_NAMESPACE "factory"
#define FACTORY_KEY_POP       "prov_pop"
#define FACTORY_KEY_MQTT_PASS "mqtt_pass"
