"""Decide whether one article relays another, and how: named, unnamed or syndicated.

- **syndicated**: the copy retells nearly every word of the original and the original nearly all of it
  (a site line or a new headline aside); the outlet is the wire the copy credits (its dateline's agency).
- **named**: the relay credits the original's outlet ("the Meridian Wire news agency reported") and retells
  some of it. A credit to an outlet with no stored original is kept as a named relay with ``original`` None.
- **unnamed**: no credit, but the relay retells several of the original's sentences, in runs of words
  outside quotation marks (two outlets quoting the same speaker share quotes, not sentences). An outlet's
  follow-up of its own story is no relay.

Which of two articles relays the other: the later one; on the same day, the one crediting the other, else
the one that adds more of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from thucydides.relays.align import Added, Alignment, align
from thucydides.relays.naming import Credit, credits, key
from thucydides.relays.text import Text

SYNDICATED_SIMILARITY = 0.85  # the copy's words retold from the original ...
SYNDICATED_COVERAGE = 0.9  # ... and the original's words the copy holds
UNNAMED_RUNS = 2  # an unnamed relay shares this many runs of words outside quotes,
UNNAMED_SENTENCES = 3  # retells this many sentences (mostly outside quotation marks),
UNNAMED_SIMILARITY = 0.35  # and this share of its words
NAMED_SENTENCES = 2  # a credited outlet's article is the original when the relay retells this many sentences
NAMED_SIMILARITY = 0.2  # ... or this share of its words (one shared stock sentence is not enough)


@dataclass(frozen=True)
class Relay:
    relay: str  # article id
    original: str | None  # article id; None when the original is not stored
    outlet: str | None  # the outlet relayed, as the relay names it (or the original's outlet, unnamed)
    kind: str  # named | unnamed | syndicated
    similarity: float  # the share of the relay's words retold from the original (0 when it is not stored)
    day: date | None = None  # the original's day: its date when stored, else as the relay's text gives it
    credit: Credit | None = None
    alignment: Alignment | None = None


def names(credit: Credit, text: Text) -> bool:
    """Does ``credit`` name the outlet of ``text`` (or the agency its dateline credits)?"""
    wanted = set(key(credit.outlet).split())
    for name in (text.outlet, text.agency):
        have = set(key(name).split()) if name else set()
        if wanted and have and (wanted <= have or have <= wanted):
            return True
    return False


def detect(relay: Text, original: Text, found: tuple[Credit, ...] | None = None) -> Relay | None:
    """How ``relay`` retells ``original``, or None when it does not."""
    found = tuple(credits(relay)) if found is None else found
    credit = next((c for c in found if names(c, original)), None)
    alignment = align(relay, original, found)
    kind = None
    if alignment.similarity >= SYNDICATED_SIMILARITY and alignment.coverage >= SYNDICATED_COVERAGE:
        kind = "syndicated"
        alignment = _as_site_lines(alignment)
    elif relay.outlet and original.outlet and key(relay.outlet) == key(original.outlet):
        kind = None  # an outlet's follow-up of its own story is no relay (its copies are syndicated, above)
    elif credit is not None and (alignment.retold_sentences >= NAMED_SENTENCES
                                 or alignment.similarity >= NAMED_SIMILARITY):
        kind = "named"
    elif (alignment.runs >= UNNAMED_RUNS and alignment.own_sentences >= UNNAMED_SENTENCES
          and alignment.similarity >= UNNAMED_SIMILARITY):
        kind = "unnamed"
    if kind is None:
        return None
    outlet = credit.outlet if credit is not None else (
        relay.agency or original.agency or original.outlet if kind == "syndicated" else original.outlet)
    return Relay(relay=relay.id, original=original.id, outlet=outlet, kind=kind, similarity=alignment.similarity,
                 day=original.published, credit=credit, alignment=alignment)


def orient(a: Text, b: Text) -> list[tuple[Text, Text]]:
    """The ways round to try ``(relay, original)``: the later article relays the earlier; on the same day (or
    undated) the one crediting the other, else both ways."""
    if a.published and b.published and a.published != b.published:
        return [(a, b)] if a.published > b.published else [(b, a)]
    a_names_b = any(names(c, b) for c in credits(a))
    b_names_a = any(names(c, a) for c in credits(b))
    if a_names_b != b_names_a:
        return [(a, b)] if a_names_b else [(b, a)]
    if a.agency and b.outlet and key(a.agency) == key(b.outlet):
        return [(a, b)]
    if b.agency and a.outlet and key(b.agency) == key(a.outlet):
        return [(b, a)]
    return [(a, b), (b, a)]


def between(a: Text, b: Text) -> Relay | None:
    """The relay between two articles, if either retells the other (the likelier way round when both do)."""
    found = [r for relay, original in orient(a, b) if (r := detect(relay, original)) is not None]
    return max(found, key=_own_material, default=None)


def unstored(text: Text, linked: set[str]) -> list[Relay]:
    """Named relays of outlets whose report is not stored: one per outlet credited and not in ``linked``
    (keys of the outlets already linked to a stored original). Statements of bodies are kept only when stored."""
    out: dict[str, Relay] = {}
    for credit in credits(text):
        k = key(credit.outlet)
        if credit.kind == "outlet" and k and k not in linked and k not in out:
            out[k] = Relay(relay=text.id, original=None, outlet=credit.outlet, kind="named", similarity=0.0,
                           day=credit.day, credit=credit)
    return list(out.values())


def _own_material(relay: Relay) -> int:
    """How much a relay adds of its own (its dateline aside): the relaying side adds more."""
    if relay.alignment is None:
        return 0
    return sum(a.end - a.start for a in relay.alignment.added if a.kind != "dateline")


def _as_site_lines(alignment: Alignment) -> Alignment:
    """In a syndicated copy, what the site adds (a header, a footer) is an editorial insertion."""
    added = tuple(a if a.kind in ("dateline", "framing") else Added(a.start, a.end, a.text, "editorial-insertion")
                  for a in alignment.added)
    return replace(alignment, added=added)
