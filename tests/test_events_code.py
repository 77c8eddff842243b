"""Event coding on sentences written by the team in wire style: who did what to whom, with modality,
dates and places; plus the seed's events (../shared/seed/EXPECTED.md) and quality floors on the gold sets."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import dyads, sentence_coder, shared_path

pytestmark = pytest.mark.model

REPORT = "2023-05-15"  # a Monday


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, REPORT)


_dyads = dyads


@pytest.mark.parametrize(("text", "expected"), [
    ("China condemned the U.S. decision to sell weapons to Taiwan.", {("CHN", "111", "USA")}),
    ("Iran's foreign minister met his Omani counterpart in Muscat on Sunday.", {("IRNGOV", "040", "OMNGOV")}),
    ("The European Union imposed new sanctions on Belarus.", {("IGOEUREEC", "163", "BLR")}),
    ("Kenyan police arrested 12 protesters in Nairobi.", {("KENCOP", "173", "KENCVL")}),
    ("Hamas rejected the Israeli proposal.", {("PSEREB", "120", "ISR")}),
    ("Ukraine accused Russia of shelling the nuclear plant.", {("UKR", "1123", "RUS")}),
    ("Israeli troops were attacked by Hezbollah fighters near the border.", {("LBNREB", "190", "ISRMIL")}),
    ("The UN urged Ethiopia to allow aid into Tigray.", {("IGOUNO", "023", "ETH")}),
    ("Sudan's army refused to negotiate with the Rapid Support Forces.", {("SDNMIL", "125", "SDNREB")}),
    ("Houthi rebels fired missiles at Saudi Arabia.", {("YEMREB", "195", "SAU")}),
    ("NATO deployed additional troops to Lithuania.", {("IGOWSTNAT", "154", "LTU")}),
    # (one act: the shelling that killed the civilians of the place hit, with the shelling's code)
    ("Russian forces shelled the city of Kharkiv on Monday, killing three civilians.", {("RUSMIL", "194", "UKRCVL")}),
    ("Hundreds of protesters gathered outside the US embassy in Nairobi on Friday.", {("KENCVL", "141", "USAGOV")}),
])
def test_dyads(code, text, expected):
    assert expected <= _dyads(code(text))


@pytest.mark.parametrize(("text", "source", "target", "rule"), [
    # a role without a country takes the country of the place where it acted, or the one country named
    ("Opposition activists called off their march in Tbilisi after talks with the police.", "GEO", None, None),
    ("The Islamist party said it would boycott Jordan's parliamentary elections.", "JOR", "JOR", None),
    # a strike, a crackdown or a concession with no target is aimed at the actors' own country
    ("Three opposition parties in Bangladesh called a nationwide general strike.", "BGD", "BGD", "implicit"),
    ("Peru's government lifted the state of emergency on Tuesday.", "PER", "PER", "implicit"),
])
def test_missing_countries_from_the_sentence(code, text, source, target, rule):
    events = [e for e in code(text) if e.source is not None and e.source.actor.country == source]
    assert events, [(e.source and e.source.actor.code, e.cameo) for e in code(text)]
    if target is not None:
        assert any(e.target is not None and e.target.actor.country == target and (rule is None or e.target.rule == rule)
                   for e in events)


def test_no_country_guessed_for_a_state_from_its_counterpart(code):
    events = code("The government expressed gratitude for Japan's help.")
    assert all(e.source is None or e.source.actor.country != "JPN" for e in events)


def test_one_act_reported_twice_in_a_sentence_is_one_event(code):
    events = code("Four civilians were killed in Russian shelling of the city of Kherson on Sunday.")
    assert len([e for e in events if e.plover == "ASSAULT"]) == 1


def test_agreement_on_a_ceasefire_is_one_reciprocal_agreement(code):
    events = code("Armenia and Azerbaijan on Tuesday agreed to a truce in Nagorno-Karabakh.")
    assert {(e.source.actor.code, e.plover, e.target.actor.code) for e in events} == {
        ("ARM", "AGREE", "AZE"), ("AZE", "AGREE", "ARM")}


def test_past_act_identifying_a_noun_is_not_news(code):
    events = code("Interpol said it would send experts to identify the passengers killed in the crash.")
    assert not [e for e in events if e.plover == "ASSAULT"]
    assert [e for e in code("There were 12 soldiers killed in Mali on Friday.") if e.plover == "ASSAULT"]


def test_coordinated_sources_give_one_event_each(code):
    events = code("The US, the EU and the UK, along with several other countries, imposed sanctions on Russia.")
    assert _dyads(events) == {("USA", "163", "RUS"), ("IGOEUREEC", "163", "RUS"), ("GBR", "163", "RUS")}
    assert all(len(e.sources_all) == 3 for e in events)
    assert {e.plover for e in events} == {"SANCTION"} and {e.quad_class for e in events} == {4}


def test_reciprocal_and_meeting_place(code):
    events = code("India and Pakistan held talks in Islamabad.")
    assert _dyads(events) == {("IND", "046", "PAK"), ("PAK", "046", "IND")}
    assert all(e.reciprocal and e.location and e.location.name == "Islamabad" for e in events)
    assert events[0].location.country == "PAK" and events[0].location.lat is not None


def test_negated_conflict_is_kept_negative(code):
    [event] = code("Turkey did not attack Kurdish fighters in Syria.")
    assert event.cameo == "190" and event.modality.polarity == "negative" and "not" in event.modality.cue


def test_refusal_is_a_rejection_that_names_the_act_not_done(code):
    [event] = [e for e in code("Israeli President Moshe Katsav refused to meet King Abdullah II.") if e.source]
    assert event.plover == "REJECT" and event.cameo.startswith("12")


def test_negated_cooperation_is_recoded_as_rejection(code):
    [event] = code("The Turkish government did not provide assistance to the US.")
    assert event.plover == "REJECT" and event.negates and event.negates.startswith("07")


@pytest.mark.parametrize(("text", "expected"), [
    # a subject the parser leaves on a copula ("is mediating" read as "is" + attribute) still acts
    ("Norway is mediating between Colombia and the ELN rebels over a prisoner swap.", {"045"}),
    # a protest addressed to a government is an official complaint (114), not a demonstration; what it is
    # "over" is not the protester's own act
    ("Vietnam protested to China over the ramming of its fishing boat.", {("VNM", "114", "CHN")}),
    # an amount "in" aid: the noun names the act of the verb that governs the amount
    ("Norway pledged 40 million dollars in humanitarian aid to Sudan.", {("NOR", "0333", "SDN")}),
    ("The United Nations appealed for $900 million in humanitarian aid for Haiti.", {("IGOUNO", "0233", "HTI")}),
    # training another state's forces is military aid (072)
    ("Italy sent 50 military instructors to Niger.", {("ITA", "072", "NER")}),
    # talks "between" two sides are theirs, not the broker's
    ("Turkey brokered talks between Russia and Ukraine.", {("TUR", "045", "RUS"), ("TUR", "045", "UKR"),
                                                           ("RUS", "046", "UKR"), ("UKR", "046", "RUS")}),
])
def test_arguments_and_rows_grown_from_wire_wording(code, text, expected):
    events = code(text)
    if all(isinstance(x, str) for x in expected):
        assert {e.cameo for e in events} == expected and all(e.source.actor.code == "NOR" for e in events)
    else:
        assert _dyads(events) == expected


@pytest.mark.parametrize(("text", "cameo", "place"), [
    # the place inside a locative phrase's own place ("at a market in Kabul") is where it happened, and an
    # attacker named only as a bomber or shooter is an armed force of no stated side (UAF)
    ("A suicide bomber killed nine people at a bus station in Quetta on Friday.", "1831", "Quetta"),
    ("A shooter killed two people outside a shopping mall in Denver.", "190", "Denver"),
    ("Thousands of farmers marched through central Madrid against the new tariffs.", "141", "Madrid"),
])
def test_where_it_happened_inside_a_place_phrase(code, text, cameo, place):
    [event] = [e for e in code(text) if e.cameo == cameo]
    assert event.location is not None and event.location.name.endswith(place) and event.location.lat is not None


@pytest.mark.parametrize(("text", "cameo", "country"), [
    # a city name shared across countries moves to a namesake in a country the sentence names only when that
    # namesake is a city in its own right (Sindh's Hyderabad), not a small town (Geneva, New York; Paris, Texas)
    ("The American and Russian presidents met in Geneva on Wednesday.", "040", "CHE"),
    ("US and French diplomats held talks in Paris on Monday.", "046", "FRA"),
    ("Pakistani police arrested five men in Hyderabad on Sunday.", "173", "PAK"),
])
def test_a_namesake_city_must_be_a_city_in_its_own_right(code, text, cameo, country):
    events = [e for e in code(text) if e.cameo == cameo]
    assert events and all(e.location is not None and e.location.country == country for e in events), \
        [(e.cameo, e.location) for e in code(text)]


@pytest.mark.parametrize(("text", "cameo", "place", "source"), [
    # the parser hangs the place on the object of a physical act, on the verb completing it, or inside an
    # occasion ("during", "amid"): the act happened there, and a role takes that place's country
    ("Border agents detained four men in Arizona on Thursday.", "173", "Arizona", "USACOP"),
    ("Riot police fired tear gas to scatter demonstrators in Lyon.", "175", "Lyon", "FRACOP"),
    ("Troopers shot a driver during a roadside check in Ohio.", "193", "Ohio", "USACOP"),
    # ... or on the subject ("police in X"), and a place of no known country ("the Capitol") yields to the next
    # phrase's place of a known one
    ("Police in Tacoma fired tear gas at the crowd overnight.", "175", "Tacoma", "USACOP"),
    ("Hundreds of nurses rallied outside the Capitol in Sacramento.", "141", "Sacramento", "USAHLH"),
])
def test_where_it_happened_on_the_object_of_a_physical_act(code, text, cameo, place, source):
    [event] = [e for e in code(text) if e.cameo == cameo]
    assert event.location is not None and event.location.name.endswith(place)
    assert event.source is not None and event.source.actor.code == source


def test_the_subjects_place_is_no_target(code):
    # where the actor was is where the act happened, not whom it was aimed at
    events = [e for e in code("Police in Tacoma fired tear gas overnight.") if e.cameo == "175"]
    assert events and all(e.target is None for e in events), [(e.cameo, e.target) for e in events]


@pytest.mark.parametrize("text", [
    "The minister condemned the bombing in Mogadishu.",  # words about an act elsewhere: not where they were said
])
def test_words_about_an_act_take_no_place_from_its_object(code, text):
    assert all(e.location is None for e in code(text) if e.quad_class in (1, 3))


@pytest.mark.parametrize(("text", "expected"), [
    # actors named only by role, no country anywhere: the event stays, its country blank (domestic news)
    ("Rioters torched several shops overnight.", {("---CVL", "145", None)}),
    ("The sheriff's deputies arrested two protesters.", {("---COP", "173", "---CVL")}),
    ("Masked gunmen abducted eleven students.", {("---UAF", "181", "---EDU")}),
    # AP titles name the role; two people of one role and no country are two sides, not one actor
    ("Sen. Ann Carter met with Gov. Luis Ortega on Tuesday.", {("---LEG", "040", "---GOV")}),
    ("Justice Minister Ann Carter met Interior Minister Luis Ortega.", {("---GOV", "040", "---GOV")}),
    # one unnamed person is a civilian; a suspect is coded as the criminal the police take them for
    ("Police detained a 34-year-old woman at the scene.", {("---COP", "173", "---CVL")}),
    ("Detectives arrested a second suspect late on Sunday.", {("---COP", "173", "---CRM")}),
])
def test_roles_with_no_country_are_kept(code, text, expected):
    assert expected <= _dyads(code(text)), _dyads(code(text))


@pytest.mark.parametrize("text", [
    "A gunman opened fire at a bus depot in Leeds, killing four people.",
    "A suicide bomber struck a checkpoint in Kandahar, killing six policemen.",
])
def test_a_role_of_no_country_yields_to_the_same_act_placed(code, text):
    # the participle's act says less than the placed one: one assault, by the placed attacker, not a second
    # by a gunman of no country
    assaults = [e for e in code(text) if e.plover == "ASSAULT"]
    assert assaults and all(e.source is None or not e.source.actor.code.startswith("---") for e in assaults), \
        _dyads(assaults)


@pytest.mark.parametrize("text", [
    "Moldova pulled its soldiers out of the buffer zone on Friday.",
    "Russia withdrew its forces from Kherson.",
])
def test_own_forces_are_no_target(code, text):
    events = code(text)
    assert events and all(e.target is None or e.target.actor.country != e.source.actor.country for e in events)


@pytest.mark.parametrize(("text", "expected"), [
    ("The Emir of Kuwait sent a letter to the Iraqi president on Sunday.", {("KWTGOV", "040", "IRQGOV")}),
    ("Oman's foreign minister conveyed a message to Tehran on Monday.", {("OMNGOV", "040", "IRNGOV")}),
    ("The Syrian army used nerve agents against rebels near Damascus.", {("SYRMIL", "2041", "SYRREB")}),
    ("Berlin paid reparations to Namibia in May.", {("DEUGOV", "071", "NAM")}),
    # AP style writes "cease-fire", "sit-in", "walk-out": the tokenizer splits them, the lexicon reads them whole
    ("Nurses staged a walk-out at two hospitals in Nairobi.", {("KENHLH", "143", None)}),
    ("Farmers held a sit-in at the ministry in Accra.", {("GHAAGR", "141", "GHAGOV")}),
    ("The militia violated the cease-fire near Goma on Sunday.", {("CODREB", "196", "COD")}),
])
def test_letters_messages_and_chemical_agents(code, text, expected):
    assert expected <= _dyads(code(text)), _dyads(code(text))


@pytest.mark.parametrize(("text", "cameo", "certainty"), [
    # an act only weighed, hoped for or expected is not reported as done (data/lists.tsv: prospect-verbs,
    # likelihood-words); a decision to act is
    ("Norway is considering expelling two Swedish diplomats.", "161", "possible"),
    ("Norway weighs expelling two Swedish diplomats.", "161", "possible"),
    ("Norway is expected to expel two Swedish diplomats.", "161", "probable"),
    ("Norway decided to expel two Swedish diplomats.", "161", "certain"),
])
def test_an_act_weighed_or_expected_is_no_fact(code, text, cameo, certainty):
    [event] = [e for e in code(text) if e.cameo == cameo]
    assert event.modality.certainty == certainty


@pytest.mark.parametrize(("text", "cameo", "source"), [
    # the act of a claim that is denied, dismissed or rejected is coded, as denied (claim-nouns in lists.tsv)
    ("The Kremlin dismissed reports that Russian jets had bombed the market.", "195", "RUS"),
    ("Caracas rejected accusations that its police had arrested opposition leaders.", "173", "VENCOP"),
])
def test_a_denied_claim_codes_its_act_as_denied(code, text, cameo, source):
    events = code(text)
    assert "016" in {e.cameo for e in events}
    [event] = [e for e in events if e.cameo == cameo]
    assert event.modality.polarity == "negative" and event.source.actor.code == source


def test_hedges_and_conditions(code):
    [launch] = code("North Korea may launch another missile toward Japan.")
    assert launch.modality.certainty == "possible" and launch.modality.cue == "may"
    likely = code("US officials believe Zelensky will likely agree to hold peace negotiations.", "2022-11-06")
    assert likely and all(e.modality.certainty == "probable" for e in likely)
    assert all(e.source.actor.entity == "volodymyr-zelenskyy" for e in likely)
    ready = code("Lavrov said Russia was ready to hold talks if the West offered a conversation.", "2022-11-06")
    assert [e.cameo for e in ready] == ["036"]
    assert ready[0].modality.condition == "if the West offered a conversation"


def test_announced_acts_are_intents_or_threats(code):
    # (military aid announced is an intent to give military aid, 0332: conventions.tsv keeps the kind of aid)
    assert {e.cameo for e in code("Germany will send more tanks to Ukraine, Chancellor Olaf Scholz said.")} == {"0332"}
    threat = code("Nigeria said it would withdraw its peacekeepers from Chad unless the rebels disarmed.")
    assert threat and threat[0].plover == "THREATEN"
    # a force posture announced keeps its code (conventions.tsv "threatened 15 ="), marked as not yet happened
    [deployment] = code("Canada will deploy 400 soldiers to Latvia next month.")
    assert deployment.cameo == "154" and deployment.modality.certainty != "certain"


def test_obligation_stated_by_another_is_a_demand(code):
    [event] = code("President Emmanuel Macron said Iran must release the detained French citizens.")
    assert (event.source.actor.code, event.plover, event.target.actor.code) == ("FRAGOV", "REQUEST", "IRN")


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("Russian forces shelled Kharkiv on Saturday.", "2023-05-13", "day"),
    ("Russian forces shelled Kharkiv on Monday.", "2023-05-15", "day"),  # the report's own weekday
    ("On February 24, Russian forces launched a large military operation in Ukraine.",
     "2023-02-24", "day"),
    ("Russian forces shelled Kharkiv last week.", "2023-05-08", "week"),
    ("Russian forces shelled Kharkiv.", REPORT, "report"),
])
def test_event_dates(code, text, date, precision):
    [event] = code(text)
    assert (event.date, event.date_precision) == (date, precision)


def test_every_event_carries_its_evidence(code):
    for event in code("Houthi rebels fired missiles at Saudi Arabia."):
        assert event.pattern.startswith("verbs.tsv:") and event.trigger_text == "fired"
        record = event.to_dict()
        assert record["trigger"] == {"text": "fired", "start": 14, "end": 19}
        assert record["cameo_root"] == "19" and record["goldstein"] <= -9


def test_seed_events(settings, nlp):
    """../shared/seed/EXPECTED.md, the events a user expects from the founding dispatch."""
    from thucydides.ingest import read
    from thucydides.pipeline import Coder

    seed = shared_path("seed", "000_9f3a856de257ed78.txt")
    settings = replace(settings, published="2022-11-06")
    [article] = list(Coder(settings, nlp=nlp).code(read([str(seed)], settings)))
    events = article.events
    dyads = _dyads(events)
    appeal = [e for e in events if e.cameo == "026"]
    assert appeal and appeal[0].source.actor.code == "USAGOV" and appeal[0].target.actor.code == "UKRGOV"
    assert (appeal[0].date, appeal[0].date_precision) == ("2022-11-05", "reported")  # "on Saturday"
    assert any(e.cameo.startswith("10") and e.source.actor.country == "USA" for e in events)
    assert any(e.cameo.startswith("05") and e.source.actor.country == "USA" for e in events)
    agree = [e for e in events if e.source and e.source.actor.entity == "volodymyr-zelenskyy"
             and e.cameo[:2] in ("03", "08")]
    assert agree and all(e.modality.certainty == "probable" for e in agree)  # a prediction, not an act
    # the National Security and Defense Council's earlier decision not to hold talks with Putin, relayed inside
    # the US demand: a rejection (125) by UKR of RUS, not part of what is demanded
    assert ("UKRGOV", "125", "RUSGOV") in {(e.source.actor.code, e.cameo, e.target.actor.code) for e in events
                                          if e.source and e.target}
    # Peskov: Kiev "was acting under external orders": an accusation (11x) by RUS of UKR
    assert any(e.cameo.startswith("11") and e.source.actor.entity and "peskov" in e.source.actor.entity
               and e.target.actor.code == "UKRGOV" for e in events if e.source and e.target)
    assert any(e.cameo == "036" and e.source.actor.code == "RUSGOV" for e in events)
    # Lavrov: Russia is ready to listen "if they offered to organize a conversation": a conditional intent
    assert any(e.cameo.startswith("03") and e.source.actor.country == "RUS" and e.modality.condition
               and e.modality.condition.startswith("if they offered") for e in events)
    force = [e for e in events if e.cameo == "190"]
    assert force and force[0].date == "2022-02-24" and force[0].target.actor.code == "UKR"
    assert {("USA", "163", "RUS"), ("IGOEUREEC", "163", "RUS"), ("GBR", "163", "RUS")} <= dyads
    assert ("WST", "072", "UKRGOV") in dyads


# Quality floors on the gold sets: they only move up, on purpose (measured figures: docs/figures.md).
FLOORS = {
    "plover_dev.jsonl": {"type": 0.85, "type+countries": 0.72},
    # PETR2 codes one act reported twice as two events, "said they will attack" as a statement (01), "will meet"
    # as a meeting and a meeting place as its target, and never guesses a home country; we code the act once,
    # the announced attack as a threat (13), "will meet" as an intent (036) with no place target, and do guess
    # (see docs/conventions.md): these cost a few points here and gain more on PLOVER. PETR2 also codes no act
    # whose one actor is a role of no country; we keep it with the country blank, as GDELT does, for domestic
    # news that never names its country: one of its negatives (8 of 12 clean, was 9); and "she" now finds the role
    # named as the subject before it (a minister), which gives one comment of hope (013) a source that PETR2
    # leaves uncoded (7 of 12)
    "petr2_gsr_validation.jsonl": {"type": 0.72, "type+countries": 0.645, "clean_negatives": 7},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_floors(coder, name):
    from thucydides.evaluation.events import read_gold, score

    records = read_gold(shared_path("gold", "events", name))
    articles = coder.code_sentences([(r["text"], r.get("date")) for r in records])
    scores = score(records, [a.events for a in articles])
    print(f"{name}\n{scores.summary()}")
    for level, floor in FLOORS[name].items():
        if level == "clean_negatives":
            assert scores.clean_negatives >= floor
        else:
            assert scores.prf(level)[2] >= floor, (level, scores.prf(level))


# Hand-checked events of the team's sample dispatches (samples/, docs/samples.md): each must be coded.
SAMPLE_EVENTS = [
    ("04_tass_prisoner_swap_source.txt", "RUSGOV", "051", "ARE"),  # the ministry thanked the UAE
    ("04_tass_prisoner_swap_source.txt", "RUSGOV", "112", "UKRGOV"),  # Moscow has accused Kiev
    ("05_reuters_grain_ship.txt", "RUS", "19", "UKR"),  # Russian missiles struck the port of Odesa
    ("10_ap_taiwan_drills.txt", "TWNGOV", "111", None),  # Taiwan's Defense Ministry condemned
    ("10_ap_taiwan_drills.txt", "USAGOV", "02", "CHNGOV"),  # the State Department urged Beijing
    ("12_afp_istanbul_talks.txt", "UKRGOV", "112", "RUSGOV"),  # Zelensky accused the Kremlin
    ("13_afp_port_sudan_drones.txt", "SDN", "161", "ARE"),  # severing relations with the UAE
    ("13_afp_port_sudan_drones.txt", "SDN", "112", "AREGOV"),  # accusing Abu Dhabi
    ("18_upi_navalny_sanctions.txt", "USAGOV", "163", None),  # the Biden administration imposed sanctions
]


@pytest.mark.parametrize(("name", "source", "code", "target"), SAMPLE_EVENTS)
def test_sample_events(settings, coder, name, source, code, target):
    from conftest import SAMPLES
    from thucydides.ingest import read

    [article] = list(coder.code(read([str(SAMPLES / name)], settings)))
    found = [e for e in article.events if e.source and e.source.actor.code == source and e.cameo.startswith(code)
             and (target is None or (e.target and e.target.actor.code == target))]
    assert found, [(e.source and e.source.actor.code, e.cameo, e.target and e.target.actor.code)
                   for e in article.events]


def test_pronoun_object_from_an_earlier_sentence(coder):
    """A pronoun resolved to a mention of another sentence must not be read with this sentence's tokens."""
    [article] = coder.code_sentences([("Russian forces captured the town on Monday. Two days later Ukrainian "
                                       "troops attacked them and retook it.", REPORT)])
    assert any(e.cameo.startswith("19") for e in article.events)


