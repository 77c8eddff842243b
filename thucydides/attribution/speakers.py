"""Who speaks: the speaker of a cue's subject (or of "according to X") as a hop of the chain."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from thucydides.actors.gender import agrees, given_name_gender, pronoun_gender
from thucydides.attribution.documents import _document, _media_noun, _media_reports, _the_newspaper
from thucydides.attribution.hops import hop_of
from thucydides.attribution.people import name_text, noun_phrase, role_person
from thucydides.attribution.state import State
from thucydides.attribution.words import (ANONYMOUS_WORDS, ORG_NOUN_NAMES, ORG_NOUNS, ORG_WORDS, PLACE_ENTITIES,
                                          SPEAKER_NOUNS, SPOKESPEOPLE, TITLES, role_key)
from thucydides.tree import bounds
from thucydides.types import ActorMention, Hop, Token


Found = tuple[Hop, tuple[int, int]]  # the speaker's hop and the character span of its mention


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolver sees of the sentence: its tokens, their parse children, the actor mentions by token,
    the reading state, and whether only people, bodies and documents may speak (``strict``: beliefs and
    clause cues, not "the jets were expected to")."""

    tokens: Sequence[Token]
    kids: list[list[int]]
    at: dict[int, ActorMention]
    state: State
    strict: bool


def resolve_speaker(heads: list[int], tokens: Sequence[Token], at: dict[int, ActorMention], state: State,
                    strict: bool = False) -> tuple[Hop | None, tuple[int, int] | None]:
    """The first speaker any resolver of :data:`RESOLVERS` finds among ``heads`` (a person before others)."""
    if len(heads) > 1:  # "Pakistan's ambassador to the US, Jalil Abbas Jilani said": the person first
        heads = sorted(heads, key=lambda k: not (tokens[k].ent_type == "PERSON"
                                                 or (k in at and at[k].actor.kind == "person")))
    context = Context(tokens, state.kids, at, state, strict)
    for k in heads:
        if tokens[k].ent_type in PLACE_ENTITIES and k not in at:
            continue  # a place, a date or an event is never a speaker
        for resolver in RESOLVERS:
            found = resolver(k, context)
            if found is not None:
                principal = _principal(k, context)
                if principal is not None:  # "his spokesman said": the spokesperson speaks for him
                    code = found[0].code if principal.name != found[0].name else None
                    found = (Hop(noun_phrase(tokens, k), "anonymous", code), (tokens[k].start, tokens[k].end))
                    state.principals[found[1]] = principal
                return found
    return None, None


def _principal(k: int, c: Context) -> Hop | None:
    """The person a spokesperson speaks for: "his spokesman", "Putin's spokesman", "a spokeswoman for the
    president" (a body a spokesperson speaks for is the speaker itself, see :func:`spoken_for`)."""
    tokens = c.tokens
    if role_key(tokens[k].lemma) != "spokesperson":
        return None
    for j in c.kids[k]:
        owners = [j] if tokens[j].dep == "poss" else [o for o in c.kids[j] if tokens[o].dep == "pobj"] if (
            tokens[j].dep == "prep" and tokens[j].text.lower() in ("for", "of", "to")) else []
        for owner in owners:
            if tokens[owner].text.lower() in ("his", "her", "him"):
                subject = _subject_before(k, c)  # "The UN chief urged calm, his spokesman said": the chief
                return subject if subject is not None else c.state.last_person[0] if c.state.last_person else None
            if (owner in c.at and c.at[owner].actor.kind == "person") or tokens[owner].ent_type == "PERSON":
                saved = (c.state.last_person, c.state.last_group)
                hop, _span = resolve_speaker([owner], tokens, c.at, c.state)
                c.state.last_person, c.state.last_group = saved
                return hop if hop is not None and hop.kind == "named" else None
    return None


