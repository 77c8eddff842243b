"""Quotes, speakers and attribution chains: who each claim comes through, from the publisher to its source.

Read sentence by sentence:

- **Direct quotations** are the spans between quotation marks (straight, curly, guillemets); an unclosed mark
  runs to the end of its paragraph, and a paragraph that opens with a mark continues the quotation.
- **Reported speech** is the clause of a verb of saying or thinking (``data/attribution/cues.tsv``): "X said
  (that) ...", "X believes ...", and "according to X".
- **Speakers** are the subject of that verb (or the object of "according to"), resolved through the actor
  stage's mentions; a pronoun refers back to the last person (he, she) or group (they) named.
- **Reporting frames**: when a media outlet reports ("the New York Times reported on Monday, citing
  sources"), later sentences that point back to it ("according to the newspaper", "the article says",
  "according to them", "they believe") stay inside that frame; a new named speaker or a sentence with no
  pointer back returns to the publisher's own voice.

Every quote gets a chain; every event gets the chain of the claim it is part of (its quotation, the clause of
a verb of saying it sits in, or the frame of its sentence), else the publisher's own assertion (length one).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from thucydides.actors.dictionary import default_dictionary, phrase_key
from thucydides.tables import packaged, rows
from thucydides.tree import bounds, children
from thucydides.types import ActorMention, Article, Event, Hop, Quote, Sentence, Token

_OPEN = "\"“«„"
_CLOSE = "\"”»“"
ANONYMOUS_WORDS = frozenset({"official", "officials", "source", "sources", "diplomat", "diplomats", "witness",
                             "witnesses", "people", "person", "aide", "aides", "insider", "insiders", "analyst",
                             "analysts", "observers", "residents", "experts", "familiar", "organisers",
                             "organizers", "activists", "resident", "expert", "observer", "activist",
                             "organiser", "organizer", "eyewitness", "eyewitnesses", "medic", "medics",
                             "lawmakers", "legislators", "critics", "others", "opponents", "supporters",
                             "campaigners", "advocates", "protesters", "demonstrators", "members", "critic",
                             "other", "opponent", "supporter", "campaigner", "advocate", "protester", "demonstrator",
                             "member"})
# Nouns that can speak for an organisation when the actor stage gives no actor for them.
SPEAKER_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "ministry", "government", "authority",
                           "authorities", "police", "army", "military", "company", "group", "agency", "organization",
                           "organisation", "council", "court", "committee", "commission", "office", "department",
                           "board", "union", "party", "campaign", "team", "club", "firm", "bank", "embassy",
                           "administration", "chief", "head", "director", "leader", "minister", "president",
                           "governor", "mayor", "lawyer", "lawyers", "prosecutor", "prosecutors", "judge",
                           "researcher", "researchers", "scientist", "scientists", "professor", "doctor", "doctors"})
# Role nouns that name one person ("the minister said", "a police spokesperson told Xinhua"), grouped by
# meaning: the first word of a group is the key people are filed under.
_ROLE_GROUPS = (("spokesperson", "spokesman", "spokeswoman"), ("ambassador", "envoy", "representative"),
                ("officer", "official", "inspector", "asi", "si", "dsp"), ("lawyer", "attorney", "counsel"),
                ("senator", "sen", "lawmaker"),
                ("minister",), ("president",), ("premier",), ("chairman", "chairwoman", "chair", "chairperson"),
                ("secretary",), ("chief",), ("commander",), ("general",), ("judge",), ("prosecutor",), ("governor",),
                ("mayor",), ("director",), ("adviser", "advisor"), ("leader",), ("coach", "manager"),
                ("superintendent",), ("commissioner",), ("chancellor",), ("king", "queen", "monarch"),
                ("sheriff",), ("justice",), ("speaker",), ("ceo",))
ROLE_KEYS = {word: group[0] for group in _ROLE_GROUPS for word in group}
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "rep", "prof", "sir", "dame",
                     "rev", "sheikh", "asi", "si", "dsp", "sp", "gov", "sen", "atty", "supt", "insp", "adm", "cmdr",
                     "coordinator", "envoy", "deputy", "vice", "leader", "head", "lawmaker", "congressman",
                     "congresswoman", "councillor", "councilman", "councilwoman", "representative"})
_PARTICLES = frozenset({"de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "bin", "ibn",
                        "al", "el", "ben", "ter", "dos", "das"})
# Last words of organisation names: "National Association ..." is not a person called Association.
_ORG_WORDS = frozenset({"association", "party", "council", "ministry", "agency", "company", "group", "union",
                        "committee", "court", "department", "office", "police", "service", "university", "bank",
                        "army", "forces", "front", "league", "movement", "organization", "organisation", "institute",
                        "foundation", "commission", "authority", "corporation", "club", "fc", "brigades", "times",
                        "post", "news", "press", "network"})
_ORG_NOUNS = frozenset({"force", "company", "firm", "club", "charity", "group", "organisation", "organization",
                        "association", "union", "party", "council", "tribunal", "board", "bank", "university"})
# What an organisation called "the force" or "the club" is usually called by name.
_ORG_NOUN_NAMES = {"force": ("police", "constabulary"), "club": ("fc", "united", "city", "club"),
                   "tribunal": ("tribunal", "court"), "council": ("council",), "union": ("union",),
                   "party": ("party",), "bank": ("bank",), "university": ("university", "college")}
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "boss", "bosses", "management",
                          "representative"})
MEDIA_NOUNS = frozenset({"radio", "television", "tv", "broadcaster", "newspaper", "daily", "channel", "media"})
DOCUMENT_WORDS = frozenset({"report", "statement", "text", "indictment", "lawsuit", "complaint", "suit", "video",
                            "footage", "draft", "ruling", "verdict", "petition", "poll", "analysis", "assessment",
                            "records", "documents", "cable", "email", "emails", "notice", "bulletin",
                            "document", "filing", "communique", "communiqué", "letter", "memo", "study", "survey",
                            "decree", "resolution", "readout", "transcript"})


@cache
def cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for _where, cells in rows(packaged("attribution", "cues.tsv"), 3):
        out.setdefault(cells[0], set()).update(w.strip() for w in cells[1].split("|") if w.strip())
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(slots=True)
class _Claim:
    """A stretch of text attributed to a speaker: a quotation or the clause of a verb of saying."""

    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: Hop | None
    speaker_span: tuple[int, int] | None
    chain: tuple[Hop, ...]
    sentence: int


@dataclass(slots=True)
class _State:
    publisher: Hop
    frame: tuple[Hop, ...] = ()  # hops after the publisher while a reporting frame is open
    frame_paragraph: int = -1  # the last paragraph that pointed back to the frame
    sentence_frames: dict[int, tuple[Hop, ...]] = field(default_factory=dict)  # sentence -> chain of its frame
    people_by_role: dict[str, Hop] = field(default_factory=dict)  # "chairman" -> the person named with it
    # role key -> (sentence, person) for every person the article names with a title or an apposition
    named_roles: dict[str, list[tuple[int, Hop]]] = field(default_factory=dict)
    full_names: dict[str, str] = field(default_factory=dict)  # surname -> the full name the article gives
    organisations: list[tuple[int, Hop]] = field(default_factory=list)  # (sentence, organisation) named
    speaker_relays: dict[str, tuple[Hop, int]] = field(default_factory=dict)  # person -> (outlet, paragraph)
    sentence: int = 0
    kids: list[list[int]] = field(default_factory=list)  # the parse children of the sentence being read
    last_person: tuple[Hop, tuple[int, int]] | None = None
    last_group: tuple[Hop, tuple[int, int]] | None = None
    claims: list[_Claim] = field(default_factory=list)


def publisher_hop(article: Article) -> Hop:
    """The dateline's wire credit, else a credit in the byline or opening the story ("By The Associated Press",
    "(Washington Examiner) ...") when it names a known outlet, else the record's outlet."""
    credit = article.extra.get("credit") if isinstance(article.extra.get("credit"), str) else None
    if credit and _media(credit) is None:
        credit = None
    name = (article.dateline.agency if article.dateline and article.dateline.agency else None) or credit \
        or article.outlet
    found = _media(name) if name else None
    if found is not None:
        return Hop(found[1], "publisher", found[0])
    return Hop(name or "(publisher)", "publisher", None)


