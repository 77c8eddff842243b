"""How the words around a trigger read: a person holding an office, a cause with an owner, an amount before "of",
a question rather than a request, a visiting guest, a word of a name (helpers of :mod:`thucydides.events.matching`)."""

from __future__ import annotations

from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set

# Nouns of amount or span before "of" that hand the act to their verb ("imposed thousands of sanctions",
# "launched a wave of strikes", "suspended part of a programme"); a noun of content does not ("the victims of").
QUANTITIES = word_set("quantity-nouns")
# "asked not to be identified / named / quoted": the wire's formula for an anonymous source
_ANONYMITY = word_set("anonymity-verbs")
_HOSTILE_CAUSES = word_set("hostile-cause-modifiers")  # "sniper fire": a cause that is an attack
_NAME_TYPES = frozenset(t.upper() for t in word_set("name-entity-types"))  # "members of Youth Demand"
_MEETING_NAMES = word_set("meeting-name-nouns")  # "the World Governments Summit": a name that names a meeting


def _office_holder(s: _Sentence, k: int) -> bool:
    """Token ``k`` names a person holding a state office (GOV, ELI, MIL): a visitor or a host."""
    found = s.at.get(k)
    return found is not None and found.actor.kind == "person" and found.actor.sector in ("GOV", "ELI", "MIL")


def _owned(s: _Sentence, k: int) -> bool:
    """ "killed by Israeli fire", "wounded in army fire": a cause with an actor's name on it is someone's act,
    not an accident (a nationality, a named group, or a role noun the actor stage read)."""
    fire = s.tokens[k].lemma.lower() == "fire"  # ("Bolivia landslide", "Assam floods": a place, no owner)
    return any(s.tokens[c].dep in ("amod", "compound", "poss", "nmod") and (
        s.tokens[c].lemma.lower() in _HOSTILE_CAUSES or s.tokens[c].ent_type in ("NORP", "ORG")
        or (fire and (c in s.at or s.tokens[c].ent_type == "GPE"))
        or (c in s.at and s.at[c].actor.kind not in ("country", "region")))
        for c in s.kids[k])


def _of_quantity(s: _Sentence, k: int) -> int | None:
    """ "thousands of sanctions": the noun after "of" when the object is a quantity."""
    if s.tokens[k].lemma.lower() not in QUANTITIES:
        return None
    for c in s.kids[k]:
        if s.tokens[c].dep == "prep" and s.tokens[c].text.lower() == "of":
            return next((o for o in s.kids[c] if s.tokens[o].dep == "pobj"), None)
    return None


_QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "who", "where", "which"})


def _asks_something(s: _Sentence, k: int) -> bool:
    """The verb "ask" (or "press") at ``k`` asks someone for something: it has an addressee, a request or "for"; a
    plain question ('"Why now?" he asked', "asked him whether ..."), a question put to the subject ("when asked",
    "when pressed") or a request for anonymity ("asked not to be named") is no appeal."""
    tokens = s.tokens
    if tokens[k].tag == "VBN" and tokens[k].dep in ("advcl", "acl") and not any(
            tokens[c].dep in ("nsubj", "nsubjpass", "aux", "auxpass") for c in s.kids[k]):
        return False  # "when asked to consider X, Y said", "asked about the talks, he said": a question put to Y
    for c in s.kids[k]:
        if tokens[c].dep == "xcomp" and tokens[c].lemma.lower() in _ANONYMITY and any(
                tokens[g].dep == "auxpass" for g in s.kids[c]):
            return False
    if tokens[k].lemma.lower() == "ask" and (any(
            tokens[c].dep == "ccomp" and any(tokens[g].text.lower() in _QUESTION_WORDS for g in s.kids[c])
            for c in s.kids[k]) or any(tokens[c].dep == "prep" and tokens[c].text.lower() == "about"
                                       for c in s.kids[k])):
        return False  # "asked him whether he sent the image", "asked the minister about the talks": a question
        # (pressing someone about something presses them: "press Putin about the meddling")
    return any(tokens[c].dep in ("dobj", "obj", "dative", "iobj", "xcomp") or (
        tokens[c].dep == "prep" and tokens[c].text.lower() == "for") or (
        tokens[c].dep == "ccomp")  # "asked that X withdraw"
        for c in s.kids[k])


def _visiting(s: _Sentence, k: int) -> bool:
    """ "met visiting Prime Minister X", "talks with visiting X": the parser makes "visiting" a verb whose object is the
    guest, right after the verb or preposition it hangs on."""
    token = s.tokens[k]
    return token.lemma.lower() == "visit" and token.tag == "VBG" and token.head != k and token.head == k - 1 and \
        token.dep in ("advcl", "xcomp", "pcomp", "amod", "acl", "ccomp") and \
        not any(s.tokens[c].dep in ("nsubj", "aux") for c in s.kids[k]) and \
        any(s.tokens[c].dep in ("dobj", "obj") and s.tokens[c].pos == "PROPN" for c in s.kids[k])


def _in_name(s: _Sentence, k: int) -> bool:
    """The word is written with a capital inside the name of a group, place, person or work ("members of Youth Demand",
    "the UN Detention Facility", "the punk band Pussy Riot"): a name, not an act; a meeting's name still names one
    ("the World Governments Summit")."""
    tokens = s.tokens
    token = tokens[k]
    if k == 0 or not token.text[:1].isupper() or token.ent_type not in _NAME_TYPES:
        return False
    first = k if token.ent_iob == "B" else next(
        (j for j in range(k - 1, -1, -1) if tokens[j].ent_iob == "B" and tokens[j].ent_type == token.ent_type), k)
    last = k
    while last + 1 < len(tokens) and tokens[last + 1].ent_iob == "I" and tokens[last + 1].ent_type == token.ent_type:
        last += 1
    return last > first and not (k == last and token.lemma.lower() in _MEETING_NAMES)


def _phrasal(s: _Sentence, k: int) -> set[str]:
    """The verb at ``k`` as a row's governor names it: its lemma, and with its particle ("carry out")."""
    lemma = s.tokens[k].lemma.lower()
    return {lemma} | {f"{lemma} {s.tokens[c].text.lower()}" for c in s.kids[k] if s.tokens[c].dep == "prt"}
