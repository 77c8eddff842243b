"""Claim spans: the stretch of text a cue introduces (its clause, the main clause of an inverted report, the rest
of the sentence after "according to X,"); the quotations themselves are found by ``structure/quotations.py``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from thucydides.attribution.state import State, add_claim
from thucydides.attribution.words import ANONYMITY_VERBS, OF_CONTENT_VERBS, cues
from thucydides.tree import bounds
from thucydides.types import Hop, Sentence, Token


def claims_of(state: State, sentence: Sentence, tokens: Sequence[Token], kids: list[list[int]], verb: Token,
               kind: str, cue: str, speaker: Hop, span: tuple[int, int] | None, chain: tuple[Hop, ...],
               sentence_quotes: list[tuple[int, int]], quoted_sentence: bool) -> None:
    """The claims one cue introduces: the clause after "according to", the main clause of an inverted report,
    the sentence's quotations, the reported clause."""
    if kind == "according":
        target = (sentence.start, sentence.end)
        content_span = clause_without(tokens, verb)
        add_claim(state, content_span or target, False, cue, speaker, span, chain, sentence.index)
        return
    if kind == "act":  # "urged Japan to show restraint": the addressee and what it is urged to do
        found = act_content(verb, tokens, kids) or object_content(verb, tokens, kids)
        if found is not None:
            add_claim(state, (tokens[found[0]].start, tokens[found[1]].end), False, cue, speaker, span, chain,
                      sentence.index)
        return
    # (a parataxis before the verb is an aside, not what was said: "Russia, he added, would respond")
    content = [k for k in kids[verb.i] if tokens[k].dep in ("ccomp", "xcomp") or
               (tokens[k].dep == "parataxis" and k > verb.i)]
    # a clause before a completing verb: "told 'Meet the Press' that ...", where the parser read the show's
    # name as a verb
    content.sort(key=lambda k: tokens[k].dep == "xcomp")
    if not content and kind == "speech":  # a clause the parser misread, in the order of MISREAD_CLAUSES
        content = next((found for read in MISREAD_CLAUSES if (found := read(verb, tokens, kids))), [])
    if verb.lemma.lower() == "make":  # "made (it) clear that ...": the that-clause, on the verb or on "clear"
        clear = [k for k in content if tokens[k].text.lower() == "clear"]
        content = [k for k in content if k not in clear] or [
            c for k in clear for c in kids[k] if tokens[c].dep in ("ccomp", "advcl") and
            any(tokens[m].dep == "mark" and tokens[m].text.lower() == "that" for m in kids[c])]
    first_of_verb = bounds(kids, verb.i)[0]
    # "X did Y, the ministry announced": the report is set off from what it reports by a comma (not "said the
    # Kremlin would respond", where "respond" is what was said)
    inverted = verb.dep in ("ccomp", "parataxis", "advcl", "conj") and verb.head != verb.i and not content \
        and verb.head < verb.i and any(t.text in (",", "--", "—", "-", ";") for t in tokens[max(0, first_of_verb - 1):
                                                                                      first_of_verb + 1])
    if inverted and not quoted_sentence:
        # "Washington is urging Kyiv to ..., the Washington Post reported": the main clause is the claim
        first, _last = bounds(kids, verb.i)
        end = first - 1
        while end > 0 and tokens[end].pos == "PUNCT":
            end -= 1
        if end > 0:
            add_claim(state, (tokens[0].start, tokens[end].end), False, cue, speaker, span, chain, sentence.index)
        return
    medial = verb.dep in ("parataxis", "ccomp", "advcl") and verb.head > verb.i and not content and \
        any(t.text == "," for t in tokens[max(0, first_of_verb - 1):first_of_verb + 1]) and \
        any(t.text == "," for t in tokens[verb.i + 1:verb.head])
    if medial and not quoted_sentence:
        # "The plan, the ministry said, would fail": the clause the report interrupts is the claim
        first, last = bounds(kids, verb.head)
        while last > first and tokens[last].pos == "PUNCT":
            last -= 1
        add_claim(state, (tokens[first].start, tokens[last].end), False, cue, speaker, span, chain, sentence.index)
        return
    if sentence_quotes:  # the quotation(s) of the sentence are what the speaker said
        for q in sentence_quotes:
            add_claim(state, q, True, cue, speaker, span, chain, sentence.index)
    if content:  # with quotations inside, a mixed quote: the whole reported clause is the claim
        first, last = bounds(kids, content[0])
        relaying = cues()["citing"] | {"according"}  # "said, according to the agency, that", "citing sources, that"
        while first < last and (tokens[first].dep == "mark" or tokens[first].pos == "PUNCT"
                                or tokens[first].text.lower() in relaying
                                or (tokens[first].text.lower() == "clear" and verb.lemma.lower() == "make")
                                or (tokens[first].text.lower() == "that" and tokens[content[0]].dep == "relcl")):
            if tokens[first].text.lower() in relaying:  # the claim starts after the relay's comma
                first = next((j for j in range(first, last) if tokens[j].text == ","), last)
            first += 1  # "said that ...": the claim starts after "that"
        while last > first and tokens[last].pos == "PUNCT":
            last -= 1
        start, end = tokens[first].start, tokens[last].end
        if any(q[0] <= start and end <= q[1] for q in sentence_quotes):
            return  # '"We will not retreat. We will fight," he said.': the clause is inside the quotation
        add_claim(state, (start, end), False, cue, speaker, span, chain, sentence.index)


