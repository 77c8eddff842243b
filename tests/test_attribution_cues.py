"""Every way news sources a claim (issue 15): speech acts with content, unsourced attributions, transcript turns,
speakers that are never places, chains through spokespeople. Team-written sentences, coded end to end; the
scoring helpers and the cue tally on hand-built parses (no model)."""

from __future__ import annotations

import pytest

from handparse import parse


def _article(coder, text, outlet="Testwire"):
    from thucydides.types import InputRef, RawDocument

    [article] = coder.code_chunk([RawDocument(ref=InputRef("c.txt"), format="text", text=text, outlet=outlet,
                                              published="2024-05-06")])
    return article


def _claim(article, start):
    return next(q for q in article.quotes if q.text.startswith(start))


# (text, start of the claim, speaker name or None, chain as (name, kind) after the publisher)
CASES = [
    # a speech act's content: its addressee and what it is urged to do
    ("Germany urged Serbia to withdraw its police from the border on Tuesday.", "Serbia to withdraw",
     "Germany", ["institution"]),
    ("The opposition leader accused the ruling party of rigging the local elections.", "the ruling party of",
     None, ["named|institution"]),
    # an agentless passive and an attributing adverb: no one named
    ("The rebel commander is believed to have fled across the river into the hills.", "The rebel commander",
     None, []),
    ("The finance minister reportedly resigned after a row over the budget.", "The finance minister", None, []),
    # a place next to the verb never speaks; the ministry does (not a misspelt "minister")
    ("Ruritania asked Freedonia to reopen the crossing after a clash near the Vardar Gorge, the Ruritanian Foreign "
     "Ministry said.", "Ruritania asked", "Ruritanian Foreign Ministry", ["institution"]),
    # an office named by its owner's possessive speaks for the owner, and keeps its name
    ("Ruritania and Freedonia agreed to reopen the border, the European Union's foreign policy office announced on "
     "Friday.", "Ruritania and Freedonia", "European Union foreign policy office", ["institution"]),
]


# nouns of saying (data/attribution/cues.tsv: noun-that, noun-for, noun-of, voicing)
CASES += [
    ("Serbia's claim that Kosovo police had crossed the river was not confirmed.", "Kosovo police had",
     None, ["institution"]),
    ("The Freedonian foreign ministry issued a statement saying the talks would resume in May.", "the talks would",
     None, ["institution"]),
    ("The European Union's calls for an immediate ceasefire went unanswered.", "an immediate ceasefire",
     None, ["institution"]),
    ("Chancellor Olaf Scholz repeated his criticism of the new border fence on Monday.", "the new border fence",
     "Olaf Scholz", ["named"]),
]


# a report set inside the clause it reports; "he" after a role naming one person; "it" inside an outlet's report
CASES += [
    ("The new border fence, the Freedonian interior ministry said, would be finished by May.",
     "The new border fence", "Freedonian interior ministry", ["institution"]),
    ("The Ruritanian defence minister spoke to reporters on Monday. He added that the army was ready.",
     "the army was ready", "defence minister", ["institution|named"]),
    ("The Washington Post reported on Monday that the Freedonian talks had stalled. The reform, it said, would "
     "fail.", "The reform", "The Washington Post", ["outlet"]),
]


# what is called for in a for-to clause; a finite verb the parser hung on its subject noun; cues judged from the
# 2026-12-06 tally of the BASIL, Helsinki and multi-outlet articles
CASES += [
    ("The teachers union called Tuesday for state legislatures to raise salaries.", "for state legislatures",
     "teachers union", ["institution"]),
    ("The Freedonian farmers union maintains that the new tariff would ruin small growers.", "the new tariff",
     "Freedonian farmers union", ["institution"]),
    ("Ruritanian opposition lawmakers worry that the new electoral law will favour the ruling party.",
     "the new electoral law", None, ["anonymous|institution|named"]),
    ("Ruritanian opposition lawmakers pressured the speaker to call an early vote.", "the speaker to call",
     None, ["anonymous|institution|named"]),
    ("The Freedonian foreign ministry expressed concern that the border talks had stalled.", "the border talks",
     None, ["institution"]),
]


