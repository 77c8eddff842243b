"""The CAMEO codebook (``data/events/cameo.tsv``): names, Goldstein values, QuadClass and the PLOVER mapping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from thucydides.errors import DictionaryError
from thucydides.tables import packaged, rows

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
