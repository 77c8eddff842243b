"""What is no event in the classes a broadcaster's news is checked for (attacks, protests, arrests, meetings):
harm by nature or accident, attacks and battles made with words, naming with "call", communication with no one
on the other side; and a few ways the same classes are named that were missed (a march led, a handshake).
Sentences written by the team in the style of US political and domestic news; each row fails without the rule it
names, except the rows that show force staying force."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder

pytestmark = pytest.mark.model

REPORT = "2013-05-15"  # Barack Obama in office


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, REPORT)


_dyads = dyads


@pytest.mark.parametrize(("text", "absent_root"), [
    # a natural or accidental cause harms no one by force (lists.tsv hazard-nouns, none rows of verbs.tsv)
    ("A wildfire killed three firefighters in northern California on Sunday.", "19"),
    ("The flu has killed more than 4,000 Americans this winter, health officials said.", "19"),
    ("A tornado killed 24 people in Moore, Oklahoma.", "19"),
    ("The storm hit the city of New Orleans on Monday night.", "19"),
    # a contest of votes, courts or words is no armed fighting (none rows)
    ("The Justice Department is fighting the ruling in federal court.", "19"),
    ("The senator captured the nomination after a long primary season.", "19"),
    ("Farmers face an uphill battle in court over the water rights.", "19"),
    ("The governor declared a war on drugs in his state.", "19"),
    ("Lawmakers said the governor had raided the pension fund.", "19"),
    # influence aimed at an election, a gesture, a show, a month
    ("Officials said Russia is targeting the midterm elections.", "19"),
    ("At one point, the president shot his host a wink.", "19"),
    ("The parade will be a demonstration of power for the Kremlin.", "14"),
    ("The adviser joined the White House from a television network in March.", "14"),
    # a passive's cause, also in a headline ("killed in ...", "injured by ...")
    ("Twelve people were injured in a bus collision in northern Afghanistan.", "19"),
    ("Seven killed in traffic accident near Cairo", "19"),
    # a sports idiom, a campaign rally, a veto in politics, a drug trial, an illness, a policy aim
    ("The home side ran riot against the visitors in Madrid.", "14"),
    ("The president held the first rally of his re-election campaign in Ohio.", "14"),
    ("The unionist party blocked the new budget in parliament.", "14"),
    ("The company began a clinical trial of the vaccine in Shanghai.", "17"),
    ("The former mayor died of cardiac arrest in a hospital in Lagos.", "17"),
    ("Kenya is running out of money to fight the pandemic.", "19"),
    ("The Iranian minister targeted closer cooperation with Venezuela.", "19"),
    # a manner, a gaze, leaving a building, a question put to the speaker (two-word verbs vetoed through the
    # object of their preposition; "when asked" asks nothing of anyone)
    ("The Kenyan president struck a conciliatory tone on Thursday.", "11"),
    ("The Kenyan president looked directly into the camera.", "09"),
    ("Kenyan union leaders walked out of the courthouse on Tuesday.", "14"),
    ("When asked about the talks, the Kenyan president said Kenya would not attend.", "02"),
    # taking something out is no withdrawal (a force as the object is)
    ("A Kenyan police officer pulled out a camera to record the crowd.", "08"),
    # a thing called something is named, even where the parser loses the predicate; information released is
    # a statement, no release of people, also through "any kind of"
    ("The senator's campaign called a local newspaper report which showed old video of him at a rally in Ohio a "
     "\"gross distortion\" of his record.", "04"),
    ("The Kenyan candidate was the first to release any kind of health records.", "08"),
])
def test_harm_and_struggle_that_is_no_force(code, text, absent_root):
    roots = {e.cameo[:2] for e in code(text)}
    assert absent_root not in roots, _dyads(code(text))


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # every side a civilian political actor of one country: criticism (recodes.tsv, when political)
    ("Republicans in Congress attacked the White House over the budget on Tuesday.",
     ("USAPTY", "111", "USAGOV"), "190"),
    ("Democrats have been pounding the governor for weeks over the law.", ("USAPTY", "111", None), "194"),
    # an attack on a policy or a record is made with words (111 rows of attack)
    ("The senator attacked the plan as reckless on Tuesday.", (None, "111", None), "190"),
    ("Trump escalated a war of words with Senator Ted Cruz.", (None, "111", None), "190"),
    # said in a speech, on Twitter, in an ad (recodes.tsv, when phrase); a verbal attack
    ("Putin attacked the West in a speech on Tuesday.", ("RUSGOV", "111", None), "190"),
    ("The governor's verbal attack on Germany drew protests.", (None, "111", "DEU"), "190"),
])
def test_attacks_made_with_words_are_criticism(code, text, expected, absent):
    events = code(text)
    source, cameo, target = expected
    assert any(e.cameo == cameo and (source is None or (e.source and e.source.actor.code == source))
               and (target is None or (e.target and e.target.actor.code == target)) for e in events), _dyads(events)
    assert absent not in {e.cameo for e in events}, _dyads(events)


@pytest.mark.parametrize(("text", "expected"), [
    # force by or on forces, or on a party's offices, stays force
    ("Russian troops attacked Ukrainian positions near Bakhmut.", "190"),
    ("Ruling party activists attacked the offices of the opposition party in Caracas.", "190"),
    ("Gunmen killed four soldiers at a checkpoint near Mosul.", "190"),
    ("Kurdish fighters captured the town of Manbij.", "190"),
    ("Russian forces attacked the city after the speech.", "190"),
])
def test_force_stays_force(code, text, expected):
    assert expected in {e.cameo for e in code(text, "2023-05-15")}, _dyads(code(text, "2023-05-15"))


@pytest.mark.parametrize(("text", "absent"), [
    # "call X Y" names X (oprd, or what the parser hangs as an apposition, a second object or a quoted phrase)
    ('Obama called Netanyahu\'s speech "a cynical stunt" in a statement earlier this month.', "041"),
    ('Obama called his rhetoric "well over the line."', "041"),
    # calling a press conference or elections is no telephone call, and no criticism
    ("The mayor called a press conference on Friday.", "041"),
    ("The prime minister called early elections on Monday.", "111"),
    # a letter, a message or a talk with no one on the other side is no consultation (needs:target)
    ("Obama wrote in a letter released on Tuesday that the program would continue.", "040"),
    ("The White House spokesman spent the briefing talking about the budget.", "040"),
])
def test_no_call_and_no_consultation(code, text, absent):
    assert absent not in {e.cameo for e in code(text)}, _dyads(code(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Macron called Putin on Friday to discuss the grain deal.", ("FRAGOV", "041", "RUSGOV")),
    ("Biden sent a letter to Putin on Tuesday.", ("USAGOV", "040", "RUSGOV")),
    ("Moscow called the move a provocation.", ("RUSGOV", "111", None)),
])
def test_calls_letters_and_naming_that_are_events(code, text, expected):
    assert expected in _dyads(code(text, "2023-05-15")), _dyads(code(text, "2023-05-15"))


def test_call_for_in_a_for_to_clause_is_an_appeal(code):
    events = code("Protesters gathered outside the prosecutor's office on Wednesday, calling for him to resign.")
    assert "020" in {e.cameo for e in events} and "041" not in {e.cameo for e in events}, _dyads(events)


@pytest.mark.parametrize(("text", "expected"), [
    # the other side of the same classes: a march led or joined, a handshake, congressional leaders as a side
    ("Venezuelan opposition leader Juan Guaido led a march in Caracas.", ("VENOPP", "141", None)),
    ("President Trump shook hands with Kim Jong Un at the border.", ("USAGOV", "040", "PRKGOV")),
    ("President Obama met with congressional leaders at the White House on Tuesday.", ("USAGOV", "040", "USALEG")),
])
def test_marches_handshakes_and_congress(code, text, expected):
    published = "2019-08-05" if "Trump" in text or "Guaido" in text else REPORT
    source, cameo, target = expected
    events = code(text, published)
    assert any(e.cameo == cameo and e.source and e.source.actor.code == source
               and (target is None or (e.target and e.target.actor.code == target)) for e in events), _dyads(events)


@pytest.mark.parametrize(("text", "expected"), [
    # a person named in full whom no actor codes is a civilian of the place of the act, not the place itself
    ("Police arrested John Smith in Chicago on Tuesday.", ("USACOP", "173", "USACVL")),
    ("Gunmen killed Abdul Rahman in Kandahar on Sunday.", ("AFGUAF", "190", "AFGCVL")),
    # people named by their number, where the parser hung the city on them
    ("Gunmen killed 5 people in Kabul on Sunday.", ("AFGUAF", "190", "AFGCVL")),
])
def test_a_person_no_actor_codes_is_a_civilian_of_the_place(code, text, expected):
    assert expected in _dyads(code(text)), _dyads(code(text))


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a blast or fire that rips through a place is no criticism; what it did is coded by the verb that follows
    ("An explosion ripped through a mosque in Kabul, killing 12 worshippers.", "2021-06-05",
     ("AFGUAF", "190", "AFGCVL")),  # an attacker of no stated side (unidentified)
    # a weapon that strikes, with no object; the city a building of no known country stands in
    ("Rockets struck near the U.S. Embassy in Baghdad late Sunday.", "2021-06-05", (None, "190", "IRQ")),
    # a destination the parser tags as a person is still the host of a visit
    ("Scholz traveled to Kyiv on Monday.", "2022-06-05", ("DEUGOV", "042", "UKR")),
    # a former official is no organ of the state acting on itself, even where the dateline gave the country
    ("ATLANTA (AP) - Prosecutors indicted the former president and 18 others on racketeering charges.",
     "2023-08-15", ("USAJUD", "115", "USAELI")),
    # "House Speaker" names the legislature's head
    ("WASHINGTON (AP) - House Speaker Nancy Pelosi met with Senate leaders on Friday.", "2021-06-05",
     ("USALEG", "040", None)),
])
def test_blasts_rockets_journeys_and_former_officials(code, text, published, expected):
    source, cameo, target = expected
    events = code(text, published)
    assert any(e.cameo == cameo and (e.source.actor.code if e.source else None) == source
               and (target is None or (e.target and e.target.actor.code == target)) for e in events), _dyads(events)
