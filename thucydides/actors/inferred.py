"""Actor mentions inferred from an act's context rather than read from the words that name an actor.

The events stage decides when an act needs one (no attacker named, a crowd named only by its number, a domestic
act with no target, a role with no country); the actors they stand for are built here, in one place, and each
mention says by its ``rule`` how it was found:

- ``location``: a country named as a place: the place an attack hit or came from, where a document was
  released, the people of the place where they marched (CVL); ``text`` is the place's words;
- ``unidentified``: attackers no one names, an armed force (UAF) of the country of the attack; ``text`` empty;
- ``implicit``: the home country of a domestic act with no target named (a strike, a curfew); ``text`` empty;
- ``context``: a role with no country ("opposition leaders") that took the country of the place of the act;
- ``dictionary``: a nationality adjective the actor stage left as a mere modifier ("Russian airstrikes").

``inferred_mentions`` lists the ones an article's events use, so the record and the store hold every actor an
event names (``Article.inferred_actors``), next to the actor stage's own mentions (``Article.actors``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from thucydides.actors.dictionary import ActorDictionary, Entry
from thucydides.actors.records import split_code
from thucydides.types import Actor, ActorMention, Event

# the rules of inferred mentions (besides the nationality adjectives, which the actor stage also uses)
INFERRED_RULES = ("location", "unidentified", "implicit", "context")


def country_actor(d: ActorDictionary, code: str) -> Actor:
    """The country ``code`` itself as an actor (no sector)."""
    return Actor(code, *split_code(code, d), name=d.country_name(code), entity=f"country:{code}", kind="country")


def nationality_actor(d: ActorDictionary, entry: Entry) -> Actor:
    """The country a nationality adjective's dictionary entry names ("Russian" -> RUS)."""
    return Actor(entry.code, *split_code(entry.code, d), name=d.country_name(entry.code), entity=entry.entity,
                 kind="country")


def unidentified_force(d: ActorDictionary, country: str | None, place: str) -> Actor | None:
    """Attackers no one names: an armed force (CAMEO UAF) of the country where they struck, as ICEWS and the
    PLOVER coders code them; ``None`` when that code is not valid."""
    if not country or not d.valid_code(country + "UAF"):
        return None
    code = country + "UAF"
    return Actor(code, *split_code(code, d), name=f"unidentified attackers ({place})", entity=None, kind="role")


def civilians_of(d: ActorDictionary, country: str | None, place: str | None) -> Actor | None:
    """People named only by their number ("thousands of people marched in Paris"): civilians (CAMEO CVL) of the
    country of the place; with no place named ("hundreds rallied outside the state Capitol"), civilians of no
    known country (``---CVL``), as any role whose country the text does not give."""
    if place is None:
        return Actor("---CVL", None, "CVL", name="people", entity=None, kind="role")
    if not country or not d.valid_code(country + "CVL"):
        return None
    code = country + "CVL"
    return Actor(code, *split_code(code, d), name=f"people in {place}", entity=None, kind="role")


def in_country(d: ActorDictionary, actor: Actor, country: str) -> Actor | None:
    """A role with no country ("---GOV", "---OPP") as the role of ``country``; ``None`` when no such code."""
    code = country + actor.code[3:]
    if not d.valid_code(code):
        return None
    return Actor(code, country, actor.sector, actor.name, actor.entity, actor.kind)


def inferred_mention(actor: Actor, *, sentence: int, span: tuple[int, int], tokens: tuple[int, int],
                     text: str, rule: str, evidence: str) -> ActorMention:
    """A mention the actor stage did not find, with its rule and the reason for the user."""
    return ActorMention(text=text, start=span[0], end=span[1], sentence=sentence, token_start=tokens[0],
                        token_end=tokens[1], actor=actor, rule=rule, evidence=evidence)


def inferred_mentions(events: Iterable[Event], found: Sequence[ActorMention]) -> tuple[ActorMention, ...]:
    """The sources and targets of ``events`` that are not among the actor stage's mentions ``found`` (a
    pronoun's antecedent is one of them, at its own place): each once, in the order of the text."""
    known = set(found)
    out: dict[tuple, ActorMention] = {}
    for event in events:
        for mention in (event.source, event.target, *event.sources_all, *event.targets_all):
            if mention is None or mention in known:
                continue
            key = (mention.sentence, mention.start, mention.end, mention.actor.code, mention.rule)
            out.setdefault(key, mention)
    return tuple(sorted(out.values(), key=lambda m: (m.sentence, m.start, m.end, m.actor.code)))
