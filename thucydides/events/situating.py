"""Placing the actors of a coded act: the posting of an envoy, the dateline's place, the home country of a domestic
act, the country of a role from the place of the act, the sentence or the act before, and the country of a target
where force fell."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from thucydides.actors.inferred import in_country, inferred_mention
from thucydides.events.roles import STATE_SECTORS
from thucydides.events.sentence import _Sentence
from thucydides.types import ActorMention, Article, Location, Token


class Situating:
    """Where the actors of an event belong (part of :class:`EventCoder`)."""

    def _posting(self, s: _Sentence, target: ActorMention, sources: list[ActorMention]) -> ActorMention:
        """ "France recalled its ambassador to Niger": the source's own envoy is not whom the act is aimed at;
        the country of the posting is ("to Niger", "from Budapest", "in Kyiv")."""
        own = {m.actor.country for m in sources}
        if target.actor.country not in own or target.actor.sector not in ("GOV", None) or \
                target.actor.kind == "country" or target.sentence != s.sentence.index or target.token_end < 1:
            return target
        head = target.token_end - 1
        for prep in s.kids[head]:
            if s.tokens[prep].dep == "prep" and s.tokens[prep].text.lower() in ("to", "from", "in", "at"):
                for obj in s.kids[prep]:
                    found = s.at.get(obj)
                    if found is not None and found.actor.country and found.actor.country not in own:
                        return found
                    place = self._gazetteer_place(s, obj) if s.tokens[obj].dep == "pobj" else []
                    if place and place[0].actor.country not in own:
                        return replace(place[0], evidence=f"the posting of the source's own envoy ({place[0].text})")
        return target

    @staticmethod
    def _filed(article: Article) -> Location | None:
        """The dateline's place, where the story was filed, when it names one in a known country."""
        line = article.dateline
        if line is None or not line.place or not line.country:
            return None
        return Location(name=line.place, country=line.country, lat=None, lon=None, start=line.start, end=line.end)

    def _home(self, s: _Sentence, token: Token, sources: list[ActorMention]) -> list[ActorMention]:
        """A strike, a crackdown or a concession with no one named as its target ("opposition parties in Nepal
        called a general strike", "the government lifted the state of emergency") is aimed at the actors' own
        country, as CAMEO and PLOVER coders code it; the target is marked ``implicit``."""
        countries = {m.actor.country for m in sources}
        if len(countries) != 1 or not countries <= set(self.d.countries):
            return []
        return [inferred_mention(self._country(countries.pop()), sentence=s.sentence.index,
                                 span=(token.start, token.start), tokens=(token.i, token.i), text="", rule="implicit",
                                 evidence="a domestic act with no target named is aimed at its own country")]

    def _situated(self, mention: ActorMention, s: _Sentence, where: Location | None,
                  others: Sequence[ActorMention], hostile: bool = False, force: bool = False,
                  region: Location | None = None) -> ActorMention:
        """A role with no country ("opposition leaders", "a rebel group") takes the country where the act took
        place ("... postponed the rally in Baku"), else the one country the sentence names ("the Umma party will
        boycott Algeria's elections"), but for an act of force never the country of its target only; with several
        countries named it stays unknown (``---``)."""
        actor = mention.actor
        if not actor.code.startswith("---") or actor.sector is None:
            return mention
        country, why = (where.country, f"the place of the act ({where.name})") if where is not None else (None, "")
        if not country:
            place = next((m for m in others if m.rule == "location" and m.actor.country in self.d.countries), None)
            if place is not None:
                country, why = place.actor.country, f"the place of the act ({place.text})"
        if not country:
            named = {m.actor.country for m in s.mentions if m.actor.country in self.d.countries}
            if hostile:  # "gunmen kidnapped Chinese workers": the victims' country is not the attackers'
                named -= {m.actor.country for m in others}
            if len(named) > 1:
                return mention
            if named:
                country = named.pop()
                why = f"the only country the sentence names ({country})"
            elif region is not None:
                # "a man was arrested after he opened fire at a parade in Highland Park, Illinois": the only place
                # of the act's clause (its own subordinate clauses, not a relative clause about someone)
                country, why = region.country, f"the only place of the clause ({region.name})"
            elif force and s.scene is not None and s.scene.country:
                # "Gunmen attacked a checkpoint in Maiduguri. Two officers were killed.": force where the act before
                # was (for force only: a meeting's or a statement's people are not placed by an act before them)
                country, why = s.scene.country, f"the place of the act before ({s.scene.name})"
            else:
                return mention
        if actor.sector in STATE_SECTORS and any((m.actor.country == country or m.actor.code.startswith("---"))
                                                 and not (force and m.rule in ("location", "implicit"))
                                                 and not (force and m.actor.sector not in STATE_SECTORS)
                                                 for m in others):
            # (nor police arresting "three men in Nairobi": force on the people where it happens is domestic)
            # (but police arresting people "in Dhaka", with only the place named, are that country's)
            return mention  # "the government thanked China": a state rarely acts on itself; no guess
        placed = in_country(self.d, actor, country)
        if placed is None:
            return mention
        return replace(mention, actor=placed, rule="context", evidence=f"{mention.evidence}; country from {why}")


    def _hit_where(self, mention: ActorMention, where: Location, sources: Sequence[ActorMention]) -> ActorMention:
        """ "Russian forces shelled a hospital in Kherson": a role the actor stage placed only by the last country
        named (rule ``context``), the attacker's own, is of the country where the force fell."""
        actor = mention.actor
        if mention.rule != "context" or actor.kind != "role" or actor.country == where.country or \
                actor.country not in {m.actor.country for m in sources} or where.country not in self.d.countries:
            return mention
        placed = in_country(self.d, actor, where.country)
        if placed is None:
            return mention
        return replace(mention, actor=placed, evidence=f"{mention.evidence}; country from the place attacked "
                                                       f"({where.name}), not the attacker's")
