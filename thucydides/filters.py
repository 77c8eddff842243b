"""What the event filters accept, in one table of small functions shared by every way in.

``thucydides query`` and ``export`` (cli.py), and the REST API, read the same filters. Each filter has one
parser in :data:`PARSERS`: it takes the text a user typed and returns the value the store queries with, or
raises :class:`FilterError` naming the filter, saying what is wrong and, for a code, what was probably meant.
:func:`parse_filters` runs the table over a mapping (a form, query parameters, click's options) and returns
a checked :class:`~thucydides.store.query.Filters`; building ``Filters(...)`` directly runs the same checks.

Dates (docs/filters.md): ``--since`` and ``--until`` take ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; each names
an interval (2014 is 2014-01-01..2014-12-31), and an event is selected when its own date interval (an event
dated "2014-07" spans July) overlaps the span from the start of ``since`` to the end of ``until``. An undated
event has no interval, so any date filter leaves it out; ``undated`` selects only those.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from thucydides.errors import UsageError

__all__ = ["PARSERS", "FilterError", "check_outlet", "date_interval", "event_interval", "parse_filters"]

POLARITIES = ("positive", "negative")
CERTAINTIES = ("certain", "probable", "possible", "unknown")
# The kinds of an attribution chain's hops (README "Attribution"): the last hop is whose claim the event is.
SOURCE_KINDS = ("anonymous", "named", "institution", "document", "outlet", "publisher")
MAX_CHAIN = 32  # attribution chains are a few hops long; a longer one asked for is an error
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_ACTOR = re.compile(r"^(?:[A-Z]+|-{1,3}|---[A-Z]+)$")


class FilterError(UsageError):
    """A filter value that cannot be used: ``name`` is the filter (``since``, ``root`` ...), ``suggestions``
    the close valid values, if any (already in the message)."""

    def __init__(self, name: str, message: str, suggestions: Iterable[str] = ()) -> None:
        self.name, self.suggestions = name, tuple(suggestions)
        if self.suggestions:
            message += f"; did you mean {_either(self.suggestions)}?"
        super().__init__(message)


def _either(values: tuple[str, ...]) -> str:
    quoted = [repr(v) for v in values]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def suggest(value: str, candidates: Iterable[str], *, n: int = 3, cutoff: float = 0.5) -> list[str]:
    """The candidates closest to ``value`` (case folded), best first."""
    wanted = value.casefold()
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(candidate.casefold(), candidate)

    def score(folded: str) -> float:  # similarity, then transposed letters ("RSU": RUS), then the first letter
        ratio = difflib.SequenceMatcher(None, wanted, folded).ratio()
        return ratio + 0.2 * (sorted(wanted) == sorted(folded)) + 0.05 * (wanted[:1] == folded[:1])

    scored = sorted(((score(f), f) for f in by_fold), key=lambda pair: (-pair[0], pair[1]))
    return [by_fold[f] for s, f in scored if s >= cutoff][:n]


# -- dates -----------------------------------------------------------------------------------------------------

def date_interval(value: str) -> tuple[date, date]:
    """The first and last day a date names: ``2014`` -> 2014-01-01..2014-12-31, ``2018-07`` -> July,
    ``2014-07-03`` -> that day. ValueError for anything else."""
    match = _DATE.match(value.strip())
    if not match:
        raise ValueError(value)
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, day), date(year, month, day)


def event_interval(value: str | None, precision: str | None = None, *, published: str | None = None
                   ) -> tuple[str, str] | None:
    """The span of days an event's date covers, as ISO strings, or ``None`` for an undated event.

    A day is itself, a month or a year all its days; precision ``week`` is the ISO week (Monday to Sunday) of
    the day given. An event dated only by its report (precision ``report``) in an article whose publication date
    is a month or a year spans that month or year, not the middle day the coder placed it on.
    """
    if not value:
        return None
    if precision == "report" and published and len(published) < 10:
        value = published
    try:
        first, last = date_interval(value[:10])
    except ValueError:
        return None
    if precision == "week" and first == last:
        first = first - timedelta(days=first.weekday())
        last = first + timedelta(days=6)
    return first.isoformat(), last.isoformat()


def _date(name: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        try:
            first, last = date_interval(value)
        except ValueError:
            raise FilterError(name, f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD "
                                    "(2014, 2014-07, 2014-07-03)") from None
        text = value.strip()
        if len(text) == 4:
            return text
        parts = text.split("-")
        return f"{first.year:04d}-{first.month:02d}" + (f"-{first.day:02d}" if len(parts) == 3 else "")
    return parse


# -- codes -----------------------------------------------------------------------------------------------------

def _cameo_root(value: str) -> str:
    from thucydides.events.codebook import codebook

    roots = sorted(c for c in codebook() if len(c) == 2)
    root = value.strip().zfill(2) if value.strip().isdigit() else value.strip()
    if root not in roots:
        raise FilterError("root", f"{value!r} is not a CAMEO root (01 to 20)", suggest(root, roots))
    return root


def _cameo_code(value: str) -> str:
    from thucydides.events.codebook import codebook

    code = value.strip()
    codes = codebook()
    if not code.isdigit() or not any(c.startswith(code) for c in codes):
        raise FilterError("code", f"{value!r} is not a CAMEO code or the start of one (e.g. 19, 163, 0256)",
                          suggest(code, codes))
    return code


def _plover(value: str) -> str:
    from thucydides.events.codebook import PLOVER_TYPES

    kind = value.strip().upper()
    if kind not in PLOVER_TYPES:
        raise FilterError("plover", f"{value!r} is not a PLOVER type (one of {', '.join(sorted(PLOVER_TYPES))})",
                          suggest(kind, PLOVER_TYPES))
    return kind


def _actor(name: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        """A CAMEO actor code or its start (RUS, RUSGOV, RUSG, IGOUNO, ---MIL), upper-cased; its country part
        must be a country, region, IGO, NGO or ``---`` and each later three letters a sector."""
        from thucydides.actors import default_dictionary

        code = value.strip().upper()
        d = default_dictionary()
        heads = sorted({*d.countries, *d.regions, "IGO", "NGO", "---"})
        what = "a CAMEO actor code or its start (RUS, RUSGOV, IGOUNO, ---MIL)"
        if not _ACTOR.match(code):
            raise FilterError(name, f"{value!r} is not {what}")
        head, rest = code[:3], code[3:]
        if not any(h.startswith(head) for h in heads):
            raise FilterError(name, f"{value!r} is not {what}: no country, region or organisation code "
                                    f"starts with {head!r}", suggest(head, heads, cutoff=0.6))
        if head in ("IGO", "NGO") or not rest:
            return code
        sectors = sorted(d.sectors)
        chunks = [rest[i:i + 3] for i in range(0, len(rest), 3)]
        for k, chunk in enumerate(chunks):
            known = chunk in sectors if len(chunk) == 3 else any(s.startswith(chunk) for s in sectors)
            if not known:
                guesses = [head + "".join(chunks[:k]) + s for s in suggest(chunk, sectors, cutoff=0.6)]
                raise FilterError(name, f"{value!r} is not {what}: {chunk!r} is no sector code", guesses)
        return code
    return parse


# -- the rest --------------------------------------------------------------------------------------------------

def _choice(name: str, choices: tuple[str, ...]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        folded = value.strip().lower()
        if folded not in choices:
            raise FilterError(name, f"{value!r} is not one of {', '.join(choices)}", suggest(folded, choices))
        return folded
    return parse


def _outlet(value: str) -> str:
    name = value.strip()
    if not name:
        raise FilterError("outlet", "an outlet name cannot be empty")
    return name  # matched case-insensitively by the store (check_outlet says when no article has it)


def _place(value: str) -> str:
    name = " ".join(value.split())
    if not name:
        raise FilterError("place", "a place name cannot be empty")
    return name  # matched case-insensitively with the event's location name


def _number(name: str, low: int, high: int, what: str) -> Callable[[str | int], int]:
    def parse(value: str | int) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise FilterError(name, f"{value!r} is not {what}") from None
        if not low <= number <= high:
            raise FilterError(name, f"{value!r} is not {what}")
        return number
    return parse


def _limit(value: str | int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise FilterError("limit", f"{value!r} is not a whole number") from None
    if number < 1:
        raise FilterError("limit", f"{value!r} must be at least 1")
    return number


def _flag(value: str | bool) -> bool:
    if isinstance(value, bool):
        return value
    folded = str(value).strip().lower()
    if folded in ("1", "true", "yes", "on"):
        return True
    if folded in ("0", "false", "no", "off"):
        return False
    raise FilterError("undated", f"{value!r} is not true or false")


# filter name -> its parser: the text a user typed -> the value the store queries with (FilterError if unusable)
PARSERS: dict[str, Callable[[Any], Any]] = {
    "source": _actor("source"),
    "target": _actor("target"),
    "actor": _actor("actor"),
    "root": _cameo_root,
    "code": _cameo_code,
    "plover": _plover,
    "since": _date("since"),
    "until": _date("until"),
    "undated": _flag,
    "outlet": _outlet,
    "polarity": _choice("polarity", POLARITIES),
    "certainty": _choice("certainty", CERTAINTIES),
    "quad": _number("quad", 1, 4, "a QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                                  "4 material conflict)"),
    "source_kind": _choice("source_kind", SOURCE_KINDS),
    "chain": _number("chain", 1, MAX_CHAIN, f"a chain length from 1 (the publisher's own claim) to {MAX_CHAIN}"),
    "place": _place,
    "limit": _limit,
}


def check_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Every value through its parser (``None`` stays ``None``), then the checks across filters."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in PARSERS:
            raise FilterError(name, f"there is no filter {name!r}", suggest(name, PARSERS))
        out[name] = None if value is None else PARSERS[name](value)
    since, until = out.get("since"), out.get("until")
    if since and until and date_interval(since)[0] > date_interval(until)[1]:
        raise FilterError("until", f"--until {until} ends before --since {since} begins")
    if out.get("undated") and (since or until):
        raise FilterError("undated", "undated events have no date, so they cannot also be --since or --until "
                                     "a date")
    return out


def parse_filters(values: Mapping[str, Any]) -> Any:
    """A checked :class:`~thucydides.store.query.Filters` from what a user typed (a web form, query parameters,
    command-line options): empty values are dropped; FilterError names the first filter that cannot be used."""
    from thucydides.store.query import Filters

    given = {k: v for k, v in values.items() if v is not None and v != "" and v is not False}
    return Filters(**check_values(given))


def check_outlet(outlet: str | None, stored: Iterable[str]) -> None:
    """FilterError, with the closest names, when no stored outlet is ``outlet`` (case folded); ``stored`` is the
    store's distinct outlet names (:func:`thucydides.store.query.outlets`)."""
    if outlet is None:
        return
    names = [s for s in stored if s]
    if any(s.casefold() == outlet.casefold() for s in names):
        return
    raise FilterError("outlet", f"no article in the store is from outlet {outlet!r}", suggest(outlet, names))
