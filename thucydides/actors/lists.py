"""After a sentence's mentions are composed: lists and appositions between neighbouring mentions.

Mentions joined by commas and ``and`` share a list id; in ``US and Ukrainian officials`` the last member's head
noun is shared by the bare countries before it; in ``Joe Biden, the former vice president,`` the description is
the person, and an unknown name takes the role that describes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.actors.context import _Context
from thucydides.actors.dictionary import PERSON
from thucydides.actors.records import NAME, _Resolved, tokens_text
from thucydides.types import Actor, Token

LIST_GAP = frozenset({",", "and", "or", "as", "well", "&", "plus", "both", "along", "with", "together"})


class Lists:
    """List ids, shared head nouns and appositions (part of :class:`Resolver`; reads ``self.d``, uses ``_actor``
    and ``_label`` of :class:`~thucydides.actors.composing.Composing`)."""

    def _lists(self, resolved: list[_Resolved], tokens: Sequence[Token], ctx: _Context) -> None:
        for a, b in zip(resolved, resolved[1:], strict=False):
            gap = [t.text.lower() for t in tokens[a.segment.j:b.segment.i]]
            if not gap or not all(w in LIST_GAP or w in ("the", "a") for w in gap):
                continue
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
        changed = []
        for a, b in zip(resolved, resolved[1:], strict=False):
            gap = [t.text for t in tokens[a.segment.j:b.segment.i]]
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
