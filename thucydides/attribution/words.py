"""The attribution stage's words, read from data files a domain expert can edit: the cues of
``data/attribution/cues.tsv``, the role groups of ``roles.tsv``, the organisation nouns of
``organisation_nouns.tsv``, and the named lists of ``data/lists.tsv`` (anonymous sources, speaker nouns, titles ...)."""

from __future__ import annotations

from functools import cache

from thucydides.actors.coreference import ROLE_KEYS  # noqa: F401 - the role groups, read once
from thucydides.structure.quotations import CLOSE, OPEN  # noqa: F401 - the marks, defined once
from thucydides.tables import cell_values, packaged, rows, word_set

ANONYMOUS_WORDS = word_set("anonymous-sources")
SPEAKER_NOUNS = word_set("speaker-nouns")  # can speak for a body when the actor stage gives no actor for them
TITLES = word_set("personal-titles")
PARTICLES = word_set("name-particles")
ORG_WORDS = word_set("organisation-name-ends")  # "National Association ..." is not a person called Association
ORG_NOUNS = word_set("organisation-nouns")
SPOKESPEOPLE = word_set("spokesperson-nouns")
MEDIA_NOUNS = word_set("media-nouns")
OUTLET_NAME_ENDS = word_set("outlet-name-ends")  # "the Portland Press Herald": a newspaper no list has
FINDING_WORDS = word_set("source-findings")  # "data showed", "an audit found": figures and inquiries
DOCUMENT_WORDS = word_set("source-documents") | FINDING_WORDS
INSTITUTION_NOUNS = word_set("institution-nouns")  # never a misspelt role ("Ministry" is not "minister")
ANONYMITY_VERBS = word_set("anonymity-verbs")  # "asked not to be named" is no speech act
UNSAID_GOVERNORS = word_set("unsaid-governors")  # "wants to question ...": nothing said yet
OBJECT_CONTROL = word_set("object-control-verbs")  # "asked the court to dismiss": the court would
OF_CONTENT_VERBS = word_set("of-content-verbs")  # "accused Rome of meddling": the "of" phrase is the content
# entities that never speak or hold a role: places, dates, events (a known actor such as "the Pentagon" does)
PLACE_ENTITIES = frozenset({"FAC", "LOC", "DATE", "TIME", "EVENT"})
# "the force" -> the words its name usually holds ("police", "constabulary")
ORG_NOUN_NAMES = {noun: tuple(sorted(cell_values(words))) for _where, (noun, words, _note)
                  in rows(packaged("attribution", "organisation_nouns.tsv"), 3, note_optional=True)}


@cache
def cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for _where, cells in rows(packaged("attribution", "cues.tsv"), 3):
        out.setdefault(cells[0], set()).update(w.strip() for w in cells[1].split("|") if w.strip())
    return {k: frozenset(v) for k, v in out.items()}


@cache
def role_key(word: str) -> str | None:
    """The role group of a word ("spokesman" -> spokesperson), allowing a typo in a long word ("Ambassodar")."""
    word = word.lower().rstrip(".")
    if word in ROLE_KEYS:
        return ROLE_KEYS[word]
    if len(word) >= 7 and word.isalpha() and not word.endswith("ly") and word not in INSTITUTION_NOUNS:
        import difflib

        close = difflib.get_close_matches(word, [w for w in ROLE_KEYS if len(w) >= 7], n=1, cutoff=0.8)
        return ROLE_KEYS[close[0]] if close else None
    return None
