#include <Arduino.h>
#include <ESP8266WiFi.h>
#include <ESP8266httpUpdate.h>

#include "config.h"

// Pull-based update: the broker sends "update", the sensor asks the update server for a newer build.
void checkFirmwareUpdate() {
  WiFiClient plain;
  ESPhttpUpdate.rebootOnUpdate(true);
  ESPhttpUpdate.setLedPin(LED_BUILTIN, LOW);
  t_httpUpdate_return ret = ESPhttpUpdate.update(plain, FW_HOST, 80, "/garage/d1mini/firmware.bin", FW_VERSION);
  if (ret == HTTP_UPDATE_FAILED) {
    Serial.printf("update failed: %s\n", ESPhttpUpdate.getLastErrorString().c_str());
  }
}
