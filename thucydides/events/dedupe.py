"""Dedupe: one event per type and dyad in a sentence, the most specific of those that say the same act."""

from __future__ import annotations

from dataclasses import replace

from thucydides.types import ActorMention, Event


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per type and dyad in a sentence; an event without target (or with only the implicit home
    country) yields to one with a named target."""
    events = [_specified(e, events) for e in events
              if not any(_refines(other, e) for other in events if other is not e)]
    out: list[Event] = []
    seen: set[tuple] = set()
    targeted = {(e.plover or e.cameo_root, _code(e.source))
                for e in events if e.target is not None and e.target.rule != "implicit" and not _nameless(e.target)}
    known: dict[str, set[int]] = {}
    for e in events:
        if e.source is not None and e.source.rule != "unidentified":
            known.setdefault(e.plover or e.cameo_root, set()).add(e.source.start)
    for event in events:
        kind = event.plover or event.cameo_root
        if (event.source is None or event.source.rule == "unidentified") and kind in known and \
                not (event.target is not None and event.target.start in known[kind]):
            continue  # "were killed in Israeli shelling": the shelling by Israel is the same act (not "gunmen shot
            # dead after killing two": an act on whoever did the other is another act)
        if event.source is None and any(e.source is not None and e.source.rule == "unidentified"
                                        and (e.plover or e.cameo_root) == kind for e in events):
            continue  # "were killed in a car bombing in Baghdad": one act, its attacker placed once
        source, target = _code(event.source), _code(event.target)
        if event.target is not None and _nameless(event.target):
            target = None  # ("gunmen kill 3 in attack": the killing and the attack are one act on no one known)
        key = (kind, source, target, event.modality.polarity)
        implicit = event.target is not None and event.target.rule == "implicit"
        if key in seen or ((target is None or implicit) and (kind, source) in targeted):
            continue
        seen.add(key)
        out.append(event)
    return out


def _nameless(mention: ActorMention) -> bool:
    """People of no known country named only by their number ("killing 30 people" where no place is named): they say
    no more than another event of the same act whose target has a country."""
    return mention.rule == "role" and mention.actor.code.startswith("---") and mention.actor.sector == "CVL"


def _specified(event: Event, events: list[Event]) -> Event:
    """ "troops killed five in a drone strike": one act, told by the verb (190, force) and by the noun (195, aerial
    weapons); the event kept takes the more specific code of an event it says the same as."""
    if len(event.cameo) != 3 or not event.cameo.endswith("0"):
        return event
    for other in events:
        if other is not event and other.cameo[:2] == event.cameo[:2] and other.cameo != event.cameo and \
                (_refines(event, other) or _same_dyad(event, other)):
            return replace(event, cameo=other.cameo, cameo_name=other.cameo_name, goldstein=other.goldstein,
                           plover_mode=other.plover_mode)
    return event


def _same_dyad(a: Event, b: Event) -> bool:
    return a.plover == b.plover and a.modality.polarity == b.modality.polarity and \
        _code(a.source) == _code(b.source) and _code(a.target) == _code(b.target)


def _code(mention: ActorMention | None) -> str | None:
    return mention.actor.code if mention is not None else None


def _refines(a: Event, b: Event) -> bool:
    """``a`` says what ``b`` says, more precisely: the same type between the same countries, each of ``a``'s
    actors as specific or more ("Iraqi civilians" rather than "Baghdad" for the same bombing)."""
    if (a.plover or a.cameo_root) != (b.plover or b.cameo_root) or a.modality.polarity != b.modality.polarity:
        return False
    if a.trigger_start != b.trigger_start and a.quad_class != 4:
        return False  # "rejected an Algerian plan and opposed sending a force": two acts, not one
    pairs = ((a.source, b.source), (a.target, b.target))
    if (a.source is None) != (b.source is None) or (a.target is None and b.target is not None):
        return False  # (a target ``b`` lacks is more: "a gunman opened fire in Buffalo, killing ten")
    codes = [(x.actor.code, y.actor.code) for x, y in pairs if x is not None and y is not None]
    # an unknown country ("---UAF") is refined by a known one ("BFAUAF") of the same sector
    if not codes or any(not (x.startswith(y) or (y[:3] == "---" and x[3:] == y[3:])) or x[:3] == "---"
                        for x, y in codes):
        return False
    return any(x != y for x, y in codes) or a.trigger_start < b.trigger_start or \
        (a.target is not None and b.target is None)
