"""Claims a colon introduces after words that frame them as someone's: "Senator Smith put it simply: the bill is
dead", "He summed it up: ...", "The governor's message was blunt: the state cannot pay". The clause before the
colon names who speaks (the subject of "put it", the possessor of a noun of ``colon-noun``); what follows the
colon, to the end of the sentence, is what they said. Verbs of saying before a colon ("wrote:", "explained:") are
read with the other verbs of saying; transcript turns ("Name: ...") by :func:`chains.colon_turn`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from thucydides.attribution.speakers import resolve_speaker
from thucydides.attribution.state import State, add_claim
from thucydides.attribution.words import cues
from thucydides.tree import children
from thucydides.types import ActorMention, Sentence, Token


def _framer(tokens: Sequence[Token], kids: list[list[int]], colon: int) -> list[int]:
    """The tokens naming the speaker of what follows ``colon``, or none: the subject of "put it" / "sum it up", or
    the possessor of a noun of saying that is the subject of "be" ("her answer was simple:")."""
    words = cues()
    for verb in range(colon - 1, -1, -1):
        token = tokens[verb]
        if token.pos not in ("VERB", "AUX") or token.head < colon and token.head != verb:
            continue
        objects = [tokens[c].text.lower() for c in kids[verb] if tokens[c].dep in ("dobj", "obj")]
        subjects = [c for c in kids[verb] if tokens[c].dep == "nsubj"]
        if f"{token.lemma.lower()} it" in words.get("colon-verb", ()) and "it" in objects:
            return subjects  # "put it simply:", "summed it up:" (the particle is the verb's own)
        if token.lemma.lower() == "be":
            for s in subjects:
                if tokens[s].lemma.lower() in words.get("colon-noun", ()):
                    return [c for c in kids[s] if tokens[c].dep == "poss"]  # "the governor's message was blunt:"
        return []
    return []


def colon_claim(sentence: Sentence, at: dict[int, ActorMention], state: State) -> None:
    """Add the claim a framing colon introduces in ``sentence``, if any (one per sentence)."""
    tokens = sentence.tokens
    colon = next((t.i for t in tokens if t.text == ":" and 1 < t.i < len(tokens) - 4), None)
    if colon is None:
        return
    kids = children(tokens)
    heads = _framer(tokens, kids, colon)
    if not heads:
        return
    speaker, span = resolve_speaker(heads, tokens, at, state, strict=True)
    if speaker is None:
        return
    last = len(tokens) - 1
    while last > colon and tokens[last].pos == "PUNCT":
        last -= 1
    add_claim(state, (tokens[colon + 1].start, tokens[last].end), False, ":", speaker, span,
              (state.publisher, replace(speaker, cue=":")), sentence.index)