def _subject_before(k: int, c: Context) -> Hop | None:
    """The one person a sentence's report is about, when "his/her spokesman" follows it: the first subject
    before the spokesperson that is a person or holds a role ("the UN secretary-general", "the army chief")."""
    tokens = c.tokens
    for j in range(k):
        if tokens[j].dep not in ("nsubj", "nsubjpass"):
            continue
        mention = c.at.get(j)
        human = tokens[j].ent_type == "PERSON" or (mention is not None and mention.actor.kind in ("person", "role")) \
            or role_key(tokens[j].lemma) not in (None, "spokesperson")
        if not human or tokens[j].tag in ("NNS", "NNPS"):
            return None  # a group or a country: not who "his" is
        saved = (c.state.last_person, c.state.last_group)
        hop, _span = resolve_speaker([j], tokens, c.at, c.state)
        c.state.last_person, c.state.last_group = saved
        if hop is None:
            return None
        person = tokens[j].ent_type == "PERSON" or (mention is not None and mention.actor.kind == "person")
        if hop.kind == "named" and person:
            return hop
        return replace(hop, name=noun_phrase(tokens, j), code=mention.actor.code if mention is not None else hop.code)
    return None


def _person(state: State, hop: Hop, span: tuple[int, int]) -> Found:
    state.last_person = (hop, span)
    return hop, span


def _group(state: State, hop: Hop, span: tuple[int, int]) -> Found:
    state.last_group = (hop, span)
    return hop, span


# -- the resolvers, tried in this order for each subject token; each returns (hop, span) or None -------------

def _appositive_person(k: int, c: Context) -> Found | None:
    """ "Pakistan's ambassador to the US, Jalil Abbas Jilani, said": the person named in apposition."""
    tokens, kids, token = c.tokens, c.kids, c.tokens[k]
    named = [j for j in kids[k] if tokens[j].dep == "appos" and tokens[j].pos == "PROPN"]
    if not named or not (token.pos == "NOUN" or (token.pos == "PROPN" and token.ent_type != "PERSON"
                                                 and role_key(token.text) is not None)):
        return None
    people = [named[0]] + [j for j in kids[named[0]] if tokens[j].dep == "conj" and tokens[j].pos == "PROPN"]
    hops = [h for h in (resolve_speaker([p], tokens, c.at, c.state)[0] for p in people)
            if h is not None and h.kind == "named"]
    if len(hops) < len(people):
        return None
    hop = hops[0] if len(hops) == 1 else Hop(" and ".join(h.name for h in hops), "named")
    first, last = bounds(kids, named[0])
    return _person(c.state, hop, (tokens[first].start, tokens[last].end))


def _member_of_group(k: int, c: Context) -> Found | None:
    """ "one of the sources": an anonymous member of the group already named."""
    tokens, token, state = c.tokens, c.tokens[k], c.state
    if token.text.lower() not in ("one", "some", "several", "many", "two", "three", "most", "none", "all", "each"):
        return None
    of = [j for j in range(k + 1, min(len(tokens), k + 3)) if tokens[j].text.lower() == "of"]
    inner = [j for j in range(of[0] + 1, min(len(tokens), of[0] + 5)) if tokens[j].head == of[0]] if of else []
    if not inner or tokens[inner[0]].lemma.lower() not in ANONYMOUS_WORDS:
        return None
    hop = Hop(" ".join(t.text for t in tokens[k:inner[0] + 1] if t.text.lower() != "the"), "anonymous",
              state.frame[-1].code if state.frame and state.frame[-1].kind == "anonymous" else None)
    return hop, (token.start, tokens[inner[0]].end)


def _person_entity(k: int, c: Context) -> Found | None:
    """ "police spokesman Terna Tyopev told ...": a PERSON the actor stage has no person for, without the title
    around the name."""
    tokens, token, mention = c.tokens, c.tokens[k], c.at.get(k)
    if token.ent_type != "PERSON" or (mention is not None and mention.actor.kind == "person"):
        return None
    first, last = k, k
    while first > 0 and tokens[first - 1].ent_type == "PERSON" and tokens[first].ent_iob == "I":
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].ent_type == "PERSON" and tokens[last + 1].ent_iob == "I":
        last += 1
    code = mention.actor.code if mention is not None and not mention.actor.code.startswith("---") else None
    titles = [j for j in range(first, last) if role_key(tokens[j].text) or tokens[j].text.lower().rstrip(".") in TITLES]
    if titles and tokens[last].text.lower() not in ORG_WORDS:
        first = titles[-1] + 1  # "Embattled Maine Gov. John Roe": the person, not the title
    name = name_text(tokens, first, last)
    hop = Hop(c.state.full_names.get(name, name) if first == last else name, "named", code)
    return _person(c.state, hop, (tokens[first].start, tokens[last].end))


