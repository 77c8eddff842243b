"""Code events from parsed sentences: trigger patterns plus arguments from the dependency parse.

For each verb, noun or predicative adjective whose lemma has patterns, the most specific matching pattern gives
the CAMEO code; the source and target come from the parse:

- verbs: subject (inherited through "agreed to meet", "urged ... to"), passive subject as target and the
  ``by`` agent as source, direct or indirect object as target, else the object of a target preposition
  ("talks with", "sanctions against", "called on");
- nouns: possessor or actor modifier ("Russia's invasion", "US sanctions", "Russian airstrikes"), ``by`` and
  ``from`` phrases ("a request for help from the rebels"), else the subject of the verb that governs the
  noun ("imposed sanctions"); target from ``against``/``on``/``of``/``with``/``to`` on the noun or its verb;
- coordination gives one event per source and per target; a reciprocal verb with a plural subject ("X and Y
  agreed") gives both directions;
- a meeting place ("met in Doha") is the location, never the target.

Statements (CAMEO 010) are not events here: what was said is a quote with its own attribution.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from thucydides.actors.dictionary import ADJECTIVE, ActorDictionary, default_dictionary, phrase_key
from thucydides.actors.resolve import RELATIONAL, article_date, split_code
from thucydides.events.codebook import CameoCode, codebook, convert, verb_of
from thucydides.events.dates import date_spans, event_date, reported_date
from thucydides.events.modality import modality
from thucydides.events.patterns import NO_EVENT, Pattern, patterns
from thucydides.events.places import place_at, place_named, prefer
from thucydides.tables import packaged, rows, word_list, word_set
from thucydides.tree import children, subtree
from thucydides.types import Actor, ActorMention, Article, Event, Location, Modality, Sentence, Token

TARGET_PREPOSITIONS = word_list("target-prepositions")
NOUN_TARGET_PREPOSITIONS = word_list("noun-target-prepositions")
RELATIVE = word_set("relative-pronouns")
# Codes whose plural subject acts on itself: "Israel and Hamas agreed / met / clashed".
RECIPROCAL_ROOTS = word_set("reciprocal-roots")
PERSONAL = word_set("personal-pronouns")
IMPERSONAL = word_set("impersonal-pronouns")
# PLOVER types whose act, when no target is named, is aimed at the actor's own country: concessions (lifting a
# curfew or a state of emergency), protest (strikes, rallies) and coercion (curfews, arrests, states of siege).
# Not RETREAT: "rebels surrendered", "forces withdrew" name no one they yield to.
DOMESTIC_TYPES = word_set("domestic-plover-types")
# Sectors of the state: a bare "the government" or "the army" is not guessed to belong to the country it acts on.
STATE_SECTORS = word_set("state-sectors")


@dataclass(slots=True)
class _Sentence:
    sentence: Sentence
    tokens: Sequence[Token]
    kids: list[list[int]]
    mentions: list[ActorMention]
    at: dict[int, ActorMention]
    base: int


class EventCoder:
    """Holds the patterns, the codebook and the actor dictionary; call :meth:`article`."""

    def __init__(self, dictionary: ActorDictionary | None = None,
                 pattern_index: dict[tuple[str, str], list[Pattern]] | None = None) -> None:
        self.patterns = pattern_index if pattern_index is not None else patterns()
        self.codes = codebook()
        self.d = dictionary or default_dictionary()

    # -- public -----------------------------------------------------------------------------------------
    def article(self, article: Article, *, today: date | None = None) -> tuple[Event, ...]:
        report = article_date(article, today) if (article.published or today) else None
        by_sentence: dict[int, list[ActorMention]] = {}
        for mention in article.actors:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        events: list[Event] = []
        recent: list[ActorMention] = []
        for sentence in article.sentences:
            mentions = by_sentence.get(sentence.index, [])
            events.extend(self.sentence(article, sentence, mentions, report, recent))
            recent.extend(mentions)
        return tuple(events)

    def sentence(self, article: Article, sentence: Sentence, mentions: list[ActorMention], report: date | None,
                 recent: list[ActorMention]) -> list[Event]:
        tokens = sentence.tokens
        if not tokens:
            return []
        at = {k: m for m in mentions for k in range(m.token_start, m.token_end)}
        s = _Sentence(sentence, tokens, children(tokens), mentions, at, sentence.start)
        spans = date_spans(tokens)
        consumed: set[int] = set()
        hypothetical = _conditional_clauses(s)  # "if they offered talks": a condition, not an event
        out: list[Event] = []
        matched: set[int] = set()
        for token in tokens:
            if token.i in consumed or token.i in hypothetical:
                continue
            match = self._match(s, token)
            if match is None:
                continue
            matched.add(token.i)
            pattern, used = match
            code = self.codes[pattern.code]
            consumed.update(used)
            if not code.code.startswith("01"):
                # what an appeal, a promise, an accusation or a refusal is about is its content, not a second
                # event ("urging Zelensky to show openness to talks", "accused the US of violating"); nor is the
                # purpose of an act ("signed an agreement to increase trade", "will visit X to mediate")
                content = [c for c in s.kids[token.i] if tokens[c].dep in ("xcomp",) or _purpose(s, c)]
                if pattern.pos == "N" and token.head in used:  # "gave permission to Turkey to use the base"
                    content += [c for c in s.kids[token.head] if c != token.i and (
                        tokens[c].dep == "xcomp" or _purpose(s, c))]
                if pattern.pos == "N" and code.code[:2] in _CONTENT_ROOTS and token.dep in ("dobj", "obj") \
                        and token.head != token.i:
                    # "reiterated its demand that Israel ease restrictions": the parser hangs the noun's clause on
                    # the verb
                    content += [c for c in s.kids[token.head] if tokens[c].dep == "ccomp" and c > token.i]
                if pattern.pos == "N" and code.code[:2] in _CONTENT_ROOTS:  # "its demand that Israel ease ..."
                    content += [c for c in s.kids[token.i] if tokens[c].dep == "acl" and any(
                        tokens[g].dep == "mark" and tokens[g].text.lower() == "that" for g in s.kids[c])]
                if code.code[:2] in _CONTENT_ROOTS:
                    content += [c for c in s.kids[token.i] if tokens[c].dep in ("ccomp", "advcl", "prep")
                                and (tokens[c].dep != "prep" or any(tokens[g].dep == "pcomp" for g in s.kids[c])
                                     or (code.code[:2] == "03" and tokens[c].text.lower() in ("to", "on")
                                         and not any(g in s.at for g in s.kids[c]))
                                     or (code.code[:2] in ("11", "12") and tokens[c].text.lower() in ("for", "over")))]
                    # "agreed to a ceasefire": the ceasefire is what was agreed, not a second event
                    # "demanded an admission that X murdered ...", "demanded a meeting to discuss ...": the clause of
                    # the object noun is what is demanded, promised or rejected
                    content += [c for o in s.kids[token.i] if tokens[o].dep in ("dobj", "obj")
                                for c in s.kids[o] if tokens[c].dep in ("acl", "ccomp", "relcl") and (
                                    tokens[c].dep != "relcl" or _purpose(s, c))
                                and (tokens[c].dep != "acl" or _purpose(s, c) or any(
                                    tokens[g].dep == "mark" and tokens[g].text.lower() == "that" for g in s.kids[c]))]
                    if code.code[:2] in ("02", "03", "10", "12", "13") and pattern.pos == "V":
                        # "demanded a meeting", "opposed sending a force", "threatened an attack": what is
                        # asked, refused or threatened has not happened
                        content += [o for o in s.kids[token.i] if tokens[o].dep in ("dobj", "obj")]
                if code.code[:2] in ("16", "17") or code.code[:3] == "116":
                    # "imposed sanctions on officials over the crackdown", "arrested for collaborating with Israel":
                    # what a punishment is for is its reason, reported before, not a second event
                    for h in [token.i] + ([token.head] if pattern.pos == "N" and token.head != token.i else []):
                        content += [c for c in s.kids[h] if tokens[c].dep == "prep"
                                    and tokens[c].text.lower() in ("over", "for")]
                for k in list(used) + content:
                    # the verb governing a nominal trigger is used up, not the rest of its clause ("opened fire to
                    # disperse the crowd, killing one and arresting 30": the killing and the arrests are their own)
                    consumed.update({k} if k == token.head and pattern.pos == "N" else
                                    subtree(s.kids, k) - _decided(s, subtree(s.kids, k)))
            elif code.code not in ("01", "010"):
                # "expressed sorrow for the shootings": what a comment is about is not a second event
                for k in s.kids[token.i]:
                    if tokens[k].dep == "prep" or k in used:
                        consumed.update(subtree(s.kids, k))
            if code.code[:2] == "04" or code.code == "036":
                # "attended a conference on the violence in Sudan": what a meeting is about is not a second event
                for h in [token.i] + [k for k in s.kids[token.i] if tokens[k].dep in ("dobj", "obj")]:
                    for k in s.kids[h]:
                        if tokens[k].dep == "prep" and tokens[k].text.lower() in _TOPIC_PREPOSITIONS:
                            consumed.update(subtree(s.kids, k))
            if code.code in ("01", "010"):
                continue  # statements are quotes (attribution), not events
            sources, targets, reciprocal = self._arguments(s, token, pattern, recent, matched)
            if not sources and pattern.pos == "V" and self._event_subject(s, token.i) & matched:
                continue  # "a walkout that paralysed the capital": what an event did is not a second act
            out.extend(self._events(article, s, token, pattern, code, sources, targets, reciprocal, report, spans,
                                    used, recent))
        out.extend(self._accusations(article, s, out, recent, report, spans))
        out.extend(self._charges(article, s, recent, report, spans))
        out.extend(self._obligations(article, s, matched, consumed | hypothetical, recent, report, spans))
        # "A protester smashed the windows": an act with no country or organisation on either side and no
        # place says nothing a country-level analysis can use (PETRARCH and GDELT code none either)
        out = [e for e in out if e.location is not None or any(
            m is not None and m.actor.code and not m.actor.code.startswith("---") for m in (e.source, e.target))]
        return _dedupe(out)

    @staticmethod
    def _event_subject(s: _Sentence, verb: int) -> set[int]:
        """The subject of ``verb`` (through a relative pronoun to its antecedent), as token indices."""
        tokens = s.tokens
        out = {k for k in s.kids[verb] if tokens[k].dep in ("nsubj", "nsubjpass")}
        if tokens[verb].dep == "relcl" and any(tokens[k].text.lower() in RELATIVE for k in out):
            out.add(tokens[verb].head)
        return out

    def _obligations(self, article: Article, s: _Sentence, matched: set[int], skip: set[int],
                     recent: list[ActorMention], report: date | None, spans: list[tuple[int, int]]) -> list[Event]:
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
            obliged = self._subject(s, token.i, recent)
            speakers = self._speakers(s, token.i, recent)
            if not obliged or not speakers or speakers[0].actor.code == obliged[0].actor.code:
                continue
            pattern = Pattern("100", "V", token.lemma.lower(), None, None, None, (), None,
                              "rule: an obligation stated by another actor is its demand")
            out.extend(self._events(article, s, token, pattern, self.codes["100"], speakers, obliged, False,
                                    report, spans, set(), recent))
        return out

    def _accusations(self, article: Article, s: _Sentence, events: list[Event], recent: list[ActorMention],
                     report: date | None, spans: list[tuple[int, int]]) -> list[Event]:
        """ "Russia said Ukraine shelled the plant": besides the reported shelling, Russia accuses Ukraine (112).

        Only for acts of conflict attributed to another country's actor; the reported act keeps its code.
        """
        tokens, out = s.tokens, []
        for event in events:
            if event.quad_class < 3 or event.source is None or event.modality.polarity != "positive":
                continue
            node = next(t.i for t in tokens if t.start == event.trigger_start)
            behind = tokens[node].dep == "pobj" and tokens[tokens[node].head].text.lower() == "behind"
            if behind:  # "Ukraine says Russia was behind the attacks": a claim of responsibility is an accusation
                node = tokens[tokens[node].head].head
            for _ in range(6 if behind else 4):
                links = ("ccomp", "conj", "xcomp") + (("acl", "dobj", "nsubj", "attr") if behind else ())
                if tokens[node].dep not in links or tokens[node].head == node:
                    break
                node = tokens[node].head
                lemma = tokens[node].lemma.lower()
                if behind and tokens[node].pos == "NOUN":
                    continue  # "proof showing Iran was behind": up to the verb that states it
                if behind and lemma in _EVIDENCING and not self._subject(s, node, recent):
                    continue  # "evidence proving ...": who holds the evidence states it
                if lemma in _CLAIMING or lemma in _SAYING or (behind and lemma in _EVIDENCING):
                    speakers = self._subject(s, node, recent)
                    accused = event.source
                    speakers = [m for m in speakers if m.actor.country != accused.actor.country]
                    if lemma not in _CLAIMING and not behind:  # "Chad said shells were fired at it": the victim
                        # reporting an attack on itself blames the attacker
                        victims = {event.target.actor.country} if event.target is not None and \
                            event.target.actor.kind == "country" else set()
                        if event.quad_class != 4 or accused.rule == "unidentified":
                            victims = set()
                        speakers = [m for m in speakers if m.actor.country in victims and m.actor.kind == "country"]
                    if speakers:
                        pattern = Pattern("112", "V", tokens[node].lemma.lower(), None, None, None, (), None,
                                          "rule: a conflict act reported by another party is its accusation")
                        out.extend(self._events(article, s, tokens[node], pattern, self.codes["112"], speakers,
                                                [accused], False, report, spans, set(), recent))
                    break
        return out

    def _charges(self, article: Article, s: _Sentence, recent: list[ActorMention], report: date | None,
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
            accused = self._subject(s, token.i, recent)
            speakers = self._speakers(s, token.i, recent)
            speaker_verb = token.head
            if tokens[speaker_verb].lemma.lower() not in _SAYING | _CLAIMING and token.dep == "advcl":
                # "said that talks should be held with Washington, as Kiev was acting under external orders"
                speaker_verb = tokens[speaker_verb].head
                speakers = self._subject(s, speaker_verb, recent) if \
                    tokens[speaker_verb].lemma.lower() in _SAYING | _CLAIMING else []
            accused = [m for m in accused if m.actor.country]
            speakers = [m for m in speakers if m.actor.country and m.actor.country not in
                        {a.actor.country for a in accused}]
            if not accused or not speakers:
                continue
            pattern = Pattern("112", "V", tokens[speaker_verb].lemma.lower(), None, None, None, (), None,
                              "rule: a charge (data/events/charges.tsv) stated about another actor")
            out.extend(self._events(article, s, tokens[speaker_verb], pattern, self.codes["112"], speakers[:1],
                                    accused[:1], False, report, spans, set(), recent))
        return out

    # -- matching ---------------------------------------------------------------------------------------
    def _match(self, s: _Sentence, token: Token) -> tuple[Pattern, set[int]] | None:
        pos = {"VERB": "V", "NOUN": "N", "PROPN": "N", "ADJ": "A"}.get(token.pos)
        if pos == "A" and token.dep in ("dobj", "pobj", "nsubj", "nsubjpass", "conj", "attr"):
            pos = "N"  # "launched an offensive": the parser sometimes tags the noun as an adjective
        if pos is None:
            return None
        if _visiting(s, token.i):
            return None  # "Putin met visiting Hungarian Prime Minister Orban": the guest, not a visit by Putin
        lemma = token.lemma.lower()
        keys = [(lemma, 0.0)]
        for k in s.kids[token.i]:
            child = s.tokens[k]
            if child.dep == "advmod" and pos == "V" and child.text.lower() in ("ahead", "forward"):
                keys.append((f"{lemma} {child.text.lower()}", 0.0))  # "charging ahead": a row may block it
            if child.dep == "prep" and any(s.tokens[o].ent_type in ("DATE", "TIME") for o in s.kids[k]):
                continue  # "called on Tuesday" is a call, not "call on"
            if child.dep in ("prt", "prep") and pos == "V":
                # a particle binds tighter than a preposition that may belong elsewhere ("with strings attached")
                keys.append((f"{lemma} {child.text.lower()}", 0.0 if child.dep == "prt" else -0.5))
        best: tuple[float, Pattern, set[int]] | None = None
        for key, bonus in keys:
            for pattern in self.patterns.get((pos, key), ()):
                used = self._holds(s, token, pattern)
                if used is None:
                    continue
                if pattern.code == NO_EVENT and pattern.objects is not None and not any(
                        s.tokens[k].dep in ("dobj", "obj") and s.tokens[k].lemma.lower() in pattern.objects
                        for k in s.kids[token.i]):
                    continue  # "killed nine guards and themselves": blocked only when it is the object
                score = pattern.weight + bonus
                if best is None or score > best[0]:
                    best = (score, pattern, used)
        if best is not None and pos == "V" and best[1].objects is None and self._object_codes(s, token):
            return None  # "called a general strike": the strike, governed by "call", says what happened
        if best is not None and pos == "V" and " " not in best[1].lemma and any(
                s.tokens[k].dep == "prt" and s.tokens[k].text.lower() in _PARTICLES
                and not (k + 1 < len(s.tokens) and s.tokens[k + 1].text.lower() == "to")  # "kidnapped up to 16"
                for k in s.kids[token.i]):
            return None  # "called off the march" is no phone call: a particle makes another verb
        if best is not None and best[1].code == NO_EVENT:
            return None  # a row of verbs.tsv that blocks this reading ("a heart attack", "shooting for")
        if best is not None and pos == "V" and lemma == "ask" and not _asks_something(s, token.i):
            return None  # '"Why now?" Walsh asked.', "officials who asked not to be named": no appeal
        return (best[1], best[2]) if best else None

    def _object_codes(self, s: _Sentence, verb: Token) -> bool:
        """The verb's direct object, or the object of its preposition ("called for a ceasefire"), is a nominal
        trigger whose own pattern names this verb as its governor."""
        tokens, nouns = s.tokens, []
        for k in s.kids[verb.i]:
            child = tokens[k]
            if child.dep in ("dobj", "obj", "oprd") or (child.dep == "npadvmod" and not child.ent_type):
                nouns.append(child)  # the parser reads "called a general strike" as "called X a Y" without the X
            elif child.dep in ("prep", "prt"):  # "called for a ceasefire", "pulled out of the accord"
                for o in s.kids[k]:
                    if tokens[o].dep == "pobj":
                        nouns.append(tokens[o])
                    elif tokens[o].dep == "prep":
                        nouns += [tokens[p] for p in s.kids[o] if tokens[p].dep == "pobj"]
        for noun in nouns:
            for pattern in self.patterns.get(("N", noun.lemma.lower()), ()):
                if pattern.governors is not None and pattern.governors != {"*"} \
                        and self._holds(s, noun, pattern) is not None \
                        and (self._governor(s, noun) or (None,))[0] == verb.i:
                    return True
        return False

    def _holds(self, s: _Sentence, token: Token, pattern: Pattern) -> set[int] | None:
        """The constraints of ``pattern`` hold at ``token``: the tokens they used (consumed), or None."""
        tokens, kids = s.tokens, s.kids[token.i]
        used: set[int] = set()
        if pattern.objects is not None:
            objects = [k for k in kids if tokens[k].dep in ("dobj", "obj", "attr")]
            if _stative(s, token.i):  # "is opposed to Swedish membership": the object of "to"
                objects += [o for k in kids if tokens[k].dep == "prep" and tokens[k].text.lower() == "to"
                            for o in s.kids[k] if tokens[o].dep == "pobj"]
            objects += [o for k in kids if _visiting(s, k) for o in s.kids[k] if tokens[o].dep in ("dobj", "obj")]
            objects += [c for k in objects for c in s.kids[k] if tokens[c].dep == "conj"]
            objects += [_of_quantity(s, k) for k in objects if _of_quantity(s, k) is not None]
            hit = [k for k in objects if tokens[k].lemma.lower() in pattern.objects
                   or phrase_key(tokens[k].text) in pattern.objects
                   # "received President Macron": a named office-holder is the visitor the pattern asks for
                   or (pattern.objects & _VISITORS and k in s.at and s.at[k].actor.kind == "person"
                       and s.at[k].actor.sector in ("GOV", "ELI", "MIL"))]
            if not hit:
                return None
            used.update(hit)
        if pattern.children is not None and not any(tokens[k].dep in pattern.children for k in kids):
            return None
        if pattern.compounds is not None:
            modifiers = [k for k in kids if tokens[k].dep in ("compound", "amod", "nmod", "npadvmod")]
            modifiers += [c for k in modifiers for c in s.kids[k] if tokens[c].dep in ("compound", "amod")]
            # the object of the noun's own preposition ("release of prisoners", "end to the fighting",
            # "investigation into corruption", "suspension of air links")
            objects = [o for k in kids if tokens[k].dep == "prep" and tokens[k].text.lower() in _PHRASE_PREPOSITIONS
                       for o in s.kids[k] if tokens[o].dep == "pobj"]
            objects += [c for o in objects for c in s.kids[o] if tokens[c].dep in ("compound", "amod", "conj")]
            modifiers += objects
            hit = [k for k in modifiers if tokens[k].lemma.lower() in pattern.compounds
                   or tokens[k].text.lower() in pattern.compounds]
            if not hit:
                return None
        if pattern.governors is not None:
            governor = self._governor(s, token)
            if governor is None or not (governor[1] & pattern.governors):
                return None
            used.add(governor[0])
        if pattern.complements is not None:
            candidates = [k for k in kids if tokens[k].dep in ("xcomp", "ccomp", "acl", "advcl", "pcomp")]
            for k in kids:  # "called for talks", "refusal to engage in dialogue"
                if tokens[k].dep == "prep":
                    candidates += [c for c in s.kids[k] if tokens[c].dep in ("pobj", "pcomp")]
            hit = [k for k in candidates if _phrases(s, k) & pattern.complements]
            if not hit:  # "urged Zelensky to show openness to talks": what the clause is about
                hit = [k for k in candidates if tokens[k].dep == "xcomp" and any(
                    verb_of(tokens[d].lemma.lower()) in pattern.complements
                    for d in subtree(s.kids, k) if d != k)]
            if not hit:
                return None
            used.update(hit)
        return used

    @staticmethod
    def _governor(s: _Sentence, noun: Token) -> tuple[int, set[str]] | None:
        """The verb a nominal trigger depends on, described as "hold", "call for", "wrap up"."""
        tokens = s.tokens
        head = tokens[noun.head]
        if head.i == noun.i:
            return None
        if noun.dep == "pobj" and head.text.lower() == "of" and tokens[head.head].lemma.lower() in _QUANTITIES \
                and tokens[head.head].head != head.head:
            quantity = tokens[head.head]  # "imposed thousands of sanctions", "a new package of sanctions"
            verb = tokens[quantity.head]
            if verb.pos in ("VERB", "AUX") and quantity.dep in ("dobj", "obj", "nsubjpass"):
                return verb.i, {verb.lemma.lower()}
        if noun.dep == "pobj" and head.dep == "prep" and tokens[head.head].pos in ("VERB", "AUX"):
            verb = tokens[head.head]
            lemma, prep = verb.lemma.lower(), head.text.lower()
            particles = [tokens[k].text.lower() for k in s.kids[verb.i] if tokens[k].dep == "prt"]
            if particles:  # "pulled out of the accord", "broke off from": the phrasal verb, not the bare one
                return verb.i, {f"{lemma} {p}" for p in particles} | {f"{lemma} {p} {prep}" for p in particles}
            return verb.i, {lemma, f"{lemma} {prep}"}
        if noun.dep == "pobj" and head.dep == "prep" and tokens[head.head].dep in ("prep", "prt") \
                and tokens[head.head].text.lower() in _PARTICLES and tokens[tokens[head.head].head].pos == "VERB":
            # "pulled out of the accord" parsed pulled -> out -> of -> accord: "out" is the verb's particle
            verb, particle = tokens[tokens[head.head].head], tokens[head.head].text.lower()
            lemma = verb.lemma.lower()
            return verb.i, {f"{lemma} {particle}", f"{lemma} {particle} {head.text.lower()}"}
        if noun.dep == "pobj" and head.dep == "prep" and tokens[head.head].pos == "NOUN" and head.head != head.i:
            owner = tokens[head.head]  # "the impossibility of negotiations", "a ban on talks"
            return owner.i, {f"{owner.lemma.lower()} {head.text.lower()}"}
        if noun.dep == "oprd" and any(tokens[k].dep in ("dobj", "obj") for k in s.kids[head.i]):
            return None  # "called the attack a crime": a predicate, not what was done
        if head.pos in ("VERB", "AUX") and (noun.dep in ("dobj", "obj", "nsubjpass", "attr", "nsubj", "oprd") or (
                noun.dep == "npadvmod" and not noun.ent_type)):  # "called off their march" (read as a month)
            names = {head.lemma.lower()}
            names.update(f"{head.lemma.lower()} {tokens[k].text.lower()}" for k in s.kids[head.i]
                         if tokens[k].dep == "prt")
            return head.i, names
        return None

    # -- arguments --------------------------------------------------------------------------------------
    def _arguments(self, s: _Sentence, token: Token, pattern: Pattern, recent: list[ActorMention],
                   matched: set[int]) -> tuple[list[ActorMention], list[ActorMention], bool]:
        tokens, kids = s.tokens, s.kids
        sources: list[ActorMention] = []
        targets: list[ActorMention] = []
        reciprocal = False
        if pattern.pos == "N":
            sources = self._noun_sources(s, token.i, recent)
            targets = self._preposition_targets(s, token.i, pattern.prepositions or NOUN_TARGET_PREPOSITIONS,
                                                recent)
            governed = self._governor(s, token)
            if pattern.code[:2] in _ASKING_ROOTS and governed and not governed[1] & (_RECEIVING | _UNDERGOING) \
                    and sources and sources == self._preposition_targets(s, token.i, ("from",), recent):
                # "asked for help from China", "demanded guarantees from Washington": what is asked for, "from"
                # whom, is asked by the subject of the verb that governs it (not "received a request from Tokyo", "faces
                # pressure from Brussels": there the subject is asked)
                sources, targets = [], targets or sources
            if token.lemma.lower() in _UNDERGONE and sources and all(m.actor.kind == "person" for m in sources) and \
                    any(tokens[k].dep == "poss" for k in kids[token.i]) and not any(
                    tokens[k].dep == "prep" and tokens[k].text.lower() == "of" for k in kids[token.i]):
                # "Khan's arrest", "Navalny's poisoning": a person's arrest is one he underwent, not one he made
                sources, targets = self._preposition_targets(s, token.i, ("by",), recent), sources
            governor = tokens[token.head]
            first = token
            while first.dep == "conj" and first.head != first.i and tokens[first.head].pos in ("NOUN", "PROPN"):
                first = tokens[first.head]  # "opened tank, machine-gun and sniper fire": the list's verb
            if first is not token and first.head != first.i:
                governor = tokens[first.head]
            if not sources and governor.i != token.i and token.dep == "nsubjpass" and \
                    governor.lemma.lower() not in _JUDGING:  # (not "the meeting was condemned by X")
                sources = [m for k in s.kids[governor.i] if tokens[k].dep == "agent"
                           for m in self._actors_of([c for c in s.kids[k] if tokens[c].dep == "pobj"], s, recent)]
            undergo = governor.lemma.lower() in _UNDERGOING and token.dep in ("dobj", "obj", "pobj")
            if undergo and self._noun_sources(s, token.i, recent):
                # "Belgrade faces pressure from Brussels": who faces the act is its target, not its source
                targets = self._subject(s, governor.i if token.dep != "pobj" else governor.head, recent)
            judged = first.dep in ("dobj", "obj", "nsubjpass") and governor.lemma.lower() in _JUDGING
            if not sources and governor.i != token.i and not undergo and not judged and first.dep in (
                    "dobj", "obj", "pobj", "attr", "conj", "oprd", "npadvmod"):
                # (not "NATO condemned the attack": who judges an act did not commit it)
                verb = governor if first.dep != "pobj" else tokens[governor.head]
                if verb.dep in ("prep", "prt") and verb.text.lower() in _PARTICLES and verb.head != verb.i:
                    verb = tokens[verb.head]  # "pulled out of the accord": the verb of the particle
                if verb.pos == "NOUN" and governor.text.lower() == "of" and verb.head != verb.i \
                        and verb.dep in ("dobj", "obj") and tokens[verb.head].pos == "VERB" \
                        and verb.lemma.lower() in _QUANTITIES:
                    # "began three weeks of naval drills", "began a round of talks" (not "gave his assessment of the
                    # talks", "commemorates the victims of the bombing")
                    verb = tokens[verb.head]
                if not self._event_subject(s, verb.i) & matched:
                    # (not "Khan's arrest led to riots": an event as the subject acts on nothing)
                    sources = self._subject(s, verb.i, recent)
            if not sources:
                sources = self._decider(s, token.i, recent)
            if not sources and token.lemma.lower() in _DEPLOYMENTS:
                # "the deployment of Irish peacekeeping forces": the forces deployed are the actor's own
                forces = self._preposition_targets(s, token.i, ("of",), recent)
                if forces and all(m.actor.sector == "MIL" for m in forces):
                    sources, targets = forces, [m for m in targets if m not in forces]
            if not targets and governor.i != token.i and governor.pos == "VERB":
                # "issued arrest warrants for three Peruvians": the parser often hangs the noun's phrase on its verb
                targets = self._preposition_targets(s, governor.i,
                                                    pattern.prepositions or TARGET_PREPOSITIONS + ("for",),
                                                    recent, skip=token.i)
                if not targets and token.dep in ("nsubj", "nsubjpass"):  # "Russian strikes hit Kyiv"
                    targets = self._objects(s, governor.i, recent, skip=token.i)
            if not targets and token.dep == "pobj" and governor.dep == "prep" and governor.head != governor.i \
                    and tokens[governor.head].pos == "VERB" and pattern.code[:2] in _ASKING_ROOTS:
                # "appealed to the UN for aid", "asked China for help", "called on Hamas for a ceasefire": whom the
                # verb of asking addresses is the target of what it asks for
                targets = self._objects(s, governor.head, recent) or self._preposition_targets(
                    s, governor.head, TARGET_PREPOSITIONS, recent, skip=governor.i)
            if not targets and token.dep == "pobj" and governor.dep == "prep" and governor.head != governor.i \
                    and tokens[governor.head].pos == "VERB" and governor.text.lower() in ("in", "into"):
                # "engaged the peacekeepers in a firefight": the verb's object is whom the act is done to
                targets = self._objects(s, governor.head, recent)
        else:
            passive = any(tokens[k].dep == "nsubjpass" for k in kids[token.i]) and not _stative(s, token.i)
            if _finite_acl(s, token.i):
                # "Israeli airstrikes killed 30 people" read as a noun phrase: the noun is the subject
                sources = self._actors_of([token.head], s, recent)
                targets = self._objects(s, token.i, recent) or self._place_objects(s, token.i)
            elif token.dep == "acl" and token.tag == "VBN" and token.head != token.i:
                # "five Nigerien soldiers wounded near the border": the noun the participle describes is the target
                targets = self._actors_of([token.head], s, recent)
                for k in kids[token.i]:
                    if tokens[k].dep == "agent":
                        sources = self._actors_of([c for c in kids[k] if tokens[c].dep == "pobj"], s, recent)
            elif passive and (pattern.code[:2] == "15" or pattern.code in ("074", "0234")):
                # "4,000 observers were deployed to monitor the vote", "troops were sent to the border": what is
                # deployed is the actor's own force, not a target
                sources = self._actors_of([k for k in kids[token.i] if tokens[k].dep == "nsubjpass"], s, recent)
                targets = self._preposition_targets(s, token.i, ("to", "into", "in"), recent)
            elif passive:
                targets = self._actors_of([k for k in kids[token.i] if tokens[k].dep == "nsubjpass"], s, recent)
                if not targets:  # "shells were fired at the convoy": the weapon is no target, what it was aimed at is
                    targets = self._preposition_targets(
                        s, token.i, [p for p in pattern.prepositions or TARGET_PREPOSITIONS if p != "from"], recent)
                for k in kids[token.i]:
                    if tokens[k].dep == "agent":
                        sources = self._actors_of([c for c in kids[k] if tokens[c].dep == "pobj"], s, recent)
                if not sources and pattern.code[:2] in ("18", "19", "20"):
                    # "were wounded in Syrian shellfire", "died in a Russian air strike": the nationality of the act
                    for k in kids[token.i]:
                        if tokens[k].dep == "prep" and tokens[k].text.lower() in ("in", "during") and not sources:
                            for o in kids[k]:
                                if tokens[o].dep == "pobj" and tokens[o].pos == "NOUN" and not tokens[o].ent_type:
                                    sources = [m for c in kids[o] if tokens[c].dep in ("amod", "compound")
                                               for m in self._adjective_actor(s, c)][:1]
            else:
                if pattern.pos == "A":
                    head = tokens[token.head]
                    sources = self._subject(s, head.i, recent) if head.i != token.i else []
                else:
                    sources = self._subject(s, token.i, recent)
                targets = self._objects(s, token.i, recent)
                if targets and all(m.actor.country is None for m in targets):
                    # "deployed troops to Lithuania": a bare role as object yields to a named target
                    targets = self._preposition_targets(s, token.i, pattern.prepositions or TARGET_PREPOSITIONS,
                                                        recent) or targets
                if not targets and pattern.prepositions:
                    # "imposed sanctions on two Chinese firms": the pattern's target preposition on the object
                    for k in kids[token.i]:
                        if tokens[k].dep in ("dobj", "obj") and not targets:
                            targets = self._preposition_targets(s, k, pattern.prepositions, recent)
                if not targets and pattern.code[:2] not in ("01", "04"):
                    # "shelled the city of Kharkiv"
                    targets = self._place_objects(s, token.i, force=self.codes[pattern.code].quad_class == 4)
                if pattern.complements is not None or not targets:
                    for k in kids[token.i]:
                        if tokens[k].dep in ("xcomp", "ccomp") and not targets:
                            targets = self._objects(s, k, recent) or self._preposition_targets(
                                s, k, pattern.prepositions or TARGET_PREPOSITIONS, recent)
                if not targets:
                    targets = self._preposition_targets(s, token.i, pattern.prepositions or TARGET_PREPOSITIONS,
                                                        recent)
                for k in kids[token.i]:  # "imposed sanctions on Russia": the target hangs off the object
                    if not targets and tokens[k].dep in ("dobj", "obj"):
                        targets = self._preposition_targets(s, k, pattern.prepositions or NOUN_TARGET_PREPOSITIONS,
                                                            recent)
        if not targets and (pattern.code.startswith("01") or (pattern.code[:2] == "04" and len(sources) < 2)):
            # "expressed sorrow for the shootings in South Carolina", "claimed responsibility for a bombing at a
            # market in Somalia's capital": a comment is aimed at the actor or the country it is about
            targets = self._about(s, token.i, {m.actor.code for m in sources}, recent)
        if pattern.code[:2] == "14" and all(m.rule == "location" for m in targets):
            # (a named aim beats the place blocked: "blocked roads in Minsk in defiance of Russian pressure")
            places, targets = targets, []
            # "blocked the main highway to express their anger at the British embassy", "in defiance of Russian
            # pressure": whom a protest is aimed at is in its purpose or its "against" / "in defiance of" phrase
            own = {m.actor.code for m in sources} | {m.actor.country for m in sources if m.actor.country}
            heads = [token.i] + ([token.head] if pattern.pos == "N" and token.head != token.i else [])
            for h in heads:
                for k in s.kids[h]:
                    if targets:
                        break
                    word = tokens[k].text.lower()
                    if _purpose(s, k) or (tokens[k].dep == "prep" and word in ("against", "in") and (
                            word == "against" or any(tokens[o].lemma.lower() in ("defiance", "protest")
                                                     for o in s.kids[k]))):
                        found = [m for m in self._content_target(s, k, own, recent) if m.actor.country not in own]
                        targets = found
            targets = targets or places
        if not targets and pattern.code[:2] in ("17", "18", "19", "20"):
            # "opened fire to disperse the demonstrators": whom the force was meant for
            for k in s.kids[token.i if pattern.pos == "V" else token.head]:
                if not targets and _purpose(s, k):
                    targets = self._objects(s, k, recent)
        if not targets:  # "threatened to cut ties with Qatar", "demanded that Israel ease ...":
            # the target of an appeal, threat, demand or rejection is in what it is about
            exclude = {m.actor.code for m in sources}
            for k in s.kids[token.i]:
                if tokens[k].dep == "prep" and tokens[k].text.lower() in _PLACE_PREPOSITIONS and \
                        pattern.code[:2] in ("03", "04"):
                    continue  # "will meet in Zurich": where they meet is no target
                if tokens[k].dep == "prep" and tokens[k].text.lower() not in _CONTENT_PREPOSITIONS:
                    continue  # "exchanged prisoners in a deal brokered by the UAE": a circumstance, not the content
                if tokens[k].dep in ("xcomp", "ccomp", "acl", "advcl", "pcomp", "prep", "dobj", "obj") and \
                        not targets and pattern.code[:2] in _CONTENT_ROOTS | {"08", "16", "17"}:
                    targets = self._content_target(s, k, exclude, recent)
            if not targets and pattern.pos == "N" and token.dep in ("dobj", "obj") and token.head != token.i \
                    and pattern.code[:2] in _CONTENT_ROOTS:
                # "reiterated its demand that Israel ease ...": the noun's clause hangs on the verb governing it
                for k in s.kids[token.head]:
                    if tokens[k].dep == "ccomp" and not targets:
                        targets = self._content_target(s, k, exclude, recent)
        if sources and targets and all(m.rule in ("context", "coreference") and m.actor.country is not None
                                       and m.actor.country == sources[0].actor.country
                                       and m.actor.sector == "MIL" for m in targets):
            # "contribute 4,000 troops to a force in Liberia": the actor's own troops are what it uses, not
            # whom it acts on; a target named further in the phrase wins
            exclude = {m.actor.code for m in sources + targets}
            own = {m.actor.country for m in sources}
            for k in s.kids[token.i]:
                if tokens[k].dep in ("xcomp", "ccomp", "prep", "dobj", "obj"):
                    found = [m for m in self._content_target(s, k, exclude, recent) if m.actor.country not in own]
                    if found:
                        targets = found
                        break
        if pattern.pos == "V" and token.lemma.lower() in _RECEIVING and pattern.code[:2] != "04":
            # "received weapons from the government": the giver acts, the receiver is the target
            givers = self._preposition_targets(s, token.i, ("from",), recent)
            for k in kids[token.i]:
                if not givers and tokens[k].dep in ("dobj", "obj"):
                    givers = self._preposition_targets(s, k, ("from",), recent)
            receivers = [m for m in sources if m not in givers]
            sources, targets = givers, receivers
        between = self._between(s, token.i, recent)
        if between and not targets:
            if sources:
                targets = between
            else:
                sources, reciprocal = between, True
        own = {m.actor.country for m in sources}
        if len(sources) >= 2 and pattern.code[:2] in RECIPROCAL_ROOTS and (not targets or (
                len(own) >= 2 and all(m.rule == "location" or m.actor.kind == "region" or m.actor.country in own
                                      for m in targets))):
            # ("Polish and Czech officials agreed that their states should work together": each other)
            # "Serbia and Kosovo failed to settle the dispute over car plates in Mitrovica": the two sides
            # act on each other; a place named in what they agreed on is not their target
            targets, reciprocal = [], True
        if len(sources) >= 2 and (_each_other(s, token.i) or (
                not targets and token.lemma.lower() in ("trade", "exchange"))):
            targets, reciprocal = [], True  # "Moscow and Kyiv accused each other": both directions
        return sources, targets, reciprocal

    def _content_target(self, s: _Sentence, root: int, exclude: set[str],
                        recent: list[ActorMention]) -> list[ActorMention]:
        """The first actor named in the clause or phrase at ``root`` (its subject first), other than the source;
        a country named only as a place counts ("resume attacks in Israel")."""
        tokens = s.tokens
        subjects = [k for k in s.kids[root] if tokens[k].dep in ("nsubj", "nsubjpass")]
        seen: set[int] = set()
        queue = subjects + [root]
        while queue and len(seen) < 40:
            k = queue.pop(0)
            if k in seen:
                continue
            seen.add(k)
            found = [m for m in self._actors_of([k], s, recent) if m.actor.code not in exclude] if k != root or \
                tokens[k].pos in ("NOUN", "PROPN") else []
            if not found and tokens[k].ent_type in ("GPE", "LOC"):
                found = [m for m in self._country_actor(s, k) if m.actor.code not in exclude]
            if found:
                return found
            queue.extend(c for c in s.kids[k] if tokens[c].dep not in ("punct", "cc", "det", "aux", "neg"))
        return []

    def _about(self, s: _Sentence, head: int, exclude: set[str], recent: list[ActorMention]) -> list[ActorMention]:
        """The actor, else the country of the place, named in what a comment is about ("for", "over", "on", "about")
        on the trigger or on its object."""
        tokens = s.tokens
        heads = [head] + [k for k in s.kids[head] if tokens[k].dep in ("dobj", "obj")]
        for h in heads:
            for k in s.kids[h]:
                if tokens[k].dep != "prep" or tokens[k].text.lower() not in _TOPIC_PREPOSITIONS | {"for"}:
                    continue
                found = self._content_target(s, k, exclude, recent)
                if found:
                    return found
                for d in sorted(subtree(s.kids, k)):
                    place = self._gazetteer_place(s, d) if tokens[d].ent_type in ("GPE", "LOC") else []
                    if place and place[0].actor.country not in exclude:
                        return [replace(place[0], evidence=f"the place the comment is about ({place[0].text})")]
        return []

    def _place_objects(self, s: _Sentence, verb: int, force: bool = False) -> list[ActorMention]:
        """A place attacked ("shelled Kharkiv", "struck the city of Odesa"): its country is the target. With
        ``force`` (a use of force) a name the parser did not tag as a place counts when the gazetteer knows it
        and it is no actor ("shelled Kharkiv", Kharkiv tagged PERSON)."""
        tokens = s.tokens
        for k in s.kids[verb]:
            if tokens[k].dep not in ("dobj", "obj"):
                continue
            if force and tokens[k].pos == "PROPN" and k not in s.at and tokens[k].ent_type not in ("GPE", "LOC"):
                found = self._gazetteer_place(s, k, known_only=True)
                if found:
                    return found
            for d in sorted(subtree(s.kids, k)):
                if force and tokens[d].pos == "PROPN" and d not in s.at and tokens[d].ent_type not in ("GPE", "LOC") \
                        and tokens[d].dep in ("pobj", "appos"):  # "captured the town of Sake, 25 km from Goma"
                    found = self._gazetteer_place(s, d, known_only=True)
                    if found:
                        return found
                if tokens[d].ent_type in ("GPE", "LOC"):
                    # the whole name ("Hong Kong", not a town called Kong), placed by GeoNames
                    found = self._country_actor(s, d) or self._gazetteer_place(s, d)
                    if found:
                        return found
        return []

    def _gazetteer_place(self, s: _Sentence, k: int, known_only: bool = False) -> list[ActorMention]:
        """The country of the place named at token ``k``, as a ``location`` mention, or nothing."""
        where = prefer(place_named(s.tokens, k, s.sentence.text, s.base, known_only=known_only),
                       {m.actor.country for m in s.mentions if m.actor.country})
        if where is None or not where.country or not self.d.valid_code(where.country):
            return []
        return [replace(self._place_actor(s, where), evidence=f"{where.name} is a place in {where.country} (GeoNames)")]

    def _country(self, code: str) -> Actor:
        """The country ``code`` itself as an actor (no sector)."""
        return Actor(code, *split_code(code, self.d), name=self.d.country_name(code), entity=f"country:{code}",
                     kind="country")

    def _country_actor(self, s: _Sentence, k: int) -> list[ActorMention]:
        token = s.tokens[k]
        for entry, _rule in self.d.lookup(phrase_key(token.text)):
            if entry.kind in ("country", "capital") and token.text[:1].isupper():
                actor = self._country(entry.code[:3])
                return [ActorMention(text=token.text, start=token.start, end=token.end, sentence=s.sentence.index,
                                     token_start=k, token_end=k + 1, actor=actor, rule="location",
                                     evidence=f"{entry.source} {entry.name}: a place named in the act's content")]
        return []

    def _subject(self, s: _Sentence, verb: int, recent: list[ActorMention]) -> list[ActorMention]:
        """The subject of ``verb``, inherited through control and coordination ("agreed to meet", "and met")."""
        tokens, node = s.tokens, verb
        controlled = False
        for _ in range(4):
            # "Macron is due to attend", "X was forced to withdraw": a passive subject controls the infinitive
            kinds = ("nsubj", "csubj", "nsubjpass") if controlled or _stative(s, node) else ("nsubj", "csubj")
            subjects = [k for k in s.kids[node] if tokens[k].dep in kinds]
            if subjects:
                subject = subjects[0]
                if tokens[subject].text.lower() in RELATIVE and tokens[node].dep == "relcl":
                    subject = tokens[node].head  # "the forces that attacked ..."
                if tokens[subject].pos == "VERB":  # "The aid agency working in Yemen said": a misparsed participle
                    inner = [k for k in s.kids[subject] if tokens[k].dep == "nsubj"]
                    subject = inner[0] if inner else subject
                return self._actors_of([subject], s, recent)
            agent = [c for k in s.kids[node] if tokens[k].dep == "agent" for c in s.kids[k]]
            if agent:
                return self._actors_of(agent, s, recent)
            if tokens[node].dep == "relcl":
                return self._actors_of([tokens[node].head], s, recent)
            if tokens[node].dep == "acl" and tokens[tokens[node].head].lemma.lower() in _DECISIONS:
                # "the Council's decision not to hold talks": who decided is who (does not) hold them
                return self._possessors(s, tokens[node].head, recent)
            if tokens[node].dep == "xcomp" and tokens[node].head != node:
                controller = [k for k in s.kids[tokens[node].head] if tokens[k].dep in ("dobj", "obj")]
                if controller:  # "urged Zelensky to negotiate": Zelensky would negotiate
                    return self._actors_of(controller, s, recent)
            if tokens[node].dep in ("xcomp", "conj", "advcl", "acomp") and tokens[node].head != node:
                controlled = tokens[node].dep == "xcomp"
                node = tokens[node].head
                continue
            break
        return []

    def _objects(self, s: _Sentence, verb: int, recent: list[ActorMention],
                 skip: int | None = None) -> list[ActorMention]:
        tokens = s.tokens
        found = [k for k in s.kids[verb] if tokens[k].dep in ("dobj", "obj", "dative", "iobj") and k != skip]
        if not found and tokens[verb].pos == "VERB":
            # "shot down or jammed 33 Ukrainian drones": verbs joined before one object share it
            found = [o for c in s.kids[verb] if tokens[c].dep == "conj" and tokens[c].pos == "VERB" and c > verb
                     and not any(tokens[g].dep in ("nsubj", "nsubjpass") for g in s.kids[c])
                     for o in s.kids[c] if tokens[o].dep in ("dobj", "obj") and o != skip]
        found += [o for k in s.kids[verb] if _visiting(s, k) for o in s.kids[k] if tokens[o].dep in ("dobj", "obj")]
        found += [o for p in s.kids[verb] if tokens[p].dep == "prt" and tokens[p].text.lower() == "up"
                  for q in s.kids[p] if tokens[q].text.lower() == "to" for o in s.kids[q]
                  if tokens[o].dep == "pobj"]  # "kidnapped up to 16 advisers": the parser hangs the object on "up to"
        # "recall its peacekeeping battalion from Lebanon": the actor's own force is not what it acts on
        inside = subtree(s.kids, verb)
        return [m for m in self._actors_of(found, s, recent) if m.rule not in ("coreference", "context", "dateline")
                or m.sentence != s.sentence.index or m.token_start not in inside or not self._own(m, s, verb)]

    def _own(self, mention: ActorMention, s: _Sentence, verb: int) -> bool:
        """The object is the subject's own (its forces, its envoy): the same country and the same side of the state
        ("demonstrators received ministers" is no act on their own)."""
        subject = self._subject(s, verb, [])
        if not subject or subject[0].actor.country != mention.actor.country:
            return False
        mine, its = subject[0].actor.sector, mention.actor.sector
        return mine is None or its is None or mine == its or (mine in STATE_SECTORS and its in STATE_SECTORS)

    def _preposition_targets(self, s: _Sentence, head: int, prepositions: Sequence[str],
                             recent: list[ActorMention], skip: int | None = None) -> list[ActorMention]:
        tokens = s.tokens
        for prep in prepositions:
            for k in s.kids[head]:
                if tokens[k].dep in ("prep", "dative") and tokens[k].text.lower() == prep and k != skip:
                    heads = [c for c in s.kids[k] if tokens[c].dep == "pobj"]
                    # "held talks with visiting Pakistani Prime Minister Sharif": the parser reads "visiting" as a
                    # verb whose object is the guest
                    heads += [o for c in s.kids[k] if tokens[c].dep == "pcomp" and tokens[c].lemma.lower() == "visit"
                              and tokens[c].tag == "VBG" for o in s.kids[c] if tokens[o].dep in ("dobj", "obj")]
                    found = self._actors_of(heads, s, recent)
                    if found:
                        return found
        return []

    def _noun_sources(self, s: _Sentence, noun: int, recent: list[ActorMention]) -> list[ActorMention]:
        tokens = s.tokens
        for k in s.kids[noun]:
            if tokens[k].dep == "poss":
                found = self._actors_of([k], s, recent)
                if found:
                    return found
        for k in s.kids[noun]:
            if tokens[k].dep in ("compound", "amod", "nmod"):
                found = self._actors_of([k], s, recent) or self._adjective_actor(s, k)
                if found:
                    return found
        return self._preposition_targets(s, noun, ("by", "from"), recent)  # "a request from the leaders"

    def _decider(self, s: _Sentence, noun: int, recent: list[ActorMention]) -> list[ActorMention]:
        """ "the Council's decision on the impossibility of negotiations": who decided, announced or ordered an act
        named inside the decision is its actor (through at most two "of"/"on" phrases)."""
        tokens, k = s.tokens, noun
        for _ in range(2):
            if tokens[k].dep != "pobj" or tokens[tokens[k].head].dep != "prep":
                return []
            k = tokens[tokens[k].head].head
            if tokens[k].pos != "NOUN":
                return []
            if tokens[k].lemma.lower() in _DECISIONS:
                return self._possessors(s, k, recent)
        return []

    def _possessors(self, s: _Sentence, noun: int, recent: list[ActorMention]) -> list[ActorMention]:
        """The actors a possessive names on ``noun`` ("the Council's decision")."""
        return [m for c in s.kids[noun] if s.tokens[c].dep == "poss" for m in self._actors_of([c], s, recent)]

    def _between(self, s: _Sentence, head: int, recent: list[ActorMention]) -> list[ActorMention]:
        tokens = s.tokens
        heads = [head] + [k for k in s.kids[head] if tokens[k].dep in ("dobj", "obj")]
        for h in heads:
            for k in s.kids[h]:
                if tokens[k].dep == "prep" and tokens[k].text.lower() == "between":
                    found = self._actors_of([c for c in s.kids[k] if tokens[c].dep == "pobj"], s, recent)
                    if len(found) >= 2:
                        return found
        return []

    def _actors_of(self, heads: Sequence[int], s: _Sentence, recent: list[ActorMention]) -> list[ActorMention]:
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
            if token.pos == "NOUN" and token.lemma.lower() in _PAIR_NOUNS and any(
                    s.tokens[c].text.lower() in ("both", "two") for c in s.kids[k]):
                pair = self._pair(token, s, recent)
                if pair:  # "the two leaders", "both sides": the last two parties named
                    out.extend(m for m in pair if m not in out)
                    continue
            if mention is None and token.pos == "PRON" and token.text.lower() in ("they", "them"):
                group = self._group(token, s, recent)
                if len(group) >= 2:  # "Putin and Xi met ... They signed an agreement": both of them
                    out.extend(m for m in group if m not in out)
                    continue
            if mention is None and token.pos == "PRON":
                mention = self._pronoun(token, s, recent)
            if mention is None and token.pos in ("NOUN", "PROPN"):
                # "a U.S. request", "North Korea's demand", "Sweden's decision", "an appeal from President X":
                # the owner of the thing
                for c in s.kids[k]:
                    child = s.tokens[c]
                    found = None
                    if child.dep in ("poss", "compound", "amod", "nmod"):
                        found = s.at.get(c) or next(iter(self._adjective_actor(s, c)), None)
                        if found is None and child.dep == "compound":  # "an al-Shabaab position north of"
                            found = next((s.at[g] for g in s.kids[c] if s.tokens[g].dep == "compound"
                                          and g in s.at), None)
                    elif child.dep == "prep" and child.text.lower() in ("from", "by", "of", "for") and \
                            token.lemma.lower() not in RELATIONAL:
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
            if mention is not None and token.pos in ("NOUN", "PROPN"):
                # "US and British forces": the list shares the head noun, each member is its own mention (also
                # inside "thousands of US and Filipino troops")
                heads = [k] + ([mention.token_end - 1] if mention.sentence == s.sentence.index and
                               not mention.token_start <= k < mention.token_end else [])
                for c in (c for h in heads for c in s.kids[h]):
                    if s.tokens[c].dep in ("nmod", "compound", "amod") and any(
                            s.tokens[g].dep == "conj" for g in s.kids[c]):
                        for member in [c] + [g for g in s.kids[c] if s.tokens[g].dep == "conj"]:
                            other = s.at.get(member)
                            if other is not None and other not in out and other.rule == "distributed":
                                out.append(other)
            todo.extend(c for c in s.kids[k] if s.tokens[c].dep in ("conj", "appos"))
            if mention is not None and mention.sentence == s.sentence.index:
                # "Emmanuel Macron and Olaf Scholz": the list may hang on any word of the name
                todo.extend(c for j in range(mention.token_start, mention.token_end) if j != k
                            for c in s.kids[j] if s.tokens[c].dep in ("conj", "appos")
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
                    authors = self._actors_of([o for o in s.kids[c] if tokens[o].dep == "pobj"], s, [])
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

    def _pronoun(self, token: Token, s: _Sentence, recent: list[ActorMention]) -> ActorMention | None:
        word = token.text.lower()
        before = [m for m in s.mentions if m.token_end <= token.i]
        pool = list(recent) + before
        if word in PERSONAL:
            return next((m for m in reversed(pool) if m.actor.kind == "person"), None)
        if word in IMPERSONAL:
            return next((m for m in reversed(pool) if m.actor.kind != "person"), None)
        return None

    @staticmethod
    def _group(token: Token, s: _Sentence, recent: list[ActorMention]) -> list[ActorMention]:
        """The members of the last coordinated list named before "they" ("Putin and Xi", "US and Polish
        officials"), when that list is the last actor phrase before the pronoun."""
        pool = list(recent[-12:]) + [m for m in s.mentions if m.token_end <= token.i]
        if not pool or pool[-1].list_id is None:
            return []
        last = pool[-1]
        return [m for m in pool if m.list_id == last.list_id and m.sentence == last.sentence]

    def _pair(self, token: Token, s: _Sentence, recent: list[ActorMention]) -> list[ActorMention]:
        """The two parties "both sides" or "the two leaders" refer to: the last list named, else the last two
        actors of different countries named before (in this sentence or the three before it)."""
        group = self._group(token, s, recent)
        if len(group) == 2:
            return group
        pool = [m for m in recent if m.sentence >= s.sentence.index - 3] + \
            [m for m in s.mentions if m.token_end <= token.i]
        for kinds in (("person", "country", "government"), ("person", "country", "government", "role", "group")):
            # states and their leaders first ("India struck sites ... used by militants. Both sides ...")
            out: list[ActorMention] = []
            for m in reversed(pool):
                if m.actor.country and m.actor.kind in kinds and m.actor.country not in {o.actor.country for o in out}:
                    out.append(m)
                if len(out) == 2:
                    return out[::-1]
        return []

    def _adjective_actor(self, s: _Sentence, k: int) -> list[ActorMention]:
        """ "Russian airstrikes": a nationality adjective the actor stage left out as a mere modifier."""
        token = s.tokens[k]
        for entry, _rule in self.d.lookup(phrase_key(token.text)):
            if entry.kind == ADJECTIVE and token.text[:1].isupper():
                actor = Actor(entry.code, *split_code(entry.code, self.d), name=self.d.country_name(entry.code),
                              entity=entry.entity, kind="country")
                return [ActorMention(text=token.text, start=token.start, end=token.end, sentence=s.sentence.index,
                                     token_start=k, token_end=k + 1, actor=actor, rule="dictionary",
                                     evidence=entry.describe())]
        return []

    def _place_actor(self, s: _Sentence, where: Location) -> ActorMention:
        actor = self._country(where.country)
        first = next((t.i for t in s.tokens if t.start >= where.start), 0)
        last = next((t.i + 1 for t in s.tokens if t.end >= where.end), first + 1)
        return ActorMention(text=where.name, start=where.start, end=where.end, sentence=s.sentence.index,
                            token_start=first, token_end=last, actor=actor, rule="location",
                            evidence=f"the place of a use of force ({where.name}) is its target")

    # -- building ---------------------------------------------------------------------------------------
    def _events(self, article: Article, s: _Sentence, token: Token, pattern: Pattern, code: CameoCode,
                sources: list[ActorMention], targets: list[ActorMention], reciprocal: bool, report: date | None,
                spans: list[tuple[int, int]], used: set[int], recent: list[ActorMention]) -> list[Event]:
        text, base = s.sentence.text, s.base
        when, when_text, precision = event_date(s.tokens, token.i, report, spans, text, base)
        if precision == "report":  # "X did Y, the newspaper reported on Saturday": the date of the report
            when, when_text, precision = reported_date(s.tokens, report, spans, text, base) or \
                (when, when_text, precision)
        where = place_at(s.tokens, token.i, text, base)
        if where is None and token.pos == "VERB":  # "a blast near Kirkuk killed ...": where the act was
            where = next((found for k in s.kids[token.i] if s.tokens[k].dep == "nsubj" and s.tokens[k].pos == "NOUN"
                          and (found := place_at(s.tokens, k, text, base)) is not None), None)
        if where is None and token.pos in ("NOUN", "PROPN") and token.head != token.i:
            where = place_at(s.tokens, token.head, text, base)
            head = s.tokens[token.head]
            if where is None and head.dep == "prep" and head.head != head.i:  # "stayed on high alert in northern Syria"
                where = place_at(s.tokens, head.head, text, base)
        if where is not None and where.lat is not None:  # "Tripoli" in a story that names Lebanon is Lebanon's
            where = prefer(where, {m.actor.country for m in list(recent) + list(s.mentions) if m.actor.country})
        mood = modality(s.tokens, token.i, text, base, also=sorted(used))
        code, sources, targets, mood, negates = self._recode(s, token, code, mood, sources, targets, recent)
        if not targets and not reciprocal and code.code[:2] != "04" and code.code != "036" and where is not None \
                and where.country:
            # "launched an operation in Ukraine", "lifted a curfew in Montenegro": the place is the target;
            # a meeting place never is
            targets = [self._place_actor(s, where)]
        targets = [self._posting(s, m, sources) for m in targets]
        if code.quad_class == 4:
            # "strikes hit Beirut", "shelled Kyiv": force falls on the city, not on the government its name can
            # stand for; the target is the country (rule ``location``)
            targets = [replace(m, actor=self._country(m.actor.country), rule="location",
                               evidence=f"{m.text} is the place attacked ({m.evidence})")
                       if m.rule == "metonymy" and m.actor.kind == "government" and m.actor.country and
                       self.d.valid_code(m.actor.country) else m for m in targets]
        venue = None if code.code[:2] == "04" or code.code == "036" else where  # a meeting's venue is often neutral
        sources = [self._situated(m, s, venue, targets, hostile=code.code[:2] in ("18", "19", "20"),
                                  force=code.quad_class == 4) for m in sources]
        targets = [self._situated(m, s, venue, sources) for m in targets]
        if (code.code[:4] == "1712" or code.code[:3] in ("180", "182", "190")) and "145" in self.codes and sources \
                and all(m.text.lower().split()[-1:] and m.text.lower().split()[-1] in _PROTESTERS for m in sources):
            code = self.codes["145"]  # "protesters torched a police station": violence by protesters is a riot
        if code.code == "154" and any("peacekeep" in text.lower() for text in [m.text for m in sources] + [
                s.tokens[k].text for k in s.kids[token.i] if s.tokens[k].dep in ("dobj", "obj")]):
            code = self.codes["074"]  # "deployed peacekeepers to Bosnia": peacekeeping is aid (CAMEO 074)
        if code.code == "150" and token.lemma.lower() in _EXERCISES and not targets and \
                len({m.actor.country for m in sources}) >= 2:
            code, reciprocal = self.codes["062"], True  # "French and Egyptian warships launched war games": joint
        if code.code[:2] == "19" and not targets and _into_water(s, token.i) and "150" in self.codes:
            code = self.codes["150"]  # "fired a ballistic missile into the sea": a show of force, no attack
        if not sources and code.quad_class == 4:
            sources = self._launch_site(s, token, where)
        if not sources and code.plover == "ASSAULT" and where is not None and targets and \
                code.code[:3] not in ("194", "195") and token.lemma.lower() not in _PROJECTILES and \
                not any(m.rule == "location" for m in targets):
            # (not "rockets fired at Tel Aviv", "shelling", "air strikes": the place hit says nothing of the attacker)
            sources = self._unidentified(s, token, where)
        if not sources and code.code[:2] == "14":
            # the place of the protest, or the place it blocked ("blocked roads in Minsk")
            scene = where if where is not None and where.country else next(
                (Location(name=m.text, country=m.actor.country, lat=None, lon=None, start=m.start, end=m.end)
                 for m in targets if m.rule == "location" and m.actor.country), None) or next(
                (found for k in s.kids[token.i] if s.tokens[k].dep in ("dobj", "obj")
                 and (found := place_at(s.tokens, k, text, base)) is not None and found.country), None)
            if scene is not None:
                sources = self._crowd(s, token, scene)
        if not targets and not reciprocal and code.plover in DOMESTIC_TYPES:
            targets = self._home(s, token, sources)
        pairs: list[tuple[ActorMention | None, ActorMention | None]] = []
        if reciprocal and not targets:
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        elif sources:
            pairs = [(a, b) for a in sources for b in (targets or [None])]
            if code.code in _SYMMETRIC and targets:
                # "Blinken held talks with Wang Yi": a negotiation is engaged in by both sides
                pairs += [(b, a) for a in sources for b in targets if b.rule not in ("location", "implicit")]
        elif targets and code.quad_class == 4:
            pairs = [(None, b) for b in targets]  # "were killed in a strike": the target is known, the actor not
        kept = [(a, b) for a, b in pairs if not (a is not None and b is not None and (
            (a.actor.code == b.actor.code and (b.rule not in ("location", "implicit") or a is b))
            or (b.rule == "dateline" and b.actor.country == a.actor.country)))]
        # a place target in the actor's own country stays: "Nigerians rallied in Lagos" is aimed at Nigeria
        # an actor acting on itself, or on a role whose country was only guessed from context, is no target
        if pairs and not kept:
            kept = list(dict.fromkeys((a, None) for a, _b in pairs))
        out = []
        for source, target in kept:
            key = f"{article.id}|{s.sentence.index}|{token.start}|{source and source.start}|" \
                  f"{target and target.start}|{code.code}"
            out.append(Event(
                id=hashlib.sha1(key.encode()).hexdigest()[:16], sentence=s.sentence.index,
                sentence_text=text, trigger_text=token.text, trigger_start=token.start, trigger_end=token.end,
                source=source, target=target, sources_all=tuple(sources), targets_all=tuple(targets),
                cameo=code.code, cameo_name=code.name, goldstein=code.goldstein, quad_class=code.quad_class,
                plover=code.plover, plover_mode=code.plover_mode, date=when, date_text=when_text,
                date_precision=precision, location=where, modality=mood, pattern=pattern.source,
                actor_unknown=source is None or source.rule == "unidentified",
                reciprocal=reciprocal and not targets, negates=negates))
        return out

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

    def _launch_site(self, s: _Sentence, token: Token, where: Location | None) -> list[ActorMention]:
        """ "Rockets were fired from Lebanon at northern Israel": with no attacker named, the country the attack
        came from is its source (a place, flagged with rule ``location``), never the place it hit."""
        for prep in s.kids[token.i]:
            if s.tokens[prep].dep != "prep" or s.tokens[prep].text.lower() != "from":
                continue
            for obj in s.kids[prep]:
                if s.tokens[obj].dep != "pobj":
                    continue
                place = place_named(s.tokens, obj, s.sentence.text, s.base)
                if place is not None and place.country and self.d.valid_code(place.country) and \
                        (where is None or where.country != place.country or where.start != place.start):
                    return [replace(self._place_actor(s, place),
                                    evidence=f"no attacker named; the attack came from {place.name}")]
        return []

    def _unidentified(self, s: _Sentence, token: Token, where: Location) -> list[ActorMention]:
        """ "A roadside bomb near Gao killed two French soldiers": with no attacker named or found, the attacker is an
        unidentified armed force (CAMEO UAF) of the country where the attack happened, as ICEWS and the PLOVER
        coders code it; rule ``unidentified`` (``text`` is empty) and the event keeps ``actor_unknown``."""
        if not where.country or not self.d.valid_code(where.country + "UAF"):
            return []
        code = where.country + "UAF"
        actor = Actor(code, *split_code(code, self.d), name=f"unidentified attackers ({where.name})", entity=None,
                      kind="role")
        return [ActorMention(text="", start=token.start, end=token.start, sentence=s.sentence.index,
                             token_start=token.i, token_end=token.i, actor=actor, rule="unidentified",
                             evidence=f"no attacker named; an armed force of the country of the attack ({where.name})")]

    def _crowd(self, s: _Sentence, token: Token, where: Location) -> list[ActorMention]:
        """ "Thousands of people marched in Paris": a protest by people named only by their number is by civilians
        (CAMEO CVL) of the country where it happened, as ICEWS and the PLOVER coders code it (rule ``location``)."""
        tokens = s.tokens
        verb = token if token.pos == "VERB" else tokens[token.head]
        subjects = [k for k in s.kids[verb.i] if tokens[k].dep == "nsubj"]
        if not subjects or not self.d.valid_code(where.country + "CVL"):
            return []
        k = subjects[0]
        head = tokens[k]
        inner = [o for p in s.kids[k] if tokens[p].dep == "prep" and tokens[p].text.lower() == "of"
                 for o in s.kids[p] if tokens[o].dep == "pobj"]
        words = {head.lemma.lower()} | {tokens[o].lemma.lower() for o in inner} | {
            tokens[g].lemma.lower() for o in inner for p in s.kids[o] if tokens[p].dep == "prep"
            for g in s.kids[p] if tokens[g].dep == "pobj"}  # "hundreds of thousands of people"
        if k in s.at or not words & _CROWDS:
            return []
        code = where.country + "CVL"
        actor = Actor(code, *split_code(code, self.d), name=f"people in {where.name}", entity=None, kind="role")
        return [ActorMention(text=head.text, start=head.start, end=head.end, sentence=s.sentence.index,
                             token_start=k, token_end=k + 1, actor=actor, rule="location",
                             evidence=f"people named only by their number; civilians of the place ({where.name})")]

    def _home(self, s: _Sentence, token: Token, sources: list[ActorMention]) -> list[ActorMention]:
        """A strike, a crackdown or a concession with no one named as its target ("opposition parties in Nepal
        called a general strike", "the government lifted the state of emergency") is aimed at the actors' own
        country, as CAMEO and PLOVER coders code it; the target is marked ``implicit``."""
        countries = {m.actor.country for m in sources}
        if len(countries) != 1 or not countries <= set(self.d.countries):
            return []
        actor = self._country(countries.pop())
        return [ActorMention(text="", start=token.start, end=token.start, sentence=s.sentence.index,
                             token_start=token.i, token_end=token.i, actor=actor, rule="implicit",
                             evidence="a domestic act with no target named is aimed at its own country")]

    def _situated(self, mention: ActorMention, s: _Sentence, where: Location | None,
                  others: Sequence[ActorMention], hostile: bool = False, force: bool = False) -> ActorMention:
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
            if len(named) != 1:
                return mention
            country = named.pop()
            why = f"the only country the sentence names ({country})"
        if actor.sector in STATE_SECTORS and any((m.actor.country == country or m.actor.code.startswith("---"))
                                                 and not (force and m.rule in ("location", "implicit"))
                                                 and not (force and m.actor.sector not in STATE_SECTORS)
                                                 for m in others):
            # (nor police arresting "three men in Nairobi": force on the people where it happens is domestic)
            # (but police arresting people "in Dhaka", with only the place named, are that country's)
            return mention  # "the government thanked China": a state rarely acts on itself; no guess
        code = country + actor.code[3:]
        if not self.d.valid_code(code):
            return mention
        return replace(mention, actor=Actor(code, country, actor.sector, actor.name, actor.entity, actor.kind),
                       rule="context", evidence=f"{mention.evidence}; country from {why}")

    def _recode(self, s: _Sentence, token: Token, code: CameoCode, mood: Modality, sources: list[ActorMention],
                targets: list[ActorMention], recent: list[ActorMention]):  # noqa: ANN202
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
        instruments = {tokens[o].lemma.lower() for k in s.kids[token.i] if tokens[k].dep == "prep"
                       and tokens[k].text.lower() in ("with", "using") for o in subtree(s.kids, k)}
        if root in ("18", "19") and instruments & _CHEMICAL and "tear" not in instruments and "2041" in self.codes:
            # "attacked citizens with chlorine gas": a chemical weapon makes it CAMEO 2041 (not tear gas, 175)
            code, root = self.codes["2041"], "20"
        if code.code[:3] == "183" and "190" in self.codes and any(
                tokens[k].dep in ("agent", "prep") and tokens[k].text.lower() in ("by", "with") and any(
                    tokens[o].lemma.lower() in _MILITARY_WEAPONS for o in s.kids[k]) for k in s.kids[token.i]):
            # "was blown up by a surface-to-air missile": CAMEO 183 is a non-military bombing; a military
            # weapon makes it conventional military force (190)
            code = self.codes["195" if any(tokens[o].lemma.lower() in _AERIAL_WEAPONS for k in s.kids[token.i]
                                           for o in s.kids[k]) else "190"]
            root = "19"
        if root == "13" and token.lemma.lower() == "warn" and "012" in self.codes and not any(
                tokens[k].dep in ("dobj", "obj", "dative", "iobj") for k in s.kids[token.i]) and (
                (code.code == "130" and not any(
                    tokens[k].dep == "ccomp" and self._subject(s, k, recent) for k in s.kids[token.i]))
                or any(tokens[k].dep == "prep" and tokens[k].text.lower() == "against" for k in s.kids[token.i])):
            # "growth may fall, the minister warned", "China warned against any attack on Iran": a warning addressed
            # to no one, about no actor's act, is a pessimistic comment (012), not a threat to whoever it mentions
            # ("warned that police would break up any further rallies" stays a threat)
            return self.codes["012"], sources, [], mood, None
        aux = {tokens[k].text.lower() for k in s.kids[token.i] if tokens[k].dep in ("aux", "auxpass")}
        clause = token  # "seeking to strengthen a partnership": a nominal trigger's clause is its verb's
        if token.pos in ("NOUN", "PROPN") and token.dep in ("dobj", "obj") and token.head != token.i \
                and tokens[token.head].pos == "VERB":
            clause = tokens[token.head]
        governor = tokens[clause.head]
        infinitive = clause.dep == "ccomp" and any(tokens[k].dep == "aux" and tokens[k].text.lower() == "to"
                                                   for k in s.kids[clause.i])  # "wants Putin to attack"
        if (clause.dep == "xcomp" or infinitive) and governor.lemma.lower() in _WANT and mood.polarity == "positive" \
                and root not in ("02", "03", "10", "13"):
            wanter = self._subject(s, governor.i, recent)
            asked = self._actors_of([k for k in s.kids[governor.i] if tokens[k].dep in ("dobj", "obj")], s, recent)
            if infinitive and not asked:
                asked = sources
            if wanter and asked:  # "Paris wants Rome to act": an appeal to Rome
                return self.codes[convert("appealed", root)], wanter, asked, mood, None
            if wanter and code.quad_class != 3:  # "plans to attack", "wants to meet": an intent or a threat
                new = convert("intended", root) if code.quad_class in (1, 2) else \
                    convert("threatened", code.code)
                return self.codes[new], wanter, targets, mood, None
        if mood.polarity == "negative" and code.quad_class in (1, 2):
            new = convert("negated", code.code)
            return (self.codes[new], sources, targets,
                    Modality("positive", mood.certainty, mood.condition, mood.cue), code.code)
        if aux & _OBLIGATION and mood.polarity == "positive":
            speakers = self._speakers(s, token.i, recent)
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
                new = convert("intended", root)
            else:
                new = convert("threatened", code.code)
            return self.codes[new], sources, targets, mood, None
        return code, sources, targets, mood, None

    def _speakers(self, s: _Sentence, node: int, recent: list[ActorMention]) -> list[ActorMention]:
        """Who states the clause at ``node``: the subject of the verb it is the content of."""
        tokens = s.tokens
        for _ in range(3):
            if tokens[node].dep not in ("ccomp", "acl", "advcl", "relcl", "xcomp") or tokens[node].head == node:
                return []
            node = tokens[node].head
            if tokens[node].pos in ("NOUN",) and tokens[node].head != node:  # "a reminder to Iraq that ..."
                node = tokens[node].head
            found = self._subject(s, node, recent)
            if found:
                return found
        return []


_OBLIGATION = word_set("obligation-auxiliaries")
# Verbs whose subject receives what another actor gives ("received aid from Japan"): the giver is the source.
_RECEIVING = word_set("receiving-verbs")
_FUTURE = word_set("future-auxiliaries")
_CLAIMING = word_set("claiming-verbs")
_EVIDENCING = word_set("evidencing-verbs")
_SAYING = word_set("saying-verbs")
_WANT = word_set("wanting-verbs")


_CONTENT_ROOTS = word_set("content-roots")


# Nouns of amount or span before "of" that hand the act to their verb ("imposed thousands of sanctions",
# "launched a wave of strikes", "suspended part of a programme"); a noun of content does not ("the victims of").
_QUANTITIES = word_set("quantity-nouns")


def _of_quantity(s: _Sentence, k: int) -> int | None:
    """ "thousands of sanctions": the noun after "of" when the object is a quantity."""
    if s.tokens[k].lemma.lower() not in _QUANTITIES:
        return None
    for c in s.kids[k]:
        if s.tokens[c].dep == "prep" and s.tokens[c].text.lower() == "of":
            return next((o for o in s.kids[c] if s.tokens[o].dep == "pobj"), None)
    return None


def _split_clause(s: _Sentence, prep: int) -> int | None:
    """The rest of a clause the parser cut at its conjunction: "after the leaders asked Moscow" is often read as
    the phrase "after the leaders" and a subject-less finite clause "asked Moscow" of the main verb."""
    tokens = s.tokens
    nouns = [c for c in s.kids[prep] if tokens[c].dep == "pobj"]
    if not nouns:
        return None
    end = max(subtree(s.kids, nouns[0]))
    return next((c for c in s.kids[tokens[prep].head] if tokens[c].dep == "advcl"
                 and tokens[c].tag in ("VBD", "VBZ", "VBP") and min(subtree(s.kids, c)) == end + 1
                 and not any(tokens[k].dep in ("nsubj", "nsubjpass") for k in s.kids[c])), None)


def _conditional_clauses(s: _Sentence) -> set[int]:
    """Tokens of clauses that state no act: "if they offered talks", "seeking to mend ties", "aimed at ending"."""
    out: set[int] = set()
    for token in s.tokens:
        if token.dep == "advcl" and any(s.tokens[c].dep == "mark" and s.tokens[c].text.lower() in ("if", "unless")
                                        for c in s.kids[token.i]):
            out |= subtree(s.kids, token.i)
        elif token.dep in ("ccomp", "advcl") and any(
                s.tokens[c].dep == "mark" and (s.tokens[c].text.lower() == "whether" or (
                    s.tokens[c].text.lower() == "if" and s.tokens[token.head].lemma.lower() in ("ask", "wonder")))
                for c in s.kids[token.i]):
            # "asked whether Uganda would withdraw", "it is unclear whether talks will resume": a question
            out |= subtree(s.kids, token.i)
        elif token.dep in ("advcl", "acl") and token.tag in ("VBG", "VBN") and \
                token.lemma.lower() in _WANT | {"try", "attempt", "push"}:
            out |= subtree(s.kids, token.i) - {token.i}
        elif token.dep == "prep" and token.text.lower() in _BACKGROUND and token.head != token.i:
            # "after a week of unrest", "following an attack": the background of the act, reported before
            out |= subtree(s.kids, token.i)
            clause = _split_clause(s, token.i)
            if clause is not None:
                out |= subtree(s.kids, clause)
        elif token.dep == "advcl" and any(s.tokens[c].dep == "mark" and s.tokens[c].text.lower() in _BACKGROUND
                                          for c in s.kids[token.i]):
            out |= subtree(s.kids, token.i)
        elif token.dep == "acl" and token.tag == "VBN" and s.tokens[token.head].pos in ("NOUN", "PROPN") and \
                not _nonrestrictive(s, token.i) and not _existential(s, token.head) and not _finite_acl(s, token.i):
            # "the reporters jailed for criticising the junta", "victims killed by the missile": a past act
            # that identifies who is meant, reported before, not the news of this sentence
            out |= subtree(s.kids, token.i)
        elif token.dep == "pobj" and token.pos == "NOUN" and any(
                s.tokens[c].dep == "amod" and s.tokens[c].lemma.lower() in _ONGOING for c in s.kids[token.i]):
            # "the deadliest raid of the ongoing Kurdish insurgency": a running conflict named as the frame of the
            # news is not a new event each time it is mentioned
            out.add(token.i)
        elif token.dep == "prep" and token.text.lower() in ("of", "at", "against", "over", "to", "for") and \
                _reason_frame(s, token.head):
            # "in protest of the earlier detentions", "in retaliation for the attack", "in response to the shelling":
            # the reason given for the act happened before; it is the background, not this sentence's news
            out |= subtree(s.kids, token.i)
        elif token.dep == "prep" and token.text.lower() in ("because", "due", "owing") and token.head != token.i:
            # "because of the indictments", "due to the shelling": a reason given, reported before
            out |= subtree(s.kids, token.i)
        elif token.dep == "xcomp" and token.head != token.i and s.tokens[token.head].lemma.lower() in _LICENSED and (
                s.tokens[token.head].pos == "ADJ" or any(s.tokens[c].dep == "auxpass" for c in s.kids[token.head])):
            # "they were not authorized to discuss the talks", "is entitled to inspect": what someone may do is
            # no act
            out |= subtree(s.kids, token.i)
        elif _reduced_relative(s, token.i):
            # "The reporters jailed for criticising the junta were freed": the parser read the participle
            # as the main verb; it identifies who is meant, the conjoined passive is the news
            out |= {token.i} | {d for c in s.kids[token.i] if s.tokens[c].dep in ("prep", "agent", "advmod", "npadvmod")
                                for d in subtree(s.kids, c)}
        elif token.dep == "relcl" and any(
                s.tokens[c].dep == "aux" and s.tokens[c].lemma.lower() == "have" for c in s.kids[token.i]):
            # "Paris and Berlin -- which have opposed a tougher stance", "the faction that has taken over towns in
            # Syria": a perfect-tense relative clause describes the actor's record, it does not report the act
            out |= subtree(s.kids, token.i)
    return out


# Passive forms that state the subject's own stance: "is opposed to", "is committed to".
_STATIVES = word_set("stative-participles")


def _stative(s: _Sentence, k: int) -> bool:
    """ "Turkey is opposed to Swedish membership": a passive of stance, whose subject holds it (no agent)."""
    token = s.tokens[k]
    if token.lemma.lower() not in _STATIVES or token.tag != "VBN" or \
            any(s.tokens[c].dep == "agent" for c in s.kids[k]):
        return False
    return any(s.tokens[c].dep == "nsubjpass" for c in s.kids[k]) or token.dep == "acomp"  # "is opposed to"


# Passives and adjectives of permission: "authorized to", "entitled to", "free to".
_LICENSED = word_set("licensing-words")
_REASONS = word_set("reason-nouns")


@cache
def _charge_phrases() -> tuple[str, ...]:
    """The phrases of ``data/events/charges.tsv``, lower case."""
    return tuple(cells[0].lower() for _where, cells in rows(packaged("events", "charges.tsv"), 2))


def _decided(s: _Sentence, tokens: set[int]) -> set[int]:
    """Inside what is demanded or refused, the phrase of a decision some actor already took ("refuse a decree
    enacting the Council's decision on the impossibility of negotiations"): a fact, not part of the demand."""
    out: set[int] = set()
    for k in tokens:
        if s.tokens[k].lemma.lower() in _DECISIONS and s.tokens[k].pos == "NOUN" and any(
                s.tokens[c].dep == "poss" and c in s.at for c in s.kids[k]):
            out |= {d for c in s.kids[k] if s.tokens[c].dep in ("prep", "acl") for d in subtree(s.kids, c)}
    return out


def _asks_something(s: _Sentence, k: int) -> bool:
    """The verb "ask" at ``k`` asks someone for something: it has an addressee, a request or "for"; a plain
    question ('"Why now?" he asked') or a request for anonymity ("asked not to be named") is no appeal."""
    tokens = s.tokens
    for c in s.kids[k]:
        if tokens[c].dep == "xcomp" and tokens[c].lemma.lower() in _ANONYMITY and any(
                tokens[g].dep == "auxpass" for g in s.kids[c]):
            return False
    return any(tokens[c].dep in ("dobj", "obj", "dative", "iobj", "xcomp") or (
        tokens[c].dep == "prep" and tokens[c].text.lower() == "for") or (
        tokens[c].dep == "ccomp" and not any(tokens[g].text.lower() in ("whether", "if", "why", "how", "what", "when")
                                             for g in s.kids[c]))  # "asked that X withdraw", not "asked whether"
        for c in s.kids[k])


# "asked not to be identified / named / quoted": the wire's formula for an anonymous source
_ANONYMITY = word_set("anonymity-verbs")


def _reason_frame(s: _Sentence, k: int) -> bool:
    """Token ``k`` is the noun of "in protest", "in retaliation", "in response" (the object of "in")."""
    token = s.tokens[k]
    return token.lemma.lower() in _REASONS and token.dep == "pobj" and token.head != k and \
        s.tokens[token.head].text.lower() == "in"


def _finite_acl(s: _Sentence, k: int) -> bool:
    """A past participle read as modifying the noun before it but with a direct object of its own: the parser
    missed a finite verb ("Israeli airstrikes killed at least 30 people", with "airstrikes" as the root)."""
    token = s.tokens[k]
    return token.dep == "acl" and token.tag in ("VBN", "VBD") and token.head != k and \
        s.tokens[token.head].dep == "ROOT" and any(s.tokens[c].dep in ("dobj", "obj") for c in s.kids[k])


def _visiting(s: _Sentence, k: int) -> bool:
    """ "met visiting Prime Minister X", "talks with visiting X": the parser makes "visiting" a verb whose object is the
    guest, right after the verb or preposition it hangs on."""
    token = s.tokens[k]
    return token.lemma.lower() == "visit" and token.tag == "VBG" and token.head != k and token.head == k - 1 and \
        token.dep in ("advcl", "xcomp", "pcomp", "amod", "acl", "ccomp") and \
        not any(s.tokens[c].dep in ("nsubj", "aux") for c in s.kids[k]) and \
        any(s.tokens[c].dep in ("dobj", "obj") and s.tokens[c].pos == "PROPN" for c in s.kids[k])


def _reduced_relative(s: _Sentence, k: int) -> bool:
    """A past-tense main verb with a subject and no object, conjoined to a passive verb with no subject of its
    own: a misparsed reduced relative ("The civilians imprisoned for X were released by Y")."""
    token, kids = s.tokens[k], s.kids[k]
    if token.head != k or token.tag not in ("VBD", "VBN") or token.pos != "VERB":
        return False
    deps = [s.tokens[c].dep for c in kids]
    if "nsubj" not in deps or any(d in deps for d in ("dobj", "obj", "aux", "auxpass", "ccomp", "xcomp")):
        return False
    return any(s.tokens[c].dep == "conj" and s.tokens[c].tag == "VBN"
               and any(s.tokens[g].dep == "auxpass" for g in s.kids[c])
               and not any(s.tokens[g].dep in ("nsubj", "nsubjpass") for g in s.kids[c])
               and not any(s.tokens[g].dep == "cc" for g in kids) for c in kids)


_WATERS = word_set("water-nouns")


def _into_water(s: _Sentence, verb: int) -> bool:
    """The missile or shell went into the sea ("fired a missile into the sea off its east coast")."""
    for k in s.kids[verb]:
        if s.tokens[k].dep == "prep" and s.tokens[k].text.lower() in ("into", "toward", "towards", "off"):
            if any(s.tokens[o].lemma.lower() in _WATERS for o in s.kids[k] if s.tokens[o].dep == "pobj"):
                return True
    return False


def _each_other(s: _Sentence, verb: int) -> bool:
    """The verb's object is "each other" or "one another"."""
    for k in s.kids[verb]:
        objects = [k] if s.tokens[k].dep in ("dobj", "obj") else \
            [o for o in s.kids[k] if s.tokens[o].dep == "pobj"] if s.tokens[k].dep == "prep" else []
        for o in objects:
            word, first = s.tokens[o].text.lower(), s.tokens[o - 1].text.lower() if o else ""
            if (word == "other" and first == "each") or (word == "another" and first == "one"):
                return True
    return False


def _existential(s: _Sentence, k: int) -> bool:
    """Token ``k`` is what "there were/was ..." introduces ("There were 10 soldiers killed"): the news itself."""
    head = s.tokens[k].head
    return s.tokens[k].dep == "attr" and any(s.tokens[c].dep == "expl" for c in s.kids[head])


def _nonrestrictive(s: _Sentence, k: int) -> bool:
    """A relative clause set off by a comma or a dash ("X, which ...")."""
    first = min(subtree(s.kids, k))
    return first > 0 and s.tokens[first].text.lower() in ("which", "who") and \
        s.tokens[first - 1].text[-1:] in (",", "-", "—", "–")  # the tokenizer may leave "Beijing--" whole


# Particles that make a phrasal verb of their own ("call off", "blow up", "pull out"): a pattern for the bare verb
# does not apply.
_PARTICLES = word_set("verb-particles")
# Nouns of deciding and announcing whose owner is the actor of the act they name ("the Council's decision on
# the impossibility of negotiations").
_DECISIONS = word_set("decision-nouns")
# Nouns that name people only by their number ("thousands of people", "a crowd of hundreds").
_CROWDS = word_set("crowd-nouns")
# Nouns that, with "both" or "two", name the last two parties ("both sides", "the two leaders").
_PAIR_NOUNS = word_set("pair-nouns")
# Nominal acts whose possessor, when a person, is the one they were done to ("Khan's arrest").
_UNDERGONE = word_set("undergone-nouns")
# People named by their relation to another actor: "allies of Russia" are not Russia (RELATIONAL, from the actor
# stage); "critics of the Kenyan government" are of its country but not the government.
_CRITICS = word_set("critic-nouns")
# Verbs that judge, report or look into an act ("condemned the attack", "investigated the killings"): their
# subject is not the act's actor.
_JUDGING = word_set("judging-verbs")
# Verbs whose subject undergoes the act their nominal object names ("faces pressure from", "came under fire from").
_UNDERGOING = word_set("undergoing-verbs")
# Acts both sides of a dyad do at once: "held talks with" (046) is coded in both directions.
_SYMMETRIC = word_set("symmetric-codes")
_ASKING_ROOTS = word_set("asking-roots")  # appeals and demands: "from X" names whom they are made of
_EXERCISES = word_set("exercise-nouns")
_DEPLOYMENTS = word_set("deployment-nouns")
# documents that speak for whoever issued them ("a report released by X alleged"), and the verbs of issuing
_DOCUMENTS = word_set("document-nouns")
_ISSUING = word_set("issuing-verbs")
# instruments that make an attack a use of chemical weapons (CAMEO 2041)
_CHEMICAL = word_set("chemical-weapon-words")
# seats of international organisations: a document released there says nothing of its author's country
_IGO_SEATS = word_set("igo-seats")
# crowds whose property destruction or violence CAMEO codes as a violent protest (145), not as force
_PROTESTERS = word_set("protester-nouns")
# weapons that make a bombing military force (CAMEO 19x, not 183); aerial ones give 195
_AERIAL_WEAPONS = word_set("aerial-weapons")
_MILITARY_WEAPONS = word_set("military-weapons")
_PROJECTILES = word_set("projectile-words")
_VISITORS = word_set("visitor-nouns")
_CONTENT_PREPOSITIONS = frozenset(TARGET_PREPOSITIONS + ("for", "over", "of"))
_TOPIC_PREPOSITIONS = word_set("topic-prepositions")
_ONGOING = word_set("ongoing-words")
_PLACE_PREPOSITIONS = word_set("place-prepositions")
_BACKGROUND = word_set("background-words")


def _purpose(s: _Sentence, k: int) -> bool:
    """An infinitival purpose clause without its own subject: "to increase trade", "to mediate"."""
    token = s.tokens[k]
    return token.dep in ("advcl", "acl") and token.pos == "VERB" and \
        any(s.tokens[c].dep == "aux" and s.tokens[c].text.lower() == "to" for c in s.kids[k]) and \
        not any(s.tokens[c].dep in ("nsubj", "nsubjpass") for c in s.kids[k])


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per type and dyad in a sentence; an event without target (or with only the implicit home
    country) yields to one with a named target."""
    events = [e for e in events if not any(_refines(other, e) for other in events if other is not e)]
    out: list[Event] = []
    seen: set[tuple] = set()
    targeted = {(e.plover or e.cameo_root, e.source.actor.code if e.source else None)
                for e in events if e.target is not None and e.target.rule != "implicit"}
    known = {e.plover or e.cameo_root for e in events if e.source is not None and e.source.rule != "unidentified"}
    for event in events:
        kind = event.plover or event.cameo_root
        if (event.source is None or event.source.rule == "unidentified") and kind in known:
            continue  # "were killed in Israeli shelling": the shelling by Israel is the same act
        if event.source is None and any(e.source is not None and e.source.rule == "unidentified"
                                        and (e.plover or e.cameo_root) == kind for e in events):
            continue  # "were killed in a car bombing in Baghdad": one act, its attacker placed once
        source = event.source.actor.code if event.source else None
        target = event.target.actor.code if event.target else None
        key = (kind, source, target, event.modality.polarity)
        implicit = event.target is not None and event.target.rule == "implicit"
        if key in seen or ((target is None or implicit) and (kind, source) in targeted):
            continue
        seen.add(key)
        out.append(event)
    return out


def _refines(a: Event, b: Event) -> bool:
    """``a`` says what ``b`` says, more precisely: the same type between the same countries, each of ``a``'s
    actors as specific or more ("Iraqi civilians" rather than "Baghdad" for the same bombing)."""
    if (a.plover or a.cameo_root) != (b.plover or b.cameo_root) or a.modality.polarity != b.modality.polarity:
        return False
    if a.trigger_start != b.trigger_start and a.quad_class != 4:
        return False  # "rejected an Algerian plan and opposed sending a force": two acts, not one
    pairs = ((a.source, b.source), (a.target, b.target))
    if any((x is None) != (y is None) for x, y in pairs):
        return False
    codes = [(x.actor.code, y.actor.code) for x, y in pairs if x is not None and y is not None]
    # an unknown country ("---UAF") is refined by a known one ("BFAUAF") of the same sector
    if not codes or any(not (x.startswith(y) or (y[:3] == "---" and x[3:] == y[3:])) or x[:3] == "---"
                        for x, y in codes):
        return False
    return any(x != y for x, y in codes) or a.trigger_start < b.trigger_start


def _phrases(s: _Sentence, k: int) -> set[str]:
    """A complement described as a pattern may name it: "negotiate", "hold talk", "engage in dialogue",
    "pull out", "release prisoner"."""
    tokens = s.tokens
    lemma = tokens[k].lemma.lower()
    out = {lemma}
    for c in s.kids[k]:
        child = tokens[c]
        if child.dep in ("dobj", "obj", "attr"):
            out.add(f"{lemma} {child.lemma.lower()}")
        elif child.dep == "prt":
            out.add(f"{lemma} {child.text.lower()}")
            out.update(f"{lemma} {child.text.lower()} {tokens[o].lemma.lower()}" for o in s.kids[k]
                       if tokens[o].dep in ("dobj", "obj"))
        elif child.dep == "prep":
            out.add(f"{lemma} {child.text.lower()}")
            out.update(f"{lemma} {child.text.lower()} {tokens[o].lemma.lower()}" for o in s.kids[c]
                       if tokens[o].dep == "pobj")
    return out


_GROUP_NOUNS = word_set("group-nouns")

# Prepositions whose object belongs to a nominal trigger's own phrase ("state of emergency", "end to the war").
_PHRASE_PREPOSITIONS = word_set("phrase-prepositions")
