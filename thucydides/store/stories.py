"""Keep the store's stories up to date: put the stored articles no story holds yet into stories.

The open stories (those whose first article is within the window of a new article's day; every story when a
new article is undated) are rebuilt from their articles' stored profiles, and the new articles are assigned in
date order (thucydides/stories/group.py). Articles stored in date order get the stories a full regrouping
(:func:`rebuild`) gives; an article older than stories already built joins them as it finds them. One
transaction per update, so a crash leaves the stories as they were; it holds the store's ``articles`` lock
(store/locks.py), so no article is rewritten under it, and an update with nothing to do takes no lock at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from thucydides.stories.group import Rule, Tracker, in_date_order
from thucydides.stories.profile import Profile, profile
from thucydides.store import locks, relays
from thucydides.store.sqlite import Store

_COARSE = ("month", "year")  # published_precision values that give no day
# a story's articles, earliest first (undated last)
_MEMBERS = ("SELECT a.id, a.outlet, a.published, a.headline FROM story_articles s JOIN articles a"
            " ON a.id = s.article_id WHERE s.story_id = ? ORDER BY a.published IS NULL, a.published, a.id")


def _day(published: str | None, precision: str | None) -> date | None:
    """The day an article is dated, or None when it is undated or dated only by month or year."""
    if not published or precision in _COARSE or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _ungrouped(store: Store) -> list[Profile]:
    rows = store.execute(
        "SELECT a.id, a.text, a.headline, a.published, a.published_precision, a.outlet FROM articles a"
        " LEFT JOIN story_articles s ON s.article_id = a.id WHERE s.article_id IS NULL")
    return in_date_order(profile(r[0], r[1], headline=r[2], day=_day(r[3], r[4]), outlet=r[5]) for r in rows)


def _open_stories(store: Store, new: list[Profile], window_days: int) -> dict[int, list[Profile]]:
    """The stored stories a new article may join, with their articles' profiles."""
    sql = ("SELECT s.story_id, a.id, a.published, a.published_precision, a.outlet, s.profile FROM story_articles s"
           " JOIN articles a ON a.id = s.article_id")
    days = [p.day for p in new if p.day]
    if len(days) < len(new):
        rows = store.execute(sql)
    else:
        low = (min(days) - timedelta(days=window_days + 1)).isoformat()
        high = (max(days) + timedelta(days=window_days + 1)).isoformat()
        rows = store.execute(sql + " WHERE s.story_id IN (SELECT id FROM stories WHERE first_date IS NULL"
                             " OR length(first_date) < 10 OR (first_date >= ? AND first_date <= ?))", (low, high + "~"))
    stories: dict[int, list[Profile]] = {}
    for story, article_id, published, precision, outlet, terms in rows:
        pairs = json.loads(terms)
        stories.setdefault(story, []).append(Profile(article_id, _day(published, precision), outlet,
                                                     tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)))
    return stories


def pending(store: Store) -> bool:
    """Whether :func:`update` has work: a stored article in no story yet, or not yet checked for relays."""
    return _any_ungrouped(store) or relays.pending(store)


def _any_ungrouped(store: Store) -> bool:
    return store.execute("SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id"
                         " WHERE s.article_id IS NULL LIMIT 1").fetchone() is not None


def update(store: Store, rule: Rule) -> int:
    """Put every stored article that no story holds yet into a story, then look for the relays among the new
    articles (store/relays.py); returns how many articles were placed."""
    placed = _group(store, rule)
    relays.update(store)
    return placed


@locks.retried
def _group(store: Store, rule: Rule) -> int:
    if not _any_ungrouped(store):  # read first: a store with nothing new is not locked (nor written)
        return 0
    with store.transaction(lock=locks.ARTICLES):
        new = _ungrouped(store)
        if not new:
            return 0
        tracker = Tracker(rule, next_story=int(store.execute("SELECT coalesce(max(id), 0) FROM stories")
                                                .fetchone()[0]) + 1)
        for story, members in sorted(_open_stories(store, new, rule.window_days).items()):
            tracker.seed(story, in_date_order(members))
        joined = [tracker.assign(item) for item in new]
        store.executemany("INSERT INTO story_articles(article_id, story_id, similarity, profile) VALUES (?, ?, ?, ?)",
                          [(item.article_id, j.story, j.similarity,
                            json.dumps([[t, round(w, 5)] for t, w in zip(item.terms, item.weights, strict=True)]))
                           for item, j in zip(new, joined, strict=True)])
        _summarise(store, {j.story for j in joined} | _shrunk(store))
        return len(new)


def rebuild(store: Store, rule: Rule) -> int:
    """Forget every story and group all stored articles again; returns the number of stories."""
    with store.transaction(lock=locks.ARTICLES):
        store.execute("DELETE FROM story_articles")
        store.execute("DELETE FROM stories")
    update(store, rule)
    return int(store.execute("SELECT count(*) FROM stories").fetchone()[0])


def _shrunk(store: Store) -> set[int]:
    """Stories that lost articles since they were summarised: an article recoded (deleted and written again)
    leaves its story, and may join another when it is grouped again."""
    return {r[0] for r in store.execute(
        "SELECT s.id FROM stories s LEFT JOIN (SELECT story_id, count(*) AS n FROM story_articles GROUP BY story_id)"
        " m ON m.story_id = s.id WHERE coalesce(m.n, 0) <> s.num_articles")}


def _summarise(store: Store, ids: Iterable[int]) -> None:
    for story in sorted(ids):
        rows = store.execute(_MEMBERS, (story,)).fetchall()
        if not rows:  # every article of the story was recoded into others
            store.execute("DELETE FROM stories WHERE id = ?", (story,))
            continue
        dates = [r[2] for r in rows if r[2]]
        store.execute("INSERT INTO stories(id, first_date, last_date, num_articles, num_outlets, headline)"
                      " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET first_date = excluded.first_date,"
                      " last_date = excluded.last_date, num_articles = excluded.num_articles,"
                      " num_outlets = excluded.num_outlets, headline = excluded.headline",
                      (story, min(dates) if dates else None, max(dates) if dates else None, len(rows),
                       len({r[1] or r[0] for r in rows}), rows[0][3] if rows else None))


def listing(store: Store, *, min_articles: int = 1, limit: int | None = None) -> list[dict[str, Any]]:
    """Stories with their articles, newest first; ``min_articles`` leaves out smaller stories."""
    sql = ("SELECT id, first_date, last_date, num_articles, num_outlets, headline FROM stories"
           " WHERE num_articles >= ? ORDER BY last_date IS NULL, last_date DESC, id")
    stories = store.execute(sql + (f" LIMIT {int(limit)}" if limit else ""), (min_articles,)).fetchall()
    out = []
    for story_id, first, last, count, outlets, headline in stories:
        members = store.execute(_MEMBERS, (story_id,)).fetchall()
        out.append({"story": story_id, "first_date": first, "last_date": last, "num_articles": count,
                    "num_outlets": outlets, "headline": headline,
                    "articles": [{"id": m[0], "outlet": m[1], "published": m[2], "headline": m[3]} for m in members]})
    return out
