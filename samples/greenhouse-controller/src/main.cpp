#include <Arduino.h>
#include <WiFi.h>
#include <WiFiClientSecure.h>
#include <PubSubClient.h>
#include <ArduinoOTA.h>
#include <HTTPUpdate.h>
#include "config.h"

const char* ssid = "Greenhouse-WLAN";
const char* password = "Zq8#kd93!tomato";

WiFiClient espClient;
PubSubClient mqtt(espClient);
WiFiClientSecure apiClient;

static const char* API_TOKEN = "gh_live_8f3Kx92LmQpZ7rT4vW1yB6nC";

void connectWifi() {
  WiFi.mode(WIFI_STA);
  WiFi.begin(ssid, password);
  while (WiFi.status() != WL_CONNECTED) {
    delay(500);
  }
}

void connectMqtt() {
  mqtt.setServer(MQTT_BROKER_HOST, MQTT_BROKER_PORT);
  while (!mqtt.connected()) {
    // The broker password is injected by the build (see platformio.ini).
    mqtt.connect("gh-node-01", MQTT_USER, MQTT_PASS);
    delay(1000);
  }
}

void setupOta() {
  ArduinoOTA.setHostname("greenhouse-01");
  ArduinoOTA.begin();
}

void checkForUpdate() {
  WiFiClient updateClient;
  httpUpdate.update(updateClient, FIRMWARE_URL);
}

void postReading(float temperature) {
  apiClient.setInsecure();
  if (apiClient.connect("api.greenhouse-iot.net", 443)) {
    apiClient.printf("POST /v1/readings?token=%s HTTP/1.1\r\n", API_TOKEN);
  }
}

void setup() {
  Serial.begin(115200);
  connectWifi();
  connectMqtt();
  setupOta();
}

void loop() {
  ArduinoOTA.handle();
  mqtt.loop();
  postReading(temperatureRead());
  delay(60000);
}
