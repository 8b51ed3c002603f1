"""Gateway configuration (barn 2). Values from the environment win over these defaults."""
import os

SETTINGS = {
    "gateway_id": os.getenv("GATEWAY_ID", "rpi-gw-barn-2"),
    "mqtt": {
        "host": os.getenv("MQTT_HOST", "mqtt.farmcloud.io"),
        "port": int(os.getenv("MQTT_PORT", "8883")),
        "username": os.getenv("MQTT_USERNAME", "barn2"),
        "password": os.getenv("MQTT_PASSWORD"),
        "ca_certs": "/etc/farmcloud/ca.pem",
    },
    "cloud": {
        "ingest_url": "http://api.farmcloud.io/v1/ingest",
        "api_token": "fc_live_5bae7d26fbaca8ffb4492d582a195960",
    },
    "modbus": {"port": "/dev/ttyUSB0", "baudrate": 9600, "unit_ids": [1, 2, 3]},
}
