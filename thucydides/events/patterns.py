"""The verb and noun patterns (``data/events/verbs.tsv``) that map a trigger word to a CAMEO code.

A pattern names a trigger lemma (a verb, a noun or a predicative adjective) and optional constraints: the
governing verb of a nominal trigger, the object's lemma, a modifier of a noun, the complement verb of a clause.
A pattern matches when all its constraints hold; among matching patterns the one with most constraints wins,
then the earlier line. Every code must be in the CAMEO codebook.

The lexicon is two files read in this order, one format: ``verbs.tsv`` holds the rows that code events (and the
blocking rows written against one of their readings), ``no_event.tsv`` the words judged to code no event at all
("acquire", "forecast"), each with its reason. A word of either file is *covered*: someone has judged it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from thucydides.errors import DictionaryError
from thucydides.events.codebook import codebook
from thucydides.tables import cell_values, packaged, rows

_SPLIT = re.compile(r"\s*\|\s*")
# the code of a row that blocks a reading: "heart attack", "shoot for" (aim at) are no events
NO_EVENT = "none"
NEEDS_TARGET = "needs:target"  # a marker of the object column, not a condition on the parse
LEXICON = ("verbs.tsv", "no_event.tsv")  # read in this order: on a tie between rows, the earlier wins



@dataclass(frozen=True, slots=True)
class Pattern:
    code: str
    pos: str  # V verb, N noun, A adjective
    lemma: str  # "attack", "call on", "carry out"
    governors: frozenset[str] | None  # N: the verb taking the noun; A: the verb it completes; None = any
    objects: frozenset[str] | None  # lemma of the direct object
    compounds: frozenset[str] | None  # nominal triggers: a modifier word ("air" strike)
    prepositions: tuple[str, ...]  # prepositions introducing the target
    complements: frozenset[str] | None  # lemma of the complement verb ("urge ... to negotiate")
    source: str  # verbs.tsv:LINE
    children: frozenset[str] | None = None  # dependency labels one of the trigger's children must bear (dep:oprd)
    subjects: frozenset[str] | None = None  # lemma of the trigger's subject (subj:protester): who must act
    heads: frozenset[str] | None = None  # a noun the trigger modifies (head:police): "riot police" is no riot
    needs_target: bool = False  # needs:target: no event without a target ("wrote in a letter" is no consultation)

    @property
    def weight(self) -> int:
        return sum(x is not None for x in (self.governors, self.objects, self.compounds, self.complements,
                                           self.children, self.subjects, self.heads)) + (" " in self.lemma)


def _set(cell: str) -> frozenset[str] | None:
    """The values of a cell (see :func:`thucydides.tables.cell_values`), or None for a cell without condition."""
    return cell_values(cell) or None


@cache
def patterns() -> dict[tuple[str, str], list[Pattern]]:
    """The packaged patterns, loaded once."""
    return load_patterns()


def load_patterns(path: Path | None = None) -> dict[tuple[str, str], list[Pattern]]:
    """(pos, lemma) -> patterns, most specific first, from ``path`` (default: the packaged lexicon files)."""
    known = codebook()
    index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
    sources = [path] if path is not None else [packaged("events", name) for name in LEXICON]
    lines = ((source.name, where, cells) for source in sources for where, cells in rows(source, 8))
    for name, where, cells in lines:
        code, pos, lemma, governor, obj, preposition, complement, _note = (c.strip() for c in cells)
        if code not in known and code != NO_EVENT:
            raise DictionaryError(f"CAMEO code {code!r} is not in the codebook", source=where)
        if name == LEXICON[1] and code != NO_EVENT:
            raise DictionaryError(f"{name} holds only words judged to code no event (code none), not {code!r}",
                                  source=where)
        if pos not in ("V", "N", "A"):
            raise DictionaryError(f"pos must be V, N or A, not {pos!r}", source=where)
        objects = _set(obj)
        children = frozenset(o[4:] for o in objects if o.startswith("dep:")) if objects else None
        if children:  # "dep:ccomp": the trigger has a child in that relation ("demonstrated that ...")
            objects = frozenset(o for o in objects if not o.startswith("dep:")) or None
        subjects = frozenset(o[5:] for o in objects if o.startswith("subj:")) if objects else None
        if subjects:  # "subj:protester": the trigger's subject is that word ("protesters gathered outside ...")
            objects = frozenset(o for o in objects if not o.startswith("subj:")) or None
        heads = frozenset(o[5:] for o in objects if o.startswith("head:")) if objects else None
        if heads:  # "head:police": the trigger modifies that noun ("riot police", "attack helicopters")
            objects = frozenset(o for o in objects if not o.startswith("head:")) or None
        needs_target = bool(objects and NEEDS_TARGET in objects)
        if needs_target:  # "needs:target": the row codes only an act with someone on the other side
            objects = frozenset(o for o in objects if o != NEEDS_TARGET) or None  # type: ignore[union-attr]
        compounds = None
        if objects and (pos == "N" or all(o.startswith("compound:") for o in objects)):
            # a noun's "object" column names words of its own phrase: "military" operation, "air" strike
            compounds, objects = frozenset(o.split(":", 1)[-1] for o in objects), None
        elif objects:
            objects = frozenset(o.split(":", 1)[-1] for o in objects)
        index[(pos, lemma.lower())].append(Pattern(
            code=code, pos=pos, lemma=lemma.lower(), governors=_set(governor) if pos in ("N", "A") else None,
            objects=objects, compounds=compounds,
            prepositions=tuple(p.lower() for p in _SPLIT.split(preposition) if p and p != "-"),
            complements=_set(complement), source=where, children=children or None, subjects=subjects or None,
            heads=heads or None, needs_target=needs_target))
    for bucket in index.values():
        bucket.sort(key=lambda p: -p.weight)
    return dict(index)