def test_clause_cut_at_its_conjunction_stays_background(settings, coder):
    """samples/01 ends with "... announced the start of the operation after the heads of the Donbass republics
    asked Moscow for help": the parser reads "after the heads" as a phrase and "asked" as a clause without a
    subject, which then took the main clause's subject (Putin asking Moscow). Like any "after X did Y" clause
    it is background, not a reported act."""
    from conftest import SAMPLES
    from thucydides.ingest import read

    [article] = list(coder.code(read([str(SAMPLES / "01_tass_peskov_f16.txt")], settings)))
    assert any(e.trigger_text == "operation" for e in article.events)  # the main clause is still coded
    assert not [e for e in article.events if e.trigger_text == "asked"]


def test_attack_from_a_place_and_comments_about_an_attack(code):
    events = code("Rockets were fired from Lebanon at northern Israel overnight.")
    assert ("LBN", "ISR") in {(e.source.actor.code, e.target.actor.code) for e in events if e.source and e.target}
    # what a sympathy comment is about is not a second event; a US state is in the US
    events = code("The governor expressed sorrow for the shootings in South Carolina.")
    assert not [e for e in events if e.plover == "ASSAULT"]
    events = code("China is holding naval drills off Hawaii.")
    assert any(e.target is not None and e.target.actor.country == "USA" for e in events)