def _media(name: str) -> tuple[str, str] | None:
    for entry, _rule in default_dictionary().lookup(phrase_key(re.sub(r"^the\s+", "", name, flags=re.I))):
        if entry.kind == "media":
            return entry.code, entry.name
    for entry, _rule in default_dictionary().lookup(phrase_key(name)):
        if entry.kind == "media":
            return entry.code, entry.name
    return None


def attribute(article: Article) -> Article:
    """The article with ``quotes``, ``sources``, a source profile in ``extra`` and every event's chain."""
    state = _State(publisher=publisher_hop(article))
    quoted = _quotation_spans(article)
    # token -> actor mention, per sentence: built once for the passes over the article and the sentences
    at_by: dict[int, dict[int, ActorMention]] = {}
    for mention in article.actors:
        at_by.setdefault(mention.sentence, {}).update(
            (k, mention) for k in range(mention.token_start, mention.token_end))
    state.named_roles = _named_roles(article, at_by)
    state.full_names = _full_names(article, at_by)
    state.organisations = _organisations(article, at_by)
    for sentence in article.sentences:
        state.sentence = sentence.index
        _sentence(sentence, at_by.get(sentence.index, {}), quoted, state)
    quotes = tuple(Quote(text=article.text[c.start:c.end], start=c.start, end=c.end, direct=c.direct, cue=c.cue,
                         speaker=c.speaker, speaker_start=c.speaker_span[0] if c.speaker_span else None,
                         speaker_end=c.speaker_span[1] if c.speaker_span else None, chain=c.chain,
                         sentence=c.sentence) for c in state.claims)
    events = tuple(replace(e, attribution=_event_chain(e, state)) for e in article.events)
    sources, profile = _profile(state, quotes, events)
    extra = dict(article.extra)
    extra["source_profile"] = profile
    return replace(article, quotes=quotes, events=events, sources=sources, extra=extra)


def _named_roles(article: Article, at_by: dict[int, dict[int, ActorMention]]) -> dict[str, list[tuple[int, Hop]]]:
    """Every person the article names with a role: a title before the name ("Defence Minister Manohar Parrikar",
    "police spokesman Terna Tyopev") or a role set off by commas ("Terna Tyopev, the state police spokesperson,";
    "Investigating officer, ASI Rachhpal Singh,"). A later "the minister said", or a lead's "a police
    spokesperson told Xinhua" that the article names further down, is that person."""
    out: dict[str, list[tuple[int, Hop]]] = {}
    for sentence in article.sentences:
        tokens = sentence.tokens
        at = at_by.get(sentence.index, {})
        for k, last in _name_runs(tokens, at):
            mention = at.get(last)
            dictionary_role: list[str] = []
            if mention is not None and mention.actor.kind == "person":
                hop = Hop(mention.actor.name, "named", mention.actor.code)
                # the role the dictionary gives for the article's date ("Defence Minister of India (2014-...")
                found = re.search(r", ([^,(]+?) (?:\(|->)", mention.evidence)
                dictionary_role = re.findall(r"[a-z]+", found.group(1).lower()) if found else []
            else:
                # "Ambassador Jean-Marc de La Sabliere", "Homeland Security Secretary Kirstjen Nielsen": the name
                # starts after the last title word of the run
                titles = [j for j in range(k, last) if ROLE_KEYS.get(tokens[j].text.lower().rstrip("."))
                          or tokens[j].text.lower().rstrip(".") in _TITLES]
                first = titles[-1] + 1 if titles else k
                hop = Hop(_name_text(tokens, first, last), "named", None)
            for word in dictionary_role:
                if word in ROLE_KEYS:
                    out.setdefault(ROLE_KEYS[word], []).append((sentence.index, hop))
            roles = [tokens[j] for j in range(max(0, k - 4), k)]  # a title: "Defence Minister", "police spokesman"
            roles += [tokens[j] for j in range(k, last) if not any(tokens[j].text == h for h in hop.name.split())]
            roles = roles[max((n + 1 for n, t in enumerate(roles)
                               if t.pos in ("PUNCT", "DET", "VERB", "AUX", "ADP", "CCONJ")), default=0):]
            if last + 1 < len(tokens) and tokens[last + 1].text == ",":
                roles += _role_phrase(tokens, range(last + 2, min(len(tokens), last + 9)))
            if k > 0 and tokens[k - 1].text == ",":
                roles += _role_phrase(tokens, range(k - 2, max(-1, k - 9), -1))
            for token in roles:
                key = _role_key(token.text) or _role_key(token.lemma)
                if key:
                    out.setdefault(key, []).append((sentence.index, hop))
    return out


def _organisations(article: Article, at_by: dict[int, dict[int, ActorMention]]) -> list[tuple[int, Hop]]:
    """Organisations the article names (the parser's ORG names, or dictionary groups and institutions), in order:
    whom an unattached "a spokesman said" or "its bosses said" speaks for."""
    out: list[tuple[int, Hop]] = []
    for sentence in article.sentences:
        tokens = sentence.tokens
        at = at_by.get(sentence.index, {})
        k = 0
        while k < len(tokens):
            mention = at.get(k)
            if mention is not None and mention.actor.kind in ("organization", "group", "igo", "ngo", "institution"):
                out.append((sentence.index, Hop(mention.actor.name, "institution", mention.actor.code)))
                k = mention.token_end
                continue
            if mention is not None and mention.actor.kind == "role" and mention.actor.entity is None and \
                    len(mention.text.split()) > 1 and all(w[:1].isupper() for w in mention.text.split()):
                # a force or body named in capitals the dictionaries lack: "West Yorkshire Police"
                out.append((sentence.index, Hop(mention.text, "institution", mention.actor.code)))
                k = mention.token_end
                continue
            if mention is None and tokens[k].ent_type == "ORG" and tokens[k].ent_iob == "B" and \
                    tokens[k].pos == "PROPN":
                last = k
                while last + 1 < len(tokens) and tokens[last + 1].ent_iob == "I" and tokens[last + 1].ent_type == "ORG":
                    last += 1
                covered = [at[j] for j in range(k, last + 1) if j in at]
                if all(m.actor.kind == "role" and m.actor.entity is None for m in covered):
                    # "Thames Valley Police": the parser's name, the sector word the dictionary matched inside it
                    code = covered[-1].actor.code if covered else None
                    out.append((sentence.index, Hop(_name_text(tokens, k, last), "institution", code)))
                k = last + 1
                continue
            k += 1
    return out


