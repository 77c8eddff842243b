"""The app under uvicorn with bounded connections (``thucydides serve``).

uvicorn's own settings do part of it: ``h11_max_incomplete_event_size`` bounds a request's line and headers,
``timeout_keep_alive`` closes idle keep-alive connections and ``limit_concurrency`` bounds the requests in
flight. Two things uvicorn lacks come from :func:`protocol`, a subclass of its h11 protocol:

- a header timeout: a connection must send a request's line and headers within ``header_timeout`` seconds of
  connecting or of its previous answer (uvicorn waits for a first request forever);
- a cap on open connections: past ``max_connections``, the connection idle the longest is closed (the new one
  when none is idle), so idle connections can neither use up file descriptors nor lock new clients out. A
  warning says so at most once a minute.

:func:`run` raises the process's soft limit on open files to its hard limit and keeps the cap under it, with
room for the connections accepted in one burst (asyncio accepts up to ``backlog`` at a time, before the
protocol sees any). Should accepting still fail (the whole system out of descriptors), asyncio's error (logged
up to ``backlog`` times per attempt, each with a traceback) is said in one line, once a minute.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from thucydides.config import Settings

FD_RESERVE = 128  # descriptors kept for the store's files, the model, logs and threads
MAX_BACKLOG = 2048  # the listen queue, which is also how many connections asyncio accepts in one go
WARN_EVERY = 60.0  # seconds between two warnings of the same kind
ACCEPT_FAILED = "socket.accept() out of system resource"  # asyncio's message


class _Shedder:
    """Closes the connection idle the longest when there are too many; warns at most once a minute."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.warned = float("-inf")

    def admit(self, newcomer: Any) -> None:
        live = [c for c in newcomer.connections if not c.transport.is_closing()]
        if len(live) <= self.limit:
            return
        idle = [c for c in live if c is not newcomer and c.conn.their_state is h11.IDLE]
        victim = min(idle, key=lambda c: c.idle_since) if idle else newcomer
        victim.transport.close()
        if time.monotonic() - self.warned >= WARN_EVERY:
            self.warned = time.monotonic()
            newcomer.logger.warning("%d connections open (limit %d): closing the one idle the longest; "
                                    "this is said once a minute", len(live), self.limit)


def protocol(*, max_connections: int, header_timeout: float) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol with a header timeout and a cap on open connections (module docstring)."""
    shedder = _Shedder(max_connections)

    class BoundedH11Protocol(H11Protocol):
        idle_since = 0.0
        header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._wait_for_headers()
            if len(self.connections) > max_connections:
                shedder.admit(self)

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is not h11.IDLE:
                self._stop_waiting()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
                self._wait_for_headers()

        def connection_lost(self, exc: Exception | None) -> None:
            self._stop_waiting()
            super().connection_lost(exc)

        def _wait_for_headers(self) -> None:
            self._stop_waiting()
            self.idle_since = self.loop.time()
            self.header_timer = self.loop.call_later(header_timeout, self._headers_late)

        def _stop_waiting(self) -> None:
            if self.header_timer is not None:
                self.header_timer.cancel()
                self.header_timer = None

        def _headers_late(self) -> None:
            self.header_timer = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()

    return BoundedH11Protocol


class _QuietAccept:
    """The event loop's error handler: asyncio's accept failures in one line a minute, the rest as asyncio does."""

    def __init__(self) -> None:
        self.said = float("-inf")

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if context.get("message") != ACCEPT_FAILED:
            loop.default_exception_handler(context)
        elif time.monotonic() - self.said >= WARN_EVERY:
            self.said = time.monotonic()
            logging.getLogger("uvicorn.error").warning("cannot accept connections: %s (said once a minute)",
                                                       context.get("exception"))


def raise_file_limit() -> int | None:
    """Raise the soft limit on open files to the hard one; the soft limit after (None where unknown)."""
    try:
        import resource
    except ImportError:  # not on Unix
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65_536)
    if soft == resource.RLIM_INFINITY or soft >= wanted:
        return None if soft == resource.RLIM_INFINITY else soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    except (ValueError, OSError):
        return soft
    return wanted


def capacity(max_connections: int, file_limit: int | None) -> tuple[int, int]:
    """The connection cap and the listen backlog under ``file_limit`` open files: up to four bursts of
    ``backlog`` accepted connections can be open before the protocol closes the surplus (an eighth of the room
    each), so the cap leaves room for them."""
    if file_limit is None:
        return max_connections, MAX_BACKLOG
    room = max(file_limit - FD_RESERVE, 64)
    backlog = max(8, min(MAX_BACKLOG, room // 8))
    return max(8, min(max_connections, room - 4 * backlog)), backlog


def config(app: Any, *, host: str, port: int, settings: Settings, file_limit: int | None = None,
           log_level: str = "info") -> uvicorn.Config:
    """uvicorn's configuration for ``app`` with the ``[serve]`` settings; ``file_limit`` lowers the connection
    cap to fit under that many open files."""
    connections, backlog = capacity(settings.max_connections, file_limit)
    return uvicorn.Config(
        app, host=host, port=port, log_level=log_level, ws="none", server_header=False,
        http=protocol(max_connections=connections, header_timeout=settings.header_timeout),
        # Connections never pass the cap for long (the protocol closes one), so this bounds requests in flight;
        # at the cap itself uvicorn would answer 503 to every request.
        limit_concurrency=connections + 1,
        timeout_keep_alive=settings.keep_alive_timeout,
        h11_max_incomplete_event_size=settings.max_header_bytes,
        backlog=backlog,
    )


def run(app: Any, *, host: str, port: int, settings: Settings) -> None:
    """Serve ``app`` until interrupted."""
    options = config(app, host=host, port=port, settings=settings, file_limit=raise_file_limit())
    server = uvicorn.Server(options)

    async def serve() -> None:
        asyncio.get_running_loop().set_exception_handler(_QuietAccept())
        await server.serve()

    with asyncio.Runner(loop_factory=options.get_loop_factory()) as runner:
        runner.run(serve())
