"""Resolve actor mentions in parsed sentences to dated CAMEO-style codes.

How a sentence is read:

1. **Match.** Every dictionary phrase is found by longest match over the tokens (``"Russian Foreign Minister
   Sergey Lavrov"`` -> adjective *Russian*, sector phrase *foreign minister*, person *Sergey Lavrov*). A surname
   alone matches a known person only when it is not part of a longer, different name. Names the parser tags as
   PERSON but no dictionary knows become *name* units.
2. **Group.** Adjacent units, with modifiers between them (``the``, ``'s``, ``senior``, ``former``) and ``of`` /
   ``for`` after a role (``the foreign minister of Iran``), make one mention. Commas and ``and`` separate mentions
   and mark lists.
3. **Compose.** A known person takes their role on the article's date; an organisation its code; a country or
   capital plus the strongest role phrase gives country + sector (``Kenyan police`` -> KENCOP); a capital alone is
   its government (metonymy) unless a locative preposition makes it a place (``in Kyiv``).
4. **Context.** A role phrase with no country (``the ministry``, ``the regional governor``) refers back to the
   last mention with the same head, else takes the dateline's country; a surname refers back to the person
   named in full; ``the newspaper`` to the last outlet named; in ``US and Ukrainian officials`` the head noun is
   shared.

Every mention records its ``rule`` and ``evidence`` (the dictionary line that decided it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from thucydides.actors.dictionary import (
    ADJECTIVE, CAPITAL, COUNTRY, GROUP, IGO, INSTITUTION, MEDIA, NGO, ORGANIZATIONS, PERSON, REGION,
    REGION_ADJECTIVE, SECTOR, UPPER, CAPITALISED, ActorDictionary, Entry, Person, default_dictionary, phrase_key,
)
from thucydides.structure.resources import agencies, gazetteer
from thucydides.types import Actor, ActorMention, Article, Sentence, Token

NAME, SURNAME = "name", "surname"
# sector words that are abbreviated titles only in upper case ("Libyan PM", not "5 pm")
FOCUS_WINDOW = 6  # actors named that decide which country a bare "the government" belongs to (_Context.focus)
_ABBREVIATED_TITLES = frozenset({"pm", "fm"})
# heads naming others by their relation to the possessor: "Kyiv's allies" are not Kyiv
RELATIONAL = frozenset({"allies", "ally", "partners", "partner", "neighbours", "neighbors", "neighbour", "neighbor",
                         "enemies", "enemy", "rivals", "rival", "adversaries", "adversary", "foes", "foe", "backers",
                         "backer", "sponsors", "sponsor"})
ANCHORS = frozenset({COUNTRY, CAPITAL, ADJECTIVE, REGION, REGION_ADJECTIVE})
PLACE_LIKE = frozenset({COUNTRY, CAPITAL})

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
COUNTRY_HEADS = frozenset({"country", "kingdom", "republic", "nation", "emirate"})
DETERMINERS = frozenset({"this", "that", "these", "those"})  # before a mention, never inside one
FORMER = frozenset({"former", "ex", "ex-", "then"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
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
LIST_GAP = frozenset({",", "and", "or", "as", "well", "&", "plus", "both", "along", "with", "together"})
PRINT_HEADS = frozenset({"newspaper", "paper", "daily", "publication"})
ORG_HEADS = frozenset({"group", "movement", "organization", "organisation", "alliance", "bloc"})
MEDIA_HEADS = frozenset({"newspaper", "paper", "agency", "news agency", "outlet", "publication", "daily",
                         "broadcaster", "media", "network", "channel"})


@dataclass(slots=True)
class _Unit:
    i: int  # token range within the sentence, end exclusive
    j: int
    kind: str
    entries: list[Entry]
    key: str

    @property
    def entry(self) -> Entry:
        return self.entries[0]


@dataclass(slots=True)
class _Segment:
    units: list[_Unit]
    i: int
    j: int
    former: bool = False
    definite: bool = False
    place: bool = False  # starts right after a locative preposition
    possessor: int | None = None  # index of the unit followed by 's
    pronoun: str | None = None  # "its troops", "his office"; "'s" for "Kadhafi's forces" split off its owner
    ethnic: bool = False  # "ethnic Albanians": the demonym after "ethnic" names a people, not their country


@dataclass(slots=True)
class _Resolved:
    segment: _Segment
    actor: Actor
    rule: str
    evidence: str
    head: str | None = None
    list_id: int | None = None
    distributable: bool = False  # a country alone that may share the next mention's head noun
    contextual: bool = False  # a role phrase whose country came from the context, not the mention
    modifier: bool = False  # an adjective modifying a non-actor noun: dropped unless a list gives it a head


@dataclass
class _Context:
    on: date
    country: str | None
    people_seen: set[str] = field(default_factory=set)
    by_head: dict[str, tuple[Actor, str]] = field(default_factory=dict)
    by_sector: dict[str, tuple[Actor, str]] = field(default_factory=dict)
    by_surname: dict[str, tuple[Actor, str]] = field(default_factory=dict)
    last_country: str | None = None
    named: list[tuple[str, int]] = field(default_factory=list)  # (country, weight) of the actors named, in order
    recent: list[tuple[Actor, str]] = field(default_factory=list)

    def focus(self) -> str | None:
        """The country the last few sentences are about, for a bare "the government", "the army", "officials":
        among the last ``FOCUS_WINDOW`` actors named, the country named most, a subject counting twice and the
        last one named once more (the most recent on a tie). Not simply the last one named: in "Warsaw has
        expelled Russian diplomats, and Moscow answered in kind. Officials said the government may close a
        consulate", the story is Poland's."""
        weights: dict[str, int] = {}
        for country, weight in self.named[-FOCUS_WINDOW:]:
            weights[country] = weights.get(country, 0) + weight
            weights[country] = weights.pop(country)  # moved last: the most recent wins a tie
        if weights:
            weights[self.named[-1][0]] += 1
        return max(reversed(weights), key=weights.__getitem__) if weights else None
    lists: int = 0


