"""Passive forms the parser reads as active, in the short style of headlines and casualty reports: a bare past
tense of force in a headline ("Protesters detained in Minsk"), a participle in an absolute "with" phrase (", with
52 civilians killed"), a participle on a headline's number ("At least 12 killed in ..."), a headline with no verb
("Dozens of people killed in ..."), and the people a bare number stands for. Sentences written by the team; each
row fails without the rule it names."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder

pytestmark = pytest.mark.model

REPORT = "2022-05-15"


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, REPORT)


@pytest.mark.parametrize(("text", "expected"), [
    # a headline's bare past tense of force is a passive: its subject underwent the act (headline-active-verbs
    # lists the verbs whose subject acts)
    ("Protesters detained in Minsk", (None, "173", "BLRCVL")),
    ("Three policemen shot dead in Nairobi", ("KENUAF", "193", "KENCOP")),  # (attackers unnamed)
    # the participle of an absolute "with" phrase
    ("The convoy reached the base near Kandahar on Monday, with two soldiers wounded.", ("AFGUAF", "190", "AFGMIL")),
    ("Security forces dispersed the rally, with dozens of students detained.", (None, "173", "---EDU")),
    # a bare number is people: civilians of the place of the act
    ("7 killed in market bombing in Kabul", (None, "190", "AFGCVL")),
    ("At least 12 killed in mall shooting in Houston", (None, "193", "USACVL")),  # (193: the shooting)
    # a headline with no verb: its participle is its news, not a phrase that identifies who is meant
    ("Dozens of people killed in air strikes on Aleppo", (None, "195", "SYRCVL")),  # (195: air strikes)
    # the passive subject of the verb a noun's row names ("taken into custody") underwent the act
    ("The Kenyan suspect was taken into custody on Monday.", (None, "173", "KENCRM")),
    ("Two men were placed under arrest in Nairobi.", (None, "173", "KENCVL")),
    # a person named only by age is a civilian of the place, as a bare number is people
    ("The 22-year-old was detained at the airport in Nairobi.", (None, "173", "KENCVL")),
])
def test_passive_forms_give_the_target(code, text, expected):
    assert expected in dyads(code(text)), dyads(code(text))


@pytest.mark.parametrize(("text", "expected"), [
    # the subject of a passive is the verb's object for a row's object words ("released the hostages": 0841)
    ("Two French journalists were released by Malian soldiers on Friday.", ("MLIMIL", "0841", "FRAMED")),
    ("Two rockets were fired at the base from Lebanon.", None),  # 194 by its object, not 190
    # a passive's "by" phrase the parser hung on the noun before it is the agent, when it names an actor
    ("The activist was convicted of sedition by a court in Hong Kong.", ("HKGJUD", "116", "HKGOPP")),
    ("The journalist was sentenced to seven years in prison by a Russian court.", ("RUSJUD", "116", "RUSMED")),
    # a cause of death with an actor's or a weapon's name on it is an attack, not an accident (hazard-nouns,
    # hostile-cause-modifiers)
    ("Two Syrians were killed by Turkish fire near Kobani.", ("TUR", "190", "SYR")),
    ("A soldier was killed by sniper fire near Donetsk.", ("UKRUAF", "190", "UKRMIL")),
])
def test_passive_subjects_and_agents(code, text, expected):
    found = dyads(code(text))
    if expected is None:
        assert any(cameo == "194" for _, cameo, _ in found), found
    else:
        assert expected in found, found


def test_a_fire_with_no_one_behind_it_is_no_attack(code):
    assert not code("Four workers were killed in a fire at a textile factory in Dhaka."), "an accident"


def test_the_verb_of_a_killing_takes_the_weapon_its_noun_names(code):
    # one act told by the verb (190) and by the noun (195, aerial weapons): the event kept is the specific one
    found = dyads(code("Troops killed five people in a drone strike near Kandahar."))
    assert ("AFGMIL", "195", "AFGCVL") in found and not any(cameo == "190" for _, cameo, _ in found), found


@pytest.mark.parametrize(("text", "expected"), [
    # verbs of force whose headline subject acts (headline-active-verbs), and active sentences, keep their subject
    ("Rebels clashed with troops near Goma", ("CODREB", "190", "CODMIL")),
    ("Police fired on protesters in Lagos", ("NGACOP", "190", "NGACVL")),
])
def test_active_readings_are_kept(code, text, expected):
    assert expected in dyads(code(text)), dyads(code(text))


def test_a_participle_that_identifies_who_is_meant_is_background(code):
    # the participle stays background, not a second event; the passive joined to it is done to its subject
    found = dyads(code("The reporters jailed for criticising the junta were freed by the army on Monday."))
    assert found == {("---MIL", "0841", "---MED")}, found


def test_the_absolute_phrase_does_not_make_the_victims_the_attackers(code):
    found = dyads(code("It was the deadliest day of the fighting in Gaza, with 52 Palestinians killed."))
    assert not any(source is not None and source.startswith("PSE") for source, _, _ in found), found
    assert (None, "190", "PSE") in found or (None, "190", "PSECVL") in found, found


def test_a_number_of_named_people_is_not_civilians(code):
    """ "Five of the soldiers": the number counts an actor the sentence names, not civilians."""
    found = dyads(code("Five of the soldiers were killed in an ambush in Kabul."))
    assert not any(target == "AFGCVL" for _, _, target in found), found
