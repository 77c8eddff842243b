"""The SQLite store: what `code --db` writes, idempotent reruns, --recode, failures, and stats."""

from __future__ import annotations

import json
import sqlite3
import sys

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
    assert "events by source:     publisher" in table.output
    assert sum(n for _kind, n in counts["by_source_kind"]) == counts["events"]
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


def test_kill_mid_run_loses_nothing_committed_and_the_rerun_finishes(tmp_path):
    """`kill -9` while coding: every article already written survives; the rerun codes only the rest."""
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"KYIV, May {1 + i % 28} (Reuters) - Ukraine accused Russia of "
                                                 f"shelling the port of Odesa for the {i}th time, officials said. "
                                                 "Moscow denied the claim."}) for i in range(200)]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "t.db"
    command = [sys.executable, "-m", "thucydides.cli", "code", str(corpus), "--db", str(db), "-q"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
        if db.exists():
            try:
                stored = _count(str(db), "articles")
            except sqlite3.Error:
                continue
            if stored >= 5:
                break
    assert process.poll() is None, "the run finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    survived = _count(str(db), "articles")
    assert 5 <= survived < 200
    rerun = subprocess.run(command[:-1], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{survived} skipped" in rerun.stderr
    assert _count(str(db), "articles") == 200
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(DISTINCT article_id) FROM sentences").fetchone()[0] == 200


@pytest.fixture(scope="module")
def sample_db(samples_store):
    return samples_store("store")


def test_every_event_actor_is_in_the_actors_table(sample_db):
    """The store's actors table holds every source and target of every event: the actor stage's mentions and the
    ones the events stage inferred (a place attacked, unidentified attackers, a domestic act's own country)."""
    with sqlite3.connect(sample_db) as conn:
        actors = set(conn.execute("SELECT article_id, start, end_, code FROM actors"))
        rules = {r for (r,) in conn.execute("SELECT DISTINCT rule FROM actors")}
        records = [(a, json.loads(r)) for a, r in conn.execute("SELECT article_id, record FROM events")]
    assert records
    for article_id, event in records:
        for m in (event["source"], event["target"], *event["sources_all"], *event["targets_all"]):
            if m is not None:
                assert (article_id, m["start"], m["end"], m["code"]) in actors, (article_id, m)
    assert rules & {"location", "unidentified", "implicit", "context"}, rules


def test_query_filters(run_cli, sample_db):
    everything = run_cli("query", "--db", sample_db, "--format", "json").output.splitlines()
    russian = [json.loads(line) for line in run_cli("query", "--db", sample_db, "--source", "RUS",
                                                     "--format", "json").output.splitlines()]
    assert everything and russian and len(russian) < len(everything)
    assert all(e["source"]["code"].startswith("RUS") for e in russian)
    force = [json.loads(line) for line in run_cli("query", "--db", sample_db, "--root", "19", "--format", "json")
             .output.splitlines()]
    assert force and all(e["cameo_root"] == "19" for e in force)
    since = [json.loads(line) for line in run_cli("query", "--db", sample_db, "--since", "2025-01-01",
                                                   "--format", "json").output.splitlines()]
    assert all(e["date"] >= "2025-01-01" for e in since)
    # a value that is no actor code is a usage error; free text (an outlet) is a bound parameter, never SQL
    assert run_cli("query", "--db", sample_db, "--source", "x' OR 1=1 --", "--format", "json").exit_code == 2
    from thucydides.store import Store
    from thucydides.store.query import Filters, events

    with Store(sample_db) as store:
        assert list(events(store, Filters(outlet="x' OR 1=1 --"))) == []
    table = run_cli("query", "--db", sample_db, "--plover", "SANCTION")
    assert table.exit_code == 0 and "SANCTION" in table.output


def test_gdelt_export_has_the_61_columns_in_order(run_cli, sample_db, tmp_path):
    from thucydides.store.query import GDELT_COLUMNS

    out = tmp_path / "events.tsv"
    result = run_cli("export", "--db", sample_db, "--format", "gdelt", "--header", "--include-negated",
                     "--include-hypothetical", "-o", str(out))  # every event, as the query below counts them
    assert result.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS) and len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[0] == "GLOBALEVENTID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    undated = len(run_cli("query", "--db", sample_db, "--undated", "--format", "json").output.splitlines())
    assert sum(line.split("\t")[1] == "" for line in lines[1:]) == undated  # SQLDATE empty only when undated
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == 61 and cells[0].isdigit() and len(cells[1]) in (0, 8)
        assert cells[26].isdigit() and cells[28] == cells[26][:2] and cells[29] in "1234"
        float(cells[30])


def test_plover_export_shape(run_cli, sample_db):
    records = [json.loads(line) for line in run_cli("export", "--db", sample_db, "--format", "plover")
               .output.splitlines() if line.startswith("{")]
    assert records
    for record in records:
        assert {"id", "date", "event", "mode", "context", "source", "recipient", "event_text", "quad_code",
                "thucydides"} <= set(record)  # the PLOVER manual's names; ours under "thucydides"
        assert record["event"][0] in {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                                      "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                                      "MOBILIZE", "COERCE", "ASSAULT"}
        assert isinstance(record["source"], list) and all("code" in a for a in record["source"])


def test_postgres_round_trip(run_cli, postgres_url, tmp_path):
    """The same coding written to PostgreSQL and to SQLite gives the same rows; reruns skip; exports agree."""
    import psycopg

    sqlite_db = str(tmp_path / "t.db")
    assert run_cli("code", *FILES, "--db", sqlite_db, "--published", "2025-05-06").exit_code == 0
    result = run_cli("code", *FILES, "--db", postgres_url, "--published", "2025-05-06")
    assert result.exit_code == 0, result.output
    with psycopg.connect(postgres_url) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                  for t in ("articles", "sentences", "actors", "events", "runs")}
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    from thucydides.store import SCHEMA_VERSION

    assert version == str(SCHEMA_VERSION)
    assert counts == {t: _count(sqlite_db, t) for t in counts}
    again = run_cli("code", *FILES, "--db", postgres_url)
    assert "4 skipped" in again.output
    mine = run_cli("export", "--db", sqlite_db, "--format", "gdelt").output
    theirs = run_cli("export", "--db", postgres_url, "--format", "gdelt").output
    # the same rows, but for DATEADDED (column 60): when each store's own run stored the article
    assert [line.split("\t")[:59] + line.split("\t")[60:] for line in mine.splitlines()] == \
        [line.split("\t")[:59] + line.split("\t")[60:] for line in theirs.splitlines()]
    assert mine.count("\n") > 2
    stats = json.loads(run_cli("stats", "--db", postgres_url, "--json").output)
    assert stats["articles"] == 4 and stats["events"] == counts["events"]


def _article(article_id, outlet, day, source="RUS", target="UKR", cameo="190"):
    from thucydides.types import Actor, ActorMention, Article, Event, InputRef, Modality, Sentence

    def mention(code):
        return ActorMention(code, 0, 3, 0, 0, 1, Actor(code, code, None, code, None, "country"), "dictionary", "t")

    event = Event(id=f"{article_id}-e", sentence=0, sentence_text="x", trigger_text="struck", trigger_start=0,
                  trigger_end=6, source=mention(source), target=mention(target), sources_all=(), targets_all=(),
                  cameo=cameo, cameo_name="", goldstein=-10.0, quad_class=4, plover="ASSAULT", plover_mode=None,
                  date=day, date_text=None, date_precision="day", location=None, modality=Modality(), pattern="t")
    return Article(id=article_id, ref=InputRef(f"{article_id}.txt"), format="text", text="x" * 20, outlet=outlet,
                   published=day, sentences=(Sentence(0, 0, 20, 0, "x" * 20),), events=(event,))


def test_same_event_reported_by_several_outlets_is_one_cluster(tmp_path):
    from thucydides.store import Store
    from thucydides.store.query import Filters, events, gdelt_row

    with Store(tmp_path / "t.db") as store:
        run = store.begin_run(pipeline_version="t", settings={}, inputs=[])
        for item in (_article("a1", "Reuters", "2024-03-01"), _article("a2", "AP", "2024-03-02"),
                     _article("a3", "AP", "2024-03-03"), _article("a4", "AFP", "2024-03-20"),
                     _article("a5", "AFP", "2024-03-01", target="POL")):
            store.write_article(item, run, "t")
        assert store.cluster(window_days=3) == 3
        rows = {r["article_id"]: r for r in events(store, Filters())}
    assert (rows["a1"]["num_mentions"], rows["a1"]["num_articles"], rows["a1"]["num_sources"]) == (3, 3, 2)
    assert rows["a1"]["cluster"] == rows["a3"]["cluster"] != rows["a4"]["cluster"] != rows["a5"]["cluster"]
    assert rows["a1"]["first_event"] == "a1-e"
    cells = gdelt_row(rows["a2"])
    assert cells[31:34] == ["3", "2", "3"]  # NumMentions, NumSources, NumArticles


def test_an_older_schema_is_upgraded(tmp_path):
    from thucydides.store import SCHEMA_VERSION, Store

    db = tmp_path / "t.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE clusters")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    Store(db).close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert conn.execute("SELECT count(*) FROM clusters").fetchone()[0] == 0


