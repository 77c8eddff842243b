"""The SQLite store: what `code --db` writes, idempotent reruns, --recode, failures, and stats."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import SAMPLES

pytestmark = pytest.mark.model

FILES = [str(SAMPLES / name) for name in ("04_tass_prisoner_swap_source.txt", "13_afp_port_sudan_drones.txt",
                                           "21_corpus.jsonl")]


def _count(db, table):
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed table names


def test_code_into_the_store_then_rerun_skips_then_recode(run_cli, tmp_path):
    db = str(tmp_path / "t.db")
    first = run_cli("code", *FILES, "--db", db, "--published", "2025-05-06")
    assert first.exit_code == 0, first.output
    articles, events, actors = _count(db, "articles"), _count(db, "events"), _count(db, "actors")
    assert articles == 4 and events > 0 and actors > 0
    with sqlite3.connect(db) as conn:
        record = json.loads(conn.execute("SELECT record FROM articles LIMIT 1").fetchone()[0])
        assert {"id", "text", "actors", "events", "sentences"} <= set(record)
        row = conn.execute("SELECT source_code, cameo, plover, goldstein, record FROM events LIMIT 1").fetchone()
        assert row[1].isdigit() and json.loads(row[4])["cameo"] == row[1]
    again = run_cli("code", *FILES, "--db", db)
    assert again.exit_code == 0 and "4 skipped" in again.output
    assert (_count(db, "articles"), _count(db, "events"), _count(db, "actors")) == (articles, events, actors)
    recode = run_cli("code", *FILES, "--db", db, "--published", "2025-05-06", "--recode")
    assert recode.exit_code == 0 and "4 articles coded" in recode.output
    assert (_count(db, "articles"), _count(db, "events"), _count(db, "actors")) == (articles, events, actors)
    assert _count(db, "runs") == 3


def test_failures_are_recorded_and_the_batch_goes_on(run_cli, tmp_path):
    db = str(tmp_path / "t.db")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "KYIV, May 6 (Reuters) - Ukraine accused Russia of shelling the port."}\nnot json\n')
    result = run_cli("code", str(bad), "--db", db)
    assert result.exit_code == 1
    assert _count(db, "articles") == 1
    with sqlite3.connect(db) as conn:
        failure = conn.execute("SELECT input, code, reason FROM failures").fetchone()
    assert failure == (f"{bad}:2", "T105", "malformed-record")


def test_stats(run_cli, tmp_path):
    db = str(tmp_path / "t.db")
    run_cli("code", *FILES, "--db", db, "--published", "2025-05-06")
    result = run_cli("stats", "--db", db, "--json")
    counts = json.loads(result.output)
    assert counts["articles"] == 4 and counts["events"] == sum(n for _root, n in counts["by_root"])
    table = run_cli("stats", "--db", db)
    assert "events by CAMEO root" in table.output and "top dyads" in table.output
    missing = run_cli("stats", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 2


def test_a_newer_schema_is_refused(tmp_path):
    from thucydides.errors import StoreError
    from thucydides.store import Store

    db = tmp_path / "t.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        Store(db)
