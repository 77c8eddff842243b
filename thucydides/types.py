"""The data model: every value that crosses a stage boundary, as frozen dataclasses.

Offsets (``start``/``end``) are character offsets into ``Article.text``, end exclusive. spaCy objects never
leave ``thucydides.nlp``; a parsed sentence carries plain :class:`Token` values instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class InputRef:
    """Where an article came from: a path, plus the line (JSON Lines) or record (feed item, WARC record)."""

    path: str
    line: int | None = None
    record: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path}
        if self.line is not None:
            out["line"] = self.line
        if self.record is not None:
            out["record"] = self.record
        return out

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.record is not None:
            return f"{self.path}#{self.record}"
        return self.path


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read from its container, before any structure is recovered.

    ``text`` is plain text (for the text format it may still hold headline and dek lines); ``html`` is a
    page to extract. Metadata fields hold what the container itself stated, or ``None``.
    """

    ref: InputRef
    format: str  # text | html | jsonl | feed | warc
    text: str | None = None
    html: str | None = None
    id: str | None = None
    headline: str | None = None
    dek: str | None = None
    byline: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Dateline:
    """``WASHINGTON, November 6. /TASS/.``: where and when the dispatch was filed, and by which agency."""

    text: str
    start: int
    end: int
    place: str | None
    country: str | None  # ISO 3166 alpha-3
    date_text: str | None
    month: int | None
    day: int | None
    year: int | None  # only when the dateline itself states it
    agency: str | None

    def to_dict(self, *, date: str | None) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "place": self.place,
            "country": self.country, "date": date, "date_text": self.date_text, "agency": self.agency,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: a paragraph, or any other plain range."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index within the sentence
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index within the sentence
    ent_type: str
    ent_iob: str


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    """Who an actor mention refers to: a CAMEO-style ``code`` plus PLOVER-style ``country`` and ``sector``."""

    code: str  # e.g. USAGOV, IGOUNOMIL, PSEREB, ---GOV when the country is unknown
    country: str | None  # ISO alpha-3, a CAMEO region, IGO or NGO
    sector: str | None
    name: str
    entity: str | None = None  # stable id of the dictionary entry, when one matched
    kind: str = "role"  # person | country | government | organization | group | igo | ngo | media | region | role

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "country": self.country, "sector": self.sector, "name": self.name,
                "entity": self.entity, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A stretch of a sentence that names an actor, with how it was resolved (``rule``, ``evidence``)."""

    text: str
    start: int
    end: int
    sentence: int
    token_start: int  # token indices within the sentence, end exclusive
    token_end: int
    actor: Actor
    rule: str  # dictionary | role | metonymy | coreference | dateline | apposition | distributed | former
    evidence: str  # the dictionary entry (file:line) or rule that decided the code, for the user
    list_id: int | None = None  # mentions coordinated in one list ("the US, the EU and the UK") share it
    head: str | None = None  # the role phrase the mention ends in ("foreign ministry"), for coreference

    def to_dict(self) -> dict[str, Any]:
        out = {"text": self.text, "start": self.start, "end": self.end, "sentence": self.sentence}
        out.update(self.actor.to_dict())
        out.update({"rule": self.rule, "evidence": self.evidence, "list": self.list_id})
        return out


@dataclass(frozen=True, slots=True)
class Reference:
    """A word that names no one by itself ("he", "they", "both sides") and the actors it points back to: the
    coreference stage's output (``actors/coreference.py``), read by the events and attribution stages."""

    sentence: int
    token: int  # the word's token index within its sentence
    start: int  # the word's characters in the article
    end: int
    rule: str  # pair | group | pronoun | speaker
    antecedents: tuple[ActorMention, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end, "rule": self.rule,
                "antecedents": [{"text": m.text, "start": m.start, "end": m.end, "code": m.actor.code}
                                for m in self.antecedents]}


@dataclass(frozen=True, slots=True)
class Hop:
    """One link of an attribution chain, from the publisher to the ultimate source."""

    name: str
    kind: str  # publisher | outlet | named | institution | anonymous | document
    code: str | None = None
    cue: str | None = None  # the words that introduced it ("reported", "citing", "according to")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "code": self.code, "cue": self.cue}


@dataclass(frozen=True, slots=True)
class EventChain:
    """What the attribution stage says of one event: the chain of the claim it sits in (its quotation, the
    clause of a verb of saying, the reporting frame of its sentence, else the publisher alone)."""

    event: str  # Event.id
    chain: tuple[Hop, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """What someone said: a direct quotation or reported speech, with its speaker and chain."""

    text: str
    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: Hop | None
    speaker_start: int | None
    speaker_end: int | None
    chain: tuple[Hop, ...]
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        speaker = self.speaker.to_dict() if self.speaker else None
        if speaker is not None:
            speaker.update({"start": self.speaker_start, "end": self.speaker_end})
        return {"text": self.text, "start": self.start, "end": self.end, "direct": self.direct, "cue": self.cue,
                "speaker": speaker, "sentence": self.sentence, "chain": [h.to_dict() for h in self.chain]}


@dataclass(frozen=True, slots=True)
class Framing:
    """Wording that carries a point of view: an official euphemism, a loaded label, a distancing hedge, an
    editorial insertion by the relaying outlet, or a few words in scare quotes."""

    text: str
    start: int
    end: int
    kind: str  # euphemism | loaded-term | distancing | editorial-insertion | loaded-quote
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind, "note": self.note}


