"""Each export loaded the way its ecosystem loads it (docs/exports.md): the GDELT file with GDELT's column list and
types, the PLOVER file against the field table of the PLOVER manual, the CSV with the csv module, the Parquet file
with pyarrow. The store holds a few articles written for these tests and coded by the real pipeline."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime

import pytest
from click.testing import CliRunner

from thucydides.cli import main
from thucydides.store.exports import COLUMNS, GDELT_COLUMNS, fips, fips_table

from conftest import REPO, raw_text, store_with

pytestmark = pytest.mark.model

# (id, outlet, published, url, text): a compound act, a negated and a hypothetical one, an event dated by a year,
# a reciprocal agreement relayed from another outlet, places in Gaza and the US, an undated article.
ARTICLES = [
    ("x-reuters", "Reuters", "2024-05-07", "https://example.org/x-reuters",
     "Russia strikes Kharkiv\n\nKYIV, May 7 (Reuters) - Russian missiles struck a power plant in Kharkiv on Monday, "
     "Ukrainian officials said. The United States, the European Union and Britain imposed sanctions on Russia on "
     "Tuesday. Russia did not attack Odesa on Sunday, the ministry said. Russia may attack Kyiv if the talks fail, "
     "the ministry said. The European Union first imposed sanctions on Russia in 2014."),
    ("x-tass", "TASS", "2024-05-08", None,
     "Prisoner swap agreed\n\nMOSCOW, May 8. /TASS/. Russia and Ukraine agreed to exchange prisoners, The Washington "
     "Post reported, citing unnamed sources."),
    ("x-gaza", "Meridian Wire", "2024-05-09", "https://example.org/x-gaza",
     "Strikes in Gaza\n\nGAZA, May 9 (Meridian) - Israeli aircraft bombed a school in Gaza City on Wednesday, the "
     "health ministry said. Protesters rallied in Washington on Thursday."),
    ("x-undated", "AFP", None, None,
     "Talks\n\nTurkish President Recep Tayyip Erdogan met Somali President Hassan Sheikh Mohamud in Ankara."),
]


@pytest.fixture(scope="module")
def export_db(coder, tmp_path_factory):
    docs = [raw_text(text, path=f"{key}.txt", id=key, outlet=outlet, published=published, url=url)
            for key, outlet, published, url, text in ARTICLES]
    return store_with(tmp_path_factory.mktemp("exports") / "t.db", *coder.code_chunk(docs))


def _export(db, fmt, path, *args):
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", fmt, "-o", str(path), *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def csv_rows(export_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("csv") / "events.csv"
    _export(export_db, "csv", path)
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _row(rows, article, trigger, source=None):
    found = [r for r in rows if r["article_id"] == article and r["trigger"] == trigger
             and (source is None or r["source_code"] == source)]
    assert len(found) == 1, found
    return found[0]


# -- GDELT -----------------------------------------------------------------------------------------------------

# The event table of the GDELT 2.0 codebook, column by column.
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
CODEBOOK = (("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
            + tuple(f"Actor{n}{field}" for n in (1, 2) for field in _ACTOR)
            + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
               "NumMentions", "NumSources", "NumArticles", "AvgTone")
            + tuple(f"{side}Geo_{field}" for side in ("Actor1", "Actor2", "Action") for field in _GEO)
            + ("DATEADDED", "SOURCEURL"))
# The codebook's type of every column that is not a string (event codes are strings: "0251" keeps its zero).
CODEBOOK_TYPES = {"GLOBALEVENTID": "int64", "SQLDATE": "int64", "MonthYear": "int64", "Year": "int64",
                  "FractionDate": "float64", "IsRootEvent": "int64", "QuadClass": "int64", "GoldsteinScale": "float64",
                  "NumMentions": "int64", "NumSources": "int64", "NumArticles": "int64", "AvgTone": "float64",
                  "DATEADDED": "int64",
                  **{f"{side}Geo_{f}": t for side in ("Actor1", "Actor2", "Action")
                     for f, t in (("Type", "int64"), ("Lat", "float64"), ("Long", "float64"))}}
# Filled in every GDELT row; the four date columns too, except for an event whose article has no date.
ALWAYS_FILLED = ("GLOBALEVENTID", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                 "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type",
                 "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED", "SOURCEURL")
DATES = ("SQLDATE", "MonthYear", "Year", "FractionDate")


def _load_gdelt(path):
    """The file as a GDELT user loads it: tab-separated, no quoting, the codebook's names and types."""
    pa = pytest.importorskip("pyarrow")
    pa_csv = pytest.importorskip("pyarrow.csv")
    types = {c: getattr(pa, CODEBOOK_TYPES.get(c, "string"))() for c in CODEBOOK}
    return pa_csv.read_csv(path, read_options=pa_csv.ReadOptions(column_names=list(CODEBOOK)),
                           parse_options=pa_csv.ParseOptions(delimiter="\t", quote_char=False),
                           convert_options=pa_csv.ConvertOptions(column_types=types, strings_can_be_null=False))