def _role_holder(k: int, c: Context) -> Found | None:
    """ "the minister said": the person the article names with that role (of the country the phrase states)."""
    token, mention = c.tokens[k], c.at.get(k)
    if mention is not None and mention.actor.kind == "person":
        return None
    country = mention.actor.country if mention is not None and mention.actor.kind == "role" \
        and mention.rule not in ("dateline", "context") else None  # a country the phrase states
    person = role_person(token, c.state, country if country and len(country) == 3 else None)
    if person is None:
        return None
    return _person(c.state, person, (mention.start, mention.end) if mention is not None else (token.start, token.end))


def _spokesperson(k: int, c: Context) -> Found | None:
    """ "a spokesman said", "a spokesperson for the force said", "its bosses said": the organisation speaks, when
    the phrase names no country or sector of its own (a bare role whose country was at most guessed)."""
    token, mention = c.tokens[k], c.at.get(k)
    guessed = mention is None or (mention.token_end - mention.token_start == 1 and (
        mention.actor.code.startswith("---") or mention.rule in ("dateline", "context")))
    if token.lemma.lower() not in SPOKESPEOPLE or not guessed or role_person(token, c.state) is not None:
        return None
    organisation = spoken_for(token, c.tokens, c.kids, c.at, c.state)
    return _group(c.state, organisation, (token.start, token.end)) if organisation is not None else None


def _organisation_noun(k: int, c: Context) -> Found | None:
    """ "the force said", "the company said": the organisation of that kind the article named before."""
    tokens, token, mention = c.tokens, c.tokens[k], c.at.get(k)
    if token.pos != "NOUN" or token.lemma.lower() not in ORG_NOUNS or (
            mention is not None and mention.actor.entity is not None) or not any(
            tokens[j].text.lower() == "the" for j in range(max(0, k - 2), k)):
        return None
    organisation = spoken_for(token, tokens, c.kids, c.at, c.state)
    return (organisation, (token.start, token.end)) if organisation is not None else None


def _body_of_members(k: int, c: Context) -> Found | None:
    """ "officials from the Texas Department of Public Safety": they speak for the body they come from;
    "preliminary information from officials": the officials."""
    tokens, token = c.tokens, c.tokens[k]
    lemma = token.lemma.lower()
    if lemma not in ANONYMOUS_WORDS | {"information", "data", "figure", "figures"} or \
            lemma in ("people", "person", "residents", "resident", "witness", "witnesses"):
        return None
    for j in c.kids[k]:
        if tokens[j].dep == "prep" and tokens[j].text.lower() in ("from", "at", "with", "of"):
            objects = [o for o in c.kids[j] if tokens[o].dep == "pobj"]
            body, span = resolve_speaker(objects, tokens, c.at, c.state, strict=True) if objects else (None, None)
            if body is not None and span is not None and (body.kind in ("institution", "outlet")
                                                          or lemma not in ANONYMOUS_WORDS):
                return body, span
    return None


def _anonymous_mention(k: int, c: Context) -> Found | None:
    """ "a resident of Rafah told AFP": an unnamed witness, whatever name the phrase holds."""
    mention = c.at.get(k)
    if mention is None or mention.actor.entity is not None or c.tokens[k].lemma.lower() not in ANONYMOUS_WORDS:
        return None
    return _group(c.state, Hop(mention.text, "anonymous", mention.actor.code), (mention.start, mention.end))


def _actor_mention(k: int, c: Context) -> Found | None:
    """An actor the actor stage resolved: a person, an institution in the text's own words ("Thames Valley
    Police"), or the person last named with the role ("the PPP chairman said", after "PPP chairman Bilawal")."""
    mention, state = c.at.get(k), c.state
    if mention is None:
        return None
    hop = hop_of(mention)
    span = (mention.start, mention.end)
    if hop.kind == "institution" and mention.actor.entity is None and hop.name != mention.actor.name:
        phrase = noun_phrase(c.tokens, k)  # "Thames Valley Police": the name around the role word
        if len(phrase) > len(hop.name) and phrase.endswith(hop.name):
            hop = replace(hop, name=phrase)
    role = (mention.head or "").split(" ")[-1]
    if hop.kind != "named" and role in state.people_by_role and mention.text.lower().startswith("the "):
        hop = state.people_by_role[role]
    if hop.kind == "named" and role:
        state.people_by_role[role] = hop
    if hop.kind == "named":
        return _person(state, hop, span)
    if hop.kind in ("anonymous", "institution"):
        return _group(state, hop, span)
    return hop, span


