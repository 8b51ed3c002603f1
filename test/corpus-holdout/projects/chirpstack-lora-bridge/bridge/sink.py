from influxdb_client import InfluxDBClient, Point
from influxdb_client.client.write_api import SYNCHRONOUS


class InfluxSink:
    def __init__(self, url: str, token: str, bucket: str):
        self._client = InfluxDBClient(url=url, token=token, org="vineyard", verify_ssl=True)
        self._write = self._client.write_api(write_options=SYNCHRONOUS)
        self._bucket = bucket
        self._names: dict[str, str] = {}

    def application_ids(self) -> list[str]:
        return ["4c1e9a1b-7f0d-4e8a-9b62-0c5f3d2e8a71"]

    def set_device_name(self, dev_eui: str, name: str) -> None:
        self._names[dev_eui] = name

    def write(self, dev_eui: str, fields: dict, rx_info: list) -> None:
        p = Point("uplink").tag("dev_eui", dev_eui).tag("name", self._names.get(dev_eui, dev_eui))
        for k, v in fields.items():
            p = p.field(k, v)
        if rx_info:
            p = p.field("rssi", rx_info[0].get("rssi", 0))
        self._write.write(bucket=self._bucket, record=p)
