"""Score relay detection and alignment on files of team-written pairs (tests/data/relays/*.jsonl).

Every text of a file is coded by the pipeline and stored in one temporary store, which groups stories and
finds relays as `code --db` does; the relays found are then compared with each pair's ``expected``:

- detection: a relay pair is found when the store links the relay to its original (the right way round);
  any link between the texts of a ``none`` pair, or between two pairs, is a false relay;
- kind and outlet (names compared as :func:`thucydides.relays.naming.key` does);
- added: an expected addition is found when a reported addition covers half of it (framing: any overlap),
  and right when its kind agrees; precision counts reported additions that touch an expected addition or
  change;
- changed: an expected change is found when a reported change touches its relay side; hedges separately;
- dropped: an expected dropped sentence is found when a reported drop covers half of it.

Records whose id starts with ``check-`` form the check half: their misses are never listed.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thucydides.relays.naming import key

CHECK_PREFIX = "check-"


@dataclass
class Score:
    name: str
    pairs: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def ratio(self, hit: str, total: str) -> float | None:
        return round(self.counts[hit] / self.counts[total], 3) if self.counts[total] else None

    def to_dict(self) -> dict[str, Any]:
        c = self.counts
        found = c["relay_found"]
        return {
            "file": self.name, "pairs": self.pairs,
            "relay_recall": self.ratio("relay_found", "relay_expected"),
            "relay_precision": round(found / (found + c["false_relay"]), 3) if found + c["false_relay"] else None,
            "kind_accuracy": self.ratio("kind_right", "relay_found"),
            "outlet_accuracy": self.ratio("outlet_right", "outlet_expected"),
            "added_recall": self.ratio("added_found", "added_expected"),
            "added_kind_accuracy": self.ratio("added_kind_right", "added_found"),
            "added_precision": self.ratio("added_true", "added_reported"),
            "framing_recall": self.ratio("framing_found", "framing_expected"),
            "changed_recall": self.ratio("changed_found", "changed_expected"),
            "hedge_recall": self.ratio("hedge_found", "hedge_expected"),
            "dropped_recall": self.ratio("dropped_found", "dropped_expected"),
            "dropped_precision": self.ratio("dropped_true", "dropped_reported"),
            "counts": dict(sorted(c.items())),
        }


def read_pairs(path: Path) -> list[dict[str, Any]]:
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                pairs.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {number}: not JSON ({exc.msg})") from exc
    return pairs


def found_relays(pairs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Code and store every text of ``pairs`` in a temporary store; the relays it finds, and each text by id."""
    import thucydides
    from thucydides.stories import Rule
    from thucydides.store.sqlite import Store
    from thucydides.store.relays import listing
    from thucydides.store.stories import update

    nlp = thucydides.load()
    settings = nlp.settings
    texts: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "relays.db")
        run = store.begin_run(pipeline_version="eval", settings={}, inputs=[])
        for pair in pairs:
            for side in ("original", "relay"):
                item = pair[side]
                article = nlp(item["text"], published=item["published"], outlet=item["outlet"], id=item["id"])
                texts[item["id"]] = article.text
                store.write_article(article, run, "eval")
        update(store, Rule.from_settings(settings))
        relays = listing(store)
        store.close()
    return relays, texts


