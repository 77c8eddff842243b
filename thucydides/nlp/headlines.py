"""Headline verbs the tagger took for nouns, read as the verbs they are.

Headlines drop articles and auxiliaries, and the pinned model often tags their present-tense verb as a noun:
"Police arrest 9 on suspicion of terrorism" comes out with "arrest" a noun at the root of the sentence, with
"police" its subject and "9" its object; "Thousands rally in Gaza" and "U.S. expels Russian national" the same.
A noun cannot have a subject, so a noun at the root that has one is a verb: this component, run after the
parser and before the lemmatizer, tags it as a present-tense verb (VBZ when it ends in "s", else VBP), and the
lemmatizer then gives it its verb lemma. Every later stage sees the verb and needs no headline rule of its own.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "thucydides_headline_verbs"


def read_headline_verbs(nlp: Any) -> None:
    """Add the component to ``nlp``, after the parser's POS mapping and before the lemmatizer."""
    if COMPONENT in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="lemmatizer")
    else:
        nlp.add_pipe(COMPONENT, after="parser")


def verb_roots(doc: Doc) -> list[int]:
    """The indices of the nouns at a sentence's root that have a nominal subject."""
    return [token.i for token in doc if token.dep_ == "ROOT" and token.pos_ == "NOUN" and token.text.isalpha()
            and token.text.islower() and any(child.dep_ == "nsubj" for child in token.children)]


class HeadlineVerbs:
    """The pipeline component: a root noun with a subject becomes a present-tense verb."""

    def __call__(self, doc: Doc) -> Doc:
        for i in verb_roots(doc):
            token = doc[i]
            token.pos_ = "VERB"
            token.tag_ = "VBZ" if token.lower_.endswith("s") and not token.lower_.endswith("ss") else "VBP"
        return doc


@Language.factory(COMPONENT)
def _make(nlp: Any, name: str) -> HeadlineVerbs:  # noqa: ARG001 (spaCy's factory signature)
    return HeadlineVerbs()
