"""Hostile traffic against `thucydides serve` on loopback: idle connections, a chunked 300 MB body, headers sent
slowly. Prints what the server did, with its memory and its log.

Run: .venv/bin/python bench/web_attack.py [--idle 1100] [--chunked-mb 300] [--files 1024] [--plain-uvicorn]

The server runs in a subprocess on 127.0.0.1 and a free port, over an empty store, with at most --files open
files (soft and hard, 1,024 as where the attack of issue 18 was run). --plain-uvicorn runs the same app under
uvicorn's defaults instead of `thucydides serve` (no connection cap, no header timeout): the "before" figures.
Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import http.client
import os
import resource
import selectors
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PLAIN = "import sys, uvicorn\nfrom thucydides.web.app import create_app\n" \
        "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]))\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def memory_mb(pid: int) -> tuple[float, float]:
    """(resident, peak resident) of a process, in MB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def get(port: int, timeout: float = 5.0) -> tuple[int | None, float]:
    began = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/api/articles?limit=1")
        status = connection.getresponse().status
    except OSError:
        status = None
    finally:
        connection.close()
    return status, (time.perf_counter() - began) * 1000


def closed(sock: socket.socket) -> bool:
    sock.setblocking(False)
    try:
        return sock.recv(1, socket.MSG_PEEK) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        sock.settimeout(10)


def readable(sock: socket.socket) -> bool:
    with selectors.DefaultSelector() as selector:  # epoll: any descriptor number
        selector.register(sock, selectors.EVENT_READ)
        return bool(selector.select(0))


def idle_flood(port: int, count: int, hold: float) -> dict[str, float]:
    socks, began = [], time.perf_counter()
    for _ in range(count):
        try:
            socks.append(socket.create_connection(("127.0.0.1", port), timeout=10))
        except OSError:
            break
    opened = time.perf_counter() - began
    answers = [get(port) for _ in range(10)]
    time.sleep(hold)
    shut = sum(closed(s) for s in socks)
    for s in socks:
        s.close()
    latencies = [ms for status, ms in answers if status == 200]
    return {"opened": len(socks), "open_s": opened, "answered": len(latencies),
            "p50_ms": statistics.median(latencies) if latencies else float("nan"),
            "max_ms": max(latencies) if latencies else float("nan"), "closed_by_server": shut}


def chunked(port: int, megabytes: int) -> dict[str, object]:
    frame_body = b"x" * 65536
    frame = b"%x\r\n" % len(frame_body) + frame_body + b"\r\n"
    sent, answer, began = 0, b"", time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        try:
            while sent < megabytes * 1024 * 1024:
                sock.sendall(frame)
                sent += len(frame_body)
                if readable(sock):
                    break
            if sent >= megabytes * 1024 * 1024:
                sock.sendall(b"0\r\n\r\n")
            answer = sock.recv(200)
        except OSError as exc:
            answer = repr(exc).encode()
    return {"sent_mb": sent / 1024 / 1024, "answer": answer.split(b"\r\n")[0].decode(errors="replace"),
            "seconds": time.perf_counter() - began}


def slow_headers(port: int, limit: float) -> float | None:
    """Seconds until the server closes a connection that sends a header line every half second."""
    began = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        while time.perf_counter() - began < limit:
            try:
                sock.sendall(b"X-Slow: 1\r\n")
            except OSError:
                return time.perf_counter() - began
            time.sleep(0.5)
            if closed(sock):
                return time.perf_counter() - began
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--idle", type=int, default=1100, help="idle connections (default 1100)")
    parser.add_argument("--hold", type=float, default=12.0, help="seconds to hold them (default 12)")
    parser.add_argument("--chunked-mb", type=int, default=300, help="size of the chunked body (default 300)")
    parser.add_argument("--files", type=int, default=1024, help="the server's open-file limit (default 1024)")
    parser.add_argument("--plain-uvicorn", action="store_true", help="uvicorn's defaults: the figures before")
    args = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, args.idle + 500)), hard))
    with tempfile.TemporaryDirectory(prefix="thucydides-web-attack-") as tmp:
        db, log, port = Path(tmp) / "empty.db", Path(tmp) / "server.log", free_port()
        from thucydides.store import Store

        Store(db).close()
        command = ([sys.executable, "-c", PLAIN, str(db), str(port)] if args.plain_uvicorn else
                   [sys.executable, "-m", "thucydides.cli", "serve", "--db", str(db), "--port", str(port)])
        files = args.files

        def limit_files() -> None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (files, files))

        with log.open("wb") as sink:
            server = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, preexec_fn=limit_files,
                                      cwd=REPO, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            deadline = time.monotonic() + 60
            while get(port, 1.0)[0] != 200:
                if server.poll() is not None or time.monotonic() > deadline:
                    print(log.read_text()[-2000:])
                    return 1
                time.sleep(0.2)
            before = memory_mb(server.pid)
            flood = idle_flood(port, args.idle, args.hold)
            log_after_flood = log.stat().st_size
            body = chunked(port, args.chunked_mb)
            after = memory_mb(server.pid)
            trickle = slow_headers(port, 30.0)
        finally:
            server.terminate()
            server.wait(timeout=20)
        lines = log.read_text(errors="replace").splitlines()
    mode = "uvicorn defaults" if args.plain_uvicorn else "thucydides serve"
    print(f"server: {mode}, {args.files} open files at most, empty store, 127.0.0.1")
    print(f"idle flood: {flood['opened']}/{args.idle} connections opened in {flood['open_s']:.1f} s; "
          f"{flood['answered']}/10 GETs answered during it (p50 {flood['p50_ms']:.1f} ms, max {flood['max_ms']:.1f} "
          f"ms); {flood['closed_by_server']} closed by the server after {args.hold:g} s")
    print(f"log after the flood: {log_after_flood / 1024:.1f} KB; whole run: {len(lines)} lines, "
          f"{sum('Traceback' in line for line in lines)} tracebacks")
    print(f"chunked {args.chunked_mb} MB body: {body['sent_mb']:.1f} MB sent before the answer "
          f"({body['answer']!r}, {body['seconds']:.1f} s)")
    print(f"server memory: {before[0]:.0f} MB before, {after[0]:.0f} MB after, peak {after[1]:.0f} MB")
    closing = f"closed after {trickle:.1f} s" if trickle is not None else "still open after 30 s"
    print(f"headers sent slowly: {closing}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
