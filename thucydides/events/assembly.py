"""Building the Event records of a coded trigger: date, place and modality, the recoding conventions, stand-in
actors where none is named (a launch site, unidentified attackers, a crowd, victims named by number), the pairs
of source and target. Where each actor belongs is :mod:`situating`'s; one event per act, :mod:`dedupe`'s."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from thucydides.actors.inferred import civilians_of, inferred_mention, unidentified_force
from thucydides.events.agents import undergoers
from thucydides.events.codebook import CameoCode
from thucydides.events.dates import event_date, reported_date
from thucydides.events.modality import modality
from thucydides.events.patterns import Pattern
from thucydides.events.keys import word_forms
from thucydides.events.readings import QUANTITIES
from thucydides.events.places import clause_region, place_at, place_in_clause, place_named, prefer, unnamed_place
from thucydides.events.roles import STATE_SECTORS
from thucydides.events.scope import _absolute_passive, _headline_passive
from thucydides.events.recoding import recoded
from thucydides.events.sentence import _Sentence
from thucydides.tables import word_set
from thucydides.tree import subtree
from thucydides.types import ActorMention, Article, Event, Location, Token

# PLOVER types whose act, when no target is named, is aimed at the actor's own country: concessions (lifting a
# curfew or a state of emergency), protest (strikes, rallies) and coercion (curfews, arrests, states of siege).
# Not RETREAT: "rebels surrendered", "forces withdrew" name no one they yield to.
DOMESTIC_TYPES = word_set("domestic-plover-types")

# Nouns that name people only by their number ("thousands of people", "a crowd of hundreds").
_CROWDS = word_set("crowd-nouns")

# Acts both sides of a dyad do at once: "held talks with" (046) is coded in both directions.
_SYMMETRIC = word_set("symmetric-codes")
_PROJECTILES = word_set("projectile-words")
_WEAPONS = word_set("weapon-nouns")  # "rockets landed near the embassy": no attacker is named either
_PLACE_NEVER_TARGET = tuple(word_set("place-never-target-codes"))  # "met in Doha": the place is no target
_VISIT_VERBS = word_set("visit-verbs")
_ATTACK_NOUNS = word_set("attack-nouns")
_DESTINATION_HOSTS = word_set("destination-host-codes")  # "traveled to China": the destination hosts the visit
_NEUTRAL_VENUES = word_set("neutral-venues")  # cities that host other countries' talks
_UNNAMED_ACTOR_CODES = word_set("unnamed-actor-codes")  # "was jailed for nine years": no court named, still an act
_AIMED_ROOTS = ("18", "19", "20")  # force shot or thrown at a place
_TOPICAL_ROOTS = ("10", "11", "12", "13", "14")  # demands, criticism, rejection, threats, protest: "over" X is a topic
_AIMED_PREPOSITIONS = ("toward", "towards", "into")  # where it was aimed ("off the coast" is no target)


class Assembly:
    """Event records from a coded trigger (part of :class:`EventCoder`)."""

    def _events(self, article: Article, s: _Sentence, token: Token, pattern: Pattern, code: CameoCode,
                sources: list[ActorMention], targets: list[ActorMention], reciprocal: bool, report: date | None,
                spans: list[tuple[int, int]], used: set[int]) -> list[Event]:
        text, base = s.sentence.text, s.base
        when, when_text, precision = event_date(s.tokens, token.i, report, spans, text, base)
        if precision == "report":  # "X did Y, the newspaper reported on Saturday": the date of the report
            when, when_text, precision = reported_date(s.tokens, report, spans, text, base) or \
                (when, when_text, precision)
        where = place_at(s.tokens, token.i, text, base, topical=code.code[:2] in _TOPICAL_ROOTS)
        verb = token if token.pos == "VERB" else s.tokens[token.head] if token.dep in ("dobj", "obj") else None
        subject_place = False  # (where the actor was is no target of the act)
        if where is None and verb is not None:
            # "a blast near Kirkuk killed ...", "police in Portland fired tear gas": where the subject was, the act was
            where = next((found for k in s.kids[verb.i] if s.tokens[k].dep == "nsubj" and s.tokens[k].pos in (
                "NOUN", "PROPN") and (found := place_at(s.tokens, k, text, base)) is not None), None)
            subject_place = where is not None
        if where is None and token.pos == "NOUN" and token.head == token.i:  # "Demonstration held in Madrid": a
            # headline's participle on its root noun
            where = next((found for k in s.kids[token.i] if s.tokens[k].dep == "acl" and s.tokens[k].tag == "VBN"
                          and (found := place_at(s.tokens, k, text, base)) is not None), None)
        if where is None and (token.pos in ("NOUN", "PROPN") or (token.tag == "VBG" and token.dep == "nsubj")) \
                and token.head != token.i:  # (a gerund as the subject: "fighting continued in Tripoli")
            where = place_at(s.tokens, token.head, text, base)
            head = s.tokens[token.head]
            if where is None and head.dep == "prep" and head.head != head.i:  # "stayed on high alert in northern Syria"
                where = place_at(s.tokens, head.head, text, base)
                owner = s.tokens[head.head]
                if where is None and head.text.lower() == "of" and owner.lemma.lower() in QUANTITIES \
                        and owner.dep in ("dobj", "obj") and owner.head != owner.i:
                    where = place_at(s.tokens, owner.head, text, base)  # "made dozens of arrests in Paris"
        if where is None and (code.quad_class in (2, 4) or code.code[:2] == "14"):
            # "detained a man in Texas", "used tear gas to disperse crowds in Minneapolis": the parser hangs the
            # place on the object of a physical act, which happened there too (not so for words: "condemned the
            # attack in X")
            where = place_in_clause(s.tokens, s.kids, token.i if token.pos == "VERB" else token.head, text, base)
            if where is None and token.pos == "VERB" and token.dep in ("advcl", "conj") and token.head != token.i:
                # "struck a checkpoint in Kandahar, killing six policemen": the participle's or the joined verb's
                # act happened where the act it follows did
                where = place_at(s.tokens, token.head, text, base) or \
                    place_in_clause(s.tokens, s.kids, token.head, text, base)
            if where is None and code.quad_class == 4 and not sources and not targets:
                # "clashes erupted between rival groups in Tripoli", "three people were arrested after the match in
                # Paris": with no one named, the one country the clause names as a place
                where = unnamed_place(s, token, verb, text, base)
        if where is not None and where.lat is not None:  # "Tripoli" in a story that names Lebanon is Lebanon's
            # (the place's own mention is no evidence for its country)
            where = prefer(where, {m.actor.country for m in list(s.recent) + list(s.mentions) if m.actor.country
                                   and not (m.start < where.end and where.start < m.end)})
        mood = modality(s.tokens, token.i, text, base, also=sorted(used))
        code, sources, targets, mood, negates = self._recode(s, token, code, mood, sources, targets)
        paid = token.pos == "NOUN" and ((token.dep in ("dobj", "obj") and token.head != token.i and s.tokens[
            token.head].lemma.lower() in _VISIT_VERBS) or (token.dep in ("nsubj", "nsubjpass", "ROOT") and any(
                s.tokens[k].dep == "poss" for k in s.kids[token.i])))
        # ("paid a visit to Honiara", "began a visit to India", "Modi's visit to Japan was a success": the visit is
        # what the clause reports, not its occasion)
        if not targets and pattern.code in _DESTINATION_HOSTS and (token.pos == "VERB" or paid):
            # "Scholz traveled to China" (or "will travel to", 036), "Modi arrived in Moscow": the country a visit
            # went to is its host, and where it happened; a journey home hosts no one (not for the noun: "during his
            # visit to Beijing, Putin met Xi" would count the meeting twice)
            found = _place_through(s, token.i, ("to", "in"), text, base)
            # (a place name the gazetteer knows is the destination however the parser tagged it: "traveled to
            # Kyiv"; not a word the actor stage read as an actor)
            if found is not None and found.country not in {m.actor.country for m in sources}:
                targets, where = [self._place_actor(s, found)], where or found
        if not targets and code.quad_class == 4 and code.code[:2] in _AIMED_ROOTS and token.pos == "VERB":
            # "fired rockets toward Tel Aviv", "launched drones into Belgorod": the place a shot was aimed at is
            # its target, as "at" is (not "off the coast", nor the actor's own country)
            found = _place_through(s, token.i, _AIMED_PREPOSITIONS, text, base, names_only=True)
            if found is not None and found.country not in {m.actor.country for m in sources}:
                targets = [self._place_actor(s, found)]
        if code.quad_class == 4 and code.code[:2] not in ("14", "15") and targets and \
                all(m.rule == "location" for m in targets):
            # "police arrested John Smith in Chicago", "killed 5 people in Kabul": the people, not the city the
            # parser hung on them
            targets = self._victims(s, token, where, dateline=False) or targets
        if not targets and code.quad_class == 4 and code.code[:2] not in ("14", "15"):
            # "killed at least 20 people in Kabul": the people are civilians of the place (or of the dateline's
            # country), a richer target than the place
            # (with no place of its own, the place of the act just before comes first: "... an attack on Kyiv. At
            # least 83 people were wounded in the attack.")
            placeless = where is None or not where.country
            scene = s.scene if placeless and s.scene is not None and s.scene.country else None
            filed = self._filed(article) if placeless and scene is None else None
            targets = self._victims(s, token, scene or filed or where, dateline=filed is not None,
                                    coercion=code.code[:2] == "17")
        if not targets and not reciprocal and not code.code.startswith(_PLACE_NEVER_TARGET) and where is not None \
                and where.country and not subject_place:
            # "launched an operation in Ukraine", "lifted a curfew in Montenegro": the place is the target;
            # a meeting place, or where forces surrender, never is (place-never-target-codes)
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
        # (read only when a role of no country needs it)
        region = clause_region(s.tokens, s.kids, verb.i if verb is not None else token.i, text, base) \
            if venue is None and any(m.actor.code.startswith("---") for m in sources + targets) else None
        if region is not None and (region.name.lower() in _NEUTRAL_VENUES or code.code in _DESTINATION_HOSTS):
            # "negotiators resumed talks in Doha": the host city of others' talks places no one; "the prime minister,
            # on a visit to the United States": a visitor is not of the place visited
            region = None
        sources = [self._situated(m, s, venue, targets, hostile=code.code[:2] in ("18", "19", "20"),
                                  force=code.quad_class == 4, region=region) for m in sources]
        targets = [self._situated(m, s, venue, sources, force=code.quad_class == 4, region=region) for m in targets]
        if code.quad_class == 4 and venue is not None and venue.country:
            targets = [self._hit_where(m, venue, sources) for m in targets]
        row = recoded(s, token, code.code, ("source-head", "actor-word", "joint", "into", "political", "phrase"),
                      sources, targets)
        if row is not None:
            # "protesters torched a police station" (145), "deployed peacekeepers" (074), "French and Egyptian
            # warships launched war games" (062, both ways), "fired a missile into the sea" (150): recodes.tsv
            code, reciprocal = self.codes[row.becomes], reciprocal or row.when == "joint"
        if not sources and code.quad_class == 4:
            sources = self._launch_site(s, token, where)
        if not sources and code.plover == "ASSAULT" and where is not None and targets and \
                code.code[:3] not in ("194", "195") and token.lemma.lower() not in _PROJECTILES and \
                not any(s.tokens[k].dep == "nsubj" and s.tokens[k].lemma.lower() in _WEAPONS
                        for k in s.kids[token.i]) and not any(m.rule == "location" for m in targets):
            # (not "rockets fired at Tel Aviv", "shelling", "air strikes", "rockets landed near": the place hit says
            # nothing of the attacker)
            sources = self._unidentified(s, token, where)
        if not sources and code.code[:2] == "14":
            # the place of the protest, or the place it blocked ("blocked roads in Minsk")
            scene = where if where is not None and where.country else next(
                (Location(name=m.text, country=m.actor.country, lat=None, lon=None, start=m.start, end=m.end)
                 for m in targets if m.rule == "location" and m.actor.country), None) or next(
                (found for k in s.kids[token.i] if s.tokens[k].dep in ("dobj", "obj")
                 and (found := place_at(s.tokens, k, text, base)) is not None and found.country), None)
            # with no place, "hundreds rallied outside the state Capitol": civilians of the dateline's country, as the
            # actor stage places a role, else of no known country (a country the sentence names is as often the one
            # protested against: "outside the Russian embassy")
            filed = self._filed(article) if scene is None else None
            sources = self._crowd(s, token, scene or filed, dateline=filed is not None)
            if not sources and token.pos in ("NOUN", "PROPN") and scene is not None and scene.country:
                sources = self._protesters(s, token, scene)
        if not targets and not reciprocal and code.plover in DOMESTIC_TYPES:
            targets = self._home(s, token, sources)
        if pattern.needs_target and not targets and not (reciprocal and len(sources) > 1):
            return []  # "Obama wrote in a letter", "talking about the economy": no one on the other side
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
        elif code.code in _UNNAMED_ACTOR_CODES:
            # "a former adviser was jailed": the one the passive's subject names (not "X's daughter was sentenced",
            # nor "pleaded guilty before Judge Y")
            judged = undergoers(s, token.i)
            # ("X, a former envoy, was jailed": the apposition names the same person)
            judged += [c for k in judged for c in s.kids[k] if s.tokens[c].dep == "appos"]
            pairs = [(None, b) for b in targets if pattern.pos == "A"  # (whom an adjective judges: agents.py)
                     or any(b.token_start <= k < b.token_end for k in judged)]
        kept = [(a, b) for a, b in pairs if not (a is not None and b is not None and (
            (_same_actor(a, b) and (b.rule not in ("location", "implicit") or a is b))
            or (b.rule == "dateline" and b.actor.country == a.actor.country
                and (b.actor.sector is None or (b.actor.sector in STATE_SECTORS and b.actor.sector != "ELI")))))]
        # a place target in the actor's own country stays: "Nigerians rallied in Lagos" is aimed at Nigeria
        # an actor acting on itself, or on a state role whose country was only guessed from the dateline, is no
        # target (the police of a dateline's country arresting its suspects keep them: AFGCOP 173 AFGCRM)
        if pairs and not kept:
            if pattern.needs_target:
                return []  # "the way he talks to them": whom an act that needs another side was aimed at is its own
            kept = list(dict.fromkeys((a, None) for a, _b in pairs))
        # a hyphenated word the tokenizer split ("cease-fire", "sit-in") is the trigger whole
        first = s.tokens[token.i - 2].start if len(word_forms(s.tokens, token.i)) > 1 else token.start
        out = []
        for source, target in kept:
            key = f"{article.id}|{s.sentence.index}|{token.start}|{source and source.start}|" \
                  f"{target and target.start}|{code.code}"
            out.append(Event(
                id=hashlib.sha1(key.encode()).hexdigest()[:16], sentence=s.sentence.index,
                sentence_text=text, trigger_text=text[first - base:token.end - base], trigger_start=first,
                trigger_end=token.end,
                source=source, target=target, sources_all=tuple(sources), targets_all=tuple(targets),
                cameo=code.code, cameo_name=code.name, goldstein=code.goldstein, quad_class=code.quad_class,
                plover=code.plover, plover_mode=code.plover_mode, date=when, date_text=when_text,
                date_precision=precision, location=where, modality=mood, pattern=pattern.source,
                actor_unknown=source is None or source.rule == "unidentified",
                reciprocal=reciprocal and not targets, negates=negates))
        return out

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
        actor = unidentified_force(self.d, where.country, where.name)
        if actor is None:
            return []
        return [inferred_mention(actor, sentence=s.sentence.index, span=(token.start, token.start),
                                 tokens=(token.i, token.i), text="", rule="unidentified",
                                 evidence="no attacker named; an armed force of the country of the attack "
                                          f"({where.name})")]

    def _protesters(self, s: _Sentence, token: Token, where: Location) -> list[ActorMention]:
        """ "Protests erupted in Minneapolis", "protests were held in Haiti": with no protester named, the protest
        is by civilians (CAMEO CVL) of the place, as ICEWS and the PLOVER coders code it; rule ``unidentified``
        (``text`` is empty, the event keeps ``actor_unknown``, and a protester named for the same act wins)."""
        actor = civilians_of(self.d, where.country, where.name)
        if actor is None:
            return []
        return [inferred_mention(actor, sentence=s.sentence.index, span=(token.start, token.start),
                                 tokens=(token.i, token.i), text="", rule="unidentified",
                                 evidence=f"no protester named; people of the place of the protest ({where.name})")]

    def _crowd(self, s: _Sentence, token: Token, where: Location | None, dateline: bool = False
               ) -> list[ActorMention]:
        """ "Thousands of people marched in Paris": a protest by people named only by their number is by civilians
        (CAMEO CVL) of the country where it happened, as ICEWS and the PLOVER coders code it (rule ``location``);
        with no place named, of the dateline's country (``dateline``: ``where`` is the dateline's place), else of
        no known country (rule ``role``)."""
        verb = token if token.pos == "VERB" else s.tokens[token.head]
        if verb.pos == "ADP" and verb.head != verb.i:  # "took part in a protest": the verb of the preposition
            verb = s.tokens[verb.head]
        subjects = [k for k in s.kids[verb.i] if s.tokens[k].dep == "nsubj"]
        if not subjects and verb.dep == "acl" and verb.head != verb.i and s.tokens[verb.head].pos == "NOUN":
            subjects = [verb.head]  # "Around 200 people protested in Lagos", parsed as a participle on "people"
        return self._numbered(s, subjects[0], where, dateline) if subjects else []

    def _victims(self, s: _Sentence, token: Token, where: Location | None, dateline: bool,
                 coercion: bool = False) -> list[ActorMention]:
        """ "killed at least 20 people", "arrested 12 people", "dozens were wounded": force on people named only by
        their number is force on civilians of the place of the act, else of the dateline's country; with no place,
        of no known country only when the act is plainly force (an arrest, ``coercion``, or a killing "in the
        attack": "six people were arrested"); else none (a death with no place and no attack named
        is as often an accident: "7 killed, 5 injured in road accident")."""
        verb = token if token.pos == "VERB" else s.tokens[token.head] if token.dep == "nsubj" else None
        if verb is None or (where is not None and not where.country) or (
                where is None and not (coercion or _named_force(s, verb))):
            return []  # (a bomber killing people: the verb's object)
        # (the subject of a headline's or an absolute phrase's participle underwent the act: "7 killed in Kabul")
        passive = _headline_passive(s, verb.i, force=True) or _absolute_passive(s, verb.i)
        found = [k for k in s.kids[verb.i] if s.tokens[k].dep in ("dobj", "obj", "nsubjpass")
                 or (passive and s.tokens[k].dep == "nsubj")]
        if not found and verb.dep == "acl" and verb.tag == "VBN" and verb.head != verb.i:
            found = [verb.head]  # "At least 12 killed in ...": the participle describes whom the act befell
        people = (self._numbered(s, found[0], where, dateline) or (
            self._stranger(s, found[0], where, dateline) if where is not None else [])) if found else []
        # (rule ``context``, not ``dateline``: a dateline's country as a target is dropped as the source's own)
        return [replace(m, rule="context") if dateline else m for m in people]

    def _stranger(self, s: _Sentence, k: int, where: Location, dateline: bool) -> list[ActorMention]:
        """A person named in full whom no actor codes ("police arrested John Smith in Chicago"): a civilian of the
        place of the act, else of the dateline's country."""
        tokens = s.tokens
        name = [j for j in subtree(s.kids, k) if tokens[j].ent_type == "PERSON" and (j == k or tokens[j].dep in (
            "compound", "flat")) and j not in s.at]
        actor = civilians_of(self.d, where.country, where.name)
        if actor is None or tokens[k].ent_type != "PERSON" or k in s.at or len(name) < 2:
            return []
        first, last = min(name), max(name)
        whose = "the dateline's country" if dateline else "the place"
        why = f"a person named whom no actor codes; civilians of {whose} ({where.name})"
        return [inferred_mention(actor, sentence=s.sentence.index, span=(tokens[first].start, tokens[last].end),
                                 tokens=(first, last + 1), text=s.sentence.text[tokens[first].start - s.base:
                                                                              tokens[last].end - s.base],
                                 rule="dateline" if dateline else "location", evidence=why)]

    def _numbered(self, s: _Sentence, k: int, where: Location | None, dateline: bool) -> list[ActorMention]:
        """Civilians for the people named only by their number at token ``k`` ("hundreds of thousands of people"),
        of ``where``'s country (or of none), or nothing when the words there name someone else."""
        tokens = s.tokens
        actor = civilians_of(self.d, where and where.country, where and where.name)
        if actor is None:
            return []
        head = tokens[k]
        inner = [o for p in s.kids[k] if tokens[p].dep == "prep" and tokens[p].text.lower() == "of"
                 for o in s.kids[p] if tokens[o].dep == "pobj"]
        words = {head.lemma.lower()} | {tokens[o].lemma.lower() for o in inner} | {
            tokens[g].lemma.lower() for o in inner for p in s.kids[o] if tokens[p].dep == "prep"
            for g in s.kids[p] if tokens[g].dep == "pobj"}  # "hundreds of thousands of people"
        # "7 killed", "at least five dead": a bare number is a number of people; "a 19-year-old": a person by age
        aged = head.lemma.lower() == "old" and any(tokens[c].lemma.lower() in ("year", "month") for c in s.kids[k])
        bare = (head.tag == "CD" and not inner) or aged
        if k in s.at or not (words & _CROWDS or bare):
            return []
        if aged:  # the whole "19-year-old"
            first = min(j for j in subtree(s.kids, k) if tokens[j].dep != "det")
            head = replace(head, start=tokens[first].start, text=s.sentence.text[tokens[first].start - s.base:
                                                                                  head.end - s.base])
        if where is None:
            rule, why = "role", "people named only by their number, and no place named: civilians"
        elif dateline:
            rule, why = "dateline", (f"people named only by their number, and no place named; civilians of the "
                                     f"dateline's country ({where.name})")
        else:
            rule, why = "location", f"people named only by their number; civilians of the place ({where.name})"
        return [inferred_mention(actor, sentence=s.sentence.index, span=(head.start, head.end), tokens=(k, k + 1),
                                 text=head.text, rule=rule, evidence=why)]


