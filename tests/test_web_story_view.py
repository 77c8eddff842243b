"""The story page's pieces and relay graph (thucydides/web/story_view.py, story_graph.py) on relay objects
built by hand: no model, no store."""

from __future__ import annotations

import pytest

from thucydides.web.story_graph import relay_graph
from thucydides.web.story_view import columns

ORIGINAL = "PARIS, May 2 (Wire) - The minister will resign. Talks continue. Nobody came."
RELAY = "MOSCOW, May 3. /TASS/. The minister may supposedly resign, the Wire reported. Talks continue."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _relay(**changes):
    retold = [("The minister may supposedly resign, the Wire reported.", "The minister will resign."),
              ("Talks continue.", "Talks continue.")]
    record = {
        "relay": "b", "original": "a", "outlet": "Wire", "kind": "named", "similarity": 0.8, "day": "2025-05-02",
        "relay_outlet": "TASS", "relay_published": "2025-05-03", "original_outlet": "Wire",
        "credit": dict(zip(("start", "end"), _span(RELAY, "the Wire reported"), strict=True), cue="reported",
                       text="the Wire reported"),
        "retold": [{"start": _span(RELAY, mine)[0], "end": _span(RELAY, mine)[1], "text": mine,
                    "original_start": _span(ORIGINAL, theirs)[0], "original_end": _span(ORIGINAL, theirs)[1]}
                   for mine, theirs in retold],
        "added": [{"start": 0, "end": 22, "text": RELAY[:22], "kind": "dateline"},
                  {**dict(zip(("start", "end"), _span(RELAY, "supposedly"), strict=True)), "text": "supposedly",
                   "kind": "framing"}],
        "changed": [{**dict(zip(("start", "end"), _span(RELAY, "may"), strict=True)), "text": "may",
                     **dict(zip(("original_start", "original_end"), _span(ORIGINAL, "will"), strict=True)),
                     "original_text": "will", "kind": "hedge"}],
        "dropped": [{**dict(zip(("start", "end"), _span(ORIGINAL, "Nobody came."), strict=True)),
                     "text": "Nobody came."}],
        "coverage": 0.7,
    }
    return {**record, **changes}


ARTICLES = [{"id": "a", "outlet": "Wire", "published": "2025-05-02", "headline": "Minister to resign"},
            {"id": "b", "outlet": "TASS", "published": "2025-05-03", "headline": "Minister may resign"}]
TEXTS = {"a": ORIGINAL, "b": RELAY}


def _marked(pieces, cls):
    """The text of the pieces carrying class ``cls``, joined where they touch."""
    return "".join(p.text for p in pieces if p.kind == "text" and cls in p.classes.split())


def test_pieces_rebuild_each_text():
    cols, claims = columns(ARTICLES, TEXTS, [_relay()])
    assert claims == 2
    for col in cols:
        assert "".join(p.text for p in col.pieces if p.kind == "text") == TEXTS[col.article["id"]]


@pytest.mark.parametrize(("side", "cls", "expected"), [
    (1, "add-dateline", "MOSCOW, May 3. /TASS/."),
    (1, "add-framing", "supposedly"),
    (1, "change-hedge", "may"),
    (1, "credit", "the Wire reported"),
    (1, "claim-1", "The minister may supposedly resign, the Wire reported."),
    (1, "claim-2", "Talks continue."),
    (0, "claim-1", "The minister will resign."),
    (0, "change-hedge", "will"),
    (0, "dropped", "Nobody came."),
    (0, "add-framing", ""),  # additions are the relay's own
])
def test_marks(side, cls, expected):
    cols, _ = columns(ARTICLES, TEXTS, [_relay()])
    assert _marked(cols[side].pieces, cls) == expected


def test_badges_link_the_two_sides_and_changes_show_the_original_wording():
    original, relay = columns(ARTICLES, TEXTS, [_relay()])[0]
    badges = {p.anchor: p.href for col in (original, relay) for p in col.pieces if p.kind == "badge"}
    assert badges == {"claim-1-r": "#claim-1-o", "claim-1-o": "#claim-1-r", "claim-2-r": "#claim-2-o",
                      "claim-2-o": "#claim-2-r"}
    kinds = [p.kind for p in relay.pieces]
    was = [p for p in relay.pieces if p.kind == "was"]
    assert [(p.text, p.classes) for p in was] == [("will", "was change-hedge")]
    assert relay.pieces[kinds.index("was") - 1].text == "may"  # right after the changed word
    assert relay.summary == ("retells Wire (named, 80% of its words retold)",)
    assert original.summary == ("retold by TASS (named)",)


@pytest.mark.parametrize("changes", [
    {"added": [{"start": 80, "end": 10_000, "text": "", "kind": "background"}]},  # runs past the end: clipped
    {"added": [{"start": 5, "end": 5, "text": "", "kind": "background"}]},  # empty: left out
    {"added": [{"start": 0, "end": 6, "text": "", "kind": "<b>unknown</b>"}]},  # an unknown kind: add-other
    {"dropped": [{"start": -3, "end": 2, "text": ""}]},  # before the start: left out
])
def test_bad_offsets_and_kinds_never_lose_text(changes):
    cols, _ = columns(ARTICLES, TEXTS, [_relay(**changes)])
    for col in cols:
        assert "".join(p.text for p in col.pieces if p.kind == "text") == TEXTS[col.article["id"]]
        assert all("<" not in p.classes for p in col.pieces)


def test_relay_outside_the_story_or_of_an_original_not_stored():
    unstored = _relay(original=None, original_outlet=None, retold=[], added=[], changed=[], dropped=[])
    cols, claims = columns(ARTICLES, TEXTS, [unstored, _relay(relay="elsewhere")])
    assert claims == 0
    assert _marked(cols[1].pieces, "credit") == "the Wire reported"
    assert cols[1].summary == ("names Wire (named; not stored)",) and cols[0].summary == ()


def test_graph_arrows_and_missing_outlets():
    unstored = _relay(original=None, outlet="Wall Street Journal", day=None, retold=[])
    graph = relay_graph(ARTICLES, [_relay(), unstored, _relay(relay="elsewhere")])
    stored = [n for n in graph["nodes"] if n["stored"]]
    missing = [n for n in graph["nodes"] if not n["stored"]]
    assert [(n["outlet"], n["date"]) for n in stored] == [("Wire", "2025-05-02"), ("TASS", "2025-05-03")]
    assert [(n["outlet"], n["date"]) for n in missing] == [("Wall Street Journal", "not stored")]
    assert stored[0]["x"] < stored[1]["x"]  # in date order
    assert missing[0]["y"] > stored[0]["y"]  # below the row of articles
    arcs = [(e["original"], e["relay"], e["kind"], e["dashed"]) for e in graph["edges"]]
    assert arcs == [("a", "b", "named", False), (None, "b", "named", True)]
    first = graph["edges"][0]["path"]
    assert first.startswith(f"M{stored[0]['cx'] + 10:.1f},")  # from the original ...
    assert first.endswith(f"{stored[1]['cx'] - 10:.1f},{stored[1]['y']:.1f}")  # ... to the relay
    assert all(0 < n["x"] and n["x"] + graph["node_width"] < graph["width"] for n in graph["nodes"])
    assert all(0 < n["y"] and n["y"] + graph["node_height"] < graph["height"] for n in graph["nodes"])


def test_graph_of_one_article_without_relays():
    graph = relay_graph(ARTICLES[:1], [])
    assert len(graph["nodes"]) == 1 and graph["edges"] == []
