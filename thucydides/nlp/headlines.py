"""Headline verbs the tagger took for nouns, read as the verbs they are.

Headlines drop articles and auxiliaries, and the pinned model often tags their present-tense verb as a noun:
"Police arrest 9 on suspicion of terrorism" comes out with "arrest" a noun at the root of the sentence, with
"police" its subject and "9" its object; "Thousands rally in Gaza" and "U.S. expels Russian national" the same.
A noun cannot have a subject, so a noun at the root that has one is a verb: this component, run after the
parser and before the lemmatizer, tags it as a present-tense verb (VBZ when it ends in "s", else VBP), and the
lemmatizer then gives it its verb lemma. Every later stage sees the verb and needs no headline rule of its own.

A headline with no verb at all is often a string of nouns the parser chained together: "Russia halts rocket
engine deliveries to US" comes out with "halts" a compound of "deliveries". There a word the event lexicon knows as
a verb is the verb when the words around it say so: a form in -s right after a singular name or a body that acts
("Russia halts", "UN chief requests", "Canada's parliament cancels"), a bare form right after a plural, "police"
or a list of names ("Israeli police storm", "Finland, UK sign"), and a word that can begin an object after it.
The sentence is then re-hung on it: the words before it are its subject, the words after it its object and
phrases. A name or a body before the word is required, so "peace talks resume", "mine blast" and "Market
exchange rates" stay nouns.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from thucydides.tables import word_set

COMPONENT = "thucydides_headline_verbs"


def read_headline_verbs(nlp: Any) -> None:
    """Add the component to ``nlp``, after the parser's POS mapping and before the lemmatizer."""
    if COMPONENT in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="lemmatizer")
    else:
        nlp.add_pipe(COMPONENT, after="parser")


_SUBJECT_NOUNS = word_set("headline-subject-nouns")
_OBJECT_STARTS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON"})
_NOMINAL_DEPS = frozenset({"compound", "amod", "nmod"})  # where a word inside a noun phrase hangs


@cache
def _verb_lemmas() -> frozenset[str]:
    from thucydides.events.patterns import patterns

    return frozenset(lemma.split()[0] for pos, lemma in patterns() if pos == "V")


def _subject_before(doc: Doc, k: int, plural: bool) -> bool:
    """Does the word before ``k`` end a subject: a name or a body that acts (singular for a verb in -s; plural,
    "police" or a list of names for a bare verb)?"""
    before = doc[k - 1]
    named = before.pos_ == "PROPN" and before.text[:1].isupper()
    body = before.lower_ in _SUBJECT_NOUNS
    if not plural:
        return (named or body) and before.tag_ in ("NNP", "NN")
    listed = k >= 3 and doc[k - 2].text == "," and doc[k - 3].pos_ == "PROPN" and named
    return (named or body) and (before.tag_ in ("NNPS", "NNS") or before.lower_ == "police" or listed)


def verbless_verbs(doc: Doc) -> list[int]:
    """In each sentence with no verb, the index of the noun that is its present-tense verb, if one is."""
    out = []
    for sent in doc.sents:
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in _NOMINAL_DEPS for t in sent):
            continue
        for token in sent:
            k = token.i
            # a noun, or a present-tense verb the parser hung inside a noun phrase ("Thousands protest mine
            # expansion": "protest" a compound of "expansion")
            misplaced = token.pos_ == "VERB" and token.tag_ in ("VBZ", "VBP") and token.dep_ in _NOMINAL_DEPS
            if k == sent.start or k + 1 >= sent.end or (token.pos_ != "NOUN" and not misplaced) \
                    or not token.text.isalpha() or not token.text.islower() \
                    or doc[k + 1].pos_ not in _OBJECT_STARTS:
                continue
            in_s = token.lower_.endswith("s") and not token.lower_.endswith("ss")
            lemma = token.lower_[:-1] if in_s else token.lower_
            if lemma.endswith(("che", "she", "sse", "xe", "oe")) and token.lower_.endswith("es"):
                lemma = lemma[:-1]  # "launches", "pushes", "taxes", "goes"
            if lemma in _verb_lemmas() and _subject_before(doc, k, plural=not in_s):
                out.append(k)
                break
    return out


def _rehang(doc: Doc, k: int) -> None:
    """Make token ``k`` the root of its sentence, with the words before it as its subject and after it as its
    object and phrases (each side keeps its own inner structure)."""
    sent = doc[k].sent
    verb = doc[k]
    left = [t for t in sent if t.i < k and (t.head.i == t.i or not sent.start <= t.head.i < k)]
    right = [t for t in sent if t.i > k and (t.head.i == t.i or not k < t.head.i < sent.end)]
    nominal = [t for t in left if t.pos_ in ("NOUN", "PROPN", "PRON")]
    subject = nominal[-1] if nominal else None
    for token in left:
        if token is subject or subject is None:
            token.head, token.dep_ = verb, "nsubj" if token is subject else "dep"
        elif token.pos_ == "PUNCT":
            token.head, token.dep_ = subject, "punct"
        elif token.pos_ == "PROPN" and any(t.text == "," for t in doc[token.i + 1:subject.i]):
            token.head, token.dep_ = subject, "conj"  # "Finland, UK sign statement"
        else:
            token.head, token.dep_ = subject, "amod" if token.pos_ == "ADJ" else "compound"
    object_ = None
    for token in right:
        token.head = verb
        if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and object_ is None:
            token.dep_, object_ = "dobj", token
        else:
            token.dep_ = {"ADP": "prep", "PUNCT": "punct"}.get(token.pos_, "dep")
    verb.head = verb
    verb.dep_ = "ROOT"


def verb_roots(doc: Doc) -> list[int]:
    """The indices of the nouns at a sentence's root that have a nominal subject."""
    return [token.i for token in doc if token.dep_ == "ROOT" and token.pos_ == "NOUN" and token.text.isalpha()
            and token.text.islower() and any(child.dep_ == "nsubj" for child in token.children)]


class HeadlineVerbs:
    """The pipeline component: a root noun with a subject becomes a present-tense verb, and a verbless headline is
    re-hung on its verb."""

    def __call__(self, doc: Doc) -> Doc:
        for i in verb_roots(doc):
            _as_verb(doc[i])
        for i in verbless_verbs(doc):
            _rehang(doc, i)
            _as_verb(doc[i])
        return doc


def _as_verb(token: Token) -> None:
    token.pos_ = "VERB"
    token.tag_ = "VBZ" if token.lower_.endswith("s") and not token.lower_.endswith("ss") else "VBP"


@Language.factory(COMPONENT)
def _make(nlp: Any, name: str) -> HeadlineVerbs:  # noqa: ARG001 (spaCy's factory signature)
    return HeadlineVerbs()
