"""Wildlife camera: upload motion-triggered stills to the research bucket.

TLS everywhere, certificates verified against the pinned research CA bundle; the upload token is
read from the environment (systemd credential), never from this repository.
"""
import hashlib
import os
import ssl
from pathlib import Path

import requests

API_BASE = os.environ.get("CAMERA_API_BASE", "https://api.wildcam.example.org")
CA_BUNDLE = "/etc/wildcam/research-ca.pem"
TOKEN = os.environ["WILDCAM_UPLOAD_TOKEN"]


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()


def upload(path: Path) -> None:
    digest = sha256_of(path)
    with path.open("rb") as fh:
        resp = requests.put(
            f"{API_BASE}/v1/stills/{path.name}",
            data=fh,
            headers={"Authorization": f"Bearer {TOKEN}", "X-Content-SHA256": digest},
            timeout=30,
            verify=CA_BUNDLE,
        )
    resp.raise_for_status()


def tls_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=CA_BUNDLE)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx
