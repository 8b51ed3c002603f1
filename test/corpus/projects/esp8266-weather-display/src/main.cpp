// Kitchen weather display: OpenWeatherMap current conditions + indoor sensor on a 1.3" OLED.
#include <Arduino.h>
#include <ESP8266WiFi.h>
#include <ESP8266HTTPClient.h>
#include <WiFiClientSecureBearSSL.h>
#include <ArduinoOTA.h>
#include <ArduinoJson.h>
#include <U8g2lib.h>

static U8G2_SH1106_128X64_NONAME_F_HW_I2C display(U8G2_R0);

static const char *OWM_URL =
    "http://api.openweathermap.org/data/2.5/weather?q=Utrecht,nl&units=metric&appid=df34d319e6dd86af96eba0a3f33f6988";

static float outdoorTemp = NAN;

static void fetchWeather() {
  WiFiClient client;
  HTTPClient http;
  if (!http.begin(client, OWM_URL)) return;
  if (http.GET() == HTTP_CODE_OK) {
    JsonDocument doc;
    if (!deserializeJson(doc, http.getString())) outdoorTemp = doc["main"]["temp"];
  }
  http.end();
}

static void fetchIndoor() {
  std::unique_ptr<BearSSL::WiFiClientSecure> client(new BearSSL::WiFiClientSecure);
  client->setInsecure();
  HTTPClient https;
  if (https.begin(*client, "https://sensors.kitchen-hub.net/api/indoor")) {
    https.GET();
    https.end();
  }
}

static void fetchCalendar() {
  BearSSL::WiFiClientSecure client;
  client.allowSelfSignedCerts();
  HTTPClient https;
  if (https.begin(client, "https://calendar.kitchen-hub.net/today.json")) {
    https.GET();
    https.end();
  }
}

void setup() {
  display.begin();
  WiFi.begin(WIFI_SSID, WIFI_PASS);
  while (WiFi.status() != WL_CONNECTED) delay(250);
  ArduinoOTA.setHostname("kitchen-display");
  ArduinoOTA.begin();
}

void loop() {
  ArduinoOTA.handle();
  static uint32_t last = 0;
  if (last == 0 || millis() - last > 600000UL) {
    last = millis();
    fetchWeather();
    fetchIndoor();
    fetchCalendar();
  }
  display.clearBuffer();
  display.setFont(u8g2_font_logisoso22_tf);
  display.setCursor(0, 40);
  display.print(outdoorTemp, 1);
  display.print(" C");
  display.sendBuffer();
}
