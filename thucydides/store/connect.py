"""Opening a store's connection: SQLite (read-write or read-only) or PostgreSQL.

Read-only SQLite uses a ``file:...?mode=ro`` URI and ``PRAGMA query_only``. A WAL database needs its
``-shm`` file even to be read; in a directory that cannot be written, with no ``-wal`` file left by a
writer, the database is read as ``immutable`` instead (nothing can be writing it: a writer needs that
directory too). SQLite waits for a lock up to :func:`busy_timeout` seconds.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from thucydides.errors import StoreError

DEFAULT_TIMEOUT = 30.0  # seconds a SQLite connection waits for another's lock


def busy_timeout() -> float:
    """Seconds to wait for a lock: ``THUCYDIDES_STORE_TIMEOUT`` if set, else 30."""
    value = os.environ.get("THUCYDIDES_STORE_TIMEOUT", "").strip()
    if not value:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86_400:
        raise StoreError(f"THUCYDIDES_STORE_TIMEOUT={value!r} is not a number of seconds from 0 to 86400",
                         fault="error")
    return seconds


def open_sqlite(path: str, *, read_only: bool, timeout: float) -> sqlite3.Connection:
    if not read_only:
        # isolation_level None: no implicit transactions; Store.transaction() begins them, IMMEDIATE
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # readers (the web pages) never block the writer
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
        except BaseException:
            conn.close()
            raise
        return conn
    uri = Path(path).absolute().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the WAL index (-shm) now
    except sqlite3.OperationalError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorcode", 0) != 1544 or _has_wal(path):  # 1544: SQLITE_READONLY_DIRECTORY
            raise
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=timeout, isolation_level=None)
    conn.execute("PRAGMA query_only=ON")
    return conn


def _has_wal(path: str) -> bool:
    try:
        return os.path.getsize(path + "-wal") > 0
    except OSError:
        return False


def open_postgres(url: str) -> Any:
    import psycopg

    # autocommit: every write happens inside an explicit transaction() block
    return psycopg.connect(url, autocommit=True)
