"""Queries the dyad view needs, on top of :mod:`thucydides.store.query` (bound parameters only).

``dyad_edges`` aggregates events with both a source and a target into directed edges (actor code -> actor
code) with counts, Goldstein sums and QuadClass counts; ``dyad_events`` lists one dyad's events (exact codes,
not prefixes). Both take the explorer's :class:`~thucydides.store.query.Filters` for dates, outlet and so on.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from thucydides.store import Store
from thucydides.store.query import Filters


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


def _where(filters: Filters, extra: str) -> tuple[str, list[Any]]:
    where, params = filters.where()
    return (f"{where} AND {extra}" if where else f" WHERE {extra}"), params


def dyad_edges(store: Store, filters: Filters) -> tuple[dict[str, Node], list[Edge]]:
    """Nodes and directed edges of the actor network for the events matching ``filters`` (negated events are
    left out unless ``filters.polarity`` asks for them). Edges come most frequent first."""
    extra = "e.source_code IS NOT NULL AND e.target_code IS NOT NULL"
    if not filters.polarity:
        extra += " AND e.polarity = 'positive'"
    where, params = _where(filters, extra)
    sql = ("SELECT e.source_code, e.target_code, e.source_name, e.target_name, e.goldstein, e.quad_class"
           f" FROM counted_events e JOIN articles a ON a.id = e.article_id{where}")
    edges: dict[tuple[str, str], Edge] = {}
    nodes: dict[str, Node] = {}
    for source, target, source_name, target_name, goldstein, quad in store.execute(sql, params):
        edge = edges.get((source, target))
        if edge is None:
            edge = edges[(source, target)] = Edge(source, target)
        edge.events += 1
        edge.goldstein += goldstein
        if quad in (1, 2):
            edge.cooperation += 1
        else:
            edge.conflict += 1
        for code, name in {(source, source_name), (target, target_name)}:
            node = nodes.get(code)
            if node is None:
                node = nodes[code] = Node(code)
            node.events += 1
            if name:
                node.names[name] += 1
    ordered = sorted(edges.values(), key=lambda e: (-e.events, e.source, e.target))
    return nodes, ordered


def dyad_events(store: Store, source: str, target: str, filters: Filters) -> list[dict[str, Any]]:
    """Every event of the dyad ``source -> target`` (exact codes) matching ``filters``, oldest first, each as
    its JSON record plus ``article_id``, ``headline``, ``outlet`` and ``published``."""
    where, params = _where(filters, "e.source_code = ? AND e.target_code = ?")
    params += [source, target]
    sql = ("SELECT e.record, e.article_id, a.headline, a.outlet, a.published FROM counted_events e"
           f" JOIN articles a ON a.id = e.article_id{where} ORDER BY e.date, e.id")
    if filters.limit:
        sql += " LIMIT ?"
        params.append(filters.limit)
    items = []
    for record, article_id, headline, outlet, published in store.execute(sql, params):
        item = json.loads(record)
        item.update({"article_id": article_id, "headline": headline, "outlet": outlet, "published": published})
        items.append(item)
    return items
