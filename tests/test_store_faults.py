"""SQLite faults (issue 18 part 5): every command facing a corrupt, read-only, full or locked store ends with exit
status 3 and one T501 line naming the file and the fault, never a traceback; the commands that only read
(stats, query, export) open the store read-only and still read what they can.

Each cell runs the real command in its own process. Read-only cells need a user the file system refuses: as
root (who may write anything) they run as ``nobody``, through setpriv. A full disk is SQLite's own limit:
``PRAGMA max_page_count`` set to the database's size, so any write that needs a new page fails with
SQLITE_FULL, the code a full disk gives (the launcher below sets it when THUCYDIDES_TEST_FULL is set).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import SAMPLES, coded_article

SAMPLE = SAMPLES / "05_reuters_grain_ship.txt"  # long enough that its record needs new pages
LAUNCHER = """
import os, sqlite3
if os.environ.get("THUCYDIDES_TEST_FULL"):
    _connect = sqlite3.connect
    def connect(*args, **kwargs):
        conn = _connect(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn
    sqlite3.connect = connect
from thucydides.cli import main
main()
"""
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
READERS = ("stats", "query", "export")
WRITERS = ("code", "cluster", "stories", "relays")
COMMANDS = READERS + WRITERS


def _arguments(command: str, db: str) -> list[str]:
    return {
        "code": ["code", str(SAMPLE), "--db", db, "--recode", "-q"],
        "stats": ["stats", "--db", db],
        "query": ["query", "--db", db, "--format", "json"],
        "export": ["export", "--db", db, "--format", "csv"],
        "stories": ["stories", "--db", db],
        "relays": ["relays", "--db", db],
        "cluster": ["cluster", "--db", db],
    }[command]


@pytest.fixture(scope="module")
def base_store(tmp_path_factory) -> Path:
    """A store of 300 hand-built articles whose stories, relays and clusters are yet to be built, packed
    (VACUUM): every writing command needs new pages, so a full disk stops it."""
    path = tmp_path_factory.mktemp("faults") / "base.db"
    from thucydides.store import Store

    with Store(path) as store:
        run = store.begin_run(pipeline_version="t", settings={}, inputs=[])
        for n in range(300):
            day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
            store.write_article(coded_article(f"a{n}", day, [(day, "day")] * 2, source=f"S{n % 17:02d}",
                                              outlet=f"Outlet {n % 5}"), run, "t")
    with sqlite3.connect(path) as conn:
        for table in ("story_articles", "stories", "relays", "relay_checked", "event_clusters", "clusters"):
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
    with sqlite3.connect(path) as conn:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _roots(db: Path) -> tuple[int, list[int]]:
    with sqlite3.connect(db) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        roots = [r for name, r in conn.execute("SELECT name, rootpage FROM sqlite_master WHERE rootpage > 0")
                 if "meta" not in name]
    return size, roots


def corrupt_pages(db: Path) -> None:
    """Garbage over the first page of every table and index but meta: the store opens, every read fails."""
    size, roots = _roots(db)
    with open(db, "r+b") as f:
        for root in roots:
            f.seek((root - 1) * size)
            f.write(b"\xde\xad\xbe\xef" * (size // 4))


def corrupt_middle(db: Path) -> None:
    """Garbage over the middle third of the file, as a failing disk or a stray write leaves it."""
    length = db.stat().st_size
    with open(db, "r+b") as f:
        f.seek(length // 3)
        f.write(b"\x5a\xa5" * (length // 6))


def not_a_database(db: Path) -> None:
    db.write_bytes(b"this is a text file, not a database\n" * 200)


# fault -> (how to make it, the commands that fail, a phrase of the T501 line)
FAULTS = {
    "corrupt-pages": (corrupt_pages, COMMANDS, "the database file is corrupt"),
    "corrupt-middle": (corrupt_middle, COMMANDS, "the database file is corrupt"),
    "not-a-database": (not_a_database, COMMANDS, "not a SQLite database"),
    "read-only-file": (None, WRITERS, "the database is read-only"),
    "read-only-directory": (None, WRITERS, "directory is read-only"),
    "full": (None, WRITERS, "the disk is full"),
    "locked": (None, COMMANDS, "locked by another process"),
    "write-locked": (None, WRITERS, "locked by another process"),  # WAL: readers go on reading
}


def _as_nobody_works(directory: Path) -> bool:
    probe = subprocess.run([*NOBODY, sys.executable, "-c", "import thucydides.cli"], cwd=directory,
                           capture_output=True, timeout=120, env={**os.environ, "HOME": str(directory)})
    return probe.returncode == 0


def _hold_lock(db: Path, *, exclusive: bool) -> sqlite3.Connection:
    """Another connection holding the database: every reader and writer (``exclusive``: locking mode
    EXCLUSIVE, no WAL index shared), or the write lock only."""
    holder = sqlite3.connect(db, isolation_level=None)
    if exclusive:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE" if exclusive else "BEGIN IMMEDIATE")
    holder.execute("INSERT INTO meta(key, value) VALUES ('held', 'by a test')")
    return holder


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_store_fault_is_one_t501_line(base_store, fault, command):
    make, failing, phrase = FAULTS[fault]
    work = Path(tempfile.mkdtemp(prefix="thucydides-fault-"))  # under /tmp: reachable by nobody
    os.chmod(work, 0o755)
    folder = work / "store"
    folder.mkdir()
    db = folder / "t.db"
    shutil.copyfile(base_store, db)
    env = {**os.environ, "THUCYDIDES_STORE_TIMEOUT": "0.3", "HOME": str(work)}
    prefix: list[str] = []
    holder = None
    try:
        if make is not None:
            make(db)
        if fault.startswith("read-only"):
            if os.geteuid() == 0:
                if not shutil.which("setpriv") or not _as_nobody_works(work):
                    pytest.skip("running as root, and nobody cannot run this Python (root ignores permissions)")
                prefix = NOBODY
            db.chmod(0o444)
            folder.chmod(0o555 if fault == "read-only-directory" else 0o777)
        if fault == "full":
            env["THUCYDIDES_TEST_FULL"] = "1"
        if fault in ("locked", "write-locked"):
            holder = _hold_lock(db, exclusive=fault == "locked")
        result = subprocess.run([*prefix, sys.executable, "-c", LAUNCHER, *_arguments(command, str(db))],
                                capture_output=True, text=True, timeout=300, cwd=work, env=env)
    finally:
        if holder is not None:
            holder.close()
        folder.chmod(0o755)
        shutil.rmtree(work, ignore_errors=True)
    assert "Traceback" not in result.stderr, result.stderr
    if command not in failing:  # a command that only reads reads a read-only, full or write-locked store
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip()
        return
    assert result.returncode == 3, (result.returncode, result.stdout, result.stderr)
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"thucydides: {db}: ") and last.endswith("[T501 store]"), last
    assert phrase in last, last


def test_the_json_fatal_line_names_the_fault(tmp_path):
    db = tmp_path / "t.db"
    not_a_database(db)
    result = subprocess.run([sys.executable, "-c", LAUNCHER, "code", str(SAMPLE), "--db", str(db), "--log-format",
                             "json"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 3
    (line,) = [json.loads(x) for x in result.stderr.splitlines()]
    assert (line["type"], line["code"], line["reason"], line["fault"], line["exit"]) == \
        ("fatal", "T501", "store", "not-a-database", 3)


def test_code_stops_at_a_full_disk_mid_run_and_keeps_what_it_wrote(base_store, tmp_path):
    """The store fills while articles are written: the summary, then the T501 line; the articles written
    before it are kept, and the run row stays open (as after kill -9) for the rerun to resume."""
    db = tmp_path / "t.db"
    shutil.copyfile(base_store, db)
    inputs = [str(p) for p in sorted(SAMPLES.glob("0[5-9]_*.txt"))]
    result = subprocess.run([sys.executable, "-c", LAUNCHER, "code", *inputs, "--db", str(db)],
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "THUCYDIDES_TEST_FULL": "1"})
    assert result.returncode == 3 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert "articles coded" in result.stderr and "the disk is full" in lines[-1] and "[T501 store]" in lines[-1]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] < 300 + len(inputs)
        assert conn.execute("SELECT finished FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0] is None
    rerun = subprocess.run([sys.executable, "-c", LAUNCHER, "code", *inputs, "--db", str(db), "-q"],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 300 + len(inputs)


@pytest.mark.parametrize("target", ["file", "stdout"])
def test_output_on_a_full_disk_is_a_t502_line(tmp_path, target):
    """`code -o FILE` (and standard output) on a full disk: /dev/full answers every write with ENOSPC."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    db = tmp_path / "t.db"
    args = [sys.executable, "-c", LAUNCHER, "code", str(SAMPLE), "--db", str(db), "--format", "jsonl"]
    if target == "file":
        result = subprocess.run([*args, "-o", "/dev/full"], capture_output=True, text=True, timeout=300)
    else:
        with open("/dev/full", "w") as full:
            result = subprocess.run(args, stdout=full, stderr=subprocess.PIPE, text=True, timeout=300)
    assert result.returncode == 3 and "Traceback" not in result.stderr, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    where = "/dev/full" if target == "file" else "standard output"
    assert last == f"thucydides: {where}: cannot write the output: No space left on device [T502 output]"
    with sqlite3.connect(db) as conn:  # the store was written and its run closed all the same
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert conn.execute("SELECT finished FROM runs").fetchone()[0] is not None


def test_export_to_a_full_disk_is_a_t502_line(base_store, tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    db = tmp_path / "t.db"
    shutil.copyfile(base_store, db)
    result = subprocess.run([sys.executable, "-c", LAUNCHER, "export", "--db", str(db), "--format", "csv", "-o",
                             "/dev/full"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 3 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith("No space left on device [T502 output]")


# -- read-only opening -------------------------------------------------------------------------------------------
def test_reading_commands_open_the_store_read_only(base_store, tmp_path, monkeypatch):
    """stats, query and export never write: not even a file beside the database when it is read-only."""
    import thucydides.store.connect as connect

    opened: list[bool] = []
    real = connect.open_sqlite

    def spy(path, *, read_only, timeout):  # noqa: ANN001, ANN202
        opened.append(read_only)
        return real(path, read_only=read_only, timeout=timeout)

    monkeypatch.setattr(connect, "open_sqlite", spy)
    from click.testing import CliRunner

    from thucydides.cli import main

    db = tmp_path / "t.db"
    shutil.copyfile(base_store, db)
    for args in (["stats"], ["query", "--format", "json"], ["export", "--format", "csv"]):
        opened.clear()
        result = CliRunner().invoke(main, [*args, "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert opened == [True], args
    opened.clear()
    assert CliRunner().invoke(main, ["cluster", "--db", str(db)]).exit_code == 0
    assert opened == [False]
    # stories: read-only when nothing is new; writable only to update
    opened.clear()
    assert CliRunner().invoke(main, ["stories", "--db", str(db)]).exit_code == 0
    assert opened == [True, False]
    opened.clear()
    assert CliRunner().invoke(main, ["stories", "--db", str(db)]).exit_code == 0
    assert CliRunner().invoke(main, ["relays", "--db", str(db)]).exit_code == 0
    assert opened == [True, True]


def test_a_read_only_store_opened_read_only_cannot_be_written(base_store, tmp_path):
    from thucydides.errors import StoreError
    from thucydides.store import Store

    db = tmp_path / "t.db"
    shutil.copyfile(base_store, db)
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 300
        with pytest.raises(StoreError) as caught:
            with store.transaction():
                store.execute("DELETE FROM articles")
    assert caught.value.fault == "read-only"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 300


def test_a_read_only_open_upgrades_an_older_schema_first(base_store, tmp_path):
    from thucydides.store import SCHEMA_VERSION, Store

    db = tmp_path / "t.db"
    shutil.copyfile(base_store, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 300
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == \
            str(SCHEMA_VERSION)


def test_a_read_only_open_of_an_old_store_that_cannot_be_upgraded_says_so(base_store, tmp_path, monkeypatch):
    """The writable connection the upgrade needs is refused (simulated: root may write anything): T501,
    naming the versions and the fault."""
    import thucydides.store.connect as connect
    from thucydides.errors import StoreError
    from thucydides.store import SCHEMA_VERSION, Store

    db = tmp_path / "t.db"
    shutil.copyfile(base_store, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    real = connect.open_sqlite

    def read_only_disk(path, *, read_only, timeout):  # noqa: ANN001, ANN202
        conn = real(path, read_only=read_only, timeout=timeout)
        if not read_only:
            conn.execute("PRAGMA query_only=ON")  # every write fails as on a read-only file: SQLITE_READONLY
        return conn

    monkeypatch.setattr(connect, "open_sqlite", read_only_disk)
    with pytest.raises(StoreError) as caught:
        Store(db, read_only=True)
    message = str(caught.value)
    assert f"schema version 4 and must be upgraded to {SCHEMA_VERSION}" in message and "write access" in message
    assert caught.value.fault == "read-only"


def test_every_fault_has_its_slug():
    from thucydides.store.faults import fault_of

    cases = {"corrupt": 11, "not-a-database": 26, "read-only": 8, "full": 13, "locked": 5, "cannot-open": 14,
             "io-error": 10 | (3 << 8), "error": 1}
    for slug, code in cases.items():
        exc = sqlite3.OperationalError("x")
        exc.sqlite_errorcode = code
        assert fault_of(exc) == slug, slug
    exc = sqlite3.OperationalError("x")
    exc.sqlite_errorcode = 1544  # SQLITE_READONLY_DIRECTORY
    assert fault_of(exc) == "read-only"
