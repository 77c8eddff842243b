"""Gender and given names (actors/gender.py): what a title, a role word or a given name shows, whom "she" and
"he" may point back to, and when a full name is another person of a known person's surname. Names and sentences
are the team's own; the given names are looked up in the pinned ``nomquamgender`` package's table."""

from __future__ import annotations

import pytest

from conftest import sentence_actors, sentence_coder
from thucydides.actors.gender import agrees, given_name_gender, other_person, pronoun_gender


@pytest.mark.parametrize(("name", "expected"), [
    ("Angela Roe", "female"),
    ("Karl Roe", "male"),
    ("Jean Roe", None),  # a name both genders carry shows none
    ("Roe", None),  # a surname alone has no given name
    ("Mrs. Roe", None),  # a title is no given name (the title itself is read from the words, not here)
    ("Zyxqv Roe", None),  # a name the table does not know
])
def test_given_name_gender(name, expected):
    assert given_name_gender(name) == expected


@pytest.mark.parametrize(("pronoun", "gender", "expected"), [
    ("she", "female", True), ("she", "male", False), ("his", "female", False), ("him", "male", True),
    ("she", None, True),  # nothing shown: agrees with either
    ("they", "male", True),  # no gender in the pronoun
])
def test_agreement(pronoun, gender, expected):
    assert agrees(pronoun_gender(pronoun), gender) is expected


@pytest.mark.parametrize(("given", "before", "known", "expected"), [
    ("Seth", [], "Asa Roe", True),  # another given name the table knows
    ("Melinda", [], "Karl Roe", True),
    (None, ["Mrs."], "Karl Roe", True),  # a title of the other gender
    (None, ["first", "lady"], "Karl Roe", True),
    ("Bill", [], "William Roe", False),  # a nickname of given_names.tsv
    ("Alex", [], "Alexander Roe", False),  # a shortened form
    ("J.", [], "Joseph Roe", False),  # an initial
    ("Karl", ["Mr."], "Karl Roe", False),
    ("Zyxqv", [], "Karl Roe", False),  # a word the table does not know as a name says nothing
    ("De Mel", [], "Ronnie De Mel", False),  # a particle opens the surname, not a given name
    (None, [], "Karl Roe", False),
])
def test_other_person(given, before, known, expected):
    assert other_person(given, before, known) is expected


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2024-05-21")


@pytest.fixture(scope="module")
def actors(coder):
    return sentence_actors(coder, "2024-05-21")


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "code_"), [
    # actors/composing.py _namesake: the president's wife and son are not the president
    ("President Joe Biden and first lady Jill Biden toured a school in Nairobi.", "Jill Biden", "USAELI"),
    ("Hunter Biden appeared in court in Delaware on Friday.", "Hunter Biden", None),  # (a guard: no namesake yet)
    ("President Joe Biden spoke on Monday.", "Joe Biden", "USAGOV"),  # the president himself still is
])
def test_a_namesake_is_not_the_known_person(actors, text, name, code_):
    found = [code for mention, code in actors(text) if name in mention]
    assert found == ([code_] if code_ else []), actors(text)


@pytest.mark.model
def test_two_who_travel_together_do_not_visit_each_other(code):
    # lists.tsv journey-words (events/arguments.py): each arrives; neither visits the other
    events = code("The Kenyan and Ugandan presidents arrived at the palace on Sunday.")
    assert {e.source.actor.code for e in events if e.source} == {"KENGOV", "UGAGOV"}, events
    assert not [e for e in events if e.target is not None and e.target.actor.code in ("KENGOV", "UGAGOV")], events
    # (two who attend a summit still meet there: the rule is for journeys only)
    met = code("The Kenyan and Ugandan presidents met in Nairobi on Sunday.")
    assert {(e.source.actor.code, e.target.actor.code) for e in met if e.target} >= {("KENGOV", "UGAGOV")}


@pytest.mark.model
def test_she_said_is_not_the_man_who_spoke_last(coder):
    from thucydides.types import InputRef, RawDocument

    text = ("Senator Angela Roe and Senator Karl Doe debated the budget bill on Monday.\n\n"
            '"We must pass it this week," Doe said.\n\n'
            '"That is simply not true," she said.')
    [article] = coder.code_chunk([RawDocument(ref=InputRef("g.txt"), format="text", text=text, outlet="Reuters",
                                              published="2024-05-06")])
    speakers = {q.text: q.speaker.name if q.speaker else None for q in article.quotes}
    assert speakers.get("That is simply not true,") == "Angela Roe", speakers
    assert speakers.get("We must pass it this week,") == "Karl Doe", speakers


def test_person_genders_name_people_of_the_actor_files():
    # data/actors/person_genders.tsv: each row names a person the people files know, with a gender the code reads
    from thucydides.actors.dictionary import default_dictionary
    from thucydides.actors.gender import PEOPLE

    known = {person.name for person in default_dictionary().people.values()}
    assert PEOPLE and set(PEOPLE.values()) <= {"female", "male"}
    assert not set(PEOPLE) - known, set(PEOPLE) - known
    assert given_name_gender("Nikol Pashinyan") == "male"  # (the table alone reads "Nikol" as a woman's name)
