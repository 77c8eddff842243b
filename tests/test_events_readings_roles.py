"""Who acts when news names an actor only by a role before an act, a verdict with no court named, a visitor on a
journey, or blame for a harm: sentences written by the team in the style of wire news and headlines, after reading
every attack, protest, arrest and meeting coded in 1,500 Reuters-21578 articles (lines 9,001-10,500 of
../shared/corpus/articles/reuters21578_1987.jsonl) and 1,589 headlines (lines 16,001-17,589 of
../shared/corpus/articles/headlines_2022.jsonl) and the sentences that named an actor and such words but got no
event; each row fails without the row or rule its comment names."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_actors, sentence_coder

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2024-05-21")


@pytest.fixture(scope="module")
def actors(coder):
    return sentence_actors(coder, "2024-05-21")


@pytest.mark.parametrize(("text", "expected"), [
    # lists.tsv agent-modifier-heads (actors/context.py): a role noun before an act it performs is its actor
    ("Police raids in Nairobi netted dozens of suspects.", ("KENCOP", "19")),
    ("Student demonstrations in Madrid led to clashes with riot police.", ("ESPEDU", "141")),
    ("Opposition protests spread across Venezuela on Monday.", ("VENOPP", "14")),
    # (and events/matching.py: a noun's role modifier is its subject for subj: rows; the subject of a transitive
    # verb is no object of it, so "halted" no longer reads the strikes as called off)
    ("Worker strikes halted Spain's airports on Friday.", ("ESPLAB", "143")),
])
def test_a_role_before_an_act_performs_it(code, text, expected):
    source, code_prefix = expected
    found = [(e.source.actor.code if e.source else None, e.cameo) for e in code(text)]
    assert any(s == source and c.startswith(code_prefix) for s, c in found), found


@pytest.mark.parametrize(("text", "word"), [
    ("Police reform was debated in the Kenyan parliament.", "Police"),  # no act: a mere modifier
    ("Seven soldiers were killed in a terrorist attack in Pakistan.", "terrorist"),  # an adjective describes the act
    ("The town suffered constant artillery raids.", "artillery"),  # the means of an act, not its actor
    ("Families of the victims of the police raid met the Kenyan governor.", "police"),  # the mention must hang on
    # the act's noun, not reach through "of the victims of"
])
def test_a_modifier_that_names_no_actor(actors, text, word):
    assert not [m for m in actors(text) if word in m[0]], actors(text)


def test_the_subject_of_a_transitive_verb_undergoes_nothing(code):
    # events/matching.py _governor: "strikes halted the ports" does not halt the strikes (082)
    assert not [e for e in code("Dock strikes halted Kenya's ports on Friday.") if e.cameo.startswith("08")]


def test_a_visitor_is_not_of_the_place_visited(code):
    # events/assembly.py: destination-host-codes give no traveller of no country the destination's country
    events = code("The prime minister, on a visit to the United States, said the accords should stand.")
    assert [e for e in events if e.cameo == "042"]
    assert not [e for e in events if e.source and e.source.actor.code.startswith("USA")], dyads(events)


@pytest.mark.parametrize(("text", "expected"), [
    # lists.tsv unnamed-actor-codes: a verdict with no court named keeps whom it found guilty
    ("A former Kenyan minister was jailed for nine years for graft.", (None, "116", "KENELI")),
    # events/agents.py _verdict: the verb's object, a passive's subject, a headline participle's subject
    ("A Kenyan court found the former minister guilty.", ("KENJUD", "116", "KENELI")),
    ("Three Kenyan men were found guilty of murder.", (None, "116", "KENCVL")),
    ("Three Kenyan men found guilty of murder", (None, "116", "KENCVL")),
    ("Kenya held Uganda responsible for the attack.", ("KEN", "112", "UGA")),
])
def test_verdicts_and_blame(code, text, expected):
    assert expected in dyads(code(text)), dyads(code(text))


@pytest.mark.parametrize("text", [
    # of-content-verbs: the crime a verdict names is what it is about, not a second act
    "Three Kenyan men were found guilty of murder.",
    "A Kenyan court convicted three men of murder.",
])
def test_the_crime_of_a_verdict_is_no_event(code, text):
    assert not [e for e in code(text) if e.cameo[:2] in ("18", "19")], dyads(code(text))


@pytest.mark.parametrize("text", [
    # the passive's subject only: not the possessor of "X's daughter", nor the judge of "pleaded guilty before"
    "The Kenyan opposition leader's daughter was sentenced to seven years.",
    "He pleaded guilty to conspiracy before Kenyan Judge Peter Mwangi.",
    # verbs.tsv 112 A responsible takes its governor "hold": a duty is no accusation
    "The Kenyan ministry was responsible for the sale of the railway.",
])
def test_no_verdict_or_blame_on_a_bystander(code, text):
    assert not [e for e in code(text) if e.cameo[:2] == "11"], dyads(code(text))


def test_blame_for_a_harm_is_an_accusation(code):
    # events/derived.py: "responsible for" the attack is the claim "behind" the attack is
    assert ("UKR", "112", "RUS") in dyads(code("Ukraine says Russia is responsible for the attack on the dam."))


@pytest.mark.parametrize("text", [
    # lists.tsv hazard-nouns: an accidental explosion kills no one by force
    "A gas explosion killed six workers at a Slovenian factory.",
    # verbs.tsv none V capture / target objects, lists.tsv measure-nouns: figurative aims
    "The Kenyan photo exhibition captures Chinese culture.",
    "Britain targets carbon emissions with new investment.",
    "The Kenyan vaccination campaign targets two million children.",
])
def test_no_force_in_these_readings(code, text):
    assert not [e for e in code(text) if e.cameo[:2] == "19"], dyads(code(text))


def test_an_african_american_is_a_us_citizen(actors):
    # actors/countries.tsv USA adjectives: the longer phrase wins over the African region
    found = actors("Police in Ohio shot an African American man on Monday.")
    assert not [m for m in found if m[1].startswith("AFR")], found


@pytest.mark.parametrize(("text", "word"), [
    # lists.tsv force-modifier-heads: only an armed force before an act of force is its actor
    ("Nigerian police arrested 12 people over the church attack.", "church"),
    # lists.tsv venue-role-nouns: a building before a protest is where it happened
    ("Hundreds joined an embassy protest in Nairobi.", "embassy"),
])
def test_a_place_before_an_act_is_no_actor(actors, text, word):
    assert not [m for m in actors(text) if word in m[0]], actors(text)


@pytest.mark.parametrize(("text", "expected"), [
    # events/arguments.py: a participle before the noun it describes, where the row asks who acts (143 subj:)
    ("Striking Kenyan railway workers halted trains in Nairobi.", ("KENLAB", "143")),
    # verbs.tsv 143 N strike national | compound:bank: a national strike is a labour strike, never military
    ("A national strike by Brazil's bankworkers entered its third day.", ("BRALAB", "143")),
])
def test_labour_strikes(code, text, expected):
    assert any(e.source and (e.source.actor.code, e.cameo) == expected for e in code(text)), dyads(code(text))


def test_a_workplace_before_a_strike_is_no_striker(actors):
    # lists.tsv venue-role-nouns: "a bank strike" is struck by the bank's workers, not by the bank
    found = actors("An eight-day-old bank strike in Brazil started to crumble on Monday.")
    assert not [m for m in found if m[1].endswith("BUS")], found


@pytest.mark.parametrize(("text", "pair"), [
    # events/mentions.py: a headline's comma joins two nationalities on one head noun, as "and" does
    ("Chinese, Zambian FMs hold talks in Beijing", ("CHNGOV", "ZMBGOV")),
    ("Kenyan president holds phone talks with German, French leaders", ("KENGOV", "DEUGOV")),
])
def test_a_comma_list_of_nationalities_names_both_sides(code, text, pair):
    assert any(e.cameo.startswith("04") and e.source and e.target and
               {e.source.actor.code, e.target.actor.code} == set(pair) for e in code(text)), dyads(code(text))


def test_a_letter_of_intent_executed_is_no_execution(code):
    # lists.tsv abstract-objects (verbs.tsv none V execute): a document signed, no killing
    text = "The Kenyan bank said it executed a letter of intent to sell its Ugandan unit."
    assert not [e for e in code(text) if e.cameo[:2] == "18"], dyads(code(text))


def test_talks_a_day_before_the_news_are_the_subjects(code):
    # events/arguments.py: "a day after talks with" counts the time from the subject's own talks (meeting-after-
    # prepositions), through the noun of time the parser hangs "after" on
    text = "The Kenyan president flew to Mombasa on Monday, a day after a meeting with Uganda's president."
    assert ("KENGOV", "040", "UGAGOV") in dyads(code(text)), dyads(code(text))
