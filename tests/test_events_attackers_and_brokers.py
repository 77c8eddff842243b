"""Who attacked, who was taken and who only brokered: a country's abbreviation before an attack's noun is the
attacker; the people it killed are not its own; a person captured by the state is arrested; the broker of a deal
and the ally an apposition names are no party. Sentences written by the team (eleventh sitting, 2026-12-08) after
coding its own battery of broadcast-style sentences on attacks, protests, arrests and meetings; each row fails
without the rule or the row its comment names, except the guards marked as such."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2024-05-21")


@pytest.mark.model
@pytest.mark.parametrize(("text", "source"), [
    # events/mentions.py _adjective_actor: a country's capital initials before the act's noun, as an adjective
    ("A U.S. drone strike killed two militants in Yemen.", "USA"),
    ("A UK missile strike destroyed a radar site on the coast.", "GBR"),
    ("An American air strike killed two militants in Yemen.", "USA"),  # guard: the adjective, as before
])
def test_the_abbreviation_before_an_attack_is_the_attacker(code, text, source):
    assert source in {e.source.actor.code for e in code(text) if e.source and e.cameo[:2] in ("18", "19")}


@pytest.mark.model
def test_a_full_country_name_before_sanctions_is_their_target(code):
    # guard: "Iran sanctions" are sanctions on Iran; only initials read as an adjective
    events = [e for e in code("New Iran sanctions were imposed last week.") if e.cameo == "163"]
    assert events and all(e.source is None or e.source.actor.code != "IRN" for e in events)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # actors/context.py _attacker_modifier: the attacker named by the modifier of an attack's noun is not the
    # country of the people the sentence goes on to name
    "A Russian missile strike killed two civilians overnight.",
    "A Russian strike killed two civilians overnight.",
    "Israeli raids killed three militants before dawn.",
])
def test_the_victims_do_not_take_the_attackers_country(code, text):
    events = [e for e in code(text) if e.source and e.target]
    attacker = {e.source.actor.country for e in events}
    assert events and not attacker & {e.target.actor.country for e in events}


@pytest.mark.model
def test_the_police_of_the_country_keep_its_name(code):
    # guard: a country named on the actor itself still gives it, and the people it arrests, its country
    assert ("PAKCOP", "173", "PAKOPP") in dyads(code("Pakistani police arrested two activists in Lahore."))


@pytest.mark.model
@pytest.mark.parametrize(("text", "wanted"), [
    # verbs.tsv 173 capture rows: the police, or the state's forces taking a person, arrest them
    ("Police captured three suspects after a chase through the market.", "173"),
    ("Iraqi forces captured a senior militant leader in Anbar.", "173"),
    # guards: a town taken in battle stays force, and so do soldiers taken by rebels
    ("Russian troops captured the village after a week of fighting.", "190"),
    ("Rebels captured two soldiers near the border.", "190"),
])
def test_a_person_captured_by_the_state_is_arrested(code, text, wanted):
    assert wanted in {e.cameo for e in code(text) if e.cameo[:2] in ("17", "18", "19")}


@pytest.mark.model
def test_the_broker_of_a_deal_is_no_party_to_it(code):
    # events/roles.py _content_target, mediating-verbs in lists.tsv: the agent of "brokered" is a third party
    found = dyads(code("Serbia and Kosovo agreed to reopen the crossing in a deal brokered by the European Union."))
    assert ("SRB", "030", "XKX") in found or ("SRB", "030", "KSV") in found
    assert not [d for d in found if d[2] and d[2].startswith("IGOEU")]


@pytest.mark.model
def test_the_makers_of_a_rally_are_its_target(code):
    # guard: the agent of any other participle is still the party acted on
    targets = {e.target.actor.sector for e in code("Bangladeshi police banned a rally organised by students.")
               if e.target}
    assert "EDU" in targets


@pytest.mark.model
def test_an_ally_named_in_apposition_is_no_second_actor(code):
    # events/mentions.py: "an American partner" names others by their relation to America, not America itself
    sources = {e.source.actor.code for e in code("Jordan, a longtime American partner, rejected the proposal.")
               if e.source}
    assert sources == {"JOR"}
