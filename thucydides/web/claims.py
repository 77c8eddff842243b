"""Where claims come from: events and quotes by the kind of their ultimate source (the last hop of the attribution
chain: publisher, named person, institution, anonymous, document, or another outlet) and by the chain's length
(1: the publisher's own claim; 2: publisher and source; 3 or more: relayed), per outlet, and the relays among
the stored articles. ``GET /api/claims`` and ``GET /api/sources`` (per outlet) give the numbers; the page
``/sources`` shows them with links to the event explorer and the article list filtered accordingly.

Events are counted in ``counted_events`` (a syndicated copy's events once) and take every event filter; quotes,
which carry no date or actor of their own, take the outlet and the dates of their article (published), and a
syndicated copy's quotes are left out too. A quote's chain is in its JSON record (``chain``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from math import ceil
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from thucydides.filters import SOURCE_KINDS, date_interval
from thucydides.store import Store
from thucydides.store.query import Filters
from thucydides.web.params import MAX_ROWS, FilterParams
from thucydides.web.queries import sort_rows, where
from thucydides.web.cache import Aggregates, key
from thucydides.web.render import templates

PAGE_SIZE = 25  # outlets a page of /sources lists
OUTLET_SORTS = ("outlet", "events", "share_anonymous")
KIND_LABELS = {"publisher": "the publisher itself", "named": "a named person", "institution": "an institution",
               "anonymous": "an anonymous source", "document": "a document", "outlet": "another outlet"}
_LAST_HOP = (" JOIN (SELECT event_id, max(hop) AS last, count(*) AS hops FROM attribution_hops GROUP BY event_id) f"
             " ON f.event_id = e.id JOIN attribution_hops h ON h.event_id = e.id AND h.hop = f.last")
_SYNDICATED = "SELECT relay_id FROM relays WHERE kind = 'syndicated' AND original_id IS NOT NULL"


def claims_by_outlet(db: Store, filters: Filters) -> list[tuple[str, str, int, int]]:
    """(outlet, ultimate source kind, chain length, events) of the matching events that have a chain: one pass
    over them, whence both :func:`event_claims` and :func:`outlet_claims`."""
    clause, params = where(filters)
    rows = db.execute(f"SELECT a.outlet, h.kind, f.hops, count(*) FROM counted_events e JOIN articles a"
                      f" ON a.id = e.article_id{_LAST_HOP}{clause} GROUP BY a.outlet, h.kind, f.hops",
                      params).fetchall()
    return [(outlet or "(unknown)", str(kind), int(hops), int(n)) for outlet, kind, hops, n in rows]


def event_claims(rows: list[tuple[str, str, int, int]]) -> list[tuple[str, int, int]]:
    """(ultimate source kind, chain length, events) from :func:`claims_by_outlet`."""
    totals: Counter[tuple[str, int]] = Counter()
    for _, kind, hops, n in rows:
        totals[(kind, hops)] += n
    return [(kind, hops, n) for (kind, hops), n in sorted(totals.items())]


def quote_claims(db: Store, *, outlet: str | None = None, since: str | None = None,
                 until: str | None = None) -> list[tuple[str, int, int]]:
    """(ultimate source kind, chain length, quotes) of the quotes in the matching articles."""
    if db.postgres:
        kind, hops = "(q.record::json -> 'chain' -> -1 ->> 'kind')", "json_array_length(q.record::json -> 'chain')"
    else:
        kind, hops = "json_extract(q.record, '$.chain[#-1].kind')", "json_array_length(q.record, '$.chain')"
    clauses, params = [f"a.id NOT IN ({_SYNDICATED})"], []
    if outlet:
        clauses.append("lower(a.outlet) = lower(?)")
        params.append(outlet)
    # as the article list: a publication date of a year or month spans it (thucydides/store/search.py)
    if since:
        clauses.append("substr(a.published, 1, 10) >= substr(?, 1, length(substr(a.published, 1, 10)))")
        params.append(date_interval(since)[0].isoformat())
    if until:
        clauses.append("substr(a.published, 1, 10) <= ?")
        params.append(date_interval(until)[1].isoformat())
    rows = db.execute(f"SELECT {kind}, {hops}, count(*) FROM quotes q JOIN articles a ON a.id = q.article_id"
                      f" WHERE {' AND '.join(clauses)} GROUP BY 1, 2", params).fetchall()
    return [(str(k), int(h), int(n)) for k, h, n in rows if k is not None and h]


def outlet_claims(rows: list[tuple[str, str, int, int]]) -> list[dict[str, Any]]:
    """Per outlet, from :func:`claims_by_outlet`: its events by the kind of their ultimate source, and the share
    of anonymous ones."""
    by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    for outlet, kind, _, n in rows:
        by_outlet[outlet][kind] += n
    return [{"outlet": o, "events": sum(c.values()), "by_kind": dict(c),
             "share_anonymous": round(c["anonymous"] / max(sum(c.values()), 1), 3)} for o, c in by_outlet.items()]


def sort_outlets(items: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    """``items`` of :func:`outlet_claims` by ``sort`` (a name of :data:`OUTLET_SORTS`, ``-`` first for
    descending); ties by outlet name."""
    key = sort.lstrip("-")
    return sort_rows(items, lambda i: i["outlet"].casefold() if key == "outlet" else i[key],
                     descending=sort.startswith("-"), tie=lambda i: i["outlet"].casefold())


def relay_counts(db: Store, *, outlet: str | None = None) -> list[tuple[str, int, int]]:
    """(relay kind, relaying articles, their events) among the stored articles, of ``outlet``'s articles or all.
    A syndicated copy's events are its own rows here (``events``), though counted once elsewhere."""
    extra, params = (" WHERE lower(a.outlet) = lower(?)", [outlet]) if outlet else ("", [])
    articles = dict(db.execute("SELECT r.kind, count(DISTINCT r.relay_id) FROM relays r JOIN articles a"
                               f" ON a.id = r.relay_id{extra} GROUP BY r.kind", params).fetchall())
    events = dict(db.execute("SELECT r.kind, count(*) FROM events e JOIN (SELECT DISTINCT relay_id, kind FROM relays)"
                             f" r ON r.relay_id = e.article_id JOIN articles a ON a.id = e.article_id{extra}"
                             " GROUP BY r.kind", params).fetchall())
    return [(str(kind), int(n), int(events.get(kind, 0))) for kind, n in sorted(articles.items())]


