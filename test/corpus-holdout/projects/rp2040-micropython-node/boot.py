# Pico W boot: bring up Wi-Fi before main.py runs
import network
import time

import config

wlan = network.WLAN(network.STA_IF)
wlan.active(True)
wlan.config(pm=0xA11140)  # disable power-save for stable MQTT keepalive
wlan.connect(config.WIFI_SSID, config.WIFI_PASSWORD)

for _ in range(30):
    if wlan.isconnected():
        break
    time.sleep(1)
