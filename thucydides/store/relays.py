"""Keep the store's relays up to date: which stored article retells which, and what it added, changed, dropped.

Every article not yet checked is compared with the articles of its story, with the stored articles of the
outlets it credits (a week either side), and with the articles whose credit to its outlet found no stored
original yet. Only pairs sharing a run of words, or one crediting the other, are aligned
(thucydides/relays). Credits to outlets with no stored original are kept as named relays with no original,
and linked when the original arrives. One transaction per update, under the store's ``articles`` lock
(store/locks.py); an update with nothing to check takes no lock.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from thucydides.relays.detect import Relay, between, names, unstored
from thucydides.relays.naming import credits, full_key, key
from thucydides.relays.record import relay_to_json
from thucydides.relays.text import Text, from_record
from thucydides.store import locks
from thucydides.store.sqlite import Store

SHINGLE_WORDS = 8  # two articles are aligned only if they share a run of this many words (or one credits the other)
NAMED_WINDOW_DAYS = 7  # a credited outlet's stored articles this many days either side are candidates


def pending(store: Store) -> bool:
    """Whether a stored article has not been checked for relays yet."""
    return store.execute("SELECT a.id FROM articles a LEFT JOIN relay_checked c ON c.article_id = a.id"
                         " WHERE c.article_id IS NULL LIMIT 1").fetchone() is not None


@locks.retried
def update(store: Store) -> int:
    """Find the relays of every article not checked yet; returns how many relays were stored."""
    if not pending(store):  # read first: a store with nothing new is not locked (nor written)
        return 0
    with store.transaction(lock=locks.ARTICLES):
        new = [r[0] for r in store.execute(
            "SELECT a.id FROM articles a LEFT JOIN relay_checked c ON c.article_id = a.id"
            " WHERE c.article_id IS NULL ORDER BY a.published, a.id")]
        if not new:
            return 0
        texts = _Texts(store)
        stored = 0
        done: set[frozenset[str]] = set()
        for article_id in new:
            text = texts.get(article_id)
            if text is None:
                continue
            for other_id in _candidates(store, texts, text):
                pair = frozenset((article_id, other_id))
                other = texts.get(other_id)
                if other is None or other_id == article_id or pair in done:
                    continue
                done.add(pair)
                if not _worth_aligning(texts, text, other):
                    continue
                relay = between(text, other)
                if relay is not None:
                    stored += _save(store, texts, relay)
            linked = {key(r[0]) for r in store.execute(
                "SELECT outlet FROM relays WHERE relay_id = ? AND original_id IS NOT NULL", (article_id,)) if r[0]}
            for relay in unstored(text, linked):
                stored += _save(store, texts, relay)
        store.executemany("INSERT INTO relay_checked(article_id) VALUES (?) ON CONFLICT DO NOTHING",
                          [(i,) for i in new])
        return stored


def rebuild(store: Store) -> int:
    """Forget every relay and look for them all again."""
    with store.transaction(lock=locks.ARTICLES):
        store.execute("DELETE FROM relays")
        store.execute("DELETE FROM relay_checked")
    update(store)
    return int(store.execute("SELECT count(*) FROM relays").fetchone()[0])


def listing(store: Store, *, kind: str | None = None, article: str | None = None,
            articles: Iterable[str] = (), limit: int | None = None) -> list[dict[str, Any]]:
    """The stored relays, newest relay first: each the JSON object `thucydides relays` prints. ``article``,
    ``articles``: only the relays of or by these articles (one query, by the indexes)."""
    wanted = sorted({*articles, *([article] if article else [])})
    where, params = ["(CAST(? AS TEXT) IS NULL OR r.kind = ?)"], [kind, kind]
    if article is not None or wanted:
        marks = ",".join("?" * len(wanted))
        where.append(f"r.id IN (SELECT id FROM relays WHERE relay_id IN ({marks})"
                     f" UNION SELECT id FROM relays WHERE original_id IN ({marks}))")
        params += wanted * 2
    sql = (f"SELECT r.record FROM relays r JOIN articles a ON a.id = r.relay_id WHERE {' AND '.join(where)}"
           " ORDER BY a.published IS NULL, a.published DESC, r.relay_id, r.id")
    rows = store.execute(sql + (f" LIMIT {int(limit)}" if limit else ""), params)
    return [json.loads(r[0]) for r in rows]


class _Texts:
    """Stored articles as relay texts, read once per update, with their runs of words."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.texts: dict[str, Text | None] = {}
        self.shingles: dict[str, set[int]] = {}
        self.outlets = {key(r[0]): r[0] for r in store.execute("SELECT DISTINCT outlet FROM articles") if r[0]}
        self.known = frozenset(full_key(name) for name in self.outlets.values())

    def get(self, article_id: str) -> Text | None:
        if article_id not in self.texts:
            row = self.store.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
            self.texts[article_id] = from_record(json.loads(row[0])) if row else None
        return self.texts[article_id]

    def runs(self, text: Text) -> set[int]:
        if text.id not in self.shingles:
            words = [w.lower() for w in text.text.split() if any(c.isalnum() for c in w)]
            self.shingles[text.id] = {hash(tuple(words[i:i + SHINGLE_WORDS]))
                                      for i in range(len(words) - SHINGLE_WORDS + 1)}
        return self.shingles[text.id]


