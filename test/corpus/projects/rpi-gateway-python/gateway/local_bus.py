"""Bridge to the local Mosquitto instance used by the barn display (same host)."""
import paho.mqtt.client as mqtt


def local_client() -> mqtt.Client:
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="barn-display-bridge")
    client.connect("localhost", 1883, keepalive=30)
    return client
