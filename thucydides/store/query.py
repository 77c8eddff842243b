"""Queries over the store's events. The exports in the formats analysts' tools read (GDELT 2.0, PLOVER, CSV,
Parquet) are in :mod:`thucydides.store.exports`, and importable from here as before.

Filters become SQL with bound parameters only; column names come from a fixed table, never from input.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from thucydides.store.exports import (  # noqa: F401 - the exports, importable from here as before
    COLUMNS,
    FORMULA_STARTS,
    GDELT_COLUMNS,
    PARQUET_EXTRA,
    PRESENTATIONS,
    article_event_rows,
    csv_cell,
    gdelt_row,
    parquet_schema,
    plover_record,
    plover_records,
    pyarrow_modules,
    write_csv,
    write_gdelt,
    write_jsonl,
    write_parquet,
    write_plover,
)
from thucydides.store.sqlite import Store


@dataclass(frozen=True, slots=True)
class Filters:
    """What `thucydides query` and `export` accept. Codes match as prefixes ("RUS" matches "RUSGOV").

    Every value is checked and normalised when the object is built, by the parsers of :mod:`thucydides.filters`
    (``Filters(root="99")`` raises :class:`~thucydides.filters.FilterError`); docs/filters.md has the rules.
    """

    source: str | None = None
    target: str | None = None
    actor: str | None = None  # either side
    root: str | None = None
    code: str | None = None
    plover: str | None = None
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD: from the first day it names (date intervals overlap)
    until: str | None = None  # likewise, to the last day it names
    undated: bool = False  # only the events that have no date
    outlet: str | None = None  # case-insensitive
    polarity: str | None = None
    certainty: str | None = None
    quad: int | None = None  # QuadClass 1-4
    source_kind: str | None = None  # the kind of the last hop of the event's attribution chain (whose claim it is)
    chain: int | None = None  # the number of hops of that chain (1: the publisher's own claim)
    place: str | None = None  # the event's location name, case-insensitive
    limit: int | None = None

    def __post_init__(self) -> None:
        from thucydides.filters import check_values

        given = {name: getattr(self, name) for name in self.__dataclass_fields__}
        for name, value in check_values(given).items():
            object.__setattr__(self, name, value)

    def where(self) -> tuple[str, list[Any]]:
        from thucydides.filters import date_interval

        clauses: list[str] = []
        params: list[Any] = []

        def prefix(column: str, value: str) -> None:
            clauses.append(f"{column} LIKE ? ESCAPE '\\'")
            params.append(value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")

        if self.source:
            prefix("e.source_code", self.source)
        if self.target:
            prefix("e.target_code", self.target)
        if self.actor:
            escaped = self.actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\')")
            params.extend([escaped, escaped])
        if self.root:
            clauses.append("e.cameo_root = ?")
            params.append(self.root)
        if self.code:
            prefix("e.cameo", self.code)
        for column, value in (("e.plover", self.plover), ("e.polarity", self.polarity),
                              ("e.certainty", self.certainty)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.outlet:
            clauses.append("lower(a.outlet) = lower(?)")
            params.append(self.outlet)
        if self.quad:
            clauses.append("e.quad_class = ?")
            params.append(self.quad)
        if self.place:
            clauses.append("lower(e.location_name) = lower(?)")
            params.append(self.place)
        if self.source_kind:  # the chain's last hop (attribution_hops_event indexes event_id, hop)
            clauses.append("EXISTS (SELECT 1 FROM attribution_hops h WHERE h.event_id = e.id AND h.kind = ? AND"
                           " h.hop = (SELECT max(l.hop) FROM attribution_hops l WHERE l.event_id = e.id))")
            params.append(self.source_kind)
        if self.chain:
            clauses.append("(SELECT count(*) FROM attribution_hops h WHERE h.event_id = e.id) = ?")
            params.append(self.chain)
        # overlap of intervals: the event's last day is not before the first day of `since`, and its first day
        # not after the last day of `until`; an undated event (no interval) matches no date filter
        if self.since:
            clauses.append("e.date_end >= ?")
            params.append(date_interval(self.since)[0].isoformat())
        if self.until:
            clauses.append("e.date_start <= ?")
            params.append(date_interval(self.until)[1].isoformat())
        if self.undated:
            clauses.append("e.date_start IS NULL")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def outlets(store: Store) -> list[str]:
    """The distinct outlet names of the store's articles (for :func:`thucydides.filters.check_outlet`)."""
    return [row[0] for row in store.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")]


def events(store: Store, filters: Filters) -> Iterator[dict[str, Any]]:
    """Matching events as dicts (:data:`_EVENT_FIELDS`: the event's columns and JSON ``record``, its article's,
    run's and cluster's), oldest first (by the first day of each event's date interval), undated events last."""
    where, params = filters.where()
    sql = ("SELECT e.id, e.article_id, e.date, e.date_precision, e.source_code, e.source_name, e.cameo, e.plover,"
           " e.target_code, e.target_name, e.goldstein, e.quad_class, e.polarity, e.certainty, e.trigger,"
           " e.location_name, a.outlet, a.url, e.record, e.source_country, e.target_country, e.source_sector,"
           " e.target_sector, e.cameo_root, e.location_country, e.lat, e.lon, a.published, e.plover_mode,"
           " e.sentence, c.id, c.num_mentions, c.num_sources, c.num_articles, c.first_event, e.date_start,"
           " e.date_end, e.condition, r.started, a.headline, a.language, a.pipeline_version, s.start, s.end_"
           " FROM counted_events e JOIN articles a ON a.id = e.article_id JOIN runs r ON r.id = a.run_id"
           " LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence"
           " LEFT JOIN event_clusters ec ON ec.event_id = e.id LEFT JOIN clusters c ON c.id = ec.cluster_id"
           f"{where} ORDER BY e.date_start IS NULL, e.date_start, e.date, e.id")
    if filters.limit:
        sql += " LIMIT ?"
        params.append(filters.limit)
    for row in store.execute(sql, params):  # streamed: an export never holds all rows
        yield dict(zip(_EVENT_FIELDS, row, strict=True))


# The keys of an :func:`events` row, in the order of its SELECT. ``added``: when the row entered the store (the
# start of the run that stored its article); ``sentence_start``/``sentence_end``: the sentence's offsets.
_EVENT_FIELDS = (
    "id", "article_id", "date", "date_precision", "source_code", "source_name", "cameo", "plover", "target_code",
    "target_name", "goldstein", "quad_class", "polarity", "certainty", "trigger", "location_name", "outlet", "url",
    "record", "source_country", "target_country", "source_sector", "target_sector", "cameo_root", "location_country",
    "lat", "lon", "published", "plover_mode", "sentence", "cluster", "num_mentions", "num_sources", "num_articles",
    "first_event", "date_start", "date_end", "condition", "added", "headline", "language", "pipeline_version",
    "sentence_start", "sentence_end")


def table(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    for e in rows:
        target = e["target_code"] or "-"
        flags = "" if e["polarity"] == "positive" else " NEG"
        flags += "" if e["certainty"] == "certain" else f" {e['certainty']}"
        yield (f"{(e['date'] or 'undated'):<10} {(e['source_code'] or '?'):>12} -> {target:<12} {e['cameo']:<5} "
               f"{(e['plover'] or '-'):<9} {e['goldstein']:+5.1f}  {e['trigger']!r}{flags}  [{e['outlet'] or '-'}]")

