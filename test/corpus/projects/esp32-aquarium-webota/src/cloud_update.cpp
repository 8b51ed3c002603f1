// Nightly check against the vendor update server.
#include <Arduino.h>
#include <WiFi.h>
#include <HTTPUpdate.h>

void cloudUpdateCheck() {
  WiFiClient client;
  t_httpUpdate_return ret = httpUpdate.update(client, "http://update.aquatronics.io/esp32/aquarium.bin");
  if (ret == HTTP_UPDATE_FAILED) {
    Serial.println(httpUpdate.getLastErrorString());
  }
}
