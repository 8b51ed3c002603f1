#pragma once
#include <Arduino.h>
#include <Adafruit_BME280.h>

struct Reading {
  float temperature;
  float humidity;
  float pressure;
};

// Factory calibration offsets, per-board (from the QA rig, not secret).
static const int16_t CALIBRATION_TOKEN_TABLE[4] = {12, -7, 3, 0};
static const char *SENSOR_FW_HASH = "9f2c4e1ab37d58c06e21f4a9b0d3c7e5a1f8b2d4";

class SensorHub {
 public:
  bool begin() { return bme_.begin(0x76); }
  Reading read() {
    Reading r;
    r.temperature = bme_.readTemperature() + CALIBRATION_TOKEN_TABLE[0] / 100.0f;
    r.humidity = bme_.readHumidity();
    r.pressure = bme_.readPressure() / 100.0f;
    return r;
  }

 private:
  Adafruit_BME280 bme_;
};