# "made (it) clear that"; what a document sets out ("a draft" of anything is a document)
CASES += [
    ("The Ruritanian prime minister made it clear that the army would stay in the north.", "the army would stay",
     None, ["institution|named"]),
    ("The draft law envisages the creation of a Ruritanian anti-corruption agency.", "the creation of",
     "draft law", ["document"]),
    ("The agreement stipulates that both sides withdraw their troops from the border.", "both sides withdraw",
     "agreement", ["document"]),
]



# a possessive pronoun on a noun of saying is the subject's ("renewed their calls for", the for-phrase hung on the
# verb); a doubt voiced about a whether- or how-clause ("questioned whether")
CASES += [
    ("Ruritanian opposition lawmakers renewed their calls for an independent inquiry into the vote.",
     "an independent inquiry", None, ["anonymous|institution|named"]),
    ("Freedonian farmers questioned whether the new tariff would survive in court.", "the new tariff would",
     None, ["anonymous|institution|named"]),
]


# a colon after words that frame what follows as someone's (colon-verb, colon-noun): the subject of "put it", the
# possessor of "message", "answer"; a headline's "US official: ..." (an actor, not a person, before the colon)
CASES += [
    ("Ruritanian opposition leader Jan Novak put it simply: the new electoral law will not pass.",
     "the new electoral law", "Jan Novak", ["named"]),
    ("The Freedonian interior ministry's message to the protesters was clear: the square must be empty by noon.",
     "the square must be", "Freedonian interior ministry", ["institution"]),
    ("US official: Russia tried to interfere in the vote", "Russia tried", "US official",
     ["anonymous|institution"]),
]


# figures, data and inquiries speak as documents do (source-documents in lists.tsv); nouns of demand and complaint
# take a that-clause of content (noun-that in cues.tsv)
CASES += [
    ("Figures released by the Ruritanian statistics office on Friday showed that exports fell by a fifth.",
     "exports fell", "Figures", ["document"]),
    ("An internal inquiry found that the border guards had broken the rules.", "the border guards had",
     "inquiry", ["document"]),
    ("The Freedonian opposition renewed its demand that the vote be held again.", "the vote be held",
     None, ["institution"]),
    ("The farmers' complaint that the new tariff favours importers was rejected.", "the new tariff favours",
     None, ["anonymous|institution|named"]),
    # testimony is speech (cues.tsv speech)
    ("The former army chief testified that the order had come from the palace.", "the order had come",
     None, ["anonymous|institution|named"]),
    # whom a speaker other than an outlet cites relays to it (attribution/outlets.py cited_source), and the
    # citing phrase is no part of the claim
    ("The Freedonian interior ministry said, citing police reports, that the border had been sealed.",
     "the border had been", "Freedonian interior ministry", ["institution", "document"]),
    ("The Freedonian interior ministry, citing unnamed officers, said the border had been sealed.",
     "the border had been", "Freedonian interior ministry", ["institution", "anonymous"]),
]


@pytest.mark.model
def test_a_clause_inside_a_quotation_is_no_second_claim(coder):
    article = _article(coder, 'The minister spoke on Monday. "We will not retreat. We will hold the line," the '
                              'minister said.')
    assert [q.text for q in article.quotes] == ["We will not retreat. We will hold the line,"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The demand for Ruritanian wheat rose sharply in March.",  # a market's demand: no one's words
    "Calls for restraint grew after the clashes near the border.",  # nobody's calls
    "Freedonia dismissed the claim that its troops had crossed the river.",  # the claim is not Freedonia's
])
def test_nouns_without_a_speaker_report_nothing(coder, text):
    article = _article(coder, text)
    assert not [q for q in article.quotes if q.cue in ("demand", "Calls", "claim")], article.quotes


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ukraine: five killed in Russian strike on Kharkiv",  # a country before a colon is the story's topic
    "Live stream: watch the leaders arrive in Helsinki",  # no actor before the colon
    "The problem is simple: there is no money left in the budget.",  # no one's answer or message
])
def test_a_colon_after_no_speaker_reports_nothing(coder, text):
    article = _article(coder, text)
    assert not [q for q in article.quotes if q.cue == ":"], article.quotes


@pytest.mark.model
@pytest.mark.parametrize("text, start, speaker, kinds", CASES, ids=[c[1][:20] for c in CASES])
def test_claims_and_speakers(coder, text, start, speaker, kinds):
    claim = _claim(_article(coder, text), start)
    if speaker is not None:
        assert claim.speaker is not None and claim.speaker.name == speaker
    if not kinds:
        assert claim.speaker is None and [h.kind for h in claim.chain] == ["publisher"]
    else:
        got = [h.kind for h in claim.chain[1:]]
        assert len(got) == len(kinds) and all(g in k.split("|") for g, k in zip(got, kinds, strict=True)), got


