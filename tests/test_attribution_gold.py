"""Quotes, speakers and chains on the team's annotated articles (tests/data/attribution): figures printed,
floors enforced (they only move up, on purpose)."""

from __future__ import annotations

import pytest

from conftest import REPO, SHARED, shared_path

pytestmark = pytest.mark.model

FLOORS = {"quote_recall": 0.86, "speaker_accuracy": 0.90, "chain_exact": 0.86}


def test_attribution_annotations(coder):
    from thucydides.evaluation.attribution import load_cases, score

    shared_path("corpus", "articles", "multi_outlet_samples.jsonl")
    cases = load_cases(REPO / "tests" / "data" / "attribution" / "annotations.jsonl", SHARED)
    assert len(cases) >= 40
    articles = coder.code_chunk([doc for _note, _raw, doc in cases])
    scores = score(cases, articles)
    print(scores.summary())
    rates = scores.rates()
    for name, floor in FLOORS.items():
        assert rates[name] >= floor, (name, rates)