def _spoken_for(token: Token, tokens: Sequence[Token], kids: list[list[int]], at: dict[int, ActorMention],
                state: _State) -> Hop | None:
    """Whom an unnamed spokesperson speaks for: "a spokesperson for the force", "the company's spokesman",
    "its bosses", else the organisation the article names nearest before (or, in a lead, just after)."""
    for c in kids[token.i]:
        if tokens[c].dep == "prep" and tokens[c].text.lower() in ("for", "of", "at"):
            for o in kids[c]:
                if tokens[o].dep == "pobj" and tokens[o].lemma.lower() in _ORG_NOUNS:
                    return _spoken_for(tokens[o], tokens, kids, at, state)  # "a spokesperson for the force"
                if tokens[o].dep == "pobj":
                    hop, _span = _speaker([o], tokens, at, state)
                    if hop is not None and hop.kind in ("institution", "named"):
                        return replace(hop, kind="institution")
        if tokens[c].dep == "poss" and tokens[c].text.lower() not in ("its", "their"):
            hop, _span = _speaker([c], tokens, at, state)
            if hop is not None and hop.kind == "institution":
                return hop
    word = token.lemma.lower()
    if word in _ORG_NOUNS:  # "the force", "the company": named in an earlier sentence
        before = [hop for index, hop in state.organisations if index < state.sentence]
        fitting = [hop for hop in before if any(w in hop.name.lower() for w in _ORG_NOUN_NAMES.get(word, ()))]
        return (fitting or before or [None])[-1]
    before = [hop for index, hop in state.organisations if index <= state.sentence]
    after = [hop for index, hop in state.organisations if index > state.sentence]
    if before:
        return before[-1]
    return after[0] if after else None


def _full_names(article: Article, at_by: dict[int, dict[int, ActorMention]]) -> dict[str, str]:
    """Surname -> full name for the people the article names in full ("Doc Smith" ... "Smith said")."""
    out: dict[str, str] = {}
    for sentence in article.sentences:
        tokens = sentence.tokens
        at = at_by.get(sentence.index, {})
        for k, last in _name_runs(tokens, at):
            while k < last and (ROLE_KEYS.get(tokens[k].text.lower().rstrip("."))
                                or tokens[k].text.lower().rstrip(".") in _TITLES):
                k += 1
            person = any(tokens[j].ent_type == "PERSON" or (j in at and at[j].actor.kind == "person")
                         for j in range(k, last + 1))
            if person and last > k and tokens[last].text not in out and tokens[last].text.lower() not in _ORG_WORDS:
                out[tokens[last].text] = _name_text(tokens, k, last)
    return out


def _name_runs(tokens: Sequence[Token], at: dict[int, ActorMention]) -> list[tuple[int, int]]:
    """Stretches of capitalised proper nouns that may name a person: a person the dictionary knows, a PERSON
    entity, or two or more proper nouns no other actor claims (the small model often calls names ORG)."""
    def name_word(j: int) -> bool:
        return tokens[j].pos == "PROPN" and tokens[j].text[:1].isupper()

    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(tokens):
        if not name_word(k):
            k += 1
            continue
        last = k
        while last + 1 < len(tokens):
            if name_word(last + 1):
                last += 1
            elif last + 2 < len(tokens) and name_word(last + 2) and (
                    tokens[last + 1].text.lower() in _PARTICLES
                    or (tokens[last + 1].text == "-" and tokens[last + 1].start == tokens[last].end)):
                last += 2  # "Jean-Marc de La Sabliere", "Abu Mohammad al-Golani"
            else:
                break
        kinds = {at[j].actor.kind for j in range(k, last + 1) if j in at}
        if kinds - {"person", "role"} and last not in at:
            # "Homeland Security Secretary Kirstjen Nielsen": the institution is the title, the rest the name
            start = max(j for j in range(k, last + 1) if j in at) + 1
            if last > start or tokens[last].ent_type == "PERSON":
                runs.append((max(k, start - 1) if _role_key(tokens[start - 1].text) else start, last))
        elif "person" in kinds or (kinds <= {"role"} and (tokens[last].ent_type == "PERSON" or last > k)):
            runs.append((k, last))
        k = last + 1
    return runs


def _name_text(tokens: Sequence[Token], first: int, last: int) -> str:
    out = tokens[first].text
    for j in range(first + 1, last + 1):
        out += (" " if tokens[j].start > tokens[j - 1].end else "") + tokens[j].text
    return out


def _role_phrase(tokens: Sequence[Token], positions: range) -> list[Token]:
    """The nouns of a short phrase set off by a comma, up to the next comma or verb."""
    out = []
    for j in positions:
        if tokens[j].text == "," or tokens[j].pos in ("VERB", "AUX"):
            break
        if tokens[j].pos in ("NOUN", "PROPN"):
            out.append(tokens[j])
    return out


@cache
def _role_key(word: str) -> str | None:
    """The role group of a word ("spokesman" -> spokesperson), allowing a typo in a long word ("Ambassodar")."""
    word = word.lower().rstrip(".")
    if word in ROLE_KEYS:
        return ROLE_KEYS[word]
    if len(word) >= 7 and word.isalpha() and not word.endswith("ly"):
        import difflib

        close = difflib.get_close_matches(word, [w for w in ROLE_KEYS if len(w) >= 7], n=1, cutoff=0.8)
        return ROLE_KEYS[close[0]] if close else None
    return None


def _role_person(token: Token, state: _State, country: str | None = None) -> Hop | None:
    """The person a role noun stands for: the one last named with that role, else the next ("a police
    spokesperson told Xinhua ..." then "Terna Tyopev, the state police spokesperson, said"); a country the
    role phrase states ("the Indian defence minister") must be the person's."""
    if token.tag not in ("NN", "NNP") or token.pos not in ("NOUN", "PROPN"):
        return None
    key = _role_key(token.lemma) or _role_key(token.text)
    people = [(index, hop) for index, hop in state.named_roles.get(key or "", [])
              if country is None or hop.code is None or hop.code[:3] == country]
    before = [hop for index, hop in people if index <= state.sentence]
    after = [hop for index, hop in people if index > state.sentence]
    if before:
        return before[-1]
    return after[0] if after and len({h.name for h in after}) == 1 else None


# -- quotations ----------------------------------------------------------------------------------------------

