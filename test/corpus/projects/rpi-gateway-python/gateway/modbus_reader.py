"""Read holding registers from the barn sensors over RS-485."""
from pymodbus.client import ModbusSerialClient

from .config import SETTINGS


def read_all() -> dict:
    cfg = SETTINGS["modbus"]
    client = ModbusSerialClient(port=cfg["port"], baudrate=cfg["baudrate"], timeout=1)
    client.connect()
    out = {}
    try:
        for unit in cfg["unit_ids"]:
            rr = client.read_holding_registers(0, count=4, slave=unit)
            if rr.isError():
                continue
            t, rh, co2, nh3 = rr.registers
            out[unit] = {"t": t / 10, "rh": rh / 10, "co2": co2, "nh3": nh3 / 100}
    finally:
        client.close()
    return out
