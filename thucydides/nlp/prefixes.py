"""Words written with a bound prefix and a hyphen ("de-escalate", "re-elected", "co-operate") kept as one token.

spaCy's English tokenizer splits a hyphen between letters, so "to de-escalate" reaches the parser as "de - escalate"
and is parsed as nouns hanging anywhere; the event lexicon's "de-escalate" row then never matches. A prefix that
is no word on its own (``bound-prefixes`` in ``data/lists.tsv``) keeps its word whole, and the word's lemma is the
prefix, a hyphen and the lemma of the rest ("re-elected" -> "re-elect", not the tagger's guess "re-electe").
Hyphens after other words ("Russian-backed", "pro-Western") are split as before.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from thucydides.tables import word_set

COMPONENT = "thucydides_prefixed_lemmas"


def keep_prefixed_words(nlp: Any) -> None:
    """Make ``nlp`` keep bound-prefix words whole and lemmatise them by their stem (in place)."""
    prefixes = word_set("bound-prefixes")
    split = nlp.tokenizer.infix_finditer

    def infix_finditer(text: str) -> list[Any]:
        return [m for m in split(text) if not (m.group() == "-" and text[:m.start()].lower() in prefixes)]

    nlp.tokenizer.infix_finditer = infix_finditer  # (the setter empties the tokenizer's cache)
    if "lemmatizer" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="lemmatizer")


class PrefixedLemmas:
    """The pipeline component: "re-elected" (VERB) -> "re-elect", from the lemmatizer's own rules on "elected"."""

    def __init__(self, nlp: Any) -> None:
        self.vocab = nlp.vocab
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.prefixes = word_set("bound-prefixes")
        self.known: dict[tuple[str, str, str], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
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
