"""Event dates: wire-style expressions resolved against the report date."""

from __future__ import annotations

from datetime import date

import pytest

from thucydides.events.dates import resolve

SUNDAY = date(2022, 11, 6)  # the seed's dateline: Sunday 6 November


@pytest.mark.parametrize(("text", "expected"), [
    ("Saturday", ("2022-11-05", "day")),  # the day before a Sunday dispatch
    ("Sunday", ("2022-11-06", "day")),  # the dateline's own weekday is that day
    ("late on Tuesday", ("2022-11-01", "day")),
    ("last Sunday", ("2022-10-30", "day")),
    ("February 24", ("2022-02-24", "day")),
    ("Feb. 24", ("2022-02-24", "day")),
    ("24 February 2014", ("2014-02-24", "day")),
    ("December 30", ("2021-12-30", "day")),  # more than a week after the report: the year before
    ("yesterday", ("2022-11-05", "day")),
    ("today", ("2022-11-06", "day")),
    ("last week", ("2022-10-30", "week")),
    ("last month", ("2022-10", "month")),
    ("in March", ("2022-03", "month")),
    ("2014", ("2014", "year")),
    ("earlier", (None, "unknown")),
])
def test_resolve(text, expected):
    assert resolve(text, SUNDAY) == expected


def test_no_report_date_means_no_date():
    assert resolve("Saturday", None) == (None, "unknown")
