"""Title-case headlines re-cased for the parser (nlp/casing.py): which lines count as titles, which words go to
lower case, and that nothing but the case of letters changes. Team-written headlines."""

from __future__ import annotations

import pytest

from thucydides.nlp.casing import recase, title_case

VOCABULARY = frozenset({"launch", "strike", "meet", "ahead", "arrest", "urge", "drop", "white", "clash", "royal",
                        "capture", "propose"})
NAMES = frozenset({"russia", "kyiv", "white house", "xi", "rick perry", "perry"})


def is_name(key: str) -> bool:
    return key in NAMES


@pytest.mark.parametrize(("text", "expected"), [
    # verbs and their inflections go to lower case, names and the first word stay
    ("Russia Launches Missile Strikes On Kyiv", "Russia launches Missile strikes on Kyiv"),
    ("Premier Meets Xi Ahead Of Summit", "Premier meets Xi ahead of Summit"),
    # a name the tables know keeps its capitals even when its words are ordinary ("White House")
    ("White House Urges Perry To Drop Bid", "White House urges Perry to drop Bid"),
    # an acronym and a mixed-case word are left alone
    ("NATO Allies Clash With McCain Over Arrests", "NATO Allies clash with McCain over arrests"),
])
def test_a_title_is_recased(text, expected):
    out = recase(text, VOCABULARY, is_name)
    assert out == expected
    assert len(out) == len(text) and out.lower() == text.lower()


@pytest.mark.parametrize("text", [
    # sentence case, even with many names, is no title
    "Man-eating Royal Bengal Tiger captured in Nepal",
    "The plan was proposed by House Ways and Means Committee Chairman Dan Smith.",
    # too short to tell
    "Russia Strikes Kyiv",
])
def test_a_sentence_is_left_alone(text):
    assert recase(text, VOCABULARY, is_name) == text


@pytest.mark.parametrize(("words", "expected"), [
    (["Police", "Arrest", "Dozens", "At", "Protest", "In", "Paris"], True),
    (["Police", "arrest", "dozens", "at", "protest", "in", "Paris"], False),
    (["Talks", "To", "Resume", "In", "Geneva", "In", "2024"], True),
])
def test_title_case_is_told_by_its_words(words, expected):
    assert title_case(words) is expected


@pytest.mark.model
def test_the_pipeline_codes_a_title_case_headline(coder):
    # a headline stream in title case (no body): the verb is read as a verb
    article = coder.code_sentences([("Russia Launches Missile Strikes On Kyiv", "2023-06-10")])[0]
    assert {(e.source.actor.code, e.cameo[:2], e.target.actor.code) for e in article.events} >= {("RUS", "19", "UKR")}
