"""The pipeline: its stages in order, and ``run`` to code inputs into articles.

Each stage declares what it reads and writes (checked by ``check_stages`` at start-up and in the tests);
later issues add actors, events and attribution after ``nlp``.
"""

from __future__ import annotations

import hashlib
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from typing import Any

from thucydides.actors import Resolver
from thucydides.attribution import attribute, framing
from thucydides.events import EventCoder
from thucydides.config import Settings
from thucydides import __version__
from thucydides.errors import AlreadyCoded, AnalysisFailed, NlpFailed, StructureFailed, ThucydidesError
from thucydides.ingest import read
from thucydides.nlp import Parser, load_model
from thucydides.structure import build_article
from thucydides.types import Article, RawDocument, Rejected


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    function: str  # dotted path, for the docs and the stage check
    reads: tuple[str, ...]
    writes: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("ingest", "thucydides.ingest.read", reads=("inputs",), writes=("RawDocument",)),
    Stage("structure", "thucydides.structure.build_article", reads=("RawDocument",),
          writes=("Article.text", "Article.paragraphs", "Article.headline", "Article.dek", "Article.dateline",
                  "Article.byline", "Article.outlet", "Article.published", "Article.language")),
    Stage("nlp", "thucydides.nlp.Parser", reads=("Article.text", "Article.paragraphs", "Article.dateline"),
          writes=("Article.sentences",)),
    Stage("actors", "thucydides.actors.Resolver",
          reads=("Article.sentences", "Article.dateline", "Article.published"), writes=("Article.actors",)),
    Stage("events", "thucydides.events.EventCoder",
          reads=("Article.sentences", "Article.actors", "Article.published"), writes=("Article.events",)),
    Stage("attribution", "thucydides.attribution.attribute",
          reads=("Article.sentences", "Article.actors", "Article.events", "Article.dateline", "Article.outlet"),
          writes=("Article.quotes", "Article.sources", "Article.events")),
    Stage("framing", "thucydides.attribution.framing", reads=("Article.text",), writes=("Article.framing",)),
)
CHUNK = 32  # articles per nlp batch and per worker task


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
    """The package version plus a hash of every packaged dictionary and pattern file: what the store records
    with each article, so that a rerun skips what this exact pipeline already coded."""
    digest = hashlib.sha256(__version__.encode())
    root = resources.files("thucydides").joinpath("data")
    for folder in ("", "actors", "events"):
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
        self.parser = Parser(model, batch_size=settings.batch_size)
        self.resolver = Resolver()
        self.events = EventCoder(self.resolver.d)
        self.skip = skip  # article ids already coded (a resumed run)

    def code_chunk(self, items: Sequence[RawDocument | Rejected]) -> list[Article | Rejected]:
        """Code a chunk of documents, keeping their order; one bad article never loses the others."""
        built = [item if isinstance(item, Rejected) else self._structure(item) for item in items]
        if self.skip:
            built = [Rejected(b.ref, "store", AlreadyCoded.code, AlreadyCoded.reason,
                              "already in the store, coded by this pipeline version (use --recode to redo)")
                     if isinstance(b, Article) and b.id in self.skip else b for b in built]
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
                except Exception as exc:  # noqa: BLE001
                    out.append(_failed(item, "actors", AnalysisFailed, "coding failed", exc))
            return out

    def _structure(self, raw: RawDocument) -> Article | Rejected:
        """The structure stage on one document, inside the per-article guard."""
        try:
            return build_article(raw, self.settings, today=self.today)
        except Exception as exc:  # noqa: BLE001 - a structure bug costs this article only
            return _failed(raw, "structure", StructureFailed, "recovering the structure failed", exc)

    def _analyse(self, article: Article) -> Article:
        """The stages after parsing, on one article."""
        article = replace(article, actors=self.resolver.article(article, today=self.today))
        # an undated article's events stay undated: the run's date only checks actors' roles (docs/dates.md)
        article = replace(article, events=self.events.article(article))
        article = attribute(article)
        return replace(article, framing=framing(article))

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
        for chunk in until_stopped(chunked(items, CHUNK), stop):
            yield from self.code_chunk(chunk)


