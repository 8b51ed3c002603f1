"""Verify a downloaded camera-module firmware blob before flashing it."""
import hashlib
import subprocess
from pathlib import Path

import requests

MANIFEST_URL = "https://fw.wildcam.example.org/camera-module/manifest.json"
SIGNING_PUBKEY = "/etc/wildcam/fw-signing.pub"


def fetch_and_verify(dest: Path) -> Path:
    manifest = requests.get(MANIFEST_URL, timeout=20, verify=True).json()
    blob = requests.get(manifest["url"], timeout=60, verify=True).content
    if hashlib.sha256(blob).hexdigest() != manifest["sha256"]:
        raise ValueError("firmware hash mismatch")
    dest.write_bytes(blob)
    sig = dest.with_suffix(".sig")
    sig.write_bytes(bytes.fromhex(manifest["signature"]))
    subprocess.run(["openssl", "dgst", "-sha256", "-verify", SIGNING_PUBKEY, "-signature", str(sig), str(dest)], check=True)
    return dest
