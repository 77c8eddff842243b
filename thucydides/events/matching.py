"""Finding the pattern of ``verbs.tsv`` a trigger matches: its lemma, particle or preposition, and the
objects, modifiers, governing verb and complements the pattern asks for."""

from __future__ import annotations

from thucydides.actors.dictionary import phrase_key
from thucydides.events.codebook import verb_of
from thucydides.events.conditions import (TOGETHER, _child_relations, _governing_subjects, _of_sector,
                                          _own_clauses, _phrases, _together, counted)
from thucydides.events.keys import _PARTICLES, _keys, lemma_keys, word_forms
from thucydides.events.patterns import NO_EVENT, Pattern
from thucydides.events.readings import (QUANTITIES, _asks_something, _in_name, _of_quantity, _office_holder, _owned,
                                        _phrasal, _visiting)
from thucydides.events.roles import RELATIVE
from thucydides.events.scope import _BACKGROUND, _stative  # ("after", "amid": a verb through them governs no act)
from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set
from thucydides.tree import subtree
from thucydides.types import Token

_VISITORS = word_set("visitor-nouns")

# Prepositions whose object belongs to a nominal trigger's own phrase ("state of emergency", "end to the war").
_PHRASE_PREPOSITIONS = word_set("phrase-prepositions")



class Matching:
    """The most specific pattern a trigger matches (part of :class:`EventCoder`; reads ``self.patterns``)."""

    def _match(self, s: _Sentence, token: Token) -> tuple[Pattern, set[int]] | None:
        pos = {"VERB": "V", "NOUN": "N", "PROPN": "N", "ADJ": "A"}.get(token.pos)
        if pos == "A" and token.dep in ("dobj", "pobj", "nsubj", "nsubjpass", "conj", "attr"):
            pos = "N"  # "launched an offensive": the parser sometimes tags the noun as an adjective
        if pos is None or (pos == "N" and token.ent_type in ("DATE", "TIME")):
            return None  # "joined the White House in March": a noun inside a date names no event
        if _visiting(s, token.i):
            return None  # "Putin met visiting Hungarian Prime Minister Orban": the guest, not a visit by Putin
        if pos == "N" and _in_name(s, token.i):
            return None  # "ten members of Youth Demand were arrested": the group's name demands nothing
        lemma = token.lemma.lower()
        keys = _keys(s, token, pos)
        best = self._best(s, token, pos, keys)
        if best is not None and pos == "V" and best[1].objects is None and self._object_codes(s, token):
            return None  # "called a general strike": the strike, governed by "call", says what happened
        if best is not None and pos == "V" and " " not in best[1].lemma and any(
                s.tokens[k].dep == "prt" and s.tokens[k].text.lower() in _PARTICLES
                and not (k + 1 < len(s.tokens) and s.tokens[k + 1].text.lower() == "to")  # "kidnapped up to 16"
                for k in s.kids[token.i]):
            return None  # "called off the march" is no phone call: a particle makes another verb
        if best is not None and best[1].code == NO_EVENT:
            return None  # a row of verbs.tsv that blocks this reading ("a heart attack", "shooting for")
        if best is not None and pos == "V" and lemma in ("ask", "press") and not _asks_something(s, token.i):
            return None  # '"Why now?" Walsh asked.', "officials who asked not to be named", "when pressed": no appeal
        return (best[1], best[2]) if best else None

    def _best(self, s: _Sentence, token: Token, pos: str,
              keys: list[tuple[str, float]]) -> tuple[float, Pattern, set[int]] | None:
        """The row that holds with the most constraints among those of ``keys`` (a none row included)."""
        best: tuple[float, Pattern, set[int]] | None = None
        governed = self._governor(s, token) if pos != "V" else None  # (read once, for every row's bonus)
        for key, bonus in keys:
            for pattern in self.patterns.get((pos, key), ()):
                used = self._holds(s, token, pattern)
                if used is None:
                    continue
                if pattern.code == NO_EVENT and pattern.objects is not None and not any(
                        s.tokens[k].dep in ("dobj", "obj") and (s.tokens[k].lemma.lower() in pattern.objects
                                                                 or s.tokens[k].text.lower() in pattern.objects)
                        for k in s.kids[token.i]) and not (" " in pattern.lemma and any(
                        s.tokens[k].dep in ("pobj", "nsubj") for k in used)):
                    continue  # "killed nine guards and themselves": blocked only when it is the object
                score = pattern.weight + bonus + _governor_words(governed, pattern)
                if best is None or score > best[0]:
                    best = (score, pattern, used)
        return best

    def _vetoed(self, s: _Sentence, k: int) -> bool:
        """A complement verb read as no event by a none row ("plans to target securities to investors")."""
        token = s.tokens[k]
        if token.pos != "VERB":
            return False
        best = self._best(s, token, "V", _keys(s, token, "V"))
        # (a lemma judged no event on its own, a row with no condition on the parse, vetoes no reading: "not to
        # intervene", "to stand up for human rights")
        return best is not None and best[1].code == NO_EVENT and any(
            x is not None for x in (best[1].objects, best[1].subjects, best[1].children, best[1].heads))

    def _object_codes(self, s: _Sentence, verb: Token) -> bool:
        """The verb's direct object, or the object of its preposition ("called for a ceasefire"), is a nominal
        trigger whose own pattern names this verb as its governor."""
        tokens, nouns = s.tokens, []
        for k in s.kids[verb.i]:
            child = tokens[k]
            if child.dep in ("dobj", "obj", "oprd") or (child.dep == "npadvmod" and not child.ent_type):
                nouns.append(child)  # the parser reads "called a general strike" as "called X a Y" without the X
                nouns += [tokens[o] for p in s.kids[k] if tokens[p].dep == "prep" and tokens[p].text.lower() in
                          ("in", "of") for o in s.kids[p] if tokens[o].dep == "pobj"]  # "$500 million in aid"
            elif child.dep in ("prep", "prt"):  # "called for a ceasefire", "pulled out of the accord"
                for o in s.kids[k]:
                    if tokens[o].dep == "pobj":
                        nouns.append(tokens[o])
                        nouns += [tokens[q] for p in s.kids[o] if tokens[p].dep == "prep" and tokens[p].text.lower()
                                  == "in" for q in s.kids[p] if tokens[q].dep == "pobj"]  # "for $2 billion in aid"
                    elif tokens[o].dep == "prep":
                        nouns += [tokens[p] for p in s.kids[o] if tokens[p].dep == "pobj"]
        for noun in nouns:
            for pattern in (p for form in word_forms(tokens, noun.i) for key, _ in lemma_keys(form)
                            for p in self.patterns.get(("N", key), ())):
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
            # the subject of a passive is the verb's object ("the hostages were released", "shells were fired")
            objects = [k for k in kids if tokens[k].dep in ("dobj", "obj", "attr")
                       or (tokens[k].dep == "nsubjpass" and pattern.pos == "V")]
            if token.dep == "relcl" and token.head != token.i and pattern.pos == "V" and (
                    not objects or all(tokens[k].text.lower() in RELATIVE for k in objects)):
                objects.append(token.head)  # "the deal the governor struck with the unions": the noun it is about
            if _stative(s, token.i):  # "is opposed to Swedish membership": the object of "to"
                objects += [o for k in kids if tokens[k].dep == "prep" and tokens[k].text.lower() == "to"
                            for o in s.kids[k] if tokens[o].dep == "pobj"]
            objects += [o for k in kids if _visiting(s, k) for o in s.kids[k] if tokens[o].dep in ("dobj", "obj")]
            if " " in pattern.lemma and pattern.code == NO_EVENT:
                # a two-word verb's object is often a preposition's: "looked into the camera", "walked out of the
                # courthouse" (the preposition on the verb or on its particle); read so by vetoes only
                heads = [token.i] + [k for k in kids if tokens[k].dep in ("prt", "prep", "advmod")]
                objects += [o for h in heads for k in [h, *s.kids[h]] if tokens[k].dep == "prep"
                            for o in s.kids[k] if tokens[o].dep == "pobj"]
                # "appealed for witnesses to come forward": the parser reads a for-to clause, whose subject is the
                # preposition's object
                second = pattern.lemma.split()[-1]
                objects += [o for c in kids if tokens[c].dep in ("advcl", "ccomp") and any(
                    tokens[m].dep == "mark" and tokens[m].text.lower() == second for m in s.kids[c])
                    for o in s.kids[c] if tokens[o].dep == "nsubj"]
            objects += [c for k in objects for c in s.kids[k] if tokens[c].dep == "conj"]
            objects += [_of_quantity(s, k) for k in objects if _of_quantity(s, k) is not None]
            hit = [k for k in objects if not pattern.objects.isdisjoint(word_forms(tokens, k))
                   or phrase_key(tokens[k].text) in pattern.objects
                   # "received President Macron": a named office-holder is the visitor the pattern asks for
                   or (pattern.objects & _VISITORS and _office_holder(s, k))]
            if not hit:
                return None
            used.update(hit)
        if pattern.children is not None and pattern.children.isdisjoint(_child_relations(s, token.i)):
            return None
        if pattern.subjects is not None:  # "protesters gathered": the row holds only for that subject
            subjects = [k for k in kids if tokens[k].dep == "nsubj"]
            if not subjects and token.dep in ("conj", "xcomp", "advcl") and token.pos in ("VERB", "AUX"):
                # a verb sharing its governor's subject: "a fire tore through the church, destroying the
                # windows", "protesters gathered and marched", "troops began to march"
                subjects = [k for k in s.kids[token.head] if tokens[k].dep == "nsubj"]
            if not subjects and token.dep in ("acl", "amod") and token.tag == "VBG" and token.head != token.i:
                subjects = [token.head]  # "ads targeting technology firms", "striking miners": the noun acts
            if pattern.pos == "N":  # a noun's agent: its possessor, a role before it or its by-phrase ("the miners'
                # strike", "worker strikes", "a strike by 9,000 seamen")
                subjects += [k for k in kids if tokens[k].dep == "poss" or (
                    tokens[k].dep == "compound" and k in s.at)] + [
                    o for k in kids if tokens[k].dep == "prep" and tokens[k].text.lower() == "by"
                    for o in s.kids[k] if tokens[o].dep == "pobj"] + _governing_subjects(s, token)
            # "the federation, which struck for a week": the noun the relative clause hangs on
            subjects += [token.head for k in subjects if token.dep == "relcl" and tokens[k].tag in ("WDT", "WP")]
            # an actor named inside the subject's phrase: "the Waterside Workers' Federation" (sector rows only)
            owners = [c for k in subjects for c in s.kids[k] if tokens[c].dep in ("poss", "compound")]
            subjects += [o for k in subjects for p in s.kids[k] if tokens[p].dep == "prep" and
                         tokens[p].text.lower() == "of" for o in s.kids[p] if tokens[o].dep == "pobj"]  # "hundreds of"
            if (token.tag == "VBN" and not any(tokens[k].dep == "nsubj" for k in kids)) or any(
                    tokens[k].dep == "nsubj" and tokens[k].pos == "NUM" for k in kids) or (
                    token.tag == "VBN" and not any(tokens[k].dep in ("aux", "auxpass") for k in kids)):
                # a passive's cause, also in a headline's "7 killed in ..." or bare participle ("5 miners killed in
                # Peru landslide"): "killed by the fire", "injured in a bus collision"
                subjects += [o for k in kids if (tokens[k].dep == "agent" or (
                    tokens[k].dep == "prep" and tokens[k].text.lower() == "in")) for o in s.kids[k]
                    if tokens[o].dep == "pobj" and (pattern.code != NO_EVENT or not _owned(s, o))]
            if not any(tokens[k].lemma.lower() in pattern.subjects or tokens[k].text.lower() in pattern.subjects
                       or any(f"{tokens[c].lemma.lower()} {tokens[k].lemma.lower()}" in pattern.subjects
                              for c in s.kids[k] if tokens[c].dep == "compound")  # "a bird strike"
                       or (pattern.subjects & _VISITORS and _office_holder(s, k))
                       or (TOGETHER in pattern.subjects and _together(s, k))
                       or _of_sector(s, k, pattern.subjects)
                       for k in subjects) and not any(_of_sector(s, k, pattern.subjects) for k in owners):
                return None  # ("Modi arrived in Moscow": a named office-holder is the visitor a row asks for)
        if pattern.heads is not None and not (
                token.dep in ("compound", "amod", "nmod") and token.head != token.i
                and tokens[token.head].lemma.lower() in pattern.heads):
            return None  # "head:police": the row holds only where the trigger modifies that noun ("riot police")
        if pattern.compounds is not None:
            modifiers = [k for k in kids if tokens[k].dep in ("compound", "amod", "nmod", "npadvmod")]
            modifiers += [c for k in modifiers for c in s.kids[k] if tokens[c].dep in ("compound", "amod")]
            # the object of the noun's own preposition ("release of prisoners", "end to the fighting",
            # "investigation into corruption", "suspension of air links")
            # (a veto also reads what the act is "against": "the battle against COVID-19" is no use of force)
            phrase = _PHRASE_PREPOSITIONS | ({"against"} if pattern.code == NO_EVENT else set())
            objects = [o for k in kids if tokens[k].dep == "prep" and tokens[k].text.lower() in phrase
                       for o in s.kids[k] if tokens[o].dep == "pobj"]
            objects += [c for o in objects for c in s.kids[o] if tokens[c].dep in ("compound", "amod", "conj")]
            if pattern.code == NO_EVENT:  # and whom it is "with", by its noun ("a meeting with media representatives",
                # "with representatives of foreign media")
                met = [o for k in kids if tokens[k].dep == "prep" and tokens[k].text.lower() == "with"
                       for o in s.kids[k] if tokens[o].dep == "pobj"]
                met += [o for m in met for p in s.kids[m] if tokens[p].dep == "prep" and tokens[p].text.lower() == "of"
                        for o in s.kids[p] if tokens[o].dep == "pobj"]
                objects += met + [c for o in met for c in s.kids[o] if tokens[c].dep == "compound"]
            modifiers += objects
            hit = [k for k in modifiers if tokens[k].lemma.lower() in pattern.compounds
                   or tokens[k].text.lower() in pattern.compounds]
            if not hit:
                return None
        if pattern.governors is not None:
            governor = _completed(s, token) if pattern.pos == "A" else self._governor(s, token)
            if governor is None or not (governor[1] & pattern.governors):
                return None
            if governor[1] & pattern.governors - {g for g in pattern.governors if g.startswith("* ")}:
                used.add(governor[0])  # (not a verb matched only as "any verb through in": it is no part of the act)
        if pattern.complements is not None:
            candidates = [k for k in kids if tokens[k].dep in ("xcomp", "ccomp", "acl", "advcl", "pcomp")]
            for k in kids:  # "called for talks", "refusal to engage in dialogue"
                if tokens[k].dep == "prep":
                    candidates += [c for c in s.kids[k] if tokens[c].dep in ("pobj", "pcomp")
                                   and tokens[c].ent_type not in ("DATE", "TIME")]  # (not "in March")
            hit = [k for k in candidates if _phrases(s, k) & pattern.complements]
            if not hit:  # "urged Zelensky to show openness to talks": what the clause is about
                # (not a clause of its own inside it: "called on X to stand up for rights as the leaders agreed to
                # meet" asks for no meeting)
                hit = [k for k in candidates if tokens[k].dep == "xcomp" and any(
                    verb_of(tokens[d].lemma.lower()) in pattern.complements
                    for d in subtree(s.kids, k) - _own_clauses(s, k) if d != k)]
            hit = [k for k in hit if not self._vetoed(s, k)]  # ("plans to target investors" threatens nothing)
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
            # "Sanctions imposed on Russia", "Talks held in Doha": a headline's participle on its root noun governs it
            # as the verb of a passive would
            participle = next((k for k in s.kids[noun.i] if tokens[k].dep == "acl" and tokens[k].tag == "VBN"
                               and not any(tokens[c].dep in ("dobj", "obj") for c in s.kids[k])), None)
            return None if participle is None else (participle, _phrasal(s, participle))
        amount = tokens[head.head]  # "imposed thousands of sanctions", "pledged $500 million in aid"
        if noun.dep == "pobj" and amount.head != amount.i and (
                (head.text.lower() == "of" and amount.lemma.lower() in QUANTITIES)
                or (head.text.lower() == "in" and counted(s, amount.i))):
            verb = tokens[amount.head]
            if verb.pos in ("VERB", "AUX") and amount.dep in ("dobj", "obj", "nsubjpass"):
                # (and the verb with its quantity: "ended the third round of talks" concluded them, "end round")
                return verb.i, {verb.lemma.lower(), f"{verb.lemma.lower()} {amount.lemma.lower()}"}
            if amount.dep == "pobj" and verb.dep == "prep" and verb.head != verb.i \
                    and tokens[verb.head].pos == "VERB":  # "appealed for $2 billion in aid"
                return verb.head, {f"{tokens[verb.head].lemma.lower()} {verb.text.lower()}"}
        if noun.dep == "pobj" and head.dep == "prep" and tokens[head.head].pos in ("VERB", "AUX"):
            verb = tokens[head.head]
            lemma, prep = verb.lemma.lower(), head.text.lower()
            particles = [tokens[k].text.lower() for k in s.kids[verb.i] if tokens[k].dep == "prt"]
            if particles:  # "pulled out of the accord", "broke off from": the phrasal verb, not the bare one
                return verb.i, {f"{lemma} {p}" for p in particles} | {f"{lemma} {p} {prep}" for p in particles}
            if prep in _BACKGROUND:  # "left Bonn after talks with Kohl": leaving is no act on the talks
                return verb.i, {f"{lemma} {prep}", f"* {prep}"}
            return verb.i, {lemma, f"{lemma} {prep}", f"* {prep}"}  # "* in": any verb through "in"
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
        if noun.dep == "nsubj" and any(tokens[k].dep in ("dobj", "obj") for k in s.kids[head.i]):
            return None  # "the strikes halted the airports": a transitive verb's subject does it, undergoes nothing
        if head.pos in ("VERB", "AUX") and (noun.dep in ("dobj", "obj", "nsubjpass", "attr", "nsubj", "oprd")
                                            or noun.dep == "xcomp"  # a headline's "holds meeting with"
                                            or (noun.dep == "npadvmod" and not noun.ent_type)):
            # ("called off their march": read as a month)
            return head.i, _phrasal(s, head.i)
        return None


def _completed(s: _Sentence, adjective: Token) -> tuple[int, set[str]] | None:
    """The verb an adjective completes: "found guilty", "found the minister guilty", "held Iran responsible"."""
    head = s.tokens[adjective.head]
    if head.i == adjective.i or head.pos != "VERB":
        return None  # (however the parser attaches it: "set the station ablaze" may be read as an adverb)
    return head.i, {head.lemma.lower()}


def _governor_words(governor: tuple[int, set[str]] | None, pattern: Pattern) -> float:
    """A governor matched with its preposition is the more specific ("rallied in support of" is a rally for a
    cause, before "rallied support", which names the verb alone)."""
    if governor is None or pattern.governors is None:
        return 0.0
    return 0.25 if any(" " in g for g in governor[1] & pattern.governors) else 0.0
