"""Every event row added from the corpus-frequency lists (``thucydides lexicon gaps``) fires on a sentence written
for it: ``tests/data/lexicon_sentences.tsv`` holds one team-written sentence per (lemma, code), with the code it
must give. A row that stops matching, or a rule that starts swallowing its event, fails here by name."""

from __future__ import annotations

from pathlib import Path

import pytest

TABLE = Path(__file__).parent / "data" / "lexicon_sentences.tsv"


def _rows() -> list[tuple[str, str, str]]:
    out = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, code, lemma = (cell.strip() for cell in line.split("\t"))
            out.append((sentence, code, lemma))
    return out


ROWS = _rows()


@pytest.fixture(scope="module")
def coded(coder):
    articles = coder.code_sentences([(sentence, "2024-05-01") for sentence, _, _ in ROWS])
    return {sentence: article.events for (sentence, _, _), article in zip(ROWS, articles, strict=True)}


def test_the_table_is_well_formed():
    from thucydides.events.codebook import codebook
    from thucydides.events.patterns import patterns

    assert len(ROWS) >= 300 and len({sentence for sentence, _, _ in ROWS}) == len(ROWS)
    known, index = codebook(), patterns()
    for _sentence, code, lemma in ROWS:
        assert code in known, code
        assert any(p.code == code for pos in "VNA" for p in index.get((pos, lemma), ())), (lemma, code)


@pytest.mark.model
@pytest.mark.parametrize("sentence, code, lemma", ROWS, ids=[f"{lemma}-{code}-{n}" for n, (_, code, lemma) in enumerate(ROWS)])
def test_row_fires(coded, sentence, code, lemma):
    asserted = [e.cameo for e in coded[sentence] if e.modality.polarity == "positive"]
    assert code in asserted, (lemma, code, asserted)


def _glued(words: list[str], lemmas: list[str], gaps: list[int]):
    """Tokens with the given gaps before each (0: written against the one before, as in "sit-in")."""
    from thucydides.types import Token

    tokens, at = [], 0
    for i, (word, lemma, gap) in enumerate(zip(words, lemmas, gaps, strict=True)):
        at += gap
        tokens.append(Token(i=i, text=word, start=at, end=at + len(word), lemma=lemma, pos="NOUN", tag="", dep="dep",
                            head=i, ent_type="", ent_iob="O"))
        at += len(word)
    return tokens


@pytest.mark.parametrize(("words", "lemmas", "gaps", "forms"), [
    (["a", "sit", "-", "ins"], ["a", "sit", "-", "in"], [0, 1, 0, 0], ["sit-in", "sitin", "in"]),
    (["a", "cease", "-", "fire"], ["a", "cease", "-", "fire"], [0, 1, 0, 0], ["cease-fire", "ceasefire", "fire"]),
    (["walk", "-", "out"], ["walk", "-", "out"], [0, 1, 1], ["out"]),  # "walk - out": a dash, not a hyphen
    (["20", "-", "year"], ["20", "-", "year"], [0, 0, 0], ["year"]),  # no word before the hyphen
])
def test_a_split_hyphenated_word_is_looked_up_whole(words, lemmas, gaps, forms):
    from thucydides.events.keys import word_forms

    assert word_forms(_glued(words, lemmas, gaps), len(words) - 1) == forms
