"""Chart geometry for the pages, computed here and drawn as inline SVG by the templates (which escape every
piece of text): the actor network of the dyad view (a force-directed layout) and a dyad's weekly timeline.

Nothing is loaded from elsewhere at run time; the functions return plain numbers and strings.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from thucydides.web.queries import Edge, Node

TONE_COLOURS = {"cooperation": "#2e7d32", "conflict": "#c62828", "neutral": "#757575"}


# -- layout --------------------------------------------------------------------------------------------------

def force_layout(codes: Sequence[str], links: Sequence[tuple[str, str, int]], width: float, height: float,
                 *, margin: float = 40.0, iterations: int = 160) -> dict[str, tuple[float, float]]:
    """Positions for ``codes`` inside ``width`` x ``height`` (Fruchterman-Reingold with a pull to the centre,
    so separate components stay in view). Deterministic: the start is a circle in code order."""
    return dict(zip(codes, _layout(tuple(codes), tuple(links), width, height, margin, iterations), strict=True))


@lru_cache(maxsize=64)
def _layout(codes: tuple[str, ...], links: tuple[tuple[str, str, int], ...], width: float, height: float,
            margin: float, iterations: int) -> tuple[tuple[float, float], ...]:
    n = len(codes)
    if n == 0:
        return ()
    if n == 1:
        return ((width / 2, height / 2),)
    index = {code: i for i, code in enumerate(codes)}
    xs = [math.cos(2 * math.pi * i / n) for i in range(n)]
    ys = [math.sin(2 * math.pi * i / n) for i in range(n)]
    pairs: dict[tuple[int, int], int] = {}
    for source, target, weight in links:
        a, b = index[source], index[target]
        if a != b:
            key = (min(a, b), max(a, b))
            pairs[key] = pairs.get(key, 0) + weight
    springs = [(a, b, 1 + math.log(w)) for (a, b), w in pairs.items()]
    k = math.sqrt(4.0 / n)  # ideal distance in a 2 x 2 box
    k2 = k * k
    temperature = 0.25
    cool = temperature / (iterations + 1)
    for _ in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                ex, ey = xi - xs[j], yi - ys[j]
                d2 = ex * ex + ey * ey + 1e-6
                f = k2 / d2
                dx[i] += ex * f
                dy[i] += ey * f
                dx[j] -= ex * f
                dy[j] -= ey * f
        for a, b, w in springs:
            ex, ey = xs[a] - xs[b], ys[a] - ys[b]
            d = math.sqrt(ex * ex + ey * ey) + 1e-9
            f = d * w / k
            dx[a] -= ex * f
            dy[a] -= ey * f
            dx[b] += ex * f
            dy[b] += ey * f
        for i in range(n):
            dx[i] -= xs[i] * 0.6 / k  # gravity towards the centre
            dy[i] -= ys[i] * 0.6 / k
            d = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) + 1e-9
            step = min(d, temperature)
            xs[i] += dx[i] / d * step
            ys[i] += dy[i] / d * step
        temperature -= cool
    return tuple(zip(_fit(xs, margin, width - margin), _fit(ys, margin, height - margin), strict=True))


def _fit(values: list[float], low: float, high: float) -> list[float]:
    least, most = min(values), max(values)
    if most - least < 1e-9:
        return [(low + high) / 2] * len(values)
    return [round(low + (v - least) / (most - least) * (high - low), 1) for v in values]


# -- the actor network ---------------------------------------------------------------------------------------

def network(nodes: dict[str, Node], edges: list[Edge], *, edge_link: Callable[[Edge], str],
            node_link: Callable[[str], str], selected: tuple[str, str] | None = None, max_nodes: int = 60,
            width: int = 960, height: int = 640) -> dict[str, Any]:
    """SVG geometry of the network: the ``max_nodes`` busiest actors and the edges between them. Edges are
    quadratic curves (the two directions of a dyad bend apart), coloured by the sign of their mean Goldstein
    value, wider with more events, each with a midpoint handle; nodes grow with their events."""
    busiest = sorted(nodes.values(), key=lambda n: (-n.events, n.code))[:max_nodes]
    keep = {n.code for n in busiest}
    shown = [e for e in edges if e.source in keep and e.target in keep]
    codes = sorted(keep)
    links = [(e.source, e.target, e.events) for e in shown]
    position = force_layout(codes, links, width, height)
    radius = {c: round(min(4 + 2.2 * math.sqrt(nodes[c].events), 18), 1) for c in codes}
    pairs = {(e.source, e.target) for e in shown}
    drawn = []
    for e in shown:
        x0, y0 = position[e.source]
        x2, y2 = position[e.target]
        r0, r2 = radius[e.source], radius[e.target]
        if e.source == e.target:  # a loop above the node
            top = y0 - r0
            path = f"M{x0 - 4:.1f},{top:.1f} C{x0 - 22:.1f},{top - 34:.1f} {x0 + 22:.1f},{top - 34:.1f} " \
                   f"{x0 + 4:.1f},{top:.1f}"
            mid = (x0, top - 25.5)
        else:
            length = math.hypot(x2 - x0, y2 - y0) or 1.0
            ux, uy = (x2 - x0) / length, (y2 - y0) / length
            bend = 0.14 * length if (e.target, e.source) in pairs else 0.0
            cx, cy = (x0 + x2) / 2 - uy * bend, (y0 + y2) / 2 + ux * bend
            sx, sy = _towards(x0, y0, cx, cy, r0 + 1)
            ex, ey = _towards(x2, y2, cx, cy, r2 + 3)
            path = f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"
            mid = (0.25 * sx + 0.5 * cx + 0.25 * ex, 0.25 * sy + 0.5 * cy + 0.25 * ey)
        drawn.append({
            "source": e.source, "target": e.target, "events": e.events, "goldstein": round(e.goldstein, 1),
            "mean": round(e.mean, 2), "cooperation": e.cooperation, "conflict": e.conflict, "tone": e.tone,
            "colour": TONE_COLOURS[e.tone], "opacity": round(0.45 + 0.55 * min(abs(e.mean) / 10, 1), 2),
            "width": round(min(1.2 + 1.6 * math.log2(e.events), 9), 1) if e.events > 1 else 1.2,
            "path": path, "mx": round(mid[0], 1), "my": round(mid[1], 1), "href": edge_link(e),
            "selected": selected == (e.source, e.target),
        })
    # thin edges drawn last so a thick one never hides them
    drawn.sort(key=lambda d: (-d["width"], d["source"], d["target"]))
    circles = [{"code": c, "x": position[c][0], "y": position[c][1], "r": radius[c], "events": nodes[c].events,
                "names": ", ".join(name for name, _ in nodes[c].names.most_common(3)), "href": node_link(c),
                "selected": bool(selected and c in selected)} for c in codes]
    return {"width": width, "height": height, "edges": drawn, "nodes": circles, "total_nodes": len(nodes),
            "total_edges": len(edges), "hidden_edges": len(edges) - len(shown)}


def _towards(x: float, y: float, tx: float, ty: float, distance: float) -> tuple[float, float]:
    """The point ``distance`` from (x, y) in the direction of (tx, ty)."""
    length = math.hypot(tx - x, ty - y)
    if length < 1e-9:
        return x, y
    return x + (tx - x) / length * distance, y + (ty - y) / length * distance


# -- a dyad's timeline ---------------------------------------------------------------------------------------

def _day(when: str | None) -> date | None:
    if not when:
        return None
    try:
        return date.fromisoformat(when[:10]) if len(when) >= 10 else date.fromisoformat((when + "-01-01")[:10])
    except ValueError:
        return None


def week_timeline(events: Sequence[dict[str, Any]], *, width: int = 960, height: int = 200) -> dict[str, Any]:
    """Events by ISO week on a linear time axis: Goldstein sums of cooperation (above the line) and conflict
    (below). Negated events are left out; events without a usable date are counted in ``undated``."""
    weeks: dict[date, dict[str, Any]] = {}
    undated = 0
    for event in events:
        if (event.get("modality") or {}).get("polarity", "positive") != "positive":
            continue
        day = _day(event.get("date"))
        if day is None:
            undated += 1
            continue
        monday = day - timedelta(days=day.weekday())
        week = weeks.setdefault(monday, {"coop": 0.0, "conflict": 0.0, "n_coop": 0, "n_conflict": 0, "n": 0})
        week["n"] += 1
        if event["quad_class"] in (1, 2):
            week["coop"] += event["goldstein"]
            week["n_coop"] += 1
        else:
            week["conflict"] += event["goldstein"]
            week["n_conflict"] += 1
    left, right, top, bottom = 10, 10, 10, 24
    plot_w, plot_h = width - left - right, height - top - bottom
    middle = top + plot_h / 2
    result: dict[str, Any] = {"width": width, "height": height, "middle": middle, "left": left,
                              "right": width - right, "bars": [], "ticks": [], "undated": undated}
    if not weeks:
        return result
    first, last = min(weeks), max(weeks)
    span = (last - first).days + 7
    scale = plot_w / span
    peak = max([abs(w["coop"]) for w in weeks.values()] + [abs(w["conflict"]) for w in weeks.values()] + [1.0])
    bar = max(7 * scale - 1, 3.0)
    for monday, w in sorted(weeks.items()):
        x = left + (monday - first).days * scale
        up = max(w["coop"], 0) / peak * (plot_h / 2 - 2)
        down = -min(w["conflict"], 0) / peak * (plot_h / 2 - 2)
        year, number, _ = monday.isocalendar()
        result["bars"].append({
            "week": f"{year}-W{number:02d}", "monday": monday.isoformat(), "x": round(x, 1), "w": round(bar, 1),
            "coop_y": round(middle - up, 1), "coop_h": round(up, 1), "conflict_h": round(down, 1),
            "coop": round(w["coop"], 1), "conflict": round(w["conflict"], 1), "n": w["n"],
            "n_coop": w["n_coop"], "n_conflict": w["n_conflict"],
        })
    ticks = _ticks(first, first + timedelta(days=span), left, scale)
    result["ticks"] = [t for t in ticks if t["x"] <= width - right - 44] or ticks[:1]  # labels stay inside
    return result


def _ticks(first: date, end: date, left: float, scale: float, most: int = 10) -> list[dict[str, Any]]:
    """Month starts (short spans) or year starts, thinned to at most ``most``; the first week when none fall."""
    if (end - first).days <= 400:
        marks = []
        day = date(first.year, first.month, 1)
        while day < end:
            if day >= first:
                marks.append((day, day.isoformat()[:7]))
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    else:
        marks = [(date(y, 1, 1), str(y)) for y in range(first.year + 1, end.year + 1) if date(y, 1, 1) < end]
    if not marks:
        marks = [(first, first.isoformat())]
    stride = max(1, math.ceil(len(marks) / most))
    return [{"x": round(left + (day - first).days * scale, 1), "label": label} for day, label in marks[::stride]]