def test_own_envoy_and_each_other(code):
    assert _dyads(code("France recalled its ambassador to Niger on Monday.")) == {("FRA", "161", "NER")}
    events = code("Moscow and Kyiv accused each other of shelling the plant.")
    assert {(e.source.actor.country, e.target.actor.country) for e in events if e.plover == "ACCUSE"} == {
        ("RUS", "UKR"), ("UKR", "RUS")}



def _whole(coder, text, published):
    """One article coded end to end from plain text (datelines and paragraphs read as in real input)."""
    from thucydides.types import InputRef, RawDocument

    [article] = coder.code_chunk([RawDocument(ref=InputRef("t.txt"), format="text", text=text, published=published)])
    return article


def _coded_dyads(events):
    return {(e.source.actor.code if e.source else None, e.cameo, e.target.actor.code if e.target else None)
            for e in events}

def test_they_after_a_pair_is_both(coder):
    text = "BEIJING (Reuters) - Vladimir Putin and Xi Jinping met in Beijing on Tuesday. They signed an energy agreement."
    article = _whole(coder, text, "2024-05-07")
    signed = {(e.source.actor.country, e.target.actor.country) for e in article.events if e.trigger_text == "signed"}
    assert signed == {("RUS", "CHN"), ("CHN", "RUS")}


