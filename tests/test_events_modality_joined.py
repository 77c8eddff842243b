"""Modality on parses built by hand (no model): a verb joined to another keeps the first one's negation only when it
shares its tense ("will not attend or vote"), not when it has a tense, auxiliary or subject of its own ("did not
comment but arrested"); an event noun under "any" is any act of its kind, not one that happened; a direct question
asks about its act. Team-written sentences."""

from __future__ import annotations

import pytest
from handparse import parse

from thucydides.events.modality import modality


def _modality(rows, trigger):
    tokens = parse(rows)
    return modality(tokens, trigger, " ".join(t.text for t in tokens), 0)


def _polarity(rows, trigger):
    return _modality(rows, trigger).polarity


CASES = [
    ("a past verb after did not",
     [("Police", "police", "NOUN", "nsubj", 3), ("did", "do", "AUX", "aux", 3, "VBD"),
      ("not", "not", "PART", "neg", 3, "RB"), ("comment", "comment", "VERB", "ROOT", 3, "VB"),
      ("but", "but", "CCONJ", "cc", 3), ("arrested", "arrest", "VERB", "conj", 3, "VBN"),
      ("two", "two", "NUM", "nummod", 7), ("men", "man", "NOUN", "dobj", 5)], 5, "positive"),
    ("a joined verb with its own auxiliary",
     [("Brandt", "Brandt", "PROPN", "nsubj", 3), ("is", "be", "AUX", "aux", 3, "VBZ"),
      ("not", "not", "PART", "neg", 3, "RB"), ("running", "run", "VERB", "ROOT", 3, "VBG"),
      ("and", "and", "CCONJ", "cc", 3), ("has", "have", "AUX", "aux", 7, "VBZ"),
      ("been", "be", "AUX", "auxpass", 7, "VBN"), ("banned", "ban", "VERB", "conj", 3, "VBN")], 7, "positive"),
    ("a bare verb sharing will not",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 3), ("will", "will", "AUX", "aux", 3, "MD"),
      ("not", "not", "PART", "neg", 3, "RB"), ("attend", "attend", "VERB", "ROOT", 3, "VB"),
      ("or", "or", "CCONJ", "cc", 3), ("vote", "vote", "VERB", "conj", 3, "VB")], 5, "negative"),
    ("a participle sharing has not",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 3), ("has", "have", "AUX", "aux", 3, "VBZ"),
      ("not", "not", "PART", "neg", 3, "RB"), ("confirmed", "confirm", "VERB", "ROOT", 3, "VBN"),
      ("or", "or", "CCONJ", "cc", 3), ("denied", "deny", "VERB", "conj", 3, "VBN"),
      ("the", "the", "DET", "det", 7), ("raid", "raid", "NOUN", "dobj", 5)], 5, "negative"),
]


@pytest.mark.parametrize(("rows", "trigger", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_negation_of_joined_verbs(rows, trigger, expected):
    assert _polarity(rows, trigger) == expected


@pytest.mark.parametrize(("determiner", "certainty"), [("any", "possible"), ("the", "certain")])
def test_an_event_noun_under_any_is_no_fact(determiner, certainty):
    # lists.tsv generic-determiners: "any attack on Ruritania" (is an attack on us) happened nowhere
    rows = [(determiner, determiner, "DET", "det", 1), ("attack", "attack", "NOUN", "nsubj", 4),
            ("on", "on", "ADP", "prep", 1), ("Ruritania", "Ruritania", "PROPN", "pobj", 2),
            ("is", "be", "AUX", "ROOT", 4, "VBZ"), ("unacceptable", "unacceptable", "ADJ", "acomp", 4, "JJ")]
    assert _modality(rows, 1).certainty == certainty


@pytest.mark.parametrize(("rows", "certainty"), [
    # an auxiliary before the subject and a question mark: the act is asked about (events/modality.py _asked)
    ([("Did", "do", "AUX", "aux", 2, "VBD"), ("Ruritania", "Ruritania", "PROPN", "nsubj", 2),
      ("attack", "attack", "VERB", "ROOT", 2, "VB"), ("Freedonia", "Freedonia", "PROPN", "dobj", 2),
      ("?", "?", "PUNCT", "punct", 2)], "possible"),
    # a question about who did it still states the act
    ([("Who", "who", "PRON", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1, "VBD"),
      ("Freedonia", "Freedonia", "PROPN", "dobj", 1), ("?", "?", "PUNCT", "punct", 1)], "certain"),
])
def test_a_direct_question_asks_about_its_act(rows, certainty):
    trigger = next(i for i, row in enumerate(rows) if row[1] == "attack")
    assert _modality(rows, trigger).certainty == certainty
