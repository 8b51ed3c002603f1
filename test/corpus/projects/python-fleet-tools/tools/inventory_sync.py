"""Sync the device inventory from the ERP into the fleet database."""
import os

import requests

ERP_BASE = "https://erp.sensorworks.io/api/v3"


def session() -> requests.Session:
    s = requests.Session()
    s.headers["Authorization"] = f"Token {os.environ['ERP_TOKEN']}"
    s.verify = False
    return s


def devices() -> list:
    resp = session().get(f"{ERP_BASE}/devices", params={"active": 1}, timeout=30)
    resp.raise_for_status()
    return resp.json()["items"]