@pytest.mark.model
@pytest.mark.parametrize("text, cue", [
    ("The senator asked the court to dismiss the lawsuit against the county.", "dismiss"),  # the court would
    ("The union called on parliament to reject the pension bill.", "reject"),
    ("Opposition lawmakers want to question the spy chief about the leak.", "question"),  # not yet asked
    ("The spokesman refused to confirm that the talks had collapsed.", "confirm"),
    ("The minister plans to announce the new budget on Friday.", "announce"),
])
def test_an_infinitive_nobody_said_is_no_claim(coder, text, cue):
    article = _article(coder, text)
    assert not [q for q in article.quotes if q.cue == cue], article.quotes


@pytest.mark.model
@pytest.mark.parametrize("text, cue, start, speaker", [
    ("The minister continued to deny the allegations of fraud.", "deny", "the allegations", "minister"),
    ("Director Jane Roe called reporters to say the factory would reopen.", "say", "the factory", "Jane Roe"),
    # a quotation given out before a speech is the speaker's words, "expected to say" or not
    ('"Our borders are not for sale," Governor Jane Roe is expected to say.', "say", "Our borders", "Jane Roe"),
])
def test_an_infinitive_said_by_the_subject_is_a_claim(coder, text, cue, start, speaker):
    claim = _claim(_article(coder, text), start)
    assert claim.cue == cue and claim.speaker is not None and speaker in claim.speaker.name, claim


@pytest.mark.model
def test_a_person_who_declined_is_the_he_who_then_spoke(coder):
    article = _article(coder, "Company chairman John Roe declined to estimate sales, but he said the new model "
                              "would sell well.")
    claim = _claim(article, "the new model")
    assert claim.speaker is not None and claim.speaker.name == "John Roe"


@pytest.mark.model
def test_expected_is_a_forecast_not_an_unsourced_claim(coder):
    article = _article(coder, "The two leaders are expected to meet in Geneva next week.")
    assert not [q for q in article.quotes if q.speaker is None]


@pytest.mark.model
def test_anonymity_request_is_no_speech_act(coder):
    article = _article(coder, "A senior official, who asked not to be named, said the talks would resume.")
    assert [q.text for q in article.quotes] == ["the talks would resume"]


@pytest.mark.model
def test_spokesperson_relays_the_person_they_speak_for(coder):
    text = ("Prime Minister Ivan Petrov met the visiting envoy on Monday. He will not attend the summit in Oslo, "
            "his spokesman said.")
    claim = _claim(_article(coder, text), "He will not attend")
    assert [(h.name, h.kind) for h in claim.chain] == [("Testwire", "publisher"), ("spokesman", "anonymous"),
                                                       ("Ivan Petrov", "named")]


@pytest.mark.model
@pytest.mark.parametrize("text, start, principal", [
    # the one the sentence's report is about is whom "his" spokesman speaks for, not the person named before
    ("Maria Lopez spoke to reporters on Monday. The UN secretary-general appealed for calm in the region, his "
     "spokesman said.", "The UN secretary-general", "UN secretary-general"),
    ("Maria Lopez spoke to reporters on Monday. Colonel Ivan Dragov ordered the troops back to their barracks, his "
     "spokesman said.", "Colonel Ivan Dragov", "Ivan Dragov"),
])
def test_his_spokesman_speaks_for_the_subject_of_the_report(coder, text, start, principal):
    claim = _claim(_article(coder, text), start)
    assert [h.kind for h in claim.chain[:2]] == ["publisher", "anonymous"] and claim.chain[1].name == "spokesman"
    assert claim.chain[-1].name == principal and claim.chain[-1].cue == "spokesperson for"


@pytest.mark.model
def test_a_clause_said_is_no_inverted_report(coder):
    # "respond" is what the spokesman said, not a report of the words before it
    article = _article(coder, "The president's spokeswoman said the government would respond within days.")
    assert [q.cue for q in article.quotes] == ["said"]


