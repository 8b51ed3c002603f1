"""Register the gateway through the Device Provisioning Service (individual enrollment).

The per-device symmetric key is written to /var/secrets by the factory provisioning station
and exported into the environment by the systemd unit; it is never stored in the repository.
"""
import asyncio
import os

from azure.iot.device.aio import ProvisioningDeviceClient

PROVISIONING_HOST = os.getenv("PROVISIONING_HOST", "global.azure-devices-provisioning.net")
ID_SCOPE = os.environ["PROVISIONING_IDSCOPE"]
REGISTRATION_ID = os.environ["PROVISIONING_REGISTRATION_ID"]
SYMMETRIC_KEY = os.environ["PROVISIONING_SYMMETRIC_KEY"]


async def register() -> str:
    client = ProvisioningDeviceClient.create_from_symmetric_key(
        provisioning_host=PROVISIONING_HOST,
        registration_id=REGISTRATION_ID,
        id_scope=ID_SCOPE,
        symmetric_key=SYMMETRIC_KEY,
    )
    result = await client.register()
    if result.status != "assigned":
        raise RuntimeError(f"DPS registration failed: {result.status}")
    return result.registration_state.assigned_hub


if __name__ == "__main__":
    print(asyncio.run(register()))
