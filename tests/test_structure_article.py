"""Whole-article structure on hand-built documents (no model needed)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from thucydides.structure import build_article
from thucydides.types import Article, Rejected

from conftest import TODAY, raw_text


def _build(text: str, settings, **meta) -> Article:
    article = build_article(raw_text(text, **meta), settings, today=TODAY)
    assert isinstance(article, Article), article
    return article


def test_headline_dek_byline_and_dateline_before_the_body(settings):
    text = ("Sudan army says it retook airport - sources\nThe RSF denied the claim\nBy Jane Roe\n"
            "KHARTOUM, April 15 (Reuters) - Sudan's army said on Saturday it had retaken the airport.\n"
            "The RSF said the claim was false.")
    article = _build(text, settings)
    assert (article.headline, article.headline_attribution) == ("Sudan army says it retook airport", "sources")
    assert (article.dek, article.byline, article.outlet) == ("The RSF denied the claim", "Jane Roe", "Reuters")
    assert article.text.startswith("KHARTOUM, April 15 (Reuters) -") and len(article.paragraphs) == 2
    for span in article.paragraphs:
        assert article.text[span.start:span.end].strip() == article.text[span.start:span.end]


def test_plain_text_without_dateline_takes_an_unpunctuated_first_line_as_headline(settings):
    article = _build("Ceasefire holds in Gaza\nThe truce held for a third day on Monday.\nAid trucks entered.", settings)
    assert article.headline == "Ceasefire holds in Gaza" and article.dateline is None
    assert article.text == "The truce held for a third day on Monday.\nAid trucks entered."


def test_a_lede_is_not_mistaken_for_a_headline(settings):
    article = _build("The truce held for a third day on Monday.\nAid trucks entered.", settings)
    assert article.headline is None and article.text.startswith("The truce held")


def test_metadata_headline_repeated_in_the_text_is_not_body(settings):
    article = _build("Talks resume\nDOHA, Qatar (AP) — Talks resumed.", settings, format="jsonl", headline="Talks resume")
    assert article.headline == "Talks resume" and article.text.startswith("DOHA, Qatar (AP) —")


def test_year_from_metadata_and_across_new_year(settings):
    text = "BEIJING, Dec. 31 (Xinhua) -- China said on Tuesday it would respond."
    article = _build(text, settings, format="jsonl", published="2025-01-01T08:00:00+08:00")
    assert article.published == "2025-01-01" and article.extra["dateline_date"] == "2024-12-31"
    assert article.extra["published_time"] == "2025-01-01T08:00:00+08:00"


def test_year_inferred_is_flagged(settings):
    article = _build("MOSCOW, March 3. /TASS/. Russia said it had been under sanctions since 2022.", settings)
    assert (article.published, article.published_precision) == ("2022-03-03", "year-inferred")
    assert any(w.startswith("year-inferred") for w in article.warnings)


def test_published_override_wins(settings):
    article = build_article(raw_text("MOSCOW, March 3. /TASS/. Text of the dispatch here."),
                            replace(settings, published="2023-03-03", outlet="TASS English"), today=TODAY)
    assert (article.published, article.published_precision, article.outlet) == ("2023-03-03", "day", "TASS English")


def test_headline_only_record_codes_the_headline(settings):
    article = _build("", settings, format="jsonl", headline="China, Laos launch freight train", published="2022-03-31")
    assert article.text == "China, Laos launch freight train"
    assert "headline-only" in article.warnings[0]


def test_stray_characters_and_soft_hyphens_do_not_reach_the_text(settings):
    article = _build("MOSCOW, March 3. /TASS/. He said.·\nNego\u00adtiations went on.", settings)
    assert "·" not in article.text and "Negotiations" in article.text


@pytest.mark.parametrize(("text", "reason"), [
    ("La Russie et l'Ukraine ont échangé des prisonniers lundi, a annoncé le ministère de la Défense à Moscou, "
     "selon un communiqué publié dans la soirée.", "not-english"),
    ("Россия и Украина провели обмен пленными в понедельник, сообщило министерство обороны в Москве.", "not-english"),
    ("", "no-text"),
])
def test_rejections(settings, text, reason):
    result = build_article(raw_text(text), settings, today=TODAY)
    assert isinstance(result, Rejected) and result.reason == reason and result.stage == "structure"


def test_english_with_foreign_names_is_kept(settings):
    article = _build("KYIV, March 3 (Reuters) - Volodymyr Zelenskyy met Recep Tayyip Erdoğan and "
                     "Emmanuel Macron in Kyiv on Monday to discuss the Black Sea grain corridor.", settings)
    assert article.language == "en"


def test_stable_id(settings):
    first, second = _build("Headline here\nBody text of it.", settings), _build("Headline here\nBody text of it.", settings)
    assert first.id == second.id and len(first.id) == 16
    assert _build("x", settings, id="given-7").id == "given-7"
