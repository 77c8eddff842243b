"""The seed dispatch and the real corpora in ../shared (skipped when ../shared is absent)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import pytest

from thucydides.ingest import read
from thucydides.structure import build_article
from thucydides.types import Article, RawDocument, Rejected

from conftest import TODAY, shared_path

pytestmark = pytest.mark.shared


def _seed(settings):
    (raw,) = list(read([str(shared_path("seed", "000_9f3a856de257ed78.txt"))], settings))
    return build_article(raw, settings, today=TODAY)


def _seed_lines() -> list[str]:
    """The seed's non-empty lines, read from ../shared (its text is never copied into the repo)."""
    text = shared_path("seed", "000_9f3a856de257ed78.txt").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_seed_structure_matches_expected_md(settings):
    article = _seed(replace(settings, published="2022-11-06"))
    expected = shared_path("seed", "EXPECTED.md").read_text("utf-8")
    headline, tag = re.search(r"Headline: `([^`]+)`", expected).group(1).rsplit(" — ", 1)
    assert (article.headline, article.headline_attribution) == (headline, tag)
    assert article.dek == _seed_lines()[1]
    dl = article.dateline
    assert (dl.text, dl.place, dl.country, dl.agency) == ("WASHINGTON, November 6. /TASS/.", "Washington", "USA", "TASS")
    assert (article.published, article.published_precision, article.outlet) == ("2022-11-06", "day", "TASS")
    assert article.extra["dateline_date"] == "2022-11-06"
    assert "·" not in article.text and 'one of sources said.\n' in article.text


def test_seed_without_a_year_is_flagged(settings):
    article = _seed(settings)  # "WASHINGTON, November 6", and no year in the file: undated, never the run's year
    assert article.published is None and (article.dateline.month, article.dateline.day) == (11, 6)
    assert any(w.startswith("undated: the dateline gives 11-06 but no year") for w in article.warnings)


def test_seed_sentences(coder, settings):
    (raw,) = list(read([str(shared_path("seed", "000_9f3a856de257ed78.txt"))], settings))
    (article,) = coder.code([raw])
    texts = [s.text for s in article.sentences]
    lines = _seed_lines()
    assert lines[2].split("/TASS/.", 1)[1].strip().startswith(texts[0])  # the dateline is not in sentence 0
    assert any(t.startswith('"') and t.endswith("one of sources said.") for t in texts)  # quote-first line
    assert lines[-1].endswith(texts[-1]) and texts[-1] != lines[-1]  # the last paragraph's last sentence
    assert len(article.paragraphs) == 6


@pytest.mark.parametrize("folder", ["feeds", "warc", "articles", "clusters"])
def test_corpus_reads_without_error(settings, folder):
    counts: Counter[str] = Counter()
    for item in read([str(shared_path("corpus", folder))], settings):
        if isinstance(item, Rejected):
            counts[f"rejected:{item.reason}"] += 1
        else:
            counts[item.format] += 1
    print(folder, dict(counts))
    # the only non-HTML WARC content: Common Crawl's request/metadata records are skipped, never errors
    assert not [k for k in counts if k.startswith("rejected")], counts
    assert sum(counts.values()) > 0


def test_corpus_structure(settings):
    """Datelines of real wire copy: Reuters-21578 and Xinhua/UPI samples."""
    path = shared_path("corpus", "articles", "reuters21578_1987.jsonl")
    found = total = place_ok = 0
    for number, raw in enumerate(read([str(path)], settings)):
        if number >= 2000:
            break
        assert isinstance(raw, RawDocument)
        article = build_article(raw, settings, today=TODAY)
        if not isinstance(article, Article):
            continue
        total += 1
        if article.dateline:
            found += 1
            place_ok += article.dateline.country is not None
            assert article.published and article.published.startswith("1987")
    print(f"reuters21578: dateline found {found}/{total}, place resolved {place_ok}/{found}")
    assert found / total >= 0.95 and place_ok / found >= 0.9
