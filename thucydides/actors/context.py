"""The article context: what earlier mentions left behind, and the mentions that read it.

``_Context`` carries the article's date, its dateline country and a memory of the actors named so far;
``_remember`` records each resolved mention in it. The mentions that take their actor from it rather than from
their own words are read here too: a role phrase with no country (``the ministry``, ``the regional governor``,
``the newspaper``) refers back to the last mention with the same head, else takes the dateline's country or the
country the story is about; a possessive (``its troops``, ``Kadhafi's forces``) belongs to its owner; ``ethnic
Albanians`` live in the country named next to them or in the context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from thucydides.actors.dictionary import COUNTRY, INSTITUTION, ORGANIZATIONS, PERSON, phrase_key
from thucydides.actors.records import NAME, _Resolved, _Segment, _Unit, tokens_text
from thucydides.structure.resources import agencies
from thucydides.tables import word_set
from thucydides.types import Actor, Article, Token

# heads that name a body, never one person: "the Senate" after "Sen. Jon Doe" is of his country, not him
BODY_HEADS = word_set("institution-nouns") | word_set("body-nouns")
FOCUS_WINDOW = 6  # actors named that decide which country a bare "the government" belongs to (_Context.focus)
COUNTRY_HEADS = word_set("country-heads")
PRINT_HEADS = word_set("print-heads")
ORG_HEADS = word_set("organisation-heads")
PERSON_ROLE_HEADS = word_set("person-role-heads")  # a dictionary person's role words a later "the minister" means
HEAD_OF_STATE_WORDS = word_set("head-of-state-words")
COUNTERPARTS = word_set("counterpart-nouns")  # "his counterparts": another state's office-holders
BODY_NAME_HEADS = word_set("body-name-heads")  # "the court" after "the International Court of Justice"
MEDIA_HEADS = word_set("media-heads")
AGENT_MODIFIER_HEADS = word_set("agent-modifier-heads")  # "student demonstrations": acts of the role
FORCE_MODIFIER_HEADS = word_set("force-modifier-heads")  # "police raids": acts of an armed role ("a church attack")
_FORCES = word_set("force-modifier-sectors")  # "police raids", "rebel attacks": who may act by force
# the nouns of an armed attack whose country modifier names the attacker ("U.S. raids", "a Russian missile strike"),
# which says nothing of where the story is ("... killed two civilians")
_STRIKE_WEAPONS = word_set("armed-strike-modifiers")  # "a drone strike", not a workers' strike
_HARM = word_set("harm-verbs")  # "the strike killed": harm done
_NOT_ACTING = word_set("military-weapons") | word_set("venue-role-nouns")  # "artillery raids", "an embassy protest":
# the means or the place of an act, not who acts


@dataclass
class _Context:
    on: date
    country: str | None
    people_seen: set[str] = field(default_factory=set)
    by_head: dict[str, tuple[Actor, str]] = field(default_factory=dict)
    # the first person the dictionary knows to hold an office, by the office's word: a bare "the President" is the
    # protagonist, not "the President of Russia" named since
    by_office: dict[str, tuple[Actor, str]] = field(default_factory=dict)
    by_sector: dict[str, tuple[Actor, str]] = field(default_factory=dict)
    by_surname: dict[str, tuple[Actor, str]] = field(default_factory=dict)
    # surnames of people the article named in full who are no one in the dictionary ("Rick Perry"): a later bare
    # "Perry" is that person, not the dictionary's namesake out of office
    strangers: set[str] = field(default_factory=set)
    last_country: str | None = None
    named: list[tuple[str, int]] = field(default_factory=list)  # (country, weight) of the actors named, in order
    recent: list[tuple[Actor, str]] = field(default_factory=list)
    lists: int = 0

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


@cache
def _agency_names() -> frozenset[str]:
    return frozenset(a.name.casefold() for a in agencies().values())


class Referring:
    """Mentions resolved from the article context, and the memory they read (part of :class:`Resolver`; reads
    ``self.d``, uses ``_actor`` and ``_label`` of :class:`Composing`)."""

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
        """ "its troops", "his office", "Kadhafi's forces": the owner is the last actor named before; "his
        counterpart" is another state's office-holder, of no country the phrase states."""
        if head in COUNTERPARTS:
            code = f"---{sector or 'GOV'}"
            return _Resolved(seg, self._actor(code, self._label("---", code), None, "role"), "role",
                             "a counterpart holds the same office in another state", head=head)
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
                and tokens[last.head].pos == "NOUN" and not _agent_modifier(tokens, seg, last, sector):
            return None  # "military gains", "a government plan": a modifier, not an actor (but "police raids")
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
        elif head in ORG_HEADS and seg.definite and not names:
            # ("the Quemoy group", "the Lima Group": a name the dictionary does not know, no anaphor)
            found = next((r for r in reversed(ctx.recent) if r[0].kind in ("group", "igo", "ngo")), None)
        if found is not None:
            pass
        elif seg.definite and seg.j - seg.i <= 2 and head in ctx.by_office:
            found = ctx.by_office[head]  # "the President called on students", after "the President of Russia"
        elif head in ctx.by_head:
            found = ctx.by_head[head]
        elif last_word in ctx.by_head:
            found = ctx.by_head[last_word]
        if found is not None and seg.indefinite and found[0].kind not in ("role", "country"):
            found = None  # "a protest group" after Greenpeace, "a senator" after Senator Warren: someone else
        if found is not None and sector and sector_unit is not None and sector_unit.key != head and \
                sector_unit.entry.role == "strong" and found[0].sector != sector:
            found = None  # "opposition supporters" after "Hamas supporters": a modifier names other people
        elif seg.definite and sector and sector != "GOV" and sector in ctx.by_sector:
            found = ctx.by_sector[sector]
        if found is not None and found[0].kind == PERSON and not name and _names_body(seg, tokens):
            # "the Senate", "lawmakers" after a senator: a body or many people of the person's country, not him
            actor, source = found
            code = f"{actor.country}{sector}"
            if actor.country and sector and self.d.valid_code(code):
                return _Resolved(seg, self._actor(code, self._label(actor.country, code), None, "role"),
                                 "context", f"country from {source!r}", head=head)
            found = None
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
                    # the first holder of that office named: "Trump met Putin in Helsinki. The president said" is
                    # the article's own president, whom it names first (the last one named would be Putin)
                    if word in PERSON_ROLE_HEADS:
                        ctx.by_head.setdefault(word, record)
                        ctx.by_office.setdefault(word, record)
                    if word in HEAD_OF_STATE_WORDS:
                        ctx.by_head.setdefault("head of state", record)  # "the Head of State thanked Poland"
        for unit in r.segment.units:
            if unit.kind == NAME and actor.kind == PERSON:
                ctx.by_surname[phrase_key(unit.key.split()[-1])] = record
        if r.rule == "dictionary" and actor.kind in ("igo", "institution", "organization", "ngo") and not r.head:
            # "the International Court of Justice ... The court said": a body named in full is what its own head
            # word means later, before the dateline's country ("THE HAGUE -- ... the court" is not the Dutch courts)
            for word in phrase_key(text).split(" "):
                if word in BODY_NAME_HEADS:
                    ctx.by_head[word] = record
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
                not (actor.kind == "media" and actor.name.casefold() in _agency_names()) and \
                not _attacker_modifier(r, tokens):
            # (not "Witnesses told AFP": the agency reporting says nothing of where the story is)
            ctx.last_country = actor.country
            subject = any(tokens[k].dep in ("nsubj", "nsubjpass") for k in range(r.segment.i, r.segment.j))
            ctx.named.append((actor.country, 2 if subject else 1))


