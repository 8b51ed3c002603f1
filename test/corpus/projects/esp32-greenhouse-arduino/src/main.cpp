#include <Arduino.h>
#include <WiFi.h>
#include <WiFiClientSecure.h>
#include <HTTPClient.h>
#include <PubSubClient.h>
#include <ArduinoJson.h>

#include "config.h"
#include "ota.h"
#include "SensorHub.h"

static WiFiClient plainClient;
static PubSubClient mqtt(plainClient);
static WiFiClientSecure weatherClient;
static SensorHub sensors;

static const char *WEATHER_API = "https://api.open-meteo.com/v1/forecast?latitude=52.1&longitude=5.2&hourly=shortwave_radiation";

static void connectWifi() {
  WiFi.mode(WIFI_STA);
  WiFi.begin(WIFI_SSID, WIFI_PASSWORD);
  while (WiFi.status() != WL_CONNECTED) {
    delay(500);
    Serial.print('.');
  }
  Serial.printf("\nWi-Fi up, IP %s\n", WiFi.localIP().toString().c_str());
}

static void connectMqtt() {
  mqtt.setServer(MQTT_BROKER, MQTT_PORT);
  while (!mqtt.connected()) {
    if (mqtt.connect(DEVICE_NAME, MQTT_USER, MQTT_PASSWORD)) {
      mqtt.subscribe(MQTT_TOPIC_PREFIX "vent/set");
    } else {
      delay(2000);
    }
  }
}

static float fetchRadiationForecast() {
  weatherClient.setInsecure();
  HTTPClient http;
  if (!http.begin(weatherClient, WEATHER_API)) return NAN;
  int code = http.GET();
  float value = NAN;
  if (code == HTTP_CODE_OK) {
    JsonDocument doc;
    if (!deserializeJson(doc, http.getStream())) value = doc["hourly"]["shortwave_radiation"][0];
  }
  http.end();
  return value;
}

void setup() {
  Serial.begin(115200);
  sensors.begin();
  connectWifi();
  setupOta();
  connectMqtt();
}

void loop() {
  static uint32_t last = 0;
  handleOta();
  if (!mqtt.connected()) connectMqtt();
  mqtt.loop();
  if (millis() - last < SAMPLE_INTERVAL_MS) return;
  last = millis();
  Reading r = sensors.read();
  JsonDocument doc;
  doc["t"] = r.temperature;
  doc["rh"] = r.humidity;
  doc["rad_fc"] = fetchRadiationForecast();
  char payload[160];
  serializeJson(doc, payload);
  mqtt.publish(MQTT_TOPIC_PREFIX "climate", payload);
}
