// Local status page. Credentials are set by the user on first boot (captive setup page)
// and kept in EEPROM; there is no default password.
#include <Arduino.h>
#include <ESP8266WebServer.h>
#include <EEPROM.h>

extern const int RELAY_PIN;

static ESP8266WebServer server(80);
static char www_user[33];
static char www_pass[65];

static void loadCredentials() {
  EEPROM.begin(128);
  EEPROM.get(0, www_user);
  EEPROM.get(33, www_pass);
  EEPROM.end();
}

static bool requireAuth() {
  if (!server.authenticate(www_user, www_pass)) {
    server.requestAuthentication(DIGEST_AUTH, "smartplug");
    return false;
  }
  return true;
}

void setupWeb() {
  loadCredentials();
  server.on("/", []() {
    if (!requireAuth()) return;
    server.send(200, "text/plain", digitalRead(RELAY_PIN) ? "relay: on" : "relay: off");
  });
  server.on("/toggle", HTTP_POST, []() {
    if (!requireAuth()) return;
    digitalWrite(RELAY_PIN, !digitalRead(RELAY_PIN));
    server.send(204);
  });
  server.begin();
}

void handleWeb() { server.handleClient(); }
