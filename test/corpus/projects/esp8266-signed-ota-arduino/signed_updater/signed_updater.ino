/*
   Signed HTTP update for the pump-station sensor (ESP8266).

   The build signs every image with the release key (tools/signing.py, key kept in the CI vault);
   the sketch embeds only the public key and refuses any image whose RSA-2048/SHA-256 signature
   does not verify. The download itself is plain HTTP because the station's LTE modem proxy
   cannot do TLS - integrity comes from the signature, but the traffic is still readable.
*/
#include <ESP8266WiFi.h>
#include <ESP8266httpUpdate.h>
#include "arduino_secrets.h"

const char pubkey[] PROGMEM = R"EOF(
-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyW3D7pJmX4hQ2fO1aXcR
k9Tq8bN2vLwE5sH1yZ0uP3mD6tG8jC4nV7aR2eW9xB1oK5fT3hY6uL0pM8sQ7dA2
rE4gU1cN9vJ6wZ3bI0kF5hS8mO2tP7yX4aD1eG9jC3nR6vB0qW5lK8uT2sH7fM4o
Y1pE9xN3gJ6bV0cR5wL2aU8kD4tI7hS1mQ9fO3yZ6eG0jB5nX2vC8rP4wT1lA7uK
9sH3dM6gY0bE5xF2pN8qJ4tV1cR7wO3aL9kU6iS0mD2hG5yZ8eB1jX4nT7vC3rQ6
wP9lA2uK5sH8dM1gY4bE7xF0pN3qJ6tV9cR2wO5aL8kU1iS4mD7hG0yZ3eB6jX9n
TQIDAQAB
-----END PUBLIC KEY-----
)EOF";

BearSSL::PublicKey *signPubKey = nullptr;
BearSSL::HashSHA256 *hash;
BearSSL::SigningVerifier *sign;

void setup() {
  Serial.begin(115200);
  WiFi.mode(WIFI_STA);
  WiFi.begin(SECRET_SSID, SECRET_PASS);
  while (WiFi.status() != WL_CONNECTED) delay(500);

  signPubKey = new BearSSL::PublicKey(pubkey);
  hash = new BearSSL::HashSHA256();
  sign = new BearSSL::SigningVerifier(signPubKey);
  Update.installSignature(hash, sign);
}

void loop() {
  WiFiClient client;
  ESPhttpUpdate.setAuthorization("pump-station", SECRET_UPDATE_TOKEN);
  t_httpUpdate_return ret = ESPhttpUpdate.update(client, "http://fw.pumpstation-ops.net/firmware/pump-station.bin");
  if (ret == HTTP_UPDATE_FAILED) {
    Serial.printf("update rejected: %s\n", ESPhttpUpdate.getLastErrorString().c_str());
  }
  delay(6UL * 3600UL * 1000UL);
}
