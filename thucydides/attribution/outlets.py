"""Who relays what a speaker said: the station, paper or show a person told or spoke on ("told AFP", "said on talk
radio station WXYZ", "in an interview with KBFX-TV"), also named once for later quotations of the same interview;
the one who quotes ("was quoted by the agency as saying"); and the sources a report cites ("citing sources")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from thucydides.attribution.people import name_text, noun_phrase
from thucydides.attribution.hops import hop_of
from thucydides.attribution.speakers import resolve_speaker
from thucydides.attribution.state import State, media_entry
from thucydides.attribution.words import ANONYMOUS_WORDS, DOCUMENT_WORDS, MEDIA_NOUNS, OUTLET_NAME_ENDS, cues
from thucydides.tree import bounds
from thucydides.types import ActorMention, Hop, Sentence, Token


def told_outlet(verb: Token, tokens: Sequence[Token], kids: list[list[int]], at: dict[int, ActorMention]) -> Hop | None:
    """The outlet a speaker talked to: "told AFP", "told PBS' Charlie Rose", "said in an interview with CNN",
    "speaking to the BBC", "told the New York Times"."""
    candidates: list[int] = []
    for k in kids[verb.i]:
        dep, word = tokens[k].dep, tokens[k].text.lower()
        if dep in ("dobj", "dative", "obj", "iobj"):
            candidates.append(k)
            candidates += [c for c in kids[k] if tokens[c].dep == "poss"]  # "told PBS' Charlie Rose"
            if tokens[k].lemma.lower() in _OCCASIONS:  # "gave an interview to KBFX-TV"
                candidates += [c for p in kids[k] if tokens[p].dep == "prep" and tokens[p].text.lower() in (
                    "with", "to", "on") for c in kids[p] if tokens[c].dep == "pobj"]
        elif dep == "prep" and word in ("to", "with", "in", "on", "during"):
            # ("said on talk radio station WXYZ": only a named outlet counts after "on", never "on Tuesday")
            todo = [(o, 0) for o in kids[k] if tokens[o].dep == "pobj"]
            while todo:
                o, depth = todo.pop(0)
                candidates.append(o)
                if tokens[o].lemma.lower() in _OCCASIONS and depth < 2:
                    # "in an interview with CNN", "during an appearance on the Today show", "during a taping of an
                    # appearance on ..."
                    todo += [(c, depth + 1) for p in kids[o] if tokens[p].dep == "prep"
                             and tokens[p].text.lower() in ("with", "on", "to", "of")
                             for c in kids[p] if tokens[c].dep == "pobj"]
    for k in candidates:
        mention = at.get(k)
        if tokens[k].dep == "poss" and tokens[k].pos == "PROPN":
            found = media_entry(tokens[k].text)  # "told PBS' Charlie Rose": the interviewer's outlet
            if found is not None:
                return Hop(found[1], "outlet", found[0], cue=verb.text)
        if mention is not None and mention.actor.kind == "media":  # a named outlet, not "told reporters"
            hop = hop_of(mention)
            if hop.kind == "outlet":
                return replace(hop, cue=f"{verb.text} {tokens[k].text}" if tokens[k].dep == "pobj" else verb.text)
        name = _outlet_name(tokens, kids, k) if mention is None or mention.actor.kind != "person" else None
        if name is not None:
            cue = f"{verb.text} {tokens[k].text}" if tokens[k].dep == "pobj" else verb.text
            return Hop(name, "outlet", None, cue=cue)
    return None


# occasions of speaking whose phrase names the outlet that heard it ("an interview with", "an appearance on")
_OCCASIONS = frozenset({"interview", "statement", "conversation", "appearance", "taping", "broadcast", "program",
                        "programme", "show", "podcast", "segment"})

# a North American broadcaster's call sign: "KBFX-TV", "WXYZ", "CBLT-DT"
_CALL_SIGN = re.compile(r"^[KWC][A-Z]{2,3}(?:-(?:TV|FM|AM|DT|HD))?$")


def _outlet_name(tokens: Sequence[Token], kids: list[list[int]], k: int) -> str | None:
    """An outlet no dictionary lists, named as one: a broadcaster's call sign ("told KBFX-TV") or a name in capitals
    ending in a word of outlet-name-ends ("told the Portland Press Herald", "told the Tulsa World")."""
    first = k
    while first > 0 and tokens[first - 1].head in range(first, k + 1) and tokens[first - 1].dep in (
            "compound", "punct") and (tokens[first - 1].text[:1].isupper() or tokens[first - 1].text == "-"):
        first -= 1  # "Portland Press Herald", "KBFX - TV" (the tokenizer splits the suffix)
    name = name_text(tokens, first, k)
    if _CALL_SIGN.match(name.replace(" ", "")):
        return name.replace(" ", "")
    if tokens[k].pos == "PROPN" and tokens[k].text.lower() in OUTLET_NAME_ENDS and first < k and \
            all(t.text[:1].isupper() for t in tokens[first:k + 1]):
        return name
    return None


def interview_relays(sentence: Sentence, kids: list[list[int]], at: dict[int, ActorMention], state: State) -> None:
    """ "Rep. Roe gave an interview to KBFX-TV", "the governor appeared on WXYZ": a named person and the
    outlet that heard him, remembered for the quotations that follow ("..., he said")."""
    tokens = sentence.tokens
    for verb in tokens:
        if verb.pos != "VERB":
            continue
        people = [at[k] for k in kids[verb.i] if tokens[k].dep == "nsubj" and k in at and at[k].actor.kind == "person"]
        if not people:
            continue
        relay = told_outlet(verb, tokens, kids, at)
        if relay is not None and relay.kind == "outlet" and relay.name != state.publisher.name:
            state.speaker_relays[hop_of(people[0]).name] = (relay, sentence.paragraph)


def quoted_by(verb: Token, tokens: Sequence[Token], kids: list[list[int]], at: dict[int, ActorMention],
               state: State) -> Hop | None:
    """ "the army chief was quoted by the source as saying ...": the one who quotes relays the words."""
    node = verb.i
    for _ in range(3):
        if tokens[node].lemma.lower() == "quote":
            for k in kids[node]:
                if tokens[k].dep == "agent":
                    hop, _span = resolve_speaker([c for c in kids[k] if tokens[c].dep == "pobj"], tokens, at, state)
                    if hop is not None:
                        return replace(hop, cue="quoted by")
            return None
        if tokens[node].head == node:
            return None
        node = tokens[node].head
    return None


def cited_source(tokens: Sequence[Token], kids: list[list[int]], at: dict[int, ActorMention],
            state: State, verb: int | None = None) -> Hop | None:
    """Whom a report cites ("citing sources", "quoting officials"); with ``verb``, only a "citing" phrase of that
    verb of saying (hung on it, or on the clause it reports, before that clause's subject)."""
    words = cues()["citing"]
    for token in tokens:
        if token.text.lower() in words and (verb is None or _cites_for(token, verb, tokens, kids)):
            for k in kids[token.i]:
                if verb is not None and not _can_be_cited(tokens[k], k in at):
                    continue  # "said, citing a tremendous outpouring of support": a reason, no source
                hop, _span = resolve_speaker([k], tokens, at, state)
                if hop is not None:
                    return replace(hop, cue=token.text)
                if tokens[k].lemma.lower() in ANONYMOUS_WORDS:
                    return Hop(noun_phrase(tokens, k), "anonymous", cue=token.text)
    return None


def _can_be_cited(token: Token, is_actor: bool) -> bool:
    """Whom a speaker cites is a source: an actor, a person or body named, unnamed sources, a document or the media
    (not "citing security concerns", "citing a lack of support": the reason given)."""
    lemma = token.lemma.lower()
    return is_actor or token.ent_type in ("PERSON", "ORG") or lemma in ANONYMOUS_WORDS or lemma in DOCUMENT_WORDS \
        or token.text.lower() in DOCUMENT_WORDS or lemma in MEDIA_NOUNS


def _cites_for(token: Token, verb: int, tokens: Sequence[Token], kids: list[list[int]]) -> bool:
    """The "citing" phrase at ``token`` belongs to the report of ``verb``: it hangs on the verb, or the parser hung
    it on the verb's reported clause though it comes before that clause's words ("said, citing reports, that")."""
    if token.tag != "VBG":
        return False  # (not "was quoted by the agency", "he cited Mexico": a passive or a verb of its own)
    if token.head == verb:
        return True
    clause = tokens[token.head]
    opening = [bounds(kids, c)[0] for c in kids[clause.i]
               if c != token.i and tokens[c].dep in ("nsubj", "nsubjpass", "mark")]
    return clause.head == verb and clause.dep in ("ccomp", "parataxis") and bool(opening) and token.i < min(opening)
