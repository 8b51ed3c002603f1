// Aquarium controller with a built-in web page for settings and firmware upload.
#include <Arduino.h>
#include <WiFi.h>
#include <WebServer.h>
#include <Update.h>
#include <Preferences.h>
#include "pins.h"

static WebServer server(80);
static Preferences prefs;

static const char UPDATE_PAGE[] PROGMEM =
    "<form method='POST' action='/update' enctype='multipart/form-data'>"
    "<input type='file' name='update'><input type='submit' value='Update'></form>";

static void handleUpdateUpload() {
  HTTPUpload &upload = server.upload();
  if (upload.status == UPLOAD_FILE_START) {
    Update.begin(UPDATE_SIZE_UNKNOWN);
  } else if (upload.status == UPLOAD_FILE_WRITE) {
    Update.write(upload.buf, upload.currentSize);
  } else if (upload.status == UPLOAD_FILE_END) {
    Update.end(true);
  }
}

static void startSetupAp() {
  WiFi.softAP("Aquarium-Setup", "12345678");
}

void setup() {
  pinMode(PIN_HEATER, OUTPUT);
  pinMode(PIN_LIGHT, OUTPUT);
  pinMode(PIN_PUMP, OUTPUT);
  prefs.begin("wifi", true);
  String ssid = prefs.getString("ssid", "");
  String pass = prefs.getString("pass", "");
  prefs.end();
  if (ssid.isEmpty()) {
    startSetupAp();
  } else {
    WiFi.begin(ssid.c_str(), pass.c_str());
  }
  server.on("/", HTTP_GET, []() { server.send(200, "text/html", UPDATE_PAGE); });
  server.on("/update", HTTP_POST, []() {
    server.send(200, "text/plain", Update.hasError() ? "FAIL" : "OK");
    ESP.restart();
  }, handleUpdateUpload);
  server.begin();
}

void loop() {
  server.handleClient();
}
