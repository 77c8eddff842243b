"""Parses built by hand, so that a unit test of a later stage names its own layer when it fails (no model).

``parse(rows)`` takes one row per token: ``(text, lemma, pos, dep, head)`` with ``head`` the index of the head
token (its own index for the root). ``mention(tokens, first, last, code)`` makes an actor mention over tokens
``first..last`` (inclusive).
"""

from __future__ import annotations

from thucydides.types import Actor, ActorMention, Token


def parse(rows: list[tuple[str, str, str, str, int]]) -> tuple[Token, ...]:
    tokens, offset = [], 0
    for i, (text, lemma, pos, dep, head) in enumerate(rows):
        tokens.append(Token(i=i, text=text, start=offset, end=offset + len(text), lemma=lemma, pos=pos, tag="",
                            dep=dep, head=head, ent_type="", ent_iob="O"))
        offset += len(text) + 1
    return tuple(tokens)


def mention(tokens: tuple[Token, ...], first: int, last: int, code: str) -> ActorMention:
    text = " ".join(t.text for t in tokens[first:last + 1])
    actor = Actor(code=code, country=code[:3], sector=code[3:] or None, name=text)
    return ActorMention(text=text, start=tokens[first].start, end=tokens[last].end, sentence=0,
                        token_start=first, token_end=last + 1, actor=actor, rule="dictionary", evidence="test")
