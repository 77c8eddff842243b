"""Score story grouping on files of articles labelled with the story they report (``cluster_id``), such as the
shared BASIL triplets and the Helsinki-summit scrape.

- purity: each found story counts its most common labelled story; the share of articles so counted.
- completeness (inverse purity): each labelled story counts its most common found story.
- adjusted Rand index: agreement on every pair of articles, 0 for chance, 1 for identical groupings.

Each file is grouped as a whole (as a store holding only that file would be), then scored on the whole and on
its two halves (by a hash of the labelled story; a file with one story is halved by article id). Failures are
listed for the tune half only.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from thucydides.evaluation.events import half_of
from thucydides.stories import Profile, Rule, group, profile


@dataclass(frozen=True, slots=True)
class Labelled:
    profile: Profile
    story: str
    half: str
    headline: str


@dataclass(frozen=True, slots=True)
class Agreement:
    articles: int
    found: int  # stories found
    labelled: int  # stories in the labels
    purity: float
    completeness: float
    rand: float | None  # adjusted Rand index (None with one labelled story: it is 0 whatever the grouping)

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "stories_found": self.found, "stories_labelled": self.labelled,
                "purity": self.purity, "completeness": self.completeness, "adjusted_rand": self.rand}


@dataclass
class StoryScores:
    name: str
    whole: Agreement
    halves: dict[str, Agreement]
    misses: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.name, **self.whole.to_dict(), "halves": {k: v.to_dict() for k, v in self.halves.items()}}

    def summary(self) -> str:
        lines = [f"{self.name}: {self.whole.articles} articles, {self.whole.labelled} labelled stories,"
                 f" {self.whole.found} found"]
        for label, value in (("all", self.whole), *self.halves.items()):
            rand = "n/a" if value.rand is None else f"{value.rand:.3f}"
            lines.append(f"  {label:<6} purity {value.purity:.3f}  completeness {value.completeness:.3f}"
                         f"  adjusted Rand {rand}  ({value.articles} articles)")
        return "\n".join(lines)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def load_labelled(path: Path) -> list[Labelled]:
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    several = len({r["cluster_id"] for r in records}) > 1
    return [Labelled(profile(str(r["id"]), r.get("text") or "", headline=r.get("title"), day=_day(r.get("date")),
                             outlet=r.get("outlet")),
                     str(r["cluster_id"]), half_of(str(r["cluster_id"] if several else r["id"])),
                     (r.get("title") or (r.get("text") or "")[:80]).splitlines()[0] if (r.get("title") or r.get("text"))
                     else "")
            for r in records]


def agreement(found: Sequence[str], labelled: Sequence[str]) -> Agreement:
    """Purity, completeness and adjusted Rand of one grouping (``found[i]``, ``labelled[i]``: article i's
    story ids)."""
    n = len(found)
    if n == 0:
        return Agreement(0, 0, 0, 0.0, 0.0, 0.0)

    def majority(by: Sequence[str], of: Sequence[str]) -> int:
        counts: dict[str, Counter[str]] = {}
        for key, value in zip(by, of, strict=True):
            counts.setdefault(key, Counter())[value] += 1
        return sum(c.most_common(1)[0][1] for c in counts.values())

    def pairs(count: int) -> float:
        return count * (count - 1) / 2

    both = sum(pairs(c) for c in Counter(zip(found, labelled, strict=True)).values())
    left = sum(pairs(c) for c in Counter(found).values())
    right = sum(pairs(c) for c in Counter(labelled).values())
    expected = left * right / pairs(n) if n > 1 else 0.0
    most = (left + right) / 2
    rand = None if len(set(labelled)) < 2 else 1.0 if most == expected else (both - expected) / (most - expected)
    return Agreement(n, len(set(found)), len(set(labelled)), round(majority(found, labelled) / n, 3),
                     round(majority(labelled, found) / n, 3), None if rand is None else round(rand, 3))


def score(path: Path, rule: Rule) -> StoryScores:
    items = load_labelled(path)
    grouping = group([item.profile for item in items], rule)
    story_of = {article: str(number) for number, story in enumerate(grouping.stories) for article in story}
    found = [story_of[item.profile.article_id] for item in items]
    labels = [item.story for item in items]
    halves = {}
    for half in ("tune", "check"):
        keep = [i for i, item in enumerate(items) if item.half == half]
        halves[half] = agreement([found[i] for i in keep], [labels[i] for i in keep])
    return StoryScores(path.name, agreement(found, labels), halves, _misses(items, found))


def _misses(items: Sequence[Labelled], found: Sequence[str]) -> list[str]:
    """Tune-half articles whose found story mixes labelled stories or splits their own."""
    majority_found = {}
    for label in {item.story for item in items}:
        majority_found[label] = Counter(f for f, item in zip(found, items, strict=True)
                                        if item.story == label).most_common(1)[0][0]
    out = []
    for item, story in zip(items, found, strict=True):
        if item.half == "tune" and majority_found[item.story] != story:
            out.append(f"split off: {item.profile.article_id} [{item.profile.outlet}] {item.headline[:70]!r}")
    for story in sorted(set(found)):
        labels = {item.story for item, f in zip(items, found, strict=True) if f == story and item.half == "tune"}
        if len(labels) > 1:
            out.append(f"merged: found story {story} holds labelled stories {', '.join(sorted(labels))}")
    return out
