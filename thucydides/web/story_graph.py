"""The story page's relay graph as SVG geometry (drawn by templates/story.html, which escapes every label): the
story's articles in date order along a row, each relay an arrow from the original to the article that retold
it, arcing above the row and labelled with its kind; an outlet a relay names but the store does not hold is a
dashed node below the article that names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

NODE_WIDTH = 150
NODE_HEIGHT = 40
GAP = 50  # between two nodes of a row
MARGIN = 12
ARC = 30  # the height of an arc between neighbours; each column further adds ARC_STEP, up to ARC_MAX
ARC_STEP = 18
ARC_MAX = 130
BELOW = 60  # from the row of articles down to the row of outlets not stored
KINDS = ("named", "unnamed", "syndicated")


def _label(value: str | None, size: int = 22) -> str:
    value = (value or "").strip() or "?"
    return value if len(value) <= size else value[:size - 1] + "…"


def relay_graph(articles: Sequence[dict[str, Any]], relays: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Nodes and edges with their coordinates. ``articles``: the story's articles in date order (id, outlet,
    published, headline); ``relays``: relay objects. A relay whose article is not among ``articles``, or whose
    original is stored but not among them, is left out."""
    position = {a["id"]: i for i, a in enumerate(articles)}
    links = [r for r in relays if r.get("relay") in position
             and (r.get("original") in position or r.get("original") is None)]
    heights = [min(ARC + ARC_STEP * (abs(position[r["relay"]] - position[r["original"]]) - 1), ARC_MAX)
               for r in links if r.get("original")]
    top = MARGIN + 16 + (0.75 * max(heights) if heights else 0)
    centre = [MARGIN + i * (NODE_WIDTH + GAP) + NODE_WIDTH / 2 for i in range(len(articles))]
    nodes = [{"x": round(c - NODE_WIDTH / 2, 1), "y": round(top, 1), "cx": round(c, 1), "id": a["id"],
              "outlet": _label(a.get("outlet")), "date": (a.get("published") or "undated")[:10],
              "title": f"{a.get('outlet') or '?'}, {a.get('published') or 'undated'}: {a.get('headline') or a['id']}",
              "href": f"#column-{i}", "stored": True} for i, (a, c) in enumerate(zip(articles, centre, strict=True))]
    # outlets not stored, one node per name, below the first article naming it, pushed right to stay apart
    missing: dict[str, dict[str, Any]] = {}
    for relay in sorted((r for r in links if r.get("original") is None), key=lambda r: position[r["relay"]]):
        name = relay.get("outlet") or "?"
        if name.casefold() not in missing:
            missing[name.casefold()] = {"cx": centre[position[relay["relay"]]], "outlet": _label(name),
                                        "date": relay.get("day") or "not stored", "stored": False, "href": None,
                                        "title": f"{name}: named, not stored"}
    low = top + NODE_HEIGHT + BELOW
    right = -GAP
    for node in sorted(missing.values(), key=lambda n: n["cx"]):
        node["cx"] = max(node["cx"], right + GAP + NODE_WIDTH / 2)
        right = node["cx"] + NODE_WIDTH / 2
        node.update(x=round(node["cx"] - NODE_WIDTH / 2, 1), y=round(low, 1), cx=round(node["cx"], 1))
    edges = []
    for relay in links:
        kind = relay.get("kind") if relay.get("kind") in KINDS else "other"
        end = centre[position[relay["relay"]]]
        similarity = relay.get("similarity")
        share = f", {similarity:.0%} of its words retold" if isinstance(similarity, int | float) else ""
        if relay.get("original") is None:
            start = missing[(relay.get("outlet") or "?").casefold()]["cx"]
            y0, y1 = low, top + NODE_HEIGHT
            path = f"M{start:.1f},{y0:.1f} L{end:.1f},{y1:.1f}"
            lx, ly = (start + end) / 2 + 4, (y0 + y1) / 2 + 4
            title = f"{relay.get('relay_outlet') or '?'} names {relay.get('outlet') or '?'} ({kind}), not stored"
            dashed = True
        else:
            i, j = position[relay["original"]], position[relay["relay"]]
            sign = 1 if j >= i else -1
            start, end = centre[i] + 10 * sign, end - 10 * sign
            lift = min(ARC + ARC_STEP * (abs(j - i) - 1), ARC_MAX) / 0.75
            path = (f"M{start:.1f},{top:.1f} C{start:.1f},{top - lift:.1f} {end:.1f},{top - lift:.1f}"
                    f" {end:.1f},{top:.1f}")
            lx, ly = (start + end) / 2, top - 0.75 * lift - 4
            title = (f"{relay.get('relay_outlet') or '?'} ({relay.get('relay_published') or 'undated'}) retold"
                     f" {relay.get('original_outlet') or relay.get('outlet') or '?'} of {relay.get('day') or '?'}"
                     f" ({kind}{share})")
            dashed = False
        edges.append({"path": path, "kind": kind, "label": kind, "lx": round(lx, 1), "ly": round(ly, 1),
                      "title": title, "dashed": dashed, "relay": relay["relay"], "original": relay.get("original")})
    width = max([n["x"] + NODE_WIDTH for n in nodes + list(missing.values())] + [NODE_WIDTH]) + MARGIN
    height = (low + NODE_HEIGHT if missing else top + NODE_HEIGHT) + MARGIN
    return {"width": round(width, 1), "height": round(height, 1), "node_width": NODE_WIDTH,
            "node_height": NODE_HEIGHT, "nodes": nodes + list(missing.values()), "edges": edges}
