# Minimal BME280 driver (integer compensation from the Bosch datasheet).
import time
from ustruct import unpack, unpack_from

BME280_I2CADDR = 0x76


class BME280:
    def __init__(self, i2c, address=BME280_I2CADDR):
        self.i2c = i2c
        self.address = address
        dig_88_a1 = self.i2c.readfrom_mem(self.address, 0x88, 26)
        dig_e1_e7 = self.i2c.readfrom_mem(self.address, 0xE1, 7)
        (self.dig_T1, self.dig_T2, self.dig_T3, self.dig_P1,
         self.dig_P2, self.dig_P3, self.dig_P4, self.dig_P5,
         self.dig_P6, self.dig_P7, self.dig_P8, self.dig_P9,
         _, self.dig_H1) = unpack("<HhhHhhhhhhhhBB", dig_88_a1)
        self.dig_H2, self.dig_H3 = unpack("<hB", dig_e1_e7)
        e4_sign = unpack_from("<b", dig_e1_e7, 3)[0]
        self.dig_H4 = (e4_sign << 4) | (dig_e1_e7[4] & 0xF)
        e6_sign = unpack_from("<b", dig_e1_e7, 5)[0]
        self.dig_H5 = (e6_sign << 4) | (dig_e1_e7[4] >> 4)
        self.dig_H6 = unpack_from("<b", dig_e1_e7, 6)[0]
        self.i2c.writeto_mem(self.address, 0xF2, bytearray([1]))
        self.t_fine = 0

    def read_raw(self):
        self.i2c.writeto_mem(self.address, 0xF4, bytearray([0x25]))
        time.sleep_ms(40)
        data = self.i2c.readfrom_mem(self.address, 0xF7, 8)
        raw_p = ((data[0] << 16) | (data[1] << 8) | data[2]) >> 4
        raw_t = ((data[3] << 16) | (data[4] << 8) | data[5]) >> 4
        raw_h = (data[6] << 8) | data[7]
        return raw_t, raw_p, raw_h

    @property
    def values(self):
        raw_t, raw_p, raw_h = self.read_raw()
        var1 = ((raw_t >> 3) - (self.dig_T1 << 1)) * (self.dig_T2 >> 11)
        var2 = (((((raw_t >> 4) - self.dig_T1) * ((raw_t >> 4) - self.dig_T1)) >> 12) * self.dig_T3) >> 14
        self.t_fine = var1 + var2
        temp = ((self.t_fine * 5 + 128) >> 8) / 100
        return temp, raw_p / 256 / 100, raw_h / 1024
