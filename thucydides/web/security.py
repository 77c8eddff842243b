"""What ``thucydides serve`` trusts: a request's Host and Origin, a token for writes, a bounded body, and the
security headers of every answer.

:class:`Guard` is the outermost ASGI layer of the app (outside FastAPI's own error handling, so that even a
500 carries the headers). For each HTTP request, in this order:

1. ``Host`` must name this server: a loopback name, the bound host, a name given with ``--allow-host``, or any
   IP address when the server is bound to every interface (DNS rebinding needs a name). Else 400.
2. The query string holds at most ``max_query_bytes``. Else 414.
3. A write (any method but GET, HEAD and OPTIONS) sent by a browser must come from this origin: ``Origin``
   equal to the scheme and Host of the request, and ``Sec-Fetch-Site`` (when sent) ``same-origin``. Else 403.
   A client that sends neither (curl, a script) passes, because browsers send ``Origin`` with every POST.
4. A body is read here, streamed, up to ``max_body_bytes`` (announced by ``Content-Length`` or chunked) and
   within ``body_timeout`` seconds. Else 413 or 408, and the connection is closed. The app then gets the body.
5. With a token (which :func:`access_for` requires beyond loopback), a write needs ``Authorization: Bearer
   TOKEN`` or, from the paste form, a ``token`` field. Else 401.

The timeouts and limits on connections themselves are uvicorn's, set in :mod:`thucydides.web.server`.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import socket
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import FastAPI

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})
MIN_TOKEN_CHARS = 16
TOKEN_VARIABLE = "THUCYDIDES_TOKEN"

# Pages have no script at all; styles are inline (<style> and style=""), and text in them is escaped.
PAGE_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
               "frame-ancestors 'none'; base-uri 'none'")
# /docs and /redoc (thucydides/web/docs.py): Swagger UI and ReDoc, scripts and styles from this server only (an
# inline script starts each); they hold no stored text. ReDoc runs a worker from a blob.
DOCS_POLICY = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src blob:; "
               "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
# Referrer-Policy same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the form.
HEADERS = ((b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"same-origin"))


@dataclass(frozen=True, slots=True)
class Access:
    """Who may talk to the server: the Host names it answers to, and the token writes need (None: none)."""

    hosts: frozenset[str] = LOOPBACK_NAMES
    any_ip: bool = False  # any IP address as Host (bound to every interface)
    token: str | None = None

    def accepts_host(self, name: str) -> bool:
        return name in self.hosts or (self.any_ip and _is_ip(name))


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds :class:`Guard` enforces on a request (the ``[serve]`` settings)."""

    max_body_bytes: int = 2_097_152
    max_query_bytes: int = 8_192
    body_timeout: float = 30.0


def is_loopback(host: str) -> bool:
    name = host.strip().strip("[]").lower()
    return name == "localhost" or (_is_ip(name) and ipaddress.ip_address(name).is_loopback)


def access_for(host: str, *, token: str | None = None, names: Iterable[str] = ()) -> Access:
    """What a server bound to ``host`` accepts. ``names``: more Host names to answer to (``--allow-host``).

    Raises:
        ValueError: ``host`` is beyond loopback and no token is given, or the token is too short (the message
            is for the user).
    """
    bind = host.strip().strip("[]").lower()
    token = token or None
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise ValueError(f"the write token must have at least {MIN_TOKEN_CHARS} characters")
    if token is None and not is_loopback(bind):
        raise ValueError(f"--host {host} serves beyond this machine, so writes need a token: give --token or set "
                         f"{TOKEN_VARIABLE} (at least {MIN_TOKEN_CHARS} characters, for example from "
                         "`python3 -c 'import secrets; print(secrets.token_urlsafe(24))'`)")
    wildcard = bind in WILDCARD_HOSTS
    hosts = set(LOOPBACK_NAMES) | {_host_name(n)[0] for n in names if n.strip()}
    hosts.add(socket.gethostname().lower() if wildcard else bind)
    return Access(frozenset(hosts), any_ip=wildcard, token=token)


# (path, Accept, status, detail) -> an HTML page for a browser, or None for JSON (errors.html_error)
ErrorPage = Callable[[str, str, int, str], str | None]


class GuardedAPI(FastAPI):
    """FastAPI with a :class:`Guard` outside its whole middleware stack, error handling included.
    ``docs_paths``: the documentation pages served apart from FastAPI's own (they get :data:`DOCS_POLICY`)."""

    docs_paths: frozenset[str] = frozenset()

    def guard_with(self, *, access: Access, limits: Limits, error_page: ErrorPage | None = None) -> None:
        self.access, self.limits, self.error_page = access, limits, error_page

    def build_middleware_stack(self) -> ASGIApp:  # type: ignore[override]
        docs = {self.docs_url, self.redoc_url, self.swagger_ui_oauth2_redirect_url, *self.docs_paths} - {None}
        return Guard(super().build_middleware_stack(), access=getattr(self, "access", Access()),
                     limits=getattr(self, "limits", Limits()), docs_paths=docs,  # type: ignore[arg-type]
                     error_page=getattr(self, "error_page", None))


