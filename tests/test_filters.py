"""Event filters (thucydides/filters.py): dates at any precision select by overlap, bad values are usage errors
with a "did you mean", outlets match in any case. Stores are built by hand in tmp_path; no model is needed."""

from __future__ import annotations

import json

import pytest

from thucydides.filters import FilterError, check_outlet, date_interval, event_interval, parse_filters
from thucydides.store import Store
from thucydides.store.query import Filters, events

from conftest import coded_article, store_with

# -- the date of a filter, and of an event, as an interval of days ------------------------------------------------


@pytest.mark.parametrize(("typed", "first", "last"), [
    ("2014", "2014-01-01", "2014-12-31"),
    ("2014-07", "2014-07-01", "2014-07-31"),
    ("2018-02", "2018-02-01", "2018-02-28"),
    ("2024-02", "2024-02-01", "2024-02-29"),  # a leap year
    ("2014-07-03", "2014-07-03", "2014-07-03"),
    ("2014-7-3", "2014-07-03", "2014-07-03"),
    (" 2014-07 ", "2014-07-01", "2014-07-31"),
])
def test_date_interval(typed, first, last):
    assert tuple(d.isoformat() for d in date_interval(typed)) == (first, last)


@pytest.mark.parametrize(("value", "precision", "published", "interval"), [
    ("2014-07-03", "day", None, ("2014-07-03", "2014-07-03")),
    ("2014-07", "month", None, ("2014-07-01", "2014-07-31")),
    ("2014", "year", None, ("2014-01-01", "2014-12-31")),
    ("2022-10-30", "week", None, ("2022-10-24", "2022-10-30")),  # the ISO week of the day: Monday to Sunday
    ("2022-11-02", "week", None, ("2022-10-31", "2022-11-06")),
    ("2022-11-05", "reported", None, ("2022-11-05", "2022-11-05")),
    ("2022-11-06", "report", "2022-11-06", ("2022-11-06", "2022-11-06")),
    ("2014-07-01", "report", "2014", ("2014-01-01", "2014-12-31")),  # dated by a report of 2014: all of 2014
    ("2014-03-15", "report", "2014-03", ("2014-03-01", "2014-03-31")),
    (None, "unknown", None, None),  # undated: no interval, so no date filter selects it
])
def test_event_interval(value, precision, published, interval):
    assert event_interval(value, precision, published=published) == interval


# -- each parser of the table: what it accepts and what it makes of it -----------------------------------------------

@pytest.mark.parametrize(("name", "typed", "value"), [
    ("since", "2014", "2014"),
    ("since", "2014-7", "2014-07"),
    ("until", "2018-07-31", "2018-07-31"),
    ("root", "19", "19"),
    ("root", "1", "01"),
    ("code", "163", "163"),
    ("code", "0256", "0256"),
    ("plover", "assault", "ASSAULT"),
    ("plover", "Sanction", "SANCTION"),
    ("source", "rus", "RUS"),
    ("source", "RUSGOV", "RUSGOV"),
    ("target", "RUSG", "RUSG"),  # the start of a code
    ("actor", "IGOUNO", "IGOUNO"),
    ("actor", "---MIL", "---MIL"),
    ("actor", "EUR", "EUR"),  # a CAMEO region
    ("outlet", " tass ", "tass"),
    ("polarity", "Negative", "negative"),
    ("certainty", "POSSIBLE", "possible"),
    ("limit", "5", 5),
    ("undated", "true", True),
])
def test_parsers_accept(name, typed, value):
    assert getattr(parse_filters({name: typed}), name) == value


