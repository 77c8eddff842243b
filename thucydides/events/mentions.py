"""The actor mentions a phrase names: each member of a list, the owner of a thing, the actors a pronoun or "both
sides" points to (the coreference stage's references), the issuer of a document, and mentions built from a
nationality adjective, a country or a place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from thucydides.actors.composing import RELATIONAL
from thucydides.actors.context import attacking_initials
from thucydides.actors.dictionary import ADJECTIVE, COUNTRY, phrase_key
from thucydides.actors.inferred import country_actor, inferred_mention, nationality_actor
from thucydides.events.places import place_named, prefer
from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set
from thucydides.tree import bounds, subtree
from thucydides.types import Actor, ActorMention, Location

# People named by their relation to another actor: "allies of Russia" are not Russia (RELATIONAL, from the actor
# stage); "critics of the Kenyan government" are of its country but not the government.
_CRITICS = word_set("critic-nouns")

# documents that speak for whoever issued them ("a report released by X alleged"), and the verbs of issuing
_DOCUMENTS = word_set("document-nouns")
_SAYING = word_set("saying-verbs")
_ISSUING = word_set("issuing-verbs")

# seats of international organisations: a document released there says nothing of its author's country
_IGO_SEATS = word_set("igo-seats")
_GROUP_NOUNS = word_set("group-nouns")


class Mentions:
    """Finding and building actor mentions (part of :class:`EventCoder`; reads ``self.d``)."""

    def _gazetteer_place(self, s: _Sentence, k: int, known_only: bool = False) -> list[ActorMention]:
        """The country of the place named at token ``k``, as a ``location`` mention, or nothing."""
        where = prefer(place_named(s.tokens, k, s.sentence.text, s.base, known_only=known_only),
                       {m.actor.country for m in s.mentions if m.actor.country})
        if where is None or not where.country or not self.d.valid_code(where.country):
            return []
        return [replace(self._place_actor(s, where), evidence=f"{where.name} is a place in {where.country} (GeoNames)")]

    def _country(self, code: str) -> Actor:
        """The country ``code`` itself as an actor (no sector)."""
        return country_actor(self.d, code)

    def _country_actor(self, s: _Sentence, k: int) -> list[ActorMention]:
        token = s.tokens[k]
        for entry, _rule in self.d.lookup(phrase_key(token.text)):
            if entry.kind in ("country", "capital") and token.text[:1].isupper():
                return [inferred_mention(self._country(entry.code[:3]), sentence=s.sentence.index,
                                         span=(token.start, token.end), tokens=(k, k + 1), text=token.text,
                                         rule="location",
                                         evidence=f"{entry.source} {entry.name}: a place named in the act's content")]
        return []

    def _actors_of(self, heads: Sequence[int], s: _Sentence) -> list[ActorMention]:
        """The actor mentions a phrase headed by ``heads`` names, one per coordinated member."""
        out: list[ActorMention] = []
        todo = list(heads)
        seen: set[int] = set()
        while todo:
            k = todo.pop(0)
            if k in seen:
                continue
            seen.add(k)
            token = s.tokens[k]
            mention = s.at.get(k) or self._inside(s, k)
            if mention is not None and mention.actor.country is None and mention.rule == "role":
                # "leaders of the Popular Front opposition alliance": whose leaders they are says more
                mention = self._inside(s, k) or mention
            ref = s.refs.get(k)  # "both sides", "they", "he": the coreference stage's answer
            if ref is not None and (ref.rule == "pair" or (mention is None and ref.rule == "group")):
                # "the two leaders", "both sides": the last two parties named; "Putin and Xi met ... They
                # signed an agreement": both of them
                out.extend(m for m in ref.antecedents if m not in out)
                continue
            if mention is None and ref is not None and ref.rule in ("pronoun", "speaker"):
                mention = ref.antecedents[0]
            if mention is None and token.pos in ("NOUN", "PROPN", "NUM") and token.lemma.lower() not in RELATIONAL:
                # "a U.S. request", "North Korea's demand", "Sweden's decision", "an appeal from President X":
                # the owner of the thing; "30,000 of the seamen": the people counted (not "a U.S. ally",
                # "allies of Russia": others, by their relation to it)
                for c in s.kids[k]:
                    child = s.tokens[c]
                    found = None
                    if child.dep in ("poss", "compound", "amod", "nmod"):
                        found = s.at.get(c) or next(iter(self._adjective_actor(s, c)), None)
                        if found is None and child.dep == "compound":  # "an al-Shabaab position north of"
                            found = next((s.at[g] for g in s.kids[c] if s.tokens[g].dep == "compound"
                                          and g in s.at), None)
                    elif child.dep == "prep" and child.text.lower() in ("from", "by", "of", "for"):
                        # ("a camp for Congolese refugees": the people it is for; not "allies of Russia")
                        found = next((s.at[o] for o in s.kids[c] if s.tokens[o].dep == "pobj" and o in s.at), None)
                        if found is not None and token.lemma.lower() in _CRITICS and found.actor.country and \
                                self.d.valid_code(found.actor.country):
                            # "critics of the Kenyan government" are Kenyans, not the government
                            found = replace(found, actor=self._country(found.actor.country), rule="role",
                                            evidence=f"{token.text} of {found.text}: of its country")
                    if found is not None:
                        mention = found
                        break
            if mention is None and token.pos == "NOUN" and token.lemma.lower() in _DOCUMENTS:
                mention = self._issuer(s, k)
            if mention is not None and mention not in out and token.dep == "appos" and out and \
                    out[-1].actor.country == mention.actor.country:  # ("The US, Russia, and ..." is a list)
                # "the UN envoy for Yemen, Hans Grundberg", "the governor of Kandahar, a Taliban commander": an
                # apposition names the same actor again; the named person is the more precise of the two
                if mention.actor.kind == "person" and out[-1].actor.kind != "person":
                    out[-1] = mention
            elif mention is not None and mention not in out:
                out.append(mention)
            if mention is not None and mention.sentence == s.sentence.index and mention.token_start >= 2 and \
                    s.tokens[mention.token_start - 1].text.lower() == "and":
                # "Putin and EU leader Charles Michel discussed": the parser hung the first member inside the
                # second's name; it is a member of the list all the same
                other = s.at.get(mention.token_start - 2)
                if other is not None and other is not mention and other not in out and \
                        other.token_start in subtree(s.kids, k):
                    out.insert(len(out) - 1, other)
            if mention is not None and token.pos in ("NOUN", "PROPN"):
                # "US and British forces": the list shares the head noun, each member is its own mention (also
                # inside "thousands of US and Filipino troops")
                heads = [k] + ([mention.token_end - 1] if mention.sentence == s.sentence.index and
                               not mention.token_start <= k < mention.token_end else [])
                for c in (c for h in heads for c in s.kids[h]):
                    if s.tokens[c].dep in ("nmod", "compound", "amod") and (any(
                            s.tokens[g].dep == "conj" for g in s.kids[c]) or (  # (a headline's "Chinese, Zambian
                            c in s.at and s.at[c].rule == "distributed")):  # FMs": a comma joins them)
                        for member in [c] + [g for g in s.kids[c] if s.tokens[g].dep == "conj"]:
                            other = s.at.get(member)
                            if other is not None and other not in out and other.rule == "distributed":
                                out.append(other)
            todo.extend(c for c in s.kids[k] if s.tokens[c].dep == "conj" or (
                s.tokens[c].dep == "appos" and not _reporter(s, c)))
            if mention is not None and mention.sentence == s.sentence.index:
                # "Emmanuel Macron and Olaf Scholz": the list may hang on any word of the name
                todo.extend(c for j in range(mention.token_start, mention.token_end) if j != k
                            for c in s.kids[j] if (s.tokens[c].dep == "conj" or (
                                s.tokens[c].dep == "appos" and not _reporter(s, c)))
                            and not mention.token_start <= c < mention.token_end)
        return out

    def _issuer(self, s: _Sentence, k: int) -> ActorMention | None:
        """Who stands behind the document at ``k``: "a study published by the Kenyan government" is that
        government's; "a study published in the Kenyan capital", with no author named, is the country's where
        it was released (a ``location`` mention, as for an attack known only by where it came from)."""
        tokens = s.tokens
        for verb in s.kids[k]:
            if tokens[verb].dep != "acl" or tokens[verb].lemma.lower() not in _ISSUING:
                continue
            for c in s.kids[verb]:
                if tokens[c].dep == "agent" or (tokens[c].dep == "prep" and tokens[c].text.lower() == "by"):
                    authors = self._actors_of([o for o in s.kids[c] if tokens[o].dep == "pobj"], s)
                    if authors:
                        return authors[0]
            for c in s.kids[verb]:
                if tokens[c].dep == "prep" and tokens[c].text.lower() == "in":
                    for obj in s.kids[c]:
                        if tokens[obj].dep != "pobj" or tokens[obj].text.lower() in _IGO_SEATS:
                            continue  # "a statement issued in Brussels" is as likely the EU's or NATO's
                        place = self._gazetteer_place(s, obj) or [
                            m for a in s.kids[obj] if tokens[a].dep == "amod" and tokens[obj].lemma.lower() in
                            ("capital", "city", "town") for m in self._adjective_actor(s, a)]  # "the Rwandan capital"
                        if place:
                            return replace(place[0], rule="location",
                                           evidence=f"no author named; the document was released in {place[0].text}")
        return None

    def _inside(self, s: _Sentence, k: int) -> ActorMention | None:
        """A mention in the left part of the phrase headed by ``k`` ("the leaders of X" -> X when "leaders" is
        not itself an actor)."""
        tokens = s.tokens
        for c in s.kids[k]:
            if tokens[c].dep in ("prep",) and tokens[c].text.lower() == "of":
                for obj in s.kids[c]:
                    if tokens[obj].dep == "pobj" and obj in s.at and tokens[k].lemma.lower() in _GROUP_NOUNS:
                        return s.at[obj]
        return None

    def _adjective_actor(self, s: _Sentence, k: int) -> list[ActorMention]:
        """ "Russian airstrikes": a nationality adjective the actor stage left out as a mere modifier; also a
        country's initials before an armed attack's noun ("a U.S. drone strike", "U.K. raids"), the attacker as an
        adjective would name it (before other nouns initials are as often where, or what, as who: "U.S. demand",
        "U.S. shootings", "U.S. wheat"; a full name as often what the act is about: "Iran sanctions")."""
        tokens = s.tokens
        first = k
        while first > 0 and tokens[first - 1].text[:1].isupper() and tokens[first - 1].head == k:
            first -= 1  # "North Korean", "South Sudanese", "Sri Lankan": the whole adjective, longest first
        for i in range(first, k + 1):
            text = s.sentence.text[tokens[i].start - s.base:tokens[k].end - s.base]
            for entry, _rule in self.d.lookup(phrase_key(text)):
                if (entry.kind == ADJECTIVE and text[:1].isupper()) or (
                        entry.kind == COUNTRY and i == k and attacking_initials(tokens, k)):
                    return [inferred_mention(nationality_actor(self.d, entry), sentence=s.sentence.index,
                                             span=(tokens[i].start, tokens[k].end), tokens=(i, k + 1), text=text,
                                             rule="dictionary", evidence=entry.describe())]
        return []

    def _place_actor(self, s: _Sentence, where: Location) -> ActorMention:
        first = next((t.i for t in s.tokens if t.start >= where.start), 0)
        last = next((t.i + 1 for t in s.tokens if t.end >= where.end), first + 1)
        return inferred_mention(self._country(where.country), sentence=s.sentence.index,
                                span=(where.start, where.end), tokens=(first, last), text=where.name,
                                rule="location", evidence=f"the place of a use of force ({where.name}) is its target")


def _reporter(s: _Sentence, k: int) -> bool:
    """The apposition at ``k`` is the source of an inverted report, misread: "India launched a rocket, the Press
    Trust of India reported" (the phrase is followed by a plain verb of saying)."""
    first, last = bounds(s.kids, k)
    return 0 < first and s.tokens[first - 1].text == "," and last + 1 < len(s.tokens) and \
        s.tokens[last + 1].pos == "VERB" and s.tokens[last + 1].lemma.lower() in _SAYING
