"""The API's documentation pages, Swagger UI at ``/docs`` and ReDoc at ``/redoc``, with every script, style
and icon served by this server (``/static/docs/``), so they work with no network and under a strict
Content-Security-Policy (:data:`thucydides.web.security.DOCS_POLICY`).

The files are those the ``fastapi-offline`` package ships (Swagger UI 5, which reads the OpenAPI 3.1 schema
FastAPI writes, and ReDoc 2), pinned in pyproject.toml; only its files are used, not its app class.
"""

from __future__ import annotations

from importlib import resources

from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from thucydides.web.security import GuardedAPI

STATIC_URL = "/static/docs"
DOCS_URL, REDOC_URL = "/docs", "/redoc"
ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js", "favicon.png")


def install(app: GuardedAPI) -> None:
    """Serve the assets and the two pages on ``app`` (made with ``docs_url=None, redoc_url=None``)."""
    assets = resources.files("fastapi_offline") / "static"
    app.mount(STATIC_URL, StaticFiles(directory=str(assets)), name="docs-static")
    app.docs_paths = frozenset({DOCS_URL, REDOC_URL})
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get(DOCS_URL, include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=openapi_url, title=f"{app.title} API",
                                   swagger_js_url=f"{STATIC_URL}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{STATIC_URL}/swagger-ui.css",
                                   swagger_favicon_url=f"{STATIC_URL}/favicon.png",
                                   swagger_ui_parameters={"validatorUrl": None})  # no badge from a validator site

    @app.get(REDOC_URL, include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url=openapi_url, title=f"{app.title} API",
                              redoc_js_url=f"{STATIC_URL}/redoc.standalone.js",
                              redoc_favicon_url=f"{STATIC_URL}/favicon.png", with_google_fonts=False)
