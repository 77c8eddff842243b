"""Lemmas later stages can trust: bound-prefix words kept whole, and the model's known lemma errors corrected.

Words written with a bound prefix and a hyphen ("de-escalate", "re-elected", "co-operate") are kept as one token.

spaCy's English tokenizer splits a hyphen between letters, so "to de-escalate" reaches the parser as "de - escalate"
and is parsed as nouns hanging anywhere; the event lexicon's "de-escalate" row then never matches. A prefix that
is no word on its own (``bound-prefixes`` in ``data/lists.tsv``) keeps its word whole, and the word's lemma is the
prefix, a hyphen and the lemma of the rest ("re-elected" -> "re-elect", not the tagger's guess "re-electe").
Hyphens after other words ("Russian-backed", "pro-Western") are split as before.

The pinned model also lemmatises a few frequent words wrongly ("hopes to" -> "hop", "waged war" -> "wag");
``data/lemmas.tsv`` lists each form with the lemma to use, and the same component applies it.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from thucydides.tables import packaged, rows, word_set

COMPONENT = "thucydides_lemmas"


def keep_prefixed_words(nlp: Any) -> None:
    """Make ``nlp`` keep bound-prefix words whole and lemmatise them by their stem (in place)."""
    prefixes = word_set("bound-prefixes")
    split = nlp.tokenizer.infix_finditer

    def infix_finditer(text: str) -> list[Any]:
        return [m for m in split(text) if not (m.group() == "-" and text[:m.start()].lower() in prefixes)]

    nlp.tokenizer.infix_finditer = infix_finditer  # (the setter empties the tokenizer's cache)
    if "lemmatizer" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="lemmatizer")


def corrections() -> dict[tuple[str, str], str]:
    """(form, part of speech) -> lemma, from ``data/lemmas.tsv``."""
    return {(form.lower(), pos.upper()): lemma for _where, (form, pos, lemma, _note) in rows(packaged("lemmas.tsv"), 4)}


class PrefixedLemmas:
    """The pipeline component: "re-elected" (VERB) -> "re-elect", from the lemmatizer's own rules on "elected";
    "hoped" (VERB) -> "hope" from ``data/lemmas.tsv``."""

    def __init__(self, nlp: Any) -> None:
        self.vocab = nlp.vocab
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.prefixes = word_set("bound-prefixes")
        self.known: dict[tuple[str, str, str], str] = {}
        self.corrections = corrections()

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            corrected = self.corrections.get((token.lower_, token.pos_))
            if corrected is not None:
                token.lemma_ = corrected
                continue
            prefix, hyphen, rest = token.lower_.partition("-")
            if not hyphen or prefix not in self.prefixes or not rest.isalpha():
                continue
            key = (rest, token.pos_, token.tag_)
            if key not in self.known:
                if len(self.known) > 10_000:
                    self.known.clear()
                stem = Doc(self.vocab, words=[rest])[0]
                stem.pos_, stem.tag_ = token.pos_, token.tag_
                lemmas = self.lemmatizer.rule_lemmatize(stem)
                self.known[key] = f"{prefix}-{lemmas[0] if lemmas else rest}"
            token.lemma_ = self.known[key]
        return doc


@Language.factory(COMPONENT)
def _make(nlp: Any, name: str) -> PrefixedLemmas:  # noqa: ARG001 (spaCy's factory signature)
    return PrefixedLemmas(nlp)
