"""The actors in each grammatical role around a word: its subject (through control, coordination and relative
clauses), its objects, the objects of its prepositions, its possessors, and a place it acts on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

# sectors of the state: a bare "the government" or "the army" is not guessed to belong to the country it acts on
from thucydides.actors.composing import STATE_SECTORS
from thucydides.events.governing import _each_other
from thucydides.events.patterns import Pattern
from thucydides.events.readings import _phrasal, _visiting
from thucydides.events.scope import _DECISIONS, _TOPIC_PREPOSITIONS, _own_gerund, _stative
from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set
from thucydides.tree import subtree
from thucydides.types import ActorMention, Token

RELATIVE = word_set("relative-pronouns")
RECIPROCAL_ROOTS = word_set("reciprocal-roots")  # CAMEO roots whose plural subject acts on itself
_AIMED_FORCE = word_set("aimed-force-codes")
_JOURNEYS = word_set("journey-words")  # "the president and the first lady arrived": together, not to each other
_CHALLENGERS = word_set("challenger-sectors")  # the rebels, the opposition: a side against their own state
_MEDIATING = word_set("mediating-verbs")  # "a deal brokered by China": the broker is a third party
_PRESS = word_set("press-sectors")  # the press on the other side of a meeting or a call ("spoke to Reuters")
_PRESS_ROOTS = word_set("press-audience-roots")
_DISASTERS = word_set("disaster-nouns")  # crashes, floods, quakes: what kills with no one acting
_CIRCUMSTANCE_MARKS = word_set("circumstance-marks")  # "after", "when", "because": a clause of time or cause
_THING_ROOTS = ("07", "08", "18", "19", "20")  # rows whose object is a thing given, withdrawn or fired


class Roles:
    """Who fills a grammatical role around a word (part of :class:`EventCoder`)."""

    @staticmethod
    def _event_subject(s: _Sentence, verb: int) -> set[int]:
        """The subject of ``verb`` (through a relative pronoun to its antecedent), as token indices."""
        tokens = s.tokens
        out = {k for k in s.kids[verb] if tokens[k].dep in ("nsubj", "nsubjpass")}
        if tokens[verb].dep == "relcl" and any(tokens[k].text.lower() in RELATIVE for k in out):
            out.add(tokens[verb].head)
        return out

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

    def _place_after(self, s: _Sentence, noun: int, prepositions: Sequence[str]) -> list[ActorMention]:
        """A place attacked, named after a force noun's preposition, that the parser did not tag as a place ("the
        shelling of Kharkiv", Kharkiv tagged PERSON): the gazetteer knows it and it is no actor."""
        tokens = s.tokens
        for k in s.kids[noun]:
            if tokens[k].dep == "prep" and tokens[k].text.lower() in prepositions:
                for c in s.kids[k]:
                    if tokens[c].dep == "pobj" and tokens[c].pos == "PROPN" and c not in s.at and \
                            tokens[c].ent_type not in ("GPE", "LOC"):
                        found = self._gazetteer_place(s, c, known_only=True)
                        if found:
                            return found
        return []

    def _subject(self, s: _Sentence, verb: int) -> list[ActorMention]:
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
                return self._actors_of(joined_subjects(s, node, subject) + [subject], s)
            agent = [c for k in s.kids[node] if tokens[k].dep == "agent" for c in s.kids[k]]
            if agent:
                return self._actors_of(agent, s)
            owner = [k for k in s.kids[node] if tokens[k].dep == "poss"]
            if owner and tokens[node].tag == "VBG":
                return self._actors_of(owner, s)  # "Russia's shelling of the tower": a gerund's possessor does it
            if tokens[node].dep == "relcl":
                return self._actors_of([tokens[node].head], s)
            if tokens[node].dep == "acl" and tokens[tokens[node].head].lemma.lower() in _DECISIONS:
                # "the Council's decision not to hold talks": who decided is who (does not) hold them
                return self._possessors(s, tokens[node].head)
            if tokens[node].dep == "xcomp" and tokens[node].head != node:
                controller = [k for k in s.kids[tokens[node].head] if tokens[k].dep in ("dobj", "obj")]
                if controller:  # "urged Zelensky to negotiate": Zelensky would negotiate
                    return self._actors_of(controller, s)
            if tokens[node].dep == "attr" and tokens[node].pos == "VERB" and tokens[node].head != node and \
                    tokens[tokens[node].head].lemma.lower() == "be":
                node = tokens[node].head  # "Qatar is mediating ..." misparsed as a copula: its subject acts
                continue
            if tokens[node].dep == "pcomp" and tokens[node].head != node and _own_gerund(s, tokens[node].head) and \
                    tokens[tokens[node].head].head != tokens[node].head:
                node = tokens[tokens[node].head].head  # "After meeting the premier, the president said": his act
                continue
            if tokens[node].dep == "advcl" and tokens[node].head != node and any(
                    tokens[k].dep in ("dobj", "obj", "nsubj") and tokens[k].lemma.lower() in _DISASTERS
                    for k in s.kids[tokens[node].head]):
                return []  # "Nepal suffered its worst plane crash, killing 72": the crash killed, not Nepal
            head = tokens[tokens[node].head]
            if tokens[node].dep == "acl" and tokens[node].tag == "VB" and head.dep == "ROOT" and head.i in s.at and \
                    head.pos in ("NOUN", "PROPN") and any(tokens[k].dep == "aux" and tokens[k].text.lower() == "to"
                                                          for k in s.kids[node]):
                return self._actors_of([head.i], s)  # a headline's "Pakistan FM to visit China": the noun acts
            if tokens[node].dep in ("xcomp", "conj", "advcl", "acomp") and tokens[node].head != node:
                controlled = tokens[node].dep == "xcomp"
                node = tokens[node].head
                continue
            named = [k for k in s.kids[node] if k < node and tokens[k].dep == "npadvmod" and k in s.at
                     and tokens[k].pos == "PROPN"]
            if named and tokens[node].tag in ("VBD", "VBZ", "VBP"):
                # "Turkey massed troops on the border": a name before a finite verb with no subject is its subject,
                # though the parser read it as an adverbial noun
                return self._actors_of(named[:1], s)
            break
        return []

    def _clause_subject(self, s: _Sentence, clause: int) -> list[ActorMention]:
        """ "will help Ukraine rebuild", "is helping Turkmenistan to train": the parser makes whom the act is done to
        the subject of a bare or "to" clause (not "said Kyiv attacked", "demanded that Israel withdraw", "fear Egypt
        will go")."""
        tokens = s.tokens
        if tokens[clause].tag != "VB" or any(tokens[c].dep == "mark" or (
                tokens[c].dep == "aux" and tokens[c].text.lower() != "to") for c in s.kids[clause]):
            return []
        return self._actors_of([c for c in s.kids[clause] if tokens[c].dep == "nsubj"], s)

    def _objects(self, s: _Sentence, verb: int,
                 skip: int | None = None) -> list[ActorMention]:
        tokens = s.tokens
        found = [k for k in s.kids[verb] if tokens[k].dep in ("dobj", "obj", "dative", "iobj") and k != skip]
        if not found and tokens[verb].pos == "VERB":
            # "shot down or jammed 33 Ukrainian drones": verbs joined before one object share it
            found = [o for c in s.kids[verb] if tokens[c].dep == "conj" and tokens[c].pos == "VERB" and c > verb
                     and not any(tokens[g].dep in ("nsubj", "nsubjpass") for g in s.kids[c])
                     for o in s.kids[c] if tokens[o].dep in ("dobj", "obj") and o != skip]
        if not found:  # "Macron called Putin on Friday": the parser reads a named object as a predicate (oprd)
            found = [k for k in s.kids[verb] if tokens[k].dep == "oprd" and tokens[k].pos == "PROPN" and k != skip]
        found += [o for k in s.kids[verb] if _visiting(s, k) for o in s.kids[k] if tokens[o].dep in ("dobj", "obj")]
        found += [o for p in s.kids[verb] if tokens[p].dep == "prt" and tokens[p].text.lower() == "up"
                  for q in s.kids[p] if tokens[q].text.lower() == "to" for o in s.kids[q]
                  if tokens[o].dep == "pobj"]  # "kidnapped up to 16 advisers": the parser hangs the object on "up to"
        # "recall its peacekeeping battalion from Lebanon": the actor's own force is not what it acts on
        inside = subtree(s.kids, verb)
        return [m for m in self._actors_of(found, s) if m.rule not in ("coreference", "context", "dateline")
                or m.sentence != s.sentence.index or m.token_start not in inside or not self._own(m, s, verb)]

    def _own(self, mention: ActorMention, s: _Sentence, verb: int) -> bool:
        """The object is the subject's own (its forces, its envoy): the same country and the same side of the state
        ("demonstrators received ministers" is no act on their own)."""
        subject = self._subject(s, verb)
        if not subject or subject[0].actor.country is None or subject[0].actor.country != mention.actor.country:
            return False  # (two roles of no known country are not known to be one side)
        mine, its = subject[0].actor.sector, mention.actor.sector
        return mine is None or its is None or mine == its or (mine in STATE_SECTORS and its in STATE_SECTORS)

    def _preposition_targets(self, s: _Sentence, head: int, prepositions: Sequence[str],
                             skip: int | None = None) -> list[ActorMention]:
        tokens = s.tokens
        for prep in prepositions:
            for k in s.kids[head]:
                if tokens[k].dep in ("prep", "dative") and tokens[k].text.lower() == prep and k != skip:
                    heads = [c for c in s.kids[k] if tokens[c].dep == "pobj"]
                    # "held talks with visiting Pakistani Prime Minister Sharif": the parser reads "visiting" as a
                    # verb whose object is the guest
                    heads += [o for c in s.kids[k] if tokens[c].dep == "pcomp" and tokens[c].lemma.lower() == "visit"
                              and tokens[c].tag == "VBG" for o in s.kids[c] if tokens[o].dep in ("dobj", "obj")]
                    found = self._actors_of(heads, s)
                    if found:
                        return found
        return []

    def _noun_sources(self, s: _Sentence, noun: int) -> list[ActorMention]:
        tokens = s.tokens
        for k in s.kids[noun]:
            if tokens[k].dep == "poss":
                found = self._actors_of([k], s)
                if found:
                    return found
        for k in s.kids[noun]:
            if tokens[k].dep in ("compound", "amod", "nmod"):
                found = [m for m in self._actors_of([k], s) or self._adjective_actor(s, k) if not _opposed(s, m)]
                if found:
                    return found
        return self._preposition_targets(s, noun, ("by", "from"))  # "a request from the leaders"

    def _opposed_by(self, s: _Sentence, noun: int) -> list[ActorMention]:
        """ "an anti-NATO demonstration", "anti-government protests": whom the act named by ``noun`` opposes."""
        # (the actor stage names no actor inside "anti-China": the word is read here)
        return [m for k in s.kids[noun] if s.tokens[k].dep in ("compound", "amod", "nmod")
                for m in self._actors_of([k], s) or self._country_actor(s, k) or self._adjective_actor(s, k)
                if _opposed(s, m)]

    def _decider(self, s: _Sentence, noun: int) -> list[ActorMention]:
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
                return self._possessors(s, k)
        return []

    def _possessors(self, s: _Sentence, noun: int) -> list[ActorMention]:
        """The actors a possessive names on ``noun`` ("the Council's decision")."""
        return [m for c in s.kids[noun] if s.tokens[c].dep == "poss" for m in self._actors_of([c], s)]

    def _headline_participles(self, s: _Sentence, token: Token, pattern: Pattern) -> list[int]:
        """The participles on a noun trigger that the row names as its governor: "Talks held in Doha between the
        US and the Taliban", "Protest held in Madrid against NATO" carry the noun's phrases (not "the strikes
        blamed by the government", "demands rejected by")."""
        tokens = s.tokens
        return [k for k in s.kids[token.i] if tokens[k].dep == "acl" and tokens[k].tag == "VBN"
                and pattern.governors and _phrasal(s, k) & pattern.governors]

    def _thing_targets(self, s: _Sentence, token: Token, pattern: Pattern,
                       targets: list[ActorMention]) -> tuple[list[ActorMention], bool]:
        """"fired US-made rockets at Russian positions", "delivered German tanks to Ukraine": when the row names
        its object, the object is the thing sent or fired, and whoever made or owned it is no target; the target
        is after the row's preposition, or the indirect object ("gave the Ivory Coast $5 million of aid"). Also
        whether the object is such a thing."""
        tokens, kids = s.tokens, s.kids
        things = [k for k in kids[token.i] if tokens[k].dep in ("dobj", "obj")
                  and tokens[k].lemma.lower() in (pattern.objects or ()) and pattern.prepositions
                  and pattern.code[:2] in _THING_ROOTS]
        makers = {d for o in things for c in kids[o] if tokens[c].dep in ("amod", "compound", "poss")
                  for d in subtree(kids, c)}
        targets = [m for m in targets if m.sentence != s.sentence.index
                   or not makers & set(range(m.token_start, m.token_end))]
        if things and not targets:
            targets = self._preposition_targets(s, token.i, pattern.prepositions) or self._actors_of(
                [k for k in kids[token.i] if tokens[k].dep == "dative" and tokens[k].pos != "ADP"], s)
        return targets, bool(things)

    def _between(self, s: _Sentence, head: int, objects: bool = True) -> list[ActorMention]:
        tokens = s.tokens
        heads = [head] + [k for k in s.kids[head] if objects and tokens[k].dep in ("dobj", "obj")]
        for h in heads:
            for k in s.kids[h]:
                if tokens[k].dep == "prep" and tokens[k].text.lower() == "between":
                    found = self._actors_of([c for c in s.kids[k] if tokens[c].dep == "pobj"], s)
                    if len(found) >= 2:
                        return found
        return []

    def _content_target(self, s: _Sentence, root: int, exclude: set[str]) -> list[ActorMention]:
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
            found = [m for m in self._actors_of([k], s) if m.actor.code not in exclude] if k != root or \
                tokens[k].pos in ("NOUN", "PROPN") else []
            if not found and tokens[k].ent_type in ("GPE", "LOC"):
                found = [m for m in self._country_actor(s, k) if m.actor.code not in exclude]
            if found:
                return found
            queue.extend(c for c in s.kids[k] if tokens[c].dep not in ("punct", "cc", "det", "aux", "neg") and not (
                tokens[c].dep == "agent" and tokens[k].lemma.lower() in _MEDIATING))
        return []

    def _about(self, s: _Sentence, head: int, exclude: set[str]) -> list[ActorMention]:
        """The actor, else the country of the place, named in what a comment is about ("for", "over", "on", "about")
        on the trigger or on its object."""
        tokens = s.tokens
        heads = [head] + [k for k in s.kids[head] if tokens[k].dep in ("dobj", "obj")]
        for h in heads:
            for k in s.kids[h]:
                if tokens[k].dep != "prep" or tokens[k].text.lower() not in _TOPIC_PREPOSITIONS | {"for"}:
                    continue
                found = self._content_target(s, k, exclude)
                if found:
                    return found
                for d in sorted(subtree(s.kids, k)):
                    place = self._gazetteer_place(s, d) if tokens[d].ent_type in ("GPE", "LOC") else []
                    if place and place[0].actor.country not in exclude:
                        return [replace(place[0], evidence=f"the place the comment is about ({place[0].text})")]
        return []


