"""Where things happen and whose people are named by a place: first-level regions, a role "of" a city, nationality
adjectives of two words, indefinite role phrases, topics after "over". Sentences written by the team after reading
every event `thucydides code` gave on the multi-outlet samples, the feeds, the HTML pages and the WARC files of
../shared/corpus; each row fails without the rule or the row its comment names."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder
from thucydides.events.places import _us_state_after
from thucydides.structure.resources import gazetteer
from thucydides.types import Token


def _tokens(words: list[str]) -> list[Token]:
    out, at = [], 0
    for i, word in enumerate(words):
        out.append(Token(i=i, text=word, start=at, end=at + len(word), lemma=word.lower(), pos="PROPN", tag="NNP",
                         dep="dep", head=i, ent_type="", ent_iob="O"))
        at += len(word) + 1
    return out


@pytest.mark.parametrize(("place", "country"), [
    # data/admin_regions.tsv: the UK's nations, China's provinces, Russia's republics are places of their country
    ("Scotland", "GBR"), ("Northern Ireland", "GBR"), ("Xinjiang", "CHN"), ("Inner Mongolia", "CHN"),
    ("Chechnya", "RUS"), ("Bavaria", "DEU"), ("Sinai", "EGY"),
    # structure/resources.py: a region before a town elsewhere that has its name only as an alternate
    ("Borno", "NGA"), ("Donbass", "UKR"),
])
def test_a_first_level_region_names_its_country(place, country):
    assert gazetteer().country_of(place) == country


@pytest.mark.parametrize(("words", "state"), [
    (["Burlington", ",", "Vt."], True),
    (["Portland", ",", "Maine"], True),
    # a state is written with a capital: "in" is no Indiana, "or" no Oregon
    (["Donbass", ",", "in", "Ukraine"], False),
    (["Paris", ",", "or", "London"], False),
])
def test_a_us_state_after_a_town_is_capitalised(words, state):
    assert _us_state_after(_tokens(words), 2) is state


def test_major_cities_leave_out_names_shared_across_countries():
    # structure/resources.py: a role "of" a city takes its country only when no town of 20,000 elsewhere shares it
    gaz = gazetteer()
    assert gaz.major_cities.get("aleppo") == "SYR"
    assert "burlington" not in gaz.major_cities and "tripoli" not in gaz.major_cities


@pytest.mark.model
@pytest.mark.parametrize(("text", "mention", "code"), [
    # actors/matching.py _place_of_role: a role "of" or "from" a city or a region is of the place's country
    ("Residents of Aleppo fled the shelling.", "Residents of Aleppo", "SYRCVL"),
    ("The mayor of Kharkiv said the power was cut.", "mayor of Kharkiv", "UKRGOV"),
    ("Civilians from Tigray crossed into Sudan.", "Civilians from Tigray", "ETHCVL"),
    ("Two men from Burlington, Vt., were charged.", "men from Burlington", "USACVL"),
    # lists.tsv portfolio-words: a minister's field sits inside the mention, so the country stays with the title
    ("He spoke. Iraqi Oil Minister Ahmed Saleh said output would rise.", "Iraqi Oil Minister Ahmed Saleh", "IRQGOV"),
    ("He spoke. Nigerian Petroleum Minister Tom Okafor said.", "Nigerian Petroleum Minister Tom Okafor", "NGAGOV"),
    ("He spoke. Philippine Finance Secretary Jose Reyes said.", "Philippine Finance Secretary Jose Reyes", "PHLGOV"),
    # lists.tsv envoy-nouns: the country an envoy is sent to hosts him; the name after it is his
    ("He spoke. US Ambassador to Russia John Miller said.", "US Ambassador to Russia John Miller", "USAGOV"),
    # sectors.tsv: a civil liberties union is a rights group, not a labour union
    ("The American Civil Liberties Union filed a lawsuit.", "American Civil Liberties Union", "USANGO"),
    # actors/composing.py: a country the mention names beats a town the gazetteer reads in a capitalised word
    ("The Federal Chancellor of Germany arrived in Kyiv.", "Federal Chancellor of Germany", "DEUGOV"),
])
def test_a_role_of_a_place_and_a_title_keep_their_country(resolve, text, mention, code):
    found = {m.text: m.actor.code for m in resolve(text)}
    assert found.get(mention) == code


@pytest.mark.model
def test_a_surname_the_article_introduced_beats_an_agency(resolve):
    # actors/matching.py: "Michael Bloomberg ... Bloomberg said" is the person, not the news agency
    mentions = resolve("Michael Bloomberg entered the race in November. On Tuesday Bloomberg said he would debate.")
    assert [m.actor.kind for m in mentions if m.text == "Bloomberg"] == ["person"]


@pytest.mark.model
def test_a_title_word_inside_a_persons_name_is_no_title(resolve):
    # actors/matching.py, lists.tsv generational-suffixes: "King" before "Jr." is part of the name, no monarch
    mentions = resolve("The senator quoted Martin Luther King Jr. at the rally.", "2016-08-30")
    assert not [m for m in mentions if m.actor.sector == "GOV" and "King" in m.text]


@pytest.mark.model
def test_social_media_are_no_outlet(resolve):
    # sectors.tsv: "social media" are platforms and their users
    assert not [m for m in resolve("The army chief criticised social media in Pakistan.") if m.actor.sector == "MED"]


@pytest.mark.model
def test_a_place_the_role_did_not_take_is_no_actor(resolve):
    # actors/composing.py: "troops in Kharkiv" may be anyone's troops; the city alone is never an actor
    assert not [m for m in resolve("Troops of the brigade in Kharkiv fired.") if m.text == "Kharkiv"]


@pytest.mark.model
def test_an_unknown_name_before_group_is_no_anaphor(resolve):
    # actors/context.py: "the Lima group" names a group the dictionary does not know, not the last one named
    mentions = resolve("The Security Council met on Monday. The talks turned to an attack on the Quemoy group.")
    assert all(m.actor.code != "IGOUNOUSC" for m in mentions if "Quemoy" in m.text)


@pytest.mark.model
def test_an_indefinite_role_is_someone_new(resolve):
    # actors/context.py: "a protest group" after Greenpeace is another group, not Greenpeace
    mentions = resolve("The Greenpeace group climbed the tower. Later a protest group marched to parliament.")
    assert mentions and all(not m.actor.code.startswith("NGO") for m in mentions if m.sentence == 1)


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2024-05-21")


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # events/places.py place_at: a region name the parser tagged as a person is a place after "in" all the same
    ("Gunmen killed five soldiers in Tigray.", ("---UAF", "ETHUAF", "ETHMIL")),
    ("Gunmen killed five soldiers in Michoacan.", ("---UAF", "MEXUAF", "MEXMIL")),
    # events/places.py place_named: a dateline correction wins over the gazetteer ("Ontario" is Canada's)
    ("Gunmen killed five soldiers in Ontario.", ("---UAF", "CANUAF", "CANMIL")),
])
def test_the_place_of_force_gives_the_country(code, text, expected):
    sources = {e.source.actor.code for e in code(text) if e.source}
    targets = {e.target.actor.code for e in code(text) if e.target}
    assert expected[1] in sources and expected[2] in targets


@pytest.mark.model
def test_a_two_word_nationality_adjective(code):
    # events/mentions.py _adjective_actor: "North Korean" is North Korea's, not South Korea's
    assert ("KORGOV", "111", "PRK") in dyads(code(
        "South Korean officials condemned the North Korean missile attack on the island."))


@pytest.mark.model
def test_whom_an_act_is_reported_to_is_no_party(code):
    # events/arguments.py: "reported to the Security Council" names the report's addressee, not the attack's target
    assert not [e for e in code("The rebel attack was reported to the Security Council.")
                if e.target and e.target.actor.code == "IGOUNOUSC"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "source"), [
    # events/assembly.py, events/places.py: "protests over Crimea" are about Crimea, not held there; a place inside
    # the topic still places the act ("over the killing of a man in Minneapolis")
    ("Thousands protested over Kosovo.", "---CVL"),
    ("Thousands protested over the killing of a man in Minneapolis.", "USACVL"),
])
def test_over_names_a_protests_topic(code, text, source):
    assert source in {e.source.actor.code for e in code(text) if e.cameo[:2] == "14" and e.source}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # verbs.tsv none rows: meeting a standard, and "barring" as "unless there is"
    "Kenyan prosecutors had not met the burden of proof against the British soldier, the judge said.",
    "Barring the unforeseen, Scholz seems likely to win his second election.",
])
def test_no_meeting_and_no_ban(code, text):
    assert not [e for e in code(text) if e.cameo[:2] in ("04", "12", "17")]


@pytest.mark.model
def test_a_police_party_is_police(code):
    # data/actors/sectors.tsv: "police party" (a patrol) is police, not a political party
    assert ("PAKUAF", "193", "PAKCOP") in dyads(code("Gunmen opened fire on a police party in Karachi."))


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # nlp/headlines.py: a verbless headline re-hung on the verb the tagger took for a noun (sentences written for
    # the rule, in the style of the 157 such headlines in ../shared/corpus/articles/headlines_2022.jsonl)
    ("Kenya severs diplomatic ties with Somalia", ("KENGOV", "161", "SOMGOV")),
    ("Japan, Australia ink deal on defense cooperation", ("JPN", "057", "AUS")),
    ("Chilean police storm university campus in Santiago", ("CHLCOP", "190", None)),
    ("Poland, Lithuania ink deal on energy security", ("POL", "057", "LTU")),
])
def test_a_verbless_headline_codes_its_verb(code, text, expected):
    got = dyads(code(text))
    assert any(s is not None and s[:3] == expected[0][:3] and c == expected[1]
               and (expected[2] is None or (t or "")[:3] == expected[2][:3]) for s, c, t in got), got


@pytest.mark.model
def test_a_killing_by_an_accident_is_no_attack(code):
    # events/roles.py: a participle after a clause whose object is an accident is the accident's ("suffered its
    # worst train crash, killing 40": not the country's act)
    assert not [e for e in code("Kenya suffered its worst train crash in a decade, killing 40 people.")
                if e.cameo[:2] in ("18", "19") and e.source is not None]


@pytest.mark.model
def test_fire_opened_is_an_attackers_act(code):
    # lists.tsv disaster-nouns leaves out "fire" and "explosion", which an attacker opens or sets off
    assert ("SDNMIL", "193", "SDNCVL") in dyads(code("Troops opened fire, killing ten protesters in Khartoum."))


@pytest.mark.model
def test_a_headline_passive_on_a_politician_is_force(code):
    # events/recoding.py: a headline's bare passive on a politician is force on him, not criticism
    assert any(c == "193" and t == "KENLEG" for _s, c, t in dyads(code("Kenyan senator shot dead in Nairobi")))


@pytest.mark.model
def test_a_gerunds_possessor_does_it(code):
    # events/roles.py: the parser's gerund with a possessor ("Azerbaijan's shelling on ...") is the possessor's act
    assert any(s == "AZE" and c == "194" for s, c, _t in dyads(
        code("Armenia says Azerbaijan's shelling on border village kills two")))


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # events/arguments.py _headline_place, events/matching.py: a headline's passive of force on a place the actor
    # stage does not know is force on the place's country; a nationality on the weapon is the source
    ("Zaporizhzhia hit by Russian missiles", ("RUS", "190", "UKR")),
    ("Kherson shelled overnight, governor says", (None, "194", "UKR")),
    ("Basra hit by rockets", (None, "190", "IRQ")),
    # events/arguments.py _harmed, lists.tsv harm-verbs: who was hit "in" an attack is the attack's target
    ("Kharkiv was hit in a massive Russian missile attack on Sunday.", ("RUS", "195", "UKR")),
    ("A Syrian hospital damaged in a Russian air strike", ("RUS", "195", "SYRHLH")),
])
def test_a_headline_passive_on_a_place(code, text, expected):
    assert expected in dyads(code(text))


@pytest.mark.model
@pytest.mark.parametrize(("text", "code_"), [
    # verbs.tsv 175 end + lists.tsv security-force-nouns: an armed force ending a protest puts it down
    ("Police ended the sit-in at the university in Nairobi.", "175"),
    # the protesters' own end of it stays yielding (082)
    ("The opposition ended its protests in Tbilisi.", "082"),
])
def test_who_ends_a_protest(code, text, code_):
    assert code_ in {e.cameo for e in code(text)}


@pytest.mark.model
def test_a_possessor_is_no_place_of_the_act(code):
    # events/places.py unnamed_place: "Iran's allies" says whose allies, not where the attack was (it gave IRN as the
    # target of an attack by no one named)
    assert not [e for e in code("Iran's allies attacked the convoy.") if e.target and e.target.actor.code == "IRN"]
