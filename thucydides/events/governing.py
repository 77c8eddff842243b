"""What the word governing an event says about whose act it is: a verb or adjective that judges, reports or takes a
stance on an act ("condemned the attack", "skeptical of the talks") is not its actor's; an occasion phrase the parser
hung on a noun belongs to the clause's verb; "each other" makes an act go both ways."""

from __future__ import annotations

from thucydides.events.patterns import Pattern
from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set
from thucydides.types import Token

# Verbs that judge, report or look into an act ("condemned the attack", "investigated the killings"), and adjectives
# of a stance on it ("skeptical of the negotiations"): their subject is not the act's actor.
_JUDGING = word_set("judging-verbs") | word_set("judging-adjectives")
_JUDGED_PREPOSITIONS = word_set("judged-prepositions")  # "referred to the killing", "commented on the arrest"


def _occasion_verb(s: _Sentence, noun: Token) -> Token:
    """The verb whose clause an occasion phrase belongs to, when the parser hung the phrase on a noun of that clause
    ("condemned the coup in a meeting with the Ghanaian president": the meeting is the one who condemned held,
    not the coup's); ``noun`` itself when it heads no such clause."""
    tokens, node = s.tokens, noun
    for _ in range(3):
        if node.pos not in ("NOUN", "PROPN") or node.head == node.i:
            break
        if node.dep in ("dobj", "obj") and tokens[node.head].pos == "VERB":
            # (not a stance on it: "dislikes quick success in the talks")
            return noun if tokens[node.head].lemma.lower() in _JUDGING else tokens[node.head]
        if node.dep == "pobj" and tokens[node.head].dep == "prep" and tokens[node.head].head != node.head:
            node = tokens[tokens[node.head].head]
            if node.pos == "VERB":
                return node
            continue
        break
    return noun


def _judged(s: _Sentence, first: Token, governor: Token, pattern: Pattern) -> bool:
    """The act named at ``first`` is judged, named or reported by the verb that governs it, whose subject is then not
    its actor: "condemned the attack", "called the shooting in Uvalde, Texas, a cowardly act" (calling an act names
    it, unless the row says the verb organises it: "called a general strike", "called off the march"), and through a
    preposition, "referred to the killing", "responded to the attack" (not "responded with artillery fire", an
    instrument, nor "protested during the meeting", a time)."""
    tokens, kids = s.tokens, s.kids
    if first.dep in ("dobj", "obj", "nsubjpass"):
        return governor.lemma.lower() in _JUDGING or any(tokens[k].dep == "oprd" for k in kids[governor.i]) or (
            governor.lemma.lower() == "call" and not any(g.split()[0] == "call" for g in pattern.governors or ())
            and not any(tokens[k].dep == "prt" for k in kids[governor.i]))
    return first.dep == "pobj" and governor.dep == "prep" and governor.head != governor.i and \
        governor.text.lower() in _JUDGED_PREPOSITIONS and tokens[governor.head].lemma.lower() in _JUDGING


def _each_other(s: _Sentence, verb: int) -> bool:
    """The verb's object is "each other" or "one another"."""
    for k in s.kids[verb]:
        objects = [k] if s.tokens[k].dep in ("dobj", "obj") else \
            [o for o in s.kids[k] if s.tokens[o].dep == "pobj"] if s.tokens[k].dep == "prep" else []
        for o in objects:
            word, first = s.tokens[o].text.lower(), s.tokens[o - 1].text.lower() if o else ""
            if (word == "other" and first == "each") or (word == "another" and first == "one"):
                return True
    return False
