#pragma once

#define DEVICE_NAME      "garage-sensor"
#define MQTT_HOST        "mqtt.garagehq.net"
#define MQTT_PORT        8883
#define MQTT_USER        "garage-sensor-01"
#define TOPIC_STATE      "garagehq/door/state"
#define TOPIC_CMD        "garagehq/door/cmd"

#define FW_HOST          "updates.garagehq.net"
#define FW_VERSION       "1.7.3"

#define PIN_REED         D5
#define PIN_TRIG         D6
#define PIN_ECHO         D7
