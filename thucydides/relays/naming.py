"""Credits: where an article names another outlet's report as its source ("the British newspaper Northbridge
Monitor reported on Tuesday", "according to Reuters", "the ministry said in a statement").

A credit is a cue of ``data/relays/lists.tsv`` (``credit-before``: the outlet follows; ``credit-after``: it
comes just before) with a name beside it. The name is an outlet when an outlet noun stands with it ("the
newspaper X", "X news agency") or it is a known outlet (``data/agencies.tsv`` and the outlets the caller
knows, e.g. the store's); it is a body ("the Norwegian Defence Ministry") when it ends in an institution noun
and the cue is a statement's ("said in a statement"). "The newspaper" alone refers to the last outlet credited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from thucydides.relays.text import Text, Token, find_phrase, phrases, words
from thucydides.tables import packaged, rows

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CONNECTORS = frozenset({"of", "and", "&", "de", "la", "al", "el", "for"})
_REPORTING = frozenset({"reported", "reports", "wrote", "writes"})
_STOP = frozenset({"the", "a", "an", "of", "and", "&", "'s", "news"})


@dataclass(frozen=True)
class Credit:
    outlet: str  # the name as the text gives it ("Northbridge Monitor"); an anaphor ("the newspaper") if none
    start: int  # the credit's characters: the name and the cue
    end: int
    cue: str
    kind: str  # "outlet" (a newspaper, agency, broadcaster ...) or "body" (a ministry's statement ...)
    day: date | None = None  # the day of the original report, where the text gives it ("reported on Tuesday")


@cache
def known_outlets() -> frozenset[str]:
    """The outlets of the actor dictionary (``data/actors/media.tsv``: names and variants) and of
    ``data/agencies.tsv``, as full keys."""
    names: set[str] = set()
    for _where, (form, canonical, _country) in rows(packaged("agencies.tsv"), 3):
        names.update((full_key(form), full_key(canonical)))
    for _where, (_id, name, variants, _country, _note) in rows(packaged("actors", "media.tsv"), 5, note_optional=True):
        names.update(full_key(n) for n in [name, *variants.split("|")] if n.strip())
    return frozenset(names)


@cache
def places() -> frozenset[str]:
    """Country names and capitals (``data/actors/countries.tsv``), lower case."""
    found: set[str] = set()
    for _where, cells in rows(packaged("actors", "countries.tsv"), 7, note_optional=True):
        found.update(n.strip().lower() for n in [cells[1], *cells[2].split("|"), *cells[4].split("|")] if n.strip())
    return frozenset(found)


@cache
def demonyms() -> frozenset[str]:
    """Nationality adjectives (``data/actors/countries.tsv``), lower case: "a Ukrainian agency" names none."""
    found: set[str] = set()
    for _where, cells in rows(packaged("actors", "countries.tsv"), 7, note_optional=True):
        found.update(a.strip().lower() for a in cells[3].split("|") if a.strip())
    return frozenset(found)


def full_key(name: str) -> str:
    """:func:`key` keeping outlet nouns: "Army Radio" is not "the Army"."""
    parts = re.findall(r"\w+", name.lower().replace("’", "'").replace("'s", ""))
    return " ".join(sorted(p for p in parts if p not in _STOP))


def key(name: str) -> str:
    """A name reduced for comparison: lower case, no articles, no "news" nor outlet nouns, words sorted
    ("Norwegian Ministry of Defence" and "the Norwegian Defence Ministry" give the same key)."""
    parts = [p for p in re.findall(r"\w+", name.lower().replace("’", "'").replace("'s", "")) if p not in _STOP]
    named = [p for p in parts if p not in words("outlet-nouns")]  # "the Meridian Wire news agency"
    return " ".join(sorted(named or parts))


def credits(text: Text, *, outlets: frozenset[str] = frozenset()) -> list[Credit]:
    """Every credit in ``text`` to an outlet or body other than its own, in text order. ``outlets``: more known
    outlet names (as :func:`full_key` gives them), such as the store's."""
    return list(_credits(text, outlets))


