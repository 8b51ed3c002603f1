#ifndef SMARTPLUG_CONFIG_H
#define SMARTPLUG_CONFIG_H

// ---- network ----
#define STASSID "PlugHouse"
#define STAPSK  "sm4rtPlug!Kitchen"

// ---- broker ----
#define MQTT_BROKER "mqtt.plugworks.net"
#define MQTT_PORT   1883
#define MQTT_CLIENT "plug-kitchen-01"

// ---- firmware ----
#define FW_VERSION "2.3.0"
#define FW_UPDATE_URL "http://updates.plugworks.net/esp8266/plug.bin"

#endif
