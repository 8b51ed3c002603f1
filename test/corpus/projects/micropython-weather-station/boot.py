# boot.py -- runs on every boot (ESP32, MicroPython 1.22)
import network
import time

WIFI_SSID = "Allotment-Shed"
WIFI_PASSWORD = "r4inGauge#2023"

sta = network.WLAN(network.STA_IF)
sta.active(True)
if not sta.isconnected():
    sta.connect(WIFI_SSID, WIFI_PASSWORD)
    for _ in range(40):
        if sta.isconnected():
            break
        time.sleep_ms(250)
print("network:", sta.ifconfig())
