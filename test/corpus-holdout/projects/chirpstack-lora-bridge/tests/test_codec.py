import pytest

from bridge import codec


def test_soil_frame():
    raw = bytes.fromhex("0C1C0A2813881F")
    out = codec.decode(2, raw)
    assert out["battery_v"] == pytest.approx(3.1)
    assert out["soil_temp_c"] == pytest.approx(26.0)


def test_leaf_wetness_rejects_unknown_header():
    with pytest.raises(ValueError):
        codec.decode(10, bytes.fromhex("02003C01"))


def test_unknown_port_is_raw():
    assert codec.decode(99, b"\xde\xad") == {"raw": "dead"}
