"""Step 2 of reading a sentence: group the matched units into mentions (segments).

Adjacent units, with modifiers between them (``the``, ``'s``, ``senior``, ``former``) and ``of`` / ``for`` after a
role (``the foreign minister of Iran``), make one mention; commas and ``and`` separate mentions. Each segment
also records what its surroundings say: ``former``, definite, a place after a locative preposition (``in Kyiv``),
a possessor or possessive pronoun, ``ethnic``.
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.actors.dictionary import (
    ADJECTIVE, CAPITAL, COUNTRY, INSTITUTION, ORGANIZATIONS, PERSON, REGION, SECTOR,
)
from thucydides.actors.records import ANCHORS, NAME, PLACE_LIKE, SURNAME, _Segment, _Unit
from thucydides.tables import word_set
from thucydides.types import Token

# Words that may sit inside a mention without being part of any dictionary phrase.
MODIFIERS = frozenset("""
the a an 's ' senior top former acting then interim local regional provincial state federal
national new outgoing incoming ex ex- so-called self-proclaimed unnamed anonymous unidentified high-ranking high
ranking several some many other two three four five dozens hundreds thousands - chief own newly elected designate
caretaker de facto special central northern southern eastern western ruling internationally
""".split())
# "Russian-backed separatists": the adjective says who backs them, not where they are from
BACKED = frozenset({"backed", "allied", "aligned", "sponsored", "supported", "funded", "armed", "installed",
                    "occupied", "held", "controlled", "run", "administered", "annexed", "made", "based", "linked",
                    "affiliated", "inspired", "ruled", "dominated"})
POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their"})
DETERMINERS = frozenset({"this", "that", "these", "those"})  # before a mention, never inside one
FORMER = frozenset({"former", "ex", "ex-", "then"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
INDEFINITE = frozenset({"a", "an", "another"})
LINKS = frozenset({"of", "for"})  # "the foreign minister of Iran", "the spokesman for the ministry"
# A country or capital right after one of these is a place, not an actor ("fighting in Ukraine").
LOCATIVES = frozenset("""
in at near outside around across inside throughout into via through toward towards within beyond
""".split())
# After "to", "for" or "from" governed by one of these verbs, a place name is a destination or origin.
MOTION = frozenset("""
go come return travel fly head arrive leave flee move walk drive sail evacuate relocate deport escape retreat
storm launch fire cross infiltrate push advance withdraw pull smuggle visit trip journey flight route road
""".split())
# "areas of Khartoum", "the outskirts of Kyiv": the place, not its government.
PLACE_NOUNS = frozenset("""
area areas outskirts centre center city streets street suburb suburbs part parts north south east west heart
district districts neighbourhood neighborhood region province outskirt skies airport port
""".split())
LEAVE = frozenset({"leave", "enter", "reach", "flee", "tour", "storm"})
_PORTFOLIOS = word_set("portfolio-words")  # "Iraqi Oil Minister X": the field sits inside the mention
_ENVOYS = word_set("envoy-nouns")  # "ambassador to X": X is where the envoy is sent, not whose he is


class Grouping:
    """Segments from units (part of :class:`Resolver`)."""

    def _group(self, tokens: Sequence[Token], units: list[_Unit]) -> list[_Segment]:
        segments: list[_Segment] = []
        starts = {u.i: u for u in units}
        current: list[_Unit] = []
        possessor: int | None = None
        k, n = 0, len(tokens)

        def close() -> None:
            nonlocal current, possessor
            if current and possessor is not None and possessor + 1 < len(current) \
                    and current[possessor].kind in (PERSON, SURNAME, NAME):
                # "Kadhafi's forces": the person, then the forces as theirs
                owner, owned = current[:possessor + 1], current[possessor + 1:]
                segments.append(self._segment(tokens, owner, None))
                segment = self._segment(tokens, owned, None)
                segment.pronoun = "'s"
                segments.append(segment)
            elif current:
                segments.append(self._segment(tokens, current, possessor))
            current, possessor = [], None

        while k < n:
            unit = starts.get(k)
            if unit is not None:
                if current and self._splits(current[-1], unit, tokens):
                    close()
                current.append(unit)
                k = unit.j
                continue
            word = tokens[k].text.lower().replace("’", "'")
            if current and word in ("'s", "'") and possessor is None:
                possessor = len(current) - 1
                k += 1
                continue
            spaced_dash = word in ("-", "–", "—") and k > 0 and tokens[k - 1].end < tokens[k].start
            if current and word == "in" and current[-1].kind == SECTOR \
                    and any(u.kind == SECTOR and u.entry.code not in ("MIL", "") for u in current) \
                    and not any(u.kind == SECTOR and u.entry.code == "MIL" for u in current) \
                    and not any(u.kind in ANCHORS or u.kind in ORGANIZATIONS for u in current) \
                    and self._place_ahead(k + 1, starts, tokens):
                k += 1  # "the government in Kyiv", "the authorities in Bamako", "rebels in the Ivory Coast"
                continue
            host = (starts.get(k + 2) if k + 1 < n and tokens[k + 1].text.lower() == "the" else starts.get(k + 1)) \
                if current and word == "to" and current[-1].kind == SECTOR and current[-1].key in _ENVOYS else None
            named = starts.get(host.j) if host is not None else None
            if host is not None and host.kind in {COUNTRY, CAPITAL} | ORGANIZATIONS and named is not None and \
                    named.kind in (PERSON, SURNAME, NAME):
                # "US Ambassador to Russia Jon Huntsman": the country an envoy is sent to hosts him, and the name
                # after it is the envoy's, not a Russian's (without a name "to Russia" stays a mention of its own)
                k = host.j
                continue
            if current and not spaced_dash and _glue(tokens[k], word, portfolio=current[-1].kind in ANCHORS) and \
                    self._unit_ahead(k, starts, tokens):
                k += 1
                continue
            if current and word in LINKS and current[-1].kind == SECTOR and self._unit_ahead(k + 1, starts, tokens):
                k += 1
                continue
            ahead = starts.get(k + 1) or (starts.get(k + 2) if k + 1 < n and tokens[k + 1].text.lower() == "the"
                                          else None)
            if current and word == "from" and current[-1].kind == SECTOR and tokens[k].head == current[-1].j - 1 \
                    and ahead is not None and not (ahead.j < n and tokens[ahead.j].pos == "PROPN"
                                                   and tokens[ahead.j].text[:1].isupper()) \
                    and not any(t.head == current[-1].j - 1 and t.dep == "poss" for t in tokens[:current[-1].j]):
                # "dissidents from Myanmar", "ministers from the Georgian government" (not "withdrew troops from
                # Lebanon", where "from" hangs on the verb, nor "officials from the Texas Department of ...", a name,
                # nor "withdrew its ambassador from Niger": a role its possessor owns comes from no other country)
                k += 1
                continue
            close()
            k += 1
        close()
        return segments

    @staticmethod
    def _place_ahead(k: int, starts: dict[int, _Unit], tokens: Sequence[Token]) -> bool:
        if k < len(tokens) and tokens[k].text.lower() == "the":
            k += 1
        return k in starts and starts[k].kind in (CAPITAL, COUNTRY)

    @staticmethod
    def _unit_ahead(k: int, starts: dict[int, _Unit], tokens: Sequence[Token]) -> bool:
        """A unit starts at ``k`` or after modifiers from ``k`` on (so a segment never ends in a modifier)."""
        while k < len(tokens):
            if k in starts:
                return True
            if not _glue(tokens[k], tokens[k].text.lower().replace("’", "'")):
                return False
            k += 1
        return False

    @staticmethod
    def _splits(previous: _Unit, unit: _Unit, tokens: Sequence[Token]) -> bool:
        """Adjacent units that name two actors: "Russia Ukraine", "Putin Xi", "Kremlin Washington"."""
        if previous.j != unit.i:
            return unit.kind in (PERSON, SURNAME, NAME) and previous.kind in (PERSON, SURNAME, NAME)
        if previous.kind in PLACE_LIKE and unit.kind in PLACE_LIKE | {REGION}:
            return True
        if previous.kind in (PERSON, SURNAME, NAME) and unit.kind != SECTOR:
            return True
        return previous.kind == SECTOR and unit.kind == SECTOR and previous.entry.role == "strong" and \
            unit.entry.role == "strong" and tokens[unit.i].text[:1].isupper() != tokens[previous.i].text[:1].isupper()

    @staticmethod
    def _segment(tokens: Sequence[Token], units: list[_Unit], possessor: int | None) -> _Segment:
        i, j = units[0].i, units[-1].j
        former = definite = False
        k = i - 1
        while k >= 0:
            word = tokens[k].text.lower()
            if word in ("pro", "anti"):
                break
            if _glue(tokens[k], word) or word in DETERMINERS:
                former = former or word in FORMER
                definite = definite or word in DEFINITE or word in DETERMINERS
                k -= 1
                continue
            break
        inside = {t.text.lower() for t in tokens[i:j]}
        former = former or bool(inside & {"former", "ex", "ex-"})
        if k >= 0 and tokens[k].text.lower() in ("pro", "anti") and units[0].kind in (ADJECTIVE, COUNTRY):
            units = units[1:] or units  # "pro-Russian separatists": Russian is not their country
        units = [u for u in units if not _backed(tokens, u)] or units
        i = units[0].i
        pronoun = tokens[k].text.lower() if k >= 0 and tokens[k].text.lower() in POSSESSIVE_PRONOUNS else None
        ethnic = any(u.kind == ADJECTIVE and u.i > 0 and tokens[u.i - 1].text.lower() == "ethnic" for u in units)
        indefinite = any(t.dep == "det" and t.head == j - 1 and t.text.lower() in INDEFINITE
                         for t in tokens[max(0, i - 4):i])
        return _Segment(units, i, j, former=former, definite=definite, indefinite=indefinite,
                        place=_is_place(tokens, k, units[0]), possessor=possessor, pronoun=pronoun, ethnic=ethnic)


def _backed(tokens: Sequence[Token], unit: _Unit) -> bool:
    """ "Russian-backed", "US-led": the place names the backer, not the actor."""
    return unit.kind in {ADJECTIVE, COUNTRY, CAPITAL, SECTOR} | ORGANIZATIONS and unit.j + 1 < len(tokens) \
        and tokens[unit.j].text == "-" and tokens[unit.j + 1].text.lower() in BACKED


# dependencies of a past participle that heads a clause ("the RSF traded artillery fire", tagged VBN): no modifier
_CLAUSE_HEADS = frozenset({"ROOT", "advcl", "relcl", "ccomp", "xcomp", "conj", "acl", "pcomp", "csubj"})


def _glue(token: Token, word: str, portfolio: bool = True) -> bool:
    """A word that may sit inside a mention; a minister's field ("Oil" in "Iraqi Oil Minister") only after a country
    or a place (not "told Reuters Finance Secretary X")."""
    return word in MODIFIERS or (portfolio and word in _PORTFOLIOS) or token.pos in ("NUM", "ADJ") or (
        token.tag == "VBN" and token.dep not in _CLAUSE_HEADS)


def _is_place(tokens: Sequence[Token], k: int, first: _Unit) -> bool:
    """Is the mention starting with ``first`` a place? ``k`` is the token before it and its modifiers."""
    if first.kind not in (COUNTRY, CAPITAL, INSTITUTION, REGION):
        return False
    last = tokens[first.j - 1]
    nxt = tokens[first.j] if first.j < len(tokens) else None
    if nxt is not None and nxt.text.lower() == "time":
        return True  # "11 p.m. London time"
    if last.dep in ("dobj", "obj") and tokens[last.head].lemma.lower() in LEAVE:
        return True
    if k < 0:
        return False
    word = tokens[k].text.lower()
    if word in LOCATIVES:
        return True
    if word == "," and k >= 2 and tokens[k - 1].pos == "PROPN" and (nxt is None or nxt.pos in ("PUNCT", "ADP")):
        # "in Anchorage, Alaska, and", "in Lviv, Ukraine." (not "in Tehran, Iran's Revolutionary Guards said")
        j = k - 1
        while j > 0 and tokens[j - 1].pos == "PROPN":
            j -= 1
        if j > 0 and tokens[j - 1].text.lower() in LOCATIVES:
            return True
    governor = tokens[tokens[k].head]
    if word in ("to", "for", "from") and governor.lemma.lower() in MOTION:
        return True
    return word == "of" and governor.lemma.lower() in PLACE_NOUNS
