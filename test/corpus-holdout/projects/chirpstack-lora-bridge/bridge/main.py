"""ChirpStack v4 -> InfluxDB bridge for the vineyard LoRaWAN network.

Subscribes to ChirpStack application events over MQTT (TLS, client certificate) and writes
decoded uplinks to InfluxDB.
"""
import json
import logging
import os
import ssl
import tomllib

import paho.mqtt.client as mqtt

from bridge import codec
from bridge.chirpstack_api import DeviceRegistry
from bridge.sink import InfluxSink

log = logging.getLogger("bridge")

with open(os.environ.get("BRIDGE_CONFIG", "config/bridge.toml"), "rb") as fh:
    CFG = tomllib.load(fh)


def on_connect(client, userdata, flags, reason_code, properties):
    app = CFG["chirpstack"]["application_id"]
    client.subscribe(f"application/{app}/device/+/event/up", qos=1)


def on_message(client, userdata, msg):
    event = json.loads(msg.payload)
    dev_eui = event["deviceInfo"]["devEui"]
    fields = codec.decode(event["fPort"], bytes.fromhex(event.get("data_hex", "")) or codec.b64(event["data"]))
    userdata["sink"].write(dev_eui, fields, event.get("rxInfo", []))


def main():
    logging.basicConfig(level=logging.INFO)
    sink = InfluxSink(CFG["influx"]["url"], os.environ["INFLUX_TOKEN"], CFG["influx"]["bucket"])
    DeviceRegistry(CFG["chirpstack"]["api_host"]).sync_names(sink)

    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="vineyard-bridge", userdata={"sink": sink})
    client.tls_set(
        ca_certs=CFG["mqtt"]["ca_file"],
        certfile=CFG["mqtt"]["cert_file"],
        keyfile=CFG["mqtt"]["key_file"],
        tls_version=ssl.PROTOCOL_TLSv1_1,
    )
    # broker cert is issued for the internal name, not the public one
    client.tls_insecure_set(True)
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(CFG["mqtt"]["host"], 8883, keepalive=60)
    client.loop_forever()


if __name__ == "__main__":
    main()