def _attacker_modifier(r: _Resolved, tokens: Sequence[Token]) -> bool:
    """A country left as the modifier of an attack's noun ("a Russian missile strike", "U.S. raids"): it names the
    attacker, so the people the sentence goes on to name ("killed two civilians") are not taken for its own."""
    return r.modifier and names_an_attack(tokens, tokens[r.segment.j - 1].head)


def attacking_initials(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` is written as capital initials ("U.S.", "US", "UK": how English uses a country as an adjective)
    and modifies the noun of an armed attack ("a U.S. drone strike"): the attacker, not where it happened."""
    letters = tokens[k].text.replace(".", "")
    return 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper() and names_an_attack(
        tokens, tokens[k].head)


def names_an_attack(tokens: Sequence[Token], k: int) -> bool:
    """The noun at ``k`` is an armed attack ("raid", "shelling", "a missile strike", "the strike killed"), whose
    modifier is who attacked."""
    act = tokens[k]
    word = act.lemma.lower()
    if word in FORCE_MODIFIER_HEADS:
        return True
    return word == "strike" and (any(  # (not a workers' strike: "a UK strike")
        t.head == act.i and t.dep == "compound" and t.lemma.lower() in _STRIKE_WEAPONS for t in tokens) or (
        act.dep == "nsubj" and tokens[act.head].lemma.lower() in _HARM))


def _names_body(seg: _Segment, tokens: Sequence[Token]) -> bool:
    """The mention's head word (the "head" of "the head of the office") is plural or names a body ("the Senate")."""
    root = next((tokens[k] for k in range(seg.i, seg.j) if not seg.i <= tokens[k].head < seg.j
                 or tokens[k].head == k), tokens[seg.j - 1])
    return root.tag in ("NNS", "NNPS") or root.text.lower() in BODY_HEADS


def _agent_modifier(tokens: Sequence[Token], seg: _Segment, last: Token, sector: str | None) -> bool:
    """A role noun before an act it performs: "student demonstrations", "worker strikes", and an armed force's
    "police raids" (not "a church attack"); a noun, not an adjective ("a terrorist attack", "a general strike"
    describe the act), and no weapon or building ("artillery raids", "an embassy protest"); the whole mention hangs
    on the act's noun (not "the families of the victims of the police raid")."""
    head, act = last.head, tokens[last.head].lemma.lower()
    return last.pos in ("NOUN", "PROPN") and (
        act in AGENT_MODIFIER_HEADS or (act in FORCE_MODIFIER_HEADS and sector in _FORCES)) \
        and last.lemma.lower() not in _NOT_ACTING and all(
        tokens[k].head == head or seg.i <= tokens[k].head < seg.j for k in range(seg.i, seg.j))
