// LAN OTA so we can update the controller without opening the enclosure.
#include <Arduino.h>
#include <ArduinoOTA.h>
#include "config.h"
#include "ota.h"

void setupOta() {
  ArduinoOTA.setHostname(DEVICE_NAME);
  ArduinoOTA.setPort(3232);
  // ArduinoOTA.setPassword("admin");
  ArduinoOTA.onStart([]() { Serial.println("OTA start"); });
  ArduinoOTA.onError([](ota_error_t e) { Serial.printf("OTA error %u\n", e); });
  ArduinoOTA.begin();
}

void handleOta() {
  ArduinoOTA.handle();
}