def _quotation_spans(article: Article) -> list[tuple[int, int]]:
    """Spans inside quotation marks; an unclosed quotation ends with its paragraph; a paragraph opening with a
    mark after an unclosed one continues it (wire style for quotes over several paragraphs)."""
    text = article.text
    spans: list[tuple[int, int]] = []
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(text))]
    for start, end in paragraphs:
        k, open_at = start, None
        while k < end:
            char = text[k]
            if open_at is None and char in _OPEN and (k == start or not text[k - 1].isalnum()):
                open_at = k + 1
            elif open_at is not None and char in _CLOSE and (k + 1 >= end or not text[k + 1].isalnum()):
                if k > open_at:
                    spans.append((open_at, k))
                open_at = None
            k += 1
        if open_at is not None and end - open_at > 1:
            stop = end - 1 if text[end - 1] in _CLOSE else end
            spans.append((open_at, stop))
    return [(a, b) for a, b in spans if text[a:b].strip()]


# -- sentences ------------------------------------------------------------------------------------------------

def _sentence(sentence: Sentence, at: dict[int, ActorMention], quoted: list[tuple[int, int]],
              state: _State) -> None:
    tokens = sentence.tokens
    if not tokens:
        return
    kids = state.kids = children(tokens)
    words = cues()
    lower = sentence.text.lower()
    frame_cue = bool(state.frame) and (any(w in words["frame"] for w in re.findall(r"[a-z]+", lower))
                                       or "according to them" in lower)
    # 1. verbs of saying or thinking, and "according to X"
    found: list[tuple[Token, str, list[int]]] = []  # (verb, kind, speaker token indices)
    for token in tokens:
        lemma = token.lemma.lower()
        if any(a <= token.start < b for a, b in quoted):
            continue  # a verb inside a quotation is part of what was said, not a report of it
        particles = [tokens[c].text.lower() for c in kids[token.i] if tokens[c].dep == "prt"]
        if particles and f"{lemma} {particles[0]}" in words["speech"]:
            lemma = f"{lemma} {particles[0]}"  # "pointed out that ..."
        reports = lemma in words["speech"] or lemma in words["belief"] or (
            lemma in words["clause"] and any(tokens[c].dep == "ccomp" for c in kids[token.i])) or (
            lemma in words["partial"] and any(token.start < a < tokens[bounds(kids, token.i)[1]].end
                                              for a, _b in quoted))
        if token.pos in ("VERB", "AUX") and reports:
            subjects: list[int] = []
            node = token.i
            for _ in range(3):  # "stressing that ...", "was quoted as saying that ...": the governing subject
                subjects = [k for k in kids[node] if tokens[k].dep in ("nsubj", "nsubjpass")]
                if tokens[node].lemma.lower() != "quote":  # "X was quoted by Y": Y relays, X speaks
                    subjects += [c for k in kids[node] if tokens[k].dep == "agent" for c in kids[k]]
                if subjects or tokens[node].dep not in ("advcl", "xcomp", "pcomp", "prep", "conj") or \
                        tokens[node].head == node:
                    break
                node = tokens[node].head
            kind = "belief" if lemma in words["belief"] else "speech" if lemma in words["speech"] else "clause"
            found.append((token, kind, subjects))
        if token.text.lower() == "according" and token.i + 1 < len(tokens) and tokens[token.i + 1].text == "to":
            objects = [c for c in kids[token.i + 1] if tokens[c].dep == "pobj"] or \
                      [k for k in kids[token.i] if tokens[k].dep == "pobj"]
            if any(_can_speak(tokens[k], k in at, words) for k in objects):  # not "according to law"
                found.append((token, "according", objects))
    # a quotation belongs to the sentence it starts in (not the one that only holds its opening mark), and to
    # every later sentence it runs through
    first_char = next((t.start for t in tokens if t.text not in _OPEN and t.text not in ("``", "''")), sentence.start)
    sentence_quotes = [(a, b) for a, b in quoted
                       if first_char <= a < sentence.end and a < tokens[-1].start or a < first_char < b]
    # quote first, then "X said." split off as a sentence of its own: the quotation just before belongs to it
    leading = [(a, b) for a, b in quoted if sentence.start - 4 <= b <= sentence.start]
    if leading and any(t.lemma.lower() in words["speech"] and t.i < 8 for t in tokens):
        sentence_quotes = leading + sentence_quotes
    # "..., the minister said, according to the Press Trust of India": the agency relays what was said
    relays = {}
    dropped: set[int] = set()
    if any(kind != "according" for _v, kind, _s in found):
        for verb, kind, objects in found:
            if kind == "according":
                outlet = next((_hop(at[k]) for k in objects if k in at and _hop(at[k]).kind == "outlet"), None)
                if outlet is None and state.frame and any(tokens[k].lemma.lower() in words["frame"] for k in objects):
                    outlet = state.frame[0]  # "the administration, according to the paper, believes"
                if outlet is None:
                    # "According to a source, the army chief said ...": the source relays the chief's words
                    others = [f for f in found if f[1] != "according" and f[2] and not set(f[2]) & set(objects)
                              and _speaker(f[2], tokens, at, replace(state), strict=True)[0] is not None]
                    actor = any(k in at or tokens[k].pos == "PROPN" or tokens[k].lemma.lower() in ANONYMOUS_WORDS
                                for k in objects)  # "according to a source", not "according to law"
                    hop, _span = _speaker(objects, tokens, at, state) if others and actor else (None, None)
                    if hop is not None and hop.kind in ("anonymous", "institution", "named", "document"):
                        dropped.add(verb.i)
                        relays[verb.i] = replace(hop, cue="according to")
                    continue
                dropped.add(verb.i)
                if not (state.frame and state.frame[0].name == outlet.name):
                    relays[verb.i] = replace(outlet, cue="according to")
                # (inside the outlet's own frame, "according to the paper" keeps that frame going)
        found = [f for f in found if f[0].i not in dropped]
    # a quotation belongs to the verb of saying whose phrase holds it ("..., as US officials declare support
    # 'as long as it takes'": the officials', not the article's), else to every verb of the sentence
    holders: dict[tuple[int, int], int] = {}
    speaking = [verb for verb, kind, _s in found if kind != "according"]
    if len(speaking) > 1:  # several verbs of saying: each quotation goes to the nearest ('"...," Trump added,
        for q in sentence_quotes:  # CNN's report said': Trump's words)
            holders[q] = min(speaking, key=lambda v: min(abs(v.start - q[0]), abs(v.start - q[1]))).i
    sentence_relay = next(iter(relays.values()), None)
    outer: dict[int, tuple[tuple[Hop, ...], set[int]]] = {}  # verb -> (its chain, the tokens of its clause)
    for verb, kind, subject_tokens in found:
        # what a thing "is expected to" do has no speaker: only people and bodies hold beliefs
        # only people, bodies and documents hold beliefs or "show" things: not "the relationship has shown"
        speaker, span = _speaker(subject_tokens, tokens, at, state, strict=kind in ("belief", "clause"))
        if speaker is None:
            continue
        cue = "according to" if kind == "according" else verb.text
        relay = _told(verb, tokens, kids, at, state) if kind in ("speech", "clause") else None
        relay = relay or (sentence_relay if kind != "according" else None) or _quoted_by(verb, tokens, kids, at, state)
        if relay is None and any(t.text.lower() == "reportedly" for t in tokens if t.head == verb.i):
            relay = Hop("unspecified media reports", "outlet", cue="reportedly")  # "X reportedly said"
        if relay is None and speaker.kind == "named" and speaker.name in state.speaker_relays:
            # "Rice told PBS ..." then "Rice added": the same interview, a few paragraphs on
            relay, paragraph = state.speaker_relays[speaker.name]
            relay = relay if sentence.paragraph - paragraph <= 3 else None
        in_frame = bool(state.frame) and relay is not None and state.frame[0].name == relay.name
        if relay is not None and speaker.kind != "outlet" and relay.name != state.publisher.name and not in_frame \
                and relay.name != speaker.name:
            # "Witnesses told AFP", "Rice told PBS' Charlie Rose": the outlet that heard it relays it
            chain = (state.publisher, relay, replace(speaker, cue=cue))
            if speaker.kind == "named" and relay.kind == "outlet":
                state.speaker_relays[speaker.name] = (relay, sentence.paragraph)
            state.frame = ()
            chain = _nested(verb, speaker, cue, chain, outer, kids, tokens)
            _claims_of(state, sentence, tokens, kids, verb, kind, cue, speaker, span, chain,
                       [q for q in sentence_quotes if holders.get(q, verb.i) == verb.i], bool(sentence_quotes))
            continue
        if speaker.kind == "outlet" and state.frame and state.frame[0].name == speaker.name:
            # "according to the newspaper": the frame goes on, and this claim is the newspaper's own
            chain = (state.publisher, state.frame[0])
        elif speaker.kind == "outlet":
            citing = _citing(tokens, kids, at, state)
            state.frame = (replace(speaker, cue=cue),) + ((citing,) if citing else ())
            chain = (state.publisher, *state.frame)
        elif state.frame and (frame_cue or speaker.kind == "anonymous" or speaker == state.frame[-1]):
            chain = (state.publisher, *state.frame)
            if speaker.name != state.frame[-1].name:
                # "one of the sources" inside "citing sources" narrows the last hop; a new speaker extends it
                narrows = speaker.kind == "anonymous" and state.frame[-1].kind == "anonymous"
                if narrows:
                    chain = chain[:-1] + (replace(speaker, cue=cue),)
                elif state.frame[-1].kind == "anonymous" and speaker.kind in ("named", "institution"):
                    # "the administration, according to the paper, believes": the paper reports the
                    # administration's view, not its sources'
                    chain = (state.publisher, state.frame[0], replace(speaker, cue=cue))
                else:
                    chain = chain + (replace(speaker, cue=cue),)
        else:
            state.frame = ()
            chain = (state.publisher, replace(speaker, cue=cue))
        chain = _nested(verb, speaker, cue, chain, outer, kids, tokens)
        _claims_of(state, sentence, tokens, kids, verb, kind, cue, speaker, span, chain,
                   [q for q in sentence_quotes if holders.get(q, verb.i) == verb.i], bool(sentence_quotes))
    # 2. quotations nobody in this sentence introduced: inside a frame, or the previous speaker's
    for q in sentence_quotes:
        if any(c.start == q[0] and c.end == q[1] for c in state.claims):
            continue
        if state.claims and state.claims[-1].sentence >= sentence.index - 1 and state.claims[-1].speaker:
            last = state.claims[-1]  # no cue of its own: the speaker is carried over (replaceable)
            _add(state, q, True, None, last.speaker, None, last.chain, sentence.index)
        elif state.frame:
            _add(state, q, True, None, state.frame[-1], None, (state.publisher, *state.frame), sentence.index)
    if state.frame and (found or frame_cue or sentence_quotes):
        state.frame_paragraph = sentence.paragraph
    if state.frame and sentence.paragraph == state.frame_paragraph:
        state.sentence_frames[sentence.index] = (state.publisher, *state.frame)
    elif state.frame and sentence.paragraph != state.frame_paragraph:
        state.frame = ()  # a new paragraph in the publisher's own voice (background): the frame is over


