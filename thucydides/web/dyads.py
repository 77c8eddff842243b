"""The dyad view: ``/dyads`` draws the actor network (the ``nodes`` busiest actors, or countries when rolled up,
with the dyads between them; filters of the explorer, QuadClass among them; zoom and pan by query parameters,
an SVG ``viewBox``, no script) and, for a selected dyad, its weekly timeline over all its events and a page of
them. ``GET /api/dyads`` gives dyads by period, a page at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from math import ceil
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from thucydides.store import Store
from thucydides.store.query import Filters
from thucydides.web import charts, timeline
from thucydides.web.params import MAX_ROWS, QUAD_CLASSES, FilterParams
from thucydides.web.queries import Edge, Node, dyad_edges, dyad_events, name_nodes, side, week_rows, where
from thucydides.web.cache import Aggregates, key
from thucydides.web.render import templates

EVENTS_PAGE = 50  # events of the selected dyad a page shows
DYADS_PAGE = 50  # rows of the dyad list a page shows
NODES = 40  # actors drawn by default
EDGES = 150  # dyads drawn at most by default (a dense network is a knot: roll up, filter or raise it)
DYAD_SORTS: dict[str, Callable[[Edge], Any]] = {
    "events": lambda e: e.events, "goldstein": lambda e: e.goldstein, "mean": lambda e: e.mean,
    "source": lambda e: e.source, "target": lambda e: e.target}


def router(store: Callable[[], Store], aggregates: Aggregates) -> APIRouter:
    routes = APIRouter()

    @routes.get("/api/dyads")
    def api_dyads(filters: FilterParams, period: str = Query("week", pattern="^(day|week|month|year)$"),
                  limit: int = Query(200, ge=1, le=5000), offset: int = Query(0, ge=0, le=MAX_ROWS),
                  ) -> dict[str, Any]:
        """Dated, positive events by (source, target, period), most events first; ``total`` counts the groups."""
        checked = Filters(**filters)
        extra = "e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND e.date_start IS NOT NULL"
        if not checked.polarity:
            extra += " AND e.polarity = 'positive'"
        clause, params = where(checked, extra)
        groups: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0, 0.0])
        with store() as db:
            for source, target, first, count, goldstein in db.execute(
                    "SELECT e.source_code, e.target_code, e.date_start, count(*), sum(e.goldstein) FROM counted_events"
                    f" e JOIN articles a ON a.id = e.article_id{clause} GROUP BY 1, 2, 3", params):
                group = groups[(source, target, _period(first, period))]
                group[0] += count
                group[1] += goldstein
        ordered = sorted(groups.items(), key=lambda kv: (-kv[1][0], kv[0]))
        items = [{"source": s, "target": t, "period": p, "events": int(n), "goldstein": round(g, 1)}
                 for (s, t, p), (n, g) in ordered[offset:offset + limit]]
        return {"period": period, "total": len(ordered), "limit": limit, "offset": offset, "items": items}

    @routes.get("/dyads", response_class=HTMLResponse)
    def dyads_page(filters: FilterParams,
                   src: str | None = Query(None, alias="from", description="Selected dyad: source code (exact)"),
                   dst: str | None = Query(None, alias="to", description="Selected dyad: target code (exact)"),
                   minimum: int = Query(1, alias="min", ge=1, le=MAX_ROWS, description="Dyads with this many events"),
                   nodes: int = Query(NODES, ge=2, le=300, description="Draw the N busiest actors"),
                   max_edges: int = Query(EDGES, alias="edges", ge=1, le=5000,
                                          description="Draw at most the N busiest dyads among them"),
                   level: str = Query("actor", pattern="^(actor|country)$",
                                      description="country: roll actors up to their country (first three letters)"),
                   zoom: int = Query(1, ge=1, le=8), x: int | None = Query(None, ge=0, le=10_000),
                   y: int | None = Query(None, ge=0, le=10_000),
                   sort: str = Query("-events", pattern="^-?(" + "|".join(DYAD_SORTS) + ")$"),
                   page: int = Query(1, ge=1, le=MAX_ROWS // EVENTS_PAGE),
                   dyads_page: int = Query(1, ge=1, le=MAX_ROWS // DYADS_PAGE)) -> str:
        """The network and, for a selected dyad, its weekly timeline and a page of its events."""
        rollup = level == "country"
        checked = Filters(**filters)
        shape = {k: str(v) for k, v in (("min", minimum), ("nodes", nodes), ("edges", max_edges), ("level", level))
                 if v != {"min": 1, "nodes": NODES, "edges": EDGES, "level": "actor"}[k]}
        selected = (src, dst) if src and dst else None
        with store() as db:
            cached, edges = aggregates.get(key("edges", filters, rollup), lambda: dyad_edges(db, checked,
                                                                                            rollup=rollup))
            all_nodes = {c: Node(c, n.events) for c, n in cached.items()}  # names are added below: fresh nodes
            edges = [e for e in edges if e.events >= minimum]
            used = {c for e in edges for c in (e.source, e.target)}
            all_nodes = {c: n for c, n in all_nodes.items() if c in used}
            busiest = sorted(all_nodes.values(), key=lambda n: (-n.events, n.code))[:nodes]
            name_nodes(db, all_nodes, [n.code for n in busiest], checked, rollup=rollup)
            detail = _detail(db, selected, checked, rollup=rollup, page=page, aggregates=aggregates,
                             filters=filters) if selected else None
        graph_size = (960, 640)
        layout = charts.network(all_nodes, edges, edge_link=lambda e: "", node_link=lambda c: "",
                                max_nodes=nodes, width=graph_size[0], height=graph_size[1])
        position = {n["code"]: (n["x"], n["y"]) for n in layout["nodes"]}
        if selected and x is None and y is None and all(c in position for c in selected):
            x, y = round((position[src][0] + position[dst][0]) / 2), round((position[src][1] + position[dst][1]) / 2)
        view = charts.zoom_view(*graph_size, zoom=zoom, x=x, y=y)
        camera = {"zoom": str(view["zoom"]), "x": str(view["x"]), "y": str(view["y"])} if view["zoom"] > 1 else {}
        base = {**filters, **shape}

        def edge_link(edge: Edge) -> str:
            return "/dyads?" + urlencode({**base, **camera, "from": edge.source, "to": edge.target}) + "#dyad"

        def node_link(code: str) -> str:
            return "/dyads?" + urlencode({**{k: v for k, v in base.items() if k != "actor"}, "actor": code})

        def here(**changes: Any) -> str:
            params = {**base, **camera, **({"from": src, "to": dst} if selected else {}), **changes}
            return "/dyads?" + urlencode({k: v for k, v in params.items() if v is not None})

        graph = charts.network(all_nodes, edges, edge_link=edge_link, node_link=node_link, selected=selected,
                               max_nodes=nodes, max_edges=max_edges, width=graph_size[0], height=graph_size[1])
        zoom_links = {
            "in": here(zoom=view["zoom_in"], x=view["x"], y=view["y"]) if view["zoom_in"] else None,
            "out": here(zoom=view["zoom_out"], x=view["x"], y=view["y"]) if view["zoom_out"] else None,
            "reset": here(zoom=None, x=None, y=None) if view["zoom"] > 1 else None,
            "pan": {d: here(x=c[0], y=c[1]) for d, c in view["pan"].items() if c}}
        if detail:
            edge = next((e for e in edges if (e.source, e.target) == selected), None)
            reverse = next((e for e in edges if (e.source, e.target) == (dst, src)), None)
            pages = max(ceil(detail["total"] / EVENTS_PAGE), 1)
            detail.update(edge=edge, reverse=edge_link(reverse) if reverse else None, pages=pages,
                          explorer="/events?" + urlencode({**filters, "source": src, "target": dst}),
                          actors=[(c, f"/actors/{quote(c, safe='')}") for c in dict.fromkeys(selected)],
                          previous=here(page=page - 1) + "#dyad" if page > 1 else None,
                          following=here(page=page + 1) + "#dyad" if page < pages else None)
        ordered = sorted(edges, key=lambda e: (e.source, e.target))  # ties by name, either way
        ordered.sort(key=DYAD_SORTS[sort.lstrip("-")], reverse=sort.startswith("-"))
        list_pages = max(ceil(len(ordered) / DYADS_PAGE), 1)
        start = (dyads_page - 1) * DYADS_PAGE
        table = [{"edge": e, "href": edge_link(e)} for e in ordered[start:start + DYADS_PAGE]]
        columns = [(key, label, here(sort=key if sort == f"-{key}" else f"-{key}", dyads_page=None) + "#dyad-list",
                    "▼" if sort == f"-{key}" else "▲" if sort == key else "")
                   for key, label in (("source", "source"), ("target", "target"), ("events", "events"),
                                      ("goldstein", "Goldstein sum"), ("mean", "mean"))]
        return templates.get_template("dyads.html").render(
            graph=graph, view=view, zoom_links=zoom_links, detail=detail, params=filters, minimum=minimum,
            nodes=nodes, max_edges=max_edges, level=level, table=table, columns=columns, colours=charts.TONE_COLOURS,
            quads=QUAD_CLASSES,
            total_dyads=len(ordered), list_page=dyads_page, list_pages=list_pages,
            list_previous=here(sort=sort, dyads_page=dyads_page - 1) + "#dyad-list" if dyads_page > 1 else None,
            list_following=here(sort=sort, dyads_page=dyads_page + 1) + "#dyad-list"
            if dyads_page < list_pages else None,
            level_links={"actor": here(level=None, zoom=None, x=None, y=None, **{"from": None, "to": None}),
                         "country": here(level="country", zoom=None, x=None, y=None, **{"from": None, "to": None})})

    return routes


def _detail(db: Store, selected: tuple[str, str], checked: Filters, *, rollup: bool, page: int,
            aggregates: Aggregates, filters: dict[str, str]) -> dict[str, Any]:
    """The selected dyad: a page of its events and the weekly timeline of them all (kept between requests)."""
    src, dst = selected
    total, events = dyad_events(db, src, dst, checked, rollup=rollup, limit=EVENTS_PAGE,
                                offset=(page - 1) * EVENTS_PAGE)
    s, t = side("source_code", rollup=rollup), side("target_code", rollup=rollup)
    weeks, undated = aggregates.get(key("dyad-weeks", filters, rollup, src, dst), lambda: timeline.weeks_of(
        week_rows(db, checked, f"{s} = ? AND {t} = ?", (src, dst))))
    return {"source": src, "target": dst, "events": events, "total": total, "page": page,
            "first": (page - 1) * EVENTS_PAGE + 1, "last": (page - 1) * EVENTS_PAGE + len(events),
            "timeline": timeline.bars(weeks, undated=undated)}


def _period(first: str, period: str) -> str:
    day = timeline.day(first)
    assert day is not None  # dated events only
    if period == "day":
        return day.isoformat()
    if period == "month":
        return day.isoformat()[:7]
    if period == "year":
        return str(day.year)
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