def article_date(article: Article, today: date | None = None) -> date:
    """The date roles are checked against: the article's publication date (a partial date takes its middle)."""
    value = article.published or ""
    try:
        if len(value) >= 10:
            return date.fromisoformat(value[:10])
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 15)
        if len(value) == 4:
            return date(int(value), 7, 1)
    except ValueError:
        pass
    return today or date.today()


class Resolver:
    """Holds the loaded dictionaries; call :meth:`article` for a parsed article."""

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self.d = dictionary or default_dictionary()

    # -- public ---------------------------------------------------------------------------------------
    def article(self, article: Article, *, today: date | None = None) -> tuple[ActorMention, ...]:
        country = article.dateline.country if article.dateline else None
        context = _Context(on=article_date(article, today), country=country)
        out: list[ActorMention] = []
        for sentence in article.sentences:
            out.extend(self.sentence(sentence, article.text, context))
        return tuple(out)

    def sentences(self, sentences: Sequence[Sentence], text: str, *, on: date,
                  country: str | None = None) -> tuple[ActorMention, ...]:
        context = _Context(on=on, country=country)
        return tuple(m for s in sentences for m in self.sentence(s, text, context))

    def sentence(self, sentence: Sentence, text: str, context: _Context) -> list[ActorMention]:
        tokens = sentence.tokens
        if not tokens:
            return []
        units = self._match(tokens, context)
        segments = self._group(tokens, units)
        resolved: list[_Resolved] = []
        for segment in segments:  # in order: a mention may refer back to one earlier in the same sentence
            found = self._compose(segment, tokens, context)
            if found is not None:
                resolved.append(found)
                self._remember(found, context, tokens)
        self._lists(resolved, tokens, context)
        for changed in self._appositions(resolved, tokens):
            self._remember(changed, context, tokens)
        out = []
        for r in resolved:
            if r.modifier:
                continue
            seg = r.segment
            start, end = tokens[seg.i].start, tokens[seg.j - 1].end
            out.append(ActorMention(text=text[start:end], start=start, end=end, sentence=sentence.index,
                                    token_start=seg.i, token_end=seg.j, actor=r.actor, rule=r.rule,
                                    evidence=r.evidence, list_id=r.list_id, head=r.head))
        return out

    # -- 1. match -------------------------------------------------------------------------------------
    def _match(self, tokens: Sequence[Token], context: _Context) -> list[_Unit]:
        d = self.d
        keys = [phrase_key(t.text) for t in tokens]
        n = len(tokens)
        units: list[_Unit] = []
        k = 0
        while k < n:
            best: _Unit | None = None
            if keys[k] in d.first_words:
                key = ""
                for j in range(k, min(n, k + d.max_words + 2)):
                    if not keys[j]:
                        break
                    key = keys[j] if j == k else key + (" " if tokens[j].start > tokens[j - 1].end else "") + keys[j]
                    found = self._accept(d.lookup(key), tokens, k, j + 1)
                    if found:
                        best = _Unit(k, j + 1, found[0].kind, found, key)
            if best is None and keys[k] in d.surnames and self._surname_ok(tokens, k):
                best = _Unit(k, k + 1, SURNAME, [], keys[k])
            if best is not None:
                units.append(best)
                k = best.j
            else:
                k += 1
        return self._names(tokens, units, context)

    @staticmethod
    def _accept(bucket: list[tuple[Entry, int]], tokens: Sequence[Token], i: int, j: int) -> list[Entry]:
        if not bucket:
            return []
        raw = "".join(t.text for t in tokens[i:j]).replace(".", "")
        capital = tokens[i].text[:1].isupper() or tokens[i].text[:1].isdigit()
        entities: list[Entry] = []
        sectors: list[Entry] = []
        for entry, rule in bucket:
            if rule == UPPER and not (raw.isupper() and raw.replace(" ", "") == raw):
                continue
            if rule == CAPITALISED and not capital and not _lowercase_ok(entry, tokens, i, j):
                continue
            if entry.kind == SECTOR and tokens[i].text.lower().replace(".", "") in _ABBREVIATED_TITLES and (
                    tokens[i].text not in ("PM", "FM") or (i > 0 and tokens[i - 1].text[:1].isdigit())):
                continue  # "PM", "FM" as titles; "at 5 pm", "11 p.m." are times
            (sectors if entry.kind == SECTOR else entities).append(entry)
        if not entities and i > 0 and tokens[i - 1].text == "-" and tokens[i - 1].end == tokens[i].start:
            return []  # the tail of a hyphenated modifier ("multi-party elections", "anti-government") names no actor
        if entities and (capital or not sectors):
            # several meanings: people first, then organisations, then countries (a person named Jordan)
            order = {PERSON: 0, GROUP: 1, INSTITUTION: 1, IGO: 1, NGO: 1, MEDIA: 2, COUNTRY: 3, CAPITAL: 4,
                     ADJECTIVE: 5, REGION: 6, REGION_ADJECTIVE: 7}
            return sorted(entities, key=lambda e: order.get(e.kind, 9))
        return sectors

    @staticmethod
    def _surname_ok(tokens: Sequence[Token], k: int) -> bool:
        token = tokens[k]
        if not (token.text[:1].isupper() or _after_title(tokens, k)) or token.pos not in ("PROPN", "NOUN", "ADJ", "X") \
                or token.ent_type in ("DATE", "TIME", "GPE", "LOC"):
            return False
        if k > 0 and tokens[k - 1].text.lower() in ("in", "from", "near", "to", "at", "outside", "around", "of") \
                and gazetteer().country_of(token.text):
            return False  # "25 km from Goma": a town, not the surname of a former prime minister
        if len(token.text) > 1 and token.text.isupper() and not any(
                tokens[j].text.isupper() for j in (k - 1, k + 1) if 0 <= j < len(tokens) and tokens[j].text.isalpha()):
            return False  # "a BAK missile": an acronym in running text, not the surname Bak
        if token.text.endswith(".") or (k + 1 < len(tokens) and tokens[k + 1].text == "."
                                        and tokens[k + 1].start == token.end and k + 2 < len(tokens)
                                        and (tokens[k + 2].text[:1].isupper() or tokens[k + 2].text[:1].isdigit())):
            # "Sen. Patrick Leahy", "Gen. Smith", "telegram No. 246": an abbreviation, not the surname Sen, Gen or No
            return False
        # part of a longer name the dictionary does not know ("Hunter Biden"): not this person
        if token.ent_iob == "I" and k > 0 and tokens[k - 1].ent_type == token.ent_type == "PERSON":
            return tokens[k - 1].text[:1].islower() or phrase_key(tokens[k - 1].text) in _TITLES
        return not (k + 1 < len(tokens) and tokens[k + 1].ent_iob == "I" and tokens[k + 1].ent_type == "PERSON"
                    and tokens[k + 1].text[:1].isupper())

    @staticmethod
    def _names(tokens: Sequence[Token], units: list[_Unit], context: _Context) -> list[_Unit]:
        covered = {k for u in units for k in range(u.i, u.j)}
        extra: list[_Unit] = []
        k, n = 0, len(tokens)
        while k < n:
            if tokens[k].ent_type == "PERSON" and k not in covered and tokens[k].text[:1].isupper():
                j = k + 1
                while j < n and tokens[j].ent_type == "PERSON" and tokens[j].ent_iob == "I" and j not in covered:
                    j += 1
                while j > k + 1 and tokens[j - 1].text in ("'s", "’s", "'"):
                    j -= 1
                if phrase_key(tokens[k].text) not in _TITLES or j > k + 1:
                    extra.append(_Unit(k, j, NAME, [], " ".join(t.text for t in tokens[k:j])))
                k = j
            elif k not in covered and tokens[k].pos == "PROPN" and phrase_key(tokens[k].text) in context.by_surname:
                extra.append(_Unit(k, k + 1, NAME, [], tokens[k].text))  # a name the article introduced earlier
                k += 1
            else:
                k += 1
        return sorted(units + extra, key=lambda u: u.i)

    # -- 2. group -------------------------------------------------------------------------------------
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
            if current and not spaced_dash and _glue(tokens[k], word) and self._unit_ahead(k, starts, tokens):
                k += 1
                continue
            if current and word in LINKS and current[-1].kind == SECTOR and self._unit_ahead(k + 1, starts, tokens):
                k += 1
                continue
            ahead = starts.get(k + 1) or (starts.get(k + 2) if k + 1 < n and tokens[k + 1].text.lower() == "the"
                                          else None)
            if current and word == "from" and current[-1].kind == SECTOR and tokens[k].head == current[-1].j - 1 \
                    and ahead is not None and not (ahead.j < n and tokens[ahead.j].pos == "PROPN"
                                                   and tokens[ahead.j].text[:1].isupper()):
                # "dissidents from Myanmar", "ministers from the Georgian government" (not "withdrew troops from
                # Lebanon", where "from" hangs on the verb, nor "officials from the Texas Department of ...", a name)
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
        return _Segment(units, i, j, former=former, definite=definite, place=_is_place(tokens, k, units[0]),
                        possessor=possessor, pronoun=pronoun, ethnic=ethnic)

    # -- 3. compose -----------------------------------------------------------------------------------
    def _compose(self, seg: _Segment, tokens: Sequence[Token], ctx: _Context) -> _Resolved | None:
        units = seg.units
        sector, sector_unit, head = self._sector(units)
        names = [u for u in units if u.kind == NAME]
        orgs = [u for u in units if u.kind in ORGANIZATIONS]
        anchors = [u for u in units if u.kind in ANCHORS]
        for unit in units:
            if unit.kind not in (PERSON, SURNAME):
                continue
            person = self._person(unit, ctx)
            if person is None:
                continue
            actor, rule, evidence = self._person_actor(person, seg, ctx, anchors, sector, sector_unit)
            return _Resolved(seg, actor, rule, evidence, head=head)
        if orgs:
            return self._org(seg, orgs[0], sector, sector_unit, names, head, ctx)
        if seg.ethnic:
            # "ethnic Albanians", "ethnic Turks": a minority named by its people, not by the country it lives in;
            # another country in the mention ("ethnic Albanians of Macedonia") or the context gives the country
            anchors = [u for u in anchors if not (u.kind == ADJECTIVE and u.i > 0
                                                  and tokens[u.i - 1].text.lower() == "ethnic")]
            if not anchors:
                return self._ethnic(seg, sector, sector_unit, head, ctx, tokens)
        if units and units[0].kind == SECTOR and units[0].key in RELATIONAL and units[0].j < len(tokens) and \
                tokens[units[0].j].text.lower() == "of":
            return None  # "allies of Russia": not Russia, and not named
        relational = seg.possessor is not None and head in RELATIONAL and units[seg.possessor] in anchors
        if relational:
            # "Kyiv's European allies", "Iran's neighbours": whose allies they are is not who they are
            anchors = [u for u in anchors if u is not units[seg.possessor]]
            if not anchors:
                return None
        if anchors:
            anchor = anchors[0]
            if seg.possessor is not None and units[seg.possessor].kind in ANCHORS and not relational:
                anchor = units[seg.possessor]
            return self._anchored(seg, anchor, sector, sector_unit, names, head, tokens)
        if seg.pronoun and head in RELATIONAL:
            return None  # "Russia and its allies": not Russia
        if seg.pronoun and (sector_unit is not None or names):
            found = self._possessed(seg, sector, sector_unit, head, ctx)
            if found is not None:
                return found
        if sector_unit is not None:
            return self._contextual(seg, sector, sector_unit, names, head, ctx, tokens)
        if names:
            known = ctx.by_surname.get(phrase_key(names[-1].key.split()[-1]))
            if known is not None:
                actor, source = known
                return _Resolved(seg, actor, "coreference", f"same person as {source!r} earlier in the article",
                                 head=head)
        return None

    def _sector(self, units: list[_Unit]) -> tuple[str | None, _Unit | None, str | None]:
        sectors = [u for u in units if u.kind == SECTOR]
        if not sectors:
            return None, None, None
        head = sectors[-1].key
        for strength in ("strong", "weak"):
            found = [u for u in sectors if u.entry.role == strength]
            if found:
                return found[-1].entry.code or None, found[-1], head
        return None, sectors[-1], head

    def _person(self, unit: _Unit, ctx: _Context) -> Person | None:
        d = self.d
        if unit.kind == PERSON:
            candidates = [d.people[e.entity] for e in unit.entries if e.kind == PERSON and e.entity in d.people]
        else:
            candidates = [d.people[e] for e in sorted(d.surnames.get(unit.key, ()))]
            seen = [p for p in candidates if p.entity in ctx.people_seen]
            if seen:
                return seen[-1]
            if unit.key in ctx.by_surname:
                return None  # a person the article introduced, not the dictionary's namesake
            active = [p for p in candidates if p.role_on(ctx.on)]
            if len(active) == 1:
                return active[0]
            return candidates[0] if len(candidates) == 1 and not active else None
        active = [p for p in candidates if p.role_on(ctx.on)]
        return (active or candidates or [None])[0]

    def _person_actor(self, person: Person, seg: _Segment, ctx: _Context, anchors: list[_Unit],
                      sector: str | None, sector_unit: _Unit | None) -> tuple[Actor, str, str]:
        role = person.role_on(ctx.on)
        if role is not None and not seg.former:
            return self._actor(role.code, person.name, person.entity, PERSON), "dictionary", role.describe()
        last = person.last_role_before(ctx.on)
        if sector and sector_unit is not None and sector_unit.entry.role == "strong" and not seg.former:
            # the text gives a role the dictionary does not list for that date: "Senator Marco Rubio" in 2023
            known = [r.code[:3] for r in person.roles if r.code[:3] not in ("IGO", "NGO")]
            country = anchors[0].entry.code[:3] if anchors else (known[-1] if known else "---")
            code = country + sector
            if self.d.valid_code(code):
                return (self._actor(code, person.name, person.entity, PERSON), "role",
                        f"{sector_unit.entry.source} {sector_unit.key!r} -> {sector}; {person.name} holds no "
                        f"listed role on {ctx.on.isoformat()}")
        if last is not None or (role is not None and seg.former):
            last = last or role
            country = last.code[:3] if last.code[:3] not in ("IGO", "NGO") else "---"
            if anchors:
                country = anchors[0].entry.code[:3]
            why = "called former in the text" if seg.former else f"not in office on {ctx.on.isoformat()}"
            return (self._actor(country + "ELI", person.name, person.entity, PERSON), "former",
                    f"{last.describe()}; {why}")
        first = person.roles[0]
        country = first.code[:3] if first.code[:3] not in ("IGO", "NGO") else "---"
        if anchors:
            country = anchors[0].entry.code[:3]
        return (self._actor(country, person.name, person.entity, PERSON), "before-office",
                f"{first.describe()}; not yet in office on {ctx.on.isoformat()}")

    def _org(self, seg: _Segment, unit: _Unit, sector: str | None, sector_unit: _Unit | None,
             names: list[_Unit], head: str | None, ctx: _Context) -> _Resolved | None:
        if seg.place and unit.kind == INSTITUTION and unit is seg.units[0] and sector_unit is None and not names:
            return None  # "at the White House", "outside the Knesset": the building
        entries = unit.entries
        entry = next((e for e in entries if e.active(ctx.on)), None)
        if entry is None:  # outside every dated row: the nearest one
            entry = min(entries, key=lambda e: abs(((e.start or ctx.on) - ctx.on).days))
        code = entry.code
        evidence = entry.describe()
        if entry.kind == IGO and sector and sector not in ("GOV", "IGO") and sector_unit is not None \
                and sector_unit.entry.role == "strong" and self.d.valid_code(code + sector):
            code += sector
            evidence += f"; {sector_unit.entry.source} {sector_unit.key!r} -> {sector}"
        kind = {IGO: "igo", NGO: "ngo", GROUP: "group", MEDIA: "media", INSTITUTION: "organization"}[entry.kind]
        name, entity = entry.name, entry.entity
        if names:
            name, entity, kind = " ".join(names[-1].key.split()), None, PERSON
        return _Resolved(seg, self._actor(code, name, entity, kind), "dictionary", evidence, head=head)

    def _anchored(self, seg: _Segment, anchor: _Unit, sector: str | None, sector_unit: _Unit | None,
                  names: list[_Unit], head: str | None, tokens: Sequence[Token]) -> _Resolved | None:
        entry = anchor.entry
        base = entry.code[:3]
        if seg.place and anchor.kind in PLACE_LIKE and sector_unit is None and anchor is seg.units[0]:
            return None  # "in Kyiv", "fighting in Ukraine", "returned to Moscow": a place
        last = tokens[anchor.j - 1]
        modifier = (sector_unit is None and not names and len(seg.units) == 1 and last.dep in ("amod", "compound")
                    and not seg.i <= last.head < seg.j and tokens[last.head].pos in ("NOUN", "PROPN")
                    and anchor.kind in (ADJECTIVE, REGION_ADJECTIVE, COUNTRY, CAPITAL))
        # "Chinese products", "the Minsk agreements", "Western interests": not an actor unless a list gives it a
        # head noun ("Armenian and Azerbaijani foreign ministers")
        if _inside_other_name(tokens, anchor, seg):
            return None  # "the Jordan River", "Chad Wolf", "South China Sea"
        evidence = f"{entry.source} {entry.name} -> {base}"
        name = names[-1].key if names else None
        if seg.former and (sector in (None, "GOV")) and (sector_unit is not None or names):
            code, rule = base + "ELI", "former"
        elif sector:
            code, rule = base + sector, "role"
            evidence += f"; {sector_unit.entry.source} {sector_unit.key!r} -> {sector}"  # type: ignore[union-attr]
        elif anchor.kind == CAPITAL:
            code, rule = base + "GOV", "metonymy"
            evidence = f"{entry.source} {tokens[anchor.i].text} stands for the {entry.name}"
        else:
            code, rule = base, "dictionary"
        if not self.d.valid_code(code):
            code = base
        if name:
            kind = PERSON
        elif anchor.kind == CAPITAL and code.endswith("GOV"):
            kind = "government"
        elif code == base:
            kind = "region" if anchor.kind in (REGION, REGION_ADJECTIVE) else "country"
        else:
            kind = "role"
        label = name or self._label(base, code)
        entity = None
        if code == base and not name:
            entity = f"{'region' if base in self.d.regions else 'country'}:{base}"
        distributable = sector_unit is None and anchor.kind in (COUNTRY, ADJECTIVE, REGION_ADJECTIVE) and not names
        return _Resolved(seg, self._actor(code, label, entity, kind), rule, evidence, head=head,
                         distributable=distributable, modifier=modifier)

    def _ethnic(self, seg: _Segment, sector: str | None, sector_unit: _Unit | None, head: str | None,
                ctx: _Context, tokens: Sequence[Token]) -> _Resolved:
        """ "ethnic Albanians": the country they live in ("in Macedonia" right after), else from the dateline or
        the last country named."""
        country, why = ctx.country, f"country from the dateline ({ctx.country})"
        k = seg.j
        if k < len(tokens) and tokens[k].text.lower() in ("in", "of", "from"):
            k += 1 + (k + 1 < len(tokens) and tokens[k + 1].text.lower() == "the")
            for width in (3, 2, 1):
                if k + width > len(tokens):
                    continue
                key = phrase_key(" ".join(t.text for t in tokens[k:k + width]))
                found = [e for e, _rule in self.d.lookup(key) if e.kind == COUNTRY]
                if found and tokens[k].text[:1].isupper():
                    country, why = found[0].code[:3], f"lives in {found[0].name} ({found[0].source})"
                    break
        if country is None and ctx.last_country:
            country, why = ctx.last_country, f"country of the last actor named ({ctx.last_country})"
        if country is None:
            country, why = "---", "country not stated"
        code = country + (sector or "") if sector and sector_unit is not None and sector_unit.entry.role != "none" \
            else country
        if not self.d.valid_code(code):
            code = country
        evidence = f"'ethnic' + a people names a minority, not its country; {why}"
        label = tokens_text(tokens, seg)
        return _Resolved(seg, self._actor(code, label, None, "role"), "ethnic", evidence, head=head,
                         contextual=True)

    def _possessed(self, seg: _Segment, sector: str | None, sector_unit: _Unit | None, head: str | None,
                   ctx: _Context) -> _Resolved | None:
        """ "its troops", "his office", "Kadhafi's forces": the owner is the last actor named before."""
        wanted = {"his": (PERSON,), "her": (PERSON,), "'s": None}.get(seg.pronoun or "", "not-person")
        owner = None
        for actor, text in reversed(ctx.recent):
            if wanted is None or (wanted == "not-person" and actor.kind != PERSON) or \
                    (isinstance(wanted, tuple) and actor.kind in wanted):
                owner = (actor, text)
                break
        if owner is None:
            return None
        actor, text = owner
        country = actor.country or "---"
        if head in COUNTRY_HEADS and actor.country in self.d.countries:
            code = actor.country
        elif sector is None or sector_unit is None or sector_unit.entry.role == "none" or actor.sector == "REB" \
                or actor.kind in ("group", "ngo", "media", "organization"):
            code = actor.code  # "his group", "its teams", "his fighters" of a rebel leader: the owner itself
        elif actor.country == "IGO":
            code = actor.code if actor.sector else actor.code + (sector if sector not in ("GOV",) else "")
        else:
            code = country + ("ELI" if seg.former and sector == "GOV" else sector)
        if not self.d.valid_code(code):
            code = actor.code
        name = actor.name if code == actor.code else self._label(country, code)
        return _Resolved(seg, self._actor(code, name, actor.entity if code == actor.code else None,
                                          actor.kind if code == actor.code else "role"),
                         "coreference", f"belongs to {text!r}", head=head)

    def _contextual(self, seg: _Segment, sector: str | None, sector_unit: _Unit, names: list[_Unit],
                    head: str | None, ctx: _Context, tokens: Sequence[Token]) -> _Resolved | None:
        name = names[-1].key if names else None
        key = sector_unit.key
        last = tokens[seg.j - 1]
        if not names and last.dep in ("amod", "compound") and not seg.i <= last.head < seg.j \
                and tokens[last.head].pos == "NOUN":
            return None  # "military gains", "a government plan": a modifier, not an actor
        last_word = (head or key).split(" ")[-1]
        found = None
        if head in COUNTRY_HEADS and seg.definite and ctx.last_country:
            code = ctx.last_country
            return _Resolved(seg, self._actor(code, self.d.country_name(code), f"country:{code}", "country"),
                             "coreference", f"the last country named ({code})", head=head)
        if head in MEDIA_HEADS and seg.definite:
            kinds = ("media", "igo", "ngo") if head == "agency" else ("media",)
            candidates = [r for r in reversed(ctx.recent) if r[0].kind in kinds]
            if head in PRINT_HEADS:  # "the paper" is the newspaper, not the agency relaying it
                candidates = [r for r in candidates if r[0].name.casefold() not in _agency_names()] or candidates
            found = candidates[0] if candidates else None
        elif head in ORG_HEADS and seg.definite:
            found = next((r for r in reversed(ctx.recent) if r[0].kind in ("group", "igo", "ngo")), None)
        if found is not None:
            pass
        elif head in ctx.by_head:
            found = ctx.by_head[head]
        elif last_word in ctx.by_head:
            found = ctx.by_head[last_word]
        elif seg.definite and sector and sector != "GOV" and sector in ctx.by_sector:
            found = ctx.by_sector[sector]
        if found is not None:
            actor, source = found
            if seg.former and actor.country and self.d.valid_code(actor.country + "ELI"):
                actor = self._actor(actor.country + "ELI", name or actor.name, actor.entity, actor.kind)
            elif name:
                actor = Actor(actor.code, actor.country, actor.sector, name, None, PERSON)
            return _Resolved(seg, actor, "coreference", f"refers back to {source!r}", head=head)
        if sector is None or sector_unit.entry.role == "none":
            return None
        if seg.former and sector == "GOV":
            sector = "ELI"
        country, why = ctx.country, f"country from the dateline ({ctx.country})"
        focus = ctx.focus() if country is None else None
        if focus:
            country, why = focus, f"country the last sentences are about ({focus})"
        if country is None:
            country, why = "---", "country not stated"
        code = country + sector
        if not self.d.valid_code(code):
            return None
        evidence = f"{sector_unit.entry.source} {key!r} -> {sector}; {why}"
        return _Resolved(seg, self._actor(code, name or self._label(country, code), None,
                                          PERSON if name else "role"),
                         "dateline" if ctx.country else "context" if country != "---" else "role", evidence,
                         head=head, contextual=True)

    # -- 4. lists, appositions, memory -------------------------------------------------------------------
    def _lists(self, resolved: list[_Resolved], tokens: Sequence[Token], ctx: _Context) -> None:
        for a, b in zip(resolved, resolved[1:], strict=False):
            gap = [t.text.lower() for t in tokens[a.segment.j:b.segment.i]]
            if not gap or not all(w in LIST_GAP or w in ("the", "a") for w in gap):
                continue
            if not ({",", "and", "or", "&", "plus"} & set(gap)):
                continue
            if a.list_id is None:
                ctx.lists += 1
                a.list_id = ctx.lists
            b.list_id = a.list_id
        # "US and Ukrainian officials": the last member's head noun is shared by bare countries before it
        for index in range(len(resolved) - 2, -1, -1):
            a, b = resolved[index], resolved[index + 1]
            gap = [t.text for t in tokens[a.segment.j:b.segment.i]]
            if a.list_id is None or a.list_id != b.list_id or not a.distributable or b.actor.kind != "role" \
                    or gap not in (["and"], [","], ["or"]):
                continue  # "relations with Israel, and Palestinian leaders said": two clauses, not one list
            sector = b.actor.sector
            code = (a.actor.country or "") + (sector or "")
            if sector and self.d.valid_code(code):
                a.actor = self._actor(code, self._label(a.actor.country or "", code), None, "role")
                a.rule, a.head = "distributed", b.head
                a.evidence += f"; shares the head noun {b.head!r} of the next list member"
                a.distributable = a.modifier = False

    def _appositions(self, resolved: list[_Resolved], tokens: Sequence[Token]) -> list[_Resolved]:
        changed = []
        for a, b in zip(resolved, resolved[1:], strict=False):
            gap = [t.text for t in tokens[a.segment.j:b.segment.i]]
            if gap != [","]:
                continue
            if a.actor.kind == PERSON and a.actor.entity and b.contextual:
                # "Joe Biden, the former vice president,": the description is the person
                b.actor, b.rule = a.actor, "apposition"
                b.evidence = f"describes {tokens_text(tokens, a.segment)!r}"
                changed.append(b)
                continue
            for named, role in ((a, b), (b, a)):
                units = named.segment.units
                if len(units) == 1 and units[0].kind == NAME and role.actor.kind == "role":
                    actor = role.actor
                    named.actor = Actor(actor.code, actor.country, actor.sector, units[0].key, None, PERSON)
                    named.rule, named.evidence = "apposition", f"described as {tokens_text(tokens, role.segment)!r}"
                    changed.append(named)
        return changed

    def _remember(self, r: _Resolved, ctx: _Context, tokens: Sequence[Token]) -> None:
        actor, text = r.actor, tokens_text(tokens, r.segment)
        record = (actor, text)
        ctx.recent.append(record)
        if actor.entity and actor.kind == PERSON:
            ctx.people_seen.add(actor.entity)
            last = phrase_key(actor.name).split(" ")[-1]
            ctx.by_surname.setdefault(last, record)  # "May" after "Theresa May", though "May" alone never matches
            person = self.d.people.get(actor.entity)
            role = person.role_on(ctx.on) if person else None
            if role and role.role:
                for word in phrase_key(role.role).split(" "):
                    if word in ("president", "minister", "chancellor", "premier", "king", "spokesman",
                                "spokeswoman", "spokesperson", "secretary", "leader"):
                        ctx.by_head.setdefault(word, record)
        for unit in r.segment.units:
            if unit.kind == NAME and actor.kind == PERSON:
                ctx.by_surname[phrase_key(unit.key.split()[-1])] = record
        if r.head and r.rule != "coreference":
            ctx.by_head[r.head] = record
            ctx.by_head[r.head.split(" ")[-1]] = record
        if actor.sector and r.rule != "coreference":
            ctx.by_sector[actor.sector] = record
        for unit in r.segment.units:  # "EU foreign policy chief Kaja Kallas" also names the EU
            if unit.kind in ORGANIZATIONS and actor.kind == PERSON:
                entry = unit.entry
                kind = "organization" if entry.kind == INSTITUTION else entry.kind
                ctx.recent.insert(len(ctx.recent) - 1, (self._actor(entry.code, entry.name, entry.entity, kind), text))
        if actor.country and actor.country not in ("IGO", "NGO") and actor.country in self.d.countries and \
                not (actor.kind == "media" and actor.name.casefold() in _agency_names()):
            # (not "Witnesses told AFP": the agency reporting says nothing of where the story is)
            ctx.last_country = actor.country
            subject = any(tokens[k].dep in ("nsubj", "nsubjpass") for k in range(r.segment.i, r.segment.j))
            ctx.named.append((actor.country, 2 if subject else 1))

    # -- helpers --------------------------------------------------------------------------------------
    def _label(self, base: str, code: str) -> str:
        sector = code[3:6] if len(code) >= 6 else None
        place = self.d.country_label(base) if base != "---" else "unidentified"
        return f"{place} {self.d.sectors[sector]}" if sector in self.d.sectors else self.d.country_name(base)

    def _actor(self, code: str, name: str, entity: str | None, kind: str) -> Actor:
        country, sector = split_code(code, self.d)
        return Actor(code=code, country=country, sector=sector, name=name, entity=entity, kind=kind)


