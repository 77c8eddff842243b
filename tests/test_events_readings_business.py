"""Readings of force, protest and meeting words that business and market news uses for something else, and labour
strikes named through their unions: sentences written by the team in the style of wire news, after reading every
attack, protest, arrest and meeting coded in 1,500 Reuters-21578 articles (lines 7,501-9,000 of
../shared/corpus/articles/reuters21578_1987.jsonl) and judging each one; each row fails without the row or rule its
comment names."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2024-05-21")


@pytest.mark.parametrize(("text", "root"), [
    # verbs.tsv none V fire / fire on list:staff-nouns: a dismissal ("on the spot" is no target)
    ("The Canadian airline fired seven flight attendants on the spot last week.", "19"),
    # verbs.tsv none V target, objects of selling and figures
    ("The Japanese bank targeted retail investors with its new bond issue.", "19"),
    # events/matching.py: a complement a none row reads as no event is no threat either ("plans to target")
    ("The Japanese bank plans to target securities to retail investors.", "13"),
    # verbs.tsv none V meet with: how something was received
    ("Efforts by the French government to cut the surplus have met with little success.", "04"),
    ("The Italian plan met with resistance from the unions.", "04"),
    # verbs.tsv none V meet / meet with the press, reporters: a press conference
    ("The Kenyan president met reporters in Nairobi on Monday.", "04"),
    ("Kenyan premier to meet press on Friday", "04"),
    # verbs.tsv none V battle against, none N battle (a veto reads the noun's "against" phrase): a hazard fought
    ("The Kenyan government is battling against the cholera outbreak.", "11"),  # (read as a criticism before)
    ("Uganda's long battle against malaria is far from over.", "19"),
    # verbs.tsv none V rally to: a figure rising
    ("The Dutch opposition party has rallied to 31 pct in the latest poll.", "14"),
    # verbs.tsv none N crackdown on money matters
    ("The Brazilian government is widening its crackdown on bad debts.", "17"),
    # verbs.tsv 150 V test-fire with its weapon: a weapons test, not the missile row's attack
    ("Iran has test-fired its new anti-ship missile in the Gulf.", "19"),
])
def test_no_force_protest_or_meeting_in_these_readings(code, text, root):
    assert not [e for e in code(text) if e.cameo[:2] == root], [(e.cameo, e.trigger.text) for e in code(text)]


def test_a_weapons_test_is_a_show_of_force(code):
    assert ("IRN", "150", None) in dyads(code("Iran has test-fired its new anti-ship missile in the Gulf."))


@pytest.mark.parametrize(("text", "expected"), [
    # verbs.tsv 143 V strike subj:sector:LAB, the subject read through "which" and through the actor its
    # phrase names (events/matching.py)
    ("The Waterside Workers' Federation of New Zealand, which struck for a week, meets employers on Monday.",
     ("NZLLAB", "143")),
    # verbs.tsv 143 N strike launch subj:list:labor-nouns: the subject of the verb that governs the noun
    ("Brazil's 50,000 university teachers launched a strike on Monday.", ("BRAEDU", "143")),
    # verbs.tsv 143 N strike launch general | national ...: a national strike whoever launches it
    ("Ecuadorean unions launched a national strike against the austerity measures.", ("ECULAB", "143")),
])
def test_a_strike_by_labour_is_a_labour_strike(code, text, expected):
    assert expected in {(source, cameo) for source, cameo, _target in dyads(code(text))}


def test_a_battle_against_invaders_is_still_force(code):
    assert "19" in {cameo[:2] for _s, cameo, _t in dyads(code("Kenyan troops battled against al-Shabaab fighters "
                                                               "near the border."))}


def test_a_strike_by_an_army_is_still_an_attack(code):
    found = {cameo[:2] for _s, cameo, _t in dyads(code("Russian forces launched strikes on Kharkiv overnight."))}
    assert "19" in found and "14" not in found


def test_the_source_of_an_inverted_report_is_no_target(code):
    # events/mentions.py: an apposition before a verb of saying is who reports, not what the act hit
    events = code("India launched its first long-range rocket, the Press Trust of India reported.")
    assert not [e for e in events if e.target is not None and e.target.actor.sector == "MED"]


@pytest.mark.parametrize(("text", "expected"), [
    # lists.tsv meeting-after-prepositions (events/scope.py, events/arguments.py): talks or a meeting "with"
    # someone after "after" are the main subject's own, already held
    ("The Kenyan foreign minister left Kampala after talks with President Museveni.", ("KENGOV", "046", "UGAGOV")),
    ("The Kenyan foreign minister spoke to reporters after his meeting with the Ugandan president.",
     ("KENGOV", "040", "UGAGOV")),
    # sectors.tsv LAB: bankworkers
    ("Most of Brazil's bankworkers began an indefinite strike on Tuesday.", ("BRALAB", "143", "BRA")),
])
def test_talks_after_which_the_subject_acts_and_strikes_by_bankworkers(code, text, expected):
    assert expected in dyads(code(text))


@pytest.mark.parametrize("text", [
    # "before talks with" are still to come; talks that collapsed are a clause, not the subject's meeting
    "The Kenyan foreign minister spoke to reporters before talks with President Museveni.",
    "Kenyan protesters gathered in Nairobi after talks with the Ugandan government collapsed.",
])
def test_no_meeting_still_to_come_or_broken_off(code, text):
    assert not {cameo for _s, cameo, _t in dyads(code(text))} & {"040", "046"}


def test_leaving_a_city_after_talks_is_no_walkout(code):
    # events/matching.py: a verb through "after" governs no act (164 names "leave" as a governor of talks)
    found = {cameo for _s, cameo, _t in dyads(code("The Kenyan foreign minister left Kampala after talks with "
                                                    "President Museveni."))}
    assert "164" not in found and "046" in found


@pytest.mark.parametrize(("text", "role"), [
    # actors/composing.py, lists.tsv company-forms: a role right after a company's name is the company's
    ("A Coca Cola Co spokesman in Atlanta said the company would not comment.", "spokesman"),
    ("Sumitomo Life Insurance Co officials met Japanese finance ministry officials.", "officials"),
    ("Ford Motor Co officials met union leaders in Detroit on Monday.", "officials"),
])
def test_a_role_after_a_company_name_is_the_company_s(coder, text, role):
    [article] = coder.code_sentences([(text, "2024-05-21")])
    sectors = {m.text: m.actor.sector for m in article.actors}
    assert sectors.get(role) == "BUS", sectors
    assert not [m for m in article.actors if m.actor.sector in ("GOV", "MIL") and "ministry" not in m.text], sectors


@pytest.mark.parametrize(("text", "expected"), [
    # events/roles.py: a headline's "X to visit Y" is parsed as a clause on the noun X, who acts (headlines lines
    # 15,001-16,000 of ../shared/corpus/articles/headlines_2022.jsonl)
    ("Kenyan FM to visit Uganda next week", ("KENGOV", "042", "UGA")),
    ("EU to impose new sanctions on Belarus", ("IGOEUREEC", "163", "BLR")),
    # countries.tsv: "S.Korea", "N.Korea", "S.Africa" written without a space (corpus: "S.Korea" 54 times)
    ("S.Korea bans exports of strategic items to Russia", ("KOR", "163", "RUS")),
])
def test_headline_infinitives_and_abbreviated_countries(code, text, expected):
    assert expected in dyads(code(text))