def clause_without(tokens: Sequence[Token], according: Token) -> tuple[int, int] | None:
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


def passive(verb: Token, tokens: Sequence[Token], kids: list[list[int]]) -> bool:
    return any(tokens[k].dep in ("auxpass", "nsubjpass") for k in kids[verb.i])


_ACT_PREPOSITIONS = frozenset({"of", "for", "about", "over", "against", "on", "to"})


def act_content(verb: Token, tokens: Sequence[Token], kids: list[list[int]]) -> tuple[int, int] | None:
    """What a speech act is about, as first and last token: its addressee and infinitive ("urged Japan to show
    restraint"), its of/for phrase ("accused Moscow of meddling", "called for a ceasefire"), or its clause
    ("warned that ..."); None without one (a request for anonymity, "asked not to be named", is none)."""
    parts = []
    carries = False
    for k in kids[verb.i]:
        t = tokens[k]
        if k < verb.i:
            continue
        if t.dep in ("xcomp", "ccomp") and (t.dep == "ccomp" or any(tokens[c].text.lower() == "to" for c in kids[k])):
            if t.lemma.lower() in ANONYMITY_VERBS:
                return None
            parts.append(k)
            carries = True
        elif t.dep == "advcl" and any(tokens[c].dep == "mark" and tokens[c].text.lower() == "for" for c in kids[k]) \
                and any(tokens[c].text.lower() == "to" for c in kids[k]):
            parts.append(k)  # "called for states to require ...": a for-to clause is what is asked
            carries = True
        elif t.dep == "prep" and t.text.lower() in _ACT_PREPOSITIONS and any(
                tokens[c].dep in ("pobj", "pcomp") and tokens[c].ent_type not in ("DATE", "TIME") for c in kids[k]):
            parts.append(k)
            carries = carries or t.text.lower() in ("of", "for", "about", "over", "against") or any(
                tokens[c].dep == "xcomp" for c in kids[k] for c in kids[c])
        elif t.dep in ("dobj", "dative") and t.ent_type not in ("DATE", "TIME"):  # (not "called Tuesday for")
            parts.append(k)
            # "accused the ruling party of rigging": the parser hangs the content on the addressee
            carries = carries or any(
                tokens[c].dep == "prep" and (tokens[c].text.lower() in ("for", "about", "over", "against") or (
                    tokens[c].text.lower() == "of" and verb.lemma.lower() in OF_CONTENT_VERBS))
                for c in kids[k])
    if not carries or not parts:
        return None
    first = min(bounds(kids, k)[0] for k in parts)
    last = max(bounds(kids, k)[1] for k in parts)
    while last > first and tokens[last].pos == "PUNCT":
        last -= 1
    return first, last


