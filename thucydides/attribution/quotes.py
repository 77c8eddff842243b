"""Quotes, speakers and attribution chains: who each claim comes through, from the publisher to its source.

Read sentence by sentence:

- **Direct quotations** are the spans between quotation marks (straight, curly, guillemets); an unclosed mark
  runs to the end of its paragraph, and a paragraph that opens with a mark continues the quotation.
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
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from thucydides.actors.dictionary import default_dictionary, phrase_key
from thucydides.tables import packaged, rows
from thucydides.tree import bounds, children
from thucydides.types import ActorMention, Article, Event, Hop, Quote, Sentence, Token

_OPEN = "\"“«„"
_CLOSE = "\"”»“"
ANONYMOUS_WORDS = frozenset({"official", "officials", "source", "sources", "diplomat", "diplomats", "witness",
                             "witnesses", "people", "person", "aide", "aides", "insider", "insiders", "analyst",
                             "analysts", "observers", "residents", "experts", "familiar"})
# Nouns that can speak for an organisation when the actor stage gives no actor for them.
SPEAKER_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "ministry", "government", "authority",
                           "authorities", "police", "army", "military", "company", "group", "agency", "organization",
                           "organisation", "council", "court", "committee", "commission", "office", "department",
                           "board", "union", "party", "campaign", "team", "club", "firm", "bank", "embassy",
                           "administration", "chief", "head", "director", "leader", "minister", "president",
                           "governor", "mayor", "lawyer", "lawyers", "prosecutor", "prosecutors", "judge",
                           "researcher", "researchers", "scientist", "scientists", "professor", "doctor", "doctors"})
DOCUMENT_WORDS = frozenset({"report", "statement", "document", "filing", "communique", "communiqué", "letter",
                            "memo", "study", "survey", "decree", "resolution", "readout", "transcript"})


@cache
def cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for _where, cells in rows(packaged("attribution", "cues.tsv"), 3):
        out.setdefault(cells[0], set()).update(w.strip() for w in cells[1].split("|") if w.strip())
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(slots=True)
class _Claim:
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
class _State:
    publisher: Hop
    frame: tuple[Hop, ...] = ()  # hops after the publisher while a reporting frame is open
    frame_paragraph: int = -1  # the last paragraph that pointed back to the frame
    sentence_frames: dict[int, tuple[Hop, ...]] = field(default_factory=dict)  # sentence -> chain of its frame
    people_by_role: dict[str, Hop] = field(default_factory=dict)  # "chairman" -> the person named with it
    last_person: tuple[Hop, tuple[int, int]] | None = None
    last_group: tuple[Hop, tuple[int, int]] | None = None
    claims: list[_Claim] = field(default_factory=list)


def publisher_hop(article: Article) -> Hop:
    name = (article.dateline.agency if article.dateline and article.dateline.agency else None) or article.outlet
    code = None
    if name:
        for entry, _rule in default_dictionary().lookup(phrase_key(name)):
            if entry.kind == "media":
                code, name = entry.code, entry.name
                break
    return Hop(name or "(publisher)", "publisher", code)


def attribute(article: Article) -> Article:
    """The article with ``quotes``, ``sources``, a source profile in ``extra`` and every event's chain."""
    state = _State(publisher=publisher_hop(article))
    quoted = _quotation_spans(article)
    by_sentence: dict[int, list[ActorMention]] = {}
    for mention in article.actors:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    for sentence in article.sentences:
        _sentence(sentence, by_sentence.get(sentence.index, []), quoted, state)
    quotes = tuple(Quote(text=article.text[c.start:c.end], start=c.start, end=c.end, direct=c.direct, cue=c.cue,
                         speaker=c.speaker, speaker_start=c.speaker_span[0] if c.speaker_span else None,
                         speaker_end=c.speaker_span[1] if c.speaker_span else None, chain=c.chain,
                         sentence=c.sentence) for c in state.claims)
    events = tuple(replace(e, attribution=_event_chain(e, state)) for e in article.events)
    sources, profile = _profile(state, quotes, events)
    extra = dict(article.extra)
    extra["source_profile"] = profile
    return replace(article, quotes=quotes, events=events, sources=sources, extra=extra)


