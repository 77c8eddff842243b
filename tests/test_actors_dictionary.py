"""The actor dictionaries load, every code they can produce is valid, and bad lines fail loudly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from thucydides.actors import load_dictionary, phrase_key
from thucydides.actors.dictionary import PERSON, iter_codes
from thucydides.errors import DictionaryError
from thucydides.structure.resources import agencies

# States whose leaders the dictionaries must know (the G20 and the main conflicts of 2000-2026).
COVERED = ("USA", "CAN", "MEX", "BRA", "ARG", "GBR", "FRA", "DEU", "ITA", "RUS", "UKR", "TUR", "CHN", "IND", "PAK",
           "JPN", "KOR", "IDN", "AUS", "SAU", "ZAF", "ISR", "IRN", "SYR", "EGY", "SDN", "KEN")


def test_every_code_is_valid(actor_dictionary):
    bad = sorted({code for code in iter_codes(actor_dictionary) if not actor_dictionary.valid_code(code)})
    assert bad == []


def test_dictionaries_are_not_trivially_small(actor_dictionary):
    d = actor_dictionary
    assert len(d.countries) >= 240
    assert len(d.people) >= 400
    assert sum(len(p.roles) for p in d.people.values()) >= 600


@pytest.mark.parametrize("country", COVERED)
@pytest.mark.parametrize("on", [date(2005, 6, 1), date(2015, 6, 1), date(2024, 6, 1)])
def test_each_covered_state_has_a_government_member_in_office(actor_dictionary, country, on):
    holders = [p.name for p in actor_dictionary.people.values()
               if (role := p.role_on(on)) is not None and role.code == country + "GOV"]
    assert len(holders) >= 2, f"{country} on {on}: {holders}"


def test_no_phrase_names_two_people(actor_dictionary):
    # except namesakes of one country never in office together ("George Bush"): the article's date tells them
    # apart (actors/composing.py: the one in office, else the one whose office is nearest the date)
    clashes = {}
    for key, bucket in actor_dictionary.phrases.items():
        people = sorted({e.entity for e, _rule in bucket if e.kind == PERSON})
        if len(people) > 1:
            roles = [r for entity in people for r in actor_dictionary.people[entity].roles]
            together = any(a.start and b.start and a.start < (b.end or date.max) and b.start < (a.end or date.max)
                           for i, a in enumerate(roles) for b in roles[i + 1:]
                           if a.entity != b.entity)
            if len({r.code[:3] for r in roles}) > 1 or together:
                clashes[key] = people
    assert clashes == {}


def test_agencies_in_datelines_are_media_actors(actor_dictionary):
    for agency in agencies().values():
        bucket = actor_dictionary.lookup(phrase_key(agency.name))
        media = [e for e, _rule in bucket if e.kind == "media"]
        assert media, f"{agency.name} is in agencies.tsv but not media.tsv"
        assert media[0].code == agency.country + "MED", agency.name


@pytest.mark.parametrize(("spelling", "entity"), [
    ("Zelensky", "volodymyr-zelenskyy"), ("Zelenskyy", "volodymyr-zelenskyy"), ("Zelenskiy", "volodymyr-zelenskyy"),
    ("Vladimir Zelensky", "volodymyr-zelenskyy"), ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
    ("Erdogan", "recep-tayyip-erdogan"), ("Sergei Lavrov", "sergey-lavrov"),
])
def test_spelling_variants_name_one_person(actor_dictionary, spelling, entity):
    key = phrase_key(spelling)
    people = {e.entity for e, _rule in actor_dictionary.lookup(key) if e.kind == PERSON}
    assert people == {entity} or entity in actor_dictionary.surnames.get(key, set())


def _write_minimal(tmp: Path, **override: str) -> Path:
    files = {
        "sector_codes.tsv": "GOV\tgovernment\t\nMIL\tmilitary\t\n",
        "sectors.tsv": "GOV\tstrong\tgovernment | ministry\t\n",
        "regions.tsv": "EUR\tEurope\t\tEuropean\t\n",
        "countries.tsv": "UKR\tUkraine\t\tUkrainian\tKyiv | Kiev\tEUR\t\n",
        "igos.tsv": "IGOUNO\tUnited Nations\tUN\t\n",
        "ngos.tsv": "", "groups.tsv": "", "institutions.tsv": "", "media.tsv": "",
        "people_test.tsv": "jane-doe\tJane Doe\t\tUKRGOV\t2020-01-01\t2021-01-01\tMinister\t\n",
    }
    files.update(override)
    for name, text in files.items():
        (tmp / name).write_text(text, encoding="utf-8")
    return tmp


def test_a_minimal_directory_loads(tmp_path):
    d = load_dictionary(_write_minimal(tmp_path))
    assert d.people["jane-doe"].role_on(date(2020, 6, 1)).code == "UKRGOV"
    assert d.people["jane-doe"].role_on(date(2021, 6, 1)) is None
    assert d.valid_code("UKRMIL") and not d.valid_code("XYZGOV") and not d.valid_code("UKRABC")


@pytest.mark.parametrize(("file", "text", "message"), [
    ("people_test.tsv", "jane-doe\tJane Doe\t\tXYZGOV\t2020\t\tMinister\t\n", "unknown actor code 'XYZGOV'"),
    ("people_test.tsv", "jane-doe\tJane Doe\t\tUKRGOV\t2020-13-45\t\tMinister\t\n", "bad date"),
    ("people_test.tsv", "jane-doe\tJane Doe\t\tUKRGOV\t2021\t2020\tMinister\t\n", "end date before start date"),
    ("people_test.tsv", "Jane Doe\tJane Doe\t\tUKRGOV\t2021\t\tMinister\t\n", "lower-case slug"),
    ("countries.tsv", "UKR\tUkraine\tKyiv\n", "expected 7 tab-separated columns"),
    ("countries.tsv", "UKR\tUkraine\t\tUkrainian\tKyiv\tXXX\t\n", "unknown region"),
    ("sectors.tsv", "ABC\tstrong\tthings\t\n", "unknown sector"),
    ("igos.tsv", "UNO\tUnited Nations\tUN\t\n", "IGO codes start with IGO"),
])
def test_bad_lines_name_the_file_and_line(tmp_path, file, text, message):
    _write_minimal(tmp_path, **{file: "# a comment line\n" + text})
    with pytest.raises(DictionaryError) as info:
        load_dictionary(tmp_path)
    assert message in str(info.value)
    assert f"{file}:2" in str(info.value)
