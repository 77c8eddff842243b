"""The article list: full-text search over headlines and texts, with facets (outlet, dates, kind of source).

Both back ends search the same words: SQLite through the FTS5 index ``article_search_fts`` (its rowids are
``article_search.id``), PostgreSQL through the expression index ``articles_search`` (schema.sql has both; the
English stemmer on each, so "missiles" finds "missile"). Whatever a user types is cut into terms, words and
"quoted phrases", and every term must match; each is passed to the engine as a quoted phrase (FTS5) or
``phraseto_tsquery`` (PostgreSQL), never as query syntax, so no input is an error: ``OR``, ``NEAR``, ``*``,
``-``, ``:`` and unbalanced quotes are plain text. Values are always bound parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from thucydides.store.sqlite import Store

# Terms searched at most (a query string is at most 8 KB anyway); the rest are ignored.
MAX_TERMS = 32
# The hop kinds (README "Attribution") an article's claims can cite, for the source facet. ``outlet``: the
# article relays another outlet's report.
SOURCE_KINDS = ("anonymous", "named", "institution", "document", "outlet", "publisher")
# PostgreSQL: the indexed expression, as schema.sql writes it (the planner uses the index only for the same one)
PG_DOCUMENT = "to_tsvector('english', left(coalesce(a.headline, '') || ' ' || a.text, 200000))"

_TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """What the article list asks for; empty values mean "any". ``since``/``until`` are checked dates
    (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, :func:`thucydides.filters.check_values`): an article matches when
    its publication date, taken as the interval it names, overlaps them; undated articles match no date."""

    text: str = ""
    outlet: str | None = None  # case-insensitive
    since: str | None = None
    until: str | None = None
    source: str | None = None  # one of SOURCE_KINDS: the article cites a source of that kind
    limit: int = 50
    offset: int = 0
    terms: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms", search_terms(self.text))


def search_terms(text: str) -> tuple[str, ...]:
    """The words and quoted phrases of ``text`` that hold a letter or digit (at most :data:`MAX_TERMS`).

    >>> search_terms('Kharkiv "peace talks" OR -NEAR( ""')
    ('Kharkiv', 'peace talks', 'OR', '-NEAR(')
    """
    clean = _CONTROL.sub(" ", text.encode("utf-8", "replace").decode("utf-8"))
    terms = [(m[1] if m[1] is not None else m[2]).strip() for m in _TERM.finditer(clean)]
    return tuple(t for t in terms if any(c.isalnum() for c in t))[:MAX_TERMS]


def fts_expression(terms: tuple[str, ...]) -> str:
    """An FTS5 query for every term, each as a quoted phrase (a quote inside is doubled)."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _where(store: Store, query: ArticleQuery, *, leave_out: str = "") -> tuple[str, list[Any]]:
    """The WHERE clause over ``articles a`` for ``query`` (without the facet named by ``leave_out``)."""
    from thucydides.filters import date_interval

    clauses: list[str] = []
    params: list[Any] = []
    if query.text.strip() and not query.terms:
        clauses.append("1 = 0")  # only punctuation or symbols: nothing to find
    elif query.terms and store.postgres:
        tsquery = " && ".join(["phraseto_tsquery('english', ?)"] * len(query.terms))
        clauses.append(f"{PG_DOCUMENT} @@ ({tsquery})")
        params.extend(query.terms)
    elif query.terms:
        clauses.append("a.id IN (SELECT m.article_id FROM article_search m WHERE m.id IN"
                       " (SELECT rowid FROM article_search_fts WHERE article_search_fts MATCH ?))")
        params.append(fts_expression(query.terms))
    if query.outlet and leave_out != "outlet":
        clauses.append("lower(a.outlet) = lower(?)")
        params.append(query.outlet)
    # a publication date of a year or a month spans it: its last day is on or after since's first day when its
    # text is not before as many characters of that day, and its first day on or before until's last day
    if query.since:
        clauses.append("substr(a.published, 1, 10) >= substr(?, 1, length(substr(a.published, 1, 10)))")
        params.append(date_interval(query.since)[0].isoformat())
    if query.until:
        clauses.append("substr(a.published, 1, 10) <= ?")
        params.append(date_interval(query.until)[1].isoformat())
    if query.source and leave_out != "source":
        clauses.append("EXISTS (SELECT 1 FROM sources k WHERE k.article_id = a.id AND k.kind = ?)")
        params.append(query.source)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def search_articles(store: Store, query: ArticleQuery) -> tuple[int, list[dict[str, Any]]]:
    """The number of matching articles and the page ``query.limit``/``offset`` of them, newest first (undated
    last), each with id, headline, outlet, published, input_path and its numbers of events and quotes."""
    where, params = _where(store, query)
    total = int(store.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0])
    rows = store.execute(
        "SELECT a.id, a.headline, a.outlet, a.published, a.input_path,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id),"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)"
        f" FROM articles a{where} ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?",
        [*params, query.limit, query.offset]).fetchall()
    keys = ("id", "headline", "outlet", "published", "input_path", "events", "quotes")
    return total, [dict(zip(keys, row, strict=True)) for row in rows]


def facets(store: Store, query: ArticleQuery) -> dict[str, list[tuple[str, int]]]:
    """Counts of the matching articles by outlet and by kind of source cited, each facet counted under the other
    filters (so a chosen outlet still lists the others), most articles first."""
    where, params = _where(store, query, leave_out="outlet")
    outlets = store.execute(
        f"SELECT a.outlet, count(*) FROM articles a{where}{' AND' if where else ' WHERE'} a.outlet IS NOT NULL"
        " GROUP BY a.outlet ORDER BY count(*) DESC, a.outlet", params).fetchall()
    where, params = _where(store, query, leave_out="source")
    kinds = store.execute(
        f"SELECT s.kind, count(DISTINCT a.id) FROM articles a JOIN sources s ON s.article_id = a.id{where}"
        " GROUP BY s.kind", params).fetchall()
    found = dict(kinds)
    return {"outlet": [(str(o), int(n)) for o, n in outlets],
            "source": [(k, int(found[k])) for k in SOURCE_KINDS if k in found]}
