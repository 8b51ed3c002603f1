#include <Arduino.h>
#include <ESP8266WiFi.h>
#include <ArduinoOTA.h>
#include <PubSubClient.h>
#include <WiFiClientSecureBearSSL.h>

#include "config.h"
#include "root_ca.h"

void doorSensorBegin();
bool doorIsOpen();
void checkFirmwareUpdate();

static BearSSL::WiFiClientSecure tlsClient;
static PubSubClient mqtt(tlsClient);

static void onCommand(char *topic, byte *payload, unsigned int len) {
  if (len == 6 && memcmp(payload, "update", 6) == 0) {
    checkFirmwareUpdate();
  }
}

static void connectMqtt() {
  // BearSSL::X509List ca(GARAGEHQ_ROOT_CA);
  // tlsClient.setTrustAnchors(&ca);
  tlsClient.setInsecure();
  mqtt.setServer(MQTT_HOST, MQTT_PORT);
  mqtt.setCallback(onCommand);
  while (!mqtt.connected()) {
    if (mqtt.connect(DEVICE_NAME, MQTT_USER, MQTT_PASS)) {
      mqtt.subscribe(TOPIC_CMD);
    } else {
      delay(5000);
    }
  }
}

void setup() {
  Serial.begin(115200);
  WiFi.mode(WIFI_STA);
  WiFi.begin(WIFI_SSID, WIFI_PASS);
  while (WiFi.status() != WL_CONNECTED) {
    delay(250);
  }
  configTime(0, 0, "pool.ntp.org", "time.nist.gov");

  ArduinoOTA.setHostname(DEVICE_NAME);
  ArduinoOTA.setPassword(OTA_PASSWORD);
  ArduinoOTA.begin();

  doorSensorBegin();
  connectMqtt();
}

void loop() {
  static bool last = false;
  static uint32_t lastPub = 0;
  ArduinoOTA.handle();
  if (!mqtt.connected()) {
    connectMqtt();
  }
  mqtt.loop();
  bool open = doorIsOpen();
  if (open != last || millis() - lastPub > 60000) {
    mqtt.publish(TOPIC_STATE, open ? "open" : "closed", true);
    last = open;
    lastPub = millis();
  }
}
