/*
  user_config_override.h - site overrides for the barn light switches (Tasmota 13.x)
*/
#ifndef _USER_CONFIG_OVERRIDE_H_
#define _USER_CONFIG_OVERRIDE_H_

#undef  STA_SSID1
#define STA_SSID1         "BarnLights"
#undef  STA_PASS1
#define STA_PASS1         "B4rnL1ghts-WPA2"

#undef  MQTT_HOST
#define MQTT_HOST         "mqtt.barn-automation.net"
#undef  MQTT_PORT
#define MQTT_PORT         1883
#undef  MQTT_USER
#define MQTT_USER         "barnlights"
#undef  MQTT_PASS
#define MQTT_PASS         "h4yb4le-mqtt"

#undef  WEB_PASSWORD
#define WEB_PASSWORD      ""

#undef  OTA_URL
#define OTA_URL           "http://ota.barn-automation.net/tasmota/tasmota-lite.bin.gz"

#undef  APP_TIMEZONE
#define APP_TIMEZONE      99

#endif  // _USER_CONFIG_OVERRIDE_H_