def _can_speak(token: Token, is_actor: bool, words: dict[str, frozenset[str]]) -> bool:
    """Whether "according to X" names a source: an actor, a name, a pronoun, a source or document noun, an
    organisation noun, a newspaper; not "according to law", "according to plan", "according to the schedule"."""
    lemma = token.lemma.lower()
    return is_actor or token.pos in ("PROPN", "PRON") or lemma in ANONYMOUS_WORDS or lemma in DOCUMENT_WORDS \
        or lemma in SPEAKER_NOUNS or lemma in words["frame"] or lemma in MEDIA_NOUNS or lemma in _ORG_NOUNS \
        or lemma in ("information", "data", "figure", "figures", "estimate", "estimates", "record", "records")


def _nested(verb: Token, speaker: Hop, cue: str, chain: tuple[Hop, ...],
            outer: dict[int, tuple[tuple[Hop, ...], set[int]]], kids: list[list[int]],
            tokens: Sequence[Token]) -> tuple[Hop, ...]:
    """A report inside another's reported clause ("the source claimed that the minister said ..."): the outer
    speaker relays the inner one. Records this verb's chain and clause for the verbs inside it."""
    for _i, (outer_chain, inside) in outer.items():
        if verb.i in inside and outer_chain[-1].name != speaker.name:
            chain = outer_chain + (replace(speaker, cue=cue),)
            break
    clause: set[int] = set()
    for k in kids[verb.i]:
        if tokens[k].dep in ("ccomp", "xcomp", "parataxis"):
            first, last = bounds(kids, k)
            clause |= set(range(first, last + 1))
    outer[verb.i] = (chain, clause)
    return chain


def _claims_of(state: _State, sentence: Sentence, tokens: Sequence[Token], kids: list[list[int]], verb: Token,
               kind: str, cue: str, speaker: Hop, span: tuple[int, int] | None, chain: tuple[Hop, ...],
               sentence_quotes: list[tuple[int, int]], quoted_sentence: bool) -> None:
    """The claims one cue introduces: the clause after "according to", the main clause of an inverted report,
    the sentence's quotations, the reported clause."""
    if kind == "according":
        target = (sentence.start, sentence.end)
        content_span = _clause_without(tokens, verb)
        _add(state, content_span or target, False, cue, speaker, span, chain, sentence.index)
        return
    content = [k for k in kids[verb.i] if tokens[k].dep in ("ccomp", "xcomp", "parataxis")]
    inverted = verb.dep in ("ccomp", "parataxis", "advcl", "conj") and verb.head != verb.i and not content \
        and verb.head < verb.i
    if inverted and not quoted_sentence:
        # "Washington is urging Kyiv to ..., the Washington Post reported": the main clause is the claim
        first, _last = bounds(kids, verb.i)
        end = first - 1
        while end > 0 and tokens[end].pos == "PUNCT":
            end -= 1
        if end > 0:
            _add(state, (tokens[0].start, tokens[end].end), False, cue, speaker, span, chain, sentence.index)
        return
    if sentence_quotes:  # the quotation(s) of the sentence are what the speaker said
        for q in sentence_quotes:
            _add(state, q, True, cue, speaker, span, chain, sentence.index)
    if content:  # with quotations inside, a mixed quote: the whole reported clause is the claim
        first, last = bounds(kids, content[0])
        while first < last and (tokens[first].dep == "mark" or tokens[first].pos == "PUNCT"
                                or tokens[first].text.lower() == "according"):
            if tokens[first].text.lower() == "according":  # "said, according to the agency, that ..."
                first = next((j for j in range(first, last) if tokens[j].text == ","), last)
            first += 1  # "said that ...": the claim starts after "that"
        while last > first and tokens[last].pos == "PUNCT":
            last -= 1
        _add(state, (tokens[first].start, tokens[last].end), False, cue, speaker, span, chain, sentence.index)


