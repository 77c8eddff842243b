"""Step 1 of reading a sentence: find the dictionary phrases and names in its tokens.

Every dictionary phrase is found by longest match over the tokens, keeping the meanings its case allows
(``"PM"`` is a title, ``"5 pm"`` a time); a surname alone matches a known person only when it is not part of a
longer, different name; names the parser tags as PERSON but no dictionary knows become *name* units.
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.actors.composing import _COMPANY_FORMS, FOLLOWERS
from thucydides.actors.context import _Context
from thucydides.actors.dictionary import (
    ADJECTIVE, CAPITAL, CAPITALISED, COUNTRY, GROUP, IGO, INSTITUTION, MEDIA, NGO, ORGANIZATIONS, PERSON, REGION,
    REGION_ADJECTIVE, SECTOR, UPPER, Entry, phrase_key,
)
from thucydides.actors.records import CITY, NAME, SURNAME, _Unit
from thucydides.structure.resources import fold, gazetteer, us_state_forms
from thucydides.tables import word_set
from thucydides.types import Token

# sector words that are abbreviated titles only in upper case ("Libyan PM", not "5 pm")
_ABBREVIATED_TITLES = frozenset({"pm", "fm"})
_EDITORIAL_BRACKETS = frozenset({"[", "]"})
_NAME_JOINERS = word_set("name-joiners")  # "Voice of America": the small words a capitalised name keeps
_NAME_SUFFIXES = word_set("generational-suffixes")  # "Jr.", "III": the end of a person's name
# a city is a word the parser tags as a place or as no entity: not part of an organisation's name ("the Port
# Authority", "The Bangor Daily News": a namesake abroad), a person's, a date's
_CITY_TAGS = frozenset({"GPE", ""})
# "residents of Aleppo", "people from Tigray" (not "police in Tigray": a place after "in" is where they are, and
# the event stage reads it so)
_ROLE_PLACE_LINKS = frozenset({"of", "from"})
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "president", "minister", "gen", "general", "sen", "rep",
                     "prime", "king", "queen", "prince", "sheikh", "ayatollah", "colonel", "col"})


class Matching:
    """Dictionary units over a sentence's tokens (part of :class:`Resolver`; reads ``self.d``)."""

    def _match(self, tokens: Sequence[Token], context: _Context) -> list[_Unit]:
        d = self.d
        keys = [phrase_key(t.text) for t in tokens]
        n = len(tokens)
        units: list[_Unit] = []
        k = 0
        while k < n:
            best: _Unit | None = None
            if keys[k] in d.first_words:
                key = ""
                for j in range(k, min(n, k + d.max_words + 2)):
                    if j > k and tokens[j].text in _EDITORIAL_BRACKETS:
                        continue  # '"[President Barack] Obama's war"': the editor's bracket is no part of the name
                    if not keys[j]:
                        break
                    key = keys[j] if j == k else key + (" " if tokens[j].start > tokens[j - 1].end else "") + keys[j]
                    found = self._accept(d.lookup(key), tokens, k, j + 1)
                    if found:
                        best = _Unit(k, j + 1, found[0].kind, found, key)
            if best is not None and best.kind == SECTOR and best.j < n and _in_person_name(tokens, best.i, best.j):
                best = None  # "Martin Luther King Jr.": a word of a person's name, not the title king
            if best is not None and best.j == k + 1 and keys[k] in context.by_surname and \
                    all(e.kind in ORGANIZATIONS for e in best.entries):
                best = None  # "Michael Bloomberg ... Bloomberg said": the person the article named, not the agency
            if best is None and keys[k] in d.surnames and self._surname_ok(tokens, k):
                best = _Unit(k, k + 1, SURNAME, [], keys[k])
            if best is None and (tokens[k].pos == "PROPN" or tokens[k].ent_type == "GPE"):
                best = self._city(tokens, keys, k) or self._place_of_role(tokens, k, units)
            if best is not None and _in_company_name(tokens, best.i, best.j):
                k = best.j  # "McDonnell Douglas Corp": no governor McDonnell, no capital of the Isle of Man
            elif best is not None:
                units.append(best)
                k = best.j
            else:
                k += 1
        return self._names(tokens, units, context)

    @staticmethod
    def _accept(bucket: list[tuple[Entry, int]], tokens: Sequence[Token], i: int, j: int) -> list[Entry]:
        if not bucket:
            return []
        raw = "".join(t.text for t in tokens[i:j]).replace(".", "")
        capital = tokens[i].text[:1].isupper() or tokens[i].text[:1].isdigit()
        entities: list[Entry] = []
        sectors: list[Entry] = []
        for entry, rule in bucket:
            if rule == UPPER and not (raw.isupper() and raw.replace(" ", "") == raw):
                continue
            if rule == CAPITALISED and not capital and not _lowercase_ok(entry, tokens, i, j):
                continue
            if rule == CAPITALISED and entry.kind == MEDIA and any(
                    t.text[:1].islower() and t.text not in _NAME_JOINERS for t in tokens[i:j]):
                continue  # an outlet named with plain words is written in capitals: "The Hill", not "on the Hill"
            if entry.kind == SECTOR and tokens[i].text.lower().replace(".", "") in _ABBREVIATED_TITLES and (
                    tokens[i].text not in ("PM", "FM") or (i > 0 and tokens[i - 1].text[:1].isdigit())):
                continue  # "PM", "FM" as titles; "at 5 pm", "11 p.m." are times
            (sectors if entry.kind == SECTOR else entities).append(entry)
        if not entities and i > 0 and tokens[i - 1].text == "-" and tokens[i - 1].end == tokens[i].start:
            return []  # the tail of a hyphenated modifier ("multi-party elections", "anti-government") names no actor
        if i > 0 and j == i + 1 and tokens[i].ent_type == "PERSON" and tokens[i].ent_iob == "I" \
                and tokens[i - 1].ent_type == "PERSON" and tokens[i - 1].text[:1].isupper() \
                and phrase_key(tokens[i - 1].text) not in _TITLES:
            # "Rep. Jim Jordan", "Michael Israel": the last word of a person's name, not a country or a capital
            entities = [e for e in entities if e.kind not in (COUNTRY, CAPITAL, REGION)]
        if entities and (capital or not sectors):
            # several meanings: people first, then organisations, then countries (a person named Jordan)
            order = {PERSON: 0, GROUP: 1, INSTITUTION: 1, IGO: 1, NGO: 1, MEDIA: 2, COUNTRY: 3, CAPITAL: 4,
                     ADJECTIVE: 5, REGION: 6, REGION_ADJECTIVE: 7}
            return sorted(entities, key=lambda e: order.get(e.kind, 9))
        return sectors

    @staticmethod
    def _surname_ok(tokens: Sequence[Token], k: int) -> bool:
        token = tokens[k]
        if not (token.text[:1].isupper() or _after_title(tokens, k)) or token.pos not in ("PROPN", "NOUN", "ADJ", "X") \
                or token.ent_type in ("DATE", "TIME"):
            return False
        followed = k + 1 < len(tokens) and tokens[k + 1].lemma.lower() in FOLLOWERS  # "Morsi supporters"
        if token.ent_type in ("GPE", "LOC") and not followed and (gazetteer().country_of(token.text) or (
                k + 1 < len(tokens) and tokens[k + 1].ent_iob == "I" and tokens[k + 1].ent_type in ("GPE", "LOC"))):
            return False  # a place the parser tagged ("Georgia"), not "Zelenskyy" it took for one
        if k > 0 and tokens[k - 1].text.lower() in ("in", "from", "near", "to", "at", "outside", "around", "of") \
                and not followed and gazetteer().country_of(token.text):
            return False  # "25 km from Goma": a town, not the surname of a former prime minister
        if len(token.text) > 1 and token.text.isupper() and not any(
                tokens[j].text.isupper() for j in (k - 1, k + 1) if 0 <= j < len(tokens) and tokens[j].text.isalpha()):
            return False  # "a BAK missile": an acronym in running text, not the surname Bak
        if token.text.endswith(".") or (k + 1 < len(tokens) and tokens[k + 1].text == "."
                                        and tokens[k + 1].start == token.end and k + 2 < len(tokens)
                                        and (tokens[k + 2].text[:1].isupper() or tokens[k + 2].text[:1].isdigit())):
            # "Sen. Patrick Leahy", "Gen. Smith", "telegram No. 246": an abbreviation, not the surname Sen, Gen or No
            return False
        # part of a longer name the dictionary does not know ("Hunter Biden"): not this person
        if token.ent_iob == "I" and k > 0 and tokens[k - 1].ent_type == token.ent_type == "PERSON":
            return tokens[k - 1].text[:1].islower() or phrase_key(tokens[k - 1].text) in _TITLES
        return not (k + 1 < len(tokens) and tokens[k + 1].ent_iob == "I" and tokens[k + 1].ent_type == "PERSON"
                    and tokens[k + 1].text[:1].isupper())

    def _city(self, tokens: Sequence[Token], keys: list[str], k: int) -> _Unit | None:
        """ "Chicago police", "Kharkiv Mayor Ihor Terekhov", "a Seattle woman": a city the
        gazetteer knows, written in capitals as the first words of a mention and right before a role phrase, ties
        the role to the city's country. A city alone is a place, never an actor (only capitals stand for their
        government), so no unit is made without the role after it."""
        for j in range(min(len(tokens), k + 3), k, -1):
            if j >= len(tokens) or not any(e.kind == SECTOR and e.code for e, _rule in self.d.lookup(keys[j])) \
                    or keys[j] in FOLLOWERS:
                continue  # (a role with a sector: not "the Cincinnati office", "the St. Louis community"; nor
                # followers, named after a leader: "Morsi supporters" are not people of a town called Morsi)
            words = tokens[k:j]
            before = tokens[k - 1] if k > 0 else None
            inside = before is not None and before.pos == "PROPN" and before.text[:1].isupper()
            if inside or any((t.pos != "PROPN" and t.ent_type != "GPE") or not t.text[:1].isupper()
                             or t.ent_type not in _CITY_TAGS or t.dep != "compound" for t in words):
                continue  # (nor the middle of a longer name: "New York City Council" reads from "New")
            text = " ".join(t.text for t in words)
            country = gazetteer().country_of(text)  # (a place the dateline table corrects: Ontario is Canada's)
            if country and self.d.valid_code(country):
                return _Unit(k, j, CITY, [Entry(CITY, country, text, "gazetteer city")], phrase_key(text))
        return None

    @staticmethod
    def _place_of_role(tokens: Sequence[Token], k: int, units: list[_Unit]) -> _Unit | None:
        """ "residents of Aleppo", "the mayor of Kharkiv", "people from Balochistan": a city or a first-level region
        the gazetteer knows, right after a role and "of" or "from", ties the role to the place's country."""
        before = k - 2 if k >= 2 and tokens[k - 1].text.lower() == "the" else k - 1
        if before < 1 or tokens[before].text.lower() not in _ROLE_PLACE_LINKS or not units or \
                units[-1].j != before or units[-1].kind != SECTOR or not tokens[k].text[:1].isupper() or \
                (tokens[k].ent_type in ("PERSON", "ORG") and tokens[k].ent_iob == "I"):
            return None  # (nor the inside of a longer name)
        j = k + 1
        while j < len(tokens) and tokens[j].pos == "PROPN" and tokens[j].text[:1].isupper() and \
                tokens[j].ent_iob == "I" and j - k < 4:
            j += 1
        text = " ".join(t.text for t in tokens[k:j])
        gaz = gazetteer()
        # a first-level region or a large city by its own name, however the parser tagged it ("Kharkiv" as ORG);
        # any other place name the gazetteer knows only when tagged a place
        state = j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].text[:1].isupper() and \
            fold(tokens[j + 1].text) in us_state_forms()  # "residents of Burlington, Vt."
        country = "USA" if state else gaz.regions.get(fold(text)) or gaz.major_cities.get(fold(text)) or (
            gaz.country_of(text) if tokens[k].ent_type in ("GPE", "LOC") and fold(text) not in gaz.shared_names
            else None)  # (Tripoli, Lebanon's or Libya's: the context decides)
        if country is None or (tokens[k].ent_type == "PERSON" and fold(text) not in gaz.regions):
            return None  # (a person's name that is also a town's)
        return _Unit(k, j, CITY, [Entry(CITY, country, text, "gazetteer place")], phrase_key(text))

    @staticmethod
    def _names(tokens: Sequence[Token], units: list[_Unit], context: _Context) -> list[_Unit]:
        covered = {k for u in units for k in range(u.i, u.j)}
        extra: list[_Unit] = []
        k, n = 0, len(tokens)
        while k < n:
            if tokens[k].ent_type == "PERSON" and k not in covered and tokens[k].text[:1].isupper():
                j = k + 1
                while j < n and tokens[j].ent_type == "PERSON" and tokens[j].ent_iob == "I" and j not in covered:
                    j += 1
                while j > k + 1 and tokens[j - 1].text in ("'s", "’s", "'"):
                    j -= 1
                if phrase_key(tokens[k].text) not in _TITLES or j > k + 1:
                    extra.append(_Unit(k, j, NAME, [], " ".join(t.text for t in tokens[k:j])))
                k = j
            elif k not in covered and tokens[k].pos == "PROPN" and phrase_key(tokens[k].text) in context.by_surname:
                extra.append(_Unit(k, k + 1, NAME, [], tokens[k].text))  # a name the article introduced earlier
                k += 1
            else:
                k += 1
        return sorted(units + extra, key=lambda u: u.i)


