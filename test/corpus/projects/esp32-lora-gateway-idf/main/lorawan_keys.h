#pragma once
#include <stdint.h>
extern const uint8_t DEV_EUI[8];
extern const uint8_t JOIN_EUI[8];
extern const uint8_t APP_KEY[16];
