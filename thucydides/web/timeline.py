"""Charts over time, as geometry for inline SVG (the templates draw and escape it): weekly bars of cooperation
and conflict, and a weekly Goldstein line. Both sit on a true date axis: a week is placed by its date, so weeks
without events are gaps (no bar; a break in the line), never squeezed out, and the axis has labelled ticks
(months for a short span, years for a long one) and a labelled value scale.

A week is an ISO week, named by its Monday. Events are put in the week of the first day of their date interval
(``events.date_start``, docs/filters.md); undated events are counted apart and never drawn.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

LEFT, RIGHT, TOP, BOTTOM = 48, 12, 10, 24  # margins: value labels on the left, date labels below


@dataclass(slots=True)
class Week:
    """The events of one week: Goldstein sums and counts of cooperation (QuadClass 1-2) and conflict (3-4)."""

    coop: float = 0.0
    conflict: float = 0.0
    n_coop: int = 0
    n_conflict: int = 0

    @property
    def n(self) -> int:
        return self.n_coop + self.n_conflict

    @property
    def goldstein(self) -> float:
        return self.coop + self.conflict

    def add(self, quad_class: int, count: int, goldstein: float) -> None:
        if quad_class in (1, 2):
            self.coop += goldstein
            self.n_coop += count
        else:
            self.conflict += goldstein
            self.n_conflict += count


def day(when: str | None) -> date | None:
    """The first day of an ISO date of any precision (``2014`` is 2014-01-01), or None."""
    if not when:
        return None
    try:
        return date.fromisoformat(when[:10]) if len(when) >= 10 else date.fromisoformat((when + "-01-01")[:10])
    except ValueError:
        return None


def monday(when: date) -> date:
    return when - timedelta(days=when.weekday())


def weeks_of(rows: Iterable[Sequence[Any]]) -> tuple[dict[date, Week], int]:
    """Weeks from rows of (first day, QuadClass, number of events, Goldstein sum), as
    :func:`thucydides.web.queries.week_rows` gives them; and the number of undated events."""
    weeks: dict[date, Week] = {}
    undated = 0
    for first, quad_class, count, goldstein in rows:
        when = day(first)
        if when is None:
            undated += int(count)
            continue
        weeks.setdefault(monday(when), Week()).add(int(quad_class), int(count), float(goldstein or 0.0))
    return weeks, undated


def week_timeline(events: Sequence[dict[str, Any]], *, width: int = 960, height: int = 200) -> dict[str, Any]:
    """:func:`bars` for event records (negated ones left out; those without a usable date in ``undated``)."""
    rows = [(event.get("date"), event["quad_class"], 1, event["goldstein"]) for event in events
            if (event.get("modality") or {}).get("polarity", "positive") == "positive"]
    weeks, undated = weeks_of(rows)
    return bars(weeks, undated=undated, width=width, height=height)


def bars(weeks: Mapping[date, Week], *, undated: int = 0, width: int = 960, height: int = 200) -> dict[str, Any]:
    """Weekly Goldstein sums of cooperation (above the middle line) and conflict (below) on a linear time axis."""
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    middle = TOP + plot_h / 2
    result: dict[str, Any] = {"width": width, "height": height, "middle": middle, "left": LEFT,
                              "right": width - RIGHT, "top": TOP, "bottom": height - BOTTOM, "bars": [],
                              "ticks": [], "scale": [], "undated": undated, "weeks": 0, "span_weeks": 0}
    if not weeks:
        return result
    first, last = min(weeks), max(weeks)
    span = (last - first).days + 7
    scale = plot_w / span
    peak = max([abs(w.coop) for w in weeks.values()] + [abs(w.conflict) for w in weeks.values()] + [1.0])
    half = plot_h / 2 - 2
    bar = max(7 * scale - 1, 1.5)
    for start, w in sorted(weeks.items()):
        up = max(w.coop, 0) / peak * half
        down = -min(w.conflict, 0) / peak * half
        year, number, _ = start.isocalendar()
        result["bars"].append({
            "week": f"{year}-W{number:02d}", "monday": start.isoformat(),
            "x": round(LEFT + (start - first).days * scale, 1), "w": round(bar, 1),
            "coop_y": round(middle - up, 1), "coop_h": round(up, 1), "conflict_h": round(down, 1),
            "coop": round(w.coop, 1), "conflict": round(w.conflict, 1), "n": w.n, "n_coop": w.n_coop,
            "n_conflict": w.n_conflict,
        })
    result["ticks"] = _date_ticks(first, first + timedelta(days=span), LEFT, scale, width - RIGHT)
    result["scale"] = [{"y": round(middle - half, 1), "label": f"+{peak:.0f}"}, {"y": round(middle, 1), "label": "0"},
                       {"y": round(middle + half, 1), "label": f"-{peak:.0f}"}]
    result["weeks"] = len(weeks)
    result["span_weeks"] = span // 7
    return result


def line(weeks: Mapping[date, Week], *, measure: str = "mean", undated: int = 0, width: int = 960,
         height: int = 260) -> dict[str, Any]:
    """Goldstein by week as a line: the ``mean`` (from -10 to +10) or the ``sum`` of the week's events. A week
    without events breaks the line; a week alone between gaps is a dot."""
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    result: dict[str, Any] = {"width": width, "height": height, "left": LEFT, "right": width - RIGHT, "top": TOP,
                              "bottom": height - BOTTOM, "measure": measure, "segments": [], "points": [],
                              "ticks": [], "scale": [], "zero": None, "undated": undated}
    if not weeks:
        return result
    values = {start: (w.goldstein / w.n if measure == "mean" else w.goldstein) for start, w in weeks.items() if w.n}
    if not values:
        return result
    low, high = (-10.0, 10.0) if measure == "mean" else (min(0.0, *values.values()), max(0.0, *values.values()))
    marks = nice_ticks(low, high)
    low, high = min(low, marks[0]), max(high, marks[-1])
    first, last = min(values), max(values)
    span = (last - first).days + 7
    scale = plot_w / span

    def y(value: float) -> float:
        return round(TOP + (high - value) / ((high - low) or 1.0) * plot_h, 1)

    segment: list[str] = []
    previous: date | None = None
    for start in sorted(values):
        x = round(LEFT + ((start - first).days + 3.5) * scale, 1)  # the middle of the week
        if previous is not None and (start - previous).days > 7 and segment:
            result["segments"].append(" ".join(segment))
            segment = []
        segment.append(f"{x},{y(values[start])}")
        previous = start
        w = weeks[start]
        year, number, _ = start.isocalendar()
        result["points"].append({"week": f"{year}-W{number:02d}", "monday": start.isoformat(), "x": x,
                                 "y": y(values[start]), "value": round(values[start], 2), "n": w.n,
                                 "sum": round(w.goldstein, 1)})
    result["segments"].append(" ".join(segment))
    result["segments"] = [s for s in result["segments"] if " " in s]  # a single point is drawn as its dot
    result["ticks"] = _date_ticks(first, first + timedelta(days=span), LEFT, scale, width - RIGHT)
    result["scale"] = [{"y": y(v), "label": f"{v:+g}" if v else "0"} for v in marks]
    result["zero"] = y(0.0)
    return result


def nice_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round values from at most ``low`` to at least ``high`` at a step of 1, 2 or 5 times a power of ten."""
    if high - low < 1e-9:
        high = low + 1.0
    raw = (high - low) / max(most - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    count = math.ceil((high - start) / step - 1e-9)
    return [round(start + i * step, 10) for i in range(count + 1)]


def _date_ticks(first: date, end: date, left: float, scale: float, right: float,
                most: int = 10) -> list[dict[str, Any]]:
    """Month starts (short spans) or year starts, thinned to at most ``most`` and kept inside the plot (the first
    week when none falls inside)."""
    if (end - first).days <= 400:
        marks = []
        when = date(first.year, first.month, 1)
        while when < end:
            if when >= first:
                marks.append((when, when.isoformat()[:7]))
            when = date(when.year + when.month // 12, when.month % 12 + 1, 1)
    else:
        marks = [(date(y, 1, 1), str(y)) for y in range(first.year + 1, end.year + 1) if date(y, 1, 1) < end]
    if not marks:
        marks = [(first, first.isoformat())]
    stride = max(1, math.ceil(len(marks) / most))
    ticks = [{"x": round(left + (when - first).days * scale, 1), "label": label} for when, label in marks[::stride]]
    return [t for t in ticks if t["x"] <= right - 44] or ticks[:1]
