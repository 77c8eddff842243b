"""Nouns of saying: "Russia's claim that ...", "the minister's calls for talks", "his criticism of the plan",
"the ministry issued a statement saying ...". A noun of ``cues.tsv`` reports what someone said when it has both

- its **content**: the clause of a ``noun-that`` noun ("the claim that ...", "a statement saying ..."), the
  for-phrase of a ``noun-for`` noun ("calls for a ceasefire"), the of- or against-phrase of a ``noun-of`` noun
  ("criticism of the plan");
- its **speaker**: its possessor ("Russia's claim", "his criticism"), an actor named in front of it ("US
  calls for"), its by- or from-phrase ("a call from the EU for"), or the subject of a verb that voices it
  (``voicing``: "X repeated the claim that", "X issued a statement saying").

Without either it reports nothing ("the demand for oil", "calls for restraint grew").
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.tree import bounds
from thucydides.types import ActorMention, Token

NounClaim = tuple[Token, list[int], tuple[int, int]]  # the noun, its speaker's tokens, its content (first, last)


def _trimmed(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int] | None:
    while first < last and (tokens[first].dep == "mark" or tokens[first].pos == "PUNCT"):
        first += 1
    while last > first and tokens[last].pos == "PUNCT":
        last -= 1
    if last == first and tokens[first].pos not in ("NOUN", "PROPN"):
        return None  # (one word is content only as a noun: "calls for calm", "his criticism of Moscow")
    return first, last


def _content(noun: Token, tokens: Sequence[Token], kids: list[list[int]],
             words: dict[str, frozenset[str]]) -> tuple[int, int] | None:
    lemma = noun.lemma.lower()
    for k in kids[noun.i]:
        t = tokens[k]
        if k < noun.i:
            continue
        if lemma in words["noun-that"] and t.dep in ("acl", "ccomp", "appos", "relcl"):
            if any(tokens[c].dep == "mark" and tokens[c].text.lower() == "that" for c in kids[k]):
                return _trimmed(tokens, *bounds(kids, k))  # "the claim that Kyiv had ..."
            if t.lemma.lower() in words["speech"]:  # "a statement saying (that) ..."
                clause = [c for c in kids[k] if tokens[c].dep == "ccomp"]
                if clause:
                    return _trimmed(tokens, *bounds(kids, clause[0]))
        preposition = t.text.lower()
        if t.dep == "prep" and ((lemma in words["noun-for"] and preposition == "for") or (
                lemma in words["noun-of"] and preposition in ("of", "against"))):
            objects = [c for c in kids[k] if tokens[c].dep in ("pobj", "pcomp")]
            if objects:
                return _trimmed(tokens, *bounds(kids, objects[0]))
    if lemma in words["noun-for"] and noun.dep in ("dobj", "obj") and noun.head != noun.i:
        # "renewed their calls for an inquiry": the parser hangs the for-phrase on the verb, right after the noun
        for k in kids[noun.head]:
            if tokens[k].dep == "prep" and tokens[k].text.lower() == "for" and k == noun.i + 1:
                objects = [c for c in kids[k] if tokens[c].dep in ("pobj", "pcomp")]
                if objects:
                    return _trimmed(tokens, *bounds(kids, objects[0]))
    return None


def _speaker(noun: Token, tokens: Sequence[Token], kids: list[list[int]], at: dict[int, ActorMention],
             words: dict[str, frozenset[str]]) -> list[int]:
    for k in kids[noun.i]:
        t = tokens[k]
        if t.dep == "poss" and t.pos == "PRON" and noun.dep in ("dobj", "obj") and noun.head != noun.i:
            subjects = [s for s in kids[noun.head] if tokens[s].dep == "nsubj" and tokens[s].pos != "PRON"]
            if subjects:
                return subjects  # "critics renewed their calls for an inquiry": whose calls the subject's
        if t.dep == "poss" or (k < noun.i and t.dep in ("compound", "amod", "nmod") and k in at):
            return [k]  # "Russia's claim", "his criticism", "US calls for"
        if t.dep in ("prep", "agent") and t.text.lower() in ("by", "from"):
            objects = [c for c in kids[k] if tokens[c].dep == "pobj"]
            if objects:
                return objects  # "a call from the EU for talks"
    if noun.dep in ("dobj", "obj") and tokens[noun.head].lemma.lower() in words["voicing"]:
        return [k for k in kids[noun.head] if tokens[k].dep == "nsubj"]  # "the ministry issued a statement"
    return []


def noun_claims(tokens: Sequence[Token], kids: list[list[int]], at: dict[int, ActorMention],
                quoted: Sequence[tuple[int, int]], words: dict[str, frozenset[str]]) -> list[NounClaim]:
    """The nouns of saying of a sentence that have both a speaker and a content (none inside a quotation)."""
    nouns = words["noun-that"] | words["noun-for"] | words["noun-of"]
    out: list[NounClaim] = []
    for token in tokens:
        if token.pos != "NOUN" or token.lemma.lower() not in nouns or any(a <= token.start < b for a, b in quoted):
            continue
        content = _content(token, tokens, kids, words)
        speaker = _speaker(token, tokens, kids, at, words) if content else []
        if content and speaker:
            out.append((token, speaker, content))
    return out
