"""Exports of the store's events in the formats analysts' tools read (docs/exports.md): the GDELT 2.0 event table,
PLOVER JSON, JSON Lines, CSV and Parquet.

Every writer takes the rows of :func:`thucydides.store.query.events` (oldest first) as a stream and never holds
them all; the PLOVER writer holds the events of one date at a time, to put the rows of one act together.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import IO, Any

from thucydides.errors import DictionaryError
from thucydides.filters import event_interval
from thucydides.tables import packaged
from thucydides.tables import rows as table_rows
from thucydides.types import Article

# -- what the exports share ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Presentation:
    """A way a text presents an event other than as a fact (a row of :data:`PRESENTATIONS`)."""

    label: str  # how the export's summary names such events
    context: str  # PLOVER's special context for them
    option: str  # the `export` option that keeps them in the GDELT export
    applies: Callable[[Mapping[str, Any]], bool]  # on a store row: its polarity, certainty and condition


# Tried in order; an event gets the first that applies. A "probable" event (reportedly, likely, expected to) is
# a claim the text makes and stays a plain event.
PRESENTATIONS = (
    Presentation("negated", "negation", "--include-negated", lambda e: e["polarity"] == "negative"),
    Presentation("hypothetical", "hypothetical", "--include-hypothetical",
                 lambda e: bool(e["condition"]) or e["certainty"] in ("possible", "unknown")),
)


def presentation(event: Mapping[str, Any]) -> Presentation | None:
    return next((p for p in PRESENTATIONS if p.applies(event)), None)


def attribution_summary(chain: list[dict[str, Any]]) -> dict[str, Any]:
    """Where an event's claim comes from: the ultimate source (the chain's last hop) and its kind, the number of
    hops from the publisher (1: the publisher's own report), and the outlet the publisher relays (the first
    outlet after it: "TASS, citing The Washington Post"), if any."""
    last = chain[-1] if chain else {}
    relayed = next((hop.get("name") for hop in chain[1:] if hop.get("kind") == "outlet"), None)
    return {"kind": last.get("kind"), "name": last.get("name"), "hops": len(chain), "relayed_by": relayed}


def _added(started: str) -> datetime:
    """When a row entered the store: the start of the run that stored its article, in UTC."""
    moment = datetime.fromisoformat(started)
    return moment.astimezone(UTC) if moment.tzinfo else moment


# -- FIPS 10-4 country codes (data/fips10_4.tsv) ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Fips:
    iso3: str
    code: str
    name: str
    places: frozenset[str]  # folded names this row alone serves; empty: the country's row for any other place


@cache
def fips_table() -> dict[str, tuple[Fips, ...]]:
    """ISO alpha-3 -> its rows of ``data/fips10_4.tsv``, in written order."""
    table: dict[str, list[Fips]] = {}
    for where, (iso3, code, name, places) in table_rows(packaged("fips10_4.tsv"), 4, note_optional=True):
        if not (len(iso3) == 3 and iso3.isalpha() and iso3.isupper() and len(code) == 2 and code.isalpha()
                and code.isupper()):
            raise DictionaryError(f"not an ISO alpha-3 code and a FIPS 10-4 code: {iso3!r}, {code!r}", source=where)
        row = Fips(iso3, code, name, frozenset(p.strip().casefold() for p in places.split("|") if p.strip()))
        if not row.places and any(not other.places for other in table.get(iso3, ())):
            raise DictionaryError(f"{iso3} has two rows without places", source=where)
        table.setdefault(iso3, []).append(row)
    return {iso3: tuple(found) for iso3, found in table.items()}


def fips(iso3: str | None, place: str | None = None) -> Fips | None:
    """The FIPS 10-4 row of a country given by its ISO alpha-3 code; where FIPS splits the country (Gaza Strip and
    West Bank), the row of the place named."""
    found = fips_table().get(iso3 or "", ())
    name = (place or "").strip().casefold()
    return next((r for r in found if name in r.places), None) or next((r for r in found if not r.places), None)


# -- GDELT 2.0 --------------------------------------------------------------------------------------------------

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (  # the 61 columns of the GDELT 2.0 event table, in its order
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor{n}{field}" for n in (1, 2) for field in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
       "NumSources", "NumArticles", "AvgTone")
    + tuple(f"{side}Geo_{field}" for side in ("Actor1", "Actor2", "Action") for field in _GEO)
    + ("DATEADDED", "SOURCEURL"))

NO_GEO = ("0", "", "", "", "", "", "", "")  # Geo_Type 0 and empty fields: GDELT's row when no place was found
AVG_TONE = "0"  # no tone is measured: a number so that the column loads as one (docs/exports.md)


def _global_id(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def _gdelt_actor(side: dict[str, Any] | None) -> list[str]:
    if not side:
        return [""] * 10
    code, country, sector = side.get("code") or "", side.get("country") or "", side.get("sector") or ""
    body = country in ("IGO", "NGO")  # an organisation: its code goes to KnownGroupCode, not CountryCode
    return [code, (side.get("name") or "").upper(), "" if body else country, code[3:] if body else "", "", "", "",
            "" if body else sector, "", ""]


def _gdelt_geo(location: dict[str, Any] | None) -> list[str]:
    """The eight Geo_ fields of a place: FIPS 10-4 country code, type 1 (country) when no coordinates are known
    (a country named as the place: no centroid is invented), else 3 (US city) or 4 (city elsewhere)."""
    if not location or (not location.get("country") and location.get("lat") is None):
        return list(NO_GEO)
    row = fips(location.get("country"), location.get("name"))
    code, country = (row.code, row.name) if row else ("", "")
    lat, lon = location.get("lat"), location.get("lon")
    if lat is None or lon is None:
        return ["1", country or location.get("name") or "", code, code, "", "", "", code]
    full = ", ".join(part for part in (location.get("name"), country) if part)
    return ["3" if location.get("country") == "USA" else "4", full, code, "", "", f"{lat:.4f}", f"{lon:.4f}", ""]


def gdelt_row(event: dict[str, Any]) -> list[str]:
    """One stored event as a GDELT 2.0 row (docs/exports.md says what each column holds)."""
    digits = (event["date"] or event["published"] or "")[:10].replace("-", "")
    # a month or a year is placed on its first day (GDELT has no precision field; ours is in the other exports)
    sql_date = {8: digits, 6: digits + "01", 4: digits + "0101"}.get(len(digits), "")
    fraction = ""
    if sql_date:  # GDELT's approximation: (days before the month at 30 a month + the day) / 365
        fraction = f"{int(sql_date[:4]) + ((int(sql_date[4:6]) - 1) * 30 + int(sql_date[6:])) / 365:.4f}"
    record = json.loads(event["record"])
    cameo = event["cameo"]
    return [
        str(_global_id(event["id"])), sql_date, sql_date[:6], sql_date[:4], fraction,
        *_gdelt_actor(record.get("source")), *_gdelt_actor(record.get("target")),
        "1" if event["sentence"] == 0 else "0", cameo, cameo[:3], event["cameo_root"], str(event["quad_class"]),
        f"{event['goldstein']:.1f}", str(event["num_mentions"] or 1), str(event["num_sources"] or 1),
        str(event["num_articles"] or 1), AVG_TONE,
        *NO_GEO, *NO_GEO, *_gdelt_geo(record.get("location")),
        _added(event["added"]).strftime("%Y%m%d%H%M%S"),
        event["url"] or f"{event['outlet'] or 'unknown outlet'}, article {event['article_id']}",
    ]


def write_gdelt(rows: Iterable[dict[str, Any]], out: IO[str], *, header: bool = False, include_negated: bool = False,
                include_hypothetical: bool = False, left_out: dict[str, int] | None = None) -> int:
    """GDELT rows, tab-separated; events the text negates or only supposes are left out unless asked for
    (counted in ``left_out`` by :class:`Presentation` label). Returns the number of rows written."""
    kept = {"negated": include_negated, "hypothetical": include_hypothetical}
    count = 0
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    for event in rows:
        shown = presentation(event)
        if shown is not None and not kept[shown.label]:
            if left_out is not None:
                left_out[shown.label] = left_out.get(shown.label, 0) + 1
            continue
        out.write("\t".join(v.replace("\t", " ").replace("\n", " ") for v in gdelt_row(event)) + "\n")
        count += 1
    return count


# -- PLOVER -----------------------------------------------------------------------------------------------------

# PLOVER's quad categories by event type (the PLOVER manual's summary of event categories; DEMAND is REQUEST now):
# 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
PLOVER_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
               "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4,
               "COERCE": 4, "ASSAULT": 4}

_Member = tuple[dict[str, Any], dict[str, Any]]  # a stored event row and its parsed JSON record
_Side = tuple[int, str] | None  # an actor mention: (start, code); None for no actor


def plover_records(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """PLOVER records, one per coded act: the stored events of one trigger (one per source and target pair)
    become one record whose ``source`` and ``recipient`` list every party on its side."""
    block: list[dict[str, Any]] = []
    for event in rows:
        if not event["plover"]:
            continue  # CAMEO 01 (statements) has no PLOVER type
        if block and (event.get("date_start"), event["date"]) != (block[0].get("date_start"), block[0]["date"]):
            yield from _acts(block)  # the rows of one act share its date, so they sit in one such run
            block = []
        block.append(event)
    yield from _acts(block)


def plover_record(event: dict[str, Any]) -> dict[str, Any] | None:
    """The PLOVER record of one stored event; None when it has no PLOVER type (CAMEO 01)."""
    return next(plover_records([event]), None)


def write_plover(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in plover_records(rows):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _acts(block: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    acts: dict[tuple[Any, ...], list[_Member]] = {}
    for event in block:
        record = json.loads(event["record"])
        key = (event["article_id"], event["sentence"], (record.get("trigger") or {}).get("start"), event["cameo"])
        acts.setdefault(key, []).append((event, record))
    for members in acts.values():
        yield from _act_records(members)


def _side(mention: dict[str, Any] | None) -> _Side:
    return None if not mention else (mention.get("start") or 0, mention.get("code") or "")


def _act_records(members: list[_Member]) -> Iterator[dict[str, Any]]:
    """The records of one act. Its events are the pairs of its sources and targets: a mirrored pair (A -> B and
    B -> A: a reciprocal or symmetric act) counts once, from the party named first; then the targets that share
    the same sources make one record (almost always the act's only one)."""
    mentions: dict[_Side, dict[str, Any] | None] = {}
    pairs: dict[tuple[_Side, _Side], list[_Member]] = {}
    for event, record in members:
        source, target = _side(record.get("source")), _side(record.get("target"))
        mentions[source], mentions[target] = record.get("source"), record.get("target")
        pairs.setdefault((source, target), []).append((event, record))
    mirrored = False
    for source, target in sorted((pair for pair in pairs if None not in pair), reverse=True):
        if source > target and (target, source) in pairs:  # type: ignore[operator]
            pairs[(target, source)] += pairs.pop((source, target))
            mirrored = True
    sources_of: dict[_Side, list[_Side]] = {}
    for source, target in pairs:
        sources_of.setdefault(target, []).append(source)
    parts: dict[tuple[_Side, ...], list[_Side]] = {}
    for target, sources in sources_of.items():
        parts.setdefault(tuple(sorted(set(sources), key=_order)), []).append(target)
    for sources, targets in parts.items():
        chosen = [m for (source, target), found in pairs.items() if source in sources and target in targets
                  for m in found]
        yield _plover(chosen, [mentions[s] for s in sources if s is not None],
                      [mentions[t] for t in sorted(targets, key=_order) if t is not None], mirrored)


def _order(side: _Side) -> tuple[int, str]:
    return side or (-1, "")


def _plover_actor(mention: dict[str, Any]) -> dict[str, Any]:
    """An entity object: the manual's ``code`` (the 3-letter top-level code: a country, IGO, NGO or a region),
    ``sector`` and ``actor_text``; ``country`` only for a country; our name, full CAMEO code, kind and entry."""
    top = mention.get("country")
    return {"name": mention.get("name"), "code": top, "country": top if top in fips_table() else None,
            "sector": mention.get("sector"), "actor_text": mention.get("text") or None, "cameo": mention.get("code"),
            "kind": mention.get("kind"), "entity": mention.get("entity")}


def _plover(members: list[_Member], sources: list[Any], targets: list[Any], mirrored: bool) -> dict[str, Any]:
    event, record = min(members, key=lambda m: m[0]["id"])
    mood = record.get("modality") or {}
    location = record.get("location")
    chain = (record.get("attribution") or {}).get("chain") or []
    shown = presentation(event)
    added = _added(event["added"]) if event.get("added") else None
    actors = [_plover_actor(m) for m in sources]
    clusters = {e["cluster"]: {"id": e["cluster"], "num_mentions": e["num_mentions"], "num_sources": e["num_sources"],
                               "num_articles": e["num_articles"]} for e, _ in members if e.get("cluster") is not None}
    return {
        "id": event["id"], "date": event.get("date_start"), "enddate": event.get("date_end"),
        "source": actors, "actor": actors, "recipient": [_plover_actor(m) for m in targets],
        "event": [record["plover"]], "mode": [record["plover_mode"]] if record.get("plover_mode") else [],
        "context": [shown.context] if shown else [], "quad_code": PLOVER_QUAD[record["plover"]],
        "event_loc": {"name": location.get("name"), "latitude": location.get("lat"),
                      "longitude": location.get("lon"), "cc3": location.get("country")} if location else None,
        "event_text": [record.get("sentence_text")],
        "text_info": {"sequence": event["sentence"], "start": event.get("sentence_start"),
                      "end": event.get("sentence_end")},
        "cite_info": {"citation": event["article_id"], "url": event["url"], "title": event.get("headline"),
                      "language": event.get("language"), "publication": event["outlet"]},
        "coder": f"thucydides {event.get('pipeline_version') or ''}".strip(),
        "coded_date": added.date().isoformat() if added else None,
        "coded_time": added.strftime("%H:%M:%SZ") if added else None,
        "thucydides": {
            "article_id": event["article_id"], "url": event["url"], "outlet": event["outlet"],
            "published": event["published"], "event_ids": sorted({e["id"] for e, _ in members}),
            "sentence": event["sentence"], "trigger": record.get("trigger"), "date_precision": event["date_precision"],
            "date_text": record.get("date_text"), "cameo": event["cameo"], "goldstein": event["goldstein"],
            "reciprocal": bool(mirrored or record.get("reciprocal")), "negates": record.get("negates"),
            "modality": mood, "attribution": {**attribution_summary(chain), "chain": chain},
            "clusters": list(clusters.values()),
        },
    }


# -- JSON Lines, CSV --------------------------------------------------------------------------------------------

def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for event in rows:
        record = json.loads(event["record"])
        record["article_id"], record["outlet"], record["url"] = event["article_id"], event["outlet"], event["url"]
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


# The columns of `query` and of the CSV and Parquet exports, in order: the store's event columns, then what the
# event's record holds (countries, place, sentence, condition, where the claim comes from) and its cluster.
STORE_COLUMNS = ("id", "article_id", "date", "date_precision", "source_code", "source_name", "cameo", "plover",
                 "target_code", "target_name", "goldstein", "quad_class", "polarity", "certainty", "trigger",
                 "location_name", "outlet", "url", "date_start", "date_end")
RECORD_COLUMNS = ("source_country", "target_country", "location_country", "lat", "lon", "sentence_text",
                  "condition", "ultimate_source_kind", "ultimate_source", "chain_length", "relayed_outlet")
CLUSTER_COLUMNS = ("cluster", "num_articles")  # known once the store has clustered the events
COLUMNS = STORE_COLUMNS + RECORD_COLUMNS + CLUSTER_COLUMNS


def record_columns(record: dict[str, Any]) -> dict[str, Any]:
    """The :data:`RECORD_COLUMNS` of an event's JSON record."""
    location = record.get("location") or {}
    claim = attribution_summary((record.get("attribution") or {}).get("chain") or [])
    return {"source_country": (record.get("source") or {}).get("country"),
            "target_country": (record.get("target") or {}).get("country"),
            "location_country": location.get("country"), "lat": location.get("lat"), "lon": location.get("lon"),
            "sentence_text": record.get("sentence_text"), "condition": (record.get("modality") or {}).get("condition"),
            "ultimate_source_kind": claim["kind"], "ultimate_source": claim["name"], "chain_length": claim["hops"],
            "relayed_outlet": claim["relayed_by"]}


def export_row(event: dict[str, Any]) -> dict[str, Any]:
    """A stored event as the :data:`COLUMNS` of the CSV and Parquet exports."""
    return {**{c: event[c] for c in STORE_COLUMNS}, **record_columns(json.loads(event["record"])),
            **{c: event[c] for c in CLUSTER_COLUMNS}}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula (OWASP)


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet cannot run: text starting with ``= + - @``, a tab or a carriage return
    gets a leading ``'`` (OWASP's advice against CSV injection). Numbers are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """The events as CSV, every text cell neutralised by :func:`csv_cell`."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for event in rows:
        row = export_row(event)
        writer.writerow([csv_cell(row[c]) for c in COLUMNS])
        count += 1
    return count


# -- Parquet (optional: pyarrow, the `parquet` extra) ------------------------------------------------------------

PARQUET_EXTRA = "pip install 'thucydides[parquet]'"
# Arrow type of each column not a string. `date` stays text (a month "2024-03" or a year, as `date_precision`
# says); `date_start` and `date_end`, the days it covers, are dates.
_PARQUET_TYPES = {"goldstein": "float64", "quad_class": "int8", "date_start": "date32", "date_end": "date32",
                  "lat": "float64", "lon": "float64", "chain_length": "int16", "cluster": "int64",
                  "num_articles": "int32"}


def pyarrow_modules() -> tuple[Any, Any]:
    """``(pyarrow, pyarrow.parquet)``; ImportError naming the extra when pyarrow is not installed."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ImportError(f"Parquet needs pyarrow, which is not installed: {PARQUET_EXTRA}") from exc
    return pyarrow, pyarrow.parquet