def test_parquet_export_matches_the_jsonl_and_csv_exports(run_cli, sample_db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    import csv

    from thucydides.store.query import COLUMNS

    out = tmp_path / "events.parquet"
    result = run_cli("export", "--db", sample_db, "--format", "parquet", "-o", str(out))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS)
    types = {field.name: str(field.type) for field in table.schema}
    assert (types["goldstein"], types["quad_class"], types["date"], types["cameo"]) == ("double", "int8", "string",
                                                                                         "string")
    rows = table.to_pylist()
    jsonl = [json.loads(line) for line in run_cli("export", "--db", sample_db, "--format", "jsonl")
             .stdout.splitlines()]
    assert len(rows) == len(jsonl) > 10 and f"{len(rows)} events exported (parquet)" in result.stderr
    for row, record in zip(rows, jsonl, strict=True):
        source, target = record["source"] or {}, record["target"] or {}
        expected = {
            "id": record["id"], "article_id": record["article_id"], "date": record["date"],
            "date_precision": record["date_precision"], "source_code": source.get("code"),
            "source_name": source.get("name"), "cameo": record["cameo"], "plover": record["plover"],
            "target_code": target.get("code"), "target_name": target.get("name"), "goldstein": record["goldstein"],
            "quad_class": record["quad_class"], "polarity": record["modality"]["polarity"],
            "certainty": record["modality"]["certainty"], "trigger": record["trigger"]["text"],
            "location_name": (record["location"] or {}).get("name"), "outlet": record["outlet"], "url": record["url"],
        }
        assert {column: row[column] for column in expected} == expected  # the columns before issue 17's
    # the CSV export has the same columns and cells, as text (a cell a spreadsheet would read as a formula, such
    # as an unidentified actor's "---GOV", starts with a quote there)
    from thucydides.store.exports import csv_cell

    csv_rows = list(csv.reader(run_cli("export", "--db", sample_db, "--format", "csv").stdout.splitlines()))
    assert csv_rows[0] == list(COLUMNS)
    assert [[("" if v is None else str(csv_cell(v))) for v in row.values()] for row in rows] == csv_rows[1:]
    # filters apply, and an empty result is still a readable file with the schema
    empty = tmp_path / "none.parquet"
    assert run_cli("export", "--db", sample_db, "--format", "parquet", "--since", "2090", "-o", str(empty)).exit_code == 0
    assert pq.read_table(empty).num_rows == 0 and pq.read_schema(empty).names == list(COLUMNS)


