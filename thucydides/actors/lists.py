"""After a sentence's mentions are composed: lists and appositions between neighbouring mentions.

Mentions joined by commas and ``and`` share a list id; in ``US and Ukrainian officials`` the last member's head
noun is shared by the bare countries before it; in ``Joe Biden, the former vice president,`` the description is
the person, and an unknown name takes the role that describes it; a titled person of no known country takes the
country of a description ("Sen. Jane Doe, a Texas Republican,", "Rep. John Roe, Democrat of Ohio,"), of a place
after "of" ("Sen. Jane Doe of Ohio") or of a US party-state tag ("Sen. Jane Doe, R-Ky."); the speaker of a
parenthetical ("..., officials said") is no list member.
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.actors.context import _Context
from thucydides.actors.dictionary import PERSON
from thucydides.actors.inferred import in_country
from thucydides.actors.records import NAME, _Resolved, _Segment, tokens_text
from thucydides.structure.resources import fold, gazetteer, us_state_forms
from thucydides.tables import word_set
from thucydides.types import Actor, Token

LIST_GAP = frozenset({",", "and", "or", "as", "well", "&", "plus", "both", "along", "with", "together"})
_PARTY_LETTERS = word_set("us-party-letters")
_SAYING = word_set("reporting-verbs") | word_set("saying-verbs")
_CLOSING = frozenset({",", ".", ";", ")", "--", "—", ":"})
DESCRIBING = frozenset({"a", "an"})  # "Sen. Jane Doe, a Texas Republican,": a description, not a list member


class Lists:
    """List ids, shared head nouns and appositions (part of :class:`Resolver`; reads ``self.d``, uses ``_actor``
    and ``_label`` of :class:`~thucydides.actors.composing.Composing`)."""

    def _lists(self, resolved: list[_Resolved], tokens: Sequence[Token], ctx: _Context) -> None:
        for a, b in zip(resolved, resolved[1:], strict=False):
            gap = [t.text.lower() for t in tokens[a.segment.j:b.segment.i]]
            if not gap or not all(w in LIST_GAP or w in ("the", "a") for w in gap):
                continue
            if gap == [","] and _speaker_of_parenthetical(tokens, b.segment):
                continue  # "killing three Palestinians, health officials said": the speaker opens a new clause
            if not ({",", "and", "or", "&", "plus"} & set(gap)):
                continue
            if a.list_id is None:
                ctx.lists += 1
                a.list_id = ctx.lists
            b.list_id = a.list_id
        # "US and Ukrainian officials": the last member's head noun is shared by bare countries before it
        for index in range(len(resolved) - 2, -1, -1):
            a, b = resolved[index], resolved[index + 1]
            gap = [t.text for t in tokens[a.segment.j:b.segment.i]]
            if a.list_id is None or a.list_id != b.list_id or not a.distributable or b.actor.kind != "role" \
                    or gap not in (["and"], [","], ["or"]):
                continue  # "relations with Israel, and Palestinian leaders said": two clauses, not one list
            sector = b.actor.sector
            code = (a.actor.country or "") + (sector or "")
            if sector and self.d.valid_code(code):
                a.actor = self._actor(code, self._label(a.actor.country or "", code), None, "role")
                a.rule, a.head = "distributed", b.head
                a.evidence += f"; shares the head noun {b.head!r} of the next list member"
                a.distributable = a.modifier = False

    def _appositions(self, resolved: list[_Resolved], tokens: Sequence[Token]) -> list[_Resolved]:
        changed = self._party_tags(resolved, tokens) + self._home_places(resolved, tokens)
        for a, b in zip(resolved, resolved[1:], strict=False):
            gap = [t.text for t in tokens[a.segment.j:b.segment.i]]
            if gap[:1] == [","] and self._described(a, b, tokens, gap[1].lower() if len(gap) == 2 else None):
                changed += [a, b]
                continue
            if gap != [","]:
                continue
            if a.actor.kind == PERSON and a.actor.entity and b.contextual:
                # "Joe Biden, the former vice president,": the description is the person
                b.actor, b.rule = a.actor, "apposition"
                b.evidence = f"describes {tokens_text(tokens, a.segment)!r}"
                changed.append(b)
                continue
            for named, role in ((a, b), (b, a)):
                units = named.segment.units
                if len(units) == 1 and units[0].kind == NAME and role.actor.kind == "role":
                    actor = role.actor
                    named.actor = Actor(actor.code, actor.country, actor.sector, units[0].key, None, PERSON)
                    named.rule, named.evidence = "apposition", f"described as {tokens_text(tokens, role.segment)!r}"
                    changed.append(named)
        return changed

    def _described(self, a: _Resolved, b: _Resolved, tokens: Sequence[Token], article: str | None) -> bool:
        """ "Sen. Jane Doe, a Texas Republican,", "Mayor John Roe, the Ohio Democrat,": a titled person of no known
        country (``a``) takes the country of the description after the comma (``b``), and the description is the
        person. "the" opens a description only before a party member ("the Texas Republican"): "Sen. Doe, the
        Russian ambassador and ..." is a list of two people. ``article`` is the word between the comma and ``b``."""
        lead = article or tokens[b.segment.i].text.lower()
        closing = next((t.text for t in tokens[b.segment.j:] if t.text in _CLOSING or t.text in LIST_GAP), ".")
        if closing not in _CLOSING:
            return False  # "Sen. Doe, a Texas Republican and Iran's envoy": a list goes on, no description closes
        if not a.actor.code.startswith("---") or a.actor.sector is None or not _names_person(tokens, a.segment) \
                or b.actor.country is None or b.actor.code.startswith("---") \
                or not (lead in DESCRIBING or (lead == "the" and b.actor.sector == "PTY") or _party_of(tokens, b)):
            return False
        placed = in_country(self.d, a.actor, b.actor.country) if b.actor.country not in ("IGO", "NGO") else None
        if placed is None:
            return False
        a.actor = placed
        described = tokens_text(tokens, b.segment)
        a.rule, a.evidence = "apposition", f"{a.evidence}; country from the description {described!r}"
        b.actor, b.rule, b.evidence = a.actor, "apposition", f"describes {tokens_text(tokens, a.segment)!r}"
        return True

    def _home_places(self, resolved: list[_Resolved], tokens: Sequence[Token]) -> list[_Resolved]:
        """ "Sen. Jane Doe of Ohio", "Governor John Roe of Kano": a titled person of no known country followed by
        "of" and a place takes the place's country; a state or country named there is no actor of its own."""
        changed = []
        for a in resolved:
            j = a.segment.j
            if j + 1 >= len(tokens) or tokens[j].text.lower() != "of" or not a.actor.code.startswith("---") \
                    or a.actor.sector is None or not _names_person(tokens, a.segment):
                continue
            place = next((b for b in resolved if b.segment.i == j + 1 and b.actor.kind == "country"), None)
            k = j + 1
            while k < len(tokens) and k < j + 4 and tokens[k].text[:1].isupper() and tokens[k].ent_type not in (
                    "PERSON", "ORG") and (tokens[k].pos == "PROPN" or tokens[k].ent_type == "GPE"):
                k += 1  # (the place as the parser tags it: a GPE, or a name it calls a nationality)
            name = " ".join(t.text for t in tokens[j + 1:k])
            country = place.actor.country if place is not None else gazetteer().country_of(name) if name else None
            placed = in_country(self.d, a.actor, country) if country else None
            if placed is None:
                continue
            a.actor = placed
            a.rule, a.evidence = "apposition", f"{a.evidence}; of {name or tokens_text(tokens, place.segment)}"
            changed.append(a)
            if place is not None:
                place.modifier = True  # (dropped: "of Ohio" says where the person is from, no actor of the sentence)
        return changed

    def _party_tags(self, resolved: list[_Resolved], tokens: Sequence[Token]) -> list[_Resolved]:
        """ "Sen. Jane Doe, R-Ky.,", "Rep. John Roe (D-N.Y.)": a titled person of no known country followed by a US
        party-state tag is of the USA; a state the tag names is part of the tag, no mention of its own."""
        changed = []
        for a in resolved:
            end = _party_tag(tokens, a.segment.j)
            placed = in_country(self.d, a.actor, "USA") if end is not None and a.actor.code.startswith("---") \
                and a.actor.sector is not None else None
            if placed is None:
                continue
            tag = "".join(t.text for t in tokens[a.segment.j + 1:end])
            a.actor = placed
            a.rule, a.evidence = "apposition", f"{a.evidence}; a US party-state tag ({tag})"
            changed.append(a)
            for b in resolved:
                if a.segment.j <= b.segment.i and b.segment.j <= end:
                    b.modifier = True  # (dropped: the state of "R-Ohio" is no actor of the sentence)
        return changed


