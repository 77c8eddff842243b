"""The home page ``/``: the store's counts, cooperation and conflict by week on a true time axis (weeks without
events are gaps), the busiest dyads, the outlets with the most events (the top :data:`TOP_OUTLETS`, each
linking to its articles, the rest one click away) and the latest articles. Every list is bounded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from thucydides.store import Store
from thucydides.store.query import Filters
from thucydides.store.search import ArticleQuery, search_articles
from thucydides.web import articles, charts, timeline
from thucydides.web.claims import claims_by_outlet, outlet_claims, sort_outlets
from thucydides.web.params import QUAD_CLASSES
from thucydides.web.cache import Aggregates, key
from thucydides.web.render import templates

TOP_DYADS = 15
TOP_OUTLETS = 10
LATEST_ARTICLES = 20


def router(store: Callable[[], Store], aggregates: Aggregates) -> APIRouter:
    routes = APIRouter()

    @routes.get("/", response_class=HTMLResponse)
    def overview() -> str:
        with store() as db:
            counts, weeks, undated = aggregates.get(key("overview"), lambda: _counts(db))
            claims = aggregates.get(key("claims", {}), lambda: claims_by_outlet(db, Filters()))
            outlets = sort_outlets(outlet_claims(claims), "-events")
            latest = [articles.item(row) for row in search_articles(db, ArticleQuery(limit=LATEST_ARTICLES))[1]]
        shown = [{**o, "articles": "/articles?" + urlencode({"outlet": o["outlet"]}) if o["outlet"] != "(unknown)"
                  else None, "events_href": "/events?" + urlencode({"outlet": o["outlet"]})
                  if o["outlet"] != "(unknown)" else None} for o in outlets[:TOP_OUTLETS]]
        return templates.get_template("overview.html").render(
            counts=counts, articles=latest, outlets=shown, more_outlets=len(outlets) - len(shown),
            total_outlets=len(outlets), timeline=timeline.bars(weeks, undated=undated), colours=charts.TONE_COLOURS,
            quads=QUAD_CLASSES)

    return routes


def _counts(db: Store) -> tuple[dict[str, Any], dict[date, timeline.Week], int]:
    """The page's numbers (as ``Store.stats`` names them, only those shown) and the weeks of the timeline, from
    one pass over the events by day, QuadClass and polarity (negated events are counted, not drawn)."""
    one = db.execute
    articles_n, sentences, mentions, failures = one(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences), (SELECT count(*) FROM actors),"
        " (SELECT count(*) FROM failures)").fetchone()
    rows = one("SELECT e.date_start, e.quad_class, CASE WHEN e.polarity = 'positive' THEN 1 ELSE 0 END, count(*),"
               " sum(e.goldstein), max(e.date_end) FROM counted_events e GROUP BY 1, 2, 3").fetchall()
    by_quad: Counter[int] = Counter()
    for _, quad, _, n, _, _ in rows:
        by_quad[int(quad)] += int(n)
    dated = [r for r in rows if r[0] is not None]
    weeks, undated = timeline.weeks_of([(first, quad, n, g) for first, quad, positive, n, g, _ in rows if positive])
    top = one("SELECT source_code, target_code, count(*), sum(goldstein) FROM counted_events WHERE source_code IS NOT"
              " NULL AND target_code IS NOT NULL AND polarity = 'positive' GROUP BY source_code, target_code"
              " ORDER BY count(*) DESC, source_code, target_code LIMIT ?", (TOP_DYADS,)).fetchall()
    counts = {"articles": articles_n, "sentences": sentences, "actor_mentions": mentions, "failures": failures,
              "events": sum(by_quad.values()), "by_quad_class": sorted(by_quad.items()),
              "top_dyads": [(s, t, int(n), round(float(g), 1)) for s, t, n, g in top],
              "dates": {"first": min((r[0] for r in dated), default=None),
                        "last": max((r[5] for r in dated), default=None),
                        "undated_events": sum(int(r[3]) for r in rows if r[0] is None)}}
    return counts, weeks, undated
