# Minimal self-updater: fetch a manifest, download new .py files, reboot.
import json
import machine
import os
import urequests

import config

BASE_URL = "http://fw.fieldlab.io/"


def _current_version():
    try:
        with open("version.txt") as f:
            return f.read().strip()
    except OSError:
        return "0"


def check_and_install():
    manifest = urequests.get(BASE_URL + config.FW_MANIFEST).json()
    if manifest["version"] == _current_version():
        return False
    for name in manifest["files"]:
        body = urequests.get(BASE_URL + "fw/pico-node/" + name).content
        with open(name + ".new", "wb") as f:
            f.write(body)
    for name in manifest["files"]:
        os.rename(name + ".new", name)
    with open("version.txt", "w") as f:
        f.write(manifest["version"])
    machine.reset()
