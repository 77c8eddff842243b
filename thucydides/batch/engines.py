"""``run``: read inputs and code them on the engine asked for: this process, a pool of worker processes
(``--workers``) or Ray actors (``--engine ray``). The stages themselves are ``thucydides.pipeline``'s."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date

from thucydides.batch.chunks import CHUNK, chunked, until_stopped
from thucydides.config import Settings
from thucydides.ingest import read
from thucydides.pipeline import Coder
from thucydides.types import Article, Rejected
from thucydides.workers import code_in_pool, without_tokens


def run(inputs: Sequence[str], settings: Settings, *, workers: int = 1, today: date | None = None,
        coder: Coder | None = None, skip: frozenset[str] = frozenset(), engine: str = "local",
        address: str | None = None, stop: Callable[[], bool] | None = None,
        tokens: bool = True) -> Iterator[Article | Rejected]:
    """Read and code ``inputs``; yields articles and rejections in input order, streaming.

    ``skip``: ids of articles not to code again (they come back as ``already-coded`` skips).
    ``engine``: ``local`` (this process, or a process pool for ``workers`` > 1) or ``ray`` (Ray actors,
    on a local Ray or the cluster at ``address``).
    ``stop``: asked between chunks; once it is true no further input is read, the chunks already being
    coded are finished and yielded, and the run ends (Ctrl-C in ``thucydides code``).
    ``tokens``: false leaves the sentences' tokens out of the articles yielded (the command writes none), so
    that ``--workers`` processes never copy them back: a 5 MB article has about 500 MB of them.
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
        coded = (coder or Coder(settings, today=today, skip=skip)).code(documents, stop=stop)
        yield from coded if tokens else map(without_tokens, coded)
        return
    chunks = until_stopped(chunked(documents, CHUNK, chars=settings.max_document_bytes), stop)
    pooled = code_in_pool(((chunk, None) for chunk in chunks), workers=workers, settings=settings, today=today,
                          skip=skip, stop=stop, tokens=tokens)
    try:
        for coded, _ in pooled:
            yield from coded
    finally:
        pooled.close()  # a consumer that stops early (a second Ctrl-C, a bug) ends the workers at once
