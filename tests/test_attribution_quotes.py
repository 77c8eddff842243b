"""Quotes, speakers and attribution chains: hand-written wire text, and the seed (../shared/seed/EXPECTED.md)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from conftest import shared_path

pytestmark = pytest.mark.model


def _article(coder, text, outlet="Reuters"):
    from thucydides.types import InputRef, RawDocument

    [article] = coder.code_chunk([RawDocument(ref=InputRef("q.txt"), format="text", text=text, outlet=outlet,
                                              published="2024-05-06")])
    return article


def _chains(article):
    return {q.text: (q.speaker.name if q.speaker else None, [(h.name, h.kind) for h in q.chain])
            for q in article.quotes}


def _claim(chains, start):
    """(speaker, chain) of the claim whose text starts with ``start``."""
    return next(v for k, v in chains.items() if k.startswith(start))


def test_direct_quote_speaker_and_pronoun(coder):
    text = ("KYIV, May 6 (Reuters) - Ukrainian Foreign Minister Dmytro Kuleba said on Monday that the talks had "
            "failed. \"We will not give up an inch of our land,\" he said.")
    chains = _chains(_article(coder, text))
    quote = chains["We will not give up an inch of our land,"]
    assert quote[0] == "Dmytro Kuleba"
    assert quote[1] == [("Reuters", "publisher"), ("Dmytro Kuleba", "named")]
    indirect = chains["the talks had failed"]
    assert indirect[0] == "Dmytro Kuleba"


def test_relay_frame_persists_then_ends(coder):
    text = ("MOSCOW, May 6 (TASS) - Washington is pressing Kiev to resume talks, the New York Times reported, "
            "citing US officials. According to them, the White House wants a deal before winter.\n\n"
            "Earlier, Kremlin spokesman Dmitry Peskov said Moscow was open to dialogue.\n\n"
            "Western countries have supplied weapons to Kiev since 2022.")
    article = _article(coder, text, outlet="TASS")
    chains = _chains(article)
    first = _claim(chains, "Washington is pressing")
    assert [kind for _name, kind in first[1]] == ["publisher", "outlet", "anonymous"]
    second = _claim(chains, "the White House wants")
    assert [kind for _name, kind in second[1]] == ["publisher", "outlet", "anonymous"]
    peskov = _claim(chains, "Moscow was open")
    assert peskov[1] == [("TASS", "publisher"), ("Dmitry Peskov", "named")]
    background = [e for e in article.events if e.cameo == "072"]  # supplied weapons
    assert background and [h.kind for h in article.chain_of(background[0])] == ["publisher"]


def test_unattributed_statement_is_the_publishers(coder):
    article = _article(coder, "NAIROBI, May 6 (Reuters) - Kenyan police arrested 12 protesters in Nairobi.")
    assert article.quotes == ()
    assert [[h.kind for h in article.chain_of(e)] for e in article.events] == [["publisher"]]


def test_seed_attribution(settings, nlp):
    """EXPECTED.md: TASS -> The Washington Post -> sources for the headline event and the Post's quotes;
    TASS -> Lavrov for Lavrov; TASS alone for the background; the source profile."""
    from thucydides.ingest import read
    from thucydides.pipeline import Coder

    seed = shared_path("seed", "000_9f3a856de257ed78.txt")
    settings = replace(settings, published="2022-11-06")
    [article] = list(Coder(settings, nlp=nlp).code(read([str(seed)], settings)))
    kinds = {e.cameo: [h.kind for h in article.chain_of(e)] for e in article.events}
    assert kinds["026"] == ["publisher", "outlet", "anonymous"]
    assert [h.name for h in article.chain_of(next(e for e in article.events if e.cameo == "026"))][:2] == [
        "TASS", "The Washington Post"]
    assert kinds["036"] == ["publisher", "named"] and kinds["190"] == ["publisher"] and kinds["163"] == ["publisher"]
    quotes = {q.text.rstrip(","): q for q in article.quotes if q.direct}
    fatigue = next(q for t, q in quotes.items() if t.startswith("Ukraine fatigue"))
    assert [h.kind for h in fatigue.chain] == ["publisher", "outlet", "anonymous"]
    assert fatigue.chain[-1].name.startswith("one of")
    orders = quotes["under external orders"]
    assert orders.speaker.name == "Dmitry Peskov" and [h.kind for h in orders.chain] == ["publisher", "named"]
    expected = shared_path("seed", "EXPECTED.md").read_text("utf-8")
    listed = expected.split("Every direct quotation is found with its speaker:", 1)[1].split("\n- ", 1)[0]
    wanted = [w.rstrip(".").strip() for w in re.findall(r'"([^"]+)"', " ".join(listed.split()))]
    assert len(wanted) == 6
    for text in wanted:  # the quotations EXPECTED.md lists, read from ../shared, never copied here
        assert any(t.startswith(text) for t in quotes), text
    profile = article.extra["source_profile"]
    assert profile["named"] == ["Dmitry Peskov", "Sergey Lavrov"]
    assert profile["outlets"] == ["The Washington Post"]
    kinds = profile["claims_by_kind"]  # anonymous government sources dominate
    assert max(kinds, key=kinds.get) == "anonymous" and profile["share_anonymous"] > 0.4, kinds


def test_an_outlet_the_speaker_talked_to_relays_the_quote(coder):
    text = ("GAZA, May 6 (Reuters) - \"The shelling went on all night,\" a resident of Rafah told AFP.\n\n"
            "Hamas official Basem Naim told the BBC that talks had stalled. "
            "Israeli minister Benny Gantz said in an interview with CNN that the army would press on. "
            "The ministry said, according to the Anadolu news agency, that 20 people were wounded.")
    chains = _chains(_article(coder, text))
    assert [k for _n, k in chains["The shelling went on all night,"][1]] == ["publisher", "outlet", "anonymous"]
    assert chains["The shelling went on all night,"][1][1][0] == "AFP"
    naim = _claim(chains, "talks had stalled")
    assert [name for name, _k in naim[1]][:2] == ["Reuters", "BBC"]
    gantz = _claim(chains, "the army would")
    assert [name for name, _k in gantz[1]] == ["Reuters", "CNN", "Benny Gantz"]
    wounded = _claim(chains, "20 people")
    assert wounded[1][1][1] == "outlet" and "Anadolu" in wounded[1][1][0]
    # talking to reporters or to the publisher itself relays nothing
    text = "ABUJA, May 6 (Reuters) - Police chief Ali Musa told reporters and Reuters that 12 people were arrested."
    assert [k for _n, k in next(iter(_chains(_article(coder, text)).values()))[1]] == ["publisher", "named"]


@pytest.mark.parametrize(("text", "claim", "outlet"), [
    # outlets no dictionary lists, named as outlets: a call sign, a newspaper's name in capitals (outlet-name-ends)
    ("BAKERSFIELD, Calif. (AP) - Rep. Jane Roe told KBFX-TV that the bill would pass.", "the bill would pass",
     "KBFX-TV"),
    ("AUGUSTA, Maine (AP) - Gov. John Doe told the Kennebec Morning Herald that he would veto the bill.",
     "he would veto", "Kennebec Morning Herald"),
    # an outlet's name needs its capitals: "on the Hill" is Congress, "The Hill" the newspaper
    ("WASHINGTON (AP) - Sen. Jane Roe told The Hill that the vote would be close.", "the vote would be close",
     "The Hill"),
])
def test_outlets_no_list_names_relay_the_quote(coder, text, claim, outlet):
    chain = _claim(_chains(_article(coder, text)), claim)[1]
    assert chain[1] == (outlet, "outlet") and chain[-1][1] == "named", chain


@pytest.mark.parametrize(("text", "claim", "outlet"), [
    # a station spoken on, a show appeared on (attribution/outlets.py: "on" counts only before a named outlet)
    ('AUGUSTA, Maine (AP) - "We will decide next week," Gov. John Doe said on talk radio station WXYZ.',
     "We will decide next week", "WXYZ"),
    ('NEW YORK (AP) - "We will pull things together," Sen. Jane Roe said during an appearance on CNN on Wednesday.',
     "We will pull things together", "CNN"),
    # an interview named once, then "he said": the same interview relays the later quotation
    ('BAKERSFIELD, Calif. (AP) - Rep. John Roe gave an interview to KBFX-TV on Monday.\n\n'
     '"The principles are not written yet," Roe said.', "The principles are not written yet", "KBFX-TV"),
])
def test_outlets_spoken_on_relay_the_quote(coder, text, claim, outlet):
    chain = _claim(_chains(_article(coder, text)), claim)[1]
    assert chain[1] == (outlet, "outlet") and chain[-1][1] == "named", chain


def test_a_titled_name_is_a_person_whatever_the_parser_called_it(coder):
    # "editor-in-chief Eero Lassila" (the small model does not tag the name a person): "Lassila said" is that person
    text = ("HELSINKI (AP) - Ilta-Sanomat editor-in-chief Eero Lassila posted a statement online.\n\n"
            "Lassila said the campaign was meant to support journalists.")
    chain = _claim(_chains(_article(coder, text)), "the campaign was meant")[1]
    assert chain[-1] == ("Eero Lassila", "named"), chain


@pytest.mark.parametrize(("text", "claim"), [
    # the media, unnamed: an outlet, not a document (attribution/documents.py, media-report-modifiers)
    ("WASHINGTON (AP) - News reports said the talks had stalled.", "the talks had stalled"),
    ("WASHINGTON (AP) - According to media reports, the minister resigned on Friday.", "the minister resigned"),
    ("WASHINGTON (AP) - Reports said the president was ill.", "the president was ill"),
])
def test_media_reports_are_an_unnamed_outlet(coder, text, claim):
    chain = _claim(_chains(_article(coder, text)), claim)[1]
    assert chain[-1][1] == "outlet", chain


def test_a_report_is_a_document(coder):
    chain = _claim(_chains(_article(coder, "WASHINGTON (AP) - The report said the economy grew.")), "the economy")[1]
    assert chain[-1][1] == "document", chain


@pytest.mark.parametrize(("text", "claim"), [
    # a show's name in quotation marks is no quotation: the clause after it is what was said
    ('WASHINGTON (AP) - Sen. John Roe spoke on Sunday. He told "Meet the Press" that the inquiry would go on.',
     "the inquiry would go on"),
    # "made clear that", with "clear" parsed on the clause
    ("WASHINGTON (AP) - However, Sen. John Roe made clear that party unity was on his mind.",
     "party unity was on his mind"),
    # a headline's clause the parser read as a noun phrase with a name compounded onto it
    ("Roe says Biden conflating audit with criminal inquiry", "Biden conflating audit"),
    # the that-clause the parser hung on "a meeting" as a relative clause
    ("WASHINGTON (AP) - The president told lawmakers at the meeting that Republicans need to act.",
     "Republicans need to act"),
])
def test_what_was_said_in_misread_clauses(coder, text, claim):
    chains = _chains(_article(coder, text))
    assert any(k.startswith(claim) for k in chains), list(chains)


def test_a_report_read_as_a_subject_runs_through_the_spokesman(coder):
    # the parser reads "The UN envoy urged ..." as a noun phrase, subject of "said" beside the spokesman
    text = ("GENEVA, May 6 (AFP) - Armenia and Azerbaijan traded accusations on Monday.\n\n"
            "The UN envoy called on both countries to show restraint, his spokesman said.")
    article = _article(coder, text)
    chain = _claim(_chains(article), "The UN envoy called on")[1]
    assert [k for _n, k in chain] == ["publisher", "anonymous", "institution"], chain
    appeals = [e for e in article.events if e.cameo.startswith("025")]
    assert {e.target.actor.code for e in appeals if e.target} == {"ARM", "AZE"}, [(e.cameo, e.target) for e in appeals]


@pytest.mark.parametrize(("text", "claim"), [
    # a verb of saying whose object is its content, with no clause or quotation (cues.tsv "object")
    ("LONDON (Reuters) - The defence secretary stressed the importance of keeping the supply lines open.",
     "the importance of keeping"),
    ("MOSCOW (Reuters) - The Russian ministry denied the allegations on Tuesday.", "the allegations"),
])
def test_the_object_of_a_verb_of_saying_is_what_was_said(coder, text, claim):
    chains = _chains(_article(coder, text))
    assert any(k.startswith(claim) for k in chains), list(chains)


def test_a_day_after_on_is_no_outlet(coder):
    text = 'WASHINGTON (AP) - "The vote will be close," Sen. Jane Roe said on Tuesday.'
    chain = _claim(_chains(_article(coder, text)), "The vote will be close")[1]
    assert [k for _n, k in chain] == ["publisher", "named"], chain


def test_a_role_is_the_person_the_article_names_with_it(coder):
    text = ("LAGOS, May 6 (Reuters) - Gunmen killed six people in Plateau state, a police spokesperson said.\n\n"
            "The attack happened on Sunday night, Alabo Tanko, the state police spokesperson, said in Jos.\n\n"
            "Investigating officer, Inspector Musa Bello, said 4 suspects were held. The officer added that the "
            "search went on. Bello said no motive was known.")
    chains = _chains(_article(coder, text))
    assert _claim(chains, "Gunmen killed")[0] == "Alabo Tanko"
    assert _claim(chains, "4 suspects")[0] == "Musa Bello"
    assert _claim(chains, "the search went on")[0] == "Musa Bello"
    assert _claim(chains, "no motive")[1][-1] == ("Musa Bello", "named")


@pytest.mark.parametrize(("text", "expected"), [
    ("The tribunal found that the police had leaked the names.", "the police had leaked the names"),
    ("The mayor described the flooding as \"a catastrophe for the city\".", "a catastrophe for the city"),
    ("The minister pointed out that exports had doubled.", "exports had doubled"),
])
def test_reporting_verbs_that_need_a_clause_or_a_quotation(coder, text, expected):
    article = _article(coder, "NEW DELHI, May 6 (Reuters) - " + text)
    assert any(q.text == expected for q in article.quotes), [q.text for q in article.quotes]
    assert not _article(coder, "NEW DELHI, May 6 (Reuters) - Police found a body near the river.").quotes


@pytest.mark.parametrize(("text", "publisher"), [
    ("Summit hopes fade\n\nBy The Associated Press\n\nJuly 15, 2018\n\nTrump said talks would go on.",
     "The Associated Press"),
    ("Summit hopes fade\n\nPublished: 1 hour ago\n\n(Washington Examiner) President Trump said talks would go on.",
     "Washington Examiner"),
    ("Summit hopes fade\n\n(File photo) President Trump said talks would go on.", "example.com"),
    # an aggregator's credit line of its own
    ("Summit hopes fade\n\nCBS News•\n\nPresident Trump said talks would go on.", "CBS News"),
])
def test_wire_credit_outside_the_dateline_makes_the_publisher(coder, text, publisher):
    article = _article(coder, text, outlet="example.com")
    assert article.quotes and article.quotes[0].chain[0].name == publisher


def test_an_unnamed_spokesperson_speaks_for_the_organisation(coder):
    text = ("LONDON, May 6 (Reuters) - Northgate Logistics said on Monday its systems were hit by hackers.\n\n"
            "A spokesman said customer data had not been taken. A spokesperson for Thames Valley Police said "
            "inquiries were continuing.")
    chains = _chains(_article(coder, text))
    assert _claim(chains, "customer data")[1][-1][1] == "institution"
    assert "Northgate" in _claim(chains, "customer data")[0]
    assert "Thames Valley Police" in _claim(chains, "inquiries")[0]


def test_relays_that_persist_or_hide_in_the_verb(coder):
    text = ("WASHINGTON, May 6 (Reuters) - Former envoy Dana Whitfield told NPR the deal was fragile.\n\n"
            "\"It could collapse within weeks,\" Whitfield added.\n\n"
            "The defence minister was quoted by a senior aide as saying the army would hold its positions.\n\n"
            "\"We will rebuild,\" fire chief Tom Ashby reportedly said.")
    chains = _chains(_article(coder, text))
    assert [k for _n, k in chains["It could collapse within weeks,"][1]] == ["publisher", "outlet", "named"]
    aide = _claim(chains, "the army would hold")
    assert [k for _n, k in aide[1]] == ["publisher", "anonymous", "institution"]
    assert len([q for q in chains if q.startswith("It could collapse")]) == 1  # one claim, not two readings
    ashby = chains["We will rebuild,"]
    assert ashby[1][1] == ("unspecified media reports", "outlet") and ashby[0] == "Tom Ashby"


def test_a_source_relaying_another_speaker(coder):
    text = ("ISLAMABAD (Reuters) - According to a senior official, the army chief said the operation would go on.\n\n"
            "The official claimed that the minister said the talks had failed.\n\n"
            "The operation was conducted according to law, police said.")
    chains = _chains(_article(coder, text))
    chief = _claim(chains, "the operation would go on")
    assert [k for _n, k in chief[1]] == ["publisher", "anonymous", chief[1][-1][1]] and len(chief[1]) == 3
    talks = _claim(chains, "the talks had failed")
    assert [k for _n, k in talks[1]][:2] == ["publisher", "anonymous"] and len(talks[1]) == 3
    law = _claim(chains, "The operation was conducted")
    assert len(law[1]) == 2 and "law" not in law[0].lower()  # "according to law" relays nothing


def test_who_speaks_for_a_body(coder):
    text = ("HOUSTON, May 6 (Xinhua) -- A gunman killed two people, authorities said.\n\n"
            "According to officials from the Harris County Sheriff's Office, the gunman shot himself. "
            "According to preliminary information from officials, he lived nearby.\n\n"
            "Thames Valley Police said the area was safe.\n\nThe force added that roads reopened.")
    chains = _chains(_article(coder, text))
    assert _claim(chains, "A gunman")[0] == "American authorities"
    assert "Sheriff" in _claim(chains, "the gunman shot")[0]
    assert _claim(chains, "he lived")[1][-1][1] == "anonymous"
    assert "Thames Valley Police" in _claim(chains, "roads reopened")[0]


@pytest.mark.parametrize(("text", "claim", "speaker"), [
    # "they" when no group has spoken yet: the actors the coreference stage names
    ("WASHINGTON (Reuters) - Union leaders met the governor on Monday. They said the vote would be close.",
     "the vote would be close", "Union leaders"),
    # members of a party speak in the text's words, not as the party ("House Republicans", "Other Democrats")
    ("WASHINGTON (Reuters) - House Republicans said the bill would not pass the Senate.",
     "the bill would not pass", "House Republicans"),
    # a role after a comma that opens the next clause names no one ("with Mr. Stephanopoulos, the governor
    # pointed"), and a full name no dictionary person bears is no namesake (George, not Konstantinos)
    ("WASHINGTON (Reuters) - Gov. Mike Pence appeared on ABC on Sunday with George Stephanopoulos. In interviews "
     "with The Star and Mr. Stephanopoulos, the governor pointed to the federal law. The governor said he would "
     "not change it.", "he would not change it", "-Stephanopoulos"),
    # "Gov." is the AP title of a governor (roles.tsv): "the governor said" is the one so titled
    ("LITTLE ROCK (Reuters) - Gov. Asa Hutchinson signed the bill on Tuesday. Later, the governor said he was "
     "proud of it.", "he was proud of it", "Asa Hutchinson"),
])
def test_speakers_of_groups_and_roles(coder, text, claim, speaker):
    chains = _chains(_article(coder, text))
    found = _claim(chains, claim)[0]
    if speaker.startswith("-"):  # who the speaker must not be
        assert found and speaker[1:] not in found, chains
    else:
        assert found == speaker, chains


@pytest.mark.parametrize(("text", "claim", "hop"), [
    # a man or a woman the text does not name is an unnamed speaker in the text's words (anonymous-sources), not
    # an institution of the country ("American man")
    ("RALEIGH (AP) - A man who witnessed the crash told reporters that the driver had run a red light.",
     "the driver had run", ("man", "anonymous")),
    ("RALEIGH (AP) - Two women waiting outside said the doors had been locked all morning.",
     "the doors had been locked", ("women", "anonymous")),
])
def test_unnamed_people_speak_anonymously(coder, text, claim, hop):
    chains = _chains(_article(coder, text))
    assert _claim(chains, claim)[1][-1] == hop, chains