def matrix(rows: list[tuple[str, int, int]], link: Callable[[dict[str, str]], str] | None = None) -> dict[str, Any]:
    """Counts by kind (rows, in :data:`SOURCE_KINDS` order) and chain length (columns 1, 2, 3 and "4+"), with
    totals and, given ``link``, the link of each cell, row and column."""
    lengths = [1, 2, 3, 4]
    cells: dict[tuple[str, int], int] = Counter()
    for kind, hops, n in rows:
        cells[(kind, min(hops, 4))] += n
    kinds = [k for k in SOURCE_KINDS if any(cells[(k, h)] for h in lengths)] + \
        sorted({k for k, _ in cells if k not in SOURCE_KINDS and cells[(k, _)]})

    def href(**params: str) -> str | None:
        return link(params) if link else None

    table = [{"kind": k, "label": KIND_LABELS.get(k, k), "total": sum(cells[(k, h)] for h in lengths),
              "href": href(source_kind=k),
              "cells": [{"n": cells[(k, h)], "href": href(source_kind=k, chain=str(h)) if h < 4 else None}
                        for h in lengths]} for k in kinds]
    total = sum(row["total"] for row in table)
    columns = [{"label": "4+" if h == 4 else str(h), "n": sum(cells[(k, h)] for k in kinds),
                "href": href(chain=str(h)) if h < 4 else None} for h in lengths]
    return {"rows": table, "columns": columns, "total": total}


