"""Aggregates kept between requests while the store is unchanged: the counts of the home page, the network's
edges, the places, the actors, where claims come from. Each is a scan of every matching event (some 100-400 ms
at 100,000 events); a page asks for the same ones again and again while nothing is written.

A SQLite store is unchanged while its file and its write-ahead log keep their size and modification time (any
commit, by this server or by ``thucydides code --db`` running beside it, writes the log, and a checkpoint the
file); the first request after a write computes afresh. PostgreSQL stores are not cached (no such cheap sign of
a write).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Aggregates:
    """At most ``size`` results, the least recently used dropped first, all dropped when the store changes.
    Results are shared between requests: callers must not change them."""

    def __init__(self, target: str, *, size: int = 64) -> None:
        self.path = None if target.startswith(("postgresql://", "postgres://")) else target
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._stamp: tuple[int, ...] | None = None
        self._lock = threading.Lock()

    def stamp(self) -> tuple[int, ...] | None:
        """The size and modification time of the database file and its log, or None (not cacheable)."""
        if self.path is None:
            return None
        parts: list[int] = []
        for path in (self.path, self.path + "-wal"):
            try:
                info = os.stat(path)
            except OSError:
                info = None
            # an empty log is no log: each connection creates one and the last to close removes it
            parts += [info.st_size, info.st_mtime_ns] if info and info.st_size else [-1, -1]
        return tuple(parts)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The result for ``key``, computed by ``compute()`` when the store changed or it is not kept."""
        stamp = self.stamp()
        if stamp is None:
            return compute()
        with self._lock:
            if stamp != self._stamp:
                self._items.clear()
                self._stamp = stamp
            elif key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            if self._stamp == stamp:
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value


def key(name: str, filters: dict[str, str] | None = None, *rest: Hashable) -> Hashable:
    """A cache key: the aggregate's name, the filters as given (before checking) and any other arguments."""
    return (name, tuple(sorted((filters or {}).items())), *rest)