def _told(verb: Token, tokens: Sequence[Token], kids: list[list[int]], at: dict[int, ActorMention],
          state: _State) -> Hop | None:
    """The outlet a speaker talked to: "told AFP", "told PBS' Charlie Rose", "said in an interview with CNN",
    "speaking to the BBC", "told the New York Times"."""
    candidates: list[int] = []
    for k in kids[verb.i]:
        dep, word = tokens[k].dep, tokens[k].text.lower()
        if dep in ("dobj", "dative", "obj", "iobj"):
            candidates.append(k)
            candidates += [c for c in kids[k] if tokens[c].dep == "poss"]  # "told PBS' Charlie Rose"
        elif dep == "prep" and word in ("to", "with", "in"):
            for o in kids[k]:
                if tokens[o].dep != "pobj":
                    continue
                candidates.append(o)
                if tokens[o].lemma.lower() in ("interview", "statement", "conversation"):  # "in an interview with"
                    candidates += [c for p in kids[o] if tokens[p].dep == "prep" and tokens[p].text.lower() == "with"
                                   for c in kids[p] if tokens[c].dep == "pobj"]
    for k in candidates:
        mention = at.get(k)
        if tokens[k].dep == "poss" and tokens[k].pos == "PROPN":
            found = _media(tokens[k].text)  # "told PBS' Charlie Rose": the interviewer's outlet
            if found is not None:
                return Hop(found[1], "outlet", found[0], cue=verb.text)
        if mention is not None and mention.actor.kind == "media":  # a named outlet, not "told reporters"
            hop = _hop(mention)
            if hop.kind == "outlet":
                return replace(hop, cue=f"{verb.text} {tokens[k].text}" if tokens[k].dep == "pobj" else verb.text)
    return None


def _quoted_by(verb: Token, tokens: Sequence[Token], kids: list[list[int]], at: dict[int, ActorMention],
               state: _State) -> Hop | None:
    """ "the army chief was quoted by the source as saying ...": the one who quotes relays the words."""
    node = verb.i
    for _ in range(3):
        if tokens[node].lemma.lower() == "quote":
            for k in kids[node]:
                if tokens[k].dep == "agent":
                    hop, _span = _speaker([c for c in kids[k] if tokens[c].dep == "pobj"], tokens, at, state)
                    if hop is not None:
                        return replace(hop, cue="quoted by")
            return None
        if tokens[node].head == node:
            return None
        node = tokens[node].head
    return None


def _add(state: _State, span: tuple[int, int], direct: bool, cue: str | None, speaker: Hop | None,
         speaker_span: tuple[int, int] | None, chain: tuple[Hop, ...], sentence: int) -> None:
    if span[1] <= span[0]:
        return
    for index, claim in enumerate(state.claims):
        if claim.start == span[0] and abs(claim.end - span[1]) <= 1 and claim.end != span[1]:
            # '"It could collapse," he said': the quotation and the clause of "said" are one claim (the
            # quotation's span, with its closing comma, is kept)
            if direct and not claim.direct:
                state.claims[index] = _Claim(span[0], span[1], direct, cue or claim.cue, speaker or claim.speaker,
                                             speaker_span or claim.speaker_span, chain, sentence)
            return
        if claim.start == span[0] and claim.end == span[1]:
            if claim.cue is None and cue is not None:  # a carried-over speaker yields to the quote's own
                state.claims[index] = _Claim(span[0], span[1], direct, cue, speaker, speaker_span, chain, sentence)
            return
    state.claims.append(_Claim(span[0], span[1], direct, cue, speaker, speaker_span, chain, sentence))