@pytest.fixture(scope="module")
def gdelt(export_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("gdelt") / "events.tsv"
    _export(export_db, "gdelt", path)
    return _load_gdelt(path).to_pylist()


def test_gdelt_columns_are_the_codebooks(export_db, tmp_path):
    path = tmp_path / "h.tsv"
    _export(export_db, "gdelt", path, "--header")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == CODEBOOK == GDELT_COLUMNS and len(CODEBOOK) == 61
    assert len(lines) > 5 and all(len(line.split("\t")) == 61 for line in lines)


def test_gdelt_fills_every_column_gdelt_always_fills(gdelt, csv_rows):
    assert gdelt
    for row in gdelt:
        assert all(row[c] not in (None, "") for c in ALWAYS_FILLED), row
        assert 1 <= row["QuadClass"] <= 4 and -10 <= row["GoldsteinScale"] <= 10 and row["IsRootEvent"] in (0, 1)
        assert row["EventCode"].isdigit() and row["EventBaseCode"] == row["EventCode"][:3]
        assert row["EventRootCode"] == row["EventCode"][:2] and min(row["NumMentions"], row["NumArticles"]) >= 1
        assert {row[f"{side}Geo_Type"] for side in ("Actor1", "Actor2", "Action")} <= {0, 1, 2, 3, 4, 5}
        added = datetime.strptime(str(row["DATEADDED"]), "%Y%m%d%H%M%S")  # YYYYMMDDHHMMSS, UTC
        assert added.year >= 2024
        if row["SQLDATE"] is None:  # an undated event: no date is made up, but DATEADDED is still there
            assert all(row[c] is None for c in DATES)
        else:
            day = datetime.strptime(str(row["SQLDATE"]), "%Y%m%d")
            assert (row["MonthYear"], row["Year"]) == (day.year * 100 + day.month, day.year)
            assert int(row["FractionDate"]) == day.year
    undated = {r["id"] for r in csv_rows if not r["date"]}
    assert sum(row["SQLDATE"] is None for row in gdelt) == len(undated) == 1


@pytest.mark.parametrize(("place", "geo_type", "country", "lat"), [
    ("Gaza City, Gaza Strip", 4, "GZ", 31.5),  # FIPS splits Palestine: Gaza Strip GZ, West Bank WE
    ("Washington, United States", 3, "US", 38.9),  # a US city is type 3
    ("Ankara, Turkey", 4, "TU", 39.9),
])
def test_gdelt_places_have_fips_country_codes(gdelt, place, geo_type, country, lat):
    (row,) = [r for r in gdelt if r["ActionGeo_FullName"] == place]
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"]) == (geo_type, country)
    assert row["ActionGeo_Lat"] == pytest.approx(lat, abs=0.1) and row["ActionGeo_Long"] is not None


def test_gdelt_geo_country_codes_are_all_fips(gdelt):
    codes = {row[f"{side}Geo_CountryCode"] for row in gdelt for side in ("Actor1", "Actor2", "Action")} - {""}
    known = {r.code for rows in fips_table().values() for r in rows}
    assert codes and codes <= known and all(len(code) == 2 for code in codes)


def _presented(row):
    """How the text presents an event, from the CSV columns (docs/exports.md)."""
    if row["polarity"] == "negative":
        return "negated"
    return "hypothetical" if row["condition"] or row["certainty"] in ("possible", "unknown") else "fact"


@pytest.mark.parametrize(("options", "kept"), [
    ((), {"fact"}),
    (("--include-negated",), {"fact", "negated"}),
    (("--include-hypothetical",), {"fact", "hypothetical"}),
    (("--include-negated", "--include-hypothetical"), {"fact", "negated", "hypothetical"}),
])
def test_gdelt_leaves_out_negated_and_hypothetical_events_unless_asked(export_db, csv_rows, tmp_path, options, kept):
    path = tmp_path / "e.tsv"
    result = _export(export_db, "gdelt", path, *options)
    counts = {kind: sum(_presented(r) == kind for r in csv_rows) for kind in ("fact", "negated", "hypothetical")}
    assert counts["negated"] == 1 and counts["hypothetical"] == 1 and counts["fact"] > 5
    assert len(path.read_text(encoding="utf-8").splitlines()) == sum(counts[kind] for kind in kept)
    dropped = [kind for kind in ("negated", "hypothetical") if kind not in kept]
    assert ("left out: " + ", ".join(f"1 {kind}" for kind in dropped) in result.stderr) == bool(dropped)


def test_the_include_options_are_for_gdelt_only(export_db):
    result = CliRunner().invoke(main, ["export", "--db", export_db, "--format", "csv", "--include-negated"])
    assert result.exit_code == 2 and "--format gdelt" in result.output


# -- FIPS 10-4 --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("iso3", "place", "code"), [
    ("UKR", None, "UP"), ("GBR", None, "UK"), ("DEU", None, "GM"), ("RUS", None, "RS"), ("CHN", None, "CH"),
    ("ISR", None, "IS"), ("IRQ", None, "IZ"), ("SRB", None, "RI"), ("SSD", None, "OD"), ("XKX", None, "KV"),
    ("PSE", "Gaza City", "GZ"), ("PSE", "gaza", "GZ"), ("PSE", "Ramallah", "WE"), ("PSE", None, "WE"),
    ("SJM", "Jan Mayen", "JN"), ("SJM", "Longyearbyen", "SV"), ("UMI", "Wake Island", "WQ"), ("UMI", None, None),
    ("ALA", None, "FI"), ("QQQ", None, None), (None, None, None),
])
def test_fips_codes(iso3, place, code):
    row = fips(iso3, place)
    assert (row.code if row else None) == code


