"""Labour strikes named by a noun, verbs the model lemmatises wrongly, and visits: sentences written by the team in
the style of wire news, after reading every attack, protest, arrest and meeting missed in 1,500 Reuters-21578
articles (lines 6,001-7,500 of ../shared/corpus/articles/reuters21578_1987.jsonl); each row fails without the row
or rule its comment names."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2024-05-21")


@pytest.mark.parametrize(("text", "expected"), [
    # verbs.tsv 143 N strike subj:list:labor-nouns, with a noun's subject read as its by-phrase or possessor
    # (events/matching.py); sectors.tsv LAB: seamen, dockers
    ("A strike by Chilean copper miners halted exports from the port.", ("CHLLAB", "143")),
    ("The Brazilian seamen's strike entered its third week.", ("BRALAB", "143")),
    # verbs.tsv 143 N walkout, 143 N stoppage
    ("A walkout by Kenyan nurses closed three hospitals.", ("KENHLH", "143")),
    ("A stoppage by Argentine dockers left ships idle.", ("ARGLAB", "143")),
    ("Argentine dockers began a work stoppage on Monday.", ("ARGLAB", "143")),
    # lemmas.tsv: "staged" is "stage", not "stag" (143 N strike names stage as its governor)
    ("Bolivian tin miners staged a strike on Monday.", ("BOLLAB", "143")),
    # events/mentions.py: "20,000 of the miners" are the miners
    ("Up to 20,000 of Bolivia's 30,000 tin miners were on strike.", ("BOLLAB", "143")),
])
def test_a_labour_strike_named_by_a_noun_is_its_workers(code, text, expected):
    assert expected in {(source, cameo) for source, cameo, _target in dyads(code(text))}


@pytest.mark.parametrize("text", [
    "Russia's strike on the power plant was condemned.",  # a state's strike: force, not a labour strike
    "The minister spared no effort to reach a compromise.",  # lemmas.tsv: spared is no "spar" (110)
    # verbs.tsv none V demonstrate subj:list:evidence-nouns: what shows something is no protester, nor its owner
    "Talks can fail, as the Kenyan president's experience with the unions demonstrated.",
])
def test_no_protest_strike_or_quarrel(code, text):
    assert not [e for e in code(text) if e.cameo[:2] == "14" or e.cameo == "110"]


@pytest.mark.parametrize(("text", "expected"), [
    # events/assembly.py: a visit that is what its clause reports (its possessor's) goes to the place after "to"
    ("Modi's visit to Japan was a success, officials said.", ("INDGOV", "042", "JPN")),
    # events/arguments.py, lists.tsv occasion-of-actor-prepositions: the parser hangs "during a visit" on the actor
    ("Canadian Trade Minister Pat Carney during a visit to Mexico City signed a customs accord.",
     ("CANGOV", "042", None)),
])
def test_a_visit_and_its_visitor(code, text, expected):
    assert expected in dyads(code(text))


def test_a_visit_that_is_an_occasion_has_no_host(code):
    # lists.tsv visit-verbs: the meeting held during a visit is coded once, as PETRARCH-style coding counts it
    events = dyads(code("Putin met Xi during his visit to Beijing."))
    assert ("RUSGOV", "040", "CHNGOV") in events and ("RUSGOV", "042", "CHN") not in events


@pytest.mark.parametrize(("text", "expected"), [
    # verbs.tsv 041 N phone names "speak on" and "talk on": a call, not two people speaking in public
    ("The Chilean and Peruvian presidents spoke on the phone on Tuesday.", ("CHLGOV", "041", "PERGOV")),
    ("Erdogan talked on the phone with Zelenskyy about grain exports.", ("TURGOV", "041", "UKRGOV")),
    ("Erdogan, Zelenskyy speak on phone", ("TURGOV", "041", "UKRGOV")),
    # events/matching.py _together: a headline's two subjects joined by a comma speak with each other (040)
    ("Erdogan, Zelenskyy speak for an hour", ("TURGOV", "040", "UKRGOV")),
])
def test_a_call_on_the_phone(code, text, expected):
    assert expected in dyads(code(text))


def test_two_people_speaking_on_television_do_not_call_each_other(code):
    # verbs.tsv none V speak on subj:together still holds for anything but a phone
    assert not [e for e in code("Erdogan and Zelenskyy spoke on television.") if e.cameo[:2] == "04"]