def _candidates(store: Store, texts: _Texts, text: Text) -> Iterable[str]:
    """Articles that ``text`` may relay or be relayed by."""
    yield from (r[0] for r in store.execute(
        "SELECT b.article_id FROM story_articles a JOIN story_articles b ON a.story_id = b.story_id"
        " WHERE a.article_id = ? AND b.article_id <> ?", (text.id, text.id)))
    credited = {key(c.outlet) for c in credits(text, outlets=texts.known)}
    outlets = [name for k, name in texts.outlets.items() if any(_same(k, c) for c in credited)]
    if outlets:
        low = high = None
        if text.published:
            low = (text.published - timedelta(days=NAMED_WINDOW_DAYS)).isoformat()
            high = (text.published + timedelta(days=NAMED_WINDOW_DAYS)).isoformat() + "~"
        marks = ",".join("?" * len(outlets))
        yield from (r[0] for r in store.execute(
            f"SELECT id FROM articles WHERE outlet IN ({marks}) AND (CAST(? AS TEXT) IS NULL OR published IS NULL"
            " OR (published >= ? AND published <= ?))", (*outlets, low, low, high)))
    if text.outlet:
        for relay_id, outlet in store.execute("SELECT relay_id, outlet FROM relays WHERE original_id IS NULL"):
            if outlet and _same(key(outlet), key(text.outlet)):
                yield relay_id


def _same(a: str, b: str) -> bool:
    x, y = set(a.split()), set(b.split())
    return bool(x and y and (x <= y or y <= x))


def _worth_aligning(texts: _Texts, a: Text, b: Text) -> bool:
    if texts.runs(a) & texts.runs(b):
        return True
    return any(names(c, b) for c in credits(a)) or any(names(c, a) for c in credits(b))


def _save(store: Store, texts: _Texts, relay: Relay) -> int:
    """Store one relay, replacing the same relay found before and its unlinked credit to the same outlet."""
    if relay.original is not None:
        store.execute("DELETE FROM relays WHERE relay_id = ? AND original_id = ?", (relay.relay, relay.original))
        original = texts.get(relay.original)
        for row_id, outlet in store.execute("SELECT id, outlet FROM relays WHERE relay_id = ? AND original_id IS NULL",
                                            (relay.relay,)).fetchall():
            if outlet and original is not None and _same(key(outlet), key(original.outlet or "")):
                store.execute("DELETE FROM relays WHERE id = ?", (row_id,))
    record = relay_to_json(relay, texts.get(relay.relay), texts.get(relay.original) if relay.original else None)
    store.execute("INSERT INTO relays(relay_id, original_id, outlet, kind, similarity, day, record)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?)",
                  (relay.relay, relay.original, relay.outlet, relay.kind, relay.similarity,
                   relay.day.isoformat() if relay.day else None, json.dumps(record, ensure_ascii=False)))
    return 1
