# Soil-moisture node (Raspberry Pi Pico W) -> MQTT over TLS with server verification.
import json
import time

import machine
import network
import ssl
from umqtt.simple import MQTTClient

import secrets
from lib.device_id import device_uid

BROKER = "mqtt.soil-sense.example.com"
PORT = 8883


def wifi():
    wlan = network.WLAN(network.STA_IF)
    wlan.active(True)
    wlan.connect(secrets.WIFI_SSID, secrets.WIFI_PASSWORD)
    while not wlan.isconnected():
        time.sleep(0.5)


def tls_context():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.load_verify_locations(cafile="certs/ca.der")
    return ctx


def main():
    wifi()
    client = MQTTClient(device_uid(), BROKER, port=PORT, user=secrets.MQTT_USER,
                        password=secrets.MQTT_PASSWORD, ssl=tls_context(), keepalive=60)
    client.connect()
    adc = machine.ADC(26)
    while True:
        raw = adc.read_u16()
        client.publish(b"soil/" + device_uid().encode(), json.dumps({"raw": raw}))
        machine.lightsleep(600_000)


main()
