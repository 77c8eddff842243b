"""Creating and upgrading a store's schema (``schema.sql``; the version is kept in ``meta``).

The script only creates what is missing, so it upgrades every older version; versions 1-2 also get the date
intervals of their events (version 3). The upgrade is one transaction under the ``schema`` lock
(store/locks.py): two processes opening a new or old store at once upgrade it once, the second finding the
work done when it gets the lock. A read-only store (``Store(..., read_only=True)``) that needs upgrading is
upgraded through a writable connection first; when none can be had, opening it fails with T501 and says so.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from importlib import resources
from typing import Any

from thucydides.errors import StoreError
from thucydides.filters import event_interval
from thucydides.store import locks


def version(store: Any) -> int:
    """The schema version of the store (0: an empty database)."""
    if store.postgres:
        exists = store.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]
    else:
        exists = store.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
                               ).fetchone()[0]
    found = store.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if exists else None
    return int(found[0]) if found else 0


def prepare(store: Any, latest: int) -> None:
    """Check the store's schema, upgrading it to ``latest`` when it is older; a PostgreSQL store opened read-only
    is made so afterwards (``default_transaction_read_only``)."""
    found = version(store)
    _refuse_newer(store, found, latest)
    if found < latest:
        if store.read_only and not store.postgres:
            _upgrade_elsewhere(store, found, latest)
        else:
            upgrade(store, latest)
    if store.read_only and store.postgres:
        store.execute("SET default_transaction_read_only = on")


def _refuse_newer(store: Any, found: int, latest: int) -> None:
    if found > latest:
        raise StoreError(f"schema version {found} is newer than this program's ({latest}): upgrade thucydides",
                         source=store.where, fault="schema")


def _upgrade_elsewhere(store: Any, found: int, latest: int) -> None:
    """Upgrade a SQLite store opened read-only through a writable connection of its own."""
    from thucydides.store.sqlite import Store

    try:
        Store(store.path).close()
    except StoreError as exc:
        raise StoreError(f"the store has schema version {found} and must be upgraded to {latest} before it can be"
                         f" read, which needs write access: {exc.message}", source=store.where,
                         fault=exc.fault) from exc


def upgrade(store: Any, latest: int) -> None:
    script = resources.files("thucydides").joinpath("store", "schema.sql").read_text("utf-8")
    with store.transaction(lock=locks.SCHEMA):
        found = version(store)  # again: another process may have upgraded it while this one waited for the lock
        _refuse_newer(store, found, latest)
        if found == latest:
            return
        if 0 < found < 3:
            _add_date_intervals(store)
        if store.postgres:
            store.conn.execute(postgres_schema(script))
        else:  # statement by statement: executescript would commit the transaction first
            for statement in _statements(script):
                store.conn.execute(statement)
        if 0 < found < 3:
            _fill_date_intervals(store)
        store.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)"
                      " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(latest),))


def _statements(script: str) -> Iterator[str]:
    """The statements of a SQLite script (a trigger's body, with its own semicolons, stays whole)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""


def _add_date_intervals(store: Any) -> None:
    """Version 3 adds events.date_start and date_end (created by the script in a new store)."""
    if store.postgres:
        rows = store.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
                             " AND table_schema = current_schema()").fetchall()
    else:
        rows = [(row[1],) for row in store.execute("PRAGMA table_info(events)").fetchall()]
    have = {row[0] for row in rows}
    for column in ("date_start", "date_end"):
        if have and column not in have:
            store.execute(f"ALTER TABLE events ADD COLUMN {column} TEXT")  # fixed names, no input


def _fill_date_intervals(store: Any) -> None:
    """Fill the new columns of a version 1-2 store, and undo the run's date given to an undated article's
    events before version 3: an event dated only by its report (precision ``report``) in an article with
    no publication date was dated the day of the run, which it now is not (date NULL, precision unknown)."""
    rows = store.execute(
        "SELECT e.id, e.date, e.date_precision, a.published, e.record FROM events e"
        " JOIN articles a ON a.id = e.article_id").fetchall()
    updates = []
    for event_id, when, precision, published, record in rows:
        if published is None and precision == "report":
            event = json.loads(record)
            event.update(date=None, date_precision="unknown")
            updates.append((None, "unknown", None, None, json.dumps(event, ensure_ascii=False), event_id))
            continue
        interval = event_interval(when, precision, published=published) or (None, None)
        updates.append((when, precision, *interval, record, event_id))
    store.executemany("UPDATE events SET date = ?, date_precision = ?, date_start = ?, date_end = ?, record = ?"
                      " WHERE id = ?", updates)


def postgres_schema(script: str) -> str:
    """The SQLite schema in PostgreSQL's dialect: serial keys, float type, and the article search's own
    structures (the SQLite-only block between ``-- sqlite only {`` and ``-- sqlite only }`` dropped, the
    ``-- postgres:`` lines kept as statements)."""
    script = re.sub(r"^-- sqlite only \{$.*?^-- sqlite only \}$", "", script, flags=re.DOTALL | re.MULTILINE)
    script = re.sub(r"^-- postgres: ", "", script, flags=re.MULTILINE)
    script = script.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY")
    script = script.replace("CREATE VIEW IF NOT EXISTS", "CREATE OR REPLACE VIEW")
    return re.sub(r"\bREAL\b", "DOUBLE PRECISION", script)