# -- quotations ----------------------------------------------------------------------------------------------

def _quotation_spans(article: Article) -> list[tuple[int, int]]:
    """Spans inside quotation marks; an unclosed quotation ends with its paragraph; a paragraph opening with a
    mark after an unclosed one continues it (wire style for quotes over several paragraphs)."""
    text = article.text
    spans: list[tuple[int, int]] = []
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(text))]
    for start, end in paragraphs:
        k, open_at = start, None
        while k < end:
            char = text[k]
            if open_at is None and char in _OPEN and (k == start or not text[k - 1].isalnum()):
                open_at = k + 1
            elif open_at is not None and char in _CLOSE and (k + 1 >= end or not text[k + 1].isalnum()):
                if k > open_at:
                    spans.append((open_at, k))
                open_at = None
            k += 1
        if open_at is not None and end - open_at > 1:
            stop = end - 1 if text[end - 1] in _CLOSE else end
            spans.append((open_at, stop))
    return [(a, b) for a, b in spans if text[a:b].strip()]


# -- sentences ------------------------------------------------------------------------------------------------

def _sentence(sentence: Sentence, mentions: list[ActorMention], quoted: list[tuple[int, int]],
              state: _State) -> None:
    tokens = sentence.tokens
    if not tokens:
        return
    kids = children(tokens)
    at = {k: m for m in mentions for k in range(m.token_start, m.token_end)}
    words = cues()
    lower = sentence.text.lower()
    frame_cue = bool(state.frame) and (any(w in words["frame"] for w in re.findall(r"[a-z]+", lower))
                                       or "according to them" in lower)
    # 1. verbs of saying or thinking, and "according to X"
    found: list[tuple[Token, str, list[int]]] = []  # (verb, kind, speaker token indices)
    for token in tokens:
        lemma = token.lemma.lower()
        if any(a <= token.start < b for a, b in quoted):
            continue  # a verb inside a quotation is part of what was said, not a report of it
        if token.pos in ("VERB", "AUX") and (lemma in words["speech"] or lemma in words["belief"]):
            subjects: list[int] = []
            node = token.i
            for _ in range(3):  # "stressing that ...", "was quoted as saying that ...": the governing subject
                subjects = [k for k in kids[node] if tokens[k].dep in ("nsubj", "nsubjpass")]
                subjects += [c for k in kids[node] if tokens[k].dep == "agent" for c in kids[k]]
                if subjects or tokens[node].dep not in ("advcl", "xcomp", "pcomp", "prep", "conj") or \
                        tokens[node].head == node:
                    break
                node = tokens[node].head
            found.append((token, "belief" if lemma in words["belief"] else "speech", subjects))
        if token.text.lower() == "according" and token.i + 1 < len(tokens) and tokens[token.i + 1].text == "to":
            objects = [c for c in kids[token.i + 1] if tokens[c].dep == "pobj"] or \
                      [k for k in kids[token.i] if tokens[k].dep == "pobj"]
            found.append((token, "according", objects))
    # a quotation belongs to the sentence it starts in (not the one that only holds its opening mark), and to
    # every later sentence it runs through
    first_char = next((t.start for t in tokens if t.text not in _OPEN and t.text not in ("``", "''")), sentence.start)
    sentence_quotes = [(a, b) for a, b in quoted
                       if first_char <= a < sentence.end and a < tokens[-1].start or a < first_char < b]
    # quote first, then "X said." split off as a sentence of its own: the quotation just before belongs to it
    leading = [(a, b) for a, b in quoted if sentence.start - 4 <= b <= sentence.start]
    if leading and any(t.lemma.lower() in words["speech"] and t.i < 8 for t in tokens):
        sentence_quotes = leading + sentence_quotes
    for verb, kind, subject_tokens in found:
        # what a thing "is expected to" do has no speaker: only people and bodies hold beliefs
        speaker, span = _speaker(subject_tokens, tokens, at, state, strict=kind == "belief")
        if speaker is None:
            continue
        cue = "according to" if kind == "according" else verb.text
        if speaker.kind == "outlet" and state.frame and state.frame[0].name == speaker.name:
            chain = (state.publisher, *state.frame)  # "according to the newspaper": the same frame goes on
        elif speaker.kind == "outlet":
            citing = _citing(tokens, kids, at, state)
            state.frame = (replace(speaker, cue=cue),) + ((citing,) if citing else ())
            chain = (state.publisher, *state.frame)
        elif state.frame and (frame_cue or speaker.kind == "anonymous" or speaker == state.frame[-1]):
            chain = (state.publisher, *state.frame)
            if speaker.name != state.frame[-1].name:
                # "one of the sources" inside "citing sources" narrows the last hop; a new speaker extends it
                narrows = speaker.kind == "anonymous" and state.frame[-1].kind == "anonymous"
                chain = chain[:-1] + (replace(speaker, cue=cue),) if narrows else chain + (replace(speaker, cue=cue),)
        else:
            state.frame = ()
            chain = (state.publisher, replace(speaker, cue=cue))
        if kind == "according":
            target = (sentence.start, sentence.end)
            content = _clause_without(tokens, verb)
            _add(state, content or target, False, cue, speaker, span, chain, sentence.index)
            continue
        content = [k for k in kids[verb.i] if tokens[k].dep in ("ccomp", "xcomp", "parataxis")]
        inverted = verb.dep in ("ccomp", "parataxis", "advcl", "conj") and verb.head != verb.i and not content \
            and verb.head < verb.i
        if inverted and not sentence_quotes:
            # "Washington is urging Kyiv to ..., the Washington Post reported": the main clause is the claim
            first, _last = bounds(kids, verb.i)
            end = first - 1
            while end > 0 and tokens[end].pos == "PUNCT":
                end -= 1
            if end > 0:
                _add(state, (tokens[0].start, tokens[end].end), False, cue, speaker, span, chain, sentence.index)
            continue
        if sentence_quotes:  # the quotation(s) of the sentence are what the speaker said
            for q in sentence_quotes:
                _add(state, q, True, cue, speaker, span, chain, sentence.index)
        if content:  # with quotations inside, a mixed quote: the whole reported clause is the claim
            first, last = bounds(kids, content[0])
            while first < last and (tokens[first].dep == "mark" or tokens[first].pos == "PUNCT"):
                first += 1  # "said that ...": the claim starts after "that"
            while last > first and tokens[last].pos == "PUNCT":
                last -= 1
            span_text = (tokens[first].start, tokens[last].end)
            _add(state, span_text, False, cue, speaker, span, chain, sentence.index)
    # 2. quotations nobody in this sentence introduced: inside a frame, or the previous speaker's
    for q in sentence_quotes:
        if any(c.start == q[0] and c.end == q[1] for c in state.claims):
            continue
        if state.claims and state.claims[-1].sentence >= sentence.index - 1 and state.claims[-1].speaker:
            last = state.claims[-1]  # no cue of its own: the speaker is carried over (replaceable)
            _add(state, q, True, None, last.speaker, None, last.chain, sentence.index)
        elif state.frame:
            _add(state, q, True, None, state.frame[-1], None, (state.publisher, *state.frame), sentence.index)
    if state.frame and (found or frame_cue or sentence_quotes):
        state.frame_paragraph = sentence.paragraph
    if state.frame and sentence.paragraph == state.frame_paragraph:
        state.sentence_frames[sentence.index] = (state.publisher, *state.frame)
    elif state.frame and sentence.paragraph != state.frame_paragraph:
        state.frame = ()  # a new paragraph in the publisher's own voice (background): the frame is over