def _lowercase_ok(entry: Entry, tokens: Sequence[Token], i: int, j: int) -> bool:
    """A name written in lower case is still the actor where it cannot be a common word: a nationality adjective
    in -ian/-ese before a noun ("tunisian rioters"), or a person right after a title ("President obama")."""
    word = tokens[i].text.lower()
    if entry.kind == ADJECTIVE and j == i + 1 and word.endswith(("ian", "ese")) and len(word) > 5 \
            and j < len(tokens) and tokens[j].pos in ("NOUN", "PROPN"):
        return True
    return entry.kind == PERSON and _after_title(tokens, i)


def _after_title(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` follows a capitalised title ("President obama")."""
    return k > 0 and phrase_key(tokens[k - 1].text) in _TITLES and tokens[k - 1].text[:1].isupper()


def _in_company_name(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Tokens ``i`` to ``j`` lie inside a longer name the parser tagged ORG that ends in a company's legal form
    ("McDonnell Douglas Corp", "Richmond Hill Savings Bank FSB"): a company, not the person, the place or the
    body its words also name."""
    start, end = i, j - 1
    if tokens[start].ent_type != "ORG" or tokens[end].ent_type != "ORG":
        return False
    while start > 0 and tokens[start].ent_iob == "I" and tokens[start - 1].ent_type == "ORG":
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].ent_iob == "I" and tokens[end + 1].ent_type == "ORG":
        end += 1
    return (start, end) != (i, j - 1) and tokens[end].text.lower().rstrip(".") in _COMPANY_FORMS


def _in_person_name(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Tokens ``i:j`` sit inside a name the parser tags as a person, between a first name and a generational suffix
    ("Martin Luther King Jr."): no title."""
    return i > 0 and tokens[i - 1].ent_type == "PERSON" and tokens[i].ent_type == "PERSON" and \
        tokens[j].text.lower().rstrip(".") in _NAME_SUFFIXES and tokens[j].ent_type == "PERSON"
