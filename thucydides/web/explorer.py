"""The event explorer: ``GET /api/events`` (JSON) and the page ``/events``, both sorted and paginated by the
database, so "newest first" is the newest of the whole store and every page is reachable.

The filters are those of ``thucydides query`` plus QuadClass, claim source (the kind of the last hop of an
event's attribution chain), chain length and place (:mod:`thucydides.web.params`). A bad filter value is a 400
naming it; a sort key, page or limit out of range a 422.
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from thucydides.filters import SOURCE_KINDS
from thucydides.store import Store
from thucydides.store.query import Filters
from thucydides.web.params import MAX_ROWS, QUAD_CLASSES, FilterParams
from thucydides.web.queries import SORT_PATTERN, event_page
from thucydides.web.render import templates

PAGE_SIZE = 100  # events a page of /events shows; the downloads have them all
COLUMNS = (("date", "date"), ("source", "source"), ("code", "code"), ("target", "target"),
           ("goldstein", "Goldstein"), ("outlet", "outlet"))
DOWNLOADS = (("csv", "CSV"), ("jsonl", "JSON Lines"), ("gdelt", "GDELT"), ("plover", "PLOVER"))


def router(store: Callable[[], Store]) -> APIRouter:
    """The explorer's routes over the stores ``store()`` opens."""
    routes = APIRouter()

    @routes.get("/api/events")
    def api_events(filters: FilterParams, limit: int = Query(100, ge=1, le=1000),
                   offset: int = Query(0, ge=0, le=MAX_ROWS),
                   sort: str = Query("date", pattern=SORT_PATTERN,
                                     description="date (oldest first), -date (newest first), source, target, code,"
                                                 " goldstein or outlet; - first for descending")) -> dict[str, Any]:
        """Events matching the filters (those of `thucydides query`, plus quad, source_kind, chain and place),
        sorted by the store (default: oldest first, undated last), a page at a time; ``total`` counts every
        match."""
        with store() as db:
            total, items = event_page(db, Filters(**filters), sort=sort, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "sort": sort, "items": items}

    @routes.get("/events", response_class=HTMLResponse)
    def events_page(filters: FilterParams, sort: str = Query("-date", pattern=SORT_PATTERN),
                    page: int = Query(1, ge=1, le=MAX_ROWS // PAGE_SIZE)) -> str:
        result = api_events(filters=filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, sort=sort)
        total = result["total"]
        pages = max(ceil(total / PAGE_SIZE), 1)
        query = urlencode(filters)
        downloads = [(label, f"/api/events.{fmt}" + (f"?{query}" if query else "")) for fmt, label in DOWNLOADS]
        columns = [(key, label, "/events?" + urlencode({**filters, "sort": key if sort != key else f"-{key}"}),
                    "▲" if sort == key else "▼" if sort == f"-{key}" else "") for key, label in COLUMNS]

        def link(number: int) -> str:
            return "/events?" + urlencode({**filters, "sort": sort, **({"page": number} if number > 1 else {})})

        return templates.get_template("events.html").render(
            items=[_row(e) for e in result["items"]], params=filters, downloads=downloads, columns=columns,
            total=total, page=page, pages=pages, first=result["offset"] + 1,
            last=result["offset"] + len(result["items"]), sort=sort, quads=QUAD_CLASSES, kinds=SOURCE_KINDS,
            previous=link(page - 1) if page > 1 else None, following=link(page + 1) if page < pages else None,
            first_page=link(1) if page > 2 else None, last_page=link(pages) if page < pages - 1 else None)

    return routes


def _row(event: dict[str, Any]) -> dict[str, Any]:
    """The event with ``claim``: the last hop of its attribution chain (whose claim it is) and the chain's length."""
    chain = (event.get("attribution") or {}).get("chain") or []
    event["claim"] = {"name": chain[-1]["name"], "kind": chain[-1]["kind"], "hops": len(chain),
                      "via": " → ".join(h["name"] for h in chain)} if chain else None
    return event
