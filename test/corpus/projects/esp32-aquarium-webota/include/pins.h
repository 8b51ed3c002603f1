#pragma once
#define PIN_HEATER   16
#define PIN_LIGHT    17
#define PIN_PUMP     18
#define PIN_ONEWIRE  4
