"""Step 3 of reading a sentence: compose each mention (segment) into an actor from what it names itself.

A known person takes their role on the article's date; an organisation its code; a country or capital plus the
strongest role phrase gives country + sector (``Kenyan police`` -> KENCOP); a capital alone is its government
(metonymy) unless it is a place (``in Kyiv``). A mention that names no country is handed to the context
(:class:`~thucydides.actors.context.Referring`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from thucydides.actors.context import _Context
from thucydides.actors.gender import attached_words, other_person
from thucydides.actors.dictionary import (
    ADJECTIVE, CAPITAL, COUNTRY, GROUP, IGO, INSTITUTION, MEDIA, NGO, ORGANIZATIONS, PERSON, REGION,
    REGION_ADJECTIVE, SECTOR, Person, phrase_key,
)
from thucydides.actors.records import ANCHORS, CITY, NAME, PLACE_LIKE, SURNAME, _Resolved, _Segment, _Unit, split_code
from thucydides.tables import word_set
from thucydides.types import Actor, Token

# role nouns of either force ("officers"): the sector of the last police or military actor named, else their own
_FORCE_NOUNS = word_set("force-nouns")
_COMPANY_FORMS = word_set("company-forms")  # "Inc", "Co", "Plc": the legal form that ends a company's name
_FORCES = frozenset({"COP", "MIL"})

# heads naming the people who follow a leader or a group: "Trump's supporters" are Americans, not Trump
FOLLOWERS = word_set("follower-nouns")

# heads naming others by their relation to the possessor: "Kyiv's allies" are not Kyiv
RELATIONAL = word_set("relational-nouns")
# sectors of the state (COP, GOV, MIL ...): a role after a company's name is not of them; the events stage reads
# the same list
STATE_SECTORS = word_set("state-sectors")


def _namesake(given: str | None, name: _Unit, tokens: Sequence[Token], known: str) -> bool:
    """The given name of a known person's surname, or a title or apposition attached to the ``name``, says someone
    else of that surname ("Seth Hutchinson" after "Asa Hutchinson", "Mrs. Doe"; actors/gender.py)."""
    return other_person(given, attached_words(tokens, name.i, name.j), known)


def _given_before(units: Sequence[_Unit], unit: _Unit, tokens: Sequence[Token]) -> str | None:
    """The name written right before a surname unit ("Melania" of "Melania Trump"), if a proper noun."""
    return next((u.key for u in units if u.kind == NAME and u.j == unit.i and tokens[u.i].pos == "PROPN"), None)


class Composing:
    """The actor of one segment (part of :class:`Resolver`; reads ``self.d``, hands context-dependent mentions
    to :class:`~thucydides.actors.context.Referring`)."""

    def _compose(self, seg: _Segment, tokens: Sequence[Token], ctx: _Context) -> _Resolved | None:
        units = seg.units
        if all(u.kind == CITY for u in units):
            return None  # "troops in Kharkiv": a place the role did not take is a place, never an actor
        sector, sector_unit, head = self._sector(units)
        if sector_unit is not None and sector_unit.entry.role == "weak" and sector_unit.key in _FORCE_NOUNS:
            # "officers" after police are police officers, after an army its officers: the last force named decides
            sector = next((a.sector for a, _text in reversed(ctx.recent) if a.sector in _FORCES), sector)
        names = [u for u in units if u.kind == NAME]
        orgs = [u for u in units if u.kind in ORGANIZATIONS]
        anchors = [u for u in units if u.kind in ANCHORS]
        if units and units[0].kind == SECTOR and units[0].key in FOLLOWERS and units[0].j < len(tokens) and \
                tokens[units[0].j].text.lower() == "of":
            # "supporters of the former president": the people who follow whom the phrase names, else civilians
            return self._followers(seg, units[1:], orgs, "CVL", units[0], units[0].key, ctx) or \
                self._contextual(seg, "CVL", units[0], [], units[0].key, ctx, tokens)
        if head in FOLLOWERS and sector_unit is not None:
            found = self._followers(seg, units, orgs, sector, sector_unit, head, ctx)
            if found is not None:
                return found
        for unit in units:
            if unit.kind not in (PERSON, SURNAME):
                continue
            person = self._person(unit, ctx)
            given = _given_before(units, unit, tokens) if unit.kind == SURNAME else None
            if person is not None and unit.kind == SURNAME and _namesake(given, unit, tokens, person.name):
                person = None  # "first lady Melania Trump" after "Donald Trump": another of the family
            if person is None and unit.kind == SURNAME and unit.key in ctx.by_surname and len(units) == 1 and \
                    not _namesake(given, unit, tokens, ctx.by_surname[unit.key][0].name):
                actor, source = ctx.by_surname[unit.key]  # "Texas Gov. Rick Perry ... Perry said": that person
                return _Resolved(seg, actor, "coreference", f"same person as {source!r} earlier in the article",
                                 head=head)
            if person is None:
                continue
            actor, rule, evidence = self._person_actor(person, seg, ctx, anchors, sector, sector_unit)
            return _Resolved(seg, actor, rule, evidence, head=head)
        if orgs:
            return self._org(seg, orgs[0], sector, sector_unit, names, head, ctx)
        if seg.ethnic:
            # "ethnic Albanians", "ethnic Turks": a minority named by its people, not by the country it lives in;
            # another country in the mention ("ethnic Albanians of Macedonia") or the context gives the country
            anchors = [u for u in anchors if not (u.kind == ADJECTIVE and u.i > 0
                                                  and tokens[u.i - 1].text.lower() == "ethnic")]
            if not anchors:
                return self._ethnic(seg, sector, sector_unit, head, ctx, tokens)
        if units and units[0].kind == SECTOR and units[0].key in RELATIONAL and units[0].j < len(tokens) and \
                tokens[units[0].j].text.lower() == "of":
            return None  # "allies of Russia": not Russia, and not named
        relational = seg.possessor is not None and head in RELATIONAL and units[seg.possessor] in anchors
        if relational:
            # "Kyiv's European allies", "Iran's neighbours": whose allies they are is not who they are
            anchors = [u for u in anchors if u is not units[seg.possessor]]
            if not anchors:
                return None
        if anchors:
            # a country named in the mention beats a city read from the gazetteer ("the Federal Chancellor of
            # Germany": no town called Federal)
            anchor = next((u for u in anchors if u.kind != CITY), anchors[0])
            if seg.possessor is not None and units[seg.possessor].kind in ANCHORS and not relational:
                anchor = units[seg.possessor]
            return self._anchored(seg, anchor, sector, sector_unit, names, head, tokens)
        if seg.pronoun and head in RELATIONAL:
            return None  # "Russia and its allies": not Russia
        if seg.pronoun and (sector_unit is not None or names):
            found = self._possessed(seg, sector, sector_unit, head, ctx)
            if found is not None:
                return found
        if sector_unit is not None:
            if sector in STATE_SECTORS and _after_company(tokens, seg.i):
                sector = "BUS"  # "a Coca Cola Co spokesman", "Sumitomo Life Insurance Co officials": the company's
            return self._contextual(seg, sector, sector_unit, names, head, ctx, tokens)
        if names:
            known = ctx.by_surname.get(phrase_key(names[-1].key.split()[-1]))
            if known is not None and not _namesake(names[-1].key if len(names[-1].key.split()) > 1 else None,
                                                   names[-1], tokens, known[0].name):
                actor, source = known
                return _Resolved(seg, actor, "coreference", f"same person as {source!r} earlier in the article",
                                 head=head)
        return None

    def _followers(self, seg: _Segment, units: list[_Unit], orgs: list[_Unit], sector: str | None,
                   sector_unit: _Unit, head: str, ctx: _Context) -> _Resolved | None:
        """ "Trump's supporters", "Morsi supporters", "Hamas supporters": people of the leader's or the group's
        country (the head's sector, CVL), not the leader or the group."""
        for unit in units:
            if unit.kind in (PERSON, SURNAME) and (person := self._person(unit, ctx)) is not None:
                role = person.role_on(ctx.on) or person.last_role_before(ctx.on)
                country, whose = (role.code[:3] if role else None), person.name
                break
        else:
            entry = orgs[0].entries[0] if orgs else None
            country, whose = (entry.code[:3] if entry else None), (entry.name if entry else None)
        code = f"{country}{sector}" if country else None
        if code is None or country in ("IGO", "NGO") or not self.d.valid_code(code):
            return None
        return _Resolved(seg, self._actor(code, f"{head} of {whose}", None, "role"), "role",
                         f"{sector_unit.entry.source} {head!r} -> {sector}; the people who follow {whose}, of "
                         f"{country}", head=head)

    def _sector(self, units: list[_Unit]) -> tuple[str | None, _Unit | None, str | None]:
        sectors = [u for u in units if u.kind == SECTOR]
        if not sectors:
            return None, None, None
        head = sectors[-1].key
        for strength in ("strong", "weak"):
            found = [u for u in sectors if u.entry.role == strength]
            if found:
                return found[-1].entry.code or None, found[-1], head
        return None, sectors[-1], head

    def _person(self, unit: _Unit, ctx: _Context) -> Person | None:
        d = self.d
        if unit.kind == PERSON:
            candidates = [d.people[e.entity] for e in unit.entries if e.kind == PERSON and e.entity in d.people]
        else:
            candidates = [d.people[e] for e in sorted(d.surnames.get(unit.key, ()))]
            seen = [p for p in candidates if p.entity in ctx.people_seen]
            if seen:
                return seen[-1]
            if unit.key in ctx.by_surname or unit.key in ctx.strangers:
                return None  # a person the article introduced, not the dictionary's namesake
            active = [p for p in candidates if p.role_on(ctx.on)]
            if len(active) == 1:
                return active[0]
            if not active and len(candidates) >= 2 and len({r.code[:3] for p in candidates for r in p.roles}) == 1:
                # namesakes of one country, none in office ("Bush" after both presidents, "Marcos" in 2022): the
                # one whose office is nearest the date
                return min(candidates, key=lambda p: _days_from_office(p, ctx.on))
            return candidates[0] if len(candidates) == 1 and not active else None
        active = [p for p in candidates if p.role_on(ctx.on)]
        if not active and len(candidates) >= 2:  # "George Bush" after both presidents: the nearer in time
            return min(candidates, key=lambda p: _days_from_office(p, ctx.on))
        return (active or candidates or [None])[0]

    def _person_actor(self, person: Person, seg: _Segment, ctx: _Context, anchors: list[_Unit],
                      sector: str | None, sector_unit: _Unit | None) -> tuple[Actor, str, str]:
        role = person.role_on(ctx.on)
        if role is not None and not seg.former:
            return self._actor(role.code, person.name, person.entity, PERSON), "dictionary", role.describe()
        last = person.last_role_before(ctx.on)
        if sector and sector_unit is not None and sector_unit.entry.role == "strong" and not seg.former:
            # the text gives a role the dictionary does not list for that date: "Senator Marco Rubio" in 2023
            known = [r.code[:3] for r in person.roles if r.code[:3] not in ("IGO", "NGO")]
            country = anchors[0].entry.code[:3] if anchors else (known[-1] if known else "---")
            code = country + sector
            if self.d.valid_code(code):
                return (self._actor(code, person.name, person.entity, PERSON), "role",
                        f"{sector_unit.entry.source} {sector_unit.key!r} -> {sector}; {person.name} holds no "
                        f"listed role on {ctx.on.isoformat()}")
        if last is not None or (role is not None and seg.former):
            last = last or role
            country = last.code[:3] if last.code[:3] not in ("IGO", "NGO") else "---"
            if anchors:
                country = anchors[0].entry.code[:3]
            why = "called former in the text" if seg.former else f"not in office on {ctx.on.isoformat()}"
            return (self._actor(country + "ELI", person.name, person.entity, PERSON), "former",
                    f"{last.describe()}; {why}")
        first = person.roles[0]
        country = first.code[:3] if first.code[:3] not in ("IGO", "NGO") else "---"
        if anchors:
            country = anchors[0].entry.code[:3]
        return (self._actor(country, person.name, person.entity, PERSON), "before-office",
                f"{first.describe()}; not yet in office on {ctx.on.isoformat()}")

    def _org(self, seg: _Segment, unit: _Unit, sector: str | None, sector_unit: _Unit | None,
             names: list[_Unit], head: str | None, ctx: _Context) -> _Resolved | None:
        if seg.place and unit.kind == INSTITUTION and unit is seg.units[0] and sector_unit is None and not names:
            return None  # "at the White House", "outside the Knesset": the building
        entries = unit.entries
        entry = next((e for e in entries if e.active(ctx.on)), None)
        if entry is None:  # outside every dated row: the nearest one
            entry = min(entries, key=lambda e: abs(((e.start or ctx.on) - ctx.on).days))
        code = entry.code
        evidence = entry.describe()
        if entry.kind == IGO and sector and sector not in ("GOV", "IGO") and sector_unit is not None \
                and sector_unit.entry.role == "strong" and self.d.valid_code(code + sector):
            code += sector
            evidence += f"; {sector_unit.entry.source} {sector_unit.key!r} -> {sector}"
        elif entry.kind == GROUP and code.endswith("PTY") and sector and sector not in ("PTY", "OPP") and \
                sector_unit is not None and sector_unit.entry.role == "strong" and self.d.valid_code(code[:3] + sector):
            # "Republican Sen. John McCain", "Labour Party lawmakers": a party member's office, in the party's country
            code = code[:3] + sector
            evidence += f"; {sector_unit.entry.source} {sector_unit.key!r} -> {sector}"
        kind = {IGO: "igo", NGO: "ngo", GROUP: "group", MEDIA: "media", INSTITUTION: "organization"}[entry.kind]
        name, entity = entry.name, entry.entity
        if entry.kind == GROUP and entry.code.endswith("PTY") and sector_unit is not None:
            kind, entity = "role", None  # "the Republican leader": a member of the party, whom a name beside describes
        if names:
            name, entity, kind = " ".join(names[-1].key.split()), None, PERSON
        return _Resolved(seg, self._actor(code, name, entity, kind), "dictionary", evidence, head=head)

    def _anchored(self, seg: _Segment, anchor: _Unit, sector: str | None, sector_unit: _Unit | None,
                  names: list[_Unit], head: str | None, tokens: Sequence[Token]) -> _Resolved | None:
        entry = anchor.entry
        base = entry.code[:3]
        if seg.place and anchor.kind in PLACE_LIKE and sector_unit is None and anchor is seg.units[0]:
            return None  # "in Kyiv", "fighting in Ukraine", "returned to Moscow": a place
        last = tokens[anchor.j - 1]
        modifier = (sector_unit is None and not names and len(seg.units) == 1 and last.dep in ("amod", "compound")
                    and not seg.i <= last.head < seg.j and tokens[last.head].pos in ("NOUN", "PROPN")
                    and anchor.kind in (ADJECTIVE, REGION_ADJECTIVE, COUNTRY, CAPITAL))
        # "Chinese products", "the Minsk agreements", "Western interests": not an actor unless a list gives it a
        # head noun ("Armenian and Azerbaijani foreign ministers")
        if _inside_other_name(tokens, anchor, seg):
            return None  # "the Jordan River", "Chad Wolf", "South China Sea"
        evidence = f"{entry.source} {entry.name} -> {base}"
        name = names[-1].key if names else None
        if seg.former and (sector in (None, "GOV")) and (sector_unit is not None or names):
            code, rule = base + "ELI", "former"
        elif sector:
            code, rule = base + sector, "role"
            evidence += f"; {sector_unit.entry.source} {sector_unit.key!r} -> {sector}"  # type: ignore[union-attr]
        elif anchor.kind == CAPITAL:
            code, rule = base + "GOV", "metonymy"
            evidence = f"{entry.source} {tokens[anchor.i].text} stands for the {entry.name}"
        else:
            code, rule = base, "dictionary"
        if not self.d.valid_code(code):
            code = base
        if name:
            kind = PERSON
        elif anchor.kind == CAPITAL and code.endswith("GOV"):
            kind = "government"
        elif code == base:
            kind = "region" if anchor.kind in (REGION, REGION_ADJECTIVE) else "country"
        else:
            kind = "role"
        label = name or self._label(base, code)
        entity = None
        if code == base and not name:
            entity = f"{'region' if base in self.d.regions else 'country'}:{base}"
        distributable = sector_unit is None and anchor.kind in (COUNTRY, ADJECTIVE, REGION_ADJECTIVE) and not names
        return _Resolved(seg, self._actor(code, label, entity, kind), rule, evidence, head=head,
                         distributable=distributable, modifier=modifier)

    def _label(self, base: str, code: str) -> str:
        sector = code[3:6] if len(code) >= 6 else None
        place = self.d.country_label(base) if base != "---" else "unidentified"
        return f"{place} {self.d.sectors[sector]}" if sector in self.d.sectors else self.d.country_name(base)

    def _actor(self, code: str, name: str, entity: str | None, kind: str) -> Actor:
        country, sector = split_code(code, self.d)
        return Actor(code=code, country=country, sector=sector, name=name, entity=entity, kind=kind)



def _inside_other_name(tokens: Sequence[Token], unit: _Unit, seg: _Segment | None = None) -> bool:
    """The unit is part of a longer name the parser found (a river, a sea, a person): not a country.

    A neighbour that is itself a dictionary unit of the same mention is no "longer name": the parser's entity
    around "Bosnian Serbs" or "Iraqi Kurds" is the mention itself."""
    first, last = tokens[unit.i], tokens[unit.j - 1]
    if first.ent_type in ("", "GPE", "NORP", "ORG") and last.ent_type in ("", "GPE", "NORP", "ORG"):
        return False
    covered = {k for u in seg.units if u is not unit and u.kind in ANCHORS | {SECTOR} for k in range(u.i, u.j)} \
        if seg is not None else set()
    before = unit.i > 0 and first.ent_iob == "I" and tokens[unit.i - 1].ent_type == first.ent_type \
        and tokens[unit.i - 1].text[:1].isupper() and tokens[unit.i - 1].text.lower() != "the" \
        and unit.i - 1 not in covered
    after = unit.j < len(tokens) and tokens[unit.j].ent_iob == "I" and tokens[unit.j].text[:1].isupper() \
        and unit.j not in covered
    return before or after


def _days_from_office(person: Person, on: date) -> int:
    """Days between ``on`` and the nearest day ``person`` held a listed office (0 while in office)."""
    gaps = [(on - r.end).days if r.end is not None and r.end <= on else (r.start - on).days
            if r.start is not None and r.start > on else 0 for r in person.roles]
    return min(gaps, default=10 ** 6)


def _after_company(tokens: Sequence[Token], i: int) -> bool:
    """The words right before token ``i`` are a company's name, which ends in its legal form ("Coca Cola Co", "CPC
    International Inc"): a role after it is the company's, not the state's."""
    k = i - 1
    while k >= 0 and tokens[k].text in ("<", ">", ".", "'s"):
        k -= 1
    return k > 0 and tokens[k].text.lower().rstrip(".") in _COMPANY_FORMS and tokens[k - 1].text[:1].isupper()