class Guard:
    """The ASGI layer described in the module docstring, around ``app``."""

    def __init__(self, app: ASGIApp, *, access: Access, limits: Limits, docs_paths: Iterable[str] = (),
                 error_page: ErrorPage | None = None) -> None:
        self.app, self.access, self.limits = app, access, limits
        self.docs_paths = frozenset(docs_paths)
        self.error_page = error_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_headers(scope, send)
        headers = _headers(scope)
        refusal = self._check_request(scope, headers) or self._check_token(scope, headers, None)
        if refusal is None and _has_body(headers):
            body, refusal = await self._read_body(receive)
            if refusal is None:
                receive = _replay(body, receive)
                refusal = self._check_token(scope, headers, body)
        if refusal is not None:
            page = self.error_page and self.error_page(scope.get("path", ""),
                                                       headers.get(b"accept", b"").decode("latin-1"), *refusal)
            await _refuse(send, *refusal, page=page)
            return
        await self.app(scope, receive, send)

    def _with_headers(self, scope: Scope, send: Send) -> Send:
        policy = DOCS_POLICY if scope.get("path") in self.docs_paths else PAGE_POLICY
        extra = ((b"content-security-policy", policy.encode()), *HEADERS)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {bytes(name).lower() for name, _ in message.get("headers", ())}
                message = {**message, "headers": [*message.get("headers", ()),
                                                  *(h for h in extra if h[0] not in present)]}
            await send(message)

        return send_with_headers

    def _check_request(self, scope: Scope, headers: dict[bytes, bytes]) -> tuple[int, str] | None:
        host = _host_name(headers.get(b"host", b"").decode("latin-1"))
        if not host[0] or not self.access.accepts_host(host[0]):
            return 400, "this server does not answer to that Host (see --allow-host)"
        if len(scope.get("query_string", b"")) > self.limits.max_query_bytes:
            return 414, f"query string over {self.limits.max_query_bytes} bytes"
        if scope["method"] not in SAFE_METHODS:
            fetch_site = headers.get(b"sec-fetch-site", b"same-origin").decode("latin-1").lower()
            origin = headers.get(b"origin")
            if fetch_site not in ("same-origin", "none") or (
                    origin is not None and not _same_origin(origin.decode("latin-1"), scope, host)):
                return 403, "a write must come from this server's own pages (Origin or Sec-Fetch-Site differs)"
        length = headers.get(b"content-length", b"")
        if length and not length.isdigit():
            return 400, "Content-Length is not a number"
        if length and int(length) > self.limits.max_body_bytes:
            return 413, f"request body over {self.limits.max_body_bytes} bytes"
        return None

    async def _read_body(self, receive: Receive) -> tuple[bytes, tuple[int, str] | None]:
        """The whole body, read within the limits, or the refusal."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.body_timeout
        chunks: list[bytes] = []
        size = 0
        while True:
            try:
                message = await asyncio.wait_for(receive(), max(deadline - loop.time(), 0.0))
            except TimeoutError:
                return b"", (408, f"request body not received within {self.limits.body_timeout:g} s")
            if message["type"] == "http.disconnect":
                return b"", (400, "client disconnected")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limits.max_body_bytes:
                return b"", (413, f"request body over {self.limits.max_body_bytes} bytes")
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), None

    def _check_token(self, scope: Scope, headers: dict[bytes, bytes], body: bytes | None) -> tuple[int, str] | None:
        """The refusal of a write without the token. ``body`` None: before the body is read, when a form's
        token field cannot be judged yet (it is, once read); any other write is judged at once."""
        if self.access.token is None or scope["method"] in SAFE_METHODS:
            return None
        scheme, _, given = headers.get(b"authorization", b"").partition(b" ")
        if scheme.lower() != b"bearer":
            given = b""
            if headers.get(b"content-type", b"").split(b";")[0].strip() == b"application/x-www-form-urlencoded":
                if body is None:
                    return None
                given = (parse_qs(body.decode("ascii", "replace")).get("token") or [""])[0].encode()
        if not hmac.compare_digest(given.strip(), self.access.token.encode()):
            return 401, "writes need the server's token (Authorization: Bearer TOKEN)"
        return None


def _headers(scope: Scope) -> dict[bytes, bytes]:
    """Request headers by lower-case name (the first of repeated ones)."""
    out: dict[bytes, bytes] = {}
    for name, value in scope.get("headers", ()):
        out.setdefault(bytes(name).lower(), bytes(value))
    return out


def _has_body(headers: dict[bytes, bytes]) -> bool:
    return b"transfer-encoding" in headers or headers.get(b"content-length", b"0") not in (b"", b"0")


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives ``body`` whole, then whatever the connection says next (a disconnect)."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(send: Send, status: int, detail: str, *, page: str | None = None) -> None:
    """Answer ``status`` with ``detail`` as JSON, or ``page`` (HTML) when given, and close the connection."""
    body = json.dumps({"detail": detail}).encode() if page is None else page.encode()
    kind = b"application/json" if page is None else b"text/html; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _host_name(value: str) -> tuple[str, int | None]:
    """``("example.org", 8000)`` from ``example.org:8000`` (``[::1]:80`` gives ``::1``); ``("", None)`` when
    malformed."""
    value = value.strip().lower()
    if value.startswith("["):
        name, bracket, rest = value[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            return "", None
        port = rest[1:]
    else:
        name, _, port = value.partition(":")
    if port and not (port.isascii() and port.isdigit()):
        return "", None
    return name.rstrip("."), int(port) if port else None


def _same_origin(origin: str, scope: Scope, host: tuple[str, int | None]) -> bool:
    defaults = {"http": 80, "https": 443}
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme not in defaults or not parts.hostname:
        return False
    origin_port = port or defaults[parts.scheme]
    host_port = host[1] or defaults.get(scope.get("scheme", "http"), 80)
    return parts.hostname.rstrip(".") == host[0] and origin_port == host_port


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True