def _failed(item: Article | RawDocument, stage: str, error: type[ThucydidesError], what: str,
            exc: Exception) -> Rejected:
    return Rejected(item.ref, stage, error.code, error.reason, f"{what}: {type(exc).__name__}: {exc}")


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def until_stopped(items: Iterable[Any], stop: Callable[[], bool] | None) -> Iterator[Any]:
    """``items`` until ``stop()`` is true, asked before each item is read and again before it is handed on: an
    interrupted run finishes the chunk being coded and reads no further."""
    if stop is None:
        yield from items
        return
    iterator = iter(items)
    while not stop():
        try:
            item = next(iterator)
        except StopIteration:
            return
        if stop():
            return
        yield item


_WORKER: Coder | None = None


def _init_worker(settings: Settings, today: date, skip: frozenset[str]) -> None:
    global _WORKER  # one model per worker process, loaded once
    # Ctrl-C reaches the whole process group: the parent decides what stops. SIGTERM gets its default action
    # back (not the parent's handler inherited through fork), so the parent can end a worker at once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = Coder(settings, today=today, skip=skip)


def _work(chunk: list[RawDocument | Rejected]) -> list[Article | Rejected]:
    assert _WORKER is not None
    return _WORKER.code_chunk(chunk)


@contextmanager
def worker_pool(workers: int, settings: Settings, today: date,
                skip: frozenset[str] = frozenset()) -> Iterator[ProcessPoolExecutor]:
    """A process pool of ``workers`` coders, one model each, whose workers ignore Ctrl-C. When the code using
    it stops early (a second Ctrl-C, a bug, a consumer that stops reading) the workers are ended at once
    instead of coding the chunks queued for them; otherwise the pool closes as usual."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings, today, skip))
    try:
        yield pool
    except BaseException:
        processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way before 3.14
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        raise
    pool.shutdown(wait=True)


def run(inputs: Sequence[str], settings: Settings, *, workers: int = 1, today: date | None = None,
        coder: Coder | None = None, skip: frozenset[str] = frozenset(), engine: str = "local",
        address: str | None = None, stop: Callable[[], bool] | None = None) -> Iterator[Article | Rejected]:
    """Read and code ``inputs``; yields articles and rejections in input order, streaming.

    ``skip``: ids of articles not to code again (they come back as ``already-coded`` skips).
    ``engine``: ``local`` (this process, or a process pool for ``workers`` > 1) or ``ray`` (Ray actors,
    on a local Ray or the cluster at ``address``).
    ``stop``: asked between chunks; once it is true no further input is read, the chunks already being
    coded are finished and yielded, and the run ends (Ctrl-C in ``thucydides code``).
    """
    today = today or date.today()
    if stop is not None and stop():
        return
    if engine == "ray":
        from thucydides.batch.ray_engine import run_ray

        yield from run_ray(inputs, settings, workers=max(workers, 1), address=address, today=today, skip=skip,
                           stop=stop)
        return
    documents = read(inputs, settings)
    if workers <= 1:
        yield from (coder or Coder(settings, today=today, skip=skip)).code(documents, stop=stop)
        return
    with worker_pool(workers, settings, today, skip) as pool:
        pending: deque[Future[list[Article | Rejected]]] = deque()
        for chunk in until_stopped(chunked(documents, CHUNK), stop):
            pending.append(pool.submit(_work, chunk))
            if len(pending) >= workers * 2:
                yield from _coded(pending.popleft(), stop)
        if stop is not None and stop():
            for future in pending:
                future.cancel()  # not started yet: left for the rerun
        while pending:
            yield from _coded(pending.popleft(), stop)


def _coded(future: Future[list[Article | Rejected]], stop: Callable[[], bool] | None) -> list[Article | Rejected]:
    """What a worker coded: nothing for a chunk cancelled by ``stop``, or lost with workers a stop signal ended
    too (SIGTERM sent to the whole process group); those are coded by the rerun."""
    if future.cancelled():
        return []
    try:
        return future.result()
    except BrokenProcessPool:
        if stop is not None and stop():
            return []
        raise