def _sides(sources: list[ActorMention]) -> bool:
    """The sources are two sides: of two countries, or a state and its challengers ("the government and the
    rebels"; ``challenger-sectors``)."""
    sectors = {m.actor.sector for m in sources}
    return len({m.actor.country for m in sources}) >= 2 or (
        bool(sectors & STATE_SECTORS) and bool(sectors & _CHALLENGERS))


def _opposed(s: _Sentence, mention: ActorMention) -> bool:
    """The mention is written with the prefix "anti-" ("anti-NATO", "anti-government"): what is opposed, never who
    acts."""
    before = s.sentence.text[max(0, mention.start - s.base - 6):mention.start - s.base].lower().replace(" ", "")
    return before.endswith("anti-")


def joined_subjects(s: _Sentence, verb: int, subject: int) -> list[int]:
    """A headline's other subjects of ``verb``, joined to ``subject`` by a comma ("Putin, Erdogan hold talks", "Xi,
    Biden agree to ..."): the parser reads the first as a subject, an adverbial noun or a loose dependent."""
    tokens = s.tokens
    return [k for k in s.kids[verb] if k != subject and k < verb and (
        tokens[k].dep == "nsubj" or (tokens[k].dep in ("intj", "npadvmod", "dep") and tokens[k].pos == "PROPN"))
        and _comma_after(s, min(k, subject))]


