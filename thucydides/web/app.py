"""The REST API and the HTML pages over a store (``thucydides serve``).

Read endpoints open the database per request; ``POST /api/code`` codes one pasted article with a pipeline
loaded once (lazily) and can store it. ``/api/events.{csv,jsonl,gdelt,plover}`` download the events matching
the explorer's filters, byte for byte as ``thucydides export`` writes them. The other pages are routers of
their own: the home page :mod:`~thucydides.web.overview`; the event explorer :mod:`~thucydides.web.explorer`;
the actor network :mod:`~thucydides.web.dyads`; the map :mod:`~thucydides.web.places`; Goldstein over time
per actor :mod:`~thucydides.web.actors`; where claims come from :mod:`~thucydides.web.claims`; the article
list :mod:`~thucydides.web.articles`; the stories :mod:`~thucydides.web.stories`. ``/docs`` and ``/redoc``,
served offline, are :mod:`thucydides.web.docs`; error pages for browsers, :mod:`thucydides.web.errors`.
Charts are inline SVG whose geometry :mod:`thucydides.web.charts` and :mod:`thucydides.web.timeline` compute.

Article text is untrusted: pages are rendered by Jinja2 with autoescaping (the SVG too), SQL only ever gets
bound parameters. What the server trusts (Host, Origin, a token for writes, bounded bodies, security headers) is
:mod:`thucydides.web.security`; the pasted article's checks and storing, :mod:`thucydides.web.coding`.
"""

from __future__ import annotations

import io
import json
import string
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from thucydides import __version__, config
from thucydides.output import article_to_dict
from thucydides.store import Store, StoreError
from thucydides.store import query as q
from thucydides.store.query import Filters, events
from thucydides.web import actors, articles, claims, docs, dyads, errors, explorer, overview, places, stories
from thucydides.web.cache import Aggregates
from thucydides.web.coding import CodeRequest, check, form_request, public_input, store_coded
from thucydides.web.params import MAX_ROWS, FilterParams
from thucydides.web.queries import ensure_indexes
from thucydides.web.render import templates as _templates
from thucydides.web.security import Access, GuardedAPI, Limits

# the pages' icon (base.html names it, so a browser asks for no /favicon.ico)
FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#3465a4"/>'
           '<path d="M4 8h8" stroke="#fff" stroke-width="2"/></svg>')
# format -> (media type, file name) of the downloads at /api/events.{format}
DOWNLOADS = {
    "csv": ("text/csv", "events.csv"),
    "jsonl": ("application/x-ndjson", "events.jsonl"),
    "gdelt": ("text/tab-separated-values", "events.gdelt.tsv"),
    "plover": ("application/x-ndjson", "events.plover.jsonl"),
}


