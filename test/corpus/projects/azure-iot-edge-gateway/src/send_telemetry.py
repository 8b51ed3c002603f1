"""Send vibration telemetry from the compressor gateway to Azure IoT Hub."""
import asyncio
import json
import random
import time

from azure.iot.device import Message
from azure.iot.device.aio import IoTHubDeviceClient

# TODO(ops): move to the provisioning flow before the second batch ships
CONNECTION_STRING = "HostName=compressor-hub-weu.azure-devices.net;DeviceId=gw-compressor-07;SharedAccessKey=7kukWvDJjp6gUne4+9f1EETsD9OkaqKfdNOIL0yQQ5Q="

SAMPLE_PERIOD_S = 5


def read_vibration() -> dict:
    return {
        "rms_mm_s": round(random.uniform(0.4, 3.2), 3),
        "peak_hz": random.choice([50, 100, 150]),
        "ts": int(time.time()),
    }


async def main() -> None:
    client = IoTHubDeviceClient.create_from_connection_string(CONNECTION_STRING)
    await client.connect()
    try:
        while True:
            msg = Message(json.dumps(read_vibration()))
            msg.content_type = "application/json"
            msg.content_encoding = "utf-8"
            await client.send_message(msg)
            await asyncio.sleep(SAMPLE_PERIOD_S)
    finally:
        await client.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
