"""Parses built by hand, so that a unit test of a later stage names its own layer when it fails (no model).

``parse(rows)`` takes one row per token: ``(text, lemma, pos, dep, head)`` with ``head`` the index of the head
token (its own index for the root), and optionally a sixth item, the fine-grained tag (``VBN``). ``mention(tokens, first, last, code)`` makes an actor mention over tokens
``first..last`` (inclusive).
"""

from __future__ import annotations

from thucydides.types import Actor, ActorMention, Token


def parse(rows: list[tuple]) -> tuple[Token, ...]:
    tokens, offset = [], 0
    for i, (text, lemma, pos, dep, head, *tag) in enumerate(rows):
        tokens.append(Token(i=i, text=text, start=offset, end=offset + len(text), lemma=lemma, pos=pos,
                            tag=tag[0] if tag else "", dep=dep, head=head, ent_type="", ent_iob="O"))
        offset += len(text) + 1
    return tuple(tokens)


def mention(tokens: tuple[Token, ...], first: int, last: int, code: str) -> ActorMention:
    text = " ".join(t.text for t in tokens[first:last + 1])
    actor = Actor(code=code, country=code[:3], sector=code[3:] or None, name=text)
    return ActorMention(text=text, start=tokens[first].start, end=tokens[last].end, sentence=0,
                        token_start=first, token_end=last + 1, actor=actor, rule="dictionary", evidence="test")


def article(tokens: tuple[Token, ...], mentions: list[ActorMention], published: str = "2024-05-01"):
    """A one-sentence article over hand-built ``tokens`` with its actor ``mentions`` (what the actors stage gives)
    and the references of its pronouns (what the coreference stage adds)."""
    from dataclasses import replace

    from thucydides.actors.coreference import references
    from thucydides.types import Article, InputRef, Sentence, Span

    text = " ".join(t.text for t in tokens)
    sentence = Sentence(index=0, start=0, end=len(text), paragraph=0, text=text, tokens=tokens)
    built = Article(id="hand", ref=InputRef("<hand-built>"), format="text", text=text, published=published,
                    published_precision="day", paragraphs=(Span(0, len(text)),), sentences=(sentence,),
                    actors=tuple(mentions))
    return replace(built, references=references(built))