@lru_cache(maxsize=2048)  # a store update asks for the same article's credits once per candidate pair
def _credits(text: Text, outlets: frozenset[str]) -> tuple[Credit, ...]:
    known = known_outlets() | outlets
    own = {key(n) for n in (text.outlet, text.agency) if n}
    found: list[Credit] = []
    firsts = {cue[0] for side in ("credit-before", "credit-after") for cue in phrases(side)}
    for sentence in text.sentences:
        tokens = text.tokens(sentence)
        norms = [t.norm for t in tokens]
        present = set(norms)
        if not present & firsts:
            continue
        for side in ("credit-before", "credit-after"):
            for cue in phrases(side):
                if cue[0] not in present:
                    continue
                at = find_phrase(norms, cue)
                while at >= 0:
                    credit = _read(text, tokens, at, len(cue), side == "credit-before", known)
                    if credit is not None and key(credit.outlet) not in own:
                        found.append(credit)
                    at = find_phrase(norms, cue, at + 1)
    found.sort(key=lambda c: c.start)
    unique = [c for i, c in enumerate(found) if not any(o.start <= c.start < o.end for o in found[:i])]
    return tuple(_resolve_anaphors(unique, text.published))


def _read(text: Text, tokens: list[Token], at: int, length: int, after: bool,
          known: frozenset[str]) -> Credit | None:
    """The credit whose cue is ``tokens[at:at+length]``: the name after it (``after``) or before it."""
    cue_tokens = tokens[at:at + length]
    cue = " ".join(t.norm for t in cue_tokens)
    if after:
        phrase = _phrase(text, tokens, at + length, +1)
    else:
        phrase = _phrase(text, tokens, at - 1, -1)
    if not phrase:
        return None
    first = tokens.index(phrase[0])
    opened = first == 0 or tokens[first - 1].norm in ("the", "a", "an")
    name_tokens, noun, outlet = _name(text, phrase, opened)
    statement = any(w in words("statement-nouns") for w in cue.split()) or noun in words("statement-nouns")
    if name_tokens:
        name = " ".join(text.text[name_tokens[0].start:name_tokens[-1].end].split())
        if outlet or (full_key(name) in known and not _surname(text.text, name_tokens, known)):
            kind = "outlet"
        elif (name_tokens[-1].norm in words("institution-nouns") or noun) and statement:
            kind = "body"
        elif not after and _definite(tokens, phrase[0]) and cue in _REPORTING \
                and _extension(tokens, at + length) > cue_tokens[-1].end:
            kind = "outlet"  # "the Daily Ledger reported, citing officials": an outlet, though not one we know
        else:
            return None
    elif noun in words("outlet-nouns") | words("statement-nouns") | words("institution-nouns"):
        name, kind = "the " + noun, "anaphor"  # resolved to the last credit by name, or dropped
    else:
        return None
    span = sorted([phrase[0], phrase[-1], cue_tokens[0], cue_tokens[-1]], key=lambda t: t.start)
    end = _extension(tokens, at + length) if not after else span[-1].end
    return Credit(outlet=name, start=span[0].start, end=max(end, span[-1].end), cue=cue, kind=kind,
                  day=_day(tokens, at + length, text.published))


def _phrase(text: Text, tokens: list[Token], i: int, step: int) -> list[Token]:
    """The noun phrase next to a cue, read away from it: capitalised words, outlet and institution nouns,
    connectors and a leading "the"; in text order."""
    nouns = words("outlet-nouns") | words("institution-nouns") | words("statement-nouns") | {"news", "'s"}
    taken: list[Token] = []
    while 0 <= i < len(tokens):
        token = tokens[i]
        raw = text.text[token.start:token.end]
        if token.norm in ("the", "a", "an"):  # an article opens the phrase: skipped before it, ends it after
            if step < 0 or taken:
                break
        elif raw[:1].isupper() or token.norm in nouns or (token.norm in _CONNECTORS and taken):
            taken.append(token)
        else:
            break
        i += step
    if step < 0:
        taken.reverse()
    while taken and taken[0].norm in _CONNECTORS:
        taken.pop(0)
    while taken and taken[-1].norm in _CONNECTORS:
        taken.pop()
    return taken


