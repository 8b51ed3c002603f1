# main.py -- weather station: BME280 + rain gauge -> MQTT
import json
import machine
import time
from umqtt.simple import MQTTClient

import config
import ota
from lib.bme280 import BME280

i2c = machine.I2C(0, scl=machine.Pin(22), sda=machine.Pin(21))
bme = BME280(i2c=i2c)
rain_pin = machine.Pin(34, machine.Pin.IN)
tips = 0


def on_tip(_pin):
    global tips
    tips += 1


rain_pin.irq(trigger=machine.Pin.IRQ_FALLING, handler=on_tip)

client = MQTTClient(config.STATION_ID, "broker.emqx.io", port=1883,
                    user=config.MQTT_USER, password=config.MQTT_PASSWORD, keepalive=60)
client.connect()

while True:
    t, p, h = bme.values
    payload = {"t": t, "p": p, "h": h, "rain_mm": tips * 0.2794}
    tips = 0
    client.publish(b"weather/%s" % config.STATION_ID, json.dumps(payload))
    if time.localtime()[3] == 3:
        ota.check_and_update()
    time.sleep(config.PUBLISH_EVERY_S)
