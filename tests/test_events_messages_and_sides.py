"""Loads of aid, messages of praise and condolence, captives handed over, an envoy withdrawn, and two sides that
sign somewhere: sentences written by the team (eleventh sitting, 2026-12-08) after coding its own battery of
broadcast-style sentences on aid, contacts, releases and agreements; each row fails without the rule or the row its
comment names, except the guards marked as such."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2024-05-21")


@pytest.mark.model
@pytest.mark.parametrize(("text", "wanted"), [
    # quantity-nouns in lists.tsv: a unit or a load hands its "of" phrase to the verb ("20 tonnes of supplies")
    ("Turkey delivered 30 tonnes of medical supplies to Syria.", ("TUR", "073", "SYR")),
    # verbs.tsv 051 and 018 message rows: a congratulatory message is praise, a message of condolence condolence
    ("The Kenyan president sent a congratulatory message to the newly elected leader of Ghana.",
     ("KENGOV", "051", "GHAGOV")),
    ("The Indian prime minister sent a message of condolence to the Turkish president.",
     ("INDGOV", "018", "TURGOV")),
    # verbs.tsv 042 send and dispatch rows: a visit made through one's envoy
    ("Norway sent an envoy to Kampala to promote the peace talks.", ("NOR", "042", "UGAGOV")),
])
def test_loads_and_messages(code, text, wanted):
    assert wanted in dyads(code(text))


@pytest.mark.model
def test_a_particle_read_as_more_than_still_makes_the_phrasal_verb(code):
    # events/keys.py _keys: "handed over 12 soldiers", the parser reading "over 12" as "more than 12"
    assert "0841" in {e.cameo for e in code("The militants handed over 13 Thai hostages to the Red Cross.")}


@pytest.mark.model
def test_an_envoy_its_state_withdraws_comes_from_no_other_country(code):
    # actors/grouping.py: "its ambassador from Belarus" is Italy's envoy, withdrawn from Belarus
    assert ("ITA", "161", "BLR") in dyads(code("Italy withdrew its ambassador from Belarus after the vote."))


@pytest.mark.model
def test_a_state_and_its_rebels_sign_with_each_other(code):
    # events/roles.py _sides, challenger-sectors in lists.tsv: not with the town where they signed
    found = dyads(code("The Sudanese government and the rebels signed a ceasefire agreement in Juba."))
    assert ("SDNGOV", "057", "SDNREB") in found and ("SDNREB", "057", "SDNGOV") in found


@pytest.mark.model
def test_lawmakers_and_their_president_act_together(code):
    # guard: two bodies of one state who vow something together do not vow it to each other
    found = dyads(code("Kenyan lawmakers and the president vowed to fight corruption in Nairobi."))
    assert not {("KENLEG", "030", "KENGOV"), ("KENGOV", "030", "KENLEG")} & found


@pytest.mark.model
def test_playing_host_is_hosting(code):
    # verbs.tsv 043 N host row (governor "play"): hosting a visit, as the verb
    assert ("AREGOV", "043", "KENGOV") in dyads(code(
        "The Emirati president played host to the Kenyan president in Abu Dhabi."))


@pytest.mark.model
def test_those_who_die_in_a_strike_were_attacked(code):
    # verbs.tsv 190 N strike rows governed by "die in": force, not the dead's labour strike
    codes = {e.cameo for e in code("Two aid workers died in an Israeli strike on their convoy.")}
    assert "190" in codes and not {c for c in codes if c[:2] == "14"}


@pytest.mark.model
def test_who_urges_both_sides_is_not_one_of_them(code):
    # actors/coreference.py _pair: the subject of the clause that names "both sides" as its object is outside the pair
    found = dyads(code("Clashes broke out between Kyrgyzstan and Tajikistan. Kazakhstan urged both sides to show "
                       "restraint."))
    assert ("KAZ", "0256", "KGZ") in found and ("KAZ", "0256", "TJK") in found