def test_every_country_of_the_actor_dictionary_has_a_fips_code():
    path = REPO / "thucydides" / "data" / "actors" / "countries.tsv"
    codes = {line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")}
    assert len(codes) > 240 and {c for c in codes if fips(c) is None} == {"UMI"}  # one code per island there
    defaults = [fips(c).code for c in codes if fips(c)]
    assert {code for code in defaults if defaults.count(code) > 1} == {"FI", "NL"}  # Åland; Bonaire, Saba ...


# -- PLOVER -----------------------------------------------------------------------------------------------------

# The PLOVER manual's JSON field table: (name, required, JSON types). None stands for null.
PLOVER_FIELDS = [
    ("id", True, (str,)), ("date", True, (str, None)), ("source", True, (list,)), ("event", True, (list,)),
    ("enddate", False, (str, None)), ("recipient", False, (list,)), ("event_loc", False, (dict, None)),
    ("event_text", False, (list,)), ("quad_code", False, (int,)), ("mode", False, (list,)),
    ("context", False, (list,)), ("text_info", False, (dict,)), ("cite_info", False, (dict,)),
    ("coder", False, (str,)), ("coded_date", False, (str,)), ("coded_time", False, (str,)),
]
ENTITY_FIELDS = [("code", (str, None)), ("sector", (str, None)), ("actor_text", (str, None)), ("name", (str,)),
                 ("country", (str, None))]
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _is(value, types):
    return any(value is None if t is None else isinstance(value, t) for t in types)


@pytest.fixture(scope="module")
def plover(export_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("plover") / "events.jsonl"
    _export(export_db, "plover", path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_plover_records_follow_the_manuals_field_table(plover):
    assert plover
    manual = {name for name, _required, _types in PLOVER_FIELDS}
    for record in plover:
        for name, required, types in PLOVER_FIELDS:
            assert (name in record) if required else True, (name, record["id"])
            assert name not in record or _is(record[name], types), (name, record[name])
        assert set(record) - manual <= {"actor", "thucydides"}  # our own fields are namespaced
        assert record["event"] and set(record["event"]) <= PLOVER_TYPES and record["quad_code"] in (1, 2, 3, 4)
        for entity in record["source"] + record["recipient"]:
            assert all(_is(entity[name], types) for name, types in ENTITY_FIELDS), entity
        if record["date"] is None:  # an undated article: said so, no day made up
            assert record["thucydides"]["date_precision"] == "unknown" and record["enddate"] is None
        else:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", record["date"]) and record["date"] <= record["enddate"]
        datetime.fromisoformat(f"{record['coded_date']}T{record['coded_time']}")


def test_plover_has_one_record_per_act(plover, csv_rows):
    acts = {(r["article_id"], r["sentence_text"], r["trigger"], r["cameo"]) for r in csv_rows if r["plover"]}
    assert len(plover) == len(acts) < len([r for r in csv_rows if r["plover"]])
    assert len({r["id"] for r in plover}) == len(plover)


def _record(plover, article, trigger, event_date=None):
    found = [r for r in plover if r["thucydides"]["article_id"] == article and r["thucydides"]["trigger"]["text"]
             == trigger and (event_date is None or r["date"] == event_date)]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("article", "trigger", "day", "expected"), [
    # "The United States, the European Union and Britain imposed ...": one record with three actors
    ("x-reuters", "imposed", "2024-05-07", {"actors": ["USA", "IGOEUREEC", "GBR"], "recipients": ["RUS"],
                                            "context": [], "quad": 4}),
    # "Russia and Ukraine agreed ...": each party on its side, the act marked reciprocal
    ("x-tass", "agreed", None, {"actors": ["RUS"], "recipients": ["UKR"], "reciprocal": True, "events": 2}),
    # "... in 2014": the year's first day, its last, and the precision said
    ("x-reuters", "imposed", "2014-01-01", {"enddate": "2014-12-31", "precision": "year", "actors": ["IGOEUREEC"]}),
    ("x-reuters", "attack", "2024-05-05", {"context": ["negation"], "actors": ["RUS"], "recipients": ["UKR"]}),
    ("x-reuters", "attack", "2024-05-07", {"context": ["hypothetical"]}),
    ("x-gaza", "bombed", None, {"loc": ("Gaza City", "PSE"), "actors": ["ISR"], "quad": 4}),
    ("x-undated", "met", None, {"date": None, "precision": "unknown", "loc": ("Ankara", "TUR"), "quad": 1}),
])
def test_plover_records(plover, article, trigger, day, expected):
    record = _record(plover, article, trigger, day)
    ours = record["thucydides"]
    got = {"actors": [a["cameo"] for a in record["source"]], "recipients": [a["cameo"] for a in record["recipient"]],
           "context": record["context"], "quad": record["quad_code"], "reciprocal": ours["reciprocal"],
           "events": len(ours["event_ids"]), "enddate": record["enddate"], "precision": ours["date_precision"],
           "date": record["date"], "loc": record["event_loc"] and (record["event_loc"]["name"],
                                                                   record["event_loc"]["cc3"])}
    assert {key: got[key] for key in expected} == expected
    assert record["actor"] == record["source"]


def test_plover_provenance_is_namespaced(plover):
    record = _record(plover, "x-tass", "agreed")
    ours = record["thucydides"]
    assert (ours["outlet"], ours["url"], ours["published"]) == ("TASS", None, "2024-05-08")
    assert ours["attribution"]["kind"] == "anonymous" and ours["attribution"]["relayed_by"] == "The Washington Post"
    assert ours["attribution"]["hops"] == len(ours["attribution"]["chain"]) == 3
    assert len(ours["clusters"]) == 2 and ours["clusters"][0]["num_articles"] == 1  # RUS -> UKR and UKR -> RUS
    assert record["cite_info"]["publication"] == "TASS" and record["cite_info"]["title"] == "Prisoner swap agreed"
    assert "Russia and Ukraine agreed" in record["event_text"][0]


# -- CSV and Parquet --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("article", "trigger", "source", "expected"), [
    ("x-tass", "agreed", "RUS", {"source_country": "RUS", "target_country": "UKR", "relayed_outlet": "The Washington Post",
                                 "ultimate_source_kind": "anonymous", "ultimate_source": "unnamed sources",
                                 "chain_length": "3"}),
    ("x-gaza", "bombed", "ISR", {"location_country": "PSE", "target_country": "PSE", "chain_length": "2",
                                 "ultimate_source_kind": "institution", "relayed_outlet": ""}),
    ("x-reuters", "struck", "RUS", {"date_start": "2024-05-06", "date_end": "2024-05-06", "target_country": "UKR"}),
    ("x-undated", "met", "TURGOV", {"date": "", "date_start": "", "location_country": "TUR", "chain_length": "1",
                                    "ultimate_source_kind": "publisher", "ultimate_source": "AFP"}),
])
def test_csv_has_the_analysis_columns(csv_rows, article, trigger, source, expected):
    row = _row(csv_rows, article, trigger, source)
    assert {key: row[key] for key in expected} == expected


