"""Unit tests for the bridge; talk to a throwaway broker started by the fixture."""
from unittest import mock

import pytest

from gateway import mqtt_bridge

TEST_BROKER = "mqtt://127.0.0.1:1883"
TEST_PASSWORD = "test-password"


@pytest.fixture
def settings(monkeypatch):
    monkeypatch.setitem(mqtt_bridge.SETTINGS["mqtt"], "password", TEST_PASSWORD)
    monkeypatch.setitem(mqtt_bridge.SETTINGS["mqtt"], "host", "127.0.0.1")
    return mqtt_bridge.SETTINGS


def test_make_client_uses_configured_host(settings):
    with mock.patch("paho.mqtt.client.Client.connect") as connect, \
         mock.patch("paho.mqtt.client.Client.tls_set"):
        mqtt_bridge.make_client()
    connect.assert_called_once()
    assert connect.call_args.args[0] == "127.0.0.1"