_TITLES = frozenset({"mr", "mrs", "ms", "dr", "president", "minister", "gen", "general", "sen", "rep",
                     "prime", "king", "queen", "prince", "sheikh", "ayatollah", "colonel", "col"})


@cache
def _agency_names() -> frozenset[str]:
    return frozenset(a.name.casefold() for a in agencies().values())


def _lowercase_ok(entry: Entry, tokens: Sequence[Token], i: int, j: int) -> bool:
    """A name written in lower case is still the actor where it cannot be a common word: a nationality adjective
    in -ian/-ese before a noun ("tunisian rioters"), or a person right after a title ("President obama")."""
    word = tokens[i].text.lower()
    if entry.kind == ADJECTIVE and j == i + 1 and word.endswith(("ian", "ese")) and len(word) > 5 \
            and j < len(tokens) and tokens[j].pos in ("NOUN", "PROPN"):
        return True
    return entry.kind == PERSON and _after_title(tokens, i)


def _after_title(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` follows a capitalised title ("President obama")."""
    return k > 0 and phrase_key(tokens[k - 1].text) in _TITLES and tokens[k - 1].text[:1].isupper()


def _backed(tokens: Sequence[Token], unit: _Unit) -> bool:
    """ "Russian-backed", "US-led": the place names the backer, not the actor."""
    return unit.kind in {ADJECTIVE, COUNTRY, CAPITAL, SECTOR} | ORGANIZATIONS and unit.j + 1 < len(tokens) \
        and tokens[unit.j].text == "-" and tokens[unit.j + 1].text.lower() in BACKED


def _inside_other_name(tokens: Sequence[Token], unit: _Unit, seg: _Segment | None = None) -> bool:
    """The unit is part of a longer name the parser found (a river, a sea, a person): not a country.

    A neighbour that is itself a dictionary unit of the same mention is no "longer name": the parser's entity
    around "Bosnian Serbs" or "Iraqi Kurds" is the mention itself."""
    first, last = tokens[unit.i], tokens[unit.j - 1]
    if first.ent_type in ("", "GPE", "NORP", "ORG") and last.ent_type in ("", "GPE", "NORP", "ORG"):
        return False
    covered = {k for u in seg.units if u is not unit and u.kind in ANCHORS | {SECTOR} for k in range(u.i, u.j)} \
        if seg is not None else set()
    before = unit.i > 0 and first.ent_iob == "I" and tokens[unit.i - 1].ent_type == first.ent_type \
        and tokens[unit.i - 1].text[:1].isupper() and tokens[unit.i - 1].text.lower() != "the" \
        and unit.i - 1 not in covered
    after = unit.j < len(tokens) and tokens[unit.j].ent_iob == "I" and tokens[unit.j].text[:1].isupper() \
        and unit.j not in covered
    return before or after


def _glue(token: Token, word: str) -> bool:
    return word in MODIFIERS or token.pos in ("NUM", "ADJ") or token.tag == "VBN"


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


def tokens_text(tokens: Sequence[Token], seg: _Segment) -> str:
    return " ".join(t.text for t in tokens[seg.i:seg.j])


def split_code(code: str, d: ActorDictionary) -> tuple[str | None, str | None]:
    """PLOVER-style ``country`` and ``sector`` of a CAMEO-style code."""
    head = code[:3]
    if head in ("IGO", "NGO"):
        tail = code[-3:]
        return head, (tail if len(code) > 6 and tail in d.sectors and code[:-3] in d.org_codes else None)
    country = None if head == "---" else head
    sector = code[3:6] if len(code) >= 6 else None
    return country, sector
