#include <Arduino.h>
#include <PubSubClient.h>

extern const int RELAY_PIN;
extern PubSubClient mqtt;

void mqttCallback(char* topic, byte* payload, unsigned int length) {
  String msg;
  for (unsigned int i = 0; i < length; i++) msg += (char)payload[i];
  if (msg == "ON") {
    digitalWrite(RELAY_PIN, HIGH);
  } else if (msg == "OFF") {
    digitalWrite(RELAY_PIN, LOW);
  }
  mqtt.publish("plugs/kitchen-01/state", digitalRead(RELAY_PIN) ? "ON" : "OFF", true);
}
