"""The Ray engine gives the same records as the local engine (a local Ray with 2 CPUs)."""

from __future__ import annotations

import pytest

from conftest import SAMPLES, TODAY

pytestmark = pytest.mark.model


def test_ray_engine_equals_local(settings, monkeypatch):
    ray = pytest.importorskip("ray")
    from thucydides.output import article_to_dict
    from thucydides.pipeline import run

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