def object_content(verb: Token, tokens: Sequence[Token], kids: list[list[int]]) -> tuple[int, int] | None:
    """ "denied the allegations": the object is the content."""
    for k in kids[verb.i]:
        if tokens[k].dep == "dobj":
            first, last = bounds(kids, k)
            while last > first and tokens[last].pos == "PUNCT":
                last -= 1
            return first, last
    return None


def unsourced_claim(state: State, sentence: Sentence, tokens: Sequence[Token], kids: list[list[int]], verb: Token,
                    cue: str) -> None:
    """ "X is believed to have escaped", "it was reported that ...", "the minister reportedly resigned": a claim
    with no one named as its source; its chain is the publisher's (and the open frame's)."""
    clause = [k for k in kids[verb.i] if tokens[k].dep == "ccomp"]
    first, last = bounds(kids, clause[0]) if clause else bounds(kids, verb.i)
    while first < last and (tokens[first].dep == "mark" or tokens[first].pos == "PUNCT"):
        first += 1
    while last > first and tokens[last].pos == "PUNCT":
        last -= 1
    add_claim(state, (tokens[first].start, tokens[last].end), False, cue, None, None,
              (state.publisher, *state.frame), sentence.index)


def _clause_as_subject(verb: Token, tokens: Sequence[Token], kids: list[list[int]]) -> list[int]:
    """ "The NATO chief called on both sides to de-escalate, his spokesman said": the report's clause read as a
    subject whose verb is a participle on it."""
    return [k for k in kids[verb.i] if tokens[k].dep == "nsubj" and k < verb.i and finite_subject(tokens, kids, k)]


def _headline_says(verb: Token, tokens: Sequence[Token], kids: list[list[int]]) -> list[int]:
    """A headline's clause read as a noun phrase: "Roe says Biden conflating audit with inquiry" (a name or a
    participle compounded onto the object noun)."""
    if verb.lemma.lower() != "say":
        return []
    return [d for d in kids[verb.i] if tokens[d].dep in ("dobj", "obj") and tokens[d].pos == "NOUN" and any(
        tokens[c].dep == "compound" and tokens[c].pos in ("PROPN", "VERB") for c in kids[d])]


def _that_clause_on_a_noun(verb: Token, tokens: Sequence[Token], kids: list[list[int]]) -> list[int]:
    """ "told lawmakers at the meeting that the party must act": the parser hangs the that-clause on the meeting as
    a relative clause."""
    return [r for p in kids[verb.i] if tokens[p].dep == "prep" for o in kids[p] if tokens[o].dep == "pobj"
            for r in kids[o] if tokens[r].dep == "relcl" and bounds(kids, r)[0] == o + 1
            and tokens[o + 1].text.lower() == "that"]


# What a verb of saying with no clause of its own reports, where the parser misread it; tried in this order.
MISREAD_CLAUSES: tuple[Callable[[Token, Sequence[Token], list[list[int]]], list[int]], ...] = (
    _clause_as_subject, _headline_says, _that_clause_on_a_noun)


def finite_subject(tokens: Sequence[Token], kids: list[list[int]], k: int) -> bool:
    """The noun at ``k`` heads a clause the parser read as a noun phrase: a past tense hung on it as a participle,
    set off by a comma from what follows ("The NATO chief called on both sides to de-escalate, his spokesman said")."""
    _first, last = bounds(kids, k)
    return any(tokens[c].dep == "acl" and tokens[c].tag == "VBD" for c in kids[k]) and \
        last + 1 < len(tokens) and tokens[last + 1].text == ","
