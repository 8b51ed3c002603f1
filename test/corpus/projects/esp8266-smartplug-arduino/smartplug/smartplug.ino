/*
  Smart plug with energy metering (ESP8266, Sonoff-POW-like hardware)
  - relay on GPIO12, LED on GPIO13
  - HLW8012 power meter
  - MQTT control + LAN OTA + nightly HTTP update check
*/
#include <ESP8266WiFi.h>
#include <ESP8266mDNS.h>
#include <ArduinoOTA.h>
#include <ESP8266httpUpdate.h>
#include <PubSubClient.h>
#include "config.h"

const int RELAY_PIN = 12;
const int LED_PIN = 13;

WiFiClient net;
PubSubClient mqtt(net);
unsigned long lastUpdateCheck = 0;

void mqttCallback(char* topic, byte* payload, unsigned int length);
void setupWeb();
void handleWeb();

void setupOTA() {
  ArduinoOTA.setHostname(MQTT_CLIENT);
  ArduinoOTA.setPassword("admin");
  ArduinoOTA.onStart([]() { digitalWrite(RELAY_PIN, LOW); });
  ArduinoOTA.begin();
}

void checkForUpdate() {
  WiFiClient client;
  ESPhttpUpdate.setLedPin(LED_PIN, LOW);
  t_httpUpdate_return ret = ESPhttpUpdate.update(client, FW_UPDATE_URL, FW_VERSION);
  switch (ret) {
    case HTTP_UPDATE_FAILED:
      Serial.printf("update failed (%d): %s\n", ESPhttpUpdate.getLastError(), ESPhttpUpdate.getLastErrorString().c_str());
      break;
    case HTTP_UPDATE_NO_UPDATES:
      Serial.println("firmware up to date");
      break;
    case HTTP_UPDATE_OK:
      break;
  }
}

void setup() {
  Serial.begin(115200);
  pinMode(RELAY_PIN, OUTPUT);
  pinMode(LED_PIN, OUTPUT);
  WiFi.mode(WIFI_STA);
  WiFi.begin(STASSID, STAPSK);
  while (WiFi.waitForConnectResult() != WL_CONNECTED) {
    delay(5000);
    ESP.restart();
  }
  setupOTA();
  setupWeb();
  mqtt.setServer(MQTT_BROKER, MQTT_PORT);
  mqtt.setCallback(mqttCallback);
}

void loop() {
  ArduinoOTA.handle();
  handleWeb();
  if (!mqtt.connected()) {
    mqtt.connect(MQTT_CLIENT);
    mqtt.subscribe("plugs/kitchen-01/set");
  }
  mqtt.loop();
  if (millis() - lastUpdateCheck > 24UL * 3600UL * 1000UL) {
    lastUpdateCheck = millis();
    checkForUpdate();
  }
}
