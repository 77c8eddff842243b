"""The gender a person's mention shows, so that "she" is not taken for the last man named, nor "he" for a woman.

News names a person's gender in three ways, tried in this order for each person mention:

- a word of the mention, or of the title or apposition attached to it, that only one gender takes ("Mrs.",
  "first lady", "spokeswoman", "his wife, ..."; ``female-person-words`` and ``male-person-words`` of
  ``data/lists.tsv``);
- the given name, when the mention (or the dictionary name of the person it codes) has one: the first word of a
  name of two words or more, looked up in the name table of the ``nomquamgender`` package (a registry package
  pinned in ``pyproject.toml``; MIT), read from the installed file and never fetched. A name counts only when the
  table has seen it often (``MIN_COUNT``) and for one gender at least nine times in ten (``SHARE``); "Jean",
  "Kim" or "Robin" show none; a person of the actor files whom the table misreads ("Nikol Pashinyan") is listed
  in ``data/actors/person_genders.tsv``;
- what another mention of the same person showed ("Mrs. Clinton ... Clinton said").

A mention showing both (two cues that disagree) shows none. A mention that shows no gender agrees with either
pronoun: this only ever removes a wrong antecedent, it never chooses one by itself. The coreference stage
(``actors/coreference.py``) and the attribution stage's "she said" (``attribution/speakers.py``) read it.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from thucydides.tables import cell_values, packaged, rows, word_set
from thucydides.types import ActorMention, Article, Token

FEMALE, MALE = "female", "male"
WORDS = {FEMALE: word_set("female-person-words"), MALE: word_set("male-person-words")}
GENDERED = WORDS[FEMALE] | WORDS[MALE]  # a title or role word, never a given name ("Mrs.", "King")
PRONOUNS = {**{word: FEMALE for word in word_set("female-pronouns")},
            **{word: MALE for word in word_set("male-pronouns")}}
MIN_COUNT = 100  # times the name table saw a given name before it is read at all
SHARE = 0.9  # share of one gender the name table must show
ATTACHED = frozenset({"compound", "amod", "appos", "nmod", "flat", "poss"})  # how a title hangs on a name
PACKAGE = "nomquamgender"
TITLES = word_set("personal-titles")
PARTICLES = word_set("name-particles")  # "de", "van", "al": words of a surname, never a given name
# full name -> gender, for the people whose given name the table reads as the other gender (person_genders.tsv)
PEOPLE = {name: gender for _where, (name, gender, _note) in
          rows(packaged("actors", "person_genders.tsv"), 3, note_optional=True)}
# given name -> the names that are the same one (data/actors/given_names.tsv: "bill" and "william")
VARIANTS: dict[str, frozenset[str]] = {}
for _where, (_name, _variants, _note) in rows(packaged("actors", "given_names.tsv"), 3, note_optional=True):
    for _form in {_name, *cell_values(_variants)}:
        VARIANTS[_form] = VARIANTS.get(_form, frozenset()) | {_name, *cell_values(_variants)}


def pronoun_gender(word: str) -> str | None:
    """ "she" -> female, "his" -> male, "they" -> None."""
    return PRONOUNS.get(word.lower())


def agrees(pronoun: str | None, gender: str | None) -> bool:
    """Whether a pronoun of this gender may stand for a person of that one (unknown agrees with both)."""
    return pronoun is None or gender is None or pronoun == gender


@cache
def _given_names() -> dict[str, str | None]:
    """Given name (lower case, no accents) -> the gender the table shows clearly, else None; every name the table
    saw often enough is a key. Empty without the package."""
    spec = importlib.util.find_spec(PACKAGE)  # finds the installed files without importing the package
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        table = json.load(handle)  # name -> [sources, count, share female, uncertainty]
    out: dict[str, str | None] = {}
    for name, row in table.items():
        if len(row) < 3 or row[1] < MIN_COUNT or not name.isalpha():
            continue
        out[name] = FEMALE if row[2] >= SHARE else MALE if row[2] <= 1 - SHARE else None
    return out


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def given_name_gender(name: str) -> str | None:
    """The gender of a full name's given name ("Theresa May" -> female); None for a single word ("May"), where the
    first word is a title, or a name the table does not show clearly."""
    if name in PEOPLE:
        return PEOPLE[name]
    words = [w.strip(".,") for w in name.split()]
    words = [w for w in words if w]
    if len(words) < 2 or not words[0][:1].isupper() or _fold(words[0]) in GENDERED:
        return None
    return _given_names().get(_fold(words[0]))


def _word_gender(words: Sequence[str]) -> str | None:
    """The one gender the words name ("first lady", "mrs"), None when none or both."""
    found = set()
    for k, word in enumerate(words):
        for phrase in (word, f"{word} {words[k + 1]}" if k + 1 < len(words) else None):
            for gender, listed in WORDS.items():
                if phrase and phrase in listed:
                    found.add(gender)
    return found.pop() if len(found) == 1 else None


def attached_words(tokens: Sequence[Token], start: int, end: int) -> list[str]:
    """The words of tokens ``start:end`` with the title before them and the apposition either side, lower case."""
    return [t.text.lower().strip(".") for t in _attached(tokens, start, end)]


def _attached(tokens: Sequence[Token], start: int, end: int) -> list[Token]:
    """The mention's words, the words before it that hang on it (a title: "first lady", "Mrs."), and the
    apposition either side ("his wife, Melania ...", "Jane Roe, a spokeswoman")."""
    inside = range(start, end)
    out = list(tokens[start:end])
    k = start - 1
    while k >= 0 and start - k <= 3:
        t, steps = tokens[k], 0
        while t.i not in inside and t.dep in ATTACHED and steps < 3 and t.head != t.i:
            t, steps = tokens[t.head], steps + 1
        if t.i not in inside:
            break
        out.insert(0, tokens[k])
        k -= 1
    for t in tokens[start:end]:
        if t.dep == "appos" and t.head not in inside:
            out.append(tokens[t.head])
    out += [t for t in tokens if t.dep == "appos" and t.head in inside and t.i not in inside]
    return out


def _mention_cue(mention: ActorMention, tokens: Sequence[Token]) -> str | None:
    words = attached_words(tokens, mention.token_start, mention.token_end)
    by_word = _word_gender(words)
    if by_word is not None:
        return by_word
    names = [t.text for t in tokens[mention.token_start:mention.token_end] if t.ent_type == "PERSON"]
    by_name = given_name_gender(" ".join(names)) if len(names) >= 2 else None
    if by_name is None and mention.actor.kind == "person" and mention.actor.entity:
        by_name = given_name_gender(mention.actor.name)  # "Putin": the dictionary's "Vladimir Putin"
    return by_name


def person_key(mention: ActorMention) -> str:
    """Who a person mention is, across the article: the dictionary entry, else the name it was resolved to."""
    return mention.actor.entity or mention.actor.name


def mention_genders(article: Article) -> dict[tuple[int, int], str]:
    """(sentence, character start) of each person or single-person role mention -> the gender it shows, or what
    another mention of the same person showed; mentions that show none are left out."""
    own: dict[tuple[int, int], str] = {}
    by_person: dict[str, set[str]] = {}
    for mention in article.actors:
        if mention.actor.kind not in ("person", "role"):
            continue
        found = _mention_cue(mention, article.sentences[mention.sentence].tokens)
        if found is not None:
            own[(mention.sentence, mention.start)] = found
            if mention.actor.kind == "person":
                by_person.setdefault(person_key(mention), set()).add(found)
    out = dict(own)
    for mention in article.actors:
        where = (mention.sentence, mention.start)
        shown = by_person.get(person_key(mention), set()) if mention.actor.kind == "person" else set()
        if where not in out and len(shown) == 1:
            out[where] = next(iter(shown))
    return out


def name_genders(article: Article) -> dict[str, str]:
    """Person's name (as the actor stage resolved it, and as the text gives it) -> the one gender the article
    shows for it: what the attribution stage's speakers, which are names, are looked up in."""
    shown = mention_genders(article)
    seen: dict[str, set[str]] = {}
    for mention in article.actors:
        gender = shown.get((mention.sentence, mention.start))
        if gender is not None and mention.actor.kind == "person":
            for name in (mention.actor.name, mention.text):
                seen.setdefault(name, set()).add(gender)
    return {name: genders.pop() for name, genders in seen.items() if len(genders) == 1}


