"""The event stage on parses built by hand (no model): a failure here names the event layer, not the parser or
the actor resolver. Team-written sentences; each row gives the tokens (text, lemma, POS, dependency, head), the
actor mentions, and the events expected as (source, code, target)."""

from __future__ import annotations

import pytest
from handparse import article, mention, parse

from thucydides.events import EventCoder


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def _events(coder, rows, spans):
    tokens = parse(rows)
    mentions = [mention(tokens, a, b, code) for a, b, code in spans]
    return {(e.source.actor.code if e.source else None, e.cameo, e.target.actor.code if e.target else None)
            for e in coder.article(article(tokens, mentions))}


CASES = [
    # a verb row with its object: "Ruritania expelled two Freedonian diplomats" (reducing relations, 161)
    ("verb and object",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("expelled", "expel", "VERB", "ROOT", 1),
      ("two", "two", "NUM", "nummod", 4), ("Freedonian", "freedonian", "ADJ", "amod", 4),
      ("diplomats", "diplomat", "NOUN", "dobj", 1)],
     [(0, 0, "RUR"), (3, 4, "FREGOV")], {("RUR", "161", "FREGOV")}),
    # the noun called for speaks for its verb, through the preposition: 0256, not the verb's 020
    ("noun through a preposition",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
      ("for", "for", "ADP", "prep", 1), ("a", "a", "DET", "det", 4), ("ceasefire", "ceasefire", "NOUN", "pobj", 2)],
     [(0, 0, "RUR")], {("RUR", "0256", None)}),
    # a veto row (none, dep:oprd): naming is no phone call
    ("veto by dependency",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
      ("Freedonia", "Freedonia", "PROPN", "dobj", 1), ("a", "a", "DET", "det", 4),
      ("threat", "threat", "NOUN", "oprd", 1)],
     [(0, 0, "RUR"), (2, 2, "FRE")], set()),
    # without the predicate it is a call (041)
    ("no veto",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
      ("Freedonia", "Freedonia", "PROPN", "dobj", 1)],
     [(0, 0, "RUR"), (2, 2, "FRE")], {("RUR", "041", "FRE")}),
    # the parser's other readings of a predicate: an apposition with no comma, a quoted phrase after the object,
    # a second object; a named predicate (oprd) with no object is the one called
    ("naming as an apposition",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
      ("Freedonia", "Freedonia", "PROPN", "dobj", 1), ('"', '"', "PUNCT", "punct", 2), ("a", "a", "DET", "det", 5),
      ("threat", "threat", "NOUN", "appos", 2), ('"', '"', "PUNCT", "punct", 2)],
     [(0, 0, "RUR"), (2, 2, "FRE")], set()),
    ("naming as a quoted phrase",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
      ("Freedonia", "Freedonia", "PROPN", "dobj", 1), ('"', '"', "PUNCT", "punct", 2),
      ("beyond", "beyond", "ADP", "prep", 1), ("reason", "reason", "NOUN", "pobj", 4), ('"', '"', "PUNCT", "punct", 1)],
     [(0, 0, "RUR"), (2, 2, "FRE")], set()),
    ("naming as a second object",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
      ("Freedonia", "Freedonia", "PROPN", "dobj", 1), ("a", "a", "DET", "det", 4),
      ("threat", "threat", "NOUN", "dobj", 1)],
     [(0, 0, "RUR"), (2, 2, "FRE")], set()),
    ("a call misread as naming",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
      ("Freedonia", "Freedonia", "PROPN", "oprd", 1)],
     [(0, 0, "RUR"), (2, 2, "FRE")], {("RUR", "041", "FRE")}),
    ("a call with a second name set off by commas",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
      ("its", "its", "PRON", "poss", 3), ("neighbour", "neighbour", "NOUN", "dobj", 1), (",", ",", "PUNCT", "punct", 3),
      ("Freedonia", "Freedonia", "PROPN", "appos", 3), (",", ",", "PUNCT", "punct", 3)],
     [(0, 0, "RUR"), (5, 5, "FRE")], {("RUR", "041", "FRE")}),
    # a list member the parser hung inside the next member's name still acts; what is discussed is a topic
    ("a list member hung inside a name",
     [("Albers", "Albers", "PROPN", "nmod", 3), ("and", "and", "CCONJ", "cc", 0),
      ("Freedonian", "freedonian", "ADJ", "conj", 0), ("leader", "leader", "NOUN", "compound", 4),
      ("Brandt", "Brandt", "PROPN", "nsubj", 5), ("discussed", "discuss", "VERB", "ROOT", 5),
      ("Syldavia", "Syldavia", "PROPN", "dobj", 5)],
     [(0, 0, "RURGOV"), (2, 4, "FREGOV"), (6, 6, "SYL")], {("RURGOV", "040", "FREGOV"), ("FREGOV", "040", "RURGOV")}),
    # what is asked for "from" someone is asked of them by the subject
    ("asked from",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("asked", "ask", "VERB", "ROOT", 1),
      ("for", "for", "ADP", "prep", 1), ("help", "help", "NOUN", "pobj", 2), ("from", "from", "ADP", "prep", 3),
      ("Freedonia", "Freedonia", "PROPN", "pobj", 4)],
     [(0, 0, "RUR"), (5, 5, "FRE")], {("RUR", "023", "FRE")}),
    # a noun row reached through its verb's preposition ("accuse of"): whom the verb accuses is the target
    ("accused of a noun",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("accused", "accuse", "VERB", "ROOT", 1),
      ("Freedonia", "Freedonia", "PROPN", "dobj", 1), ("of", "of", "ADP", "prep", 1),
      ("espionage", "espionage", "NOUN", "pobj", 3)],
     [(0, 0, "RUR"), (2, 2, "FRE")], {("RUR", "1125", "FRE")}),
    ("blamed for a noun",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("blamed", "blame", "VERB", "ROOT", 1),
      ("Freedonia", "Freedonia", "PROPN", "dobj", 1), ("for", "for", "ADP", "prep", 1),
      ("the", "the", "DET", "det", 5), ("aggression", "aggression", "NOUN", "pobj", 3)],
     [(0, 0, "RUR"), (2, 2, "FRE")], {("RUR", "1123", "FRE")}),
    # a noun row reached through "speak by": whom the verb speaks "with" is the target
    ("spoke by phone with",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("spoke", "speak", "VERB", "ROOT", 1),
      ("by", "by", "ADP", "prep", 1), ("phone", "phone", "NOUN", "pobj", 2), ("with", "with", "ADP", "prep", 1),
      ("Freedonia", "Freedonia", "PROPN", "pobj", 4)],
     [(0, 0, "RUR"), (5, 5, "FRE")], {("RUR", "041", "FRE")}),
    # a word with a prefix meaning "again" and no row of its own codes as its stem: "re-imposed" as "imposed"
    ("prefix again",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("re-imposed", "re-impose", "VERB", "ROOT", 1),
      ("sanctions", "sanction", "NOUN", "dobj", 1), ("on", "on", "ADP", "prep", 1),
      ("Freedonia", "Freedonia", "PROPN", "pobj", 3)],
     [(0, 0, "RUR"), (4, 4, "FRE")], {("RUR", "163", "FRE")}),
    # a negated act of cooperation is a rejection (conventions.tsv: negated 04 -> 125)
    ("negated meeting",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 3), ("did", "do", "AUX", "aux", 3), ("not", "not", "PART", "neg", 3),
      ("meet", "meet", "VERB", "ROOT", 3), ("Freedonia", "Freedonia", "PROPN", "dobj", 3)],
     [(0, 0, "RUR"), (4, 4, "FRE")], {("RUR", "125", "FRE")}),
    # a row that holds for one subject only (subj:list:protester-nouns): protesters gathering protest ...
    ("subject row holds",
     [("Protesters", "protester", "NOUN", "nsubj", 1), ("gathered", "gather", "VERB", "ROOT", 1),
      ("outside", "outside", "ADP", "prep", 1), ("the", "the", "DET", "det", 4), ("embassy", "embassy", "NOUN", "pobj", 2)],
     [(0, 0, "RURCVL"), (4, 4, "FREGOV")], {("RURCVL", "141", "FREGOV")}),
    # ... and other people gathering do not (the bare verb is judged none)
    ("subject row does not hold",
     [("Advisers", "adviser", "NOUN", "nsubj", 1), ("gathered", "gather", "VERB", "ROOT", 1),
      ("outside", "outside", "ADP", "prep", 1), ("the", "the", "DET", "det", 4), ("embassy", "embassy", "NOUN", "pobj", 2)],
     [(0, 0, "RURGOV"), (4, 4, "FREGOV")], set()),
    # a word judged to code no event (no_event.tsv) codes none
    ("judged no event",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("acquired", "acquire", "VERB", "ROOT", 1),
      ("Freedonia", "Freedonia", "PROPN", "dobj", 1)],
     [(0, 0, "RUR"), (2, 2, "FRE")], set()),
    # a trigger noun that only modifies another noun names no event (head:police): riot police detaining people
    ("riot police",
     [("Ruritanian", "ruritanian", "ADJ", "amod", 2), ("riot", "riot", "NOUN", "compound", 2),
      ("police", "police", "NOUN", "nsubj", 3), ("detained", "detain", "VERB", "ROOT", 3),
      ("protesters", "protester", "NOUN", "dobj", 3)],
     [(0, 2, "RURCOP"), (4, 4, "RURCVL")], {("RURCOP", "173", "RURCVL")}),
    # a particle the parser tags as an adverb still makes the phrasal verb ("hauled away")
    ("particle as adverb",
     [("Ruritanian", "ruritanian", "ADJ", "amod", 1), ("police", "police", "NOUN", "nsubj", 2),
      ("hauled", "haul", "VERB", "ROOT", 2), ("away", "away", "ADV", "advmod", 2),
      ("protesters", "protester", "NOUN", "dobj", 2)],
     [(0, 1, "RURCOP"), (4, 4, "RURCVL")], {("RURCOP", "173", "RURCVL")}),
    # a weapon as the subject of "hit" is an attack by whoever fired it (subj:list:weapon-nouns)
    ("weapon hits",
     [("Ruritanian", "ruritanian", "ADJ", "amod", 1), ("missiles", "missile", "NOUN", "nsubj", 2),
      ("hit", "hit", "VERB", "ROOT", 2), ("Freedonia", "Freedonia", "PROPN", "dobj", 2)],
     [(0, 0, "RUR"), (3, 3, "FRE")], {("RUR", "190", "FRE")}),
    ("sanctions hit",
     [("Ruritanian", "ruritanian", "ADJ", "amod", 1), ("sanctions", "sanction", "NOUN", "nsubj", 2),
      ("hit", "hit", "VERB", "ROOT", 2), ("Freedonia", "Freedonia", "PROPN", "dobj", 2)],
     [(0, 0, "RUR"), (3, 3, "FRE")], set()),
    # a capital after a locative is the place (names its government too, and the tagger may call it a person); with
    # no rioter named, the riots are by civilians of the place
    ("capital as place",
     [("Riots", "riot", "NOUN", "nsubj", 1), ("erupted", "erupt", "VERB", "ROOT", 1), ("in", "in", "ADP", "prep", 1),
      ("Dakar", "Dakar", "PROPN", "pobj", 2)],
     [], {("SENCVL", "145", "SEN")}),
    # a participle on the sentence's root noun is its main verb, misparsed ("Violence flared as ..."), not a past
    # act that identifies the noun: what follows it is news
    ("participle on the root noun",
     [("Violence", "violence", "NOUN", "ROOT", 0), ("flared", "flare", "VERB", "acl", 0, "VBN"),
      ("as", "as", "SCONJ", "mark", 5), ("Ruritania", "Ruritania", "PROPN", "nsubj", 5),
      ("and", "and", "CCONJ", "cc", 3), ("attacked", "attack", "VERB", "advcl", 1),
      ("Freedonia", "Freedonia", "PROPN", "dobj", 5)],
     [(3, 3, "RUR"), (6, 6, "FRE")], {("RUR", "190", "FRE")}),
    # a headline's bare participle (no stop, no auxiliary, no object) is passive: its subject underwent the act
    ("headline passive",
     [("Ruritanian", "ruritanian", "ADJ", "amod", 1), ("activists", "activist", "NOUN", "nsubj", 2),
      ("detained", "detain", "VERB", "ROOT", 2, "VBN")],
     [(0, 1, "RUROPP")], {(None, "173", "RUROPP")}),
    # the same words closed by a stop are running text, read as they are parsed
    ("participle in running text",
     [("Ruritanian", "ruritanian", "ADJ", "amod", 1), ("activists", "activist", "NOUN", "nsubj", 2),
      ("detained", "detain", "VERB", "ROOT", 2, "VBN"), (".", ".", "PUNCT", "punct", 2)],
     [(0, 1, "RUROPP")], {("RUROPP", "173", None)}),
    # a place attacked after a force noun's preposition, which the gazetteer knows, is the target
    ("shelling of a city",
     [("The", "the", "DET", "det", 1), ("shelling", "shelling", "NOUN", "nsubj", 4), ("of", "of", "ADP", "prep", 1),
      ("Kharkiv", "Kharkiv", "PROPN", "pobj", 2), ("continued", "continue", "VERB", "ROOT", 4)],
     [], {(None, "194", "UKR")}),
    # who comes under an act is its target, not its source
    ("came under attack",
     [("Ruritanian", "ruritanian", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "nsubj", 2),
      ("came", "come", "VERB", "ROOT", 2), ("under", "under", "ADP", "prep", 2), ("attack", "attack", "NOUN", "pobj", 3)],
     [(0, 1, "RURMIL")], {(None, "190", "RURMIL")}),
    # a name before a finite verb with no subject, read as an adverbial noun, is the verb's subject
    ("name read as an adverbial noun",
     [("Ruritania", "Ruritania", "PROPN", "npadvmod", 1), ("massed", "mass", "VERB", "ROOT", 1, "VBD"),
      ("troops", "troop", "NOUN", "dobj", 1), ("near", "near", "ADP", "prep", 1),
      ("Freedonia", "Freedonia", "PROPN", "pobj", 3)],
     [(0, 0, "RUR"), (4, 4, "FRE")], {("RUR", "154", "FRE")}),
    # the two sides of fighting named on the verb the noun is the subject of ("fighting erupted between ...")
    ("sides on the verb of a force noun",
     [("Fighting", "fighting", "NOUN", "nsubj", 1), ("erupted", "erupt", "VERB", "ROOT", 1),
      ("between", "between", "ADP", "prep", 1), ("Ruritania", "Ruritania", "PROPN", "pobj", 2),
      ("and", "and", "CCONJ", "cc", 3), ("Freedonia", "Freedonia", "PROPN", "conj", 3)],
     [(3, 3, "RUR"), (5, 5, "FRE")], {("RUR", "190", "FRE"), ("FRE", "190", "RUR")}),
    # the maker of what was fired is no target; where it was fired is
    ("the maker of a weapon fired",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("fired", "fire", "VERB", "ROOT", 1),
      ("Freedonian", "freedonian", "ADJ", "amod", 3), ("rockets", "rocket", "NOUN", "dobj", 1),
      ("at", "at", "ADP", "prep", 1), ("Syldavia", "Syldavia", "PROPN", "pobj", 4)],
     [(0, 0, "RUR"), (2, 2, "FRE"), (5, 5, "SYL")], {("RUR", "194", "SYL")}),
    # a clause of time says when an arrest was made, not whom it was aimed at
    ("a clause of time is no target",
     [("Police", "police", "NOUN", "nsubj", 1), ("arrested", "arrest", "VERB", "ROOT", 1),
      ("Brandt", "Brandt", "PROPN", "dobj", 1), ("after", "after", "SCONJ", "mark", 5),
      ("he", "he", "PRON", "nsubj", 5), ("criticized", "criticize", "VERB", "advcl", 1),
      ("Freedonia", "Freedonia", "PROPN", "dobj", 5)],
     [(0, 0, "RURCOP"), (6, 6, "FRE")], {("RURCOP", "173", None)}),
    # a passive verb joined to an active one shares its subject, which underwent the act (events/arguments.py)
    ("a joined passive",
     [("Ruritanian", "ruritanian", "ADJ", "amod", 1), ("rebels", "rebel", "NOUN", "nsubj", 2),
      ("regrouped", "regroup", "VERB", "ROOT", 2, "VBD"), ("and", "and", "CCONJ", "cc", 2),
      ("were", "be", "AUX", "auxpass", 5, "VBD"), ("attacked", "attack", "VERB", "conj", 2, "VBN"),
      ("by", "by", "ADP", "agent", 5), ("Freedonian", "freedonian", "ADJ", "amod", 8),
      ("troops", "troop", "NOUN", "pobj", 6)],
     [(0, 1, "RURREB"), (7, 8, "FREMIL")], {("FREMIL", "190", "RURREB")}),
    # the noun an infinitival passive describes underwent the act: "the last country to be invaded"
    ("an infinitival passive relative",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("is", "be", "AUX", "ROOT", 1, "VBZ"),
      ("the", "the", "DET", "det", 4), ("last", "last", "ADJ", "amod", 4), ("state", "state", "NOUN", "attr", 1),
      ("to", "to", "PART", "aux", 7), ("be", "be", "AUX", "auxpass", 7, "VB"),
      ("invaded", "invade", "VERB", "relcl", 4, "VBN")],
     [(0, 0, "RUR"), (4, 4, "RUR")], {(None, "190", "RUR")}),
    # help needs someone helped (verbs.tsv needs:target); the parser makes him the subject of the bare clause
    ("help with the helped as the clause's subject",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("helped", "help", "VERB", "ROOT", 1, "VBD"),
      ("Freedonia", "Freedonia", "PROPN", "nsubj", 3), ("rebuild", "rebuild", "VERB", "ccomp", 1, "VB")],
     [(0, 0, "RUR"), (2, 2, "FRE")], {("RUR", "070", "FRE")}),
    ("help with no one helped",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("helped", "help", "VERB", "ROOT", 1, "VBD"),
      ("keep", "keep", "VERB", "xcomp", 1, "VB"), ("the", "the", "DET", "det", 4),
      ("peace", "peace", "NOUN", "dobj", 2)],
     [(0, 0, "RUR")], set()),
    # released things are no retreat (verbs.tsv needs:target); a person freed is
    ("release of a document",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("released", "release", "VERB", "ROOT", 1, "VBD"),
      ("its", "its", "PRON", "poss", 3), ("forecasts", "forecast", "NOUN", "dobj", 1)],
     [(0, 0, "RUR")], set()),
    ("release of an actor",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("released", "release", "VERB", "ROOT", 1, "VBD"),
      ("Freedonian", "freedonian", "ADJ", "amod", 3), ("sailors", "sailor", "NOUN", "dobj", 1)],
     [(0, 0, "RUR"), (2, 3, "FRECVL")], {("RUR", "0841", "FRECVL")}),
    # a noun's subject (verbs.tsv subj:) is its by-phrase or its possessor: a strike by workers is a labour strike
    # (143); a strike alone, or a state's, is none of that row's
    ("noun subject as a by-phrase",
     [("A", "a", "DET", "det", 1), ("strike", "strike", "NOUN", "nsubj", 5), ("by", "by", "ADP", "prep", 1),
      ("Ruritanian", "ruritanian", "ADJ", "amod", 4), ("dockers", "docker", "NOUN", "pobj", 2),
      ("paralysed", "paralyse", "VERB", "ROOT", 5, "VBD"), ("the", "the", "DET", "det", 7),
      ("port", "port", "NOUN", "dobj", 5)],
     [(3, 4, "RURLAB")], {("RURLAB", "143", None)}),
    ("noun subject as a possessor",
     [("Ruritanian", "ruritanian", "ADJ", "amod", 1), ("dockers", "docker", "NOUN", "poss", 3),
      ("'", "'", "PART", "case", 1), ("strike", "strike", "NOUN", "nsubj", 4),
      ("spread", "spread", "VERB", "ROOT", 4, "VBD")],
     [(0, 1, "RURLAB")], {("RURLAB", "143", None)}),
    ("noun subject of another kind",
     [("Ruritania", "Ruritania", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0),
      ("strike", "strike", "NOUN", "nsubj", 3), ("spread", "spread", "VERB", "ROOT", 3, "VBD")],
     [(0, 0, "RUR")], set()),
    # a union strikes through "which", its sector read from the actor its name holds (verbs.tsv 143 V strike
    # subj:sector:LAB); the same verb with a state's army is force (190)
    ("labour strike through a relative pronoun",
     [("Dockers", "Dockers", "PROPN", "poss", 2), ("'", "'", "PART", "case", 0),
      ("Federation", "Federation", "PROPN", "nsubj", 6), (",", ",", "PUNCT", "punct", 2),
      ("which", "which", "PRON", "nsubj", 5, "WDT"), ("struck", "strike", "VERB", "relcl", 2, "VBD"),
      ("rested", "rest", "VERB", "ROOT", 6, "VBD")],
     [(0, 0, "RURLAB")], {("RURLAB", "143", None)}),
    ("army strikes through a relative pronoun",
     [("Ruritania", "Ruritania", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0),
      ("army", "army", "NOUN", "nsubj", 6), (",", ",", "PUNCT", "punct", 2),
      ("which", "which", "PRON", "nsubj", 5, "WDT"), ("struck", "strike", "VERB", "relcl", 2, "VBD"),
      ("rested", "rest", "VERB", "ROOT", 6, "VBD")],
     [(0, 2, "RURMIL")], {("RURMIL", "190", None)}),
    # a noun's agent is also the subject of the verb that governs it (verbs.tsv 143 N strike launch
    # subj:list:labor-nouns), where "launched strikes" alone is force (190)
    ("labour strike launched by workers",
     [("Ruritanian", "ruritanian", "ADJ", "amod", 1), ("teachers", "teacher", "NOUN", "nsubj", 2),
      ("launched", "launch", "VERB", "ROOT", 2, "VBD"), ("a", "a", "DET", "det", 4),
      ("strike", "strike", "NOUN", "dobj", 2)],
     [(0, 1, "RUREDU")], {("RUREDU", "143", None)}),
    # a complement that a none row reads as no event makes no threat of its governor (events/matching.py)
    ("complement vetoed by a none row",
     [("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("plans", "plan", "VERB", "ROOT", 1, "VBZ"),
      ("to", "to", "PART", "aux", 3), ("target", "target", "VERB", "xcomp", 1, "VB"),
      ("investors", "investor", "NOUN", "dobj", 3)],
     [(0, 0, "RUR")], set()),
    # the parser hangs an occasion on the actor in it (lists.tsv occasion-of-actor-prepositions): who made the visit
    ("occasion hung on its actor",
     [("Minister", "minister", "PROPN", "compound", 1), ("Smith", "Smith", "PROPN", "nsubj", 5),
      ("during", "during", "ADP", "prep", 1), ("a", "a", "DET", "det", 4), ("visit", "visit", "NOUN", "pobj", 2),
      ("praised", "praise", "VERB", "ROOT", 5, "VBD"), ("Freedonia", "Freedonia", "PROPN", "dobj", 5)],
     [(0, 1, "RURGOV"), (6, 6, "FRE")], {("RURGOV", "042", None), ("RURGOV", "051", "FRE")}),
]


@pytest.mark.parametrize(("rows", "spans", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_event_layer_on_hand_built_parses(coder, rows, spans, expected):
    assert _events(coder, rows, spans) == expected