@pytest.mark.parametrize(("text", "expected"), [
    # a crowd with no place named is of the dateline's country, as the actor stage places police; with no dateline
    # it is of no known country
    ("LAGOS, Nigeria (AP) — Hundreds of people rallied on Monday outside the offices of the electoral commission.",
     ("NGACVL", "dateline")),
    ("Hundreds of people rallied on Monday outside the offices of the electoral commission.", ("---CVL", "role")),
])
def test_a_crowd_with_no_place_takes_the_dateline(coder, text, expected):
    article = _whole(coder, text, "2024-05-06")
    [event] = [e for e in article.events if e.cameo == "141"]
    assert (event.source.actor.code, event.source.rule) == expected


def test_people_named_by_number_are_civilians_of_the_place_or_dateline(coder):
    # force on people named only by their number is force on civilians of the place, else of the dateline's
    # country; the dateline's police arresting suspects keep them as the target (a state role of the dateline's
    # country acting on its own state is still no target)
    text = ("MOGADISHU, Somalia (AP) — A suicide bomber killed at least 15 people at a market on Saturday, officials "
            "said.\n\nPolice arrested three suspects hours later.\n\nIn a second attack, gunmen killed nine people in "
            "Baidoa.")
    article = _whole(coder, text, "2024-05-06")
    dyads = _coded_dyads(article.events)
    assert {("SOMUAF", "1831", "SOMCVL"), ("SOMCOP", "173", "SOMCRM"), ("SOMUAF", "190", "SOMCVL")} <= dyads, dyads


def test_blame_traded_cities_attacked_and_the_army_named_before(coder):
    text = ("BEIRUT, Oct 3, 2024 (AFP) - Israeli strikes hit southern Beirut overnight.\n\n"
            "An Israeli military spokesman said the army had targeted weapons depots.\n\n"
            "Russia and Ukraine traded blame for the attack on the dam.")
    article = _whole(coder, text, "2024-10-03")
    dyads = {(e.source.actor.code if e.source else None, e.plover, e.target.actor.code if e.target else None)
             for e in article.events}
    assert ("ISR", "ASSAULT", "LBN") in dyads  # the city is hit, not the government it can stand for
    army = next(m for m in article.actors if m.text == "army")
    assert army.actor.code == "ISRMIL"  # the military just named, not the dateline's
    assert {("RUS", "ACCUSE", "UKR"), ("UKR", "ACCUSE", "RUS")} <= dyads
    assert not [d for d in dyads if d[1] in ("COOPERATE", "ASSAULT") and d[0] in ("RUS", "UKR")]


