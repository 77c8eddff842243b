"""Who did and who underwent a passive's act: the objects of its "by" phrase, an agent the parser hung one
phrase down, the nationality on a weapon, whom a verb of harm says the force a noun names fell on, and whom a
verb of judging finds guilty (part of :class:`EventCoder`)."""

from __future__ import annotations

from thucydides.events.patterns import Pattern
from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set
from thucydides.types import ActorMention, Token

_HARM = word_set("harm-verbs")  # "was hit in an attack": whom the force a noun names fell on


class Agents:
    """Agents of passives and the harmed of force nouns (part of :class:`EventCoder`)."""

    def _stray_agent(self, s: _Sentence, k: int) -> list[ActorMention]:
        """ "was convicted of sedition by a court in Hong Kong": the parser hangs the passive's "by" phrase on the
        noun before it; an actor (not a place) named there, one preposition down, is the agent."""
        tokens = s.tokens
        for p in s.kids[k]:
            if tokens[p].dep != "prep":
                continue
            for o in s.kids[p]:
                if tokens[o].dep != "pobj" or tokens[o].pos != "NOUN" or o in s.at:
                    continue
                for b in s.kids[o]:
                    if tokens[b].dep == "prep" and tokens[b].text.lower() == "by":
                        found = self._actors_of([c for c in s.kids[b] if tokens[c].dep == "pobj"], s)
                        if found and all(m.rule not in ("location", "metonymy") for m in found):
                            return found
        return []

    def _agents(self, s: _Sentence, k: int) -> list[ActorMention]:
        """Who did a passive's act, from its "by" phrase: "detained by police", "hit by Russian missiles" (the
        nationality on the weapon)."""
        causes = _agent_objects(s, k)
        return self._actors_of(causes, s) or [m for c in causes for a in s.kids[c] if s.tokens[a].dep == "amod"
                                              for m in self._adjective_actor(s, a)][:1]

    def _verdict(self, s: _Sentence, verb: Token, adjective: Token,
                subjects: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
        """Sources and targets of an adjective completing a verb of judging ("guilty", "responsible"): "a court
        found three men guilty" (the verb's object, or the adjective's own subject, is judged), "three men were
        found guilty" (the passive's subject is, the "by" phrase judges), "three men found guilty", "he pleaded
        guilty" (with no object and no auxiliary, the subject is: a headline's passive, or one who admits it)."""
        tokens = s.tokens
        judged = [k for k in s.kids[adjective.i] if tokens[k].dep == "nsubj"] or [
            k for k in s.kids[verb.i] if tokens[k].dep in ("dobj", "obj")]
        if judged:
            return subjects, self._actors_of(judged, s)
        undergone = undergoers(s, verb.i)
        if undergone:
            return self._agents(s, verb.i), self._actors_of(undergone, s)
        if verb.tag in ("VBD", "VBN") and not any(tokens[k].dep in ("aux", "auxpass") for k in s.kids[verb.i]):
            return self._agents(s, verb.i), subjects
        return subjects, []

    def _harmed(self, s: _Sentence, token: Token, pattern: Pattern) -> list[ActorMention]:
        """ "Kyiv was hit in a Russian missile attack", "a hospital damaged in an air strike", "Iraq's Kurdish capital
        hit in missile attack": who or what a verb of harm says was hit "in" or "by" the force a noun names is the
        noun's target (the passive's subject, or the noun the participle describes)."""
        tokens = s.tokens
        prep = tokens[token.head]
        if token.dep != "pobj" or prep.text.lower() not in ("in", "by") or prep.head == prep.i:
            return []
        verb = tokens[prep.head]
        if verb.pos != "VERB" or verb.tag != "VBN" or verb.lemma.lower() not in _HARM:
            return []
        harmed = undergoers(s, verb.i)
        return self._actors_of(harmed, s) or [m for k in harmed for m in self._headline_place(s, k, pattern)]

    def _headline_place(self, s: _Sentence, k: int, pattern: Pattern) -> list[ActorMention]:
        """ "Erbil hit by rockets", "Kharkiv shelled overnight": the place a headline's passive of force names as
        what was hit, when it is no actor of its own, is the target (force only)."""
        if pattern.code[:2] not in ("18", "19", "20") or not s.tokens[k].text[:1].isupper():
            return []
        return self._gazetteer_place(s, k, known_only=True)


def undergoers(s: _Sentence, k: int) -> list[int]:
    """Who underwent the passive at ``k``: its subject ("the minister was jailed"), or the noun its participle
    describes ("a hospital damaged in an air strike", a headline's "three men found guilty")."""
    tokens = s.tokens
    return [c for c in s.kids[k] if tokens[c].dep == "nsubjpass"] or (
        [tokens[k].head] if tokens[k].dep == "acl" and tokens[k].tag == "VBN" and tokens[k].head != k else [])


def _agent_objects(s: _Sentence, k: int) -> list[int]:
    """The objects of the "by" phrase of a passive at ``k`` ("detained by police", "condemned by the EU")."""
    tokens = s.tokens
    return [c for a in s.kids[k] if tokens[a].dep == "agent" for c in s.kids[a] if tokens[c].dep == "pobj"]