@dataclass(frozen=True, slots=True)
class Modality:
    """How the text presents an event: asserted or negated, how sure, under which condition."""

    polarity: str = "positive"  # positive | negative
    certainty: str = "certain"  # certain | probable | possible | unknown
    condition: str | None = None  # the text of an "if ..." clause
    cue: str | None = None  # the words that decided it ("not", "likely", "may")

    def to_dict(self) -> dict[str, Any]:
        return {"polarity": self.polarity, "certainty": self.certainty, "condition": self.condition, "cue": self.cue}


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when and where, with the evidence (trigger, pattern)."""

    id: str
    sentence: int
    sentence_text: str
    trigger_text: str
    trigger_start: int
    trigger_end: int
    source: ActorMention | None
    target: ActorMention | None
    sources_all: tuple[ActorMention, ...]
    targets_all: tuple[ActorMention, ...]
    cameo: str
    cameo_name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    date: str | None
    date_text: str | None
    date_precision: str
    location: Location | None
    modality: Modality
    pattern: str  # the pattern line that matched (verbs.tsv:123), for the user
    actor_unknown: bool = False  # no source actor in the text (a passive without agent)
    reciprocal: bool = False
    negates: str | None = None  # a rejection coded from a negated act: the CAMEO code of the act not done

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    def to_dict(self, chain: Sequence[Hop] = ()) -> dict[str, Any]:
        """The event's part of the public record; ``chain`` is its attribution chain (``Article.chain_of``),
        which the attribution stage writes apart from the event."""
        def actor(m: ActorMention | None) -> dict[str, Any] | None:
            if m is None:
                return None
            out = {"text": m.text, "start": m.start, "end": m.end}
            out.update(m.actor.to_dict())
            return out

        return {
            "id": self.id, "sentence": self.sentence, "sentence_text": self.sentence_text,
            "trigger": {"text": self.trigger_text, "start": self.trigger_start, "end": self.trigger_end},
            "source": actor(self.source), "target": actor(self.target),
            "sources_all": [actor(m) for m in self.sources_all], "targets_all": [actor(m) for m in self.targets_all],
            "cameo": self.cameo, "cameo_root": self.cameo_root, "cameo_name": self.cameo_name,
            "goldstein": self.goldstein, "quad_class": self.quad_class,
            "plover": self.plover, "plover_mode": self.plover_mode,
            "date": self.date, "date_text": self.date_text, "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality.to_dict(), "actor_unknown": self.actor_unknown,
            "reciprocal": self.reciprocal, "negates": self.negates, "pattern": self.pattern,
            "attribution": {"chain": [h.to_dict() for h in chain]},
        }


@dataclass(frozen=True, slots=True)
class Article:
    """A structured article: what the ``structure`` stage recovers and the ``nlp`` stage splits into sentences."""

    id: str
    ref: InputRef
    format: str
    text: str
    headline: str | None = None
    headline_attribution: str | None = None
    dek: str | None = None
    dateline: Dateline | None = None
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_precision: str | None = None  # second | day | month | year | year-inferred | None
    language: str = "en"
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    warnings: tuple[str, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    references: tuple[Reference, ...] = ()  # the coreference stage's: "he", "they", "both sides" -> actors
    events: tuple[Event, ...] = ()
    # the events stage's: sources and targets it inferred, not named in the text (actors/inferred.py)
    inferred_actors: tuple[ActorMention, ...] = ()
    chains: tuple[EventChain, ...] = ()  # the attribution stage's: the chain of each event's claim
    quotes: tuple[Quote, ...] = ()
    sources: tuple[Any, ...] = ()
    framing: tuple[Framing, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def chain_of(self, event: Event) -> tuple[Hop, ...]:
        """The attribution chain of one of this article's events (empty before the attribution stage); to read
        many events, build :meth:`chains_by_event` once."""
        return next((c.chain for c in self.chains if c.event == event.id), ())

    def chains_by_event(self) -> dict[str, tuple[Hop, ...]]:
        """Event id -> its attribution chain, for reading many events."""
        return {c.event: c.chain for c in self.chains}

    def to_json(self) -> dict[str, Any]:
        """The public JSON record (``output.article_to_dict``): ``json.dumps(article.to_json(), ensure_ascii=False)``
        is the line ``thucydides code --format jsonl`` writes for this article."""
        from thucydides.output import article_to_dict  # output imports this module

        return article_to_dict(self)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input or article that could not be coded, with a reason: a batch counts these, never ``None``."""

    ref: InputRef
    stage: str
    code: str
    reason: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.ref.to_dict(), "stage": self.stage, "code": self.code,
                "reason": self.reason, "message": self.message}

    def __str__(self) -> str:
        return f"{self.ref}: {self.message} [{self.code} {self.reason}]"