@pytest.mark.parametrize(("text", "plover", "pair"), [
    ("Armenia and Azerbaijan reached a consensus on border demarcation at a regional meeting.", "AGREE", ("ARM", "AZE")),
    ("Turkish soldiers stayed on high alert in northern Syria after the clashes.", "MOBILIZE", ("TUR", "SYR")),
    ("President Museveni reneged on a pledge to hold a referendum.", "REJECT", None),
])
def test_more_vocabulary(code, text, plover, pair):
    events = [e for e in code(text) if e.plover == plover]
    assert events, [(e.plover, e.cameo) for e in code(text)]
    if pair is not None:
        assert any(e.source and e.target and (e.source.actor.country, e.target.actor.country) == pair
                   for e in events), [(e.source and e.source.actor.code, e.target and e.target.actor.code)
                                      for e in events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Washington imposed sanctions on two Chinese firms accused of supplying Russia's military.",
     ("USA", "SANCTION", "CHN")),
    ("North Korea fired a ballistic missile into the sea off its east coast.", ("PRK", "MOBILIZE", None)),
    ("Hezbollah fired rockets into northern Israel.", ("LBN", "ASSAULT", "ISR")),
])
def test_targets_on_the_object_and_into(code, text, expected):
    events = code(text)
    got = {(e.source.actor.country if e.source else None, e.plover, e.target.actor.country if e.target else None)
           for e in events}
    assert expected in got, got
    if expected[1] == "MOBILIZE":
        assert not [e for e in events if e.plover == "ASSAULT"]  # a test into the sea attacks no one


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # both members of a coordinated subject meet, wherever the parser hangs the "and"; the city is no target
    ("Emmanuel Macron and Olaf Scholz plan to meet in Geneva next month.",
     {("FRA", "036", "DEU"), ("DEU", "036", "FRA")}, {("FRA", "036", "CHE")}),
    # with no attacker named, an unidentified armed force of the country where the attack happened
    ("Two French soldiers were killed by a roadside bomb near the town of Gao in Mali.",
     {("MLI", "190", "FRA")}, set()),
    # the passive subject is the weapon, what it was fired at is the target; the state hit accuses the attacker
    ("Israel said rockets had been fired at it from Lebanon overnight.",
     {("LBN", "194", "ISR"), ("ISR", "112", "LBN")}, set()),  # (194: the passive's subject, rockets)
    # the actor named in a compound ("an al-Shabaab camp") is the target, not the nearby town
    ("The United States conducted an airstrike on an al-Shabaab camp west of Kismayo.",
     {("USA", "195", "SOM")}, set()),
    # a parser's reduced relative ("detained last week") is background: no arrest by the detainees
    ("The activists detained last week in Minsk were released on Monday by the authorities.",
     set(), {("BLR", "173", "BLR")}),
    # a ministry's own people are not the demonstrators' own: hosting them is an act on them
    ("Armenian protesters received officials from the Armenian government.", {("ARM", "043", "ARM")}, set()),
    # a city the parser does not tag as a place is still the place attacked
    ("Russian forces shelled Kramatorsk overnight.", {("RUS", "194", "UKR")}, set()),
    # a role "from" a country is that country's ("activists from Myanmar"); "military-ruled" is no sector
    ("The envoy will meet opposition activists from military-ruled Myanmar in Bangkok.", {(None, "036", "MMR")},
     set()),
    # names written in lower case where they cannot be common words
    ("Syrian forces clashed with lebanese rioters near the border.", {("SYR", "190", "LBN")}, set()),
    # a comment or a meeting is aimed at the country it is about; its topic is no second event
    ("The Kenyan president expressed condolences over the floods in Mozambique.", {("KEN", "018", "MOZ")}, set()),
    ("The foreign ministers attended a conference on the violence in Sudan.", {(None, "040", "SDN")},
     {(None, "145", "SDN"), (None, "190", "SDN")}),
    # travel warnings reduce relations; warning others against an attack is no threat
    ("Canada advised against all travel to Haiti.", {("CAN", "160", "HTI")}, set()),
    ("China warned against any attack on Iran's nuclear sites.", {("CHN", "012", None)}, {("CHN", "1384", "IRN")}),
    ("Growth in Germany may fall below one percent, the economy minister warned.", set(),
     {(None, "130", "DEU"), ("DEU", "130", "DEU")}),
    ("Belarus's interior minister warned that police would break up any further opposition rallies.",
     {("BLR", "130", "BLR")}, set()),
    # the place a projectile hit says nothing of who fired it; forces deployed are the actor's own
    ("Three rockets were fired at Haifa on Sunday.", {(None, "194", "ISR")}, {("ISR", "194", "ISR")}),
    ("Additional Russian troops were deployed to Belarus.", {("RUS", "154", "BLR")}, {(None, "154", "RUS")}),
    # "visiting" before a guest's title is no visit by the host; the guest is the target (Xinhua style)
    ("Chinese President Xi Jinping on Tuesday held talks with visiting Kenyan President William Ruto in Beijing.",
     {("CHN", "046", "KEN"), ("KEN", "046", "CHN")}, set()),
    ("Erdogan received visiting Iraqi Prime Minister Mohammed Shia al-Sudani in Ankara.", {("TUR", "043", "IRQ")},
     {("TUR", "042", "IRQ")}),
    # gunmen of unknown country, placed later by the attack's place, are one attack; a sanction's reason is no event
    ("Gunmen killed 12 villagers in an attack in northern Burkina Faso on Sunday.", {("BFA", "190", "BFA")},
     {(None, "190", None)}),
    ("The European Union imposed sanctions on two Iranian officials over the crackdown on protesters.",
     {("IGO", "163", "IRN")}, {("IGO", "175", "IRN")}),
    # a participle with its own object is a finite verb the parser missed ("airstrikes killed 30 people")
    ("Israeli airstrikes killed at least 30 people across the Gaza Strip overnight.", {("ISR", "195", "PSE")},
     set()),
    # the circumstance of an exchange ("in a deal brokered by the UAE") is not its target
    ("Russia and Ukraine exchanged 95 prisoners of war in a deal brokered by the United Arab Emirates.",
     {("RUS", "0841", "UKR"), ("UKR", "0841", "RUS")}, {("RUS", "0841", "ARE")}),
    # a state's forces act in their own country when only the place is named; a town is no surname
    ("Security forces arrested dozens of opposition supporters in Dhaka ahead of the election.",
     {("BGD", "173", "BGD")}, set()),
    ("M23 rebels captured the town of Sake, 25 km from Goma.", {("COD", "190", "COD")}, {("COD", "190", "COG")}),
    # "leaders of the opposition alliance": whose leaders they are; an alliance names no sector of its own
    ("Leaders of the Musavat (Equality) opposition alliance agreed to delay the march in Baku.",
     {("AZE", "030", "AZE")}, {(None, "030", "AZE")}),
    # "what it called an illegal bid" names; it is no phone call
    ("The airline will fight what it called the government's illegal takeover bid.", set(), {(None, "041", None)}),
    ("Opposition activists called off their march after talks with the police.", set(),
     {(None, "041", None)}),
    # "seeking to strengthen a partnership": an intent (03x) of both sides
    ("Chile and Peru are seeking to strengthen their partnership in trade.",
     {("CHL", "032", "PER"), ("PER", "032", "CHL")}, set()),
    # pressing an actor to act is a demand on it; the act demanded is no event
    ("The president is being pressured by parliament to release the prisoners.", set(), {(None, "0841", None)}),
    ("Belgrade faces pressure from the European Union to arrest the suspects.", {("IGO", "100", "SRB")}, set()),
    # a team or rescuers sent to help is assistance; announced with "will", an intent
    ("Japan will send a team of experts to help identify the victims.", {("JPN", "033", None)}, set()),
    # talks are held by both sides
    ("The Sudanese army chief held talks with the Chadian president in Ndjamena.",
     {("SDN", "046", "TCD"), ("TCD", "046", "SDN")}, set()),
    # exercises by two countries' forces are joint (062), both ways
    ("Indian and Japanese warships began five days of naval drills in the Bay of Bengal.",
     {("IND", "062", "JPN"), ("JPN", "062", "IND")}, set()),
    # "willing to" is an intent; "ruled" without "out" negates nothing
    ("Eritrea said it was willing to pull its forces out of Sudan.", {("ERI", "0356", "SDN")}, set()),
    ("Hamas ruled Gaza is sharing intelligence with Hezbollah, according to the report.", {("PSE", "064", "LBN")},
     set()),
    # two sides acting on their own countries act on each other
    ("Polish and Czech ministers agreed that their countries would work together on energy.",
     {("POL", "030", "CZE"), ("CZE", "030", "POL")}, set()),
    # the verb of a nominal trigger does not use up its clause: the killing and the arrests are events too;
    # force meant to disperse a crowd is aimed at it
    ("Kenyan police fired tear gas to disperse opposition supporters in Kisumu, arresting 20.",
     {("KEN", "173", "KEN")}, set()),
    # "up to 16": the object the parser hangs on "up to"
    ("Gunmen kidnapped up to 12 Chinese workers from a mine.", {(None, "181", "CHN")}, {("CHN", "181", "CHN")}),
    # the deployed forces' owner acts; peacekeepers deployed are aid (074); "Bosnia" is a country place
    ("A new deployment of Irish peacekeeping forces landed in Bosnia on Monday.", {("IRL", "074", "BIH")},
     set()),
    # a list of nominal triggers shares its verb and subject
    ("Sudanese rebels directed mortar and artillery fire at the town.", {("SDN", "194", None)}, set()),
    # permission withheld is a rejection; what it would have allowed is no event
    ("Egypt said it had not given permission to Israel to send troops into Rafah.", {("EGY", "124", "ISR")},
     {("ISR", "154", "EGY"), ("ISR", "154", None)}),
    # a perfect-tense relative clause describes an actor's record, not the news
    ("Jordan bombed the jihadist movement that has seized villages in southern Syria.", {("JOR", "195", "SYR")},
     {("MEA", "171", "SYR"), ("SYR", "192", "SYR"), (None, "192", "SYR")}),
    # what is demanded, refused or threatened has not happened: no second event for it
    ("Ukraine demanded an admission by Moscow that Russian troops had shelled the plant.", {("UKR", "100", "RUS")},
     {("RUS", "194", None), ("RUS", "194", "UKR")}),
    ("Armenia demanded an urgent meeting of the OSCE to discuss the blockade.", {("ARM", "100", "IGO")},
     {("ARM", "040", None)}),
    # opposing a move is rejecting it, also as "is opposed to"; two rejections stay two events
    ("Mali's junta rejected an Algerian peace plan and opposed the deployment of West African troops.",
     {("MLI", "120", "DZA"), ("MLI", "120", "WAF")}, set()),
    ("Turkey is opposed to Swedish membership of the alliance.", {("TUR", "120", "SWE")}, set()),
    # a protest is aimed at whom its purpose or "in defiance of" names; its reason is background; preventing a
    # demonstration restricts freedoms (1721)
    ("Students in Tehran blocked the main highway to express their anger at the British embassy.",
     {("IRN", "144", "GBR")}, {("IRN", "144", "IRN")}),
    ("Students in Dhaka rallied in defiance of Indian pressure.", {("BGD", "141", "IND")}, set()),
    ("Nepali parties called a strike that paralysed Kathmandu in protest of the arrest of activists.",
     {("NPL", "143", "NPL")}, {(None, "173", "NPL"), (None, "170", "NPL")}),
    ("Police in Ankara prevented a student rally from taking place.", {("TUR", "1721", "TUR")}, set()),
    # a running conflict named as the frame is not a new event
    ("Two soldiers were killed in the worst attack of the current uprising.", set(), {(None, "140", None)}),
    # "X was behind the attacks", said or shown by another party, is its accusation of X
    ("Kenya says there is evidence showing that al-Shabaab was behind the bombing.", {("KEN", "112", "SOM")},
     set()),
    ("Iran was behind the attack on the tanker, the Israeli military said.", {("ISR", "112", "IRN")}, set()),
    # the state whose people or places were hit, saying another country's force hit them, accuses it; the target
    # the actor stage placed only by the last country named is of the place the force fell on
    ("The Ukrainian army said Russian troops shelled a school in Kharkiv.",
     {("UKR", "112", "RUS"), ("RUS", "194", "UKR")}, {("RUS", "194", "RUS")}),
    ("Israeli troops raided a clinic in Jenin.", {("ISR", "190", "PSE")}, {("ISR", "190", "ISR")}),
    # a third party reporting it accuses no one
    ("Syrian state media said rebels shelled a school in Damascus.", set(), {("SYR", "112", "SYR")}),
    # a country's first-level regions place an act (admin_regions.tsv), with the region noun inside the name or
    # after it ("Borno State", "Zamfara state"); forces of the same country fought in a clash are a target
    ("Troops killed ten militants in Borno State on Friday.", {("NGA", "190", "NGA")}, set()),
    ("Gunmen abducted a farmer in Zamfara state on Sunday.", {("NGA", "181", "NGA")}, set()),
    ("Houthi fighters clashed with government forces in Hodeidah on Monday.", {("YEM", "190", "YEM")}, set()),
    # force with no target named, told by another state (also through a nominal act: "opened fire"), accuses
    ('A Greek coast guard spokesman said Turkish patrol boats "opened fire first" near the islet.',
     {("GRC", "112", "TUR"), ("TUR", "193", None)}, set()),
])
def test_arguments_found_this_stop(code, text, expected, absent):
    got = {(e.source.actor.country if e.source else None, e.cameo, e.target.actor.country if e.target else None)
           for e in code(text)}
    assert expected <= got, got
    assert not absent & got, got


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a document speaks for whoever issued it; with no author named, for the country it was released in,
    # unless that is a seat of international organisations
    ("A report released by the Kenyan government accused Somalia of harbouring militants.",
     {("KEN", "112", "SOM")}, set()),
    ("A report released in the Kenyan capital on Monday charged that Somalia was sheltering militants.",
     {("KEN", "112", "SOM")}, set()),
    ("A statement issued in Geneva accused Somalia of harbouring militants.", set(), {("CHE", "112", "SOM")}),
    # a national airline is a business of its country; a bombing by a military weapon is military force
    ("A Turkish Airlines plane was blown up by a missile over the border.", {(None, "190", "TUR")},
     {(None, "183", "TUR")}),
    # violence by protesters is a violent protest (145), not military force
    ("Serbian protesters torched the Albanian embassy in Belgrade.", {("SRB", "145", "ALB")}, {("SRB", "1712", "ALB")}),
    ("The Albanian embassy was set on fire by a Serbian protester.", set(), {("SRB", "190", "ALB")}),
    # who condemns, reports or investigates an act did not commit it
    ("NATO condemned the attack on the convoy.", set(), {("IGO", "190", None), (None, "190", None)}),
    ("The European Union condemned the Russian attack on Kharkiv.", {("RUS", "190", "UKR")}, set()),
    ("The summit with Iran was condemned by Israeli lawmakers.", {("ISR", "111", None)}, {("ISR", "040", None)}),
    # a reason given ("because of"), or what someone is (not) authorized to do, is no act of this sentence
    ("Sudan recalled its envoy from Chad because of the shelling of Geneina by Chadian troops.",
     {("SDN", "161", "TCD")}, {("TCD", "194", "SDN"), ("TCD", "194", None)}),
    ("Two Israeli officials, who were not authorized to discuss the talks with Egypt, spoke on condition of "
     "anonymity.", set(), {("ISR", "046", "EGY"), ("ISR", "125", "EGY")}),
    # a plain question or a request for anonymity is no appeal; what a question asks about did not happen
    ("Two Kenyan officials, who asked not to be identified, said the talks had stalled.", set(),
     {("KEN", "020", None)}),
    ('"Why now?" the Kenyan foreign minister asked.', set(), {("KEN", "020", None)}),
    ("The Kenyan president asked that Uganda withdraw its troops.", {("KEN", "0256", "UGA")}, set()),
    ("The Kenyan president asked whether Uganda would withdraw its troops.", set(),
     {("UGA", "035", "UGA"), ("UGA", "0874", "UGA"), ("KEN", "0256", "UGA")}),
    # the copula carries negation and conditions to a predicate adjective ("was not ready to hold talks")
    ("Russia was not ready to hold talks with Ukraine.", {("RUS", "125", "UKR")}, {("RUS", "036", "UKR")}),
    # a charge stated about another country's actor is an accusation (data/events/charges.tsv)
    ("The Kremlin said Kyiv was acting under external orders.", {("RUS", "112", "UKR")}, set()),
    ("Iran said the Saudi government was a puppet of Washington.", {("IRN", "112", "SAU")}, set()),
    ("Iran said the Saudi government would host the talks.", set(), {("IRN", "112", "SAU")}),
    # a decision some actor took is its act, also inside what another actor demands or refuses
    ("Washington demanded that Kyiv repeal the Council's decision not to hold talks with Russia.",
     {("USA", "1042", "UKR")}, set()),
    ("Zelensky's refusal to engage in dialogue is causing concern in Europe.", {("UKR", "125", None)}, set()),
    # the market's demand, meeting requirements and eliminating tariffs are no political acts
    ("Chinese demand for Australian coal fell sharply in March.", set(), {("CHN", "100", "AUS")}),
    ("The Kenyan government said it would meet the loan requirements of the IMF.", set(),
     {("KEN", "080", "IGO"), ("KEN", "035", "IGO")}),
    ("Iran eliminated tariffs on Turkish goods.", set(), {("IRN", "186", None), ("IRN", "186", "TUR")}),
    # allies of X are not X; critics of a government are of its country, not the government
    ("Kyiv's European allies condemned the Russian strikes.", set(), {("UKR", "111", "RUS")}),
    ("Allies of Russia backed the plan in Minsk.", set(), {("RUS", "051", "BLR"), ("RUS", "051", None)}),
    ("Critics of the Kenyan government marched in Nairobi.", {("KEN", "141", "KEN")}, set()),
    # verbs joined before one object share it
    ("Russian forces shot down or jammed 33 Ukrainian drones overnight.", {("RUS", "190", "UKR")}, set()),
    # rows of verbs.tsv with code "none" block readings that are no event
    ("The Iraqi defence minister died of a heart attack in Baghdad.", set(), {("IRQ", "190", "IRQ")}),
    ("Putin will not be shooting for recognition of the annexation.", set(), {("RUS", "193", None)}),
    ("Iran's national team beat Iraq's team 2-1 in Tehran.", set(), {("IRN", "182", "IRQ")}),
    ("Israeli troops shot two Palestinians in Hebron.", {("ISR", "193", "PSE")}, set()),
    ("Iraq told its creditor banks it could not meet the remaining repayments.", set(),
     {("IRQ", "125", None), ("IRQ", "040", None), ("IRQ", "125", "IRQ")}),
    ("The jailed Iranian dissident killed himself in Tehran.", set(), {("IRN", "190", "IRN"), ("IRN", "190", None)}),
    ("India is charging ahead with its plans for a dam on the Chenab river.", set(), {("IND", "112", None)}),
    # a chemical instrument makes an attack 2041 (tear gas stays riot control); "demonstrate" with an object shows
    ("Syrian forces attacked civilians in Douma with chlorine gas.", {("SYR", "2041", "SYR")},
     {("SYR", "190", "SYR")}),
    ("Kenyan police fired tear gas at protesters in Nairobi.", {("KEN", "175", "KEN")}, {("KEN", "2041", "KEN")}),
    ("North Korea has not yet demonstrated all the components of a nuclear missile.", set(),
     {("PRK", "141", None), ("PRK", "141", "PRK")}),
    # an act after "of" belongs to the verb only through a noun of amount ("a wave of strikes", "part of a
    # programme"), not through one of content ("the victims of the bombing")
    ("Japan annually commemorates the victims of the atomic bombing of Hiroshima.", set(),
     {("JPN", "183", None), ("JPN", "183", "JPN")}),
    ("Russia launched a wave of missile strikes on Kharkiv.", {("RUS", "195", "UKR")}, set()),
    # a city the parser tagged as an organisation is still the place hit; a group's name is not a town
    ("Israel carried out strikes on Hamas in Gaza.", {("ISR", "190", "PSE")}, set()),
    # police using force on people where it happens are that country's; "PM" is a title, "5 pm" a time
    ("Police arrested three men on Sunday in Nairobi.", {("KEN", "173", "KEN")}, set()),
    ("Libyan interim PM promises legislative elections by end of June.", {("LBY", "030", None)}, set()),
    ("Police arrested three men at 5 pm on Sunday in Nairobi.", {("KEN", "173", "KEN")}, set()),
    # a protest by people named only by their number is by civilians of the place; a named aim beats the place
    ("Thousands of people marched in Paris against the pension reform.", {("FRA", "141", "FRA")}, set()),
    # a journey's destination hosts the visit; a journey home hosts no one
    ("The German chancellor traveled to China on Friday.", {("DEU", "042", "CHN")}, set()),
    ("The German chancellor traveled to Hamburg on Friday.", {("DEU", "042", None)}, {("DEU", "042", "DEU")}),
    ("Russian troops arrived in Belarus on Monday.", set(), {("RUS", "042", "BLR")}),  # troops make no visit
    # with no place named, civilians of no known country: a country the sentence names may be the one protested at
    ("Hundreds rallied outside the state Capitol on Sunday to demand tougher gun laws.", {(None, "141", None)},
     set()),
    ("Thousands of people took part in a protest in Belgrade on Saturday.", {("SRB", "141", "SRB")}, set()),
    ("Hundreds protested outside the Russian embassy on Saturday.", {(None, "141", None)},
     {("RUS", "141", None), ("RUS", "141", "RUS")}),
    ("Thousands of people blocked roads in Minsk in defiance of Russian pressure.",
     {("BLR", "144", "RUS")}, {("BLR", "144", "BLR")}),
    # a city name shared across countries is the one in a country the text names
    ("Russian forces shelled Odessa on Monday, Ukraine said.", {("RUS", "194", "UKR")}, {("RUS", "194", "USA")}),
    ("Lebanese troops deployed in Tripoli after clashes between rival militias.", {("LBN", "154", "LBN")},
     {("LBN", "154", "LBY")}),
    # "both sides", "the two leaders": the last two parties named
    ("Israel and Hamas traded fire. The UN Security Council urged both sides to halt the fighting.",
     {("IGO", "020", "ISR"), ("IGO", "020", "PSE")}, set()),
    ("Pakistan said Indian jets had violated its airspace. India struck sites in Pakistan used by militants. Both "
     "sides then traded artillery fire.",
     {("IND", "190", "PAK"), ("PAK", "190", "IND")}, {("IND", "061", "PAK"), ("PAK", "061", "IND")}),
    # a person's arrest is one he underwent (and the riots it led to are no act of the police: see below)
    ("Imran Khan's arrest by Pakistani police led to riots in Lahore.", {("PAK", "173", "PAK")}, set()),
    ("Iran's arrest of the British journalist angered London.", {("IRN", "173", "GBR")}, set()),
    # lists inside "thousands of": each member acts
    ("Thousands of US and Filipino troops launched joint exercises in the northern Philippines.",
     {("USA", "062", "PHL"), ("PHL", "062", "USA")}, set()),
    ("Kenyan workers went on hunger strike in Nairobi.", {("KEN", "142", "KEN")}, set()),
    # releasing a document is a statement, not the release of captives
    ("Iran's foreign ministry released excerpts of the letter to France.", set(), {("IRN", "084", "FRA")}),
    # an act with no country or organisation on either side and no place is not coded
    ("A protester smashed the windows.", set(), {(None, "1712", None), (None, "145", None)}),
])
def test_documents_protests_and_judged_acts(code, text, expected, absent):
    got = {(e.source.actor.country if e.source else None, e.cameo, e.target.actor.country if e.target else None)
           for e in code(text)}
    assert expected <= got, got
    assert not absent & got, got


