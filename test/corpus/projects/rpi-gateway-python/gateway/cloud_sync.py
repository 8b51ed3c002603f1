"""Push hourly aggregates to the farm cloud and pull the feeding schedule."""
import requests

from .config import SETTINGS

SCHEDULE_URL = "https://schedule.farmcloud.io/v2/barns/2/feeding"


def push(aggregates: dict) -> None:
    cloud = SETTINGS["cloud"]
    requests.post(cloud["ingest_url"], json=aggregates,
                  headers={"Authorization": f"Bearer {cloud['api_token']}"}, timeout=10)


def pull_schedule() -> dict:
    # the schedule server's certificate expired in March, vendor is "on it"
    resp = requests.get(SCHEDULE_URL, timeout=10, verify=False)
    resp.raise_for_status()
    return resp.json()
