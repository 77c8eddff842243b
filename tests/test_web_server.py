"""``thucydides serve`` against hostile connections (issue 18, part 4), live: a subprocess on 127.0.0.1 and a free
port, limited to 1,024 open files as where the attack was run, stopped at the end. Idle connections, headers and
bodies sent slowly, chunked bodies over the cap. Request counts are bounded, and so is every wait."""

from __future__ import annotations

import json
import selectors
import socket
import subprocess
import sys
import time

import pytest

from thucydides.store import Store

LIVE_SETTINGS = "[serve]\nheader_timeout = 1.0\nbody_timeout = 1.0\nkeep_alive_timeout = 1\n"
IDLE_CONNECTIONS = 1_100
SERVER_FILES = 1_024


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """``thucydides serve`` over an empty store in a subprocess on 127.0.0.1 and a free port, with 1-second
    timeouts: (port, log)."""
    folder = tmp_path_factory.mktemp("live")
    db_path = str(folder / "empty.db")
    Store(db_path).close()
    settings = folder / "serve.toml"
    settings.write_text(LIVE_SETTINGS)
    log = folder / "serve.log"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with log.open("wb") as sink:
        process = subprocess.Popen([sys.executable, "-m", "thucydides.cli", "serve", "--db", db_path, "--port",
                                    str(port), "--config", str(settings)], stdout=sink, stderr=subprocess.STDOUT,
                                   preexec_fn=_few_files)
    try:
        deadline = time.monotonic() + 60
        while _status(port, "/api/articles") != 200:
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield port, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _few_files() -> None:
    """In the server's process: 1,024 open files at most, soft and hard, as where the attack was run (the
    server cannot raise it, so fewer than 1,100 connections must do)."""
    import resource

    resource.setrlimit(resource.RLIMIT_NOFILE, (SERVER_FILES, SERVER_FILES))


def _status(port: int, path: str) -> int | None:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    except OSError:
        return None
    finally:
        connection.close()


def _connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=10)


def _closed_within(sock: socket.socket, seconds: float) -> bytes | None:
    """What the server sends until it closes the connection, or None if it is still open after ``seconds``."""
    received = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _readable(sock, max(deadline - time.monotonic(), 0)):
            break
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            return received
        if not chunk:
            return received
        received += chunk
    return None


def _readable(sock: socket.socket, seconds: float) -> bool:
    with selectors.DefaultSelector() as selector:  # epoll where there is one: any descriptor number
        selector.register(sock, selectors.EVENT_READ)
        return bool(selector.select(seconds))


def _file_limit(wanted: int) -> None:
    resource = pytest.importorskip("resource")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < wanted:
        if hard != resource.RLIM_INFINITY and hard < wanted:
            pytest.skip(f"needs {wanted} open files, the hard limit is {hard}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def test_idle_connections_neither_lock_clients_out_nor_flood_the_log(live):
    port, log = live
    _file_limit(IDLE_CONNECTIONS + 300)
    idle = []
    try:
        for _ in range(IDLE_CONNECTIONS):
            idle.append(_connect(port))
        assert _status(port, "/api/articles?limit=1") == 200
    finally:
        for sock in idle:
            sock.close()
    text = log.read_text()
    assert "Traceback" not in text and "Too many open files" not in text
    assert len(text.splitlines()) < 50


def test_a_connection_that_sends_no_request_is_closed(live):
    port, _ = live
    with _connect(port) as sock:
        assert _closed_within(sock, 4.0) == b""


def test_headers_sent_slowly_are_cut_off(live):
    port, _ = live
    with _connect(port) as sock:
        sock.sendall(b"GET /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        closed = False
        deadline = time.monotonic() + 4.0  # the header timeout is 1 s
        while not closed and time.monotonic() < deadline:
            try:
                sock.sendall(b"X-Slow: 1\r\n")  # a header line every 0.3 s keeps the connection busy, not idle
                closed = _closed_within(sock, 0.3) is not None
            except OSError:
                closed = True
    assert closed


def test_a_body_sent_slowly_is_a_408(live):
    port, _ = live
    with _connect(port) as sock:
        sock.sendall(b"POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{\"text\":")
        answer = _closed_within(sock, 4.0)
    assert answer is not None and answer.startswith(b"HTTP/1.1 408")


@pytest.mark.parametrize(("path", "content_type"), [("/api/code", "application/json"),
                                                    ("/code", "application/x-www-form-urlencoded")])
def test_a_chunked_body_over_the_cap_is_refused(live, path, content_type):
    port, _ = live
    chunk = b"x" * 65536
    frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
    sent = 0
    answer = None
    with _connect(port) as sock:
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())
        while sent < 64 * 1024 * 1024 and answer is None:  # 64 MB at most: the server must stop reading long before
            try:
                sock.sendall(frame)
            except OSError:
                answer = _closed_within(sock, 2.0) or b""
                break
            sent += len(chunk)
            if _readable(sock, 0):
                answer = _closed_within(sock, 2.0)
    assert answer is not None and sent < 32 * 1024 * 1024
    assert answer == b"" or answer.startswith(b"HTTP/1.1 413")
    assert _status(port, "/api/articles?limit=1") == 200


def test_a_chunked_body_under_the_cap_is_read_whole(live):
    port, _ = live
    body = json.dumps({"text": "x", "published": "not a date"}).encode()
    with _connect(port) as sock:
        sock.sendall(b"POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        for piece in (body[:5], body[5:]):
            sock.sendall(b"%x\r\n" % len(piece) + piece + b"\r\n")
        sock.sendall(b"0\r\n\r\n")
        answer = _closed_within(sock, 5.0)
    assert answer is not None and answer.startswith(b"HTTP/1.1 400") and b"not an ISO date" in answer

