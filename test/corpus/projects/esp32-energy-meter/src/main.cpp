#include <Arduino.h>
#include <WiFi.h>
#include <WiFiClientSecure.h>
#include <WiFiManager.h>
#include <PubSubClient.h>
#include <ArduinoOTA.h>
#include <Preferences.h>
#include "root_ca.h"

static WiFiClientSecure tls;
static PubSubClient mqtt(tls);
static Preferences prefs;
static String mqttUser, mqttPass;

static void loadMqttCredentials() {
  // Entered once through the WiFiManager portal, stored in NVS (flash encryption enabled in production)
  prefs.begin("mqtt", true);
  mqttUser = prefs.getString("user", "");
  mqttPass = prefs.getString("pass", "");
  prefs.end();
}

// Per-device portal password, printed on the rating label and written to NVS at the factory.
static String portalPassword() {
  prefs.begin("factory", true);
  String p = prefs.getString("portal_pw", "");
  prefs.end();
  return p;
}

static void setupOta() {
  ArduinoOTA.setHostname("energy-meter");
  ArduinoOTA.setPassword(OTA_PASSWORD);
  ArduinoOTA.begin();
}

void setup() {
  Serial.begin(115200);
  WiFiManager wm;
  wm.setConfigPortalTimeout(180);
  if (!wm.autoConnect("EnergyMeter-Setup", portalPassword().c_str())) ESP.restart();
  loadMqttCredentials();
  tls.setCACert(ROOT_CA);
  mqtt.setServer(MQTT_HOST, MQTT_PORT);
  setupOta();
}

void loop() {
  ArduinoOTA.handle();
  if (!mqtt.connected()) {
    mqtt.connect("energy-meter", mqttUser.c_str(), mqttPass.c_str());
  }
  mqtt.loop();
  static uint32_t last;
  if (millis() - last > 10000) {
    last = millis();
    char payload[96];
    snprintf(payload, sizeof(payload), "{\"p1\":%.1f,\"p2\":%.1f,\"p3\":%.1f}", 231.4, 229.8, 230.6);
    mqtt.publish("energy/meter-01/power", payload);
  }
}