@pytest.mark.parametrize(("values", "message", "suggestions"), [
    ({"since": "yesterday"}, "'yesterday' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD", ()),
    ({"until": "2014-13"}, "'2014-13' is not a date", ()),
    ({"since": "2014-02-30"}, "'2014-02-30' is not a date", ()),
    ({"since": "14"}, "'14' is not a date", ()),
    ({"root": "99"}, "'99' is not a CAMEO root (01 to 20)", ("09", "19")),
    ({"root": "abc"}, "'abc' is not a CAMEO root", ()),
    ({"code": "999"}, "'999' is not a CAMEO code or the start of one", ()),
    ({"code": "19x"}, "'19x' is not a CAMEO code", ("19",)),
    ({"plover": "FOO"}, "'FOO' is not a PLOVER type (one of ACCUSE, AGREE", ()),
    ({"plover": "assualt"}, "'assualt' is not a PLOVER type", ("ASSAULT",)),
    ({"source": "RSU"}, "no country, region or organisation code starts with 'RSU'", ("RUS",)),
    ({"target": "RUSGVO"}, "'GVO' is no sector code", ("RUSGOV",)),
    ({"actor": "x' OR 1=1 --"}, "is not a CAMEO actor code or its start", ()),
    ({"polarity": "postive"}, "'postive' is not one of positive, negative", ("positive",)),
    ({"limit": "0"}, "'0' must be at least 1", ()),
    ({"limit": "ten"}, "'ten' is not a whole number", ()),
    ({"since": "2015", "until": "2014"}, "--until 2014 ends before --since 2015 begins", ()),
    ({"undated": True, "since": "2014"}, "undated events have no date", ()),
    ({"sinse": "2014"}, "there is no filter 'sinse'", ("since",)),
])
def test_parsers_refuse_with_a_message_and_a_guess(values, message, suggestions):
    with pytest.raises(FilterError) as caught:
        parse_filters(values)
    assert message in caught.value.message
    assert caught.value.suggestions[:len(suggestions)] == suggestions
    if suggestions:
        assert f"did you mean {suggestions[0]!r}" in caught.value.message
    assert caught.value.code == "T001"  # a usage error


def test_building_filters_directly_runs_the_same_checks():
    with pytest.raises(FilterError, match="not a CAMEO root"):
        Filters(root="99")
    assert Filters(root="2", plover="aid", since="2014-7").where()[1] == ["02", "AID", "2014-07-01"]


def test_empty_values_are_no_filter():
    """What a web form sends for a field left empty, or click for an option not given."""
    assert parse_filters({"since": "", "root": None, "undated": False, "outlet": ""}) == Filters()


@pytest.mark.parametrize(("outlet", "stored", "error"), [
    ("tass", ["TASS", "Reuters"], None),
    ("REUTERS", ["TASS", "Reuters"], None),
    ("Reuter", ["TASS", "Reuters"], "did you mean 'Reuters'?"),
    ("BBC", ["TASS", "Reuters"], "no article in the store is from outlet 'BBC'"),
    (None, [], None),
])
def test_check_outlet(outlet, stored, error):
    if error is None:
        check_outlet(outlet, stored)
    else:
        with pytest.raises(FilterError, match=error):
            check_outlet(outlet, stored)


# -- overlap on a store: every event whose date interval meets the filter's -----------------------------------------

EVENTS = [  # (article id, published, [(event date, precision)])
    ("day", "2014-07-03", [("2014-07-03", "day")]),
    ("month", "2014-08-20", [("2014-07", "month")]),
    ("year", "2015-01-05", [("2014", "year")]),
    ("week", "2014-12-31", [("2014-12-30", "week")]),  # ISO week 2014-12-29 .. 2015-01-04
    ("july18", "2018-07-31", [("2018-07-31", "day"), ("2018-07", "month")]),
    ("aug18", "2018-08-01", [("2018-08-01", "day")]),
    ("report", "2016", [("2016-07-01", "report")]),  # dated only by a report of 2016: all of 2016
    ("undated", None, [(None, "unknown")]),
]


@pytest.fixture(scope="module")
def overlap_db(tmp_path_factory):
    articles = [coded_article(name, published, dates, outlet="TASS" if name == "day" else "Reuters")
                for name, published, dates in EVENTS]
    return store_with(tmp_path_factory.mktemp("filters") / "t.db", *articles)


