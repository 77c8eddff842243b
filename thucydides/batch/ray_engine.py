"""Run the coding pipeline on a Ray cluster: one actor per worker, each holding one loaded spaCy model.

The driver streams the inputs in chunks (never the whole corpus in memory), sends each chunk to the next
actor, and yields the results in input order, exactly as the local engine does; the caller writes them to
the store. ``address=None`` starts a local Ray with ``workers`` CPUs; ``address="auto"`` or
``"ray://host:10001"`` joins a cluster.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from thucydides.config import Settings
from thucydides.errors import ConfigError
from thucydides.ingest import read
from thucydides.pipeline import CHUNK, Coder, chunked
from thucydides.types import Article, RawDocument, Rejected


class _Worker:
    """A Ray actor: loads the pipeline once, codes chunks."""

    def __init__(self, settings: Settings, today: date, skip: frozenset[str]) -> None:
        self.coder = Coder(settings, today=today, skip=skip)

    def code(self, chunk: list[RawDocument | Rejected]) -> list[Article | Rejected]:
        return self.coder.code_chunk(chunk)


def run_ray(inputs: Sequence[str], settings: Settings, *, workers: int = 2, address: str | None = None,
            today: date | None = None, skip: frozenset[str] = frozenset()) -> Iterator[Article | Rejected]:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ConfigError("the ray engine needs Ray: pip install 'thucydides[ray]'") from exc
    today = today or date.today()
    if not ray.is_initialized():
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "ignore_reinit_error": True}
        if address is None:
            os.environ.setdefault("RAY_AUTH_MODE", "disabled")  # a local, single-user Ray needs no token
            options["num_cpus"] = workers
        else:
            options["address"] = address
        ray.init(**options)
    remote = ray.remote(num_cpus=1)(_Worker)
    actors = [remote.remote(settings, today, skip) for _ in range(workers)]
    pending: deque[Any] = deque()
    try:
        for index, chunk in enumerate(chunked(read(inputs, settings), CHUNK)):
            pending.append(actors[index % workers].code.remote(chunk))
            if len(pending) >= workers * 2:
                yield from ray.get(pending.popleft())
        while pending:
            yield from ray.get(pending.popleft())
    finally:
        for actor in actors:
            ray.kill(actor)
