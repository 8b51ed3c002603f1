# Stable device identifiers. None of these values are secrets.
import binascii
import machine

NAMESPACE_UUID = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
BUILD_SHA256 = "3b1f6c0d9e2a4f5b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b"
LORA_DEV_EUI = "70B3D57ED005A1F2"
LORA_APP_EUI = "0000000000000001"


def device_uid():
    return "soil-" + binascii.hexlify(machine.unique_id()).decode()
