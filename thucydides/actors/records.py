"""The records the resolution steps hand each other, and the code arithmetic they share.

A ``_Unit`` is one dictionary match (or unknown name) over a token range; a ``_Segment`` is the units that make one
mention; a ``_Resolved`` is a segment with its actor, rule and evidence. ``split_code`` splits a CAMEO-style code
into PLOVER's country and sector (the event coder uses it too).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.actors.dictionary import ADJECTIVE, CAPITAL, COUNTRY, REGION, REGION_ADJECTIVE, ActorDictionary, Entry
from thucydides.types import Actor, Token

# unit kinds besides the dictionary's: a name the parser tags as PERSON that no dictionary knows, a known surname,
# and a city the gazetteer knows, named right before a role ("Chicago police", "Kharkiv Mayor")
NAME, SURNAME, CITY = "name", "surname", "city"
# unit kinds that tie a mention to a country or region
ANCHORS = frozenset({COUNTRY, CAPITAL, ADJECTIVE, REGION, REGION_ADJECTIVE, CITY})
PLACE_LIKE = frozenset({COUNTRY, CAPITAL})


@dataclass(slots=True)
class _Unit:
    i: int  # token range within the sentence, end exclusive
    j: int
    kind: str
    entries: list[Entry]
    key: str

    @property
    def entry(self) -> Entry:
        return self.entries[0]


@dataclass(slots=True)
class _Segment:
    units: list[_Unit]
    i: int
    j: int
    former: bool = False
    definite: bool = False
    indefinite: bool = False  # "a protest group", "another soldier": someone new, not the last one named
    place: bool = False  # starts right after a locative preposition
    possessor: int | None = None  # index of the unit followed by 's
    pronoun: str | None = None  # "its troops", "his office"; "'s" for "Kadhafi's forces" split off its owner
    ethnic: bool = False  # "ethnic Albanians": the demonym after "ethnic" names a people, not their country


@dataclass(slots=True)
class _Resolved:
    segment: _Segment
    actor: Actor
    rule: str
    evidence: str
    head: str | None = None
    list_id: int | None = None
    distributable: bool = False  # a country alone that may share the next mention's head noun
    contextual: bool = False  # a role phrase whose country came from the context, not the mention
    modifier: bool = False  # an adjective modifying a non-actor noun: dropped unless a list gives it a head


def tokens_text(tokens: Sequence[Token], seg: _Segment) -> str:
    return " ".join(t.text for t in tokens[seg.i:seg.j])


def split_code(code: str, d: ActorDictionary) -> tuple[str | None, str | None]:
    """PLOVER-style ``country`` and ``sector`` of a CAMEO-style code."""
    head = code[:3]
    if head in ("IGO", "NGO"):
        tail = code[-3:]
        return head, (tail if len(code) > 6 and tail in d.sectors and code[:-3] in d.org_codes else None)
    country = None if head == "---" else head
    sector = code[3:6] if len(code) >= 6 else None
    return country, sector
