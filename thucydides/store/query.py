"""Queries over the store's events, and exports in the formats analysts' tools read (GDELT 2.0, PLOVER, CSV,
Parquet).

Filters become SQL with bound parameters only; column names come from a fixed table, never from input.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from thucydides.store.sqlite import Store
from thucydides.types import Article

# Columns a query prints (and CSV exports), in order.
COLUMNS = ("id", "article_id", "date", "date_precision", "source_code", "source_name", "cameo", "plover",
           "target_code", "target_name", "goldstein", "quad_class", "polarity", "certainty", "trigger",
           "location_name", "outlet", "url")


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
    """Matching events as dicts (the query columns plus the event's JSON ``record``), oldest first (by the first
    day of each event's date interval), undated events last."""
    where, params = filters.where()
    sql = ("SELECT e.id, e.article_id, e.date, e.date_precision, e.source_code, e.source_name, e.cameo, e.plover,"
           " e.target_code, e.target_name, e.goldstein, e.quad_class, e.polarity, e.certainty, e.trigger,"
           " e.location_name, a.outlet, a.url, e.record, e.source_country, e.target_country, e.source_sector,"
           " e.target_sector, e.cameo_root, e.location_country, e.lat, e.lon, a.published, e.plover_mode,"
           " e.sentence, c.id, c.num_mentions, c.num_sources, c.num_articles, c.first_event"
           " FROM events e JOIN articles a ON a.id = e.article_id"
           " LEFT JOIN event_clusters ec ON ec.event_id = e.id LEFT JOIN clusters c ON c.id = ec.cluster_id"
           f"{where} ORDER BY e.date_start IS NULL, e.date_start, e.date, e.id")
    if filters.limit:
        sql += " LIMIT ?"
        params.append(filters.limit)
    names = [*COLUMNS, "record", "source_country", "target_country", "source_sector", "target_sector",
             "cameo_root", "location_country", "lat", "lon", "published", "plover_mode", "sentence", "cluster",
             "num_mentions", "num_sources", "num_articles", "first_event"]
    for row in store.execute(sql, params):  # streamed: an export never holds all rows
        yield dict(zip(names, row, strict=True))


# -- GDELT 2.0 ---------------------------------------------------------------------------------------------

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # the 61 columns of the GDELT 2.0 event table, in its order


def _global_id(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def gdelt_row(event: dict[str, Any]) -> list[str]:
    """One event as a GDELT 2.0 row. What is lost or approximated is documented in the README."""
    date = (event["date"] or event["published"] or "")[:10]
    digits = date.replace("-", "")
    # a month or a year is placed on its first day (GDELT has no precision field; ours is in the JSON export)
    sql_date = {8: digits, 6: digits + "01", 4: digits + "0101"}.get(len(digits), "")
    year = sql_date[:4]
    fraction = ""
    if len(sql_date) == 8:
        month, day = int(sql_date[4:6]), int(sql_date[6:8])
        fraction = f"{int(year) + ((month - 1) * 30 + day) / 365:.4f}"
    record = json.loads(event["record"])

    def actor(prefix: str) -> list[str]:
        side = record.get(prefix)
        if not side:
            return [""] * 10
        code, country, sector = side.get("code") or "", side.get("country") or "", side.get("sector") or ""
        known = code[3:] if country in ("IGO", "NGO") else ""
        return [code, (side.get("name") or "").upper(), "" if country in ("IGO", "NGO") else country, known, "",
                "", "", sector if country not in ("IGO", "NGO") else "", "", ""]

    location = record.get("location") or {}
    geo = ["", "", "", "", "", "", "", ""]
    if location:
        geo_type = "4" if location.get("lat") is not None else "1"  # 4 = world city, 1 = country
        geo = [geo_type, location.get("name") or "", location.get("country") or "", "", "",
               "" if location.get("lat") is None else f"{location['lat']:.4f}",
               "" if location.get("lon") is None else f"{location['lon']:.4f}", ""]
    cameo = event["cameo"]
    return [
        str(_global_id(event["id"])), sql_date, sql_date[:6], year, fraction,
        *actor("source"), *actor("target"),
        "1" if event["sentence"] == 0 else "0", cameo, cameo[:3], event["cameo_root"], str(event["quad_class"]),
        f"{event['goldstein']:.1f}", str(event["num_mentions"] or 1), str(event["num_sources"] or 1),
        str(event["num_articles"] or 1), "",
        *[""] * 8, *[""] * 8, *geo,
        (event["published"] or "").replace("-", "")[:8] + "000000" if event["published"] else "",
        event["url"] or "",
    ]


def write_gdelt(rows: Iterator[dict[str, Any]], out: IO[str], *, header: bool = False) -> int:
    count = 0
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    for event in rows:
        values = gdelt_row(event)
        out.write("\t".join(v.replace("\t", " ").replace("\n", " ") for v in values) + "\n")
        count += 1
    return count


# -- PLOVER, JSON Lines, CSV -----------------------------------------------------------------------------

def plover_record(event: dict[str, Any]) -> dict[str, Any] | None:
    """One event as a PLOVER record (actor and recipient lists, mode, context); CAMEO 01 has no PLOVER type."""
    record = json.loads(event["record"])
    if not record.get("plover"):
        return None

    def side(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"actorText": a.get("text"), "code": a.get("country"), "sector": a.get("sector"),
                 "name": a.get("name"), "cameo": a.get("code")} for a in items if a]

    location = record.get("location")
    return {
        "id": event["id"], "event_date": event["date"], "date_precision": event["date_precision"],
        "story_date": event["published"], "story_id": event["article_id"], "publication": event["outlet"],
        "url": event["url"], "event_type": record["plover"], "mode": record.get("plover_mode"),
        "context": [], "actor": side(record.get("sources_all") or [record.get("source")]),
        "recipient": side(record.get("targets_all") or ([record["target"]] if record.get("target") else [])),
        "event_text": record.get("sentence_text"), "trigger": record.get("trigger"),
        "event_loc": {"name": location["name"], "country": location["country"], "lat": location["lat"],
                      "lon": location["lon"]} if location else None,
        "modality": record.get("modality"), "cameo": record["cameo"], "attribution": record.get("attribution"),
    }


def write_plover(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for event in rows:
        record = plover_record(event)
        if record is not None:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for event in rows:
        record = json.loads(event["record"])
        record["article_id"], record["outlet"], record["url"] = event["article_id"], event["outlet"], event["url"]
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula (OWASP)


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet cannot run: text starting with ``= + - @``, a tab or a carriage return
    gets a leading ``'`` (OWASP's advice against CSV injection). Numbers are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """The events as CSV, every text cell neutralised by :func:`csv_cell`."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for event in rows:
        writer.writerow([csv_cell(event[c]) for c in COLUMNS])
        count += 1
    return count


# -- Parquet (optional: pyarrow, the `parquet` extra) ---------------------------------------------------------

PARQUET_EXTRA = "pip install 'thucydides[parquet]'"
# Arrow type of each CSV column: dates stay ISO strings (an event date may be a month "2024-03" or a year).
_PARQUET_TYPES = {"goldstein": "float64", "quad_class": "int8"}


def pyarrow_modules() -> tuple[Any, Any]:
    """``(pyarrow, pyarrow.parquet)``; ImportError naming the extra when pyarrow is not installed."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ImportError(f"Parquet needs pyarrow, which is not installed: {PARQUET_EXTRA}") from exc
    return pyarrow, pyarrow.parquet


def parquet_schema() -> Any:
    """The Parquet export's schema: the CSV columns, in order, numbers numeric and the rest strings."""
    pa, _ = pyarrow_modules()
    return pa.schema([pa.field(c, getattr(pa, _PARQUET_TYPES.get(c, "string"))()) for c in COLUMNS])


def write_parquet(rows: Iterable[dict[str, Any]], path: str, *, batch_rows: int = 10_000) -> int:
    """Write the CSV columns, typed, to a Parquet file, ``batch_rows`` rows per row group (streamed).

    The file is written next to ``path`` under a hidden name (which Parquet dataset readers skip) and renamed
    into place, so a failed or killed export never leaves a half file under the final name.
    """
    import os

    pa, pq = pyarrow_modules()
    schema = parquet_schema()
    folder, name = os.path.split(path)
    partial = os.path.join(folder, f".{name}.partial")
    count = 0
    try:
        with pq.ParquetWriter(partial, schema, compression="zstd") as writer:
            batch: list[dict[str, Any]] = []
            for event in rows:
                batch.append(event)
                if len(batch) >= batch_rows:
                    writer.write_table(_parquet_table(pa, schema, batch))
                    count, batch = count + len(batch), []
            if batch or count == 0:  # an empty export is still a valid file with the schema
                writer.write_table(_parquet_table(pa, schema, batch))
                count += len(batch)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return count


def _parquet_table(pa: Any, schema: Any, batch: list[dict[str, Any]]) -> Any:
    return pa.table({c: pa.array([e[c] for e in batch], type=schema.field(c).type) for c in COLUMNS},
                    schema=schema)


def article_event_rows(article: Article) -> Iterator[dict[str, Any]]:
    """The export columns of an article's events, straight from the coded article (as the store would give
    them back): what the Ray engine writes to Parquet shards without a round trip through the store."""
    for e in article.events:
        source, target, location = e.source, e.target, e.location
        yield {
            "id": e.id, "article_id": article.id, "date": e.date, "date_precision": e.date_precision,
            "source_code": source.actor.code if source else None, "source_name": source.actor.name if source else None,
            "cameo": e.cameo, "plover": e.plover, "target_code": target.actor.code if target else None,
            "target_name": target.actor.name if target else None, "goldstein": e.goldstein,
            "quad_class": e.quad_class, "polarity": e.modality.polarity, "certainty": e.modality.certainty,
            "trigger": e.trigger_text, "location_name": location.name if location else None,
            "outlet": article.outlet, "url": article.url,
        }


def table(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    for e in rows:
        target = e["target_code"] or "-"
        flags = "" if e["polarity"] == "positive" else " NEG"
        flags += "" if e["certainty"] == "certain" else f" {e['certainty']}"
        yield (f"{(e['date'] or 'undated'):<10} {(e['source_code'] or '?'):>12} -> {target:<12} {e['cameo']:<5} "
               f"{(e['plover'] or '-'):<9} {e['goldstein']:+5.1f}  {e['trigger']!r}{flags}  [{e['outlet'] or '-'}]")

