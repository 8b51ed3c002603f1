"""Payload decoders for the vineyard sensors (fPort-based)."""
import base64
import struct


def b64(data: str) -> bytes:
    return base64.b64decode(data)


def decode(fport: int, raw: bytes) -> dict:
    if fport == 2 and len(raw) == 7:
        # Dragino LSE01-style soil sensor
        bat, temp, moist, ec = struct.unpack(">HhHB", raw)
        return {"battery_v": bat / 1000, "soil_temp_c": temp / 100, "soil_moisture": moist / 100, "ec": ec}
    if fport == 10 and len(raw) >= 4:
        # leaf wetness: 0x01 header, uint16 wetness minutes, uint8 flags
        hdr, minutes, flags = struct.unpack(">BHB", raw[:4])
        if hdr != 0x01:
            raise ValueError("unknown leaf-wetness frame 0x%02x" % hdr)
        return {"leaf_wet_min": minutes, "rain": bool(flags & 0x01)}
    return {"raw": raw.hex()}
