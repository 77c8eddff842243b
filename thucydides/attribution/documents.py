"""Speakers that are documents and media in the text's own words: "the report said", "a survey showed", "news
reports said", "Israeli public radio said", "the newspaper said" (part of the ordered table of
:mod:`thucydides.attribution.speakers`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from thucydides.attribution.people import noun_phrase
from thucydides.attribution.words import DOCUMENT_WORDS, FINDING_WORDS, MEDIA_NOUNS
from thucydides.tables import word_set
from thucydides.types import Hop

if TYPE_CHECKING:
    from thucydides.attribution.speakers import Context, Found

# words that make a report or a story the media's: "news reports", "media accounts", "press stories"
_MEDIA_MODIFIERS = word_set("media-report-modifiers")
_REPORT_NOUNS = frozenset({"report", "story", "account"})
_FIGURE_PEOPLE = word_set("figure-people-modifiers")  # "political figures": people, not numbers


def _media_reports(k: int, c: Context) -> Found | None:
    """ "news reports said", "according to media reports", "various media stories": the media, unnamed (an outlet),
    not a document; so are bare plural "reports" ("reports said the talks had stalled")."""
    token = c.tokens[k]
    if token.lemma.lower() not in _REPORT_NOUNS:
        return None
    modifiers = [c.tokens[d] for d in c.kids[k] if c.tokens[d].dep in ("compound", "amod", "nmod")]
    media = any(m.lemma.lower() in _MEDIA_MODIFIERS or m.text.lower() in _MEDIA_MODIFIERS for m in modifiers)
    bare = token.tag == "NNS" and token.lemma.lower() == "report" and not any(
        c.tokens[d].dep in ("poss", "compound", "nmod", "prep") for d in c.kids[k])
    if not (media or bare):
        return None
    return Hop(noun_phrase(c.tokens, k), "outlet"), (token.start, token.end)


def _document(k: int, c: Context) -> Found | None:
    """ "the report said", "a survey showed", "the draft law envisages": the document speaks (a draft of anything
    is a document)."""
    token = c.tokens[k]
    modifiers = [c.tokens[d] for d in c.kids[k] if c.tokens[d].dep in ("compound", "amod")]
    if {token.lemma.lower(), token.text.lower()} & FINDING_WORDS and token.pos == "PROPN" and any(
            m.pos == "PROPN" for m in modifiers):
        return None  # the end of a name: "Nuclear Data said", "according to Aluminium Review"
    if token.lemma.lower() in ("figure", "figures") and any(m.lemma.lower() in _FIGURE_PEOPLE for m in modifiers):
        return None  # "political figures said": people
    if token.text.lower() in DOCUMENT_WORDS or token.lemma.lower() in DOCUMENT_WORDS:
        return Hop(token.text, "document"), (token.start, token.end)
    draft = next((m for m in modifiers if m.lemma.lower() == "draft"), None)
    if draft is not None:
        return Hop(f"{draft.text} {token.text}", "document"), (draft.start, token.end)
    return None


def _the_newspaper(k: int, c: Context) -> Found | None:
    """ "the newspaper said" inside a reporting frame: the outlet of the frame."""
    token = c.tokens[k]
    if token.text.lower() in ("newspaper", "paper", "daily", "article", "publication") and c.state.frame:
        return c.state.frame[0], (token.start, token.end)
    return None


def _media_noun(k: int, c: Context) -> Found | None:
    """ "Israeli public radio said": an outlet in the text's words."""
    token = c.tokens[k]
    if token.pos == "NOUN" and token.lemma.lower() in MEDIA_NOUNS:
        return Hop(noun_phrase(c.tokens, k), "outlet"), (token.start, token.end)
    return None
