"""What the web benchmarks share: waiting for a `thucydides serve` process to answer."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx


def wait_ready(client: httpx.Client, server: subprocess.Popen, *, seconds: float = 60) -> bool:
    """True once the server answers ``/api/articles``; False (with a line on stderr) if it exits or takes
    longer than ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if client.get("/api/articles", params={"limit": 1}).status_code == 200:
                return True
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            print("the server did not start", file=sys.stderr)
            return False
        time.sleep(0.2)
