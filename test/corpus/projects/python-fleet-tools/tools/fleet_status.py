"""Collect status from the device web APIs across the fleet and push the shared config."""
import asyncio
import json
import socket
import ssl
import urllib.request

import aiohttp

DEVICES = ["10.40.1.11", "10.40.1.12", "10.40.1.13"]


def fetch_status(host: str) -> bytes:
    ctx = ssl._create_unverified_context()
    with urllib.request.urlopen(f"https://{host}/status.json", context=ctx, timeout=5) as resp:
        return resp.read()


def push_config(host: str, config: dict) -> None:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, 443), timeout=5) as sock:
        with ctx.wrap_socket(sock, server_hostname=host) as tls:
            tls.sendall(json.dumps(config).encode() + b"\n")


async def fetch_all() -> list:
    async with aiohttp.ClientSession() as session:
        results = []
        for host in DEVICES:
            async with session.get(f"https://{host}/api/info", ssl=False) as resp:
                results.append(await resp.json())
        return results


if __name__ == "__main__":
    print(asyncio.run(fetch_all()))