def test_an_event_as_the_subject_acts_on_nothing(code):
    # "X's arrest led to riots in Lahore": the riots are by people of the place, not by the police who arrested
    riots = [e for e in code("Imran Khan's arrest by Pakistani police led to riots in Lahore.") if e.cameo == "145"]
    assert all(e.source is not None and e.source.actor.code == "PAKCVL" and e.actor_unknown for e in riots), \
        [(e.cameo, e.source) for e in riots]


def test_unidentified_attacker_is_flagged(code):
    event = next(e for e in code("Two French soldiers were killed by a roadside bomb near the town of Gao in Mali.")
                 if e.plover == "ASSAULT")
    assert event.source.rule == "unidentified" and event.source.actor.code == "MLIUAF"
    assert event.actor_unknown and event.source.text == ""


def test_actor_from_an_earlier_sentence_as_target_does_not_break_coding(coder):
    # "his" refers back to the governor named in a longer sentence before: the envoy-posting rule must not index
    # the current sentence with the earlier sentence's token positions
    text = ("New Jersey Governor Chris Christie, who announced on Tuesday in his home town of Livingston that he would "
            "seek the Republican nomination for president, spoke to supporters. He praised his state.")
    article = coder.code_sentences([(text, "2015-07-01")])[0]
    praise = [e for e in article.events if e.trigger_text == "praised"]
    assert praise and praise[0].source is not None and praise[0].source.actor.country == "USA"


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # what is called for, through a preposition, is the event: the noun row names the verb as its governor
    ("Ukraine called for a ceasefire on Monday.", {("UKR", "0256", None)}, {("UKR", "020", None)}),
    ("Ukraine called for military aid from Germany.", {("UKR", "0232", "DEU")}, {("DEU", "0232", None)}),
    # whom the verb of asking addresses is the target of what it asks for
    ("Zelensky called on Germany for more weapons.", {("UKR", "0232", "DEU")}, set()),
    ("Kenya asked China for help after the floods.", {("KEN", "023", "CHN")}, set()),
    # what is asked for "from" someone is asked of them by the subject ...
    ("Kenya asked for help from China after the floods.", {("KEN", "023", "CHN")}, {("CHN", "023", None)}),
    ("Turkey requested security guarantees from the United States.", {("TUR", "0234", "USA")}, set()),
    # ... but a request received, or pressure faced, "from" someone is theirs
    ("Greece received a request from Turkey for talks.", {("TUR", "020", None)}, {("GRC", "020", "TUR")}),
    ("Belgrade faces pressure from the European Union to arrest the suspects.", {("IGO", "100", "SRB")}, set()),
    # a phrasal verb governs its noun as the phrasal verb ("pull out of" an accord), never as the bare verb
    ("The United States pulled out of the nuclear accord with Iran in 2018.", {("USA", "160", "IRN")},
     {("USA", "0874", None)}),
    ("Mali broke off from its defence accords with France.", {("MLI", "160", "FRA")}, {("MLI", "128", None)}),
    # agreeing to a truce is an agreement, both ways (not a declaration of truce)
    ("Serbia and Kosovo agreed to a truce on Sunday.", {("SRB", "030", "XKX"), ("XKX", "030", "SRB")},
     {("SRB", "0871", None)}),
])
def test_nouns_governed_through_a_preposition(code, text, expected, absent):
    got = {(e.source.actor.country if e.source else None, e.cameo, e.target.actor.country if e.target else None)
           for e in code(text)}
    assert expected <= got, got
    assert not absent & got, got


