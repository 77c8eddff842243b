"""When an event happened: the date expression attached to its trigger, resolved against the article's date.

Rules (wire usage): a weekday means the latest such day on or before the report date, so "on Sunday" in a
Sunday dispatch is that Sunday and "on Saturday" is the day before; "last Tuesday" is the same; "yesterday" and
"today" are relative to the report; "February 24" takes the report's year unless that would put it more than a
week after the report (then the year before); "last week"/"last month" give a week or month precision; "earlier",
"recently" and no date at all leave the report date with precision ``report``. Without a report date (an undated
article) an event has no date and the precision ``unknown``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from thucydides.types import Token
from thucydides.tables import word_set

WEEKDAYS = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                               "sunday"))}
MONTHS = {name: i + 1 for i, name in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                                 "august", "september", "october", "november", "december"))}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?")
_MONTH_DAY = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_YEAR = re.compile(r"\b(19|20)(\d{2})\b")


def date_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges the parser tagged DATE (or TIME, for "late on Tuesday night")."""
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(tokens):
        if tokens[k].ent_type in ("DATE", "TIME"):
            j = k + 1
            while j < len(tokens) and tokens[j].ent_type == tokens[k].ent_type and tokens[j].ent_iob == "I":
                j += 1
            spans.append((k, j))
            k = j
        else:
            k += 1
    return spans


def resolve(text: str, report: date | None) -> tuple[str | None, str]:
    """(ISO date or None, precision) for a date expression, relative to the report date."""
    low = text.lower().replace(",", " ").strip()
    words = low.split()
    if report is None:
        return None, "unknown"
    if "yesterday" in words:
        return (report - timedelta(days=1)).isoformat(), "day"
    if any(w in words for w in ("today", "tonight")) or "this morning" in low or "this afternoon" in low \
            or "this evening" in low:
        return report.isoformat(), "day"
    if "tomorrow" in words:
        return (report + timedelta(days=1)).isoformat(), "day"
    for word in words:
        day = WEEKDAYS.get(word)
        if day is not None:
            back = (report.weekday() - day) % 7
            if back == 0 and ("last" in words or "previous" in words):
                back = 7
            return (report - timedelta(days=back)).isoformat(), "day"
    found = _day_month(low, report)
    if found is not None:
        return found.isoformat(), "day"
    if "last week" in low or "past week" in low or "previous week" in low:
        return (report - timedelta(days=7)).isoformat(), "week"
    if "this week" in low:
        return report.isoformat(), "week"
    if "last month" in low:
        first = report.replace(day=1) - timedelta(days=1)
        return first.replace(day=1).isoformat()[:7], "month"
    if "last year" in low:
        return str(report.year - 1), "year"
    for word in words:
        month = MONTHS.get(word.rstrip("."))
        if month is not None:  # "in March", "March 2014" (the parser tagged it a date, so "may" is the month)
            year = _year(low) or (report.year if month <= report.month else report.year - 1)
            return f"{year:04d}-{month:02d}", "month"
    year = _year(low)
    if year is not None:
        return str(year), "year"
    return None, "unknown"


def _year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(0)) if match else None


def _day_month(text: str, report: date) -> date | None:
    for pattern, day_group, month_group in ((_MONTH_DAY, 2, 1), (_DAY_MONTH, 1, 2)):
        for match in pattern.finditer(text):
            month = MONTHS.get(match.group(month_group))
            if month is None:
                continue
            day = int(match.group(day_group))
            year = int(match.group(3)) if match.group(3) else report.year
            try:
                found = date(year, month, day)
            except ValueError:
                continue
            if not match.group(3) and found > report + timedelta(days=7):
                found = found.replace(year=year - 1)
            return found
    return None


def event_date(tokens: Sequence[Token], trigger: int, report: date | None,
               spans: list[tuple[int, int]], text: str, base: int) -> tuple[str | None, str | None, str]:
    """(date, date_text, precision) for the event whose trigger is token ``trigger``.

    The date expression must hang off the trigger (or the verb that governs a nominal trigger); otherwise the
    event carries the report date with precision ``report``.
    """
    for start, end in spans:
        if _attached(tokens, start, end, trigger):
            phrase_start = start
            if start > 0 and tokens[start - 1].text.lower() in ("on", "late", "early", "since", "until", "by", "in"):
                phrase_start = start - 1
                if phrase_start > 0 and tokens[phrase_start - 1].text.lower() in ("late", "early"):
                    phrase_start -= 1
            phrase = text[tokens[phrase_start].start - base:tokens[end - 1].end - base]
            iso, precision = resolve(text[tokens[start].start - base:tokens[end - 1].end - base], report)
            if iso is not None:
                return iso, phrase, precision
            if report is not None:
                return report.isoformat(), phrase, "report"
    if report is None:  # an undated article: no date to fall back on
        return None, None, "unknown"
    return report.isoformat(), None, "report"


def _attached(tokens: Sequence[Token], start: int, end: int, trigger: int) -> bool:
    """Does the date span modify the trigger (directly, through a preposition, or via the trigger's governor)?"""
    anchors = {trigger}
    governor = tokens[trigger].head
    if tokens[trigger].pos in ("NOUN", "PROPN") and governor != trigger:
        anchors.add(governor)
    for k in range(start, end):
        node, steps = k, 0
        while steps < 4:
            head = tokens[node].head
            if head in anchors:
                return True
            if head == node or not (start <= head < end or tokens[head].pos in ("ADP", "ADV", "ADJ", "NOUN")):
                break
            node, steps = head, steps + 1
    return False


REPORTING = word_set("reporting-verbs")


def reported_date(tokens: Sequence[Token], report: date | None, spans: list[tuple[int, int]], text: str,
                  base: int) -> tuple[str | None, str | None, str] | None:
    """The date a reporting verb in the sentence carries ("..., the Post reported on Saturday"), with precision
    ``reported``: when the source reported the event, an upper bound for when it happened."""
    for verb in (t for t in tokens if t.lemma.lower() in REPORTING and t.pos == "VERB"):
        iso, phrase, precision = event_date(tokens, verb.i, report, spans, text, base)
        if precision not in ("report", "unknown") and iso is not None:
            return iso, phrase, "reported"
    return None