def _named_force(s: _Sentence, verb: Token) -> bool:
    """The act of ``verb`` is said to be done by an attack ("were killed in the attack", "died in a shooting", "an
    airstrike killed 30 people"): force, wherever it was (lists.tsv attack-nouns)."""
    nouns = [o for k in s.kids[verb.i] if s.tokens[k].dep == "prep" and s.tokens[k].text.lower() in (
        "in", "by", "during") for o in s.kids[k] if s.tokens[o].dep == "pobj"] + \
        [k for k in s.kids[verb.i] if s.tokens[k].dep in ("nsubj", "agent")]
    return any(s.tokens[o].lemma.lower() in _ATTACK_NOUNS for o in nouns)


def _same_actor(a: ActorMention, b: ActorMention) -> bool:
    """Two mentions of one actor: the same code, except that two roles of no known country ("---GOV") are one only
    when they name the same person or the same words ("Sen. Smith met Gov. Jones" is a dyad)."""
    if a is b:
        return True
    if a.actor.code != b.actor.code:
        return False
    if not a.actor.code.startswith("---"):
        return True
    return (a.actor.entity is not None and a.actor.entity == b.actor.entity) or \
        (a.actor.name or a.text).lower() == (b.actor.name or b.text).lower()


def _place_through(s: _Sentence, verb: int, prepositions: Sequence[str], text: str, base: int,
                   names_only: bool = False) -> Location | None:
    """The first place of a known country named after one of ``prepositions`` on ``verb`` ("traveled to Kyiv",
    "fired rockets toward Tel Aviv"): a name the gazetteer knows however the parser tagged it, but no word the
    actor stage read as an actor; with ``names_only``, proper names the gazetteer knows only ("into the sea" is
    no place)."""
    tokens = s.tokens
    return next((place for p in s.kids[verb] if tokens[p].dep == "prep" and tokens[p].text.lower() in prepositions
                 for k in s.kids[p] if tokens[k].dep == "pobj" and (not names_only or tokens[k].pos == "PROPN")
                 and (place := place_named(tokens, k, text, base, known_only=names_only or k not in s.at)) is not None
                 and place.country), None)
