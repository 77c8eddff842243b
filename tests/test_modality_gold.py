"""Modality against MEANTIME factuality (../shared/gold/factuality): a floor that only moves on purpose."""

from __future__ import annotations

import json

import pytest

from conftest import shared_path

pytestmark = pytest.mark.model


def test_meantime_dev_beats_the_always_asserted_floor(run_cli):
    gold = shared_path("gold", "factuality", "meantime_dev.jsonl")
    result = run_cli("eval", "modality", str(gold), "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    print(scores)
    assert scores["mae"] < 0.27 < scores["floor_mae"]
    buckets = scores["by_bucket"]
    assert buckets["asserted"]["mae"] < 0.05  # the 90 % that are plain facts stay facts
    assert buckets["negated"]["moved"] >= 1 and buckets["uncertain"]["moved"] >= 1


@pytest.mark.parametrize(("text", "word", "polarity", "certainty"), [
    ("The rebels did not attack the town.", "attack", "negative", "certain"),
    ("The rebels may attack the town.", "attack", "positive", "possible"),
    ("Officials believe the rebels will attack the town.", "attack", "positive", "probable"),
    ("The army stopped the convoy.", "convoy", "positive", "certain"),  # stopping a convoy does not negate it
    ("Markets rose on hopes of an economic recovery.", "recovery", "positive", "possible"),
    ("The plane can fly 9,000 miles.", "fly", "positive", "certain"),  # ability, not possibility
    ("The government refused to negotiate.", "negotiate", "negative", "certain"),
])
def test_modality_cases(nlp, text, word, polarity, certainty):
    from thucydides.events.modality import modality
    from thucydides.nlp import Parser
    from thucydides.types import Article, InputRef, Span

    [article] = Parser(nlp)([Article(id="m", ref=InputRef("m"), format="text", text=text,
                                     paragraphs=(Span(0, len(text)),))])
    [sentence] = article.sentences
    token = next(t for t in sentence.tokens if t.text == word)
    mood = modality(sentence.tokens, token.i, sentence.text, sentence.start)
    assert (mood.polarity, mood.certainty) == (polarity, certainty), mood