def _comma_after(s: _Sentence, k: int) -> bool:
    """The phrase of token ``k`` is followed by a comma ("Putin, Erdogan hold talks"; not "AFP New Delhi: ...")."""
    end = max(j for j in subtree(s.kids, k) if s.tokens[j].pos != "PUNCT") + 1  # (the parser may hang the comma on it)
    return end < len(s.tokens) and s.tokens[end].text == ","


def _circumstance(s: _Sentence, k: int) -> bool:
    """Whether the clause at ``k`` says when or why (a finite clause opened by "after", "when", "because" ...:
    lists.tsv circumstance-marks), not what an act is about; a purpose ("so as to evacuate") is no such clause."""
    tokens = s.tokens
    return tokens[k].dep == "advcl" and any(
        tokens[m].dep == "mark" and tokens[m].text.lower() in _CIRCUMSTANCE_MARKS for m in s.kids[k]) and not any(
        tokens[m].dep == "aux" and tokens[m].text.lower() == "to" for m in s.kids[k])


def mutual(s: _Sentence, token: Token, pattern: Pattern, sources: list[ActorMention], targets: list[ActorMention],
           reciprocal: bool) -> tuple[list[ActorMention], bool]:
    """The targets and whether the sources act on each other, once both sides are found: a plural subject of a
    reciprocal act ("Polish and Czech officials agreed"), "each other", trade; not two who travel together
    (``journey-words``), nor force on a third thing; and the press is no party to a meeting or a call
    (``press-sectors``: "spoke to Reuters")."""
    own = {m.actor.country for m in sources}
    aimed = pattern.code[:3] in _AIMED_FORCE and any(s.tokens[k].dep in ("dobj", "obj") for k in s.kids[token.i])
    # ("marines and police occupied a ship", "the two armies shelled the town": force on a third thing)
    if len(sources) >= 2 and pattern.code[:2] in RECIPROCAL_ROOTS and not aimed and \
            token.lemma.lower() not in _JOURNEYS and (not targets or (
            _sides(sources) and all(
                m.rule == "location" or m.actor.kind == "region" or m.actor.country in own for m in targets))):
        # ("Polish and Czech officials agreed that their states should work together": each other)
        # "Serbia and Kosovo failed to settle the dispute over car plates in Mitrovica": the two sides
        # act on each other; a place named in what they agreed on is not their target (nor the town where the
        # government and the rebels signed: a state and those who stand against it are two sides too)
        targets, reciprocal = [], True
    if len(sources) >= 2 and (_each_other(s, token.i) or (
            not targets and token.lemma.lower() in ("trade", "exchange"))):
        targets, reciprocal = [], True  # "Moscow and Kyiv accused each other": both directions
    if pattern.code[:2] in _PRESS_ROOTS and targets and all(m.actor.sector in _PRESS for m in targets) and \
            not any(m.actor.sector in _PRESS for m in sources):
        targets = []  # "spoke to Reuters", "talked to reporters": a statement to the press, no consultation
    return targets, reciprocal
