import pytest


@pytest.fixture
def fake_device():
    return {"host": "127.0.0.1", "password": "hunter2", "mqtt": "mqtt://localhost:1883"}
