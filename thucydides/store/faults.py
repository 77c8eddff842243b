"""What went wrong with a store, in one line: every database error becomes a :class:`StoreError` (T501).

SQLite reports a fault by its result code (Python 3.11 keeps it on the exception as ``sqlite_errorcode``) and
PostgreSQL by its SQLSTATE; both are mapped to a short ``fault`` slug and a sentence that says what to do.
The slugs (docs/errors.md, "T501: store faults"):

``corrupt``         a damaged page (SQLite: database disk image is malformed; PostgreSQL: XX001, XX002)
``not-a-database``  the file is no SQLite database (or is encrypted)
``read-only``       the file, its directory or the server refuses writes (a command that writes was run)
``full``            the disk, or the database's size limit, is full
``locked``          another process held the database longer than the busy timeout
``conflict``        PostgreSQL aborted a transaction to resolve a deadlock or a serialization failure (the
                    writers retry these: store/locks.py)
``cannot-open``     the file or its directory cannot be opened (a missing directory, permissions)
``io-error``        the operating system failed a read or a write
``permission``      PostgreSQL refused the role a privilege (42501)
``unavailable``     the PostgreSQL server cannot be reached, or refused the connection
``schema``          the store's schema is newer than the program, or needs an upgrade it cannot be given
``error``           any other database error (the database's own message is kept)
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from thucydides.errors import StoreError

# SQLite primary result codes (https://sqlite.org/rescode.html) -> fault
_SQLITE = {3: "cannot-open", 5: "locked", 6: "locked", 8: "read-only", 10: "io-error", 11: "corrupt", 13: "full",
           14: "cannot-open", 26: "not-a-database"}
# PostgreSQL SQLSTATE (or its class, the first two characters) -> fault
_POSTGRES = {"40P01": "conflict", "40001": "conflict", "55P03": "locked", "25006": "read-only",
             "42501": "permission", "53100": "full", "XX001": "corrupt", "XX002": "corrupt", "08": "unavailable",
             "57P": "unavailable", "53": "full"}

_ADVICE = {
    "corrupt": "the database file is corrupt; restore it from a backup, or code into a new store",
    "not-a-database": "the file is not a SQLite database (nor a postgresql:// URL)",
    "read-only": "the database is read-only and this command writes to it; give write access to the file and"
                 " its directory",
    "read-only-directory": "the database's directory is read-only, and this command writes to the database"
                           " (SQLite keeps its -wal and -shm files beside it); give write access to the directory",
    "read-only-server": "the database is read-only and this command writes to it; give the role write access",
    "full": "the disk is full; free some space and rerun (what was committed before is kept)",
    "locked": "the database is locked by another process (waited {timeout:g} s); rerun when it is done, or set"
              " THUCYDIDES_STORE_TIMEOUT to wait longer",
    "conflict": "another writer kept conflicting with this one (retried {attempts} times); rerun",
    "cannot-open": "cannot open the database file (does its directory exist and can it be read?)",
    "io-error": "the disk failed to read or write the database",
    "permission": "the PostgreSQL server refused this role the access the command needs",
    "unavailable": "cannot reach the PostgreSQL server",
    "error": "database error",
}


def database_errors() -> tuple[type[BaseException], ...]:
    """The exception classes of the database drivers in use (psycopg only once it has been imported)."""
    found: tuple[type[BaseException], ...] = (sqlite3.Error,)
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        found += (psycopg.Error,)
    return found


def fault_of(exc: BaseException) -> str:
    """The fault slug of a database exception."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is None:  # an error of the module itself (a closed connection, a misused cursor)
            return "error"
        if code == 1544:  # SQLITE_READONLY_DIRECTORY: the -shm or -journal file cannot be made
            return "read-only"
        return _SQLITE.get(code & 0xFF, "error")
    state = getattr(exc, "sqlstate", None) or ""
    if not state:  # psycopg.OperationalError without a state: the connection failed
        return "unavailable" if type(exc).__name__ == "OperationalError" else "error"
    return _POSTGRES.get(state) or _POSTGRES.get(state[:3]) or _POSTGRES.get(state[:2]) or "error"


def store_error(exc: BaseException, source: str, *, timeout: float = 30.0, attempts: int = 0) -> StoreError:
    """The :class:`StoreError` for a database exception raised on the store at ``source`` (a path, or a URL
    without its password)."""
    fault = fault_of(exc)
    engine = "SQLite" if isinstance(exc, sqlite3.Error) else "PostgreSQL"
    said = " ".join(str(exc).split()) or type(exc).__name__
    key = fault
    if fault == "read-only":
        key = "read-only-server" if engine == "PostgreSQL" else \
            "read-only-directory" if _directory_read_only(source) else fault
    advice = _ADVICE.get(key, _ADVICE["error"]).format(timeout=timeout, attempts=attempts)
    return StoreError(f"{advice} ({engine}: {said})", source=source, fault=fault)


def _directory_read_only(source: str) -> bool:
    if "://" in source:
        return False
    directory = os.path.dirname(os.path.abspath(source))
    return os.path.isdir(directory) and not os.access(directory, os.W_OK)


@contextmanager
def translated(store: Any) -> Iterator[None]:
    """Run the block; a database exception raised in it leaves as the store's :class:`StoreError`."""
    try:
        yield
    except StoreError:
        raise
    except database_errors() as exc:
        raise store_error(exc, store.where, timeout=store.timeout) from exc
