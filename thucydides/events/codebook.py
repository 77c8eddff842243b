"""The CAMEO codebook (``data/events/cameo.tsv``): names, Goldstein values, QuadClass and the PLOVER mapping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from thucydides.errors import DictionaryError
from thucydides.tables import cell_values, packaged, rows

PLOVER_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


@cache
def codebook() -> dict[str, CameoCode]:
    """Every CAMEO 1.1b3 code -> its row; loaded once."""
    out: dict[str, CameoCode] = {}
    for where, cells in rows(packaged("events", "cameo.tsv"), 7):
        code, name, goldstein, quad, plover, mode, _note = cells
        if plover and plover not in PLOVER_TYPES:
            raise DictionaryError(f"unknown PLOVER type {plover!r}", source=where)
        out[code] = CameoCode(code, name, float(goldstein), int(quad), plover or None, mode or None)
    return out


KEEP = "="  # a convention row whose act keeps its own code (its modality says it has not happened)
NOUN_VERBS = "verb-of"  # the one table of conventions.tsv that maps words, not codes


@cache
def conventions() -> dict[str, dict[str, str]]:
    """``data/events/conventions.tsv``: convention -> {code prefix or *: CAMEO code}; loaded once and checked."""
    known = codebook()
    out: dict[str, dict[str, str]] = {}
    for where, (name, code, becomes, _note) in rows(packaged("events", "conventions.tsv"), 4, note_optional=True):
        if name != NOUN_VERBS and becomes not in known and becomes != KEEP:
            raise DictionaryError(f"CAMEO code {becomes!r} is not in the codebook", source=where)
        if code in out.setdefault(name, {}):
            raise DictionaryError(f"{name} {code} is given twice", source=where)
        out[name][code] = becomes
    for name, table in out.items():
        if name != NOUN_VERBS and "*" not in table:
            raise DictionaryError(f"convention {name!r} has no default row (code *)", source="conventions.tsv")
    return out


def convert(convention: str, code: str) -> str:
    """The code an act of ``code`` takes under ``convention`` ("negated", "threatened" ...): the row of its
    three-digit prefix, else of its root, else the default; ``=`` keeps ``code``."""
    table = conventions()[convention]
    becomes = table.get(code[:3]) or table.get(code[:2]) or table["*"]
    return code if becomes == KEEP else becomes


def verb_of(noun: str) -> str:
    """The verb whose act a noun names ("negotiations" -> "negotiate"), or the noun itself."""
    return conventions().get(NOUN_VERBS, {}).get(noun, noun)


# where a recode's words are sought
RECODE_PLACES = ("instrument", "source-head", "actor-word", "joint", "into", "political", "phrase")


@dataclass(frozen=True, slots=True)
class Recode:
    """A row of ``data/events/recodes.tsv``: acts of ``codes`` with one of ``words`` (and none of ``unless``)
    found ``when`` (where the events stage looks: instrument, source-head ...) take the code ``becomes``."""

    codes: tuple[str, ...]
    when: str
    words: frozenset[str]
    unless: frozenset[str]
    becomes: str


@cache
def recodes() -> tuple[Recode, ...]:
    """The recodes, in the order they are tried; loaded once and checked."""
    known = codebook()
    out = []
    for where, (codes, when, words, unless, becomes, _note) in rows(packaged("events", "recodes.tsv"), 6,
                                                                    note_optional=True):
        if becomes not in known:
            raise DictionaryError(f"CAMEO code {becomes!r} is not in the codebook", source=where)
        if when not in RECODE_PLACES:
            raise DictionaryError(f"when must be one of {', '.join(RECODE_PLACES)}, not {when!r}", source=where)
        out.append(Recode(tuple(c.strip() for c in codes.split("|")), when, cell_values(words), cell_values(unless),
                          becomes))
    return tuple(out)