def create_app(db_path: str, *, settings: config.Settings | None = None, access: Access | None = None) -> FastAPI:
    """The app over the store at ``db_path``. ``access``: the Host names it answers to and the token writes need
    (default: loopback only, no token); ``settings``: the ``[serve]`` limits and the coding settings."""
    settings = settings or config.load()
    access = access or Access()
    app = GuardedAPI(title="Thucydides", version=__version__, docs_url=None, redoc_url=None,
                     description="Political event data from news, with every claim traced to its source.")
    app.guard_with(access=access, limits=Limits(max_body_bytes=settings.max_body_bytes,
                                                max_query_bytes=settings.max_query_bytes,
                                                body_timeout=settings.body_timeout),
                   error_page=errors.html_error)
    errors.install(app)
    docs.install(app)
    coder_lock = threading.Lock()
    write_lock = threading.Lock()  # one article stored (and its clusters rebuilt) at a time
    # One article coded at a time: the server keeps the memory bound of one worker (docs/performance.md) however
    # many requests arrive together; the others wait their turn (reads are not held up)
    coding_lock = threading.Lock()
    state: dict[str, Any] = {}

    def store() -> Store:
        """The store for one request that only reads (opened read-only; POST /api/code opens its own)."""
        if "indexed" not in state:  # once, on the first request (an older store may lack an index the pages read)
            try:
                with Store(db_path) as db:
                    state["indexed"] = ensure_indexes(db)
            except StoreError:  # a read-only store is served as it is
                state["indexed"] = False
        return Store(db_path, read_only=True)

    def coder():  # noqa: ANN202 - the pipeline, loaded on first use
        with coder_lock:
            if "coder" not in state:
                from thucydides.pipeline import Coder

                state["coder"] = Coder(settings)
            return state["coder"]

    # -- API ------------------------------------------------------------------------------------------------
    aggregates = Aggregates(db_path)  # the scans of every event, kept while the store is unchanged
    for module in (overview, dyads, places, actors, claims):
        app.include_router(module.router(store, aggregates))
    for plain in (explorer, articles, stories):
        app.include_router(plain.router(store))

    @app.get("/api/articles/{article_id:path}")
    def api_article(article_id: str) -> dict[str, Any]:
        """The article's record (an id may hold "/"; its input is named by the file's name only)."""
        with store() as db:
            row = db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return public_input(json.loads(row[0]))

    @app.get("/api/events.{fmt}", response_class=StreamingResponse,
             responses={200: {"content": {t: {} for t, _ in DOWNLOADS.values()},
                              "description": "The file, as `thucydides export --format FMT` writes it"}})
    def api_events_download(fmt: Literal["csv", "jsonl", "gdelt", "plover"],
                            filters: FilterParams,
                            limit: int | None = Query(None, ge=1, le=MAX_ROWS),
                            header: bool = Query(False, description="gdelt: column names as a first line"),
                            ) -> StreamingResponse:
        """Download the matching events: CSV, JSON Lines, GDELT 2.0 (61 tab-separated columns) or PLOVER,
        byte for byte what `thucydides export` writes for the same filters."""
        media, name = DOWNLOADS[fmt]
        spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024, mode="w+b")  # noqa: SIM115
        with store() as db, _text(spool) as out:
            rows = events(db, Filters(**filters, limit=limit))
            if fmt == "gdelt":
                q.write_gdelt(rows, out, header=header)
            else:
                {"csv": q.write_csv, "jsonl": q.write_jsonl, "plover": q.write_plover}[fmt](rows, out)
        spool.seek(0)
        return StreamingResponse(_chunks(spool), media_type=f"{media}; charset=utf-8",
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.post("/api/code")
    def api_code(body: CodeRequest) -> dict[str, Any]:
        check(body)
        from thucydides.types import Article, InputRef, RawDocument

        raw = RawDocument(ref=InputRef("<api>"), format="html" if body.html else "text", text=body.text,
                          html=body.html, published=body.published, outlet=body.outlet)
        pipeline = coder()
        with coding_lock:
            [item] = pipeline.code_chunk([raw])
        if not isinstance(item, Article):
            raise HTTPException(422, f"{item.message} [{item.code} {item.reason}]")
        if body.store:
            with write_lock, Store(db_path) as db:  # the one route that writes
                store_coded(db, item, settings=settings)
        return public_input(article_to_dict(item))

    # -- pages ----------------------------------------------------------------------------------------------
    @app.get("/favicon.svg", include_in_schema=False)
    def favicon() -> Response:
        return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse)
    def article_page(article_id: str) -> str:
        record = api_article(article_id)
        with store() as db:
            story = stories.story_of(db, article_id)
        return _templates.get_template("article.html").render(a=record, pieces=_highlight(record),
                                                              quotes=quote_rows(record.get("quotes", [])),
                                                              story=story)

    @app.get("/code", response_class=HTMLResponse)
    def code_page() -> str:
        return _templates.get_template("code.html").render(error=None, text="", token=access.token is not None)

    @app.post("/code", response_model=None)
    async def code_form(request: Request) -> HTMLResponse | RedirectResponse:
        """The paste-and-code form: code the text, store it, show its article view."""
        body = CodeRequest()
        try:
            body = form_request(request.headers.get("content-type", ""), await request.body())
            record = await run_in_threadpool(api_code, body)  # coding must not stop the event loop
        except HTTPException as exc:
            page = _templates.get_template("code.html").render(error=exc.detail, text=body.text or "",
                                                               token=access.token is not None)
            return HTMLResponse(page, status_code=exc.status_code)
        return RedirectResponse(f"/articles/{quote(record['id'], safe='')}", status_code=303)

    return app


