#!/usr/bin/env python3
"""Push the NTP/syslog settings to the legacy RS-485 converters (they only speak telnet)."""
import sys
import telnetlib

COMMANDS = [b"set ntp pool.ntp.org", b"set syslog 10.40.0.10", b"save"]


def configure(host: str, password: str) -> None:
    tn = telnetlib.Telnet(host, 23, timeout=10)
    tn.read_until(b"Password: ")
    tn.write(password.encode() + b"\n")
    for cmd in COMMANDS:
        tn.write(cmd + b"\n")
    tn.close()


if __name__ == "__main__":
    configure(sys.argv[1], sys.argv[2])