def _add(state: _State, span: tuple[int, int], direct: bool, cue: str | None, speaker: Hop | None,
         speaker_span: tuple[int, int] | None, chain: tuple[Hop, ...], sentence: int) -> None:
    if span[1] <= span[0]:
        return
    for index, claim in enumerate(state.claims):
        if claim.start == span[0] and claim.end == span[1]:
            if claim.cue is None and cue is not None:  # a carried-over speaker yields to the quote's own
                state.claims[index] = _Claim(span[0], span[1], direct, cue, speaker, speaker_span, chain, sentence)
            return
    state.claims.append(_Claim(span[0], span[1], direct, cue, speaker, speaker_span, chain, sentence))


def _speaker(heads: list[int], tokens: Sequence[Token], at: dict[int, ActorMention], state: _State,
             strict: bool = False) -> tuple[Hop | None, tuple[int, int] | None]:
    for k in heads:
        token = tokens[k]
        word = token.text.lower()
        if word in ("one", "some", "several", "many", "two", "three", "most", "none", "all", "each"):
            of = [c for c in range(k + 1, min(len(tokens), k + 3)) if tokens[c].text.lower() == "of"]
            inner = [c for c in range(of[0] + 1, min(len(tokens), of[0] + 5)) if tokens[c].head == of[0]] if of else []
            if inner and tokens[inner[0]].lemma.lower() in ANONYMOUS_WORDS:
                # "one of the sources": an anonymous member of the group already named
                end = tokens[inner[0]]
                hop = Hop(" ".join(t.text for t in tokens[k:inner[0] + 1] if t.text.lower() != "the"), "anonymous",
                          state.frame[-1].code if state.frame and state.frame[-1].kind == "anonymous" else None)
                return hop, (token.start, end.end)
        mention = at.get(k)
        if mention is not None:
            hop = _hop(mention)
            span = (mention.start, mention.end)
            role = (mention.head or "").split(" ")[-1]
            if hop.kind != "named" and role in state.people_by_role and mention.text.lower().startswith("the "):
                hop = state.people_by_role[role]  # "the PPP chairman said", after "PPP chairman Bilawal ..."
            if hop.kind == "named" and role:
                state.people_by_role[role] = hop
            if hop.kind in ("named",):
                state.last_person = (hop, span)
            elif hop.kind in ("anonymous", "institution"):
                state.last_group = (hop, span)
            return hop, span
        if word in ("he", "she", "him", "her") and state.last_person:
            return state.last_person[0], (token.start, token.end)
        if word in ("they", "we", "them") and (state.last_group or state.frame):
            hop = state.last_group[0] if state.last_group else state.frame[-1]
            return hop, (token.start, token.end)
        if word in DOCUMENT_WORDS or token.lemma.lower() in DOCUMENT_WORDS:
            return Hop(token.text, "document"), (token.start, token.end)
        if token.lemma.lower() in ANONYMOUS_WORDS:
            hop = Hop(_phrase(tokens, k), "anonymous")
            state.last_group = (hop, (token.start, token.end))
            return hop, (token.start, token.end)
        if word in ("newspaper", "paper", "daily", "article", "publication") and state.frame:
            return state.frame[0], (token.start, token.end)
        if token.pos == "PROPN" or token.ent_type in ("PERSON", "ORG", "NORP", "GPE"):
            # a speaker the actor stage does not know: the name as written ("Professor Jane Doe said")
            first = k
            while first > 0 and tokens[first - 1].ent_type == token.ent_type and token.ent_type and \
                    tokens[first - 1].ent_iob != "O" and tokens[first].ent_iob == "I":
                first -= 1
            last = k
            while last + 1 < len(tokens) and tokens[last + 1].ent_iob == "I" and token.ent_type:
                last += 1
            name = " ".join(t.text for t in tokens[first:last + 1])
            kind = "named" if token.ent_type == "PERSON" or (token.pos == "PROPN" and not token.ent_type) \
                else "institution"
            hop = Hop(name, kind)
            if kind == "named":
                state.last_person = (hop, (tokens[first].start, tokens[last].end))
            return hop, (tokens[first].start, tokens[last].end)
        if token.pos == "NOUN" and (not strict or token.lemma.lower() in SPEAKER_NOUNS):
            # "the ministry said", "the company's spokesman said"; not "the jets were expected to ..."
            hop = Hop(_phrase(tokens, k), "institution")
            state.last_group = (hop, (token.start, token.end))
            return hop, (token.start, token.end)
    return None, None


