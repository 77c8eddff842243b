"""Chart geometry for the pages, computed here and drawn as inline SVG by the templates (which escape every
piece of text): the actor network of the dyad view (a force-directed layout) and its zoom. The charts over time
are :mod:`thucydides.web.timeline` (``week_timeline`` is importable from here as before).

Nothing is loaded from elsewhere at run time; the functions return plain numbers and strings.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from thucydides.web.queries import Edge, Node
from thucydides.web.timeline import week_timeline  # noqa: F401 - importable from here as before

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
            max_edges: int | None = None, width: int = 960, height: int = 640) -> dict[str, Any]:
    """SVG geometry of the network: the ``max_nodes`` busiest actors and the edges between them (the
    ``max_edges`` busiest of those, and the selected one, when given; the layout is of every edge). Edges are
    quadratic curves (the two directions of a dyad bend apart), coloured by the sign of their mean Goldstein
    value, wider with more events, each with a midpoint handle; nodes grow with their events."""
    busiest = sorted(nodes.values(), key=lambda n: (-n.events, n.code))[:max_nodes]
    keep = {n.code for n in busiest}
    shown = [e for e in edges if e.source in keep and e.target in keep]
    codes = sorted(keep)
    links = [(e.source, e.target, e.events) for e in shown]
    position = force_layout(codes, links, width - 50, height)  # room on the right for the last labels
    if max_edges is not None and len(shown) > max_edges:  # edges come busiest first
        shown = [e for i, e in enumerate(shown) if i < max_edges or (e.source, e.target) == selected]
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


# -- zoom ----------------------------------------------------------------------------------------------------

ZOOMS = (1, 2, 4, 8)


def zoom_view(width: float, height: float, *, zoom: int = 1, x: float | None = None, y: float | None = None,
              left: float = 0.0, top: float = 0.0) -> dict[str, Any]:
    """The part of a ``width`` x ``height`` drawing shown at ``zoom`` (1, 2, 4 or 8 times), centred on (x, y)
    (default: the middle) but kept inside the drawing: the SVG ``viewBox`` and the centres the zoom and pan
    links go to (``None`` where a link leads nowhere). ``left``, ``top``: the drawing's own origin, added to the
    ``viewBox`` only (x and y count from the drawing's corner)."""
    zoom = max(z for z in ZOOMS if z <= max(zoom, 1))
    w, h = width / zoom, height / zoom
    cx = min(max(width / 2 if x is None else x, w / 2), width - w / 2)
    cy = min(max(height / 2 if y is None else y, h / 2), height - h / 2)

    def centre(dx: float, dy: float) -> tuple[int, int] | None:
        nx = min(max(cx + dx, w / 2), width - w / 2)
        ny = min(max(cy + dy, h / 2), height - h / 2)
        return None if (round(nx), round(ny)) == (round(cx), round(cy)) else (round(nx), round(ny))

    return {"box": f"{left + cx - w / 2:.1f} {top + cy - h / 2:.1f} {w:.1f} {h:.1f}", "zoom": zoom, "x": round(cx),
            "y": round(cy), "zoom_in": zoom * 2 if zoom * 2 in ZOOMS else None,
            "zoom_out": zoom // 2 if zoom > 1 else None,
            "pan": {"left": centre(-w / 2, 0), "right": centre(w / 2, 0), "up": centre(0, -h / 2),
                    "down": centre(0, h / 2)} if zoom > 1 else {}}