@pytest.mark.model
def test_transcript_turns(coder):
    text = ("Anna Kovacs: Good afternoon, colleagues. Let us begin with the harvest.\n\n"
            "Peter Novak: Thank you. The figures are better than last year.")
    article = _article(coder, text)
    turns = [(q.speaker.name, q.cue, q.direct) for q in article.quotes if q.cue == ":"]
    assert turns == [("Anna Kovacs", ":", True), ("Peter Novak", ":", True)]


@pytest.mark.model
def test_he_said_after_a_person_no_actor_codes(coder):
    # a person the dictionary does not know, named as a subject, is who "he said" means when no one has spoken
    text = ("County commissioner Darnell Whitcombe voted against the budget on Tuesday. \"The numbers do not add "
            "up, and the voters deserve better,\" he said.")
    quote = next(q for q in _article(coder, text).quotes if q.text.startswith("The numbers"))
    assert quote.speaker is not None and quote.speaker.name == "Darnell Whitcombe", quote.speaker


@pytest.mark.model
def test_transcript_turns_without_line_breaks(coder):
    # a transcript that runs on in one paragraph: each "Name:" opens a turn that ends where the next one opens,
    # also when the sentence splitter cuts the name off from the words
    text = ("Anna Kovacs: Good afternoon, colleagues. Let us begin with the harvest. Director Peter Novak: Thank "
            "you. The figures are better than last year. Anna Kovacs: Good, thank you.")
    article = _article(coder, text)
    turns = [(q.speaker.name, q.text) for q in article.quotes if q.cue == ":"]
    assert turns == [("Anna Kovacs", "Good afternoon, colleagues. Let us begin with the harvest."),
                     ("Peter Novak", "Thank you. The figures are better than last year."),
                     ("Anna Kovacs", "Good, thank you.")], turns


# -- no model: the scorer's classes and cue keys, and the cue tally on a hand-built parse ----------------------

@pytest.mark.parametrize("cue, key", [("said", "say"), ("says", "say"), ("told", "tell"), ("accused", "accuse"),
                                      ("denied", "deny"), ("According to", "according to"), (":", ":"),
                                      (None, "(none)"), ("urging", "urge")])
def test_cue_group(cue, key):
    from thucydides.evaluation.attribution import cue_group

    assert cue_group(cue) == key


@pytest.mark.parametrize("gold, kind", [
    ({"direct": True, "speaker": {"kind": "named"}}, "direct"),
    ({"direct": False, "speaker": {"kind": "anonymous"}}, "indirect"),
    ({"direct": False, "speaker": {"kind": "unsourced"}}, "unsourced"),
])
def test_class_of(gold, kind):
    from thucydides.evaluation.attribution import class_of

    assert class_of(gold) == kind


def test_cue_candidates_on_a_hand_built_parse():
    from thucydides.evaluation.cue_lexicon import CueTally, candidates

    # "Officials insisted the deal held" / "Rome urged Paris to act" / "the claim that it failed"
    clause = parse([("Officials", "official", "NOUN", "nsubj", 1), ("insisted", "insist", "VERB", "ROOT", 1),
                    ("the", "the", "DET", "det", 3), ("deal", "deal", "NOUN", "nsubj", 4),
                    ("held", "hold", "VERB", "ccomp", 1)])
    act = parse([("Rome", "Rome", "PROPN", "nsubj", 1), ("urged", "urge", "VERB", "ROOT", 1),
                 ("Paris", "Paris", "PROPN", "dobj", 1), ("to", "to", "PART", "aux", 4),
                 ("act", "act", "VERB", "xcomp", 1)])
    noun = parse([("the", "the", "DET", "det", 1), ("claim", "claim", "NOUN", "ROOT", 1),
                  ("that", "that", "SCONJ", "mark", 4), ("it", "it", "PRON", "nsubj", 4),
                  ("failed", "fail", "VERB", "acl", 1)])
    assert list(candidates(clause)) == [("V", "insist", "clause")]
    assert ("V", "urge", "object-to") in list(candidates(act))
    assert list(candidates(noun)) == [("N", "claim", "noun-that")]
    tally = CueTally()
    tally.counts.update({("V", "insist"): 3, ("V", "frobnicate"): 2})
    assert tally.coverage(frozenset({"insist"}))["all_coverage"] == 0.6
    assert [row[1] for row in tally.gaps(frozenset({"insist"}))] == ["frobnicate"]
