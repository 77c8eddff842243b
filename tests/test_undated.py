"""An article without a date stays without one (docs/dates.md): no date on the article or its events, precision
``unknown``, a warning; the store, the exports and the stats count them as undated, never as the run's day.
``--published`` and ``--date-from-filename`` let a user supply dates."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import replace

import pytest

from thucydides.store import SCHEMA_VERSION, Store
from thucydides.store.query import Filters, events, gdelt_row, plover_record
from thucydides.structure import build_article
from thucydides.structure.dates import date_from_filename

from conftest import TODAY, coded_article, raw_text, store_with

BODY = "Russian forces shelled Kharkiv, Ukrainian officials said."
NO_YEAR = f"KYIV, March 3 (Reuters) - {BODY}"  # a dateline with a month and a day but no year


# -- structure: where an article's date comes from, and when it has none ------------------------------------------

@pytest.mark.parametrize(("text", "meta", "overrides", "published", "precision", "source", "warning"), [
    # nothing dates it: undated, with a warning saying how to date it
    (BODY, {}, {}, None, None, None, "undated: no publication date in the metadata, the file name or a dateline"),
    # the dateline's month and day, and no year anywhere: undated, never the run's year
    (NO_YEAR, {}, {}, None, None, None, "undated: the dateline gives 03-03 but no year"),
    # ... unless the setting asks for the run's year (a live feed), which is flagged
    (NO_YEAR, {}, {"year_from_run_date": True}, "2026-03-03", "year-inferred", "dateline",
     "year-inferred: no year in the article or its metadata; took 2026 from today's date"),
    # a year the text names still gives the year
    (f"{NO_YEAR} The war began in 2022.", {}, {}, "2022-03-03", "year-inferred", "dateline",
     "year-inferred: 2022 is the latest year the text mentions"),
    (BODY, {"published": "2024-05-01"}, {}, "2024-05-01", "day", "metadata", None),
    (BODY, {"published": "2024-05"}, {}, "2024-05", "month", "metadata", None),
    (BODY, {"published": "2024-05-01"}, {"published": "2023-01-02"}, "2023-01-02", "day", "option", None),
    (NO_YEAR, {}, {"published": "2024-03-04"}, "2024-03-04", "day", "option", None),  # the dateline gets 2024
    (NO_YEAR, {}, {"published": "2024-03"}, "2024-03-03", "day", "dateline", None),  # and makes a month a day
    # --date-from-filename: the file's name dates what states no date of its own
    (BODY, {"path": "corpus/2024-05-01_kharkiv.txt"}, {"date_from_filename": True}, "2024-05-01", "day",
     "filename", None),
    (BODY, {"path": "tass-20240501.html"}, {"date_from_filename": True}, "2024-05-01", "day", "filename", None),
    (NO_YEAR, {"path": "2024-03-04_kyiv.txt"}, {"date_from_filename": True}, "2024-03-04", "day", "filename", None),
    (BODY, {"path": "2024-05-01.txt", "published": "2023-01-02"}, {"date_from_filename": True}, "2023-01-02", "day",
     "metadata", None),  # the article's own date wins over its file's name
    (BODY, {"path": "2024-05-01.txt", "published": "soon"}, {"date_from_filename": True}, "2024-05-01", "day",
     "filename", "unparsed-date: 'soon'"),
    (BODY, {"path": "2024-05-01.txt"}, {}, None, None, None, "undated:"),  # only when asked
    (BODY, {"path": "2024-05-01/story.txt"}, {"date_from_filename": True}, None, None, None, "undated:"),
])
def test_where_the_date_comes_from(settings, text, meta, overrides, published, precision, source, warning):
    article = build_article(raw_text(text, **meta), replace(settings, **overrides), today=TODAY)
    assert (article.published, article.published_precision) == (published, precision)
    assert article.extra["published_source"] == source
    if text.startswith(NO_YEAR) and published:  # the dateline's own day, in the year found
        assert article.extra["dateline_date"] == f"{published[:4]}-03-03"
    if warning:
        assert any(w.startswith(warning) for w in article.warnings), article.warnings
    else:
        assert not any(w.startswith("undated") for w in article.warnings)


@pytest.mark.parametrize(("path", "day"), [
    ("2024-05-01.txt", "2024-05-01"),
    ("2024_05_01-reuters.html", "2024-05-01"),
    ("story.2024.05.01.txt", "2024-05-01"),
    ("tass-20240501.html", "2024-05-01"),
    ("dir/20240501/story.txt", None),  # a folder's name dates nothing
    ("2024-05-01/story.txt", None),
    ("2024-02-30.txt", None),  # no such day
    ("2024-13-01.txt", None),
    ("id-120240501.txt", None),  # inside a longer run of digits
    ("2024-05_01.txt", None),  # mixed separators
    ("story-2024-05.txt", None),  # a month is not enough
    ("1899-05-01.txt", None),
    ("x-2024-02-30-2024-03-01.txt", "2024-03-01"),  # the first valid day
    ("C:\\news\\2024-05-01.txt", "2024-05-01"),
])
def test_date_from_filename(path, day):
    found = date_from_filename(path)
    assert (found.iso if found else None) == day


# -- events: an undated article's events have no date, whatever day the run is -------------------------------------

@pytest.mark.parametrize(("text", "published", "date", "precision"), [
    (f"Headline\n\n{BODY}", None, None, "unknown"),
    (f"Headline\n\n{NO_YEAR}", None, None, "unknown"),
    ("Headline\n\nRussian forces shelled Kharkiv on Saturday, Ukrainian officials said.", None, None, "unknown"),
    (f"Headline\n\n{BODY}", "2023-05-15", "2023-05-15", "report"),
    ("Headline\n\nRussian forces shelled Kharkiv on Saturday, Ukrainian officials said.", "2023-05-15",
     "2023-05-13", "day"),
])
def test_undated_articles_give_undated_events(coder, text, published, date, precision):
    (article,) = coder.code_chunk([raw_text(text, published=published)])
    # the reported act (the officials' accusation, 112, is dated when it was said)
    acts = [e for e in article.events if e.cameo != "112"]
    assert acts, article
    for event in acts:
        assert (event.date, event.date_precision) == (date, precision)
        assert (event.to_dict()["date"], event.to_dict()["date_precision"]) == (date, precision)
    for event in article.events:
        if event.cameo == "112":
            assert event.to_dict()["date"] == published, event


# -- the store, the exports and the stats ---------------------------------------------------------------------------

@pytest.fixture
def mixed_db(tmp_path):
    return store_with(tmp_path / "t.db",
                      coded_article("dated", "2024-03-02", [("2024-03-01", "day"), ("2024-03-02", "report")]),
                      coded_article("undated", None, [(None, "unknown"), (None, "unknown")]),
                      coded_article("undated2", None, [(None, "unknown")], outlet="TASS"))


def test_the_store_keeps_undated_events_undated(mixed_db):
    with Store(mixed_db) as store:
        rows = {r["id"]: r for r in events(store, Filters())}
        stats = store.stats()
        stored = store.execute("SELECT id, date, date_precision, date_start, date_end FROM events ORDER BY id"
                               ).fetchall()
        dated = {r["id"] for r in events(store, Filters(since="1900"))}
    assert stats["dates"] == {"first": "2024-03-01", "last": "2024-03-02", "undated_events": 3,
                              "undated_articles": 2}
    assert ("undated-0", None, "unknown", None, None) in stored
    assert ("dated-0", "2024-03-01", "day", "2024-03-01", "2024-03-01") in stored
    assert dated == {"dated-0", "dated-1"}  # any date filter leaves undated events out
    assert len({rows[e]["cluster"] for e in ("undated-0", "undated-1", "undated2-0")}) == 3  # never one "day"


@pytest.mark.parametrize(("export", "check"), [
    # SQLDATE..FractionDate empty; DATEADDED is when the row was stored (the run's start), never empty
    ("gdelt", lambda cells: cells[1:5] == ["", "", "", ""] and len(cells[59]) == 14 and cells[59].isdigit()),
    ("plover", lambda record: record["date"] is None and record["thucydides"]["date_precision"] == "unknown"
     and record["thucydides"]["published"] is None),
])
def test_exports_leave_undated_events_undated(mixed_db, export, check):
    with Store(mixed_db) as store:
        row = next(r for r in events(store, Filters(undated=True)))
    assert check(gdelt_row(row) if export == "gdelt" else plover_record(row))


# PLOVER writes one record per act: the two hand-built events of "undated" share one trigger and one dyad
@pytest.mark.parametrize(("fmt", "count"), [("csv", 3), ("jsonl", 3), ("plover", 2), ("gdelt", 3)])
def test_export_files_carry_no_run_date(run_cli, mixed_db, fmt, count):
    result = run_cli("export", "--db", mixed_db, "--format", fmt, "--undated")
    assert result.exit_code == 0 and f"{count} events exported" in result.stderr
    assert TODAY.isoformat() not in result.stdout and TODAY.strftime("%Y%m%d") not in result.stdout
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert {(r["date"], r["date_precision"]) for r in rows} == {("", "unknown")}


def test_stats_command_counts_the_undated(run_cli, mixed_db):
    text = run_cli("stats", "--db", mixed_db).output
    assert "event dates:          2024-03-01 to 2024-03-02; undated: 3 events, from 2 articles without a date" in text
    assert json.loads(run_cli("stats", "--db", mixed_db, "--json").output)["dates"]["undated_events"] == 3


def test_query_shows_undated_last(run_cli, mixed_db):
    lines = run_cli("query", "--db", mixed_db).output.splitlines()
    assert [line.split()[0] for line in lines] == ["2024-03-01", "2024-03-02", "undated", "undated", "undated"]


def _as_version_2(target: str) -> None:
    """Put a store back as version 2 left it: no interval columns."""
    statements = ["DROP VIEW counted_events",  # a later version's view over events
                  "DROP INDEX events_interval", "ALTER TABLE events DROP COLUMN date_start",
                  "ALTER TABLE events DROP COLUMN date_end",
                  "UPDATE meta SET value = '2' WHERE key = 'schema_version'"]
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)
    else:
        with sqlite3.connect(target) as conn:
            for statement in statements:
                conn.execute(statement)


@pytest.fixture(params=["sqlite", "postgres"])
def empty_target(request, tmp_path):
    """A place for a new store: a SQLite file, or a fresh database on the throwaway PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    import psycopg

    url = request.getfixturevalue("postgres_url")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS thucydides_upgrade")
        conn.execute("CREATE DATABASE thucydides_upgrade")
    return url.replace("postgresql://postgres@/postgres?", "postgresql://postgres@/thucydides_upgrade?")