def _hop(mention: ActorMention) -> Hop:
    actor = mention.actor
    text = mention.text.lower()
    if actor.kind == "media" or actor.sector == "MED":  # "Israeli public radio", "state media"
        return Hop(actor.name if actor.kind == "media" else mention.text, "outlet", actor.code)
    if actor.kind == "person" and mention.rule == "coreference" and \
            any(w in ANONYMOUS_WORDS for w in text.split()):
        return Hop(mention.text, "anonymous", actor.code)  # "said the official, who asked not to be named"
    if actor.kind == "person":
        return Hop(actor.name, "named", actor.code)
    if any(w in text.split() for w in ANONYMOUS_WORDS) and actor.kind == "role":
        return Hop(mention.text, "anonymous", actor.code)
    return Hop(actor.name, "institution", actor.code)


def _citing(tokens: Sequence[Token], kids: list[list[int]], at: dict[int, ActorMention],
            state: _State) -> Hop | None:
    words = cues()["citing"]
    for token in tokens:
        if token.text.lower() in words:
            for k in kids[token.i]:
                hop, _span = _speaker([k], tokens, at, state)
                if hop is not None:
                    return replace(hop, cue=token.text)
                if tokens[k].lemma.lower() in ANONYMOUS_WORDS:
                    return Hop(_phrase(tokens, k), "anonymous", cue=token.text)
    return None