@contextmanager
def _text(binary: Any) -> Iterator[io.TextIOWrapper]:
    """A UTF-8 text view of a binary file, detached (not closing the file) afterwards."""
    wrapper = io.TextIOWrapper(binary, encoding="utf-8", newline="")
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()


def _chunks(spool: Any, size: int = 64 * 1024) -> Iterator[bytes]:
    try:
        while chunk := spool.read(size):
            yield chunk
    finally:
        spool.close()


_TRIM = string.whitespace + string.punctuation + "“”‘’«»„‚…–—"


def _core(quote: dict[str, Any]) -> tuple[int, int]:
    """A quote's span without the spaces, punctuation and quotation marks at its ends."""
    text, start, end = quote["text"], quote["start"], quote["end"]
    lead = len(text) - len(text.lstrip(_TRIM))
    trail = len(text) - len(text.rstrip(_TRIM))
    if lead + trail >= len(text):
        return start, end
    return start + lead, end - trail


def quote_rows(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The quotes once each, in text order, nested: a quote inside another (a reported clause within a
    quotation, a scare-quoted phrase inside reported speech) sits under it with ``depth`` one more. Two
    analyses of the same words (the quotation and the clause of its verb of saying, which differ only by
    punctuation) are one row: the direct quotation, with the other in ``also``."""
    ordered = sorted(quotes, key=lambda x: (_core(x)[0], -_core(x)[1], not x.get("direct"), x["start"]))
    rows: list[dict[str, Any]] = []
    open_rows: list[dict[str, Any]] = []
    for said in ordered:
        start, end = _core(said)
        while open_rows and not (open_rows[-1]["core"][0] <= start and end <= open_rows[-1]["core"][1]):
            open_rows.pop()
        if open_rows and open_rows[-1]["core"] == (start, end):
            open_rows[-1]["also"].append(said)
            continue
        row = {"quote": said, "depth": len(open_rows), "also": [], "core": (start, end)}
        rows.append(row)
        open_rows.append(row)
    return rows


def _highlight(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The text cut into pieces, each marked with the events, quotes and framing that cover it (escaped later)."""
    text = record["text"]
    marks: list[tuple[int, int, str, dict[str, Any]]] = []
    for event in record.get("events", []):
        t = event["trigger"]
        marks.append((t["start"], t["end"], f"event q{event['quad_class']}", event))
    for said in record.get("quotes", []):
        marks.append((said["start"], said["end"], "quote", said))
    for flag in record.get("framing", []):
        marks.append((flag["start"], flag["end"], "framing", flag))
    cuts = sorted({0, len(text)} | {m[0] for m in marks} | {m[1] for m in marks})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in marks if m[0] <= a and b <= m[1]]
        pieces.append({"text": text[a:b], "classes": " ".join(sorted({m[2] for m in covering})),
                       "notes": [_note(m[2], m[3]) for m in covering]})
    return pieces


def _note(kind: str, item: dict[str, Any]) -> str:
    if kind.startswith("event"):
        source = (item.get("source") or {}).get("code") or "?"
        target = (item.get("target") or {}).get("code") or "-"
        chain = " -> ".join(h["name"] for h in item.get("attribution", {}).get("chain", []))
        mood = item.get("modality", {})
        return (f"{source} -> {target} {item['cameo']} {item.get('plover') or ''} {item.get('date') or ''} "
                f"[{mood.get('polarity')}/{mood.get('certainty')}] via {chain}")
    if kind == "quote":
        speaker = (item.get("speaker") or {}).get("name") or "?"
        return f"quote by {speaker} via " + " -> ".join(h["name"] for h in item.get("chain", []))
    return f"{item['kind']}: {item['note']}"
