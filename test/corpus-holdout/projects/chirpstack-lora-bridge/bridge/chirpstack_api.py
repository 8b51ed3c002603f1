"""Reads device names/tags from the ChirpStack gRPC API so Influx series get readable tags."""
import os

import grpc
from chirpstack_api import api


class DeviceRegistry:
    def __init__(self, api_host: str):
        self._token = os.environ["CHIRPSTACK_API_TOKEN"]
        self._channel = grpc.insecure_channel(api_host)
        self._devices = api.DeviceServiceStub(self._channel)

    def _meta(self):
        return [("authorization", f"Bearer {self._token}")]

    def list_devices(self, application_id: str):
        req = api.ListDevicesRequest(application_id=application_id, limit=500)
        return self._devices.List(req, metadata=self._meta()).result

    def sync_names(self, sink) -> None:
        for app_id in sink.application_ids():
            for d in self.list_devices(app_id):
                sink.set_device_name(d.dev_eui, d.name)
