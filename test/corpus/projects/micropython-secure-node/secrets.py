# Copy to the board with mpremote; the committed version only holds placeholders.
WIFI_SSID = "YOUR_WIFI_SSID"
WIFI_PASSWORD = "YOUR_WIFI_PASSWORD"
MQTT_USER = "<username>"
MQTT_PASSWORD = "<password>"
