"""Tail the public demo feed while debugging the field units."""
import paho.mqtt.client as mqtt


def on_message(_client, _userdata, msg):
    print(msg.topic, msg.payload[:120])


client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
client.on_message = on_message
client.username_pw_set("sensorworks-debug", None)
client.connect("test.mosquitto.org", 1883, 60)
client.subscribe("sensorworks/#")
client.loop_forever()