def _party_of(tokens: Sequence[Token], b: _Resolved) -> bool:
    """ "Rep. John Roe, Democrat of Ohio,": a party member "of" a place, with no article (a newspaper's style)."""
    return b.actor.sector == "PTY" and b.segment.j < len(tokens) and tokens[b.segment.j].text.lower() == "of" \
        and b.segment.i > 0 and tokens[b.segment.i - 1].text == ","


def _speaker_of_parenthetical(tokens: Sequence[Token], seg: _Segment) -> bool:
    """The mention is the subject of a verb of saying right after it ("..., health officials said"): the speaker
    of a parenthetical, no member of the list before the comma."""
    j = seg.j
    while j < len(tokens) and tokens[j].pos == "ADV":
        j += 1
    return j < len(tokens) and tokens[j].lemma.lower() in _SAYING and any(
        tokens[k].dep == "nsubj" and tokens[k].head == j for k in range(seg.i, seg.j))


def _names_person(tokens: Sequence[Token], seg: _Segment) -> bool:
    return any(tokens[k].ent_type == "PERSON" for k in range(seg.i, seg.j))


def _party_tag(tokens: Sequence[Token], j: int) -> int | None:
    """The end of a US party-state tag that opens at token ``j`` (", R-Ky.", "(D-Calif.)", ", I-Vt."): a comma or a
    bracket, a capital party letter, a hyphen and a state written as AP, in full or by its postal code."""
    if j + 3 >= len(tokens) or tokens[j].text not in (",", "("):
        return None
    letter, dash = tokens[j + 1], tokens[j + 2]
    if not (letter.text.isupper() and letter.text.lower() in _PARTY_LETTERS and dash.text == "-"):
        return None
    k, state = j + 3, ""
    while k < len(tokens) and k < j + 6 and tokens[k].text not in (",", ")"):
        state += (" " if state and tokens[k].start > tokens[k - 1].end else "") + tokens[k].text
        k += 1
    return k if fold(state) in us_state_forms() else None
