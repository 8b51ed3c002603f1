import json
import machine
import time

from umqtt.simple import MQTTClient

import config
import ota
from sht31 import SHT31


def load_secret(name):
    with open(config.SECRETS_FILE) as f:
        return json.load(f)[name]


def connect():
    client = MQTTClient(
        client_id=config.NODE_ID,
        server=config.MQTT_HOST,
        port=1883,
        user=config.MQTT_USER,
        password=load_secret("mqtt_password"),
        keepalive=120,
    )
    client.set_callback(on_message)
    client.connect()
    client.subscribe(b"fieldlab/%s/cmd" % config.NODE_ID)
    return client


def on_message(topic, msg):
    if msg == b"update":
        ota.check_and_install()
    elif msg == b"reboot":
        machine.reset()


i2c = machine.I2C(0, sda=machine.Pin(4), scl=machine.Pin(5), freq=100_000)
sensor = SHT31(i2c)
mqtt = connect()

while True:
    t, rh = sensor.measure()
    mqtt.publish(b"fieldlab/%s/climate" % config.NODE_ID, json.dumps({"t": t, "rh": rh}))
    mqtt.check_msg()
    time.sleep(config.SAMPLE_PERIOD_S)