def test_parquet_export_in_row_groups_streams_every_row(sample_db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from thucydides.store import Store
    from thucydides.store.query import Filters, events, write_parquet

    out = tmp_path / "e.parquet"
    with Store(sample_db) as store:
        expected = [e["id"] for e in events(store, Filters())]
        count = write_parquet(events(store, Filters()), str(out), batch_rows=7)
    assert count == len(expected) and pq.read_table(out).column("id").to_pylist() == expected
    assert pq.ParquetFile(out).num_row_groups == -(-len(expected) // 7)
    assert [p.name for p in tmp_path.iterdir()] == ["e.parquet"]  # the hidden partial file was renamed


def test_parquet_export_needs_a_file_and_pyarrow(run_cli, sample_db, tmp_path, monkeypatch):
    to_stdout = run_cli("export", "--db", sample_db, "--format", "parquet")
    assert to_stdout.exit_code == 2 and "-o FILE" in to_stdout.output and "Traceback" not in to_stdout.output
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if the extra were not installed
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "e.parquet"
    missing = run_cli("export", "--db", sample_db, "--format", "parquet", "-o", str(out))
    assert missing.exit_code == 3 and not out.exists()
    (line,) = missing.stderr.splitlines()
    assert "pyarrow" in line and "thucydides[parquet]" in line
