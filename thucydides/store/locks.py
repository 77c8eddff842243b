"""How several writers share one store (docs/store.md, "Concurrency").

SQLite: every write transaction begins ``IMMEDIATE``, taking the database's single write lock at once, so the
reads inside it are not overtaken by another writer; a writer that finds it taken waits up to the busy
timeout (30 s, ``THUCYDIDES_STORE_TIMEOUT``), then fails with T501 ``locked``. Readers never wait (WAL).

PostgreSQL: writers run concurrently under READ COMMITTED, and the operations that replace rows serialise
on transaction-level advisory locks, taken as the first statement of their transaction (so every later
statement sees what the previous holder committed) and released at its end:

- ``schema``: creating or upgrading the schema (the version is read again once the lock is held);
- ``articles``: shared by every article write, exclusive for the stories and relays update, which reads the
  articles and writes rows that reference them (an article rewritten under it would delete those rows);
- ``clusters``: rebuilding the clusters (``cluster`` and ``recluster``);
- one lock per article id (a hash of it): two runs writing the same article take turns, the second replacing
  the first's rows instead of failing on their keys.

A transaction PostgreSQL still aborts (a deadlock between two articles' cascading deletes, a serialization
failure) is retried, whole, with a growing random pause (:func:`retried`).
"""

from __future__ import annotations

import functools
import random
import time
import zlib
from collections.abc import Callable
from typing import Any, TypeVar

from thucydides.errors import StoreError

SCHEMA, ARTICLES, CLUSTERS = "schema", "articles", "clusters"
_KEYS = {SCHEMA: 1, ARTICLES: 2, CLUSTERS: 3}
_NAMESPACE = 0x54485543  # "THUC": the first key of the two-key advisory locks of the operations above
_ARTICLE_NAMESPACE = 0x54484152  # "THAR": the first key of the per-article locks
ATTEMPTS = 8  # tries of a transaction PostgreSQL aborts as a deadlock or a serialization failure

T = TypeVar("T")


def acquire(store: Any, name: str, *, shared: bool = False) -> None:
    """Take the lock ``name`` until the end of the current transaction (PostgreSQL; SQLite holds its write
    lock already)."""
    if store.postgres:
        function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        store.execute(f"SELECT {function}({_NAMESPACE}, {_KEYS[name]})")  # fixed integers, no input


def acquire_article(store: Any, article_id: str) -> None:
    """Take the lock of one article id until the end of the current transaction (PostgreSQL)."""
    if store.postgres:
        key = zlib.crc32(article_id.encode("utf-8", "surrogateescape"))
        key = key - 2**32 if key >= 2**31 else key  # a signed 32-bit integer
        store.execute(f"SELECT pg_advisory_xact_lock({_ARTICLE_NAMESPACE}, {key})")  # an integer, no input


def retried(work: Callable[..., T]) -> Callable[..., T]:
    """Run ``work(store, ...)`` (one whole transaction) again when PostgreSQL aborted it as a conflict, up to
    :data:`ATTEMPTS` times, pausing 0.05 s, 0.1 s, 0.2 s ... (at most 2 s), each times a random 0.5-1.5."""

    @functools.wraps(work)
    def run(store: Any, *args: Any, **kwargs: Any) -> T:
        if not store.postgres or store.in_transaction:
            return work(store, *args, **kwargs)
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return work(store, *args, **kwargs)
            except StoreError as exc:
                if exc.fault != "conflict" or attempt == ATTEMPTS:
                    raise
                time.sleep(min(2.0, 0.05 * 2 ** (attempt - 1)) * random.uniform(0.5, 1.5))  # noqa: S311
        raise AssertionError("unreachable")

    return run