def parquet_schema() -> Any:
    """The Parquet export's schema: :data:`COLUMNS`, in order, typed."""
    pa, _ = pyarrow_modules()
    return pa.schema([pa.field(c, getattr(pa, _PARQUET_TYPES.get(c, "string"))()) for c in COLUMNS])


def write_parquet(rows: Iterable[dict[str, Any]], path: str, *, batch_rows: int = 10_000) -> int:
    """Write :data:`COLUMNS`, typed, to a Parquet file, ``batch_rows`` rows per row group (streamed). ``rows`` are
    stored events, or the rows of :func:`article_event_rows`.

    The file is written next to ``path`` under a hidden name (which Parquet dataset readers skip) and renamed
    into place, so a failed or killed export never leaves a half file under the final name.
    """
    pa, pq = pyarrow_modules()
    schema = parquet_schema()
    folder, name = os.path.split(path)
    partial = os.path.join(folder, f".{name}.partial")
    count = 0
    try:
        with pq.ParquetWriter(partial, schema, compression="zstd") as writer:
            batch: list[dict[str, Any]] = []
            for event in rows:
                batch.append(event if "record" not in event else export_row(event))
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
    def values(column: str) -> list[Any]:
        if _PARQUET_TYPES.get(column) == "date32":
            return [date.fromisoformat(row[column]) if row[column] else None for row in batch]
        return [row[column] for row in batch]

    return pa.table({c: pa.array(values(c), type=schema.field(c).type) for c in COLUMNS}, schema=schema)


def article_event_rows(article: Article) -> Iterator[dict[str, Any]]:
    """The :data:`COLUMNS` of an article's events, straight from the coded article (as the store would give them
    back, but unclustered: ``cluster`` and ``num_articles`` are empty): what the Ray engine writes to Parquet
    shards without a round trip through the store."""
    chains = article.chains_by_event()
    for e in article.events:
        source, target, location = e.source, e.target, e.location
        first, last = event_interval(e.date, e.date_precision, published=article.published) or (None, None)
        yield {
            "id": e.id, "article_id": article.id, "date": e.date, "date_precision": e.date_precision,
            "source_code": source.actor.code if source else None, "source_name": source.actor.name if source else None,
            "cameo": e.cameo, "plover": e.plover, "target_code": target.actor.code if target else None,
            "target_name": target.actor.name if target else None, "goldstein": e.goldstein,
            "quad_class": e.quad_class, "polarity": e.modality.polarity, "certainty": e.modality.certainty,
            "trigger": e.trigger_text, "location_name": location.name if location else None,
            "outlet": article.outlet, "url": article.url, "date_start": first, "date_end": last,
            **record_columns(e.to_dict(chains.get(e.id, ()))), "cluster": None, "num_articles": None,
        }
