"""How the server answers a bad request: 400 for a body that is not what the endpoint takes (malformed JSON
included, as README says) and for a value the program refuses (:class:`~thucydides.errors.UsageError`, e.g. a
filter); 422 stays for query parameters of the wrong type or out of range. Nothing bad a client sends is a 500.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from thucydides.errors import UsageError


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(UsageError, _usage)  # type: ignore[arg-type]


async def _validation(request: Request, exc: RequestValidationError) -> Response:
    errors = list(exc.errors())
    if errors and all(_in_body(e) for e in errors):
        # the input is left out: it may be the whole body, or text that cannot be encoded (a lone surrogate)
        return JSONResponse({"detail": [_without_input(e) for e in errors]}, status_code=400)
    return await request_validation_exception_handler(request, exc)


async def _usage(request: Request, exc: UsageError) -> Response:
    return JSONResponse({"detail": exc.message}, status_code=400)


def _in_body(error: dict[str, Any]) -> bool:
    return bool(error.get("loc")) and error["loc"][0] == "body"


def _without_input(error: dict[str, Any]) -> dict[str, Any]:
    return {"type": error.get("type"), "loc": [str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg"))}
