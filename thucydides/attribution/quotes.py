"""Quotes, speakers and attribution chains: who each claim comes through, from the publisher to its source.

Read sentence by sentence:

- **Direct quotations** are the spans between quotation marks (straight, curly, guillemets, single marks around
  three words or more); an unclosed mark runs to the end of its paragraph, and a paragraph that opens with a
  mark continues the quotation.
- **Reported speech** is the clause of a verb of saying or thinking (``data/attribution/cues.tsv``): "X said
  (that) ...", "X believes ...", and "according to X".
- **Speakers** are the subject of that verb (or the object of "according to"), resolved through the actor
  stage's mentions; a pronoun refers back to the last person (he, she) or group (they) named.
- **Reporting frames**: when a media outlet reports ("the New York Times reported on Monday, citing
  sources"), later sentences that point back to it ("according to the newspaper", "the article says",
  "according to them", "they believe") stay inside that frame; a new named speaker or a sentence with no
  pointer back returns to the publisher's own voice.

Every quote gets a chain; every event gets the chain of the claim it is part of (its quotation, the clause of
a verb of saying it sits in, or the frame of its sentence), else the publisher's own assertion (length one).
The stage writes its own fields (``quotes``, ``chains``, ``sources``): it never edits the events.
"""

from __future__ import annotations

from dataclasses import replace

from thucydides.actors.coreference import by_sentence
from thucydides.attribution.chains import colon_turn, read_sentence, turn_speaker
from thucydides.attribution.colons import colon_claim
from thucydides.actors.gender import name_genders
from thucydides.attribution.people import full_names, last_named, named_roles, organisations
from thucydides.attribution.profile import event_chain, source_profile
from thucydides.attribution.state import State, publisher_hop
from thucydides.attribution.words import cues
from thucydides.structure.quotations import quotation_spans
from thucydides.types import ActorMention, Article, EventChain, Quote

__all__ = ["attribute", "cues", "publisher_hop"]


def attribute(article: Article) -> Article:
    """The article with ``quotes``, ``chains`` (every event's), ``sources`` and a source profile in ``extra``."""
    state = State(publisher=publisher_hop(article))
    quoted = quotation_spans(article)
    # token -> actor mention, per sentence: built once for the passes over the article and the sentences
    at_by: dict[int, dict[int, ActorMention]] = {}
    for mention in article.actors:
        at_by.setdefault(mention.sentence, {}).update(
            (k, mention) for k in range(mention.token_start, mention.token_end))
    state.named_roles = named_roles(article, at_by)
    state.full_names = full_names(article, at_by)
    state.genders = name_genders(article)
    state.organisations = organisations(article, at_by)
    refs = by_sentence(article.references)  # "he", "they", "both sides": the coreference stage's answers
    # transcript turns: a paragraph opening "Name: ...", or a sentence inside one when the transcript runs on
    # without line breaks ("... one thing at a time. General Director Pavel Kosov: You are quite right.")
    turns = {s.index: found for s in article.sentences
             if (found := turn_speaker(s, at_by.get(s.index, {}), state)) is not None}
    for sentence in article.sentences:
        state.sentence = sentence.index
        state.refs = refs.get(sentence.index, {})
        if sentence.index in turns:
            paragraph = article.paragraphs[sentence.paragraph]
            later = next((article.sentences[j].start for j in turns if j > sentence.index), paragraph.end)
            end = min(later, paragraph.end)
            while end > sentence.end and article.text[end - 1].isspace():
                end -= 1
            after = article.sentences[sentence.index + 1].start if sentence.index + 1 < len(article.sentences) \
                and article.sentences[sentence.index + 1].paragraph == sentence.paragraph else None
            colon_turn(sentence, turns[sentence.index], end, state, following=after)
        read_sentence(sentence, at_by.get(sentence.index, {}), quoted, state)
        colon_claim(sentence, at_by.get(sentence.index, {}), state)  # "her answer was simple: ..."
        named = last_named(sentence, at_by.get(sentence.index, {}), quoted, state)
        if named is not None:
            state.last_named = named
            state.named.append(named)
    quotes = tuple(Quote(text=article.text[c.start:c.end], start=c.start, end=c.end, direct=c.direct, cue=c.cue,
                         speaker=c.speaker, speaker_start=c.speaker_span[0] if c.speaker_span else None,
                         speaker_end=c.speaker_span[1] if c.speaker_span else None, chain=c.chain,
                         sentence=c.sentence) for c in state.claims)
    chains = tuple(EventChain(e.id, event_chain(e, state)) for e in article.events)
    sources, profile = source_profile(state, quotes, chains)
    extra = dict(article.extra)
    extra["source_profile"] = profile
    return replace(article, quotes=quotes, chains=chains, sources=sources, extra=extra)
