"""What the parse around a trigger shows that the conditions of a ``verbs.tsv`` row read: the phrases a complement
names ("hold talk"), the clauses of its own inside a phrase, an amount, the corrected relations of a naming verb
("called the speech a stunt"), and who acts for ``subj:`` conditions (a sector, a pair, the subject of the verb
that governs an event noun). Matching (``events/matching.py``) asks; nothing here chooses a row."""

from __future__ import annotations

from thucydides.events.roles import joined_subjects
from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set
from thucydides.tree import subtree
from thucydides.types import Token

_PAIRS = word_set("pair-nouns")  # "the two leaders", "both sides"
_SETTING_OFF = frozenset({",", "(", "-", "--", "—", "–"})  # marks that set off an apposition as a second name
_QUOTES = frozenset({"\"", "“", "”", "'", "‘", "’", "``", "''"})


def _phrases(s: _Sentence, k: int) -> set[str]:
    """A complement described as a pattern may name it: "negotiate", "hold talk", "engage in dialogue",
    "pull out", "release prisoner"."""
    tokens = s.tokens
    lemma = tokens[k].lemma.lower()
    out = {lemma}
    for c in s.kids[k]:
        child = tokens[c]
        if child.dep in ("dobj", "obj", "attr"):
            out.add(f"{lemma} {child.lemma.lower()}")
        elif child.dep == "prt":
            out.add(f"{lemma} {child.text.lower()}")
            out.update(f"{lemma} {child.text.lower()} {tokens[o].lemma.lower()}" for o in s.kids[k]
                       if tokens[o].dep in ("dobj", "obj"))
        elif child.dep == "prep":
            out.add(f"{lemma} {child.text.lower()}")
            out.update(f"{lemma} {child.text.lower()} {tokens[o].lemma.lower()}" for o in s.kids[c]
                       if tokens[o].dep == "pobj")
    return out


def _own_clauses(s: _Sentence, k: int) -> set[int]:
    """The tokens of the clauses inside ``k``'s phrase that are clauses of their own: an adverbial or relative clause
    ("as the leaders agreed to meet"), or any clause with its own subject."""
    out: set[int] = set()
    for d in subtree(s.kids, k):
        if d != k and (s.tokens[d].dep in ("advcl", "relcl", "acl") or (
                s.tokens[d].dep in ("ccomp", "conj") and any(s.tokens[c].dep in ("nsubj", "nsubjpass")
                                                             for c in s.kids[d]))):
            out |= subtree(s.kids, d)
    return out


def counted(s: _Sentence, k: int) -> bool:
    """Whether token ``k`` is an amount: a number ("$500 million") or a counted noun ("20 million euros")."""
    return s.tokens[k].pos == "NUM" or any(s.tokens[c].dep == "nummod" for c in s.kids[k])


def _child_relations(s: _Sentence, i: int) -> set[str]:
    """The dependency labels of token ``i``'s children, corrected where the parser misread a naming verb:

    - ``oprd`` where a predicate is hung on the object as an apposition not set off by a comma ('called the speech
      "a stunt"'), or as an apposition in quotation marks anywhere in the object ('called the massacre in
      Orlando, Fla., an "act of terror"'), or as a second direct object ("calling it one of the biggest scams");
      an apposition set off by a comma is a second name ("called his counterpart, Xi Jinping");
    - no ``oprd`` where it is a name and there is no object: "Macron called Putin" is a call.
    """
    tokens = s.tokens
    kids = s.kids[i]
    found = {tokens[k].dep for k in kids}
    objects = [k for k in kids if tokens[k].dep in ("dobj", "obj")]
    if "oprd" in found and not objects and all(
            tokens[k].pos == "PROPN" for k in kids if tokens[k].dep == "oprd"):
        found.discard("oprd")
    if len(objects) > 1:
        found.add("oprd")
    for k in objects:  # 'called his rhetoric "well over the line"': a quoted phrase right after the object
        end = max(t for t in subtree(s.kids, k) if tokens[t].dep != "punct" or t == k) + 1
        if end + 1 < len(tokens) and tokens[end].text in _QUOTES and any(
                end + 1 in subtree(s.kids, c) for c in kids if c != k and tokens[c].dep != "punct"):
            found.add("oprd")
    for k in objects:
        inner = subtree(s.kids, k)
        for a in inner:
            if tokens[a].dep != "appos" or a < k:
                continue
            first = min(subtree(s.kids, a))
            bare = tokens[a].head == k and tokens[first - 1].text not in _SETTING_OFF
            quoted = any(tokens[q].text in _QUOTES for q in range(first - 1, a))
            if bare or quoted:
                found.add("oprd")
    return found


TOGETHER = "together"  # subj:together: the subject names two parties or more ("Putin and Macron spoke")
SECTOR = "sector:"  # subj:sector:LAB: the subject is an actor of that sector ("the dockers' federation struck")


def _of_sector(s: _Sentence, k: int, wanted: frozenset[str]) -> bool:
    """Token ``k`` is an actor of a sector a row's ``subj:sector:`` asks for (the row's words are lower case)."""
    return k in s.at and f"{SECTOR}{(s.at[k].actor.sector or '').lower()}" in wanted


def _governing_subjects(s: _Sentence, noun: Token) -> list[int]:
    """The subject of the verb an event noun is the object of, directly or through a preposition: "the teachers
    launched a national strike", "dockers went on strike"."""
    tokens, k = s.tokens, noun.i
    if tokens[k].dep == "pobj" and tokens[k].head != k and tokens[tokens[k].head].dep == "prep":
        k = tokens[k].head
    if tokens[k].dep not in ("dobj", "obj", "prep") or tokens[k].head == k:
        return []
    return [c for c in s.kids[tokens[k].head] if tokens[c].dep == "nsubj"]


def _together(s: _Sentence, k: int) -> bool:
    """Whether the subject at ``k`` names two parties or more: a list of two names or more ("Putin and Macron"),
    or a pair noun with "two" or "both" ("the two leaders", "both sides")."""
    tokens = s.tokens
    if tokens[k].pos == "PROPN" and any(tokens[c].dep == "conj" and tokens[c].pos == "PROPN" for c in s.kids[k]):
        return True
    if tokens[k].pos == "PROPN" and tokens[k].head != k and any(
            tokens[j].pos == "PROPN" for j in joined_subjects(s, tokens[k].head, k)):
        return True  # a headline's two subjects joined by a comma ("Xi, Macron speak on phone")
    return tokens[k].lemma.lower() in _PAIRS and any(tokens[c].text.lower() in ("two", "both") for c in s.kids[k])
