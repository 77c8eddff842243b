"""The query parameters the pages and the API share: the event filters (those of ``thucydides query``, plus the
web's QuadClass, claim-source and place filters) and the paging bounds.

Every value is checked by :mod:`thucydides.filters` when the routes build :class:`~thucydides.store.query.Filters`
from it (a bad one is a 400 naming the filter); here only the shapes that need no store are enforced.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from thucydides.filters import SOURCE_KINDS

# limit and offset accepted by the API: far beyond any store, and safe to add in SQLite's 64-bit integers
MAX_ROWS = 2**31 - 1
FILTER_NAMES = ("source", "target", "actor", "root", "code", "plover", "since", "until", "outlet", "polarity",
                "certainty", "quad", "source_kind", "chain", "place")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def event_filters(
    source: str | None = Query(None, description="Source actor code prefix (RUS matches RUSGOV)"),
    target: str | None = Query(None, description="Target actor code prefix"),
    actor: str | None = Query(None, description="Either side, code prefix"),
    root: str | None = Query(None, description="CAMEO root (19)"),
    code: str | None = Query(None, description="CAMEO code prefix (163, 19)"),
    plover: str | None = Query(None, description="PLOVER type (ASSAULT)"),
    since: str | None = Query(None, description="ISO date, inclusive"),
    until: str | None = Query(None, description="ISO date, inclusive"),
    outlet: str | None = None,
    polarity: str | None = Query(None, pattern="^(positive|negative)?$", description="positive or negative"),
    certainty: str | None = Query(None, pattern="^(certain|probable|possible|unknown)?$",
                                  description="certain, probable, possible or unknown"),
    quad: str | None = Query(None, pattern="^[1-4]?$",
                             description="QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,"
                                         " 4 material conflict"),
    source_kind: str | None = Query(None, pattern="^(" + "|".join(SOURCE_KINDS) + ")?$",
                                    description="Whose claim the event is: the kind of the last hop of its "
                                                "attribution chain (" + ", ".join(SOURCE_KINDS) + ")"),
    chain: str | None = Query(None, pattern="^[0-9]{0,2}$",
                              description="Hops of the attribution chain (1: the publisher's own claim; 3: "
                                          "publisher, relayed outlet, source)"),
    place: str | None = Query(None, max_length=200, description="Location name of the event (case-insensitive)"),
) -> dict[str, str]:
    """The filters as query parameters (empty ones, as a form sends them, dropped)."""
    values = {"source": source, "target": target, "actor": actor, "root": root, "code": code, "plover": plover,
              "since": since, "until": until, "outlet": outlet, "polarity": polarity, "certainty": certainty,
              "quad": quad, "source_kind": source_kind, "chain": chain, "place": place}
    return {k: v for k, v in values.items() if v}


FilterParams = Annotated[dict[str, str], Depends(event_filters)]
