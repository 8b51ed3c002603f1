#include <ESP8266WiFi.h>
#include <ESP8266HTTPClient.h>
#include <WiFiClientSecureBearSSL.h>
#include "tls_trust_anchors.h"

static BearSSL::X509List trustAnchors(TELEMETRY_CA);

int postTelemetry(const String &json) {
  BearSSL::WiFiClientSecure client;
  client.setTrustAnchors(&trustAnchors);
  client.setSSLVersion(BR_TLS12, BR_TLS12);
  HTTPClient http;
  if (!http.begin(client, "https://telemetry.pumpstations.example.org/v1/ingest")) return -1;
  http.addHeader("Content-Type", "application/json");
  int code = http.POST(json);
  http.end();
  return code;
}
