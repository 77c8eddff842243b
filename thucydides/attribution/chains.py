"""Frames and chains, sentence by sentence: the cues of a sentence, their speakers, the outlets that relay
them ("told AFP", "according to the Press Trust of India", "citing sources") and the reporting frame that
stays open over the sentences that point back to it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from thucydides.attribution.nouns import noun_claims
from thucydides.attribution.outlets import cited_source, interview_relays, quoted_by, told_outlet
from thucydides.attribution.hops import hop_of
from thucydides.attribution.speakers import resolve_speaker
from thucydides.attribution.spans import act_content, claims_of, finite_subject, passive, unsourced_claim
from thucydides.attribution.state import State, add_claim
from thucydides.attribution.words import (ANONYMOUS_WORDS, DOCUMENT_WORDS, MEDIA_NOUNS, OPEN, ORG_NOUNS,
                                          OBJECT_CONTROL, SPEAKER_NOUNS, TITLES, UNSAID_GOVERNORS, cues)
from thucydides.attribution.people import name_text
from thucydides.tree import bounds, children
from thucydides.types import ActorMention, Hop, Sentence, Token


def read_sentence(sentence: Sentence, at: dict[int, ActorMention], quoted: list[tuple[int, int]],
              state: State) -> None:
    tokens = sentence.tokens
    if not tokens:
        return
    kids = state.kids = children(tokens)
    words = cues()
    lower = sentence.text.lower()
    frame_cue = bool(state.frame) and (any(w in words["frame"] for w in re.findall(r"[a-z]+", lower))
                                       or "according to them" in lower)
    # 1. verbs of saying or thinking, and "according to X"
    found: list[tuple[Token, str, list[int]]] = []  # (verb, kind, speaker token indices)
    here = [(a, b) for a, b in quoted if a < sentence.end and b > sentence.start]  # not every token x every quote
    for token in tokens:
        lemma = token.lemma.lower()
        if any(a <= token.start < b for a, b in here):
            continue  # a verb inside a quotation is part of what was said, not a report of it
        particles = [tokens[c].text.lower() for c in kids[token.i] if tokens[c].dep == "prt"]
        if particles and f"{lemma} {particles[0]}" in words["speech"]:
            lemma = f"{lemma} {particles[0]}"  # "pointed out that ..."
        elif lemma == "make" and (any(tokens[c].text.lower() == "clear" for c in kids[token.i]) or " ".join(
                t.text.lower() for t in tokens[token.i + 1:token.i + 3]).startswith(("clear that", "it clear"))):
            lemma = "make clear"  # "made (it) clear that ..." (parsed as make + a clause "clear", or "clear" on it)
        reports = lemma in words["speech"] or lemma in words["belief"] or (
            lemma in words["clause"] and any(tokens[c].dep == "ccomp" for c in kids[token.i])) or (
            lemma in words["partial"] and any(token.start < a < tokens[bounds(kids, token.i)[1]].end
                                              for a, _b in here))
        objecting = lemma in words["object"] and any(tokens[c].dep == "dobj" for c in kids[token.i])
        act = token.pos == "VERB" and ((not reports and (
            (lemma in words["act"] and act_content(token, tokens, kids) is not None) or objecting)) or (
            # a verb of saying with an object for its content and no clause or quotation: "denied the allegations",
            # "stressed the importance of restoring ..."
            reports and objecting and not here and not any(
                tokens[c].dep in ("ccomp", "xcomp", "parataxis") for c in kids[token.i])))
        if token.pos in ("VERB", "AUX") and (reports or act):
            subjects: list[int] = []
            node = token.i
            unsaid = False
            for _ in range(3):  # "stressing that ...", "was quoted as saying that ...": the governing subject
                subjects = [k for k in kids[node] if tokens[k].dep in ("nsubj", "nsubjpass")]
                if len(subjects) > 1 and finite_subject(tokens, kids, subjects[0]):
                    subjects = subjects[1:]  # "The chief called on X to ..., his spokesman said": the spokesman
                if not subjects and tokens[node].dep == "acl" and tokens[node].tag == "VBD" and \
                        tokens[tokens[node].head].dep == "ROOT":
                    subjects = [tokens[node].head]  # "The union called Tuesday for ...", misread as a noun phrase
                if tokens[node].lemma.lower() != "quote":  # "X was quoted by Y": Y relays, X speaks
                    agents = [c for k in kids[node] if tokens[k].dep == "agent" for c in kids[k]]
                    if passive(tokens[node], tokens, kids) and node == token.i:
                        # "X is believed to ...", "it was reported that ...", "X was urged to ...": the subject
                        # is what was said or whom it was said to; the agent, if any, speaks
                        subjects = agents
                        if not agents:
                            break
                    subjects += agents
                if subjects or tokens[node].dep not in ("advcl", "xcomp", "pcomp", "prep", "conj") or \
                        tokens[node].head == node:
                    break
                # "urged the court to reject the appeal", "wants to question the director": nothing the subject
                # said (its subject is still found: "he" in what follows may be that person)
                unsaid = unsaid or (tokens[node].dep == "xcomp" and not here and not_said_by_subject(
                    tokens[tokens[node].head], node, tokens, kids))
                node = tokens[node].head
            kind = "unsaid" if unsaid else "act" if act else "belief" if lemma in words["belief"] else \
                "speech" if lemma in words["speech"] else "clause"
            if subjects or (kind == "act" and not passive(token, tokens, kids)):
                found.append((token, kind, subjects))
            elif passive(token, tokens, kids) and lemma in words["passive"]:  # no one named: unsourced
                found.append((token, "unsourced", []))
        if lemma in words["unsourced"] and token.dep == "advmod" and tokens[token.head].lemma.lower() not in \
                words["speech"] | words["belief"] and not any(a <= token.start < b for a, b in here):
            found.append((tokens[token.head], "unsourced", [token.i]))  # "the minister reportedly resigned"
        if token.text.lower() == "according" and token.i + 1 < len(tokens) and tokens[token.i + 1].text == "to":
            objects = [c for c in kids[token.i + 1] if tokens[c].dep == "pobj"] or \
                      [k for k in kids[token.i] if tokens[k].dep == "pobj"]
            if any(can_speak(tokens[k], k in at, words) for k in objects):  # not "according to law"
                found.append((token, "according", objects))
    # 1b. nouns of saying: "Russia's claim that ...", "calls for talks", "a statement saying ..."
    said = noun_claims(tokens, kids, at, here, words)
    nouns = {noun.i: content for noun, _speaker, content in said}
    found += [(noun, "noun", speaker) for noun, speaker, _content in said]
    # a quotation belongs to the sentence it starts in (not the one that only holds its opening mark), and to
    # every later sentence it runs through
    first_char = next((t.start for t in tokens if t.text not in OPEN and t.text not in ("``", "''")), sentence.start)
    sentence_quotes = [(a, b) for a, b in quoted
                       if (first_char <= a < sentence.end and a < tokens[-1].start or a < first_char < b)
                       and not _title(sentence.text[max(0, a - sentence.start):b - sentence.start])]
    # quote first, then "X said." split off as a sentence of its own: the quotation just before belongs to it
    leading = [(a, b) for a, b in quoted if sentence.start - 4 <= b <= sentence.start]
    if leading and any(t.lemma.lower() in words["speech"] and t.i < 8 for t in tokens):
        sentence_quotes = leading + sentence_quotes
    # "..., the minister said, according to the Press Trust of India": the agency relays what was said
    relays = {}
    dropped: set[int] = set()
    if any(kind != "according" for _v, kind, _s in found):
        for verb, kind, objects in found:
            if kind == "according":
                outlet = next((hop_of(at[k]) for k in objects if k in at and hop_of(at[k]).kind == "outlet"), None)
                if outlet is None and state.frame and any(tokens[k].lemma.lower() in words["frame"] for k in objects):
                    outlet = state.frame[0]  # "the administration, according to the paper, believes"
                if outlet is None:
                    # "According to a source, the army chief said ...": the source relays the chief's words
                    others = [f for f in found if f[1] not in ("according", "unsaid") and f[2]
                              and not set(f[2]) & set(objects)
                              and resolve_speaker(f[2], tokens, at, replace(state), strict=True)[0] is not None]
                    actor = any(k in at or tokens[k].pos == "PROPN" or tokens[k].lemma.lower() in ANONYMOUS_WORDS
                                for k in objects)  # "according to a source", not "according to law"
                    hop, _span = resolve_speaker(objects, tokens, at, state) if others and actor else (None, None)
                    if hop is not None and hop.kind in ("anonymous", "institution", "named", "document"):
                        dropped.add(verb.i)
                        relays[verb.i] = replace(hop, cue="according to")
                    continue
                dropped.add(verb.i)
                if not (state.frame and state.frame[0].name == outlet.name):
                    relays[verb.i] = replace(outlet, cue="according to")
                # (inside the outlet's own frame, "according to the paper" keeps that frame going)
        found = [f for f in found if f[0].i not in dropped]
    # a quotation belongs to the verb of saying whose phrase holds it ("..., as US officials declare support
    # 'as long as it takes'": the officials', not the article's), else to every verb of the sentence
    holders: dict[tuple[int, int], int] = {}
    speaking = [verb for verb, kind, _s in found if kind not in ("according", "unsourced", "act", "noun", "unsaid")]
    if len(speaking) > 1:  # several verbs of saying: each quotation goes to the nearest ('"...," Trump added,
        for q in sentence_quotes:  # CNN's report said': Trump's words)
            holders[q] = min(speaking, key=lambda v: min(abs(v.start - q[0]), abs(v.start - q[1]))).i
    sentence_relay = next(iter(relays.values()), None)
    interview_relays(sentence, kids, at, state)  # ("made his comments in an interview with KBFX-TV")
    outer: dict[int, tuple[tuple[Hop, ...], set[int]]] = {}  # verb -> (its chain, the tokens of its clause)
    for verb, kind, subject_tokens in found:
        if kind == "unsourced":
            cue = tokens[subject_tokens[0]].text if subject_tokens else verb.text
            unsourced_claim(state, sentence, tokens, kids, verb, cue)
            continue
        if kind == "unsaid":  # no claim, but its subject is the person a later "he" may be
            resolve_speaker(subject_tokens, tokens, at, state, strict=True)
            continue
        # what a thing "is expected to" do has no speaker: only people and bodies hold beliefs
        # only people, bodies and documents hold beliefs or "show" things: not "the relationship has shown"
        speaker, span = resolve_speaker(subject_tokens, tokens, at, state,
                                        strict=kind in ("belief", "clause", "act", "noun"))
        if speaker is None:
            continue
        cue = "according to" if kind == "according" else verb.text
        if kind in ("act", "noun"):
            # a speech act or a noun of saying keeps the frame it is reported in ("Biden urged ..., the paper said")
            base = (state.publisher, *state.frame)
            chain = base if base[-1].name == speaker.name else base + (replace(speaker, cue=cue),)
            chain = with_principal(nested_chain(verb, speaker, cue, chain, outer, kids, tokens), span, state)
            if kind == "noun":
                first, last = nouns[verb.i]
                add_claim(state, (tokens[first].start, tokens[last].end), False, cue, speaker, span, chain,
                          sentence.index)
                continue
            claims_of(state, sentence, tokens, kids, verb, kind, cue, speaker, span, chain, [], False)
            continue
        relay = told_outlet(verb, tokens, kids, at) if kind in ("speech", "clause") else None
        relay = relay or (sentence_relay if kind != "according" else None) or quoted_by(verb, tokens, kids, at, state)
        if relay is None and any(t.text.lower() == "reportedly" for t in tokens if t.head == verb.i):
            relay = Hop("unspecified media reports", "outlet", cue="reportedly")  # "X reportedly said"
        if relay is None and speaker.kind == "named" and speaker.name in state.speaker_relays:
            # "Rice told PBS ..." then "Rice added": the same interview, a few paragraphs on
            relay, paragraph = state.speaker_relays[speaker.name]
            relay = relay if sentence.paragraph - paragraph <= 3 else None
        in_frame = bool(state.frame) and relay is not None and state.frame[0].name == relay.name
        if relay is not None and speaker.kind != "outlet" and relay.name != state.publisher.name and not in_frame \
                and relay.name != speaker.name:
            # "Witnesses told AFP", "Rice told PBS' Charlie Rose": the outlet that heard it relays it
            chain = (state.publisher, relay, replace(speaker, cue=cue))
            if speaker.kind == "named" and relay.kind == "outlet":
                state.speaker_relays[speaker.name] = (relay, sentence.paragraph)
            state.frame = ()
            chain = with_principal(nested_chain(verb, speaker, cue, chain, outer, kids, tokens), span, state)
            claims_of(state, sentence, tokens, kids, verb, kind, cue, speaker, span, chain,
                       [q for q in sentence_quotes if holders.get(q, verb.i) == verb.i], bool(sentence_quotes))
            continue
        if speaker.kind == "outlet" and state.frame and state.frame[0].name == speaker.name:
            # "according to the newspaper": the frame goes on, and this claim is the newspaper's own
            chain = (state.publisher, state.frame[0])
        elif speaker.kind == "outlet":
            citing = cited_source(tokens, kids, at, state)
            state.frame = (replace(speaker, cue=cue),) + ((citing,) if citing else ())
            chain = (state.publisher, *state.frame)
        elif state.frame and (frame_cue or speaker.kind == "anonymous" or speaker == state.frame[-1]):
            chain = (state.publisher, *state.frame)
            if speaker.name != state.frame[-1].name:
                # "one of the sources" inside "citing sources" narrows the last hop; a new speaker extends it
                narrows = speaker.kind == "anonymous" and state.frame[-1].kind == "anonymous"
                if narrows:
                    chain = chain[:-1] + (replace(speaker, cue=cue),)
                elif state.frame[-1].kind == "anonymous" and speaker.kind in ("named", "institution"):
                    # "the administration, according to the paper, believes": the paper reports the
                    # administration's view, not its sources'
                    chain = (state.publisher, state.frame[0], replace(speaker, cue=cue))
                else:
                    chain = chain + (replace(speaker, cue=cue),)
        else:
            state.frame = ()
            chain = (state.publisher, replace(speaker, cue=cue))
            citing = cited_source(tokens, kids, at, state, verb=verb.i) if kind in ("speech", "clause") else None
            if citing is not None and citing.name != speaker.name:
                chain = chain + (citing,)  # "the ministry, citing intelligence reports, said": its sources
        chain = with_principal(nested_chain(verb, speaker, cue, chain, outer, kids, tokens), span, state)
        claims_of(state, sentence, tokens, kids, verb, kind, cue, speaker, span, chain,
                   [q for q in sentence_quotes if holders.get(q, verb.i) == verb.i], bool(sentence_quotes))
    # 2. quotations nobody in this sentence introduced: inside a frame, or the previous speaker's
    for q in sentence_quotes:
        if any(c.start == q[0] and c.end == q[1] for c in state.claims):
            continue
        if state.claims and state.claims[-1].sentence >= sentence.index - 1 and state.claims[-1].speaker:
            last = state.claims[-1]  # no cue of its own: the speaker is carried over (replaceable)
            add_claim(state, q, True, None, last.speaker, None, last.chain, sentence.index)
        elif state.frame:
            add_claim(state, q, True, None, state.frame[-1], None, (state.publisher, *state.frame), sentence.index)
    if state.frame and (found or frame_cue or sentence_quotes):
        state.frame_paragraph = sentence.paragraph
    if state.frame and sentence.paragraph == state.frame_paragraph:
        state.sentence_frames[sentence.index] = (state.publisher, *state.frame)
    elif state.frame and sentence.paragraph != state.frame_paragraph:
        state.frame = ()  # a new paragraph in the publisher's own voice (background): the frame is over


def not_said_by_subject(governor: Token, clause: int, tokens: Sequence[Token], kids: list[list[int]]) -> bool:
    """The infinitive at ``clause`` says nothing its governor's subject said: the governor wants, plans or refuses
    it ("wants to question the director"), or an object before it is the one urged to do it ("asked the court to
    dismiss the case", "called on Congress to reject the bill")."""
    if governor.lemma.lower() in UNSAID_GOVERNORS:
        return True
    return any(k < clause and ((tokens[k].dep in ("dobj", "obj") and governor.lemma.lower() in OBJECT_CONTROL) or (
        tokens[k].dep == "prep" and tokens[k].text.lower() in ("on", "upon")
        and any(tokens[c].dep == "pobj" for c in kids[k]))) for k in kids[governor.i])


# the small words a title keeps in lower case ("Meet the Press", "The State of the Union")
_TITLE_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"})


def _title(inner: str) -> bool:
    """A quoted name, not quoted words: two to six words in title case with no punctuation ("told 'Meet the Press'
    that ...": the show's name; the clause after it is what was said)."""
    words = re.findall(r"[\w'’-]+", inner)
    return 2 <= len(words) <= 6 and words[0][:1].isupper() and not re.search(r"[.,!?;:]", inner) and all(
        w[:1].isupper() or w.lower() in _TITLE_WORDS for w in words)


def can_speak(token: Token, is_actor: bool, words: dict[str, frozenset[str]]) -> bool:
    """Whether "according to X" names a source: an actor, a name, a pronoun, a source or document noun, an
    organisation noun, a newspaper; not "according to law", "according to plan", "according to the schedule"."""
    lemma = token.lemma.lower()
    return is_actor or token.pos in ("PROPN", "PRON") or lemma in ANONYMOUS_WORDS or lemma in DOCUMENT_WORDS \
        or lemma in SPEAKER_NOUNS or lemma in words["frame"] or lemma in MEDIA_NOUNS or lemma in ORG_NOUNS \
        or lemma in ("information", "figure", "record")  # (data, figures, estimates: DOCUMENT_WORDS)


def with_principal(chain: tuple[Hop, ...], span: tuple[int, int] | None, state: State) -> tuple[Hop, ...]:
    """ "The NATO chief called on both sides to de-escalate, his spokesman said": the spokesperson relays the
    person they speak for, who ends the chain."""
    principal = state.principals.get(span) if span is not None else None
    if principal is None or chain[-1].name == principal.name:
        return chain
    return chain + (replace(principal, cue="spokesperson for"),)


def nested_chain(verb: Token, speaker: Hop, cue: str, chain: tuple[Hop, ...],
            outer: dict[int, tuple[tuple[Hop, ...], set[int]]], kids: list[list[int]],
            tokens: Sequence[Token]) -> tuple[Hop, ...]:
    """A report inside another's reported clause ("the source claimed that the minister said ..."): the outer
    speaker relays the inner one. Records this verb's chain and clause for the verbs inside it."""
    for _i, (outer_chain, inside) in outer.items():
        if verb.i in inside and outer_chain[-1].name != speaker.name:
            chain = outer_chain + (replace(speaker, cue=cue),)
            break
    clause: set[int] = set()
    for k in kids[verb.i]:
        if tokens[k].dep in ("ccomp", "xcomp", "parataxis"):
            first, last = bounds(kids, k)
            clause |= set(range(first, last + 1))
    outer[verb.i] = (chain, clause)
    return chain


def turn_speaker(sentence: Sentence, at: dict[int, ActorMention], state: State) -> tuple[Hop, int] | None:
    """The speaker of a sentence that opens with a person's name and a colon ("Vladimir Putin: Good afternoon",
    "President of Russia Vladimir Putin: ...", "General Director Pavel Kosov: ..."), and the colon's index."""
    tokens = sentence.tokens
    colon = next((t.i for t in tokens[:9] if t.text == ":"), None)
    # (the sentence splitter may cut "Vladimir Putin:" off from the words of the turn: they are the next sentence)
    if colon is None or colon == 0 or 1 < len(tokens) - colon < 4 or sentence.text[:1] in OPEN:
        return None
    name = tokens[:colon]
    on = next((t.i for t in name if t.text.lower() == "on" and t.i > 0), colon)
    if on < colon:  # a headline's "Trump on Putin meeting: ...": the speaker, then what the words are about
        name = tokens[:on]
    speaking = [at[t.i] for t in name if t.i in at]
    if speaking and speaking[0].token_start == 0 and speaking[0].token_end == len(name) and \
            speaking[0].actor.kind not in ("person", "country", "region", "capital") and speaking[0].rule != "location":
        return hop_of(speaking[0]), colon  # a headline's "US official: ...", "Pentagon: ..."
    if not all(t.pos == "PROPN" or t.text in (".", "-") or t.text.lower().rstrip(".") in TITLES
               or (t.text.lower() == "of" and 0 < t.i < len(name) - 1) for t in name):
        return None
    people = [at[t.i] for t in name if t.i in at and at[t.i].actor.kind == "person"]
    if people:
        return hop_of(people[0]), colon
    if any(t.ent_type == "PERSON" for t in name):
        first = next(t.i for t in name if t.ent_type == "PERSON")
        text = name_text(tokens, first, len(name) - 1)
        return Hop(state.full_names.get(text, text), "named"), colon
    return None


def colon_turn(sentence: Sentence, turn: tuple[Hop, int], end: int, state: State,
               following: int | None = None) -> None:
    """ "Vladimir Putin: Good afternoon, colleagues ...": a transcript turn or a headline that opens with a person's
    name and a colon (``turn``: its speaker and the colon's index, from :func:`turn_speaker`) is that person's
    words, to ``end`` (the end of the paragraph, or the next turn in it); a sentence that is only "Name:" opens a
    turn at ``following``, the start of the next sentence."""
    speaker, colon = turn
    tokens = sentence.tokens
    span = (tokens[0].start, tokens[colon - 1].end)
    start = tokens[colon + 1].start if colon + 1 < len(tokens) else following
    if start is None or start >= end:
        return
    state.last_person = (speaker, span)
    add_claim(state, (start, end), True, ":", speaker, span, (state.publisher, replace(speaker, cue=":")),
              sentence.index)