def entity_gender(tokens: Sequence[Token], k: int) -> str | None:
    """The gender of the person entity (tokens the parser tags PERSON) that token ``k`` belongs to, from its
    given name or a title before it; for people no actor codes."""
    i = k
    while i > 0 and tokens[i - 1].ent_type == "PERSON":
        i -= 1
    j = k + 1
    while j < len(tokens) and tokens[j].ent_type == "PERSON":
        j += 1
    return _word_gender(attached_words(tokens, i, j)) or given_name_gender(" ".join(t.text for t in tokens[i:j]))


def _given(name: str) -> str | None:
    """The given name a full name opens with (folded), skipping titles; None for a single word."""
    words = [_fold(w.strip(".,")) for w in name.split()]
    words = [w for w in words if w and w not in TITLES and w not in GENDERED]
    return words[0] if len(words) >= 2 else None


def other_person(given: str | None, before: Sequence[str], known: str) -> bool:
    """Whether the given name written before a known person's surname, or a title before it, says the person is
    someone else of that surname: "Seth Hutchinson" is not "Asa Hutchinson", "Mrs. Doe" not "Samuel Doe", "first
    lady Jane Roe" not "John Roe". A given name counts only when the name table knows it; a nickname or
    transliteration (``given_names.tsv``), an initial or a shortened form ("Alex") is the same name."""
    known_given = _given(known)
    known_gender = given_name_gender(known)
    shown = _word_gender([w.lower().strip(".") for w in before])
    if shown is not None and known_gender is not None and shown != known_gender:
        return True
    if not given or known_given is None:
        return False
    mine = _fold(given.split()[0].strip(".,"))
    if mine in PARTICLES:
        return False  # "De Mel", "al-Thani": a word of the surname, not a given name
    if mine not in _given_names() or mine == known_given or known_given in VARIANTS.get(mine, ()):
        return False
    if len(mine) == 1 or mine.startswith(known_given) or known_given.startswith(mine):
        return False
    return True
