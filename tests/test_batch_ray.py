"""The Ray engine gives the same records as the local engine (a local Ray with 2 CPUs)."""

from __future__ import annotations

import pytest

from conftest import SAMPLES, TODAY

pytestmark = pytest.mark.model


def test_ray_engine_equals_local(settings, monkeypatch):
    ray = pytest.importorskip("ray")
    from thucydides.output import article_to_dict
    from thucydides.batch.engines import run

    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    inputs = [str(SAMPLES / name) for name in ("04_tass_prisoner_swap_source.txt", "05_reuters_grain_ship.txt",
                                               "13_afp_port_sudan_drones.txt", "21_corpus.jsonl", "missing.txt")]
    local = list(run(inputs, settings, today=TODAY))
    try:
        remote = list(run(inputs, settings, today=TODAY, engine="ray", workers=2))
    finally:
        ray.shutdown()
    assert len(remote) == len(local) == 6  # 5 articles and the missing file's rejection
    for mine, theirs in zip(local, remote, strict=True):
        if hasattr(mine, "reason"):
            assert (theirs.reason, str(theirs.ref)) == (mine.reason, str(mine.ref))
        else:
            assert article_to_dict(theirs) == article_to_dict(mine)


def test_ray_parquet_shards_hold_the_events_the_store_exports(monkeypatch, tmp_path):
    """`code --engine ray --parquet-out DIR`: the actors' shards hold exactly the store's events, typed as the
    Parquet export; only whole shards, named by run."""
    ray = pytest.importorskip("ray")
    pq = pytest.importorskip("pyarrow.parquet")
    from click.testing import CliRunner

    from thucydides.cli import main
    from thucydides.store.query import COLUMNS

    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    monkeypatch.setattr("thucydides.batch.ray_engine.CHUNK", 2)  # several chunks, so several shards
    runner, db, shards = CliRunner(), str(tmp_path / "t.db"), tmp_path / "shards"
    try:
        result = runner.invoke(main, ["code", str(SAMPLES), "--engine", "ray", "--workers", "2", "--db", db,
                                      "--parquet-out", str(shards), "--log-format", "json"])
    finally:
        ray.shutdown()
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in shards.iterdir())
    assert len(files) > 2 and all(n.startswith("run-1-part-") and n.endswith(".parquet") for n in files)
    exported = tmp_path / "export.parquet"
    assert runner.invoke(main, ["export", "--db", db, "--format", "parquet", "-o", str(exported)]).exit_code == 0
    from_shards = pq.read_table(shards)
    assert from_shards.schema.names == list(COLUMNS) and from_shards.schema == pq.read_schema(exported)
    by_id = sorted(from_shards.to_pylist(), key=lambda r: r["id"])
    expected = sorted(pq.read_table(exported).to_pylist(), key=lambda r: r["id"])
    # the shards are written before the store clusters the events: their cluster columns are empty
    assert all(row.pop("cluster") is None and row.pop("num_articles") is None for row in by_id)
    assert by_id == [{k: v for k, v in row.items() if k not in ("cluster", "num_articles")} for row in expected]
    assert len(expected) > 20


def test_parquet_out_needs_the_ray_engine(tmp_path):
    from click.testing import CliRunner

    from thucydides.cli import main

    result = CliRunner().invoke(main, ["code", str(SAMPLES), "--parquet-out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "--engine ray" in result.output and not (tmp_path / "x").exists()
