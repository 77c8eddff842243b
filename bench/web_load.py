"""A bounded load test of the REST API on loopback: latency percentiles and throughput per endpoint.

Run: .venv/bin/python bench/web_load.py [--requests 300] [--code-requests 100] [--concurrency 8]

Codes the bundled samples/ into a temporary database (`thucydides code samples/ --db TMP`), starts
`thucydides serve` on 127.0.0.1 on a free port in a subprocess, then fires the requests at each endpoint in
turn from --concurrency threads sharing one httpx client (keep-alive): GET /api/events without filters,
GET /api/events with filters, and POST /api/code with a short article written here (not stored). One
request to each endpoint before its timed run is a warm-up (it loads the spaCy pipeline for /api/code) and
is not counted. Every response must be 200 (and every /api/code answer the same record); the script exits
1 otherwise. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from serving import wait_ready

REPO = Path(__file__).resolve().parents[1]
THUCYDIDES = REPO / ".venv" / "bin" / "thucydides"
ARTICLE = ("KYIV, May 6 (Reuters) - Russian forces shelled Kharkiv overnight, Ukraine's military said on Monday. "
           "Ukrainian Foreign Minister Dmytro Kuleba urged NATO allies to send more air defence systems. "
           "\"We need Patriots now,\" Kuleba told reporters in Kyiv. The Kremlin said Moscow was open to talks "
           "with Washington but accused the United States of prolonging the war.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def run(client: httpx.Client, name: str, request: dict[str, Any], count: int, concurrency: int) -> dict[str, Any]:
    def one(_: int) -> tuple[float, int, bytes]:
        start = time.perf_counter()
        response = client.request(**request)
        return time.perf_counter() - start, response.status_code, response.content

    one(0)  # warm-up, not counted
    began = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, range(count)))
    wall = time.perf_counter() - began
    latencies = [r[0] * 1000 for r in results]
    bad = [r[1] for r in results if r[1] != 200]
    distinct = len({r[2] for r in results if r[1] == 200})
    return {"endpoint": name, "requests": count, "errors": len(bad), "distinct_bodies": distinct,
            "p50_ms": percentile(latencies, 50), "p90_ms": percentile(latencies, 90),
            "p99_ms": percentile(latencies, 99), "max_ms": max(latencies), "mean_ms": statistics.fmean(latencies),
            "requests_per_s": count / wall, "seconds": wall}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300, help="per GET endpoint (default 300)")
    parser.add_argument("--code-requests", type=int, default=100, help="POST /api/code requests (default 100)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="thucydides-web-load-") as tmp:
        db = str(Path(tmp) / "demo.db")
        coded = subprocess.run([str(THUCYDIDES), "code", str(REPO / "samples"), "--db", db, "-q"],
                               capture_output=True, text=True)
        if coded.returncode != 0:
            print(f"coding the samples failed:\n{coded.stderr}", file=sys.stderr)
            return 1
        port = free_port()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        server = subprocess.Popen([str(THUCYDIDES), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)
            with httpx.Client(base_url=base, timeout=120, limits=limits) as client:
                if not wait_ready(client, server):
                    return 1
                total = client.get("/api/events", params={"limit": 1000}).json()["items"]
                plans = [
                    ("GET /api/events (no filters, limit 100)",
                     {"method": "GET", "url": "/api/events", "params": {"limit": 100}}, args.requests),
                    ("GET /api/events?actor=RUS&polarity=positive",
                     {"method": "GET", "url": "/api/events", "params": {"actor": "RUS", "polarity": "positive"}},
                     args.requests),
                    ("GET /api/events?root=19&since=2022-01-01",
                     {"method": "GET", "url": "/api/events", "params": {"root": "19", "since": "2022-01-01"}},
                     args.requests),
                    ("POST /api/code (359-character article)",
                     {"method": "POST", "url": "/api/code", "json": {"text": ARTICLE, "published": "2024-05-06"}},
                     args.code_requests),
                ]
                results = [run(client, name, request, count, args.concurrency) for name, request, count in plans]
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
    failed = any(r["errors"] or r["distinct_bodies"] != 1 for r in results)
    if args.json:
        print(json.dumps({"events_in_store": len(total), "concurrency": args.concurrency, "cpus": os.cpu_count(),
                          "results": results}, indent=2))
    else:
        print(f"store: {len(total)} events from samples/; concurrency {args.concurrency}; {os.cpu_count()} CPUs; "
              f"one uvicorn process on 127.0.0.1:{port}")
        print(f"{'endpoint':<46} {'n':>4} {'err':>3} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8} "
              f"{'req/s':>7}")
        for r in results:
            print(f"{r['endpoint']:<46} {r['requests']:>4} {r['errors']:>3} {r['p50_ms']:>8.1f} {r['p90_ms']:>8.1f} "
                  f"{r['p99_ms']:>8.1f} {r['max_ms']:>8.1f} {r['requests_per_s']:>7.1f}")
        if failed:
            print("FAILED: some responses were not 200, or /api/code answered differently to the same text",
                  file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
