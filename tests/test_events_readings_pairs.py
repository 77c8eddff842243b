"""Who met whom when news names the pair only as "the two" or "both", names talks in a phrase the parser hangs on
a noun ("said in a statement to the media following talks with ..."), or has someone speak to another, and why a
press conference is no meeting: sentences written by the team in the style of the official press releases read
for it (lines 1,001-1,326 of ../shared/corpus/articles/official_press_releases_2021_2022.jsonl) and of wire
news; each row fails without the rule its comment names (guards, marked so, pass without it by design)."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2024-05-21")


@pytest.mark.parametrize(("text", "pair"), [
    # actors/coreference.py _pair: "the two" or "both" alone as a subject stands for the last two parties named
    ("Kenyan President William Ruto spoke to Ugandan President Yoweri Museveni on Monday. "
     "The two met again in Kampala on Friday.", ("KENGOV", "UGAGOV")),
    ("Ruritania's neighbours Kenya and Tanzania signed a border accord. Both agreed to reopen the crossings.",
     ("KEN", "TZA")),
])
def test_the_two_alone_are_the_last_pair(coder, text, pair):
    [article] = coder.code_sentences([(text, "2024-05-21")])
    later = [e for e in article.events if e.sentence == len(article.sentences) - 1]
    assert (pair[0], pair[1]) in {(e.source.actor.code, e.target.actor.code) for e in later if e.source and e.target}


def test_two_without_the_is_a_number(coder):
    # (a guard against over-reach: passes without the rule too)
    [article] = coder.code_sentences([("Kenyan police clashed with Ugandan smugglers. Two died.", "2024-05-21")])
    assert not [r for r in article.references if r.rule == "pair"], article.references


@pytest.mark.parametrize("text", [
    # events/arguments.py: talks after "following" in a phrase the parser hangs on a noun ("the media") are the
    # speaker's own, as "after talks with" always was
    "The Kenyan president said this in a statement to the media following talks with the Ugandan president.",
    "This was stated by the Kenyan president during a meeting with the media following talks with the Ugandan "
    "president.",
])
def test_talks_following_a_statement_are_the_speakers(code, text):
    assert ("KENGOV", "04", "UGAGOV") in {(s, c[:2], t) for s, c, t in dyads(code(text))}, code(text)


def test_talks_before_a_statement_are_still_to_come(code):
    # (a guard: the rule reads only the prepositions of talks already held, meeting-after-prepositions)
    text = "The Kenyan president said this in a statement to the media before talks with the Ugandan president."
    assert not [e for e in code(text) if e.cameo.startswith("04") and e.modality.certainty == "certain"]


@pytest.mark.parametrize("text", [
    # verbs.tsv none rows for meeting and conversation, read through "with" (events/matching.py): a press conference
    "The Kenyan president said this during a conversation with media representatives in Mombasa.",
    "The Kenyan and Ugandan presidents will also hold a meeting with journalists.",
    "The Kenyan president said this during a meeting with representatives of foreign media.",  # (through "of")
])
def test_a_meeting_with_the_press_is_no_consultation(code, text):
    assert not [e for e in code(text) if e.cameo.startswith("04")], code(text)


def test_a_meeting_with_a_leader_still_is(code):
    # (a guard: the veto reads only the press words)
    text = "The Kenyan president said this during a conversation with the Ugandan president in Mombasa."
    assert ("KENGOV", "04", "UGAGOV") in {(s, c[:2], t) for s, c, t in dyads(code(text))}, code(text)


@pytest.mark.parametrize(("text", "expected"), [
    # verbs.tsv "speak to": speaking to a named party is a consultation, as "talk to" and "speak with"
    ("The Kenyan president spoke to his Ugandan counterpart on Monday.", ("KENGOV", "04", "UGAGOV")),
    ("Kenyan president speaks to Ugandan leader about border dispute", ("KENGOV", "04", "UGAGOV")),
])
def test_speaking_to_a_party_is_a_consultation(code, text, expected):
    assert expected in {(s, c[:2], t) for s, c, t in dyads(code(text))}, code(text)


@pytest.mark.parametrize("text", [
    # lists.tsv press-sectors and press-audience-roots (events/arguments.py): the press is no party to consult
    # (the first and last rows guard the new "speak to" row: they pass without it)
    "The Kenyan foreign minister spoke to Reuters on Monday.",
    "The Kenyan president said he would no longer talk to the media.",
    # the none row of "speak to": an address to a gathering
    "The Kenyan president spoke to the crowd in Mombasa.",
])
def test_speaking_to_the_press_or_a_crowd_is_no_consultation(code, text):
    assert not [e for e in code(text) if e.cameo.startswith("04") or e.cameo.startswith("03")], code(text)