def _surname(k: int, c: Context) -> Found | None:
    """ "Lichtenberger said" (tagged as a common noun at the start of a sentence): the person named before."""
    token = c.tokens[k]
    if token.text not in c.state.full_names or not token.text[:1].isupper() or k in c.at:
        return None
    return _person(c.state, Hop(c.state.full_names[token.text], "named"), (token.start, token.end))


def _relative_pronoun(k: int, c: Context) -> Found | None:
    """ "disclosed by a source, which claimed that ...": the noun the relative clause hangs on."""
    tokens, token = c.tokens, c.tokens[k]
    if token.text.lower() not in ("which", "who", "that") or token.dep not in ("nsubj", "nsubjpass") or \
            tokens[token.head].dep != "relcl" or tokens[token.head].head == token.head:
        return None
    hop, span = resolve_speaker([tokens[token.head].head], tokens, c.at, c.state, c.strict)
    return (hop, span) if hop is not None and span is not None else None


def _pronoun(k: int, c: Context) -> Found | None:
    """ "he said": the last person who spoke or was named as a speaker, else the person the coreference stage
    says "he" is (for speech the last speaker is the better guess: measured, docs/attribution.md); "it said"
    inside an outlet's report: the outlet; "they said": the last group or the open frame's source."""
    token, state = c.tokens[k], c.state
    word = token.text.lower()
    ref = state.refs.get(k)
    if word in ("he", "she", "him", "her", "his"):  # ("his criticism of": a noun of saying's possessor)
        gender = pronoun_gender(word)  # "she said" after a man spoke: not him (actors/gender.py)
        if state.last_person and agrees(gender, _hop_gender(state.last_person[0], state)):
            return state.last_person[0], (token.start, token.end)
        if ref is not None and ref.rule == "pronoun" and ref.antecedents[0].actor.kind in ("person", "role"):
            # (a role only when it names one person: "The minister spoke. He added ...")
            return hop_of(ref.antecedents[0]), (token.start, token.end)
        for named in reversed(state.named[-NAMED_BACK:]):
            # a person no actor codes ("Majority Whip John Roe ... he said"), the last whose gender agrees
            if agrees(gender, _hop_gender(named, state)):
                return named, (token.start, token.end)
    if word in ("it", "its") and state.frame:  # "the paper reported ... It said": the outlet whose frame is open
        return state.frame[0], (token.start, token.end)
    if word in ("they", "we", "them", "their") and (state.last_group or state.frame):
        return (state.last_group[0] if state.last_group else state.frame[-1]), (token.start, token.end)
    if word in ("they", "them", "their") and ref is not None and ref.rule in ("pronoun", "group") and all(
            m.actor.kind != "person" for m in ref.antecedents):
        # no group has spoken yet: the actors the coreference stage says "they" are ("Union leaders met the
        # governor. They said ...")
        hops = [hop_of(m) for m in ref.antecedents]
        hop = hops[0] if len(hops) == 1 else Hop(" and ".join(h.name for h in hops), "named")
        return hop, (token.start, token.end)
    return None


NAMED_BACK = 4  # "she said": the last of the people last named as subjects whose gender agrees


def _hop_gender(hop: Hop, state: State) -> str | None:
    """The gender the article shows for a speaker, else the one its given name shows."""
    return state.genders.get(hop.name) or given_name_gender(hop.name)


def _anonymous_noun(k: int, c: Context) -> Found | None:
    """ "officials said", "witnesses said": unnamed sources, in the text's words."""
    token = c.tokens[k]
    if token.lemma.lower() not in ANONYMOUS_WORDS:
        return None
    return _group(c.state, Hop(noun_phrase(c.tokens, k), "anonymous"), (token.start, token.end))


