from datetime import date

import pytest

from thucydides.structure.dates import combine, infer_year, parse_date


@pytest.mark.parametrize(("value", "iso", "precision"), [
    ("2022-11-06", "2022-11-06", "day"),
    ("2024-01-07 01:20:00+00:00", "2024-01-07", "day"),
    ("2024-04-26T15:24:04.336Z", "2024-04-26", "day"),
    ("Tue, 30 Jan 2018 20:15:00 GMT", "2018-01-30", "day"),
    ("2022-11", "2022-11", "month"),
    ("2022", "2022", "year"),
    ("May 3, 2024", "2024-05-03", "day"),
    ("not a date", None, None),
    ("2022-13-45", None, None),
])
def test_parse_date(value, iso, precision):
    parsed = parse_date(value)
    assert (parsed.iso if parsed else None, parsed.precision if parsed else None) == (iso, precision)


def test_time_is_kept_as_timestamp():
    assert parse_date("2024-01-07 01:20:00+00:00").timestamp == "2024-01-07T01:20:00+00:00"
    assert parse_date("2022-11-06").timestamp is None


@pytest.mark.parametrize(("month", "day", "anchor", "expected"), [
    (11, 6, date(2022, 11, 6), date(2022, 11, 6)),
    (12, 31, date(2023, 1, 1), date(2022, 12, 31)),  # dateline in December, published on New Year's Day
    (1, 2, date(2022, 12, 31), date(2023, 1, 2)),
    (2, 30, date(2022, 3, 1), None),
])
def test_combine(month, day, anchor, expected):
    assert combine(month, day, anchor) == expected


def test_infer_year_from_text_and_from_today():
    assert infer_year(3, 3, "since February 2022 and in 2023", today=date(2026, 11, 28))[0] == 2023
    assert infer_year(3, 3, "a plan for 2030", today=date(2026, 11, 28))[0] == 2026
    assert infer_year(12, 20, "no year here", today=date(2026, 11, 28))[0] == 2025
