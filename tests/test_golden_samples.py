"""The samples' structure against hand-written expectations (tests/golden/structure.jsonl).

Each row was written by the author of the sample, not produced by the code: a failure means the code
misreads a dispatch, not that a snapshot is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.ingest import read
from thucydides.structure import build_article
from thucydides.structure.dates import latest_year
from thucydides.types import Article

from conftest import REPO, TODAY

ROWS = [json.loads(line) for line in (REPO / "tests/golden/structure.jsonl").read_text("utf-8").splitlines() if line]


def _article(row, settings) -> Article:
    documents = [d for d in read([str(REPO / row["file"])], settings)
                 if row["record"] is None or (d.ref.line or d.ref.record) == row["record"]]
    assert len(documents) == 1, documents
    article = build_article(documents[0], settings, today=TODAY)
    assert isinstance(article, Article), article
    return article


@pytest.mark.parametrize("row", ROWS, ids=[f"{Path(r['file']).stem}:{r['record'] or 0}" for r in ROWS])
def test_sample_structure(row, settings):
    article = _article(row, settings)
    assert article.headline == row["headline"]
    assert article.headline_attribution == row["headline_attribution"]
    assert article.dek == row["dek"]
    assert article.byline == row["byline"]
    assert article.outlet == row["outlet"]
    expected_dl = row["dateline"]
    if expected_dl is None:
        assert article.dateline is None
    else:
        dl = article.dateline
        assert dl is not None
        assert (dl.text, dl.place, dl.country, dl.agency) == (
            expected_dl["text"], expected_dl["place"], expected_dl["country"], expected_dl["agency"])
        assert (f"{dl.month:02d}-{dl.day:02d}" if dl.month else None) == expected_dl["date"]
        assert article.text[dl.start:dl.end] == dl.text
    if row["year_in_metadata"] or article.published_precision == "day":
        assert article.published == row["published"]
    elif expected_dl is None or expected_dl["date"] is None:  # nothing in the file dates it
        assert article.published is None
    elif latest_year(article.text, today=TODAY) is None:  # no year in the file at all: undated, never the run's
        assert article.published is None and article.extra["dateline_date"] is None
        assert any(w.startswith("undated:") for w in article.warnings)
    else:  # the year is not in the metadata: month and day must still be right, and the year flagged
        assert article.published_precision == "year-inferred"
        assert article.published[5:] == row["published"][5:]
    assert len(article.paragraphs) == row["paragraphs"]
    first_body = article.text[article.paragraphs[0].start:article.paragraphs[0].end]
    assert row["first_sentence"] in first_body


def test_samples_with_published_override_get_the_real_date(settings):
    from dataclasses import replace

    for row in ROWS:
        if row["year_in_metadata"] or not (row["dateline"] or {}).get("date"):
            continue
        article = _article(row, replace(settings, published=row["published"]))
        assert (article.published, article.published_precision) == (row["published"], "day")
