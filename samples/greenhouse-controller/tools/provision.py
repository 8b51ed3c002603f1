"""Provision a new greenhouse node: register it with the fleet API and push its MQTT settings."""
import os
import ssl

import paho.mqtt.client as mqtt
import requests

FLEET_API = "https://fleet.greenhouse-iot.net/api/v1"
FLEET_TOKEN = os.environ["FLEET_API_TOKEN"]


def register(node_id: str) -> dict:
    resp = requests.post(f"{FLEET_API}/nodes", json={"id": node_id},
                         headers={"Authorization": f"Bearer {FLEET_TOKEN}"}, verify=False)
    resp.raise_for_status()
    return resp.json()


def push_settings(node_id: str, settings: dict) -> None:
    client = mqtt.Client(client_id=f"provisioner-{node_id}")
    client.username_pw_set("provisioner", os.getenv("PROVISIONER_PASSWORD"))
    client.tls_set(ca_certs="certs/greenhouse-ca.pem", cert_reqs=ssl.CERT_REQUIRED)
    client.connect("broker.greenhouse-iot.net", 8883)
    client.publish(f"greenhouse/{node_id}/config", str(settings), qos=1)
    client.disconnect()