def test_csv_columns(csv_rows):
    assert list(csv_rows[0]) == list(COLUMNS)
    for row in csv_rows:
        assert row["sentence_text"] and int(row["chain_length"]) >= 1 and row["ultimate_source_kind"]
        clustered = row["polarity"] == "positive"  # a negated event reports what did not happen: no cluster
        assert row["cluster"].isdigit() == clustered and (int(row["num_articles"]) >= 1 if clustered else
                                                          row["num_articles"] == "")
    hypothetical = [r for r in csv_rows if r["condition"]]
    assert [(r["trigger"], r["condition"]) for r in hypothetical] == [("attack", "if the talks fail")]
    located = [r for r in csv_rows if r["lat"]]
    assert located and all(-90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180 for r in located)


# Arrow type of every column that is not a string.
PARQUET_TYPES = {"goldstein": "double", "quad_class": "int8", "date_start": "date32[day]", "date_end": "date32[day]",
                 "lat": "double", "lon": "double", "chain_length": "int16", "cluster": "int64", "num_articles": "int32"}


def test_parquet_loads_with_its_types_and_the_csv_cells(export_db, csv_rows, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    _export(export_db, "parquet", path)
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    assert {f.name: str(f.type) for f in table.schema} == {c: PARQUET_TYPES.get(c, "string") for c in COLUMNS}
    rows = table.to_pylist()
    assert [[("" if v is None else str(v)) for v in row.values()] for row in rows] == \
        [[row[c] for c in COLUMNS] for row in csv_rows]
    dated = [row for row in rows if row["date_start"]]
    assert dated and all(isinstance(row["date_start"], date) and row["date_start"] <= row["date_end"] for row in dated)
