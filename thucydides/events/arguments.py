"""The source and the target of a coded trigger: where each is found for a verb, a noun or an adjective,
and the conventions of reception, reciprocity, protest and content that move them."""

from __future__ import annotations

from thucydides.events.agents import _agent_objects
from thucydides.events.governing import _JUDGING, _judged, _occasion_verb
from thucydides.events.conditions import counted
from thucydides.events.matching import _PARTICLES
from thucydides.events.patterns import Pattern
from thucydides.events.readings import QUANTITIES
from thucydides.events.roles import RECIPROCAL_ROOTS, STATE_SECTORS, _circumstance, mutual
from thucydides.events.scope import (_CONTENT_ROOTS, _SAYING, _absolute_passive, _finite_acl, _headline_passive,
                                     _own_meeting, _purpose, _shared_passive, _stative)
from thucydides.events.sentence import _Sentence
from thucydides.tables import word_list, word_set
from thucydides.tree import subtree
from thucydides.types import ActorMention, Token

TARGET_PREPOSITIONS = word_list("target-prepositions")
NOUN_TARGET_PREPOSITIONS = word_list("noun-target-prepositions")

# Codes whose plural subject acts on itself: "Israel and Hamas agreed / met / clashed".

# Verbs whose subject receives what another actor gives ("received aid from Japan"): the giver is the source.
_RECEIVING = word_set("receiving-verbs")
_UNDERGONE_ROOTS = word_set("passive-undergone-roots")

# Nominal acts whose possessor, when a person, is the one they were done to ("Khan's arrest").
_UNDERGONE = word_set("undergone-nouns")

_BACKGROUND = word_set("background-prepositions")  # "protested over the attack": not the subject's act
_OCCASION = word_set("occasion-prepositions")  # "in a meeting with": the occasion of the clause's act
_OCCASION_OF = word_set("occasion-of-actor-prepositions")  # "X, during a visit to Y": the occasion of X

# Verbs whose subject undergoes the act their nominal object names ("faces pressure from", "came under fire from").
_UNDERGOING = word_set("undergoing-verbs")
_ASKING_ROOTS = word_set("asking-roots")  # appeals and demands: "from X" names whom they are made of
_SUBJECT_ASKED = _RECEIVING | _UNDERGOING  # "received a request from", "faces pressure from": the subject is asked
_DEPLOYMENTS = word_set("deployment-nouns")
_CONTENT_PREPOSITIONS = frozenset(TARGET_PREPOSITIONS + ("for", "over", "of"))
_PLACE_PREPOSITIONS = word_set("place-prepositions")
_TOPIC_VERBS = word_set("topic-verbs")
_CAUSING = word_set("causing-verbs")
_VISITS = word_set("visit-codes")  # a visit's target is its host, never what it is about
_CROWD_ROOTS = word_set("crowd-roots")  # protests: an armed force meets them, never stages them
_ARMED = word_set("armed-sectors")
# force aimed at a thing (blockade, occupation, fire, shelling, air strikes): two subjects do not act on each other


