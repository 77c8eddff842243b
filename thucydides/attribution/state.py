"""What the attribution stage keeps while it reads an article: the claims found so far, the open reporting
frame, the people and organisations the article names; and the publisher, the first hop of every chain."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thucydides.actors.dictionary import default_dictionary, phrase_key
from thucydides.types import Article, Hop, Reference


@dataclass(slots=True)
class Claim:
    """A stretch of text attributed to a speaker: a quotation or the clause of a verb of saying."""

    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: Hop | None
    speaker_span: tuple[int, int] | None
    chain: tuple[Hop, ...]
    sentence: int


@dataclass(slots=True)
class State:
    publisher: Hop
    frame: tuple[Hop, ...] = ()  # hops after the publisher while a reporting frame is open
    frame_paragraph: int = -1  # the last paragraph that pointed back to the frame
    sentence_frames: dict[int, tuple[Hop, ...]] = field(default_factory=dict)  # sentence -> chain of its frame
    people_by_role: dict[str, Hop] = field(default_factory=dict)  # "chairman" -> the person named with it
    # role key -> (sentence, person) for every person the article names with a title or an apposition
    named_roles: dict[str, list[tuple[int, Hop]]] = field(default_factory=dict)
    full_names: dict[str, str] = field(default_factory=dict)  # surname -> the full name the article gives
    genders: dict[str, str] = field(default_factory=dict)  # person's name -> the gender the article shows for it
    organisations: list[tuple[int, Hop]] = field(default_factory=list)  # (sentence, organisation) named
    speaker_relays: dict[str, tuple[Hop, int]] = field(default_factory=dict)  # person -> (outlet, paragraph)
    sentence: int = 0
    kids: list[list[int]] = field(default_factory=list)  # the parse children of the sentence being read
    refs: dict[int, Reference] = field(default_factory=dict)  # token -> its coreference (the sentence being read)
    last_person: tuple[Hop, tuple[int, int]] | None = None
    last_named: Hop | None = None  # the last person named as a subject outside a quotation, speaker or not
    named: list[Hop] = field(default_factory=list)  # ... and those named so before, in text order
    last_group: tuple[Hop, tuple[int, int]] | None = None
    claims: list[Claim] = field(default_factory=list)
    # speaker span -> the person a spokesperson speaks for ("his spokesman said": the chain goes on to him)
    principals: dict[tuple[int, int], Hop] = field(default_factory=dict)


def add_claim(state: State, span: tuple[int, int], direct: bool, cue: str | None, speaker: Hop | None,
         speaker_span: tuple[int, int] | None, chain: tuple[Hop, ...], sentence: int) -> None:
    if span[1] <= span[0]:
        return
    for index, claim in enumerate(state.claims):
        if claim.start == span[0] and abs(claim.end - span[1]) <= 1 and claim.end != span[1]:
            # '"It could collapse," he said': the quotation and the clause of "said" are one claim (the
            # quotation's span, with its closing comma, is kept)
            if direct and not claim.direct:
                state.claims[index] = Claim(span[0], span[1], direct, cue or claim.cue, speaker or claim.speaker,
                                             speaker_span or claim.speaker_span, chain, sentence)
            return
        if claim.start == span[0] and claim.end == span[1]:
            if claim.cue is None and cue is not None:  # a carried-over speaker yields to the quote's own
                state.claims[index] = Claim(span[0], span[1], direct, cue, speaker, speaker_span, chain, sentence)
            return
    state.claims.append(Claim(span[0], span[1], direct, cue, speaker, speaker_span, chain, sentence))


def publisher_hop(article: Article) -> Hop:
    """The dateline's wire credit, else a credit in the byline or opening the story ("By The Associated Press",
    "(Washington Examiner) ...") when it names a known outlet, else the record's outlet."""
    credit = article.extra.get("credit") if isinstance(article.extra.get("credit"), str) else None
    if credit and media_entry(credit) is None:
        credit = None
    name = (article.dateline.agency if article.dateline and article.dateline.agency else None) or credit \
        or article.outlet
    found = media_entry(name) if name else None
    if found is not None:
        return Hop(found[1], "publisher", found[0])
    return Hop(name or "(publisher)", "publisher", None)


def media_entry(name: str) -> tuple[str, str] | None:
    for entry, _rule in default_dictionary().lookup(phrase_key(re.sub(r"^the\s+", "", name, flags=re.I))):
        if entry.kind == "media":
            return entry.code, entry.name
    for entry, _rule in default_dictionary().lookup(phrase_key(name)):
        if entry.kind == "media":
            return entry.code, entry.name
    return None