def _speaker(heads: list[int], tokens: Sequence[Token], at: dict[int, ActorMention], state: _State,
             strict: bool = False) -> tuple[Hop | None, tuple[int, int] | None]:
    kids = state.kids
    if len(heads) > 1:  # "Pakistan's ambassador to the US, Jalil Abbas Jilani said": the person first
        heads = sorted(heads, key=lambda k: not (tokens[k].ent_type == "PERSON"
                                                 or (k in at and at[k].actor.kind == "person")))
    for k in heads:
        token = tokens[k]
        named = [c for c in kids[k] if tokens[c].dep == "appos" and tokens[c].pos == "PROPN"]
        if named and (token.pos == "NOUN" or (token.pos == "PROPN" and token.ent_type != "PERSON"
                                              and _role_key(token.text) is not None)):
            # "Pakistan's ambassador to the US, Jalil Abbas Jilani, said": the person named in apposition
            people = [named[0]] + [c for c in kids[named[0]] if tokens[c].dep == "conj" and tokens[c].pos == "PROPN"]
            hops = [_speaker([p], tokens, at, state)[0] for p in people]
            if all(h is not None and h.kind == "named" for h in hops):
                hop = hops[0] if len(hops) == 1 else Hop(" and ".join(h.name for h in hops), "named")
                first, last = bounds(kids, named[0])
                state.last_person = (hop, (tokens[first].start, tokens[last].end))
                return hop, (tokens[first].start, tokens[last].end)
        word = token.text.lower()
        if word in ("one", "some", "several", "many", "two", "three", "most", "none", "all", "each"):
            of = [c for c in range(k + 1, min(len(tokens), k + 3)) if tokens[c].text.lower() == "of"]
            inner = [c for c in range(of[0] + 1, min(len(tokens), of[0] + 5)) if tokens[c].head == of[0]] if of else []
            if inner and tokens[inner[0]].lemma.lower() in ANONYMOUS_WORDS:
                # "one of the sources": an anonymous member of the group already named
                end = tokens[inner[0]]
                hop = Hop(" ".join(t.text for t in tokens[k:inner[0] + 1] if t.text.lower() != "the"), "anonymous",
                          state.frame[-1].code if state.frame and state.frame[-1].kind == "anonymous" else None)
                return hop, (token.start, end.end)
        mention = at.get(k)
        if token.ent_type == "PERSON" and (mention is None or mention.actor.kind != "person"):
            # "police spokesman Terna Tyopev told ...": the person named, not the role around the name
            first, last = k, k
            while first > 0 and tokens[first - 1].ent_type == "PERSON" and tokens[first].ent_iob == "I":
                first -= 1
            while last + 1 < len(tokens) and tokens[last + 1].ent_type == "PERSON" and tokens[last + 1].ent_iob == "I":
                last += 1
            code = mention.actor.code if mention is not None and not mention.actor.code.startswith("---") else None
            titles = [j for j in range(first, last) if _role_key(tokens[j].text)
                      or tokens[j].text.lower().rstrip(".") in _TITLES]
            if titles and tokens[last].text.lower() not in _ORG_WORDS:
                first = titles[-1] + 1  # "Controversial Maine Gov. Paul LePage": the person, not the title
            name = _name_text(tokens, first, last)
            hop = Hop(state.full_names.get(name, name) if first == last else name, "named", code)
            state.last_person = (hop, (tokens[first].start, tokens[last].end))
            return hop, (tokens[first].start, tokens[last].end)
        if mention is None or mention.actor.kind != "person":
            country = mention.actor.country if mention is not None and mention.actor.kind == "role" \
                and mention.rule not in ("dateline", "context") else None  # a country the phrase states
            person = _role_person(token, state, country if country and len(country) == 3 else None)
            if person is not None:
                span = (mention.start, mention.end) if mention is not None else (token.start, token.end)
                state.last_person = (person, span)
                return person, span
        # a bare "a spokesman" (no "military", "police" or country in the phrase) whose country was at most guessed
        guessed = mention is None or (mention.token_end - mention.token_start == 1 and (
            mention.actor.code.startswith("---") or mention.rule in ("dateline", "context")))
        if token.lemma.lower() in _SPOKESPEOPLE and guessed and _role_person(token, state) is None:
            # "a spokesman said", "a spokesperson for the force said", "its bosses said": the organisation speaks
            organisation = _spoken_for(token, tokens, kids, at, state)
            if organisation is not None:
                state.last_group = (organisation, (token.start, token.end))
                return organisation, (token.start, token.end)
        if token.pos == "NOUN" and token.lemma.lower() in _ORG_NOUNS and (mention is None or mention.actor.entity
                                                                         is None) and any(
                tokens[c].text.lower() == "the" for c in range(max(0, k - 2), k)):
            organisation = _spoken_for(token, tokens, kids, at, state)  # "the force said": the police named before
            if organisation is not None:
                return organisation, (token.start, token.end)
        if token.lemma.lower() in ANONYMOUS_WORDS | {"information", "data", "figure", "figures"} and \
                token.lemma.lower() not in ("people", "person", "residents", "resident", "witness", "witnesses"):
            # "officials from the Texas Department of Public Safety": they speak for the body they come from;
            # "preliminary information from officials": the officials
            for c in kids[k]:
                if tokens[c].dep == "prep" and tokens[c].text.lower() in ("from", "at", "with", "of"):
                    objects = [o for o in kids[c] if tokens[o].dep == "pobj"]
                    body, body_span = _speaker(objects, tokens, at, state, strict=True) if objects else (None, None)
                    if body is not None and (body.kind in ("institution", "outlet")
                                             or token.lemma.lower() not in ANONYMOUS_WORDS):
                        return body, body_span
        if mention is not None and mention.actor.entity is None and token.lemma.lower() in ANONYMOUS_WORDS:
            # "a resident of Rafah told AFP": an unnamed witness, whatever name the phrase holds
            hop = Hop(mention.text, "anonymous", mention.actor.code)
            state.last_group = (hop, (mention.start, mention.end))
            return hop, (mention.start, mention.end)
        if mention is not None:
            hop = _hop(mention)
            span = (mention.start, mention.end)
            if hop.kind == "institution" and mention.actor.entity is None and hop.name != mention.actor.name:
                phrase = _phrase(tokens, k)  # "Thames Valley Police": the name around the role word
                if len(phrase) > len(hop.name) and phrase.endswith(hop.name):
                    hop = replace(hop, name=phrase)
            role = (mention.head or "").split(" ")[-1]
            if hop.kind != "named" and role in state.people_by_role and mention.text.lower().startswith("the "):
                hop = state.people_by_role[role]  # "the PPP chairman said", after "PPP chairman Bilawal ..."
            if hop.kind == "named" and role:
                state.people_by_role[role] = hop
            if hop.kind in ("named",):
                state.last_person = (hop, span)
            elif hop.kind in ("anonymous", "institution"):
                state.last_group = (hop, span)
            return hop, span
        if token.text in state.full_names and token.text[:1].isupper() and mention is None:
            # "Lichtenberger said" (tagged as a common noun at the start of a sentence): the person named before
            hop = Hop(state.full_names[token.text], "named")
            state.last_person = (hop, (token.start, token.end))
            return hop, (token.start, token.end)
        if word in ("which", "who", "that") and token.dep in ("nsubj", "nsubjpass") and \
                tokens[token.head].dep == "relcl" and tokens[token.head].head != token.head:
            # "disclosed by a source, which claimed that ...": the noun the relative clause hangs on
            return _speaker([tokens[token.head].head], tokens, at, state, strict)
        if word in ("he", "she", "him", "her") and state.last_person:
            return state.last_person[0], (token.start, token.end)
        if word in ("they", "we", "them") and (state.last_group or state.frame):
            hop = state.last_group[0] if state.last_group else state.frame[-1]
            return hop, (token.start, token.end)
        if word in DOCUMENT_WORDS or token.lemma.lower() in DOCUMENT_WORDS:
            return Hop(token.text, "document"), (token.start, token.end)
        if token.lemma.lower() in ANONYMOUS_WORDS:
            hop = Hop(_phrase(tokens, k), "anonymous")
            state.last_group = (hop, (token.start, token.end))
            return hop, (token.start, token.end)
        if word in ("newspaper", "paper", "daily", "article", "publication") and state.frame:
            return state.frame[0], (token.start, token.end)
        if token.pos == "PROPN" or token.ent_type in ("PERSON", "ORG", "NORP", "GPE"):
            # a speaker the actor stage does not know: the name as written ("Professor Jane Doe said")
            first = k
            while first > 0 and tokens[first - 1].ent_type == token.ent_type and token.ent_type and \
                    tokens[first - 1].ent_iob != "O" and tokens[first].ent_iob == "I":
                first -= 1
            last = k
            while last + 1 < len(tokens) and tokens[last + 1].ent_iob == "I" and token.ent_type:
                last += 1
            titled = first < last and tokens[first].text.lower().rstrip(".") in _TITLES
            titles = [j for j in range(first, last) if _role_key(tokens[j].text)
                      or tokens[j].text.lower().rstrip(".") in _TITLES]
            if titles and (last - titles[-1] >= 2 or tokens[last].ent_type == "PERSON") and \
                    tokens[last].text.lower() not in _ORG_WORDS:  # not "Harris County Sheriff's Office"
                # "Dr Neelesh Pande", "New York City Mayor Michael Bloomberg": the person, without the title
                first, titled = titles[-1] + 1, True
            name = _name_text(tokens, first, last)
            if first == last and name in state.full_names:
                name = state.full_names[name]  # "Lichtenberger said", after "James Lichtenberger"
                titled = True
            known = titled or any(hop.name == name for people in state.named_roles.values() for _i, hop in people)
            kind = "named" if known or token.ent_type == "PERSON" or (token.pos == "PROPN" and not token.ent_type) \
                else "institution"
            if any(hop.name == name for _i, hop in state.organisations):
                kind = "institution"  # "RMD Kwikform, based in Walsall, said": an organisation the article names
            hop = Hop(name, kind)
            if kind == "named":
                state.last_person = (hop, (tokens[first].start, tokens[last].end))
            return hop, (tokens[first].start, tokens[last].end)
        if token.pos == "NOUN" and token.lemma.lower() in _ORG_NOUNS and any(
                tokens[c].text.lower() == "the" for c in range(max(0, k - 2), k)) and state.organisations:
            organisation = _spoken_for(token, tokens, kids, at, state)  # "the force", "the company"
            if organisation is not None:
                return organisation, (token.start, token.end)
        if token.pos == "NOUN" and token.lemma.lower() in MEDIA_NOUNS:
            return Hop(_phrase(tokens, k), "outlet"), (token.start, token.end)  # "Israeli public radio said"
        if token.pos == "NOUN" and (not strict or token.lemma.lower() in SPEAKER_NOUNS):
            # "the ministry said", "the company's spokesman said"; not "the jets were expected to ..."
            hop = Hop(_phrase(tokens, k), "institution")
            state.last_group = (hop, (token.start, token.end))
            return hop, (token.start, token.end)
    return None, None