def _unknown_name(k: int, c: Context) -> Found | None:
    """A speaker the actor stage does not know: the name as written ("Professor Jane Doe said"), a person when
    titled or named as one, else an institution."""
    tokens, token, state = c.tokens, c.tokens[k], c.state
    if token.pos != "PROPN" and token.ent_type not in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    first = k
    while first > 0 and tokens[first - 1].ent_type == token.ent_type and token.ent_type and \
            tokens[first - 1].ent_iob != "O" and tokens[first].ent_iob == "I":
        first -= 1
    last = k
    while last + 1 < len(tokens) and tokens[last + 1].ent_iob == "I" and token.ent_type:
        last += 1
    titled = first < last and tokens[first].text.lower().rstrip(".") in TITLES
    titles = [j for j in range(first, last) if role_key(tokens[j].text) or tokens[j].text.lower().rstrip(".") in TITLES]
    if titles and (last - titles[-1] >= 2 or tokens[last].ent_type == "PERSON") and \
            tokens[last].text.lower() not in ORG_WORDS:  # not "Harris County Sheriff's Office"
        first, titled = titles[-1] + 1, True  # "New York City Mayor Michael Bloomberg": without the title
    name = name_text(tokens, first, last)
    if first == last and name in state.full_names:
        name, titled = state.full_names[name], True  # "Lichtenberger said", after "James Lichtenberger"
    known = titled or any(hop.name == name for people in state.named_roles.values() for _i, hop in people)
    kind = "named" if known or token.ent_type == "PERSON" or (token.pos == "PROPN" and not token.ent_type) \
        else "institution"
    if any(hop.name == name for _i, hop in state.organisations):
        kind = "institution"  # "RMD Kwikform, based in Walsall, said": an organisation the article names
    span = (tokens[first].start, tokens[last].end)
    return _person(state, Hop(name, kind), span) if kind == "named" else (Hop(name, kind), span)


def _speaking_noun(k: int, c: Context) -> Found | None:
    """ "the ministry said", "the company's spokesman said"; with ``strict``, only nouns that can speak for a
    body (not "the jets were expected to ...")."""
    token = c.tokens[k]
    if token.pos != "NOUN" or (c.strict and token.lemma.lower() not in SPEAKER_NOUNS):
        return None
    name, code = noun_phrase(c.tokens, k), None
    owner = next((c.at[j] for j in c.kids[k] if c.tokens[j].dep == "poss" and j in c.at), None)
    if owner is not None and owner.actor.kind != "person":  # "the European Union's foreign policy office"
        name, code = re.sub(r"^(?:the|a|an)\s+", "", owner.text, flags=re.I) + " " + name, owner.actor.code
    return _group(c.state, Hop(name, "institution", code), (token.start, token.end))


RESOLVERS: tuple[Callable[[int, Context], Found | None], ...] = (
    _appositive_person, _member_of_group, _person_entity, _role_holder, _spokesperson, _organisation_noun,
    _body_of_members, _anonymous_mention, _actor_mention, _surname, _relative_pronoun, _pronoun, _media_reports,
    _document, _anonymous_noun, _the_newspaper, _unknown_name, _media_noun, _speaking_noun)


def spoken_for(token: Token, tokens: Sequence[Token], kids: list[list[int]], at: dict[int, ActorMention],
                state: State) -> Hop | None:
    """Whom an unnamed spokesperson speaks for: "a spokesperson for the force", "the company's spokesman",
    "its bosses", else the organisation the article names nearest before (or, in a lead, just after)."""
    for c in kids[token.i]:
        if tokens[c].dep == "prep" and tokens[c].text.lower() in ("for", "of", "at"):
            for o in kids[c]:
                if tokens[o].dep == "pobj" and tokens[o].lemma.lower() in ORG_NOUNS:
                    return spoken_for(tokens[o], tokens, kids, at, state)  # "a spokesperson for the force"
                if tokens[o].dep == "pobj":
                    hop, _span = resolve_speaker([o], tokens, at, state)
                    if hop is not None and hop.kind in ("institution", "named"):
                        return replace(hop, kind="institution")
        if tokens[c].dep == "poss" and tokens[c].text.lower() not in ("its", "their"):
            hop, _span = resolve_speaker([c], tokens, at, state)
            if hop is not None and hop.kind == "institution":
                return hop
    word = token.lemma.lower()
    if word in ORG_NOUNS:  # "the force", "the company": named in an earlier sentence
        before = [hop for index, hop in state.organisations if index < state.sentence]
        fitting = [hop for hop in before if any(w in hop.name.lower() for w in ORG_NOUN_NAMES.get(word, ()))]
        return (fitting or before or [None])[-1]
    before = [hop for index, hop in state.organisations if index <= state.sentence]
    after = [hop for index, hop in state.organisations if index > state.sentence]
    if before:
        return before[-1]
    return after[0] if after else None