def router(store: Callable[[], Store], aggregates: Aggregates) -> APIRouter:
    """The routes of the claims view over the stores ``store()`` opens."""
    routes = APIRouter()

    def claims(filters: dict[str, str]) -> tuple[list[tuple[str, str, int, int]], dict[str, Any]]:
        checked = Filters(**filters)
        with store() as db:
            rows = aggregates.get(key("claims", filters), lambda: claims_by_outlet(db, checked))
            quotes = aggregates.get(key("quotes", filters), lambda: quote_claims(
                db, outlet=checked.outlet, since=checked.since, until=checked.until))
            relays = relay_counts(db, outlet=checked.outlet)
        return rows, {"events": [{"kind": k, "chain": h, "count": n} for k, h, n in event_claims(rows)],
                      "quotes": [{"kind": k, "chain": h, "count": n} for k, h, n in sorted(quotes)],
                      "relays": [{"kind": k, "articles": n, "events": e} for k, n, e in relays]}

    def outlet_page(rows: list[tuple[str, str, int, int]], sort: str, limit: int, offset: int) -> dict[str, Any]:
        items = sort_outlets(outlet_claims(rows), sort)
        return {"total": len(items), "limit": limit, "offset": offset, "sort": sort,
                "items": items[offset:offset + limit]}

    @routes.get("/api/claims")
    def api_claims(filters: FilterParams) -> dict[str, Any]:
        """Events (every event filter applies) and quotes (outlet, since and until apply) by the kind of their
        ultimate source and the length of their attribution chain; relays by kind."""
        return claims(filters)[1]

    @routes.get("/api/sources")
    def api_sources(filters: FilterParams, sort: str = Query("-events", pattern="^-?(" + "|".join(OUTLET_SORTS) + ")$"),
                    limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_ROWS)
                    ) -> dict[str, Any]:
        """Per outlet: its events by the kind of their ultimate source and the share of anonymous ones, sorted
        (default: most events first) and a page at a time; ``total`` counts the outlets."""
        with store() as db:
            checked = Filters(**filters)
            rows = aggregates.get(key("claims", filters), lambda: claims_by_outlet(db, checked))
        return outlet_page(rows, sort, limit, offset)

    @routes.get("/sources", response_class=HTMLResponse)
    def sources_page(filters: FilterParams,
                     sort: str = Query("-events", pattern="^-?(" + "|".join(OUTLET_SORTS) + ")$"),
                     page: int = Query(1, ge=1, le=MAX_ROWS // PAGE_SIZE)) -> str:
        rows, counts = claims(filters)
        outlets = outlet_page(rows, sort, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        base = {k: v for k, v in filters.items() if k not in ("source_kind", "chain")}
        article_base = {k: v for k, v in filters.items() if k in ("outlet", "since", "until")}

        def explorer(params: dict[str, str]) -> str:
            return "/events?" + urlencode({**base, **params})

        def articles(params: dict[str, str]) -> str:
            return "/articles?" + urlencode({**article_base, **({"source": params["source_kind"]}
                                                                if "source_kind" in params else {})})

        def here(**params: Any) -> str:
            return "/sources?" + urlencode({**filters, "sort": sort, **params})

        pages = max(ceil(outlets["total"] / PAGE_SIZE), 1)
        columns = [(key, label, "/sources?" + urlencode({**filters, "sort": key if sort == f"-{key}" else f"-{key}"})
                    + "#outlets", "▼" if sort == f"-{key}" else "▲" if sort == key else "")
                   for key, label in (("outlet", "outlet"), ("events", "events"),
                                      ("share_anonymous", "share anonymous"))]
        table = []
        for o in outlets["items"]:
            known = o["outlet"] != "(unknown)"  # no article names its outlet: no filter selects them
            table.append({**o, "href": explorer({"outlet": o["outlet"]}) if known else None,
                         "kinds": [(k, o["by_kind"].get(k, 0),
                                    explorer({"outlet": o["outlet"], "source_kind": k}) if known else None)
                                   for k in SOURCE_KINDS]})
        return templates.get_template("sources.html").render(
            params=filters, events=matrix([(c["kind"], c["chain"], c["count"]) for c in counts["events"]], explorer),
            quotes=matrix([(c["kind"], c["chain"], c["count"]) for c in counts["quotes"]],
                          lambda p: articles(p) if "source_kind" in p else ""),
            relays=counts["relays"], outlets=table, kinds=SOURCE_KINDS, columns=columns, page=page, pages=pages,
            total_outlets=outlets["total"], labels=KIND_LABELS,
            previous=here(page=page - 1) + "#outlets" if page > 1 else None,
            following=here(page=page + 1) + "#outlets" if page < pages else None)

    return routes
