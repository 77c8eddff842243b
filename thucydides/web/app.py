"""The REST API and the HTML pages over a store (``thucydides serve``).

Read endpoints open the database per request; ``POST /api/code`` codes one pasted article with a pipeline
loaded once (lazily) and can store it. ``/api/events.{csv,jsonl,gdelt,plover}`` download the events matching
the explorer's filters, byte for byte as ``thucydides export`` writes them. The dyad view draws the actor
network and a dyad's weekly timeline as inline SVG computed in :mod:`thucydides.web.charts`. The article list
(search and facets) is :mod:`thucydides.web.articles`; ``/docs`` and ``/redoc``, served offline,
:mod:`thucydides.web.docs`; error pages for browsers, :mod:`thucydides.web.errors`.

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
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from itertools import islice
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse

from thucydides import __version__, config
from thucydides.output import article_to_dict
from thucydides.store import Store
from thucydides.store import query as q
from thucydides.store.query import Filters, events
from thucydides.store.search import ArticleQuery, search_articles
from thucydides.web import articles, charts, docs, errors, stories
from thucydides.web.coding import CodeRequest, check, form_request, public_input, store_coded
from thucydides.web.queries import Edge, dyad_edges, dyad_events
from thucydides.web.render import templates as _templates
from thucydides.web.security import Access, GuardedAPI, Limits

# limit and offset accepted by the API: far beyond any store, and safe to add in SQLite's 64-bit integers
MAX_ROWS = 2**31 - 1
FILTER_NAMES = ("source", "target", "actor", "root", "code", "plover", "since", "until", "outlet", "polarity",
                "certainty")
# format -> (writer, media type, file name) of the downloads at /api/events.{format}
DOWNLOADS = {
    "csv": ("text/csv", "events.csv"),
    "jsonl": ("application/x-ndjson", "events.jsonl"),
    "gdelt": ("text/tab-separated-values", "events.gdelt.tsv"),
    "plover": ("application/x-ndjson", "events.plover.jsonl"),
}


def event_filters(
    source: str | None = Query(None, description="Source actor code prefix (RUS matches RUSGOV)"),
    target: str | None = Query(None, description="Target actor code prefix"),
    actor: str | None = Query(None, description="Either side, code prefix"),
    root: str | None = Query(None, description="CAMEO root (19)"),
    code: str | None = Query(None, description="CAMEO code prefix (163, 19)"),
    plover: str | None = Query(None, description="PLOVER type (ASSAULT)"),
    since: str | None = Query(None, description="ISO date, inclusive"),
    until: str | None = Query(None, description="ISO date, inclusive"),
    outlet: str | None = None,
    polarity: str | None = Query(None, pattern="^(positive|negative)?$", description="positive or negative"),
    certainty: str | None = Query(None, pattern="^(certain|probable|possible|unknown)?$",
                                  description="certain, probable, possible or unknown"),
) -> dict[str, str]:
    """The filters of ``thucydides query`` as query parameters (empty ones, as a form sends them, dropped)."""
    values = {"source": source, "target": target, "actor": actor, "root": root, "code": code, "plover": plover,
              "since": since, "until": until, "outlet": outlet, "polarity": polarity, "certainty": certainty}
    return {k: v for k, v in values.items() if v}


FilterParams = Annotated[dict[str, str], Depends(event_filters)]


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
    state: dict[str, Any] = {}

    def store() -> Store:
        return Store(db_path)

    def coder():  # noqa: ANN202 - the pipeline, loaded on first use
        with coder_lock:
            if "coder" not in state:
                from thucydides.pipeline import Coder

                state["coder"] = Coder(settings)
            return state["coder"]

    # -- API ------------------------------------------------------------------------------------------------
    app.include_router(articles.router(store))  # GET /api/articles and the page /articles: the article list
    app.include_router(stories.router(store))  # /api/stories, /api/relays, /stories: the story view

    @app.get("/api/articles/{article_id:path}")
    def api_article(article_id: str) -> dict[str, Any]:
        """The article's record (an id may hold "/"; its input is named by the file's name only)."""
        with store() as db:
            row = db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return public_input(json.loads(row[0]))

    @app.get("/api/events")
    def api_events(filters: FilterParams, limit: int = Query(100, ge=1, le=1000),
                   offset: int = Query(0, ge=0, le=MAX_ROWS)) -> dict[str, Any]:
        """Events matching the filters (the same as `thucydides query`), oldest first, paginated."""
        with store() as db:
            rows = list(islice(events(db, Filters(**filters, limit=limit + offset)), offset, offset + limit))
        items = []
        for row in rows:
            record = json.loads(row["record"])
            record.update({"article_id": row["article_id"], "outlet": row["outlet"], "url": row["url"],
                           "cluster": row["cluster"], "num_articles": row["num_articles"]})
            items.append(record)
        return {"limit": limit, "offset": offset, "items": items}

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

    @app.get("/api/dyads")
    def api_dyads(period: str = Query("week", pattern="^(day|week|month|year)$"),
                  limit: int = Query(200, ge=1, le=5000)) -> dict[str, Any]:
        with store() as db:
            rows = db.execute("SELECT source_code, target_code, date, goldstein, quad_class FROM counted_events"
                              " WHERE source_code IS NOT NULL AND target_code IS NOT NULL"
                              " AND polarity = 'positive' AND date IS NOT NULL").fetchall()
        groups: dict[tuple[str, str, str], list[float]] = defaultdict(list)
        for source, target, when, goldstein, _quad in rows:
            groups[(source, target, _period(when, period))].append(goldstein)
        items = [{"source": s, "target": t, "period": p, "events": len(g), "goldstein": round(sum(g), 1)}
                 for (s, t, p), g in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))][:limit]
        return {"period": period, "items": items}

    @app.get("/api/sources")
    def api_sources() -> dict[str, Any]:
        with store() as db:
            rows = db.execute(
                "SELECT a.outlet, h.kind, count(*) FROM attribution_hops h JOIN articles a ON a.id = h.article_id"
                " JOIN (SELECT event_id, max(hop) AS last FROM attribution_hops GROUP BY event_id) f"
                " ON f.event_id = h.event_id AND f.last = h.hop GROUP BY a.outlet, h.kind").fetchall()
        by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
        for outlet, kind, count in rows:
            by_outlet[outlet or "(unknown)"][kind] += count
        items = [{"outlet": o, "events": sum(c.values()), "by_kind": dict(c),
                  "share_anonymous": round(c["anonymous"] / max(sum(c.values()), 1), 3)}
                 for o, c in sorted(by_outlet.items(), key=lambda kv: -sum(kv[1].values()))]
        return {"items": items}

    @app.post("/api/code")
    def api_code(body: CodeRequest) -> dict[str, Any]:
        check(body)
        from thucydides.types import Article, InputRef, RawDocument

        raw = RawDocument(ref=InputRef("<api>"), format="html" if body.html else "text", text=body.text,
                          html=body.html, published=body.published, outlet=body.outlet)
        [item] = coder().code_chunk([raw])
        if not isinstance(item, Article):
            raise HTTPException(422, f"{item.message} [{item.code} {item.reason}]")
        if body.store:
            with write_lock, store() as db:
                store_coded(db, item, settings=settings)
        return public_input(article_to_dict(item))

    # -- pages ----------------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse)
    def overview() -> str:
        with store() as db:
            counts = db.stats(top=15)
            rows = db.execute("SELECT date, goldstein FROM counted_events WHERE polarity = 'positive'"
                              " AND date IS NOT NULL").fetchall()
            latest = [articles.item(row) for row in search_articles(db, ArticleQuery(limit=20))[1]]
        return _templates.get_template("overview.html").render(counts=counts, articles=latest,
                                                               sources=api_sources()["items"],
                                                               timeline=_timeline(rows))

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
            record = api_code(body)
        except HTTPException as exc:
            page = _templates.get_template("code.html").render(error=exc.detail, text=body.text or "",
                                                               token=access.token is not None)
            return HTMLResponse(page, status_code=exc.status_code)
        return RedirectResponse(f"/articles/{quote(record['id'], safe='')}", status_code=303)

    @app.get("/events", response_class=HTMLResponse)
    def events_page(filters: FilterParams,
                    sort: str = Query("date", pattern="^-?(date|source|code|target|goldstein|outlet)$")) -> str:
        result = api_events(filters=filters, limit=EXPLORER_ROWS, offset=0)
        items = _sorted_events(result["items"], sort)
        query = urlencode(filters)
        downloads = [(label, f"/api/events.{fmt}" + (f"?{query}" if query else ""))
                     for fmt, label in (("csv", "CSV"), ("jsonl", "JSON Lines"), ("gdelt", "GDELT"),
                                        ("plover", "PLOVER"))]
        columns = [(key, label, "?" + urlencode({**filters, "sort": key if sort != key else f"-{key}"}),
                    "▲" if sort == key else "▼" if sort == f"-{key}" else "")
                   for key, label in (("date", "date"), ("source", "source"), ("code", "code"),
                                      ("target", "target"), ("goldstein", "Goldstein"), ("outlet", "outlet"))]
        return _templates.get_template("events.html").render(
            items=items, params=filters, downloads=downloads, columns=columns, shown=len(items),
            capped=len(items) == EXPLORER_ROWS)

    @app.get("/dyads", response_class=HTMLResponse)
    def dyads_page(filters: FilterParams,
                   src: str | None = Query(None, alias="from", description="Selected dyad: source code (exact)"),
                   dst: str | None = Query(None, alias="to", description="Selected dyad: target code (exact)"),
                   minimum: int = Query(1, alias="min", ge=1, description="Edges with at least this many events"),
                   ) -> str:
        """The actor network (nodes: actor codes; edges: dyads coloured by cooperation or conflict) and, for a
        selected dyad, its weekly timeline and events."""
        base = dict(filters)
        if minimum > 1:
            base["min"] = str(minimum)
        with store() as db:
            nodes, edges = dyad_edges(db, Filters(**filters))
            edges = [e for e in edges if e.events >= minimum]
            used = {c for e in edges for c in (e.source, e.target)}
            nodes = {c: n for c, n in nodes.items() if c in used}
            selected = (src, dst) if src and dst else None
            dyad = dyad_events(db, src, dst, Filters(**filters)) if selected else []

        def edge_link(edge: Edge) -> str:
            return "/dyads?" + urlencode({**base, "from": edge.source, "to": edge.target}) + "#dyad"

        def node_link(code: str) -> str:
            return "/dyads?" + urlencode({**{k: v for k, v in base.items() if k != "actor"}, "actor": code})

        graph = charts.network(nodes, edges, edge_link=edge_link, node_link=node_link, selected=selected)
        detail = None
        if selected:
            edge = next((e for e in edges if (e.source, e.target) == selected), None)
            reverse = next((e for e in edges if (e.source, e.target) == (dst, src)), None)
            detail = {"source": src, "target": dst, "events": dyad, "edge": edge,
                      "timeline": charts.week_timeline(dyad),
                      "reverse": edge_link(reverse) if reverse else None,
                      "explorer": "/events?" + urlencode({**filters, "source": src, "target": dst})}
        table = [{"edge": e, "href": edge_link(e)} for e in edges[:100]]
        return _templates.get_template("dyads.html").render(
            graph=graph, detail=detail, params=filters, minimum=minimum, table=table,
            colours=charts.TONE_COLOURS)

    return app


EXPLORER_ROWS = 500  # rows the explorer page shows; the downloads have them all

_SORT_KEYS = {
    "date": lambda e: (e.get("date") or "", e["id"]),
    "source": lambda e: ((e.get("source") or {}).get("code") or "", e.get("date") or ""),
    "target": lambda e: ((e.get("target") or {}).get("code") or "", e.get("date") or ""),
    "code": lambda e: (e["cameo"], e.get("date") or ""),
    "goldstein": lambda e: (e["goldstein"], e.get("date") or ""),
    "outlet": lambda e: (e.get("outlet") or "", e.get("date") or ""),
}


def _sorted_events(items: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    key = sort.lstrip("-")
    return sorted(items, key=_SORT_KEYS[key], reverse=sort.startswith("-"))


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


def _timeline(rows: list[tuple[str, float]], width: int = 720, height: int = 160) -> dict[str, Any]:
    """Goldstein sums of cooperation (> 0) and conflict (< 0) by week, as SVG bar geometry (no script)."""
    weeks: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for when, goldstein in rows:
        try:
            week = _period(when, "week")
        except ValueError:
            continue
        weeks[week][0 if goldstein > 0 else 1] += goldstein
    keys = sorted(weeks)[-52:]
    peak = max([abs(v) for k in keys for v in weeks[k]] + [1.0])
    step = width / max(len(keys), 1)
    middle = height / 2
    bars = []
    for i, key in enumerate(keys):
        coop, conflict = weeks[key]
        up, down = coop / peak * (middle - 4), -conflict / peak * (middle - 4)
        bars.append({"x": round(i * step + 1, 1), "w": round(max(step - 2, 1), 1), "week": key,
                     "coop_y": round(middle - up, 1), "coop_h": round(up, 1), "conflict_h": round(down, 1),
                     "coop": round(coop, 1), "conflict": round(conflict, 1)})
    return {"width": width, "height": height, "middle": middle, "bars": bars}


def _period(when: str, period: str) -> str:
    day = date.fromisoformat((when + "-01-01")[:10]) if len(when) < 10 else date.fromisoformat(when[:10])
    if period == "day":
        return day.isoformat()
    if period == "month":
        return day.isoformat()[:7]
    if period == "year":
        return str(day.year)
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


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
