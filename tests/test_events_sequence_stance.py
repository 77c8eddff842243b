"""Acts told in sequence, stances taken on acts, and courses of action weighed: sentences written by the team in the
style of US broadcast and wire news, after reading every meeting, attack, protest and arrest coded on the 210 BASIL
articles of ../shared/corpus; each row fails without the row or rule its comment names."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2024-05-21")


@pytest.mark.parametrize(("text", "expected"), [
    # a gerund after "after", "before", "despite" with no subject of its own is the main subject's own act, coded
    # (lists.tsv own-act-prepositions; events/scope.py _own_gerund, events/roles.py _subject)
    ("After meeting with the Kenyan president, the Somali prime minister said relations had improved.",
     {("SOMGOV", "040", "KENGOV")}),
    ("Despite meeting with Lukashenko, the Lithuanian foreign minister refused to lift the sanctions.",
     {("LTUGOV", "040", "BLRGOV")}),
])
def test_a_gerund_after_a_time_word_is_the_subjects_act(code, text, expected):
    assert expected <= dyads(code(text))


def test_since_taking_office_stays_background(code):
    # "since" is not an own-act preposition: what a subject did since taking office is his record
    assert not [e for e in code("Since taking office, the Chilean president has hosted no foreign leader.")
                if e.cameo == "042"]


def test_an_act_on_the_actor_of_another_act_is_a_second_act(code):
    # events/dedupe.py: an act with no known actor yields to one of the same type with a known actor, unless it befell
    # that actor ("gunmen shot dead after killing two": the gunmen were shot, by someone else)
    codes = {e.cameo for e in code("Two gunmen shot dead after killing three people in Mali")}
    assert {"193", "190"} <= codes


def test_whether_to_act_is_a_question(code):
    # events/scope.py: an infinitive under "whether" is asked about, not done
    assert not [e for e in code("The Danish cabinet is deciding whether to expel the Iranian ambassador.")
                if e.cameo.startswith("16")]


@pytest.mark.parametrize("text", [
    "It would be a mistake to attack Venezuela, the Colombian president said.",
    "The Mexican foreign minister said it was time to impose sanctions on Nicaragua.",
    "It is important to impose sanctions on Eritrea, the senator said.",
])
def test_a_course_of_action_weighed_is_possible(code, text):
    # events/modality.py _extraposed, lists.tsv weighing-words
    events = [e for e in code(text) if e.cameo[:2] in ("04", "16", "19")]
    assert events and all(e.modality.certainty == "possible" for e in events)


def test_it_as_an_actor_is_not_weighed(code):
    # "ready" is no word of weighing: "it" is the actor, ready to act (its readiness is coded as stated, 030)
    events = [e for e in code("The Tongan government said it is ready to sign the agreement with Fiji.")
              if e.cameo == "030"]
    assert events and all(e.modality.certainty == "certain" for e in events)


@pytest.mark.parametrize("text", [
    # who takes a stance on talks is no side of them (lists.tsv judging-adjectives; oppose in judging-verbs)
    "The Israeli prime minister has long been skeptical of the negotiations with Iran.",
    "The Indian government is wary of talks with the Taliban.",
    "Azerbaijan opposes negotiations with the separatists.",
])
def test_a_stance_on_talks_takes_no_part_in_them(code, text):
    assert not [e for e in code(text) if e.cameo == "046" and e.source is not None
                and e.source.actor.code[:3] in ("ISR", "IND", "AZE")]


@pytest.mark.parametrize("text", [
    "The Brazilian president spoke with great emotion about the floods.",  # speak with: needs:target
    "Voters got more than they bargained for.",  # bargain: needs:target
])
def test_speaking_or_bargaining_with_no_one_is_no_consultation(code, text):
    assert not [e for e in code(text) if e.cameo[:2] == "04"]


def test_speaking_with_a_leader_is_a_consultation(code):
    assert ("ROUGOV", "040", "MDAGOV") in dyads(code("The Romanian president spoke with the Moldovan president."))


def test_georgetown_university_is_not_guyana(code):
    # actors/countries.tsv: Georgetown is not listed as Guyana's capital
    events = code("Georgetown University faculty criticized the Ohio senator.")
    assert not [e for e in events if e.source is not None and e.source.actor.code.startswith("GUY")]
