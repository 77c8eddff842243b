"""Words of force that name no act of force, acts that did not happen, and acts whose actor is not the subject
of the verb that mentions them. Sentences written by the team in the style of wire and broadcast news; each row
fails without the rule or the list it names."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder

pytestmark = pytest.mark.model

REPORT = "2022-05-15"


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, REPORT)


@pytest.mark.parametrize(("text", "absent_root"), [
    # a verb of force said of a plan, a law, a chance or a feeling (lists.tsv abstract-objects)
    ("Senate Republicans killed the bill on Tuesday.", "19"),
    ("The Kenyan government executed the plan in two stages.", "18"),
    ("The new tax destroyed the hopes of small businesses in Lagos.", "17"),
    ("Kenyan negotiators must seize the opportunity, the envoy said.", "17"),
    # a law or a measure aimed at someone (measure-nouns)
    ("The French measure targets companies that evade taxes.", "19"),
    # a road accident (vehicle-nouns), also through a participle sharing its governor's subject
    ("A van struck a 35-year-old man in Glasgow on Friday.", "19"),
    ("A fire tore through a church in New York, destroying the windows and the roof.", "17"),
    # a winner's rush; armed men on the march (troop-nouns)
    ("The ruling party stormed to victory in the Kenyan election.", "19"),
    ("Russian troops marched into the town on Monday.", "14"),
    ("Thousands of Chinese soldiers marched through Tiananmen Square during the parade.", "14"),
])
def test_figurative_and_accidental_force(code, text, absent_root):
    assert absent_root not in {e.cameo[:2] for e in code(text)}, dyads(code(text))


@pytest.mark.parametrize(("text", "root"), [
    # the same verbs with people, places and forces stay force
    ("Gunmen killed four Kenyan police officers near the border.", "19"),
    ("Protesters marched on the Kenyan parliament on Tuesday.", "14"),
    ("Islamist rebels seized the town of Kidal.", "19"),
    ("Russian missiles targeted the port of Odesa.", "19"),
])
def test_force_on_people_and_places_stays(code, text, root):
    assert root in {e.cameo[:2] for e in code(text)}, dyads(code(text))


@pytest.mark.parametrize(("text", "trigger"), [
    # no one did or underwent the act (nobody-words, or a noun under "no")
    ("No Israeli soldiers were killed in the attack.", "killed"),
    ("None of the Kenyan soldiers were wounded.", "wounded"),
    ("Kenyan police arrested no one at the rally.", "arrested"),
    ("With no Israelis killed, the council urged calm.", "killed"),
])
def test_no_one_negates_the_act(code, text, trigger):
    events = [e for e in code(text) if e.trigger_text == trigger]
    assert events and all(e.modality.polarity == "negative" for e in events), dyads(code(text))


@pytest.mark.parametrize(("text", "trigger"), [
    # leave to act, a right or an approval to act (prospect-verbs, prospect-nouns)
    ("The law authorized the American president to invade the Netherlands.", "invade"),
    ("Congress gave the president approval to invade Iraq.", "invade"),
    # an adjective of prospect on the act (prospect-modifiers)
    ("Japan has little protection from a potential North Korean missile attack.", "attack"),
    ("Belarusian police detained 20 people ahead of a planned protest in Minsk.", "protest"),
    # an act named as the subject of a light verb takes that verb's modality
    ("Officials said the attack may have been carried out by Islamic State militants.", "attack"),
    ("Talks between Russia and Ukraine could be held next week.", "Talks"),
])
def test_acts_only_allowed_or_foreseen_are_possible(code, text, trigger):
    events = [e for e in code(text) if e.trigger_text == trigger]
    assert events and all(e.modality.certainty == "possible" for e in events), dyads(code(text))


@pytest.mark.parametrize("text", [
    # "in the event that", "in case of": a condition, no act (scope)
    "The system would be used in the event that North Korea decided to launch a missile attack on Japan.",
    "NATO will defend Estonia in case of a Russian attack.",
])
def test_acts_in_the_event_of_are_conditions(code, text):
    assert not {e.cameo[:2] for e in code(text)} & {"19"}, dyads(code(text))


@pytest.mark.parametrize(("text", "expected"), [
    # who names, refers to or responds to an act did not commit it (judging-verbs, judged-prepositions)
    ("Referring to the killing of the Ukrainian activist, the minister said nothing.", (None, "190", "UKROPP")),
    # the act's "by" phrase the parser hung on the verb that judges it
    ("Iraq protested against illegal arms shipments to Iran by Sweden.", ("SWE", "072", "IRN")),
    # a journalist's detention was undergone, not made (undergone-nouns, a role of no state sector)
    ("The Ukrainian minister will raise the journalist's detention at the meeting.", (None, "173", "UKRMED")),
])
def test_acts_mentioned_are_not_the_mentioners(code, text, expected):
    source, cameo, target = expected
    events = [e for e in code(text) if e.cameo == cameo]
    assert events, dyads(code(text))
    assert all((e.source.actor.code if e.source else None) == source for e in events), dyads(code(text))
    if target is not None:
        assert any(e.target and e.target.actor.code == target for e in events), dyads(code(text))


def test_naming_an_act_is_not_doing_it(code):
    # a verb with an object predicate names its object ("called the shooting an act of cowardice")
    events = code("President Biden called the shooting in Uvalde, Texas, a cowardly act of hate.")
    assert not any(e.cameo[:2] == "19" and e.source and e.source.actor.code == "USAGOV" for e in events), \
        dyads(events)


@pytest.mark.parametrize(("text", "expected"), [
    # the act's own instrument and the time it was judged in are no judging
    ("Israel responded with artillery fire.", ("ISR", "194")),
    ("During the meeting of the party's executive committee, the Pakistani leader protested against the decision.",
     ("PAKGOV", "040")),
])
def test_instruments_and_times_are_not_judged(code, text, expected):
    source, cameo = expected
    assert any(e.cameo == cameo and e.source and e.source.actor.code == source for e in code(text)), \
        dyads(code(text))


@pytest.mark.parametrize(("text", "absent"), [
    # an emergency call, a police call for evidence, chatter: no consultation or appeal between political actors
    ("Staff at a nearby Kenyan shop called 911.", "041"),
    ("Kenyan police appealed for witnesses to come forward.", "020"),
    ("The French and German diplomats made small talk before the meeting.", "046"),
    # getting in touch needs someone on the other side; a talk is not held with its topic
    ("Scottish police appealed for witnesses to get in touch.", "040"),
    ("A classmate said the teenager had talked last week about attacking the Kenyan school.", "040"),
])
def test_no_consultation_with_no_one(code, text, absent):
    assert absent not in {e.cameo for e in code(text)}, dyads(code(text))


def test_a_talk_with_someone_about_a_topic_stays(code):
    assert ("USAGOV", "040", "FRAGOV") in dyads(code("Biden talked with Macron about Ukraine.")), \
        dyads(code("Biden talked with Macron about Ukraine."))


@pytest.mark.parametrize(("text", "root", "expected"), [
    # photos captured, threats battled, a bird strike: no force (none rows of capture, battle, fight, strike)
    ("The camera could capture photos of the Kenyan minister's house.", "19", False),
    ("The army throttled mobile data to battle the digital threat, officials said.", "19", False),
    ("A bird strike damaged the engine of a Kenyan airliner.", "19", False),
    # battling an army's forces is fighting ("market forces" no longer blocks "Russian forces")
    ("Ukrainian troops battled Russian forces near Bakhmut.", "19", True),
])
def test_struggles_with_things_and_with_forces(code, text, root, expected):
    assert (root in {e.cameo[:2] for e in code(text)}) is expected, dyads(code(text))


@pytest.mark.parametrize(("text", "absent"), [
    # a market rising (market-subjects), a chance destroyed (abstract-objects), money blocked in a vote
    ("Crude prices rallied on Tuesday after the OPEC deal.", "141"),
    ("The strike may have destroyed any possibility of a deal in Canberra.", "1712"),
    ("The Senate voted to block 25 mln dlrs in aid to the Afghan rebels.", "144"),
])
def test_markets_chances_and_money(code, text, absent):
    assert absent not in {e.cameo for e in code(text)}, dyads(code(text))


def test_a_union_striking_a_plant_strikes(code):
    # workers and unions as the subject of "strike" (labor-nouns): a labour strike, not an attack
    events = code("Some 500 members of the steelworkers union struck a mill in Ohio.")
    assert "143" in {e.cameo for e in events} and "190" not in {e.cameo for e in events}, dyads(events)


def test_two_forces_acting_on_a_thing_do_not_act_on_each_other(code):
    # force aimed at a third thing ("occupied one ship") is no clash between the two subjects
    events = code("Chilean marines and police occupied a tanker.")
    assert not {("CHLMIL", "192", "CHLCOP"), ("CHLCOP", "192", "CHLMIL")} & dyads(events), dyads(events)


@pytest.mark.parametrize(("text", "absent"), [
    # a question, a question put to the subject, pressing ahead: no appeal (matching._asks_something)
    ("Reporters continued to ask the Kenyan senator for several minutes whether he sent the image.", "020"),
    ("The White House, when pressed on the matter, had been vague.", "020"),
    ("Kenyan Republicans and Democrats pressed ahead with one point.", "020"),
    # running for office, courting voters (none rows of reelection and "appeal to")
    ("Kenyan Sen. Jane Roe said she would not seek re-election this year.", "024"),
    ("The Kenyan candidate will appeal to working-class conservatives.", "020"),
])
def test_questions_and_campaigns_are_no_appeals(code, text, absent):
    assert absent not in {e.cameo for e in code(text)}, dyads(code(text))


def test_pressing_someone_to_act_is_an_appeal(code):
    assert ("IGOEUREEC", "020", "RUS") in dyads(code("The EU pressed Russia to withdraw its troops."))


def test_the_object_of_a_relative_clause_is_the_noun_it_describes(code):
    # "the deal the governor struck": the deal is what was struck (057), no blow
    events = code("The legislature approved the deal the Texas governor struck with the teachers' unions.")
    assert "057" in {e.cameo for e in events} and not {"190", "111"} & {e.cameo for e in events}, dyads(events)


def test_fighting_for_a_cause_is_advocacy(code):
    events = code("Sen. Jane Roe vowed to keep fighting for the causes her campaign had championed.")
    assert not {"190", "111"} & {e.cameo for e in events}, dyads(events)


@pytest.mark.parametrize("text", [
    # a place before a natural cause is no owner ("Israeli fire" is someone's; "Bolivia landslide" nobody's), also
    # after a headline's bare participle whose subject is named
    "4 gold miners killed in Peru landslide",
    "2 killed in India's Kerala floods",
    # a struggle with a disease or a disaster (hazard-nouns)
    "Singapore bus drivers join COVID-19 battle",
])
def test_disasters_are_no_force(code, text):
    assert not any(e.cameo[:2] == "19" for e in code(text)), dyads(code(text))
