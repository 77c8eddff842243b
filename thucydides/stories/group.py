"""Group profiles into stories in one pass, as topic detection and tracking systems do: articles are taken in date
order, and each joins the open story whose centroid (the sum of its articles' profiles) is most like it, if the
cosine reaches ``threshold``; otherwise it opens a story of its own. A story is open to articles dated within
``window_days`` of its first article: a story is one event's coverage, and a development a week later is a story
of its own.

A centroid, not the nearest article, decides, and the window counts from the first article, not the latest:
linking each article to its nearest neighbour chained 9,167 of 10,000 Reuters-21578 stories into one, and a
window that moves with the latest article let one story of company outlooks absorb 800 (docs/stories.md). An
undated article (or one dated only by month or year) may join any story, at the stricter ``undated_threshold``:
without dates, two reports of one conflict months apart share most of their rare words.

Similarities come from an inverted index (word -> story -> summed weight), so an article costs the length of its
words' postings among open stories, never a comparison with every story.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from thucydides.stories.profile import Profile


@dataclass(frozen=True, slots=True)
class Rule:
    """When an article joins a story (the settings [store] story_threshold, story_window_days,
    story_undated_threshold)."""

    threshold: float
    window_days: int
    undated_threshold: float

    @classmethod
    def from_settings(cls, settings: Any) -> Rule:
        return cls(settings.story_threshold, settings.story_window_days, settings.story_undated_threshold)


@dataclass(frozen=True, slots=True)
class Joined:
    article_id: str
    story: int
    similarity: float  # cosine with the story's centroid when it joined (1.0: it opened the story)


@dataclass(frozen=True, slots=True)
class Grouping:
    stories: tuple[tuple[str, ...], ...]  # article ids, each story in date order
    joined: tuple[Joined, ...]


def in_date_order(profiles: Iterable[Profile]) -> list[Profile]:
    """Dated articles by day then id, then the undated: the order articles are assigned in."""
    return sorted(profiles, key=lambda p: (p.day is None, p.day or date.min, p.article_id))


class Tracker:
    """The open stories' centroids, and the pass that assigns articles to them."""

    def __init__(self, rule: Rule, *, next_story: int = 1) -> None:
        self.rule = rule
        self.next_story = next_story
        self.postings: dict[str, dict[int, float]] = {}
        self.norm2: dict[int, float] = {}
        self.first_day: dict[int, date | None] = {}

    def seed(self, story: int, members: Iterable[Profile]) -> None:
        """Add stored articles of an existing story (their profiles enter its centroid)."""
        for item in members:
            self._add(story, item, self._dots(item).get(story, 0.0))
        self.next_story = max(self.next_story, story + 1)

    def assign(self, item: Profile) -> Joined:
        dots = self._dots(item)
        best, best_cosine = None, 0.0
        for story, dot in dots.items():
            first = self.first_day.get(story)
            dated = item.day is not None and first is not None
            if dated and abs((item.day - first).days) > self.rule.window_days:
                continue
            cosine = dot / math.sqrt(self.norm2[story])
            if cosine >= (self.rule.threshold if dated else self.rule.undated_threshold) and \
                    (cosine > best_cosine or (cosine == best_cosine and best is not None and story < best)):
                best, best_cosine = story, cosine
        if best is None:
            best, self.next_story = self.next_story, self.next_story + 1
            best_cosine = 1.0
        self._add(best, item, dots.get(best, 0.0))
        return Joined(item.article_id, best, round(best_cosine, 4))

    def _dots(self, item: Profile) -> dict[str, float]:
        dots: dict[int, float] = {}
        for term, weight in zip(item.terms, item.weights, strict=True):
            for story, total in self.postings.get(term, {}).items():
                dots[story] = dots.get(story, 0.0) + weight * total
        return dots

    def _add(self, story: int, item: Profile, dot: float) -> None:
        # |S + v|^2 = |S|^2 + 2 S.v + |v|^2, and |v| = 1
        self.norm2[story] = self.norm2.get(story, 0.0) + 2 * dot + 1.0
        for term, weight in zip(item.terms, item.weights, strict=True):
            stories = self.postings.setdefault(term, {})
            stories[story] = stories.get(story, 0.0) + weight
        if item.day is not None:
            first = self.first_day.get(story)
            self.first_day[story] = item.day if first is None else min(first, item.day)
        else:
            self.first_day.setdefault(story, None)


def group(profiles: Sequence[Profile], rule: Rule) -> Grouping:
    """Stories of ``profiles`` from nothing (what an empty store would hold after storing them)."""
    tracker = Tracker(rule)
    joined = tuple(tracker.assign(item) for item in in_date_order(profiles))
    members: dict[int, list[str]] = {}
    for item in joined:
        members.setdefault(item.story, []).append(item.article_id)
    return Grouping(tuple(tuple(m) for m in members.values()), joined)
