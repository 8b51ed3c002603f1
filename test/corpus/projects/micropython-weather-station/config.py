# Station configuration
STATION_ID = "ws-allotment-04"
MQTT_USER = "ws04"
MQTT_PASSWORD = "drizzle-ws04-pw"
PUBLISH_EVERY_S = 300
OTA_BASE = "http://fw.allotment-weather.org/ws/"