@pytest.mark.parametrize(("text", "expected"), [
    # the forces named after a noun of deployment (lists.tsv: deployment-nouns) are the actor's own
    ("A concentration of Russian troops near the Ukrainian border alarmed NATO.", ("RUS", "154")),
    ("The deployment of Irish peacekeeping forces to Lebanon began in May.", ("IRL", "074")),
])
def test_forces_after_a_deployment_noun_are_its_actor(code, text, expected):
    got = {(e.source.actor.country if e.source else None, e.cameo) for e in code(text)}
    assert expected in got, got


@pytest.mark.parametrize(("text", "vetoed", "kept"), [
    # vetoes are rows of verbs.tsv (code none with dep: or list: conditions), not branches of the coder
    ("Israel called the attack barbaric.", "041", None),
    ("Biden called Xi on Tuesday.", None, "041"),
    ("The rally demonstrated that the opposition remains strong in Caracas.", "141", None),
    ("Thousands of Venezuelans demonstrated against the government in Caracas.", None, "141"),
    ("Chinese oil demand fell in March, OPEC said.", "100", None),
    ("The opposition renewed its demand for early elections in Kenya.", None, "100"),
])
def test_vetoes_are_rows(code, text, vetoed, kept):
    codes = {e.cameo for e in code(text)}
    assert vetoed not in codes and (kept is None or kept in codes), codes


@pytest.mark.parametrize(("text", "expected"), [
    # the instrument changes the code (data/events/recodes.tsv), also where the parser hangs it on the object
    ("Syrian forces attacked villagers with chlorine gas near Idlib.", "2041"),
    ("Police attacked protesters with tear gas in Nairobi.", "190"),
    ("A Ukrainian convoy was blown up by a Russian missile near Kharkiv.", "190"),
])
def test_instruments_recode(code, text, expected):
    assert expected in {e.cameo for e in code(text)}


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # recodes.tsv rows other than instruments: who acts, what they act on, where the shot went
    ("Protesters torched a police station in Nairobi on Monday.", "145", "180"),
    ("Ghana deployed peacekeepers to Lebanon in March.", "074", "154"),
    ("French and Egyptian warships launched joint exercises in the Mediterranean.", "062", "150"),
    ("North Korea fired a ballistic missile into the sea on Sunday.", "150", "190"),
])
def test_surroundings_recode(code, text, expected, absent):
    codes = {e.cameo for e in code(text)}
    assert expected in codes and absent not in codes, codes
