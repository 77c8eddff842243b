"""Framing flags: lexicon phrases, editorial insertions and scare quotes, on hand-built text and the seed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import shared_path
from thucydides.attribution import framing, lexicon
from thucydides.types import Article, InputRef


def _flags(text):
    return {(f.kind, f.text) for f in framing(Article(id="f", ref=InputRef("f"), format="text", text=text))}


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscow said the special military operation was going to plan.", {("euphemism", "special military operation")}),
    ("The Kiev regime rejected the offer.", {("loaded-term", "Kiev regime")}),
    ("Russia is supposedly not ready for talks.", {("distancing", "supposedly")}),
    ("The so-called peace plan failed.", {("distancing", "so-called")}),
    ("The mayor of Odesa (Odessa - TASS) said so.", {("editorial-insertion", "(Odessa - TASS)")}),
    ('He said the ban was "regrettable" and left.', {("loaded-quote", "regrettable")}),
    ("The target was neutralized, the army said.", {("euphemism", "neutralized")}),
])
def test_flags(text, expected):
    assert expected <= _flags(text)


@pytest.mark.parametrize("text", [
    "The deal would be signed on Monday.",  # not "would-be"
    '"We will not give up our land, whatever it takes," the president said.',  # a quote, not a scare quote
    "Myanmar's military government arrested protesters.",
])
def test_no_flags(text):
    assert _flags(text) == set()


def test_every_lexicon_entry_has_a_known_kind_and_a_note():
    entries = lexicon()
    assert len(entries) >= 30
    assert all(e.kind in {"euphemism", "loaded-term", "distancing"} and e.note for e in entries)


def test_seed_framing(settings, nlp):
    """../shared/seed/EXPECTED.md: the euphemism, the relaying outlet's insertion, the hedge, the loaded quote."""
    from thucydides.ingest import read
    from thucydides.pipeline import Coder

    seed = shared_path("seed", "000_9f3a856de257ed78.txt")
    settings = replace(settings, published="2022-11-06")
    [article] = list(Coder(settings, nlp=nlp).code(read([str(seed)], settings)))
    flags = {(f.kind, f.text) for f in article.framing}
    assert {("euphemism", "special military operation"), ("editorial-insertion", "(Kiev - TASS)"),
            ("distancing", "supposedly"), ("loaded-quote", "under external orders")} <= flags
    for flag in article.framing:
        assert article.text[flag.start:flag.end] == flag.text and flag.note
