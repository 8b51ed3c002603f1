# Node configuration — polytunnel 3, bed B
NODE_ID = "pt3-bed-b"
WIFI_SSID = "FieldLab-Sensors"
WIFI_PASSWORD = "s0il&Sun-2024!pt3"

MQTT_HOST = "mqtt.fieldlab.io"
MQTT_USER = NODE_ID
# MQTT password is written to /secrets.json at provisioning (see secrets.example.json)
SECRETS_FILE = "/secrets.json"

SAMPLE_PERIOD_S = 300
FW_MANIFEST = "fw/pico-node/manifest.json"
