"""How the server answers a bad request: 400 for a body that is not what the endpoint takes (malformed JSON
included, as README says) and for a value the program refuses (:class:`~thucydides.errors.UsageError`, e.g. a
filter); 422 stays for query parameters of the wrong type or out of range. Nothing bad a client sends is a 500.

A browser (``Accept`` naming ``text/html``) asking for a page gets the error as an HTML page (templates/
error.html) with the same status; the API (``/api/...``, ``/openapi.json``) always answers JSON.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from thucydides.errors import UsageError
from thucydides.web.render import templates

API_PREFIXES = ("/api/", "/openapi.json", "/static/")


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(HTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(UsageError, _usage)  # type: ignore[arg-type]


def html_error(path: str, accept: str, status: int, detail: str | list[str]) -> str | None:
    """The error page for a browser asking for a page (``path`` outside the API, ``accept`` naming text/html),
    else None (the answer stays JSON)."""
    if path.startswith(API_PREFIXES) or path == "/api" or "text/html" not in accept.lower():
        return None
    try:
        title = f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        title = str(status)
    lines = [detail] if isinstance(detail, str) else detail
    return templates.get_template("error.html").render(title=title, status=status, lines=lines)


def _page(request: Request, status: int, detail: str | list[str], headers: dict[str, str] | None = None
          ) -> Response | None:
    page = html_error(request.url.path, request.headers.get("accept", ""), status, detail)
    return None if page is None else HTMLResponse(page, status_code=status, headers=headers)


async def _http(request: Request, exc: HTTPException) -> Response:
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    page = _page(request, exc.status_code, detail, getattr(exc, "headers", None))
    return page if page is not None else await http_exception_handler(request, exc)


async def _validation(request: Request, exc: RequestValidationError) -> Response:
    errors = list(exc.errors())
    if errors and all(_in_body(e) for e in errors):
        # the input is left out: it may be the whole body, or text that cannot be encoded (a lone surrogate)
        return JSONResponse({"detail": [_without_input(e) for e in errors]}, status_code=400)
    page = _page(request, 422, [f"{e['loc'][-1]}: {e.get('msg')}" if e.get("loc") else str(e.get("msg"))
                                for e in errors])
    return page if page is not None else await request_validation_exception_handler(request, exc)


async def _usage(request: Request, exc: UsageError) -> Response:
    page = _page(request, 400, exc.message)
    return page if page is not None else JSONResponse({"detail": exc.message}, status_code=400)


def _in_body(error: dict[str, Any]) -> bool:
    return bool(error.get("loc")) and error["loc"][0] == "body"


def _without_input(error: dict[str, Any]) -> dict[str, Any]:
    return {"type": error.get("type"), "loc": [str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg"))}