class Arguments:
    """Sources and targets of a trigger (part of :class:`EventCoder`)."""

    def _arguments(self, s: _Sentence, token: Token, pattern: Pattern,
                   matched: set[int]) -> tuple[list[ActorMention], list[ActorMention], bool]:
        tokens, kids = s.tokens, s.kids
        sources: list[ActorMention] = []
        targets: list[ActorMention] = []
        reciprocal = False
        verdict: list[ActorMention] | None = None  # whom a verb of judging finds guilty or responsible
        if pattern.pos == "N":
            sources = self._noun_sources(s, token.i)
            if sources and pattern.code[:2] in _CONTENT_ROOTS and pattern.governors and pattern.governors != {"*"}:
                # "called for a Russia-Ukraine ceasefire", "rejected the US proposal": the countries named on what is
                # asked for or rejected are whom it is asked of or who proposed it; the verb's subject asks (not
                # "Russia's demand": a possessor makes it)
                modifiers = {j for k in kids[token.i] if tokens[k].dep in ("compound", "amod")
                             for j in subtree(kids, k)}
                if all(m.token_start in modifiers for m in sources):
                    targets, sources = sources, []
            pair = self._between(s, token.i) if pattern.code[:2] in RECIPROCAL_ROOTS else []
            if not pair and pattern.code[:2] in RECIPROCAL_ROOTS and token.dep == "nsubj" and token.head != token.i \
                    and tokens[token.head].pos == "VERB":
                # "fighting erupted between the army and the RSF" (the verb's own phrase, not its object's: "the visit
                # strained the relationship between the two leaders")
                pair = self._between(s, token.head, objects=False)
            participles = self._headline_participles(s, token, pattern)
            if not pair and pattern.code[:2] in RECIPROCAL_ROOTS:
                pair = next((found for k in participles if (found := self._between(s, k, objects=False))), [])
            if not sources and len({m.actor.code for m in pair}) >= 2:
                # "Egypt brokered talks between Israel and Hamas": the talks are the two sides', not the broker's
                return pair, [], True
            targets = self._preposition_targets(s, token.i, pattern.prepositions or NOUN_TARGET_PREPOSITIONS) or \
                targets or self._opposed_by(s, token.i)  # "an anti-NATO rally" is aimed at NATO
            for k in participles:
                targets = targets or self._preposition_targets(s, k, pattern.prepositions or NOUN_TARGET_PREPOSITIONS)
                sources = sources or self._actors_of(_agent_objects(s, k), s)
            if not targets and pattern.code[:2] in ("18", "19", "20"):
                targets = self._place_after(s, token.i, ("of", "on", "against"))  # "the shelling of Kharkiv"
            if not targets and pattern.code[:2] in ("18", "19", "20"):
                targets = self._harmed(s, token, pattern)  # "Kyiv was hit in a Russian missile attack"
            if pattern.code[:2] in _ASKING_ROOTS and sources and (governed := self._governor(s, token)) \
                    and not governed[1] & _SUBJECT_ASKED \
                    and sources == self._preposition_targets(s, token.i, ("from",)):
                # "asked for help from China", "demanded guarantees from Washington": what is asked for, "from"
                # whom, is asked by the subject of the verb that governs it (not "received a request from Tokyo", "faces
                # pressure from Brussels": there the subject is asked)
                sources, targets = [], targets or sources
            undergone = False
            if token.lemma.lower() in _UNDERGONE and sources and all(
                    m.actor.kind == "person" or (m.actor.kind == "role" and m.actor.sector not in STATE_SECTORS)
                    for m in sources) and \
                    any(tokens[k].dep == "poss" for k in kids[token.i]) and not any(
                    tokens[k].dep == "prep" and tokens[k].text.lower() == "of" for k in kids[token.i]):
                # "Khan's arrest", "Navalny's poisoning", "the journalist's detention": a person's arrest is one he
                # underwent, not one he made
                sources, targets = self._preposition_targets(s, token.i, ("by",)), sources
                undergone = True  # (the verb that names it is no more its actor: "will raise Khan's arrest")
            governor = tokens[token.head]
            first = token
            while first.dep == "conj" and first.head != first.i and tokens[first.head].pos in ("NOUN", "PROPN"):
                first = tokens[first.head]  # "opened tank, machine-gun and sniper fire": the list's verb
            if first is not token and first.head != first.i:
                governor = tokens[first.head]
            if not sources and governor.i != token.i and token.dep == "nsubjpass" and \
                    governor.lemma.lower() not in _JUDGING:  # (not "the meeting was condemned by X")
                sources = self._actors_of(_agent_objects(s, governor.i), s)
            undergoer = governor if token.dep != "pobj" else tokens[governor.head]  # "came under attack"
            undergo = undergoer.lemma.lower() in _UNDERGOING and token.dep in ("dobj", "obj", "pobj")
            if undergo:
                # "Belgrade faces pressure from Brussels", "a convoy came under fire": who faces or comes under the
                # act is its target, not its source
                targets = self._subject(s, undergoer.i) or targets
            judged = _judged(s, first, governor, pattern)
            # "protested over the attack", "met after the shelling": the verb's subject did not do what it is about
            judged = judged or (first.dep == "pobj" and governor.text.lower() in _BACKGROUND and not (
                pattern.governors and f"{tokens[governor.head].lemma.lower()} {governor.text.lower()}"
                in pattern.governors))
            # "left Bonn after talks with Kohl", "repeated the claim after meetings with Putin": the subject's own talks
            judged = judged and not (first.dep == "pobj" and _own_meeting(s, governor.i))
            if judged and not sources:
                # "protested against arms shipments to Iran by Sweden": the parser hangs the act's "by" phrase on
                # the active verb that judges it
                judge = governor if first.dep != "pobj" else tokens[governor.head]
                if any(tokens[k].dep == "nsubj" for k in kids[judge.i]):
                    sources = [m for k in kids[judge.i] if tokens[k].dep == "prep" and tokens[k].text.lower() == "by"
                               for m in self._actors_of([c for c in kids[k] if tokens[c].dep == "pobj"], s)]
            # "the video triggered protests", "the verdict sparked riots": what causes a protest does not stage it
            caused = pattern.code[:2] in _CROWD_ROOTS and first.dep in ("dobj", "obj") and \
                governor.lemma.lower() in _CAUSING
            if not sources and governor.i != token.i and not (undergo or judged or undergone or caused) and \
                    first.dep in ("dobj", "obj", "pobj", "attr", "conj", "oprd", "npadvmod", "xcomp"):
                # (not "NATO condemned the attack": who judges an act did not commit it)
                verb = governor if first.dep != "pobj" else tokens[governor.head]
                if (verb.dep in ("prep", "prt") and verb.text.lower() in _PARTICLES) or (
                        verb.pos == "NOUN" and verb.dep == "npadvmod" and governor.text.lower() in _BACKGROUND):
                    verb = tokens[verb.head]  # "pulled out of the accord", "left a day after talks with": the verb
                if first.dep == "pobj" and pattern.code[:2] == "04" and (
                        governor.text.lower() in _OCCASION or _own_meeting(s, governor.i)):
                    # "condemned the coup in a meeting with the Ghanaian president", "said in a statement to the
                    # media following talks with Scholz": the phrase hung on a noun is the clause's occasion
                    verb = _occasion_verb(s, verb)
                if ((verb.pos == "NOUN" and governor.text.lower() == "of" and verb.lemma.lower() in QUANTITIES)
                        or (counted(s, verb.i) and governor.text.lower() in ("of", "in"))) and verb.head != verb.i \
                        and verb.dep in ("dobj", "obj") and tokens[verb.head].pos == "VERB":
                    # "began three weeks of naval drills", "began a round of talks", "pledged $500 million in aid"
                    # (not "gave his assessment of the talks", "commemorates the victims of the bombing")
                    verb = tokens[verb.head]
                elif verb.pos == "NOUN" and governor.text.lower() == "of" and verb.lemma.lower() in QUANTITIES \
                        and verb.dep == "pobj" and tokens[verb.head].text.lower() == "for" \
                        and tokens[verb.head].head != verb.head and tokens[tokens[verb.head].head].pos == "VERB":
                    verb = tokens[tokens[verb.head].head]  # "gathered in Doha for a new round of talks"
                elif counted(s, verb.i) and governor.text.lower() == "in" and verb.dep == "pobj" \
                        and tokens[verb.head].dep == "prep" and tokens[tokens[verb.head].head].pos == "VERB":
                    verb = tokens[tokens[verb.head].head]  # "appealed for $2 billion in aid"
                if not self._event_subject(s, verb.i) & matched:
                    # (not "Khan's arrest led to riots": an event as the subject acts on nothing)
                    sources = self._subject(s, verb.i)
                if not sources and first.dep == "pobj" and governor.text.lower() in _OCCASION_OF and \
                        verb.pos in ("PROPN", "NOUN") and verb.i in s.at and verb.dep in ("nsubj", "nsubjpass"):
                    # "Minister X, during a visit to Washington, endorsed ...": the parser hangs the occasion on the
                    # subject it describes, who made the visit (not "briefed the media on the visit of X")
                    sources = [s.at[verb.i]]
                if pattern.code[:2] in _CROWD_ROOTS and first.dep == "pobj" and sources and \
                        all(m.actor.sector in _ARMED for m in sources):
                    # "police arrested 40 people during a demonstration", "fired tear gas at the rally": the force
                    # acts on the protest it meets, it does not protest (the crowd rules find the protesters)
                    sources = []
            if not sources:
                sources = self._decider(s, token.i)
            if not sources and token.lemma.lower() in _DEPLOYMENTS:
                # "the deployment of Irish peacekeeping forces": the forces deployed are the actor's own
                forces = self._preposition_targets(s, token.i, ("of",))
                if forces and all(m.actor.sector == "MIL" for m in forces):
                    sources, targets = forces, [m for m in targets if m not in forces]
            if not targets and governor.i != token.i and governor.pos == "VERB" and \
                    governor.lemma.lower() not in _SAYING:
                # "issued arrest warrants for three Peruvians": the parser often hangs the noun's phrase on its verb
                # (not "the attack was reported to the council": whom an act is reported to is no party to it)
                targets = self._preposition_targets(s, governor.i,
                                                    pattern.prepositions or TARGET_PREPOSITIONS + ("for",),
                                                    skip=token.i)
                if not targets and token.dep in ("nsubj", "nsubjpass"):  # "Russian strikes hit Kyiv"
                    targets = self._objects(s, governor.i, skip=token.i)
            named_verb = bool(pattern.governors) and pattern.governors != {"*"}
            if not targets and (named_verb or pattern.code[:2] in _UNDERGONE_ROOTS) \
                    and token.dep in ("pobj", "dobj", "obj") and (owner := self._governor(s, token)):
                # "the suspect was taken into custody", "two men were placed under arrest": the passive subject
                # of the verb the row names (or of any verb, for coercion) underwent the act
                targets = self._actors_of([k for k in kids[owner[0]] if tokens[k].dep == "nsubjpass"], s)
            if not targets and token.dep == "pobj" and governor.text.lower() in ("in", "of") and (
                    counted(s, governor.head) or any(tokens[k].dep in ("dobj", "obj") and counted(s, k)
                                                     for k in kids[governor.head])) \
                    and (owner := self._governor(s, token)):
                # "pledged $500 million in aid to Ukraine": the verb of the amount names whom it goes to
                targets = self._preposition_targets(s, owner[0], pattern.prepositions or TARGET_PREPOSITIONS + ("for",),
                                                    skip=governor.head)
            if not targets and token.dep == "pobj" and governor.dep == "prep" and governor.head != governor.i \
                    and pattern.governors and f"{tokens[governor.head].lemma.lower()} {governor.text.lower()}" \
                    in pattern.governors:
                # "accused Moscow of espionage", "charged the envoy with fraud", "spoke by phone with his Chinese
                # counterpart": the row names the verb and its preposition, so the verb's act is the event, and
                # whom it is done to is the verb's object or the object of its other preposition
                targets = self._objects(s, governor.head) or self._preposition_targets(
                    s, governor.head, pattern.prepositions or TARGET_PREPOSITIONS, skip=governor.i)
            if not targets and token.dep == "pobj" and governor.dep == "prep" and governor.head != governor.i \
                    and tokens[governor.head].pos == "VERB" and pattern.code[:2] in _ASKING_ROOTS:
                # "appealed to the UN for aid", "asked China for help", "called on Hamas for a ceasefire": whom the
                # verb of asking addresses is the target of what it asks for
                targets = self._objects(s, governor.head) or self._preposition_targets(
                    s, governor.head, TARGET_PREPOSITIONS, skip=governor.i)
            if not targets and token.dep == "pobj" and governor.dep == "prep" and governor.head != governor.i \
                    and tokens[governor.head].pos == "VERB" and governor.text.lower() in ("in", "into"):
                # "engaged the peacekeepers in a firefight": the verb's object is whom the act is done to
                targets = self._objects(s, governor.head)
        else:
            passive = any(tokens[k].dep == "nsubjpass" for k in kids[token.i]) and not _stative(s, token.i)
            shared = _shared_passive(s, token.i)  # "served 20 years and was released in 2011" (no nsubjpass)
            if _finite_acl(s, token.i):
                # "Israeli airstrikes killed 30 people" read as a noun phrase: the noun is the subject
                sources = self._actors_of([token.head], s)
                targets = self._objects(s, token.i) or self._place_objects(s, token.i)
            elif token.dep in ("acl", "relcl") and token.tag == "VBN" and token.head != token.i and not any(
                    tokens[c].dep in ("nsubj", "nsubjpass") for c in kids[token.i]) and (
                    (token.dep == "acl" and not any(tokens[c].dep == "aux" for c in kids[token.i]))
                    # (not "reports that X had bombed"), but "the last man to be executed"
                    or any(tokens[c].dep == "auxpass" for c in kids[token.i])):
                # "five Nigerien soldiers wounded near the border": the noun the participle describes is the target
                targets = self._actors_of([token.head], s) or self._headline_place(s, token.head, pattern)
                sources = self._agents(s, token.i)
            elif (_headline_passive(s, token.i, force=self.codes[pattern.code].quad_class == 4)
                  or _absolute_passive(s, token.i)) and \
                    pattern.code[:2] not in ("15", "14"):
                # "Dozens of protesters detained in Minsk": a headline's bare participle is passive; its subject is
                # the target (not for deployments and protests, whose subject acts: "Troops deployed to the border");
                # so is the participle of an absolute "with" phrase ("..., with 52 civilians killed")
                subjects = [k for k in kids[token.i] if tokens[k].dep == "nsubj"]
                targets = self._actors_of(subjects, s) or [m for k in subjects
                                                           for m in self._headline_place(s, k, pattern)]
                sources = self._agents(s, token.i)
            elif passive and (pattern.code[:2] == "15" or pattern.code in ("074", "0234")):
                # "4,000 observers were deployed to monitor the vote", "troops were sent to the border": what is
                # deployed is the actor's own force, not a target
                sources = self._actors_of([k for k in kids[token.i] if tokens[k].dep == "nsubjpass"], s)
                targets = self._preposition_targets(s, token.i, ("to", "into", "in"))
            elif passive or shared:
                targets = self._actors_of([k for k in kids[token.i] if tokens[k].dep == "nsubjpass"], s) or (
                    self._subject(s, token.head) if shared else [])
                if not targets:  # "shells were fired at the convoy": the weapon is no target, what it was aimed at is
                    targets = self._preposition_targets(
                        s, token.i, [p for p in pattern.prepositions or TARGET_PREPOSITIONS if p != "from"])
                sources = self._actors_of(_agent_objects(s, token.i), s)
                if not sources:
                    sources = self._stray_agent(s, token.i)
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
                    sources = self._subject(s, head.i) if head.i != token.i else []
                    if head.i != token.i and head.pos == "VERB" and pattern.governors and pattern.code[:2] == "11":
                        # ("found guilty", "held responsible": a verb of judging the row names, not "was ready")
                        sources, verdict = self._verdict(s, head, token, sources)
                else:  # ("striking miners": a participle before the noun it describes, when the row asks who acts)
                    sources = self._subject(s, token.i) or (self._actors_of([token.head], s) if pattern.subjects and
                                                            token.dep == "amod" and token.tag == "VBG" else [])
                # "Putin and Michel discussed Ukraine": what is discussed or negotiated is a topic, not a side
                targets = [] if token.lemma.lower() in _TOPIC_VERBS else self._objects(s, token.i)
                targets, thing = self._thing_targets(s, token, pattern, targets)
                if targets and all(m.actor.country is None for m in targets):
                    # "deployed troops to Lithuania": a bare role as object yields to a named target (not to another
                    # bare role: "arrested 100 protesters at the university")
                    named = self._preposition_targets(s, token.i, pattern.prepositions or TARGET_PREPOSITIONS)
                    targets = named if any(m.actor.country for m in named) else targets
                if not targets and pattern.prepositions:
                    # "imposed sanctions on two Chinese firms": the pattern's target preposition on the object
                    for k in kids[token.i]:
                        if tokens[k].dep in ("dobj", "obj") and not targets:
                            targets = self._preposition_targets(s, k, pattern.prepositions)
                if not targets and pattern.code[:2] not in ("01", "04") and not thing:
                    # "shelled the city of Kharkiv"
                    targets = self._place_objects(s, token.i, force=self.codes[pattern.code].quad_class == 4)
                if pattern.complements is not None or not targets:
                    for k in kids[token.i]:
                        if tokens[k].dep in ("xcomp", "ccomp") and not targets:
                            targets = self._clause_subject(s, k) or self._objects(s, k) or self._preposition_targets(
                                s, k, pattern.prepositions or TARGET_PREPOSITIONS)
                if not targets:
                    targets = self._preposition_targets(s, token.i, pattern.prepositions or TARGET_PREPOSITIONS)
                for k in kids[token.i]:  # "imposed sanctions on Russia": the target hangs off the object
                    if not targets and tokens[k].dep in ("dobj", "obj"):
                        targets = self._preposition_targets(s, k, pattern.prepositions or NOUN_TARGET_PREPOSITIONS)
        if not targets and (pattern.code.startswith("01") or (
                pattern.code[:2] == "04" and len(sources) < 2 and not pattern.needs_target
                and pattern.code[:3] not in _VISITS)):
            # "expressed sorrow for the shootings in South Carolina", "claimed responsibility for a bombing at a
            # market in Somalia's capital": a comment is aimed at the actor or the country it is about (a talk that
            # needs someone on the other side is not held with its topic: "talked about attacking the school"; nor
            # is a visit made to it: "paid a visit to Honiara over the China pact")
            targets = self._about(s, token.i, {m.actor.code for m in sources})
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
                        found = [m for m in self._content_target(s, k, own) if m.actor.country not in own]
                        targets = found
            targets = targets or places
        if not targets and pattern.code[:2] in ("17", "18", "19", "20"):
            # "opened fire to disperse the demonstrators": whom the force was meant for
            for k in s.kids[token.i if pattern.pos == "V" else token.head]:
                if not targets and _purpose(s, k):
                    targets = self._objects(s, k)
        if not targets:  # "threatened to cut ties with Qatar", "demanded that Israel ease ...":
            # the target of an appeal, threat, demand or rejection is in what it is about
            exclude = {m.actor.code for m in sources}
            for k in s.kids[token.i]:
                if tokens[k].dep == "prep" and tokens[k].text.lower() in _PLACE_PREPOSITIONS and \
                        pattern.code[:2] in ("03", "04"):
                    continue  # "will meet in Zurich": where they meet is no target
                if tokens[k].dep == "prep" and tokens[k].text.lower() not in _CONTENT_PREPOSITIONS:
                    continue  # "exchanged prisoners in a deal brokered by the UAE": a circumstance, not the content
                if _circumstance(s, k):
                    continue  # "arrested the rapper after he criticized the government": when, not what
                if tokens[k].dep in ("xcomp", "ccomp", "acl", "advcl", "pcomp", "prep", "dobj", "obj") and \
                        not targets and pattern.code[:2] in _CONTENT_ROOTS | {"08", "16", "17"}:
                    targets = self._content_target(s, k, exclude)
            if not targets and pattern.pos == "N" and token.dep in ("dobj", "obj") and token.head != token.i \
                    and pattern.code[:2] in _CONTENT_ROOTS:
                # "reiterated its demand that Israel ease ...": the noun's clause hangs on the verb governing it
                for k in s.kids[token.head]:
                    if tokens[k].dep == "ccomp" and not targets:
                        targets = self._content_target(s, k, exclude)
        if sources and targets and self.codes[pattern.code].quad_class != 4 and all(
                m.rule in ("context", "coreference") and m.actor.country is not None
                and m.actor.country == sources[0].actor.country and m.actor.sector == "MIL" for m in targets):
            # "contribute 4,000 troops to a force in Liberia": the actor's own troops are what it uses, not
            # whom it acts on; a target named further in the phrase wins (not for force: "Taliban fighters clashed
            # with resistance forces" fight the forces of another side of their own country)
            exclude = {m.actor.code for m in sources + targets}
            own = {m.actor.country for m in sources}
            found = []
            for k in s.kids[token.i]:
                if tokens[k].dep in ("xcomp", "ccomp", "prep", "dobj", "obj"):
                    found = [m for m in self._content_target(s, k, exclude) if m.actor.country not in own]
                    if found:
                        break
            targets = found  # "withdrew its forces from the city": with no one else named, no target
        if pattern.pos == "V" and token.lemma.lower() in _RECEIVING and pattern.code[:2] != "04":
            # "received weapons from the government": the giver acts, the receiver is the target
            givers = self._preposition_targets(s, token.i, ("from",))
            for k in kids[token.i]:
                if not givers and tokens[k].dep in ("dobj", "obj"):
                    givers = self._preposition_targets(s, k, ("from",))
            receivers = [m for m in sources if m not in givers]
            sources, targets = givers, receivers
        if verdict is not None:
            targets = verdict  # (only whom the verb judges: not "pleaded guilty before Judge X")
        between = self._between(s, token.i)
        if between and not targets:
            if sources:
                targets = between
            else:
                sources, reciprocal = between, True
        targets, reciprocal = mutual(s, token, pattern, sources, targets, reciprocal)
        return sources, targets, reciprocal

