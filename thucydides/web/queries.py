"""Queries the pages need, on top of :mod:`thucydides.store.query` (bound parameters only; column names and
sort orders come from fixed tables here, never from input). Each takes the explorer's
:class:`~thucydides.store.query.Filters` and counts ``counted_events`` (a syndicated copy's events once).

- ``event_page``: one page of matching events in a chosen order, and how many match;
- ``dyad_edges``: directed edges (actor -> actor, or country -> country when rolled up) with counts, Goldstein
  sums and QuadClass counts, aggregated by the database; ``dyad_events``: one page of a dyad's events;
- ``week_rows``: events by first day and QuadClass, for the charts of :mod:`thucydides.web.timeline`.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from thucydides.store import Store
from thucydides.store.query import Filters

T = TypeVar("T")
_FROM = " FROM counted_events e JOIN articles a ON a.id = e.article_id"
# sort key -> ORDER BY, {d} the direction; undated events and missing codes come last either way (NULLS LAST:
# SQLite 3.30+ and PostgreSQL; a plain column lets SQLite walk the date index instead of sorting every event)
SORTS = {
    "date": "e.date_start{d} NULLS LAST, e.date{d} NULLS LAST, e.id{d}",
    "source": "e.source_code{d} NULLS LAST, e.date_start NULLS LAST, e.id",
    "target": "e.target_code{d} NULLS LAST, e.date_start NULLS LAST, e.id",
    "code": "e.cameo{d}, e.date_start NULLS LAST, e.id",
    "goldstein": "e.goldstein{d}, e.date_start NULLS LAST, e.id",
    "outlet": "a.outlet{d} NULLS LAST, e.date_start NULLS LAST, e.id",
}
SORT_PATTERN = "^-?(" + "|".join(SORTS) + ")$"


@dataclass(slots=True)
class Edge:
    source: str
    target: str
    events: int = 0
    goldstein: float = 0.0  # sum over the edge's events
    cooperation: int = 0  # QuadClass 1-2
    conflict: int = 0  # QuadClass 3-4

    @property
    def mean(self) -> float:
        return self.goldstein / self.events if self.events else 0.0

    @property
    def tone(self) -> str:
        """``cooperation``, ``conflict`` or ``neutral``, by the sign of the mean Goldstein value."""
        if self.mean > 0:
            return "cooperation"
        if self.mean < 0:
            return "conflict"
        return "neutral"


@dataclass(slots=True)
class Node:
    code: str
    events: int = 0  # events the actor is source or target of (self-loops once)
    names: Counter[str] = field(default_factory=Counter)  # names the code was given in the text


def where(filters: Filters, extra: str = "", params: tuple[Any, ...] = ()) -> tuple[str, list[Any]]:
    """The WHERE clause of ``filters`` over ``counted_events e`` and ``articles a``, and ``extra`` (with its
    ``params``) when given."""
    sql, bound = filters.where()
    if extra:
        sql = f"{sql} AND {extra}" if sql else f" WHERE {extra}"
        bound += list(params)
    return sql, bound


def side(column: str, *, rollup: bool) -> str:
    """The SQL for an actor code column, or its country (first three letters) when ``rollup``."""
    return f"substr(e.{column}, 1, 3)" if rollup else f"e.{column}"


def event_page(store: Store, filters: Filters, *, sort: str = "date", limit: int = 100,
               offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """How many events match, and the page ``offset``..``offset + limit`` of them in the order ``sort`` (a key of
    :data:`SORTS`, ``-`` first for descending): each its JSON record with ``article_id``, ``outlet``, ``url``,
    ``headline``, ``cluster`` and ``num_articles``."""
    order = SORTS[sort.lstrip("-")].format(d=" DESC" if sort.startswith("-") else "")
    clause, params = where(filters)
    total = int(store.execute(f"SELECT count(*){_FROM}{clause}", params).fetchone()[0])
    return total, _records(store, f"SELECT e.id{_FROM}{clause} ORDER BY {order} LIMIT ? OFFSET ?",
                           [*params, limit, offset])


def _records(store: Store, ids_sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """The events whose ids ``ids_sql`` selects, in its order, each its JSON record with its article's and
    cluster's fields. Two steps: the order (a deep page, a sort) is found over narrow rows, and only the page's
    records are read (sorting 100,000 records to skip 50,000 took seconds)."""
    ids = [row[0] for row in store.execute(ids_sql, params)]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = store.execute(
        "SELECT e.id, e.record, e.article_id, a.outlet, a.url, a.headline, a.published, c.id, c.num_articles"
        " FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN event_clusters ec ON ec.event_id = e.id"
        f" LEFT JOIN clusters c ON c.id = ec.cluster_id WHERE e.id IN ({marks})", ids).fetchall()
    found = {}
    for event_id, record, article_id, outlet, url, headline, published, cluster, num_articles in rows:
        item = json.loads(record)
        item.update({"article_id": article_id, "outlet": outlet, "url": url, "headline": headline,
                     "published": published, "cluster": cluster, "num_articles": num_articles})
        found[event_id] = item
    return [found[i] for i in ids if i in found]


def dyad_edges(store: Store, filters: Filters, *, rollup: bool = False) -> tuple[dict[str, Node], list[Edge]]:
    """Nodes and directed edges of the actor network for the events matching ``filters`` (negated events are
    left out unless ``filters.polarity`` asks for them); with ``rollup``, of countries (the first three letters
    of the codes). Edges come most frequent first. Node names are filled by :func:`name_nodes`."""
    extra = "e.source_code IS NOT NULL AND e.target_code IS NOT NULL"
    if not filters.polarity:
        extra += " AND e.polarity = 'positive'"
    clause, params = where(filters, extra)
    s, t = side("source_code", rollup=rollup), side("target_code", rollup=rollup)
    sql = (f"SELECT {s}, {t}, count(*), sum(e.goldstein), sum(CASE WHEN e.quad_class IN (1, 2) THEN 1 ELSE 0 END)"
           f"{_FROM}{clause} GROUP BY {s}, {t}")
    edges: list[Edge] = []
    nodes: dict[str, Node] = {}
    for source, target, count, goldstein, cooperation in store.execute(sql, params):
        edge = Edge(source, target, int(count), float(goldstein or 0.0), int(cooperation), int(count - cooperation))
        edges.append(edge)
        for code in {source, target}:
            node = nodes.get(code)
            if node is None:
                node = nodes[code] = Node(code)
            node.events += edge.events
    edges.sort(key=lambda e: (-e.events, e.source, e.target))
    return nodes, edges


def name_nodes(store: Store, nodes: dict[str, Node], codes: list[str], filters: Filters, *, rollup: bool) -> None:
    """Fill the names of the nodes ``codes``: the names their actors' mentions were given in the text (any
    mention of the store: the titles name who a code is, whatever the filters), or (rolled up) the country,
    region or organisation the dictionary names."""
    if rollup:
        from thucydides.actors import default_dictionary

        known = {**default_dictionary().regions, **default_dictionary().countries}
        for code in codes:
            if code in known:
                nodes[code].names[known[code][0]] += 1
        return
    if not codes:
        return
    marks = ",".join("?" * len(codes))  # the mentions' names (indexed by code), not only those of matching events
    for code, name, count in store.execute(f"SELECT code, name, count(*) FROM actors WHERE code IN ({marks})"
                                           " AND name IS NOT NULL GROUP BY code, name", codes):
        nodes[code].names[name] += int(count)


def dyad_events(store: Store, source: str, target: str, filters: Filters, *, rollup: bool = False,
                limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """How many events the dyad ``source -> target`` (exact codes, or countries when ``rollup``) has under
    ``filters``, and the page ``offset``..``offset + limit`` of them, oldest first, each as its JSON record plus
    ``article_id``, ``headline``, ``outlet`` and ``published``."""
    s, t = side("source_code", rollup=rollup), side("target_code", rollup=rollup)
    clause, params = where(filters, f"{s} = ? AND {t} = ?", (source, target))
    total = int(store.execute(f"SELECT count(*){_FROM}{clause}", params).fetchone()[0])
    return total, _records(store, f"SELECT e.id{_FROM}{clause} ORDER BY {SORTS['date'].format(d='')} LIMIT ? OFFSET ?",
                           [*params, limit, offset])


def week_rows(store: Store, filters: Filters, extra: str = "", params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """(first day or None, QuadClass, events, Goldstein sum) of the events matching ``filters`` and ``extra``,
    negated events left out unless ``filters.polarity`` asks for them: the input of
    :func:`thucydides.web.timeline.weeks_of`."""
    condition = "e.polarity = 'positive'" if not filters.polarity else ""
    condition = " AND ".join(c for c in (condition, extra) if c)
    clause, bound = where(filters, condition, params)
    sql = f"SELECT e.date_start, e.quad_class, count(*), sum(e.goldstein){_FROM}{clause} GROUP BY 1, 2"
    return [tuple(row) for row in store.execute(sql, bound)]


def ensure_indexes(store: Store) -> bool:
    """Create the index the claim-source filter and the claims view read through (``attribution_hops`` by
    event and hop) in a store made before schema.sql had it; False when the store cannot be written to (the
    pages still work, more slowly)."""
    try:
        with store.transaction():
            store.execute("CREATE INDEX IF NOT EXISTS attribution_hops_event ON attribution_hops(event_id, hop)")
    except Exception:  # noqa: BLE001 - sqlite3.Error or psycopg.Error: a read-only store is served as it is
        return False
    return True


def sort_rows(items: Iterable[T], key: Callable[[T], Any], *, descending: bool, tie: Callable[[T], Any]) -> list[T]:
    """``items`` by ``key`` (either way), ties always in ascending order of ``tie`` (a name)."""
    ordered = sorted(items, key=tie)
    ordered.sort(key=key, reverse=descending)  # stable: equal keys keep the order of their names
    return ordered
