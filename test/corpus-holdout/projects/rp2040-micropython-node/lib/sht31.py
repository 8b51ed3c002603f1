# Sensirion SHT31 driver (single-shot, high repeatability)
import time

_CMD_MEASURE = b"\x24\x00"
_CMD_SOFT_RESET = b"\x30\xA2"
_CRC_POLY = 0x31


def _crc8(data):
    crc = 0xFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = ((crc << 1) ^ _CRC_POLY) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


class SHT31:
    def __init__(self, i2c, addr=0x44):
        self.i2c = i2c
        self.addr = addr
        self.i2c.writeto(self.addr, _CMD_SOFT_RESET)
        time.sleep_ms(2)

    def measure(self):
        self.i2c.writeto(self.addr, _CMD_MEASURE)
        time.sleep_ms(16)
        d = self.i2c.readfrom(self.addr, 6)
        if _crc8(d[0:2]) != d[2] or _crc8(d[3:5]) != d[5]:
            raise ValueError("SHT31 CRC mismatch")
        raw_t = d[0] << 8 | d[1]
        raw_rh = d[3] << 8 | d[4]
        return -45 + 175 * raw_t / 65535, 100 * raw_rh / 65535