def score(name: str, pairs: list[dict[str, Any]], relays: list[dict[str, Any]], texts: dict[str, str]) -> Score:
    result = Score(name=name, pairs=len(pairs))
    c = result.counts
    pair_of = {p[side]["id"]: p["id"] for p in pairs for side in ("original", "relay")}
    for relay in relays:  # a link between two pairs is a false relay
        if relay["original"] is not None and pair_of.get(relay["relay"]) != pair_of.get(relay["original"]):
            c["false_relay"] += 1
            result.misses.append(f"{pair_of.get(relay['relay'])}: a relay of {relay['original']} from another pair")
    for pair in pairs:
        expected, relay_id, original_id = pair["expected"], pair["relay"]["id"], pair["original"]["id"]
        found = next((r for r in relays if r["relay"] == relay_id and r["original"] == original_id), None)
        between = [r for r in relays if {r["relay"], r["original"]} == {relay_id, original_id}]
        miss = result.misses.append if not pair["id"].startswith(CHECK_PREFIX) else (lambda _m: None)
        if expected["kind"] == "none":
            c["false_relay"] += len(between)
            if between:
                miss(f"{pair['id']}: independent reports taken for a {between[0]['kind']} relay")
            continue
        c["relay_expected"] += 1
        if found is None:
            miss(f"{pair['id']}: the {expected['kind']} relay was not found"
                 + (" (found the wrong way round)" if between else ""))
            continue
        c["relay_found"] += 1
        c["kind_right"] += found["kind"] == expected["kind"]
        if found["kind"] != expected["kind"]:
            miss(f"{pair['id']}: kind {found['kind']}, expected {expected['kind']}")
        if expected.get("outlet"):
            c["outlet_expected"] += 1
            right = key(found.get("outlet") or "") == key(expected["outlet"])
            c["outlet_right"] += right
            if not right:
                miss(f"{pair['id']}: outlet {found.get('outlet')!r}, expected {expected['outlet']!r}")
        _spans(result, pair, found, texts, miss)
    return result


def _spans(result: Score, pair: dict[str, Any], found: dict[str, Any], texts: dict[str, str], miss: Any) -> None:
    c = result.counts
    relay_text, original_text = texts[pair["relay"]["id"]], texts[pair["original"]["id"]]
    expected = pair["expected"]
    wanted = [(_locate(relay_text, a["text"]), a) for a in expected["added"]]
    changes = [_locate(relay_text, ch["relay"]) for ch in expected["changed"]]
    for span, item in wanted:
        c["added_expected"] += 1
        framing = item["kind"] == "framing"
        c["framing_expected"] += framing
        hit = next((a for a in found["added"] if _covers(a, span, any_overlap=framing)), None)
        if hit is None:
            miss(f"{pair['id']}: added {item['kind']} not found: {item['text'][:70]!r}")
            continue
        c["added_found"] += 1
        c["framing_found"] += framing
        c["added_kind_right"] += hit["kind"] == item["kind"]
        if hit["kind"] != item["kind"]:
            miss(f"{pair['id']}: added {item['text'][:50]!r} as {hit['kind']}, expected {item['kind']}")
    for added in found["added"]:
        c["added_reported"] += 1
        true = any(_covers(added, s, any_overlap=True) for s in [w for w, _ in wanted] + changes)
        c["added_true"] += true
        if not true:
            miss(f"{pair['id']}: reported as added ({added['kind']}) but not expected: {added['text'][:70]!r}")
    for span, item in zip(changes, expected["changed"], strict=True):
        c["changed_expected"] += 1
        hedge = item["kind"] == "hedge"
        c["hedge_expected"] += hedge
        hit = next((ch for ch in found["changed"] if _covers(ch, span, any_overlap=True)), None)
        if hit is None:
            miss(f"{pair['id']}: change not found: {item['original'][:40]!r} -> {item['relay'][:40]!r}")
            continue
        c["changed_found"] += 1
        c["hedge_found"] += hedge and hit["kind"] == "hedge"
    dropped = [_locate(original_text, d) for d in expected["dropped"]]
    for span, text in zip(dropped, expected["dropped"], strict=True):
        c["dropped_expected"] += 1
        if any(_covers(d, span) for d in found["dropped"]):
            c["dropped_found"] += 1
        else:
            miss(f"{pair['id']}: dropped sentence not found: {text[:70]!r}")
    for d in found["dropped"]:
        c["dropped_reported"] += 1
        c["dropped_true"] += any(_covers(d, s, any_overlap=True) for s in dropped)


def _locate(text: str, needle: str) -> tuple[int, int]:
    at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else (-1, -1)


def _covers(item: dict[str, Any], span: tuple[int, int], *, any_overlap: bool = False) -> bool:
    """Does a reported span cover half of ``span`` (or touch it at all)?"""
    start, end = span
    if start < 0:
        return False
    overlap = min(item["end"], end) - max(item["start"], start)
    return overlap > 0 if any_overlap else overlap >= 0.5 * (end - start)
