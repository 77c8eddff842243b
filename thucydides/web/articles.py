"""The article list: ``GET /api/articles`` (JSON) and the page ``/articles``, both searching headlines and texts
(``q``) with the facets outlet, date range and kind of source cited, newest first, a page at a time.

The queries are :mod:`thucydides.store.search`. A bad date or an empty outlet is a 400 (the filters' own
message, as on the event routes), a page or limit out of range a 422; a query string is never an error.
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from thucydides.filters import check_values
from thucydides.store import Store
from thucydides.store.search import SOURCE_KINDS, ArticleQuery, facets, search_articles
from thucydides.web.coding import file_name
from thucydides.web.render import templates

MAX_ROWS = 2**31 - 1  # as app.MAX_ROWS: safe to add in SQLite's 64-bit integers
PAGE_SIZE = 50  # articles a page of /articles shows
SOURCE_LABELS = {"anonymous": "anonymous", "named": "named person", "institution": "institution",
                 "document": "document", "outlet": "relayed (another outlet)", "publisher": "publisher"}


def search_params(
    q: str | None = Query(None, description="Words or \"quoted phrases\" of the headline or text; all must match"),
    outlet: str | None = Query(None, description="Outlet name (case-insensitive)"),
    since: str | None = Query(None, description="Published on or after: YYYY, YYYY-MM or YYYY-MM-DD"),
    until: str | None = Query(None, description="Published on or before: YYYY, YYYY-MM or YYYY-MM-DD"),
    source: str | None = Query(None, pattern="^(" + "|".join(SOURCE_KINDS) + ")?$",
                               description="Cites a source of this kind (outlet: relays another outlet)"),
) -> dict[str, str]:
    """The search and its facets as query parameters (empty ones, as a form sends them, dropped)."""
    values = {"q": q, "outlet": outlet, "since": since, "until": until, "source": source}
    return {k: v for k, v in values.items() if v and v.strip()}


SearchParams = Annotated[dict[str, str], Depends(search_params)]


def article_query(params: dict[str, str], *, limit: int, offset: int) -> ArticleQuery:
    """The checked query (FilterError, a 400, for a bad date or an until before since)."""
    checked = check_values({k: params.get(k) for k in ("outlet", "since", "until")})
    return ArticleQuery(text=params.get("q", ""), source=params.get("source"), limit=limit, offset=offset,
                        **checked)


def router(store: Callable[[], Store]) -> APIRouter:
    """The article list's routes over the stores ``store()`` opens."""
    routes = APIRouter()

    @routes.get("/api/articles")
    def api_articles(params: SearchParams, limit: int = Query(50, ge=1, le=500),
                     offset: int = Query(0, ge=0, le=MAX_ROWS)) -> dict[str, Any]:
        """Articles matching the search, newest first (undated last): id, headline, outlet, published, the input
        file's name, and the numbers of events and quotes; ``total`` counts every match."""
        with store() as db:
            total, rows = search_articles(db, article_query(params, limit=limit, offset=offset))
        return {"total": total, "limit": limit, "offset": offset, "items": [item(r) for r in rows]}

    @routes.get("/articles", response_class=HTMLResponse)
    def articles_page(params: SearchParams, page: int = Query(1, ge=1, le=MAX_ROWS // PAGE_SIZE)) -> str:
        query = article_query(params, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        with store() as db:
            total, rows = search_articles(db, query)
            counts = facets(db, query)
        pages = max(ceil(total / PAGE_SIZE), 1)

        def link(number: int) -> str:
            return "/articles?" + urlencode({**params, "page": number} if number > 1 else params)

        chosen = (params.get("outlet") or "").casefold()
        outlets = [(name, n, name.casefold() == chosen) for name, n in counts["outlet"]]
        if chosen and not any(selected for *_, selected in outlets):
            outlets.insert(0, (params["outlet"], 0, True))
        return templates.get_template("articles.html").render(
            items=[item(r) for r in rows], total=total, page=page, pages=pages, params=params,
            first=query.offset + 1, last=query.offset + len(rows), outlets=outlets,
            sources=[(k, SOURCE_LABELS[k], dict(counts["source"]).get(k, 0)) for k in SOURCE_KINDS],
            newer=link(page - 1) if page > 1 else None, older=link(page + 1) if page < pages else None)

    return routes


def item(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "headline": row["headline"], "outlet": row["outlet"], "published": row["published"],
            "input": file_name(row["input_path"]), "events": row["events"], "quotes": row["quotes"]}
