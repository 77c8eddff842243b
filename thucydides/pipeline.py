"""The pipeline: its stages in order (``STAGES``), and the ``Coder`` that runs them on a chunk of documents.

Each stage declares what it reads and writes (checked by ``check_stages`` at start-up and in the tests). The
stages after ``nlp`` each hold the function that runs them, and ``Coder`` runs them in the table's order; each
adds its own fields to the article and never rewrites an earlier stage's (``tests/test_project.py`` checks).
Reading inputs and coding them on an engine (this process, a process pool, Ray) is ``thucydides.batch``'s.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from typing import Any

from thucydides.actors import Resolver
from thucydides.actors.coreference import references
from thucydides.actors.inferred import inferred_mentions
from thucydides.attribution import attribute, framing
from thucydides.batch.chunks import CHUNK, chunked, until_stopped
from thucydides.events import EventCoder
from thucydides.config import Settings
from thucydides import __version__
from thucydides.errors import AlreadyCoded, AnalysisFailed, NlpFailed, StructureFailed, ThucydidesError
from thucydides.nlp import Parser, load_model
from thucydides.structure import build_article
from thucydides.types import Article, RawDocument, Rejected


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    function: str  # dotted path, for the docs and the stage check
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run: Callable[[Coder, Article], Article] | None = None  # an analysis stage: the article with its output added


def _actors(coder: Coder, article: Article) -> Article:
    return replace(article, actors=coder.resolver.article(article, today=coder.today))


def _coreference(coder: Coder, article: Article) -> Article:
    return replace(article, references=references(article))


def _events(coder: Coder, article: Article) -> Article:
    # an undated article's events stay undated: the run's date only checks actors' roles (docs/dates.md)
    events = coder.events.article(article)
    return replace(article, events=events, inferred_actors=inferred_mentions(events, article.actors))


def _attribution(coder: Coder, article: Article) -> Article:
    return attribute(article)


def _framing(coder: Coder, article: Article) -> Article:
    return replace(article, framing=framing(article))


STAGES: tuple[Stage, ...] = (
    Stage("ingest", "thucydides.ingest.read", reads=("inputs",), writes=("RawDocument",)),
    Stage("structure", "thucydides.structure.build_article", reads=("RawDocument",),
          writes=("Article.text", "Article.paragraphs", "Article.headline", "Article.dek", "Article.dateline",
                  "Article.byline", "Article.outlet", "Article.published", "Article.language")),
    Stage("nlp", "thucydides.nlp.Parser", reads=("Article.text", "Article.paragraphs", "Article.dateline"),
          writes=("Article.sentences",)),
    Stage("actors", "thucydides.actors.Resolver",
          reads=("Article.sentences", "Article.dateline", "Article.published"), writes=("Article.actors",),
          run=_actors),
    Stage("coreference", "thucydides.actors.coreference.references", reads=("Article.sentences", "Article.actors"),
          writes=("Article.references",), run=_coreference),
    Stage("events", "thucydides.events.EventCoder",
          reads=("Article.sentences", "Article.actors", "Article.references", "Article.published"),
          writes=("Article.events", "Article.inferred_actors"), run=_events),
    Stage("attribution", "thucydides.attribution.attribute",
          reads=("Article.sentences", "Article.actors", "Article.references", "Article.events", "Article.dateline",
                 "Article.outlet"),
          writes=("Article.quotes", "Article.chains", "Article.sources", "Article.extra"), run=_attribution),
    Stage("framing", "thucydides.attribution.framing", reads=("Article.text",), writes=("Article.framing",),
          run=_framing),
)


def check_stages(stages: Sequence[Stage] = STAGES) -> None:
    """Every value a stage reads was written by an earlier stage (or is the pipeline's input)."""
    available = {"inputs"}
    for stage in stages:
        for need in stage.reads:
            if need not in available and need.split(".")[0] not in available:
                raise ThucydidesError(f"stage {stage.name!r} reads {need!r}, which no earlier stage writes")
        available.update(stage.writes)
        available.update(w.split(".")[0] for w in stage.writes)


def pipeline_version() -> str:
    """The package version plus a hash of every packaged table the coding stages read (``data/``, ``data/actors``,
    ``data/events``, ``data/attribution``; not the store-level stories and relays tables): what the store records
    with each article, so that a rerun skips what this exact pipeline already coded and a changed row recodes."""
    digest = hashlib.sha256(__version__.encode())
    root = resources.files("thucydides").joinpath("data")
    for folder in ("", "actors", "events", "attribution"):
        base = root.joinpath(folder) if folder else root
        for item in sorted(base.iterdir(), key=lambda p: p.name):
            if item.is_file() and item.name.endswith(".tsv"):
                digest.update(item.name.encode())
                digest.update(item.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


class Coder:
    """Structure and parse raw documents; holds the loaded spaCy pipeline."""

    def __init__(self, settings: Settings, *, today: date | None = None, nlp: Any = None,
                 skip: frozenset[str] = frozenset()) -> None:
        check_stages()
        self.settings = settings
        self.today = today or date.today()
        model = nlp if nlp is not None else load_model(settings.model, disable=settings.disable)
        self.resolver = Resolver()
        self.parser = Parser(model, batch_size=settings.batch_size, batch_chars=settings.batch_chars,
                             max_parse_chars=settings.max_parse_chars, is_name=self.resolver.d.is_name)
        self.events = EventCoder(self.resolver.d)
        self.skip = skip  # article ids already coded (a resumed run)

    def code_chunk(self, items: Sequence[RawDocument | Rejected]) -> list[Article | Rejected]:
        """Code a chunk of documents, keeping their order; one bad article never loses the others."""
        built = [item if isinstance(item, Rejected) else self._structure(item) for item in items]
        if self.skip:
            built = [Rejected(b.ref, "store", AlreadyCoded.code, AlreadyCoded.reason,
                              "already in the store, coded by this pipeline version (use --recode to redo)")
                     if isinstance(b, Article) and b.id in self.skip else b for b in built]
        built = [self._parseable(b) if isinstance(b, Article) else b for b in built]
        articles = [a for a in built if isinstance(a, Article)]
        try:
            parsed = iter(self.parser(articles))
            return [self._analyse(next(parsed)) if isinstance(a, Article) else a for a in built]
        except Exception:  # noqa: BLE001 - find the article that broke the batch, keep the rest
            out: list[Article | Rejected] = []
            for item in built:
                if isinstance(item, Rejected):
                    out.append(item)
                    continue
                try:
                    parsed_one = self.parser([item])[0]
                except Exception as exc:  # noqa: BLE001
                    out.append(_failed(item, "nlp", NlpFailed, "the parser failed", exc))
                    continue
                try:
                    out.append(self._analyse(parsed_one))
                except _StageFailed as failed:
                    out.append(_failed(item, failed.stage, AnalysisFailed, f"the {failed.stage} stage failed",
                                       failed.cause))
            return out

    def _structure(self, raw: RawDocument) -> Article | Rejected:
        """The structure stage on one document, inside the per-article guard."""
        try:
            return build_article(raw, self.settings, today=self.today)
        except Exception as exc:  # noqa: BLE001 - a structure bug costs this article only
            return _failed(raw, "structure", StructureFailed, "recovering the structure failed", exc)

    def _parseable(self, article: Article) -> Article | Rejected:
        """The article, or its refusal when a paragraph is too long to parse and cannot be cut."""
        refusal = self.parser.check(article)
        if refusal is None:
            return article
        return Rejected(article.ref, "nlp", refusal.code, refusal.reason, refusal.message)

    def _analyse(self, article: Article) -> Article:
        """The stages after parsing, on one article, in the order of ``STAGES``; a failure names its stage."""
        for stage in STAGES:
            if stage.run is not None:
                try:
                    article = stage.run(self, article)
                except Exception as exc:  # noqa: BLE001 - a bug in a stage costs this article only
                    raise _StageFailed(stage.name, exc) from exc
        return article

    def code_sentences(self, texts: Sequence[tuple[str, str | None]]) -> list[Article]:
        """Code bare texts (gold sentences): ``(text, ISO date or None)`` each, a leading dateline cut off."""
        from thucydides.structure.dateline import find_dateline
        from thucydides.types import InputRef, Span

        articles = [Article(id=f"s{i}", ref=InputRef(f"<sentence {i}>"), format="text", text=text,
                            paragraphs=(Span(0, len(text)),), dateline=find_dateline(text), published=published,
                            published_precision="day" if published else None)
                    for i, (text, published) in enumerate(texts)]
        return [self._analyse(a) for a in self.parser(articles)]

    def code(self, items: Iterable[RawDocument | Rejected], *,
             stop: Callable[[], bool] | None = None) -> Iterator[Article | Rejected]:
        for chunk in until_stopped(chunked(items, CHUNK, chars=self.settings.max_document_bytes), stop):
            yield from self.code_chunk(chunk)


class _StageFailed(Exception):
    """An analysis stage raised on one article: which stage, and what it raised."""

    def __init__(self, stage: str, cause: Exception) -> None:
        super().__init__(f"{stage}: {type(cause).__name__}: {cause}")
        self.stage, self.cause = stage, cause


def _failed(item: Article | RawDocument, stage: str, error: type[ThucydidesError], what: str,
            exc: Exception) -> Rejected:
    return Rejected(item.ref, stage, error.code, error.reason, f"{what}: {type(exc).__name__}: {exc}")