def test_an_older_store_gives_back_the_run_date_it_put_on_undated_events(empty_target):
    """Before schema 3 an undated article's events took the run's day with precision ``report``; opening such a
    store undoes that and fills every event's date interval."""
    db = store_with(empty_target,
                    coded_article("dated", "2024-03", [("2024-03-15", "report"), ("2024-03-02", "day")]),
                    coded_article("undated", None, [("2026-11-28", "report")]))
    _as_version_2(db)
    with Store(db) as store:
        stored = {r[0]: tuple(r[1:]) for r in store.execute(
            "SELECT id, date, date_precision, date_start, date_end, record FROM events").fetchall()}
        version = store.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        since = [r["id"] for r in events(store, Filters(since="2024-03-01", until="2024-03-01"))]
    assert version == str(SCHEMA_VERSION)
    assert stored["undated-0"][:4] == (None, "unknown", None, None)
    assert json.loads(stored["undated-0"][4])["date"] is None
    assert stored["dated-0"][:4] == ("2024-03-15", "report", "2024-03-01", "2024-03-31")  # the report's month
    assert stored["dated-1"][:4] == ("2024-03-02", "day", "2024-03-02", "2024-03-02")
    assert since == ["dated-0"]


# -- the command line ------------------------------------------------------------------------------------------------

