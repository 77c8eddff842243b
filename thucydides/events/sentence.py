"""The parsed sentence the event stage works on, shared by its modules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.types import ActorMention, Location, Reference, Sentence, Token


@dataclass(slots=True)
class _Sentence:
    sentence: Sentence
    tokens: Sequence[Token]
    kids: list[list[int]]
    mentions: list[ActorMention]
    at: dict[int, ActorMention]
    base: int
    refs: dict[int, Reference]  # token -> what it points back to (the coreference stage's)
    recent: list[ActorMention]  # the mentions of the sentences before (a place's country is preferably theirs)
    scene: Location | None = None  # where the last act of the sentences just before happened ("... in Maiduguri. Two
    # officers were killed.": the officers are of that place's country when nothing else places them)
