"""The map of event locations: ``/map`` draws each place events happened at (its coordinates from the coding's
gazetteer) as a circle sized by its number of events on a world outline shipped in a package
(:mod:`thucydides.web.worldmap`; ``/map/world.svg``, never tiles from the internet), linking to the explorer
filtered by the place; below, the places as a sorted, paginated table. ``GET /api/places`` gives them as JSON.
Every filter of the explorer applies.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from math import ceil
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse, Response

from thucydides.store import Store
from thucydides.store.query import Filters
from thucydides.web import charts, worldmap
from thucydides.web.params import MAX_ROWS, QUAD_CLASSES, FilterParams
from thucydides.web.queries import sort_rows, where
from thucydides.web.cache import Aggregates, key
from thucydides.web.render import templates

PAGE_SIZE = 50  # places a page of the table lists
PLACE_SORTS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "events": lambda p: p["events"], "name": lambda p: p["name"].casefold(), "goldstein": lambda p: p["mean"]}


def places(db: Store, filters: Filters) -> tuple[list[dict[str, Any]], int]:
    """The places of the matching events that have coordinates (name, lat, lon, events, Goldstein mean), and the
    number of matching events with a place name but no coordinates."""
    clause, params = where(filters, "e.location_name IS NOT NULL")
    rows = db.execute("SELECT e.location_name, e.location_country, e.lat, e.lon, count(*), sum(e.goldstein)"
                      f" FROM counted_events e JOIN articles a ON a.id = e.article_id{clause}"
                      " GROUP BY e.location_name, e.location_country, e.lat, e.lon", params).fetchall()
    unplaced = sum(int(r[4]) for r in rows if r[2] is None or r[3] is None)
    rows = [r for r in rows if r[2] is not None and r[3] is not None]
    found = [{"name": name or "?", "country": country, "lat": float(lat), "lon": float(lon), "events": int(n),
              "mean": round(float(g or 0.0) / int(n), 2)} for name, country, lat, lon, n, g in rows]
    return found, unplaced


def circles(found: list[dict[str, Any]], link: Callable[[str], str]) -> list[dict[str, Any]]:
    """Circles on the outline, the area proportional to the events (the busiest place 36 map units across);
    big ones drawn first so small ones stay on top and clickable."""
    most = max((p["events"] for p in found), default=1)
    out = []
    for place in found:
        x, y = worldmap.project(place["lon"], place["lat"])
        tone = "cooperation" if place["mean"] > 0 else "conflict" if place["mean"] < 0 else "neutral"
        out.append({**place, "x": x, "y": y, "r": round(5 + 31 * math.sqrt(place["events"] / most), 1),
                    "colour": charts.TONE_COLOURS[tone], "tone": tone, "href": link(place["name"])})
    return sorted(out, key=lambda c: (-c["r"], c["name"]))


def router(store: Callable[[], Store], aggregates: Aggregates) -> APIRouter:
    routes = APIRouter()

    @routes.get("/map/world.svg", response_class=Response, responses={200: {"content": {"image/svg+xml": {}}}})
    def world_outline() -> Response:
        """The world outline the map is drawn on (an SVG image; see docs/web.md for its origin and licence)."""
        try:
            text = worldmap.outline()
        except worldmap.OutlineMissing as exc:
            raise HTTPException(503, str(exc)) from exc
        return Response(text, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})

    @routes.get("/api/places")
    def api_places(filters: FilterParams, sort: str = Query("-events", pattern="^-?(events|name|goldstein)$"),
                   limit: int = Query(100, ge=1, le=5000), offset: int = Query(0, ge=0, le=MAX_ROWS)
                   ) -> dict[str, Any]:
        """Places of the matching events with coordinates: name, country, lat, lon, events and mean Goldstein,
        sorted (default: most events first), a page at a time; ``unplaced`` counts matching events with a place
        name but no coordinates."""
        checked = Filters(**filters)
        with store() as db:
            found, unplaced = aggregates.get(key("places", filters), lambda: places(db, checked))
        ordered = sort_rows(found, PLACE_SORTS[sort.lstrip("-")], descending=sort.startswith("-"),
                            tie=lambda p: p["name"].casefold())
        return {"total": len(ordered), "unplaced": unplaced, "limit": limit, "offset": offset, "sort": sort,
                "items": ordered[offset:offset + limit]}

    @routes.get("/map", response_class=HTMLResponse)
    def map_page(filters: FilterParams, sort: str = Query("-events", pattern="^-?(events|name|goldstein)$"),
                 page: int = Query(1, ge=1, le=MAX_ROWS // PAGE_SIZE), zoom: int = Query(1, ge=1, le=8),
                 x: int | None = Query(None, ge=0, le=10_000), y: int | None = Query(None, ge=0, le=10_000)) -> str:
        checked = Filters(**filters)
        with store() as db:
            found, unplaced = aggregates.get(key("places", filters), lambda: places(db, checked))

        def explorer(name: str) -> str:
            return "/events?" + urlencode({**filters, "place": name})

        def here(**changes: Any) -> str:
            params = {**filters, "sort": sort, "zoom": view["zoom"], "x": view["x"], "y": view["y"], **changes}
            if params["zoom"] == 1:
                params.update(zoom=None, x=None, y=None)
            return "/map?" + urlencode({k: v for k, v in params.items() if v is not None and v != "-events"})

        view = charts.zoom_view(worldmap.WIDTH, worldmap.HEIGHT, zoom=zoom, x=x, y=y, left=worldmap.LEFT,
                                top=worldmap.TOP)
        ordered = sort_rows(found, PLACE_SORTS[sort.lstrip("-")], descending=sort.startswith("-"),
                            tie=lambda p: p["name"].casefold())
        pages = max(ceil(len(ordered) / PAGE_SIZE), 1)
        rows = [{**p, "href": explorer(p["name"])} for p in ordered[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]]
        columns = [(key, label, here(sort=key if sort == f"-{key}" else f"-{key}", page=None) + "#places",
                    "▼" if sort == f"-{key}" else "▲" if sort == key else "")
                   for key, label in (("name", "place"), ("events", "events"), ("goldstein", "mean Goldstein"))]
        zoom_links = {
            "in": here(zoom=view["zoom_in"]) if view["zoom_in"] else None,
            "out": here(zoom=view["zoom_out"]) if view["zoom_out"] else None,
            "reset": here(zoom=1) if view["zoom"] > 1 else None,
            "pan": {d: here(x=c[0], y=c[1]) for d, c in view["pan"].items() if c}}
        return templates.get_template("map.html").render(
            params=filters, circles=circles(found, explorer), rows=rows, total=len(ordered), unplaced=unplaced,
            events=sum(p["events"] for p in found), view=view, zoom_links=zoom_links, columns=columns,
            map={"left": worldmap.LEFT, "top": worldmap.TOP, "width": worldmap.WIDTH, "height": worldmap.HEIGHT},
            quads=QUAD_CLASSES, page=page, pages=pages, colours=charts.TONE_COLOURS,
            previous=here(page=page - 1) + "#places" if page > 1 else None,
            following=here(page=page + 1) + "#places" if page < pages else None)

    return routes
