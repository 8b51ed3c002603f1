// Fill in locally; this file ships with empty values on purpose.
#define SECRET_SSID ""
#define SECRET_PASS ""
#define SECRET_UPDATE_TOKEN ""