def _phrase(tokens: Sequence[Token], k: int) -> str:
    start = k
    while start > 0 and tokens[start - 1].dep in ("amod", "compound", "det", "nummod") and \
            tokens[start - 1].head in range(start, k + 1):
        start -= 1
    words = [t.text for t in tokens[start:k + 1] if t.text.lower() not in ("the", "a", "an")]
    return " ".join(words)


def _clause_without(tokens: Sequence[Token], according: Token) -> tuple[int, int] | None:
    """ "According to X, Y did Z": the rest of the sentence is what X says."""
    k = according.i + 2
    while k < len(tokens) and tokens[k].text != ",":
        k += 1
    if k + 1 < len(tokens):
        last = len(tokens) - 1
        while last > k and tokens[last].pos == "PUNCT":
            last -= 1
        return tokens[k + 1].start, tokens[last].end
    first = 0
    end = according.i - 1
    while end > first and tokens[end].pos == "PUNCT":
        end -= 1
    return (tokens[first].start, tokens[end].end) if end > first else None


# -- events and the profile ----------------------------------------------------------------------------------

def _event_chain(event: Event, state: _State) -> tuple[Hop, ...]:
    inside = [c for c in state.claims if c.start <= event.trigger_start < c.end]
    if inside:
        return min(inside, key=lambda c: c.end - c.start).chain
    if event.sentence in state.sentence_frames:
        return state.sentence_frames[event.sentence]  # a sentence inside a reporting frame
    return (state.publisher,)


def _profile(state: _State, quotes: Sequence[Quote], events: Sequence[Event]) -> tuple[tuple[Any, ...],
                                                                                       dict[str, Any]]:
    counts: Counter[tuple[str, str, str | None]] = Counter()
    for chain in [q.chain for q in quotes] + [e.attribution for e in events]:
        for hop in chain:
            counts[(hop.name, hop.kind, hop.code)] += 1
    sources = tuple({"name": n, "kind": k, "code": c, "mentions": m} for (n, k, c), m in counts.most_common())
    finals = [q.chain[-1].kind for q in quotes if q.chain]
    depth = max((len(q.chain) for q in quotes), default=1)
    profile = {
        "relay_depth": max(depth, max((len(e.attribution) for e in events), default=1)),
        "share_anonymous": round(finals.count("anonymous") / len(finals), 3) if finals else 0.0,
        "named": sorted({h.name for q in quotes for h in q.chain if h.kind == "named"}),
        "outlets": sorted({h.name for q in quotes for h in q.chain if h.kind == "outlet"}),
        "claims_by_kind": dict(Counter(finals)),
    }
    return sources, profile