def _hop(mention: ActorMention) -> Hop:
    actor = mention.actor
    text = mention.text.lower()
    if actor.kind == "media" or actor.sector == "MED" or (text.split() or [""])[-1] in MEDIA_NOUNS:
        # "Israeli public radio", "state media", "state television"
        return Hop(actor.name if actor.kind == "media" else mention.text, "outlet", actor.code)
    if actor.kind == "person" and mention.rule == "coreference" and \
            any(w in ANONYMOUS_WORDS for w in text.split()):
        return Hop(mention.text, "anonymous", actor.code)  # "said the official, who asked not to be named"
    if actor.kind == "person":
        return Hop(actor.name, "named", actor.code)
    words = text.split()
    if words and (words[-1] in ANONYMOUS_WORDS or (any(w in words for w in ANONYMOUS_WORDS) and actor.kind == "role")):
        # "Egyptian medical sources", "US officials": unnamed members, coded by the group they belong to
        return Hop(mention.text, "anonymous", actor.code)
    if actor.kind == "role" and actor.code.startswith("---") and mention.text.strip():
        # a role whose country is unknown keeps the text's words ("the legislature"), not "unidentified ..."
        return Hop(re.sub(r"^(?:the|a|an)\s+", "", mention.text.strip(), flags=re.I), "institution", actor.code)
    if actor.kind in ("role", "government") and actor.entity is None:
        # a role phrase the text names precisely ("US authorities", "the Russian Foreign Ministry", "Texas
        # Department of Public Safety") keeps its own words; a bare "the government" takes the actor's label
        surface = re.sub(r"^(?:the|a|an)\s+", "", mention.text.strip(), flags=re.I)
        surface = re.sub(r"\s+(?:spokes(?:man|woman|person)|official|officials)$", "", surface)  # "... spokesman"
        if any(w[:1].isupper() for w in surface.split()) and len(surface.split()) <= 6 and \
                surface.split()[-1][:1].isalpha():
            return Hop(surface, "institution", actor.code)
        if actor.country and actor.country in default_dictionary().countries and \
                surface.replace(" ", "").isalpha() and len(surface.split()) <= 3 \
                and surface.lower() not in ("government", "administration", "spokesman", "spokeswoman", "spokesperson"):
            # "authorities said" in a Houston story: "American authorities", the words of the text with their country
            return Hop(f"{default_dictionary().country_label(actor.country)} {surface}", "institution", actor.code)
    return Hop(actor.name, "institution", actor.code)


def _citing(tokens: Sequence[Token], kids: list[list[int]], at: dict[int, ActorMention],
            state: _State) -> Hop | None:
    words = cues()["citing"]
    for token in tokens:
        if token.text.lower() in words:
            for k in kids[token.i]:
                hop, _span = _speaker([k], tokens, at, state)
                if hop is not None:
                    return replace(hop, cue=token.text)
                if tokens[k].lemma.lower() in ANONYMOUS_WORDS:
                    return Hop(_phrase(tokens, k), "anonymous", cue=token.text)
    return None


def _phrase(tokens: Sequence[Token], k: int) -> str:
    start = k
    while start > 0 and tokens[start - 1].dep in ("amod", "compound", "det", "nummod") and \
            tokens[start - 1].head in range(start, k + 1):
        start -= 1
    words = [t.text for t in tokens[start:k + 1] if t.text.lower() not in ("the", "a", "an")]
    return " ".join(words)


def _clause_without(tokens: Sequence[Token], according: Token) -> tuple[int, int] | None:
    """ "According to X, Y did Z": the rest of the sentence is what X says."""
    k = according.i + 2
    while k < len(tokens) and tokens[k].text != ",":
        k += 1
    if k + 1 < len(tokens):
        last = len(tokens) - 1
        while last > k and tokens[last].pos == "PUNCT":
            last -= 1
        return tokens[k + 1].start, tokens[last].end
    first = 0
    end = according.i - 1
    while end > first and tokens[end].pos == "PUNCT":
        end -= 1
    return (tokens[first].start, tokens[end].end) if end > first else None


# -- events and the profile ----------------------------------------------------------------------------------

def _event_chain(event: Event, state: _State) -> tuple[Hop, ...]:
    inside = [c for c in state.claims if c.start <= event.trigger_start < c.end]
    if inside:
        return min(inside, key=lambda c: c.end - c.start).chain
    if event.sentence in state.sentence_frames:
        return state.sentence_frames[event.sentence]  # a sentence inside a reporting frame
    return (state.publisher,)


def _profile(state: _State, quotes: Sequence[Quote], events: Sequence[Event]) -> tuple[tuple[Any, ...],
                                                                                       dict[str, Any]]:
    counts: Counter[tuple[str, str, str | None]] = Counter()
    for chain in [q.chain for q in quotes] + [e.attribution for e in events]:
        for hop in chain:
            counts[(hop.name, hop.kind, hop.code)] += 1
    sources = tuple({"name": n, "kind": k, "code": c, "mentions": m} for (n, k, c), m in counts.most_common())
    finals = [q.chain[-1].kind for q in quotes if q.chain]
    depth = max((len(q.chain) for q in quotes), default=1)
    profile = {
        "relay_depth": max(depth, max((len(e.attribution) for e in events), default=1)),
        "share_anonymous": round(finals.count("anonymous") / len(finals), 3) if finals else 0.0,
        "named": sorted({h.name for q in quotes for h in q.chain if h.kind == "named"}),
        "outlets": sorted({h.name for q in quotes for h in q.chain if h.kind == "outlet"}),
        "claims_by_kind": dict(Counter(finals)),
    }
    return sources, profile
