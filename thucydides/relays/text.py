"""What the relay stage reads of an article: its text, sentence spans, dateline and outlet, as word tokens.

A :class:`Text` is built from a stored article's record (:func:`from_record`) or directly (tests), so the
stage runs on the store's records without the language model: the sentence spans come from the pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from thucydides.errors import DictionaryError
from thucydides.tables import packaged, rows

# A word (letters, digits, inner apostrophes, hyphens and points: "self-styled", "U.S.", "Kurti's") or one
# character of punctuation.
_TOKEN = re.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    norm: str  # lower case, with curly quotes and dashes folded

    @property
    def is_word(self) -> bool:
        return self.norm[0].isalnum()


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """What the relay stage reads of a coded event: where its trigger is, its code, how the text presents it and
    whose claim it is."""
    id: str
    cameo: str
    trigger: int  # offset of the trigger in the article's text
    polarity: str
    certainty: str
    chain: tuple[str, ...] = ()  # the attribution chain's names, publisher first


@dataclass(frozen=True)
class Text:
    id: str
    outlet: str | None
    published: date | None
    text: str
    sentences: tuple[Span, ...]
    dateline: Span | None = None  # the dateline at the head of the text ("MOSCOW, March 11 (RIA Novosti) -")
    agency: str | None = None  # the agency the dateline credits, if any ("(Meridian Wire)")
    events: tuple[Event, ...] = ()

    def tokens(self, span: Span) -> list[Token]:
        return tokenize(self.text, span.start, span.end)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Token(start + m.start(), start + m.end(), m.group().translate(_FOLD).lower())
            for m in _TOKEN.finditer(text[start:end])]


def from_record(record: dict[str, Any]) -> Text:
    """A :class:`Text` from an article's JSON record (the contract record the store keeps)."""
    text = record.get("text") or ""
    sentences = tuple(Span(s["start"], s["end"]) for s in record.get("sentences") or ())
    dateline = record.get("dateline") or None
    published = record.get("published")
    day = None
    if published and len(published) >= 10 and record.get("published_precision") not in ("month", "year"):
        try:
            day = date.fromisoformat(published[:10])
        except ValueError:
            day = None
    events = tuple(
        Event(id=e["id"], cameo=e.get("cameo") or "", trigger=(e.get("trigger") or {}).get("start", -1),
              polarity=(e.get("modality") or {}).get("polarity") or "positive",
              certainty=(e.get("modality") or {}).get("certainty") or "certain",
              chain=tuple(h.get("name") or "" for h in ((e.get("attribution") or {}).get("chain") or ())))
        for e in record.get("events") or () if e.get("id"))
    return Text(id=record["id"], outlet=record.get("outlet"), published=day, text=text,
                sentences=sentences or (Span(0, len(text)),),
                dateline=Span(dateline["start"], dateline["end"]) if dateline else None,
                agency=(dateline or {}).get("agency"), events=events)


@cache
def word_lists() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The lists of ``data/relays/lists.tsv`` by name, each entry as its tuple of lower-case words."""
    found: dict[str, tuple[tuple[str, ...], ...]] = {}
    for where, (name, words, _note) in rows(packaged("relays", "lists.tsv"), 3, note_optional=True):
        if name in found:
            raise DictionaryError(f"list {name!r} is defined twice", source=where)
        found[name] = tuple(tuple(tokenize_words(w)) for w in words.split("|") if w.strip())
    return found


def tokenize_words(phrase: str) -> list[str]:
    return [t.norm for t in tokenize(phrase)]


@cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of one list of ``data/relays/lists.tsv``, longest first."""
    try:
        return tuple(sorted(word_lists()[name], key=len, reverse=True))
    except KeyError:
        raise DictionaryError(f"no list named {name!r}", source="relays/lists.tsv") from None


@cache
def words(name: str) -> frozenset[str]:
    """The one-word entries of a list of ``data/relays/lists.tsv``."""
    return frozenset(p[0] for p in phrases(name) if len(p) == 1)


def find_phrase(norms: list[str], phrase: tuple[str, ...], start: int = 0) -> int:
    """The index where ``phrase`` occurs in ``norms`` from ``start``, or -1."""
    n = len(phrase)
    for i in range(start, len(norms) - n + 1):
        if tuple(norms[i:i + n]) == phrase:
            return i
    return -1
