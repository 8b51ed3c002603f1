#pragma once

// Broker and cloud endpoints used by the controller.
#define MQTT_BROKER_HOST "broker.greenhouse-iot.net"
#define MQTT_BROKER_PORT 1883
#define MQTT_USER "gh-node"
#define MQTT_TOPIC_TELEMETRY "greenhouse/01/telemetry"

// Firmware updates are pulled from the update server.
#define FIRMWARE_URL "http://updates.greenhouse-iot.net/fw/greenhouse-latest.bin"

// Local dashboard during development only.
#define DEV_DASHBOARD_URL "http://localhost:8080/api"
