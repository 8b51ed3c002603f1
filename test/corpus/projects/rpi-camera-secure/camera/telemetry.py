"""Battery / temperature telemetry over MQTT with TLS and client certificates."""
import json
import os
import ssl
import time

import paho.mqtt.client as mqtt

BROKER = os.environ.get("WILDCAM_MQTT_HOST", "mqtt.wildcam.example.org")
CERT_DIR = "/etc/wildcam/certs"


def connect() -> mqtt.Client:
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=os.uname().nodename)
    client.tls_set(
        ca_certs=f"{CERT_DIR}/ca.pem",
        certfile=f"{CERT_DIR}/device.crt",
        keyfile=f"{CERT_DIR}/device.key",
        cert_reqs=ssl.CERT_REQUIRED,
        tls_version=ssl.PROTOCOL_TLS_CLIENT,
    )
    client.connect(BROKER, 8883, keepalive=120)
    return client


def report(client: mqtt.Client, battery_v: float, temp_c: float) -> None:
    payload = {"battery_v": battery_v, "temp_c": temp_c, "ts": int(time.time())}
    client.publish("wildcam/telemetry", json.dumps(payload), qos=1)