def test_published_and_date_from_filename_exclude_each_other(run_cli, tmp_path):
    path = tmp_path / "2024-05-01.txt"
    path.write_text(f"Headline\n\n{BODY}\n")
    result = run_cli("code", str(path), "--published", "2024-05-02", "--date-from-filename")
    assert result.exit_code == 2 and "give one of them" in result.output


def test_code_reports_undated_articles_and_dates_from_file_names(code_in_process, tmp_path):
    (tmp_path / "2024-05-01_kharkiv.txt").write_text(f"Headline\n\n{BODY}\n")
    (tmp_path / "kharkiv.txt").write_text(f"Headline\n\n{BODY}\n")
    plain = code_in_process([str(tmp_path)], log="text")
    assert "undated: 2" in plain.stderr and "2 article(s) have no date" in plain.stderr
    named = code_in_process([str(tmp_path), "--date-from-filename"])
    records = {json.loads(line)["input"]["path"].rsplit("/", 1)[-1]: json.loads(line)
               for line in named.stdout.splitlines()}
    assert records["2024-05-01_kharkiv.txt"]["published"] == "2024-05-01"
    assert records["2024-05-01_kharkiv.txt"]["published_source"] == "filename"
    assert records["kharkiv.txt"]["published"] is None
    assert {e["date_precision"] for e in records["kharkiv.txt"]["events"]} == {"unknown"}
    summary = json.loads(named.stderr.splitlines()[-1])
    assert summary["type"] == "summary" and summary["undated"] == 1
