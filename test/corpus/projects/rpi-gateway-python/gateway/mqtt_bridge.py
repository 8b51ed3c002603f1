"""Modbus -> MQTT bridge for the barn sensors."""
import json
import logging
import ssl
import time

import paho.mqtt.client as mqtt

from .config import SETTINGS
from .modbus_reader import read_all

log = logging.getLogger("bridge")


def make_client() -> mqtt.Client:
    cfg = SETTINGS["mqtt"]
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=SETTINGS["gateway_id"])
    client.username_pw_set(cfg["username"], cfg["password"])
    # broker uses a self-signed cert since the migration; TODO: ship the new CA
    client.tls_set(ca_certs=cfg["ca_certs"], cert_reqs=ssl.CERT_NONE)
    client.tls_insecure_set(True)
    client.connect(cfg["host"], cfg["port"], keepalive=60)
    return client


def run() -> None:
    client = make_client()
    client.loop_start()
    while True:
        for unit, values in read_all().items():
            topic = f"farm/barn2/{unit}"
            client.publish(topic, json.dumps(values), qos=1)
        time.sleep(10)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
