"""The story page's columns: each article's text cut into pieces marked with what its relays retold, added,
changed and dropped, from the relay objects' offsets (docs/relays.md), so that a claim retold in one column
carries the same number and colour as its original in another.

Pure functions over plain dicts (the store's story and relay objects); the template escapes every piece.
A piece is ``text`` (a run of the article's text with the classes and notes of the marks covering it),
``badge`` (a retold claim's number, linking to the same claim in the other column) or ``was`` (the original's
wording, after a changed span).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# the kinds of addition and of change the relay stage reports (docs/relays.md), with the legend's words
ADDED_KINDS = {
    "dateline": "dateline of the relaying outlet",
    "background": "background the original did not give",
    "editorial-insertion": "editorial insertion (a gloss in brackets, a renamed place)",
    "framing": "framing (supposedly, once again, so-called)",
    "own-sourcing": "the relaying outlet's own sources",
}
CHANGE_KINDS = {"hedge": "hedge: the certainty changed (would → may)", "wording": "other wording"}
PALETTE = 8  # claim colours, cycled: class pal-0 .. pal-7


@dataclass(frozen=True, slots=True)
class Piece:
    kind: str  # text | badge | was
    text: str
    classes: str = ""
    notes: tuple[str, ...] = ()
    anchor: str | None = None  # the element's id (badge)
    href: str | None = None  # where a badge links: the same claim in the other column


@dataclass(frozen=True, slots=True)
class Column:
    article: dict[str, Any]  # id, outlet, published, headline (as the story object gives them)
    pieces: tuple[Piece, ...]
    summary: tuple[str, ...]  # one line per relay the article takes part in


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    classes: tuple[str, ...]
    note: str


@dataclass
class _Marks:
    spans: list[_Mark] = field(default_factory=list)
    # (position, 0 for what follows a span that ends there / 1 for what opens one, order, piece)
    inserts: list[tuple[int, int, int, Piece]] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def columns(articles: Sequence[dict[str, Any]], texts: dict[str, str], relays: Iterable[dict[str, Any]]
            ) -> tuple[list[Column], int]:
    """One column per article (in the order given), and the number of retold claims. ``texts``: each article's
    text by id; ``relays``: relay objects. Only relays whose relay and original both have a column are aligned;
    a relay of an original that is not stored marks only its credit."""
    position = {a["id"]: i for i, a in enumerate(articles)}
    marks = {a["id"]: _Marks() for a in articles}
    ordered = sorted((r for r in relays if r.get("relay") in position),
                     key=lambda r: (position.get(r.get("original"), -1), position[r["relay"]]))
    claim = 0
    for relay in ordered:
        mine = marks[relay["relay"]]
        name = relay.get("relay_outlet") or "the relay"
        source = relay.get("original_outlet") or relay.get("outlet") or "the original"
        credit = relay.get("credit")
        if credit:
            stored = "" if relay.get("original") else " (not stored)"
            mine.spans.append(_Mark(credit["start"], credit["end"], ("credit",),
                                    f"credits {relay.get('outlet') or source}{stored}"))
        if relay.get("original") not in position:
            mine.summary.append(f"names {relay.get('outlet') or source} ({relay.get('kind')}; not stored)")
            continue
        theirs = marks[relay["original"]]
        share = f", {relay['similarity']:.0%} of its words retold" if relay.get("similarity") is not None else ""
        mine.summary.append(f"retells {source} ({relay.get('kind')}{share})")
        theirs.summary.append(f"retold by {name} ({relay.get('kind')})")
        for retold in sorted(relay.get("retold", []), key=lambda s: (s["start"], s["end"])):
            claim += 1
            here, there = f"claim-{claim}-r", f"claim-{claim}-o"
            classes = ("retold", f"claim-{claim}", f"pal-{(claim - 1) % PALETTE}")
            mine.spans.append(_Mark(retold["start"], retold["end"], classes, f"claim {claim}: retold from {source}"))
            theirs.spans.append(_Mark(retold["original_start"], retold["original_end"], classes,
                                      f"claim {claim}: retold by {name}"))
            badge = " ".join(("badge", *classes[1:]))
            mine.inserts.append((retold["start"], 1, claim, Piece("badge", str(claim), badge,
                                                                  (f"claim {claim}: see {source}",), here,
                                                                  f"#{there}")))
            theirs.inserts.append((retold["original_start"], 1, claim, Piece("badge", str(claim), badge,
                                                                             (f"claim {claim}: see {name}",),
                                                                             there, f"#{here}")))
        for added in relay.get("added", []):
            kind = added.get("kind") if added.get("kind") in ADDED_KINDS else "other"
            mine.spans.append(_Mark(added["start"], added["end"], ("added", f"add-{kind}"),
                                    f"added by {name}: {added.get('kind')}"))
        for number, changed in enumerate(relay.get("changed", [])):
            kind = changed.get("kind") if changed.get("kind") in CHANGE_KINDS else "other"
            was = changed.get("original_text") or ""
            mine.spans.append(_Mark(changed["start"], changed["end"], ("changed", f"change-{kind}"),
                                    f"{source} wrote “{was}” ({changed.get('kind')})"))
            mine.inserts.append((changed["end"], 0, number, Piece("was", was, f"was change-{kind}",
                                                                  (f"{source} wrote this ({changed.get('kind')})",))))
            theirs.spans.append(_Mark(changed["original_start"], changed["original_end"],
                                      ("changed-from", f"change-{kind}"),
                                      f"{name} wrote “{changed.get('text') or ''}” ({changed.get('kind')})"))
        for dropped in relay.get("dropped", []):
            theirs.spans.append(_Mark(dropped["start"], dropped["end"], ("dropped",), f"left out by {name}"))
    out = [Column(a, tuple(_cut(texts.get(a["id"], ""), marks[a["id"]])), tuple(marks[a["id"]].summary))
           for a in articles]
    return out, claim


def _cut(text: str, marks: _Marks) -> list[Piece]:
    """``text`` as pieces: a run of text wherever the set of marks covering it changes, with the inserts at
    their positions. Marks and inserts outside the text are clipped or left out."""
    size = len(text)
    spans = [m for m in marks.spans if isinstance(m.start, int) and isinstance(m.end, int)
             and 0 <= m.start < m.end and m.start < size]
    spans = [_Mark(m.start, min(m.end, size), m.classes, m.note) for m in spans]
    inserts = sorted((i for i in marks.inserts if isinstance(i[0], int) and 0 <= i[0] <= size),
                     key=lambda i: i[:3])
    cuts = sorted({0, size} | {m.start for m in spans} | {m.end for m in spans} | {i[0] for i in inserts})
    pieces: list[Piece] = []
    waiting = 0
    for index, at in enumerate(cuts):
        while waiting < len(inserts) and inserts[waiting][0] == at:
            pieces.append(inserts[waiting][3])
            waiting += 1
        if index + 1 == len(cuts):
            break
        end = cuts[index + 1]
        covering = [m for m in spans if m.start <= at and end <= m.end]
        classes = " ".join(sorted({c for m in covering for c in m.classes}))
        pieces.append(Piece("text", text[at:end], classes, tuple(dict.fromkeys(m.note for m in covering))))
    return pieces


def counts(relay: dict[str, Any]) -> dict[str, Any]:
    """What a relay added (by kind), changed (hedges apart) and dropped, for the relay table."""
    added = Counter(a.get("kind") for a in relay.get("added", []))
    hedges = sum(c.get("kind") == "hedge" for c in relay.get("changed", []))
    return {"retold": len(relay.get("retold", [])), "added": sorted(added.items()),
            "changed": len(relay.get("changed", [])), "hedges": hedges, "dropped": len(relay.get("dropped", []))}
