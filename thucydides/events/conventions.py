"""CAMEO's conventions for what did not (yet) happen or was said of another: negated cooperation is a
rejection, a stated obligation a demand, a future act an intent or a threat; chemical and military weapons and
warnings addressed to no one change the code."""

from __future__ import annotations

from thucydides.events.codebook import CameoCode, convert
from thucydides.events.recoding import recoded
from thucydides.events.scope import _WANT
from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set
from thucydides.types import ActorMention, Modality, Token

_OBLIGATION = word_set("obligation-auxiliaries")
_FUTURE = word_set("future-auxiliaries")



class Conventions:
    """Recoding a trigger by CAMEO's conventions (part of :class:`EventCoder`)."""

    def _recode(self, s: _Sentence, token: Token, code: CameoCode, mood: Modality, sources: list[ActorMention],
                targets: list[ActorMention]):  # noqa: ANN202
        """CAMEO's conventions for what did not (yet) happen:

        - a negated act of cooperation is a rejection ("refused to meet", "failed to reach agreement": 12x),
          kept with ``negates`` naming the act that did not happen;
        - an obligation someone else states ("X said Iraq must cooperate") is X's demand on Iraq (10x);
        - a future act announced ("will release", "would boycott") is an expressed intent (03x) when
          cooperative and a threat (13x) when conflictual.
        A negated act of conflict keeps its code with polarity ``negative``: it is not an event that happened.
        """
        root = code.code[:2]
        tokens = s.tokens
        row = recoded(s, token, code.code, ("instrument",), sources, targets)
        if row is not None:
            # "attacked villagers with chlorine gas" (2041), "was blown up by a surface-to-air missile" (190):
            # the instrument changes the code (data/events/recodes.tsv)
            code, root = self.codes[row.becomes], row.becomes[:2]
        if root == "13" and token.lemma.lower() == "warn" and "012" in self.codes and not any(
                tokens[k].dep in ("dobj", "obj", "dative", "iobj") for k in s.kids[token.i]) and (
                (code.code == "130" and not any(
                    tokens[k].dep == "ccomp" and self._subject(s, k) for k in s.kids[token.i]))
                or any(tokens[k].dep == "prep" and tokens[k].text.lower() == "against" for k in s.kids[token.i])):
            # "growth may fall, the minister warned", "China warned against any attack on Iran": a warning addressed
            # to no one, about no actor's act, is a pessimistic comment (012), not a threat to whoever it mentions
            # ("warned that police would break up any further rallies" stays a threat)
            return self.codes["012"], sources, [], mood, None
        aux = {tokens[k].text.lower() for k in s.kids[token.i] if tokens[k].dep in ("aux", "auxpass")}
        announcer = token  # whose auxiliaries announce the act
        if token.pos in ("NOUN", "PROPN") and token.dep == "pobj" and tokens[token.head].text.lower() == "for" \
                and tokens[token.head].head != token.head and tokens[tokens[token.head].head].pos == "VERB":
            # "will travel to Beijing for talks": talks that are the purpose of a journey ahead are ahead too
            announcer = tokens[tokens[token.head].head]
            aux = {tokens[k].text.lower() for k in s.kids[announcer.i] if tokens[k].dep in ("aux", "auxpass")}
        clause = token  # "seeking to strengthen a partnership": a nominal trigger's clause is its verb's
        if token.pos in ("NOUN", "PROPN") and token.dep in ("dobj", "obj") and token.head != token.i \
                and tokens[token.head].pos == "VERB":
            clause = tokens[token.head]
        governor = tokens[clause.head]
        infinitive = clause.dep == "ccomp" and any(tokens[k].dep == "aux" and tokens[k].text.lower() == "to"
                                                   for k in s.kids[clause.i])  # "wants Putin to attack"
        if (clause.dep == "xcomp" or infinitive) and governor.lemma.lower() in _WANT and mood.polarity == "positive" \
                and root not in ("02", "03", "10", "13"):
            wanter = self._subject(s, governor.i)
            asked = self._actors_of([k for k in s.kids[governor.i] if tokens[k].dep in ("dobj", "obj")], s)
            if infinitive and not asked:
                asked = sources
            if wanter and asked:  # "Paris wants Rome to act": an appeal to Rome
                return self.codes[convert("appealed", code.code)], wanter, asked, mood, None
            if wanter and code.quad_class != 3:  # "plans to attack", "wants to meet": an intent or a threat
                new = convert("intended", code.code) if code.quad_class in (1, 2) else \
                    convert("threatened", code.code)
                return self.codes[new], wanter, targets, mood, None
        if mood.polarity == "negative" and code.quad_class in (1, 2):
            new = convert("negated", code.code)
            if new == code.code:  # an act whose negation rejects nothing ("has not claimed responsibility")
                return code, sources, targets, mood, None
            return (self.codes[new], sources, targets,
                    Modality("positive", mood.certainty, mood.condition, mood.cue), code.code)
        if aux & _OBLIGATION and mood.polarity == "positive":
            speakers = self._speakers(s, token.i)
            if speakers and sources and speakers[0].actor.code != sources[0].actor.code:
                new = convert("demanded", code.code)
                return self.codes[new], speakers, sources, mood, None
        if aux & _FUTURE and mood.polarity == "positive" and root not in ("03", "13", "01", "02", "10"):
            if (mood.cue or "").lower().split()[-1:] == ["unless"] or (mood.condition or "").lower().startswith(
                    "unless"):
                new = convert("threatened", code.code)  # "will withdraw ... unless"
                return self.codes[new], sources, targets, mood, None
            if code.quad_class == 3:
                return code, sources, targets, mood, None  # "will investigate", "would criticise": as said
            if code.quad_class in (1, 2):
                new = convert("intended", code.code)
            else:
                new = convert("threatened", code.code)
            if new == code.code:  # an act announced that keeps its code ("will deploy troops"): not yet a fact
                will = next(tokens[k].text for k in s.kids[announcer.i] if tokens[k].text.lower() in _FUTURE)
                mood = Modality(mood.polarity, "probable" if mood.certainty == "certain" else mood.certainty,
                                mood.condition, " ".join(c for c in (mood.cue, will) if c))
            return self.codes[new], sources, targets, mood, None
        return code, sources, targets, mood, None

    def _speakers(self, s: _Sentence, node: int) -> list[ActorMention]:
        """Who states the clause at ``node``: the subject of the verb it is the content of."""
        tokens = s.tokens
        for _ in range(3):
            if tokens[node].dep not in ("ccomp", "acl", "advcl", "relcl", "xcomp") or tokens[node].head == node:
                return []
            node = tokens[node].head
            if tokens[node].pos in ("NOUN",) and tokens[node].head != node:  # "a reminder to Iraq that ..."
                node = tokens[node].head
            found = self._subject(s, node)
            if found:
                return found
        return []
