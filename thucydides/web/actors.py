"""Actors over time: ``/actors`` lists the actor codes (or countries) by their events, sorted and paginated;
``/actors/{code}`` draws the weekly Goldstein line (mean or sum) of the events of an actor code prefix (``RUS``
is every Russian actor, ``RUSGOV`` the government) as source, target or either, with its counterparts;
``GET /api/actors/{code}/goldstein`` gives the weeks as JSON. Every filter of the explorer applies.
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse

from thucydides.store import Store
from thucydides.store.query import Filters
from thucydides.web import timeline
from thucydides.web.params import MAX_ROWS, QUAD_CLASSES, FilterParams
from thucydides.web.queries import side, sort_rows, week_rows, where
from thucydides.web.cache import Aggregates, key
from thucydides.web.render import templates

PAGE_SIZE = 50
COUNTERPARTS = 20
SIDES = {"either": "actor", "source": "source", "target": "target"}
ACTOR_SORTS = ("code", "events", "goldstein")


def actor_filters(filters: dict[str, str], code: str, side_name: str) -> Filters:
    """The filters with ``code`` on the chosen side (checked: a bad code is a 400 naming the filter)."""
    chosen = {k: v for k, v in filters.items() if k not in SIDES.values()}
    return Filters(**chosen, **{SIDES[side_name]: code})


def actor_counts(db: Store, filters: Filters, *, rollup: bool) -> list[dict[str, Any]]:
    """Each actor code (or country) of the matching events, either side (an event between two actors of one
    code counted once): events and Goldstein sum."""
    clause, params = where(filters)
    s, t = side("source_code", rollup=rollup), side("target_code", rollup=rollup)
    other = f"{t} IS NOT NULL AND ({s} IS NULL OR {t} <> {s})"  # the target side, unless the source counted it
    clause2, params2 = where(filters, other)
    rows = db.execute(
        f"SELECT code, count(*), sum(g) FROM (SELECT {s} AS code, e.goldstein AS g FROM counted_events e"
        f" JOIN articles a ON a.id = e.article_id{clause} UNION ALL SELECT {t}, e.goldstein FROM counted_events e"
        f" JOIN articles a ON a.id = e.article_id{clause2}) sides WHERE code IS NOT NULL GROUP BY code",
        params + params2).fetchall()
    return [{"code": c, "events": int(n), "goldstein": round(float(g or 0.0), 1)} for c, n, g in rows]


def counterparts(db: Store, filters: Filters, code: str) -> list[dict[str, Any]]:
    """The codes the actor ``code`` (a prefix) acts on or is acted on by, most events first."""
    clause, params = where(filters)
    pattern = code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.execute(
        "SELECT CASE WHEN e.source_code LIKE ? ESCAPE '\\' THEN e.target_code ELSE e.source_code END, count(*),"
        f" sum(e.goldstein) FROM counted_events e JOIN articles a ON a.id = e.article_id{clause}"
        " AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
        [pattern, *params, COUNTERPARTS]).fetchall()
    return [{"code": c, "events": int(n), "goldstein": round(float(g or 0.0), 1)} for c, n, g in rows]


def router(store: Callable[[], Store], aggregates: Aggregates) -> APIRouter:
    routes = APIRouter()

    @routes.get("/api/actors/{prefix}/goldstein")
    def api_goldstein(filters: FilterParams, prefix: str = Path(max_length=40, description="Actor code or its start"),
                      side_name: str = Query("either", alias="side", pattern="^(either|source|target)$"),
                      ) -> dict[str, Any]:
        """Weeks (ISO, named by their Monday) of the events of the actor code prefix on ``side``
        (negated events left out unless ``polarity`` asks): events, Goldstein sum and mean; ``undated``
        counts the events without a date."""
        checked = actor_filters(filters, prefix, side_name)
        with store() as db:
            weeks, undated = aggregates.get(key("actor-weeks", filters, prefix, side_name),
                                            lambda: timeline.weeks_of(week_rows(db, checked)))
        items = [{"week": f"{m.isocalendar()[0]}-W{m.isocalendar()[1]:02d}", "monday": m.isoformat(),
                  "events": w.n, "goldstein": round(w.goldstein, 2), "mean": round(w.goldstein / w.n, 3)}
                 for m, w in sorted(weeks.items())]
        code = checked.actor or checked.source or checked.target
        return {"code": code, "side": side_name, "undated": undated, "items": items}

    @routes.get("/actors/{prefix}", response_class=HTMLResponse)
    def actor_page(filters: FilterParams, prefix: str = Path(max_length=40),
                   side_name: str = Query("either", alias="side", pattern="^(either|source|target)$"),
                   measure: str = Query("mean", pattern="^(mean|sum)$")) -> str:
        checked = actor_filters(filters, prefix, side_name)
        code = checked.actor or checked.source or checked.target or prefix
        with store() as db:
            weeks, undated = aggregates.get(key("actor-weeks", filters, prefix, side_name),
                                            lambda: timeline.weeks_of(week_rows(db, checked)))
            others = aggregates.get(key("counterparts", filters, prefix, side_name),
                                    lambda: counterparts(db, checked, code))
        rest = {k: v for k, v in filters.items() if k not in SIDES.values()}

        def here(**changes: str) -> str:
            params = {**rest, "side": side_name, "measure": measure, **changes}
            params = {k: v for k, v in params.items() if (k, v) not in (("side", "either"), ("measure", "mean"))}
            return f"/actors/{quote(code, safe='')}" + (f"?{urlencode(params)}" if params else "")

        explorer = "/events?" + urlencode({**rest, SIDES[side_name]: code})
        rows = [{**c, "page": f"/actors/{quote(c['code'], safe='')}"} for c in others]
        return templates.get_template("actor.html").render(
            code=code, side=side_name, measure=measure, params=filters, quads=QUAD_CLASSES,
            chart=timeline.line(weeks, measure=measure, undated=undated), events=sum(w.n for w in weeks.values()),
            undated=undated, counterparts=rows, explorer=explorer, dyads="/dyads?" + urlencode({**rest, "actor": code}),
            measures={m: here(measure=m) for m in ("mean", "sum")}, sides={s: here(side=s) for s in SIDES})

    @routes.get("/actors", response_class=HTMLResponse)
    def actors_page(filters: FilterParams, level: str = Query("actor", pattern="^(actor|country)$"),
                    sort: str = Query("-events", pattern="^-?(" + "|".join(ACTOR_SORTS) + ")$"),
                    page: int = Query(1, ge=1, le=MAX_ROWS // PAGE_SIZE)) -> str:
        checked = Filters(**filters)
        with store() as db:
            items = aggregates.get(key("actors", filters, level), lambda: actor_counts(db, checked,
                                                                                      rollup=level == "country"))
        column = sort.lstrip("-")
        items = sort_rows(items, lambda i: i[column], descending=sort.startswith("-"), tie=lambda i: i["code"])
        pages = max(ceil(len(items) / PAGE_SIZE), 1)

        def here(**changes: Any) -> str:
            params = {**filters, "level": level, "sort": sort, **changes}
            params = {k: v for k, v in params.items() if v is not None and (k, v) not in (
                ("level", "actor"), ("sort", "-events"), ("page", 1))}
            return "/actors" + (f"?{urlencode(params)}" if params else "")

        rest = urlencode(filters)
        rows = [{**i, "href": f"/actors/{quote(i['code'], safe='')}" + (f"?{rest}" if rest else "")}
                for i in items[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]]
        columns = [(k, label, here(sort=k if sort == f"-{k}" else f"-{k}", page=None),
                    "▼" if sort == f"-{k}" else "▲" if sort == k else "")
                   for k, label in (("code", "code"), ("events", "events"), ("goldstein", "Goldstein sum"))]
        return templates.get_template("actors.html").render(
            rows=rows, total=len(items), level=level, columns=columns, page=page, pages=pages, params=filters,
            levels={lv: here(level=lv, page=None) for lv in ("actor", "country")},
            previous=here(page=page - 1) if page > 1 else None,
            following=here(page=page + 1) if page < pages else None)

    return routes
