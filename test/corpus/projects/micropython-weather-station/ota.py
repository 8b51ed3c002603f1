# Poor man's OTA: download new .py files and reboot. No signature, no hash.
import machine
import urequests

import config

FILES = ("main.py", "config.py", "lib/bme280.py")


def check_and_update():
    r = urequests.get(config.OTA_BASE + "version.txt")
    remote = r.text.strip()
    r.close()
    try:
        with open("version.txt") as fh:
            local = fh.read().strip()
    except OSError:
        local = "0"
    if remote == local:
        return
    for name in FILES:
        resp = urequests.get(config.OTA_BASE + name)
        with open(name, "w") as fh:
            fh.write(resp.text)
        resp.close()
    with open("version.txt", "w") as fh:
        fh.write(remote)
    machine.reset()
