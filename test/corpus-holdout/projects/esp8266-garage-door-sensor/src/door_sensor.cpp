#include <Arduino.h>
#include "config.h"

// Reed switch closes when the door is down; ultrasonic sensor confirms the door panel position.
static const uint16_t OPEN_DISTANCE_CM = 40;

void doorSensorBegin() {
  pinMode(PIN_REED, INPUT_PULLUP);
  pinMode(PIN_TRIG, OUTPUT);
  pinMode(PIN_ECHO, INPUT);
}

static uint16_t distanceCm() {
  digitalWrite(PIN_TRIG, LOW);
  delayMicroseconds(2);
  digitalWrite(PIN_TRIG, HIGH);
  delayMicroseconds(10);
  digitalWrite(PIN_TRIG, LOW);
  unsigned long us = pulseIn(PIN_ECHO, HIGH, 30000);
  return us == 0 ? 0xFFFF : (uint16_t)(us / 58);
}

bool doorIsOpen() {
  bool reedOpen = digitalRead(PIN_REED) == HIGH;
  return reedOpen || distanceCm() < OPEN_DISTANCE_CM;
}
