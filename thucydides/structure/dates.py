"""Publication dates: metadata strings to ISO dates with a precision, and dateline month/day to a full date.

Precision vocabulary: ``day`` (a full date was stated), ``month``, ``year``, ``year-inferred`` (month and day
from the dateline, year from the latest year the text mentions; from the run's date only with the setting
``year_from_run_date``), or ``None``: the article is undated (docs/dates.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from thucydides.errors import BadValue

_ISO_PARTIAL = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?\s*$")
# a date in a file name: 2024-05-01, 2024_05_01, 2024.05.01 or 20240501, not inside a longer run of digits
_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(\d\d)\2(\d\d)(?!\d)")
_YEAR_IN_TEXT = re.compile(r"(?<![\d,.$€£])(19[5-9]\d|20\d\d)(?![\d,])")


@dataclass(frozen=True, slots=True)
class DateValue:
    iso: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | month | year | year-inferred
    timestamp: str | None = None  # the full ISO timestamp when a time was stated
    note: str | None = None


def checked_offset(parsed: datetime, stated: str) -> datetime:
    """``parsed``, or :class:`BadValue` when its UTC offset lies beyond ±24 hours ('+99:00'), which the date
    parser keeps but no datetime can be written with."""
    try:
        parsed.utcoffset()
    except ValueError as exc:
        raise BadValue(f"date {stated!r} has a UTC offset beyond ±24 hours") from exc
    return parsed


def parse_date(value: str) -> DateValue | None:
    """A date as metadata states it (ISO 8601, RFC 822, '2024-01-07 01:20:00+00:00', 'May 3, 2024'); ``None``
    for a string that is no date, :class:`BadValue` for one that states an impossible UTC offset."""
    value = value.strip()
    if not value:
        return None
    partial = _ISO_PARTIAL.match(value)
    if partial:
        y, m, d = partial.group("y"), partial.group("m"), partial.group("d")
        try:
            if d:
                return DateValue(date(int(y), int(m), int(d)).isoformat(), "day")
            if m and 1 <= int(m) <= 12:
                return DateValue(f"{y}-{m}", "month")
        except ValueError:
            return None
        return DateValue(y, "year")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            from dateutil import parser as dateutil_parser

            try:
                parsed = dateutil_parser.parse(value, default=datetime(1900, 1, 1))
            except (ValueError, OverflowError):
                return None
            if parsed.year == 1900:
                return None
    parsed = checked_offset(parsed, value)
    has_time = bool(re.search(r"\d:\d\d", value))
    return DateValue(parsed.date().isoformat(), "day", parsed.isoformat() if has_time else None)


def date_from_filename(path: str) -> DateValue | None:
    """The first valid day a file's name holds (``2024-05-01_story.txt``, ``tass-20240501.html``), or ``None``.

    Only the last component of ``path`` is read, so a folder named by date does not date the files in it.
    """
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    for match in _FILENAME_DATE.finditer(name):
        year, _sep, month, day = match.groups()
        try:
            return DateValue(date(int(year), int(month), int(day)).isoformat(), "day")
        except ValueError:
            continue
    return None


def latest_year(text: str, *, today: date) -> int | None:
    """The latest year, not after ``today``'s, that the text names, or ``None``."""
    years = [int(y) for y in _YEAR_IN_TEXT.findall(text) if int(y) <= today.year]
    return max(years) if years else None


def infer_year(month: int, day: int, text: str, *, today: date) -> tuple[int, str]:
    """A year for a month/day with no year: the latest past year the text names, else this year or last (the
    caller decides whether a year taken from ``today`` may be used: see ``year_from_run_date``)."""
    named = latest_year(text, today=today)
    if named is not None:
        return named, f"year-inferred: {named} is the latest year the text mentions"
    year = today.year
    try:
        if date(year, month, day) > today:
            year -= 1
    except ValueError:
        pass
    return year, f"year-inferred: no year in the article or its metadata; took {year} from today's date"


def combine(month: int, day: int, anchor: date) -> date | None:
    """The dateline's month/day in the year of ``anchor``, stepping a year across a New Year boundary."""
    year = anchor.year
    if month - anchor.month > 6:
        year -= 1
    elif anchor.month - month > 6:
        year += 1
    try:
        return date(year, month, day)
    except ValueError:
        return None
