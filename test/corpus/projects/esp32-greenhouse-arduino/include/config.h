#pragma once
// Greenhouse controller - site configuration.

#define DEVICE_NAME        "greenhouse-ctrl"
#define MQTT_BROKER        "broker.hivemq.com"
#define MQTT_PORT          1883
#define MQTT_USER          "greenhouse"
#define MQTT_PASSWORD      "Vz9-kLm2!pQw"
#define MQTT_TOPIC_PREFIX  "gh/north/"

#define SAMPLE_INTERVAL_MS 30000
#define VENT_OPEN_TEMP_C   29.5f
#define VENT_CLOSE_TEMP_C  26.0f
