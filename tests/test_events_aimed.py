"""Force aimed at a place, sides named on another word, meetings and strikes said other ways: sentences written by
the team in the style of broadcast and wire news; each row fails without the rule or row its comment names."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2023-06-10")


@pytest.mark.parametrize(("text", "expected"), [
    # rockets launched at someone (verbs.tsv: launch with rocket, needs:target); a city aimed at "toward" is the
    # target, as one shot "at" is (events/assembly.py)
    ("Palestinian militants launched rockets toward Tel Aviv.", ("PSEREB", "194", "ISR")),
    ("Hezbollah launched a salvo of rockets at Israel on Sunday.", ("LBNREB", "194", "ISR")),
    # whoever made the weapon fired is no target (events/arguments.py)
    ("Ukraine fired US-made rockets at Russian positions.", ("UKR", "194", "RUS")),
    # an army post is a place, not a post on social media (recodes.tsv, phrase: unless)
    ("Hezbollah fired a rocket at an Israeli army post.", ("LBNREB", "194", "ISRMIL")),
    # missiles fired off a coast fall in the sea: a show of force (lists.tsv water-nouns)
    ("North Korea fired two missiles off its east coast.", ("PRK", "150", None)),
    # the two sides named on the verb of "fighting", "clashes"
    ("Fighting erupted between Sudanese troops and the RSF.", ("SDNMIL", "190", "SDNREB")),
    ("Clashes broke out between the army and the RSF in Khartoum.", ("SDNREB", "190", "SDNMIL")),
    # a round of talks that people gathered for is theirs
    ("Iranian negotiators gathered in Vienna for a new round of talks.", ("IRNGOV", "046", None)),
    # office-holders who convene meet (verbs.tsv: convene with subj:)
    ("The foreign ministers of the G7 convened in Japan.", ("IGOBUSGOS", "040", None)),
    # a strike that people are on (verbs.tsv: strike governed by "be on")
    ("Dutch dockworkers have been on strike since Monday.", ("NLDLAB", "143", "NLD")),
    # the sitting pope, named by his office (actors/institutions.tsv)
    ("The Pope visited Iraq in March.", ("VATGOV", "042", "IRQ")),
    # protesters who descend on a place demonstrate there (verbs.tsv: descend with subj:)
    ("Hundreds of demonstrators descended on Belgrade on Friday.", ("SRBCVL", "141", "SRB")),
    # the place of arrests counted by a quantity noun is the verb's ("made dozens of arrests in Paris")
    ("Police made dozens of arrests in Lyon overnight.", ("FRACOP", "173", "FRA")),
    # a headline's participle on its root noun governs it, with the noun's phrases (events/matching.py)
    ("Sanctions imposed on Belarus by the EU", ("IGOEUREEC", "163", "BLR")),
    ("Talks held between Iran and the US in Oman", ("IRN", "046", "USA")),
    ("Demonstration held in Lisbon against NATO", ("PRTCVL", "141", "IGOWSTNAT")),
    # two parties who speak speak with each other (verbs.tsv: speak with subj:together)
    ("Scholz and Macron spoke for an hour on Monday.", ("DEUGOV", "040", "FRAGOV")),
    # talks that are the purpose of a journey ahead are ahead too: an intent to meet (events/conventions.py)
    ("Erdogan will travel to Baku next week for talks with Aliyev.", ("TURGOV", "036", "AZEGOV")),
    # a headline's "holds meeting with" (the noun read as a verb's complement) is held by the verb's subject
    ("Lavrov holds meeting with Iranian FM", ("RUSGOV", "040", "IRNGOV")),
    # talks someone is in are talks he holds (verbs.tsv: governor "* in"), and take no act of the clause with them
    ("Turkey is in negotiations with Sweden over its NATO bid.", ("TUR", "046", "SWE")),
    ("During the talks in Minsk, Ukraine said it was committed to the accords.", ("UKR", "030", None)),
    # a headline's verb the tagger read as a noun (nlp/headlines.py)
    # (the 12 arrested, counted with no place, are civilians of the police's country: events/assembly.py)
    ("Nigerian police arrest 12 over church attack", ("NGACOP", "173", "NGACVL")),
    ("Thousands of farmers rally in Delhi against new laws", ("INDAGR", "141", "IND")),
])
def test_acts_coded(code, text, expected):
    assert expected in dyads(code(text)), dyads(code(text))


@pytest.mark.parametrize(("text", "unwanted"), [
    # a rocket sent to space is no attack (needs:target)
    ("China launched a rocket carrying a satellite into orbit.", ("CHN", "194", None)),
    # the relationship between two leaders, object of another verb, is not what the visit was
    ("The visit strained the relationship between President Obama and Netanyahu.", ("USAGOV", "042", "ISRGOV")),
    # a legislature that sits is no meeting of envoys
    ("Parliament convened on Monday.", (None, "040", None)),
    # the raid an arrest was made in is the same act (lists.tsv operation-nouns), and no criticism
    ("Myanmar's military junta arrested the opposition leader in a dawn raid.", ("MMRGOV", "111", "MMROPP")),
    ("Myanmar's military junta arrested the opposition leader in a dawn raid.", ("MMRGOV", "190", "MMROPP")),
    # talks ahead are no talks held yet
    ("Erdogan will travel to Baku next week for talks with Aliyev.", ("TURGOV", "046", "AZEGOV")),
    # one speaker is a statement, not a meeting
    ("Scholz spoke to reporters in Berlin on Monday.", (None, "040", None)),
    # two who speak to someone else or about something speak in public, each for himself (verbs.tsv: none rows)
    ("Scholz and Macron spoke to reporters in Paris.", ("DEUGOV", "040", "FRAGOV")),
    ("Both Scholz and Macron spoke about the need for reform.", ("DEUGOV", "040", "FRAGOV")),
    # a clause of time is no target (lists.tsv circumstance-marks)
    ("Iranian security forces arrested the rapper after he criticized the government.",
     ("IRNCOP", "173", "IRNGOV")),
])
def test_acts_not_coded(code, text, unwanted):
    found = dyads(code(text))
    assert unwanted not in found, found
    if unwanted[0] is None:
        assert not any(c == unwanted[1] for _, c, _ in found), found
