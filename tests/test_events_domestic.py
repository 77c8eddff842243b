"""Domestic news in the broadcast style: a protest named with no protester is by civilians of its place, and a role
named with its city or its US party-state tag takes that country in the event as in the actor table. Sentences
written by the team."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2022-05-15")


@pytest.mark.parametrize(("text", "expected"), [
    # no protester named: civilians of the place (rule unidentified: the event keeps actor_unknown)
    ("Protests erupted in Tucson after the verdict.", ("USACVL", "141", "USA")),
    ("Small protests were held in several towns of Chad on Friday.", ("TCDCVL", "141", "TCD")),
    # a protester named wins
    ("Nurses held a protest in Lagos.", ("NGAHLH", "141", "NGA")),
    # on a noun of place, "of" names where (open-place-nouns): "the streets of", "the centre of"
    ("Thousands of people took to the streets of Tbilisi on Sunday.", ("GEOCVL", "141", "GEO")),
    ("Protesters rallied in the centre of Minsk.", ("BLRCVL", "141", "BLR")),
    # a city before a role, a party-state tag
    ("Tucson police arrested two men.", ("USACOP", "173", "USACVL")),
    ("Sen. Jane Doe, D-Ariz., met with Mexican officials.", ("USALEG", "040", "MEXGOV")),
    # the only place of the act's clause, also inside its adverbial clause, places its roles ...
    ("A man was arrested on Tuesday after a shooting at a mall in Tucson, Arizona.", (None, "173", "USACVL")),
    ("Police arrested a man after a brawl outside a bar in Leeds.", ("GBRCOP", "173", "GBRCVL")),
    # a meeting in a city that hosts others' talks places no one there (neutral-venues); elsewhere it does
    ("The delegations met behind closed doors in Vienna.", ("---GOV", "040", None)),
    ("The senator met with union leaders in Detroit.", ("---LEG", "040", "USALAB")),
    # ... but not a place of a relative clause, which tells something of someone
    ("Police arrested a man who had traveled from Kenya.", ("---COP", "173", "---CVL")),
])
def test_domestic_actors(code, text, expected):
    assert expected in dyads(code(text)), dyads(code(text))


def test_force_in_the_next_sentence_is_where_the_act_before_was(code):
    # "... in Maiduguri. Two officers were killed.": the officers are of the country of the place of the act before
    found = dyads(code("Gunmen attacked a police post in Maiduguri on Sunday. Two police officers were killed."))
    assert (None, "190", "NGACOP") in found, found


@pytest.mark.parametrize("text", [
    "Police arrested 40 people during a demonstration outside the parliament in Tbilisi.",
    "Security forces killed two people at a protest in Khartoum.",
    "Riot police fired tear gas into the rally in Nairobi.",
])
def test_a_force_meeting_a_protest_does_not_protest(code, text):
    # crowd-roots and armed-sectors (lists.tsv): the protest the force acts at is the crowd's
    events = code(text)
    assert not any(e.cameo.startswith("14") and e.source is not None and e.source.actor.sector in ("COP", "MIL")
                   for e in events), dyads(events)


def test_the_protesters_of_a_protest_they_act_at_keep_it(code):
    found = dyads(code("Students blocked a highway during a protest in Lima."))
    assert any(source == "PEREDU" and cameo.startswith("14") for source, cameo, _ in found), found


def test_an_unnamed_protester_is_marked_unknown(code):
    [event] = [e for e in code("Protests erupted in Tucson after the verdict.") if e.cameo == "141"]
    assert event.actor_unknown and event.source.rule == "unidentified" and event.source.text == ""