def _name(text: Text, phrase: list[Token], opened: bool) -> tuple[list[Token], str, bool]:
    """The proper name of a phrase, the outlet or institution noun in it ("" if none), and whether that noun
    makes it an outlet. "the British newspaper Northbridge Monitor": the name follows the noun; "the Meridian
    Wire news agency": it precedes it; "the Norwegian Defence Ministry": the noun is the name's last word.
    ``opened``: an article or the sentence's start comes just before the phrase. A bare "agency" is a news
    agency only after "news" or "press", a name or nationality, or an article ("the statistics agency Eurostat"
    is a body)."""
    outlet_nouns = words("outlet-nouns") | words("statement-nouns")
    for i, token in enumerate(phrase):
        if token.norm in outlet_nouns and not text.text[token.start].isupper():
            before = [t for t in phrase[:i] if t.norm != "news"]
            after = phrase[i + 1:]
            outlet = token.norm in words("outlet-nouns")
            if token.norm == "agency" and not (opened if i == 0 else (
                    phrase[i - 1].norm in ("news", "press") or text.text[phrase[i - 1].start].isupper())):
                outlet = False
            if token.norm == "agency" and any(t.norm in words("institution-nouns") for t in phrase[:i]):
                outlet = False  # "the Department of Energy agency": a body's agency
            return _proper(text, after or before), token.norm, outlet
    proper = _proper(text, phrase)
    last = phrase[-1].norm
    return proper, (last if last in words("institution-nouns") else ""), False


def _proper(text: Text, tokens: list[Token]) -> list[Token]:
    # a capitalised descriptor ("Baku-based", "London-headquartered") is no part of the name
    proper = [t for t in tokens if (text.text[t.start].isupper() and not _descriptor(text.text[t.start:t.end]))
              or t.norm in _CONNECTORS]
    while proper and proper[0].norm in ("of", "and", "&", "for", "the"):  # "El Universal" keeps its "El"
        proper.pop(0)
    while proper and proper[-1].norm in _CONNECTORS:
        proper.pop()
    if proper and proper[0].norm.endswith("'s") and (len(proper) == 1 or proper[0].norm[:-2] in places()):
        proper.pop(0)  # "Pakistan's Dawn", "Tehran's IRNA": the place is no part of the name ("Ward's Reports")
    if all(t.norm in demonyms() for t in proper):  # "the Ukrainian agency": a nationality, not a name
        return []
    return proper


def _surname(text: str, name_tokens: list[Token], known: frozenset[str]) -> bool:
    """A one-word outlet name that the text also gives after a first name ("Vicente Fox ... Fox said") is a
    person's surname; not when the longer name is itself an outlet ("New York Times ... the Times said")."""
    if len(name_tokens) != 1:
        return False
    word = text[name_tokens[0].start:name_tokens[0].end]
    for m in re.finditer(rf"\b((?:[A-Z][a-z]+ )+){re.escape(word)}\b", text):
        before = m.group(1).split()
        if before[-1] not in ("The", "the") and full_key(m.group(0)) not in known:
            return True
    return False


def _definite(tokens: list[Token], first: Token) -> bool:
    at = tokens.index(first)
    return at > 0 and tokens[at - 1].norm == "the"


def _extension(tokens: list[Token], i: int) -> int:
    """Where a credit ends: after "on Tuesday" and the original's own sources (", citing three officials"),
    to the end of that clause."""
    end = tokens[i - 1].end
    if i + 1 < len(tokens) and tokens[i].norm == "on" and tokens[i + 1].norm in _WEEKDAYS:
        end, i = tokens[i + 1].end, i + 2
    if i < len(tokens) and tokens[i].norm == ",":
        i += 1
    norms = [t.norm for t in tokens]
    if any(find_phrase(norms[i:], p) == 0 for p in phrases("credit-extensions")):
        while i < len(tokens) and tokens[i].norm not in (",", ";", ":") and not (
                tokens[i].norm == "." and i == len(tokens) - 1):
            end, i = tokens[i].end, i + 1
    return end


def _descriptor(raw: str) -> bool:
    return "-" in raw and raw.rsplit("-", 1)[1].islower()


def _day(tokens: list[Token], i: int, published: date | None) -> date | None:
    """"reported on Tuesday": the last Tuesday on or before the relay's own day."""
    if published is None or i + 1 >= len(tokens) or tokens[i].norm != "on" or tokens[i + 1].norm not in _WEEKDAYS:
        return None
    back = (published.weekday() - _WEEKDAYS.index(tokens[i + 1].norm)) % 7
    return published - timedelta(days=back)


def _resolve_anaphors(found: list[Credit], published: date | None) -> list[Credit]:
    """"the newspaper", "the agency", "the statement" take the outlet or body last credited by name; one with
    none before it is dropped."""
    resolved: list[Credit] = []
    last: Credit | None = None
    for credit in found:
        if credit.kind != "anaphor":
            last = credit
        elif last is None:
            continue
        else:
            credit = Credit(outlet=last.outlet, start=credit.start, end=credit.end, cue=credit.cue, kind=last.kind,
                            day=credit.day or last.day)
        resolved.append(credit)
    return resolved
