"""Same as live_tail, against the production broker: TLS with the system trust store."""
import os

import paho.mqtt.client as mqtt

client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
client.username_pw_set(os.environ["FLEET_MQTT_USER"], os.environ["FLEET_MQTT_PASSWORD"])
client.tls_set()
client.connect("mqtt.sensorworks.io", 8883, 60)
client.subscribe("sensorworks/+/status")
client.loop_forever()
