"""Events no trigger pattern codes, derived from what a sentence reports: an obligation another actor states
is a demand, a conflict act reported by another party and a charge from ``charges.tsv`` are accusations."""

from __future__ import annotations

from datetime import date
from functools import cache

from thucydides.events.conventions import _OBLIGATION
from thucydides.events.patterns import Pattern
from thucydides.events.roles import STATE_SECTORS
from thucydides.events.sentence import _Sentence
from thucydides.tables import packaged, rows, word_set
from thucydides.tree import subtree
from thucydides.types import Article, Event

_CLAIMING = word_set("claiming-verbs")
_EVIDENCING = word_set("evidencing-verbs")
_SAYING = word_set("saying-verbs")


class Derived:
    """Demands and accusations derived from a sentence (part of :class:`EventCoder`)."""

    def _obligations(self, article: Article, s: _Sentence, matched: set[int], skip: set[int], report: date | None,
                     spans: list[tuple[int, int]]) -> list[Event]:
        """ "The ministry stated that Kenya must lift its tariffs": an obligation another actor states is
        its demand (100) on the obliged actor, also when the act demanded has no pattern of its own."""
        tokens, out = s.tokens, []
        for token in tokens:
            if token.i in matched or token.i in skip or token.pos != "VERB" or token.dep not in ("ccomp", "conj"):
                continue
            if not {tokens[k].text.lower() for k in s.kids[token.i] if tokens[k].dep == "aux"} & _OBLIGATION:
                continue
            if any(tokens[k].dep == "neg" for k in s.kids[token.i]):
                continue
            obliged = self._subject(s, token.i)
            speakers = self._speakers(s, token.i)
            if not obliged or not speakers or speakers[0].actor.code == obliged[0].actor.code:
                continue
            pattern = Pattern("100", "V", token.lemma.lower(), None, None, None, (), None,
                              "rule: an obligation stated by another actor is its demand")
            out.extend(self._events(article, s, token, pattern, self.codes["100"], speakers, obliged, False,
                                    report, spans, set()))
        return out

    def _accusations(self, article: Article, s: _Sentence, events: list[Event],
                     report: date | None, spans: list[tuple[int, int]]) -> list[Event]:
        """ "Russia said Ukraine shelled the plant": besides the reported shelling, Russia accuses Ukraine (112).

        Only for acts of conflict attributed to another country's actor; the reported act keeps its code.
        """
        tokens, out = s.tokens, []
        for event in events:
            if event.quad_class < 3 or event.source is None or event.modality.polarity != "positive":
                continue
            node = next(t.i for t in tokens if t.start == event.trigger_start)
            preposition = tokens[tokens[node].head]  # (the act's own head when it is no preposition's object)
            behind = tokens[node].dep == "pobj" and (preposition.text.lower() == "behind" or (
                preposition.text.lower() == "for" and tokens[preposition.head].lemma.lower() == "responsible"))
            # ("Ukraine says Russia is responsible for the attack": the same claim)
            if behind:  # "Ukraine says Russia was behind the attacks": a claim of responsibility is an accusation
                node = preposition.head
                if tokens[node].lemma.lower() == "responsible" and tokens[node].dep in ("acomp", "oprd", "xcomp"):
                    node = tokens[node].head  # (the verb "responsible" completes)
            elif tokens[node].pos == "NOUN" and tokens[node].dep in ("dobj", "obj"):
                node = tokens[node].head  # "said Kosovo police opened fire first": the verb of the nominal act
            for _ in range(6 if behind else 4):
                links = ("ccomp", "conj", "xcomp") + (("acl", "dobj", "nsubj", "attr") if behind else ())
                if tokens[node].dep not in links or tokens[node].head == node:
                    break
                node = tokens[node].head
                lemma = tokens[node].lemma.lower()
                if behind and tokens[node].pos == "NOUN":
                    continue  # "proof showing Iran was behind": up to the verb that states it
                if behind and lemma in _EVIDENCING and not self._subject(s, node):
                    continue  # "evidence proving ...": who holds the evidence states it
                if lemma in _CLAIMING or lemma in _SAYING or (behind and lemma in _EVIDENCING):
                    speakers = self._subject(s, node)
                    accused = event.source
                    speakers = [m for m in speakers if m.actor.country != accused.actor.country]
                    if lemma not in _CLAIMING and not behind:  # "Chad said shells were fired at it": the victim
                        # reporting an attack on itself blames the attacker
                        # ("Ukraine said Russian forces shelled a hospital in Kherson": the hospital is Ukraine's;
                        # the state speaks for it, as its government, army or ministry)
                        victims = {event.target.actor.country} if event.target is not None and \
                            event.target.actor.country else set()
                        if event.target is None:
                            # "a spokesman said Kosovo police opened fire first": force with no target named, told
                            # by another state, is its accusation
                            victims = {m.actor.country for m in speakers}
                        if event.quad_class != 4 or accused.rule == "unidentified":
                            victims = set()
                        speakers = [m for m in speakers if m.actor.country in victims and (
                            m.actor.kind in ("country", "government") or m.actor.sector in STATE_SECTORS)]
                    if speakers:
                        pattern = Pattern("112", "V", tokens[node].lemma.lower(), None, None, None, (), None,
                                          "rule: a conflict act reported by another party is its accusation")
                        out.extend(self._events(article, s, tokens[node], pattern, self.codes["112"], speakers,
                                                [accused], False, report, spans, set()))
                    break
        return out

    def _charges(self, article: Article, s: _Sentence, report: date | None,
                 spans: list[tuple[int, int]]) -> list[Event]:
        """ "Peskov said Kiev was acting under external orders": a speaker who says another country's actor does what
        a phrase of ``charges.tsv`` describes accuses that actor (112)."""
        tokens, out = s.tokens, []
        lowered = " " + " ".join(t.text.lower() for t in tokens) + " "
        if not any(f" {phrase} " in lowered for phrase in _charge_phrases()):
            return []
        for token in tokens:
            if token.dep not in ("ccomp", "advcl") or token.head == token.i:
                continue
            clause = sorted(subtree(s.kids, token.i))
            text = " " + " ".join(tokens[k].text.lower() for k in clause) + " "
            if not any(f" {phrase} " in text for phrase in _charge_phrases()):
                continue
            accused = self._subject(s, token.i)
            speakers = self._speakers(s, token.i)
            speaker_verb = token.head
            if tokens[speaker_verb].lemma.lower() not in _SAYING | _CLAIMING and token.dep == "advcl":
                # "said that talks should be held with Washington, as Kiev was acting under external orders"
                speaker_verb = tokens[speaker_verb].head
                speakers = self._subject(s, speaker_verb) if \
                    tokens[speaker_verb].lemma.lower() in _SAYING | _CLAIMING else []
            accused = [m for m in accused if m.actor.country]
            speakers = [m for m in speakers if m.actor.country and m.actor.country not in
                        {a.actor.country for a in accused}]
            if not accused or not speakers:
                continue
            pattern = Pattern("112", "V", tokens[speaker_verb].lemma.lower(), None, None, None, (), None,
                              "rule: a charge (data/events/charges.tsv) stated about another actor")
            out.extend(self._events(article, s, tokens[speaker_verb], pattern, self.codes["112"], speakers[:1],
                                    accused[:1], False, report, spans, set()))
        return out


@cache
def _charge_phrases() -> tuple[str, ...]:
    """The phrases of ``data/events/charges.tsv``, lower case."""
    return tuple(cells[0].lower() for _where, cells in rows(packaged("events", "charges.tsv"), 2))