@pytest.mark.parametrize(("filters", "expected"), [
    ({"since": "2014-01-01", "until": "2014-12-31"}, {"day-0", "month-0", "year-0", "week-0"}),  # issue 17
    ({"since": "2014", "until": "2014"}, {"day-0", "month-0", "year-0", "week-0"}),
    ({"since": "2014-07", "until": "2014-07"}, {"day-0", "month-0", "year-0"}),
    ({"since": "2014-07-04", "until": "2014-07-31"}, {"month-0", "year-0"}),
    ({"since": "2015-01-02", "until": "2015-12-31"}, {"week-0"}),  # the week runs into 2015
    ({"until": "2018-07"}, {"day-0", "month-0", "year-0", "week-0", "report-0", "july18-0", "july18-1"}),  # issue 17
    ({"since": "2018-07-15", "until": "2018-07-15"}, {"july18-1"}),  # inside the month, not on the day
    ({"since": "2018-08"}, {"aug18-0"}),
    ({"since": "2016-03-01", "until": "2016-03-31"}, {"report-0"}),
    ({"undated": True}, {"undated-0"}),
    ({}, {e for name, _, dates in EVENTS for e in (f"{name}-{n}" for n in range(len(dates)))}),
    ({"outlet": "tass"}, {"day-0"}),  # any case
    ({"outlet": "TASS", "since": "2015"}, set()),
])
def test_dates_overlap(overlap_db, filters, expected):
    with Store(overlap_db) as store:
        found = {row["id"] for row in events(store, parse_filters(filters))}
    assert found == expected


def test_undated_events_come_last(overlap_db):
    with Store(overlap_db) as store:
        rows = list(events(store, Filters()))
    assert rows[-1]["id"] == "undated-0" and rows[-1]["date"] is None
    assert [r["id"] for r in rows[:3]] == ["year-0", "month-0", "day-0"]  # by the first day of each interval


# -- the command line: the same rules, a bad value exits 2 naming the option -------------------------------------------

@pytest.mark.parametrize(("args", "message"), [
    (["--since", "yesterday"], "Invalid value for '--since': 'yesterday' is not a date"),
    (["--root", "99"], "Invalid value for '--root': '99' is not a CAMEO root (01 to 20); did you mean '09' or '19'?"),
    (["--plover", "FOO"], "Invalid value for '--plover': 'FOO' is not a PLOVER type"),
    (["--code", "99x"], "Invalid value for '--code'"),
    (["--source", "RSU"], "did you mean 'RUS'"),
    (["--outlet", "Reuter"], "no article in the store is from outlet 'Reuter'; did you mean 'Reuters'?"),
    (["--since", "2019", "--until", "2018-07"], "--until 2018-07 ends before --since 2019 begins"),
    (["--limit", "0"], "Invalid value for '--limit': 0 must be at least 1"),
    (["--undated", "--until", "2018"], "undated events have no date"),
])
@pytest.mark.parametrize("command", [["query"], ["export", "--format", "csv"]])
def test_bad_values_are_usage_errors(run_cli, overlap_db, command, args, message):
    result = run_cli(*command, "--db", overlap_db, *args)
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split())


def test_a_bad_value_is_reported_before_the_store_is_opened(run_cli, tmp_path):
    result = run_cli("query", "--db", str(tmp_path / "missing.db"), "--root", "99")
    assert result.exit_code == 2 and "'--root'" in result.output


@pytest.mark.parametrize(("args", "count"), [
    (["--since", "2014-01-01", "--until", "2014-12-31"], 4),
    (["--until", "2018-07"], 7),
    (["--outlet", "reuters", "--until", "2014"], 3),
    (["--undated"], 1),
])
def test_query_and_export_agree(run_cli, overlap_db, args, count):
    query = run_cli("query", "--db", overlap_db, "--format", "json", *args)
    export = run_cli("export", "--db", overlap_db, "--format", "jsonl", *args)
    assert query.exit_code == export.exit_code == 0
    assert len(query.stdout.splitlines()) == len(export.stdout.splitlines()) == count
    assert f"{count} events exported (jsonl)" in export.stderr
    assert all(json.loads(line)["id"] for line in query.stdout.splitlines())
