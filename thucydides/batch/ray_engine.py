"""Run the coding pipeline on a Ray cluster: one actor per worker, each holding one loaded spaCy model.

The driver streams the inputs in chunks (never the whole corpus in memory), sends each chunk to the next
actor, and yields the results in input order, exactly as the local engine does; the caller writes them to
the store. ``address=None`` starts a local Ray with ``workers`` CPUs; ``address="auto"`` or
``"ray://host:10001"`` joins a cluster.

``parquet_out=DIR``: each actor also writes the events of every chunk it codes to a Parquet shard
``DIR/<prefix>part-<chunk>.parquet`` (the columns of ``thucydides export --format parquet``; chunks without
events write no shard), in parallel and without a trip through the store. A shard is written under a
temporary name and renamed, so a killed run leaves only whole shards. On a cluster ``DIR`` must be a path
every node can write (a shared file system), and the nodes need pyarrow (the ``parquet`` extra).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

from thucydides.config import Settings
from thucydides.errors import ConfigError
from thucydides.ingest import read
from thucydides.batch.chunks import CHUNK, chunked, until_stopped
from thucydides.pipeline import Coder
from thucydides.types import Article, RawDocument, Rejected


class _Worker:
    """A Ray actor: loads the pipeline once, codes chunks."""

    def __init__(self, settings: Settings, today: date, skip: frozenset[str]) -> None:
        self.coder = Coder(settings, today=today, skip=skip)

    def code(self, chunk: list[RawDocument | Rejected], shard: str | None = None) -> list[Article | Rejected]:
        coded = self.coder.code_chunk(chunk)
        if shard is not None:
            write_shard(coded, shard)
        return coded


def write_shard(coded: Sequence[Article | Rejected], path: str) -> int:
    """The events of a coded chunk as one Parquet file (none when the chunk has no event); the row count."""
    from thucydides.store.query import article_event_rows, write_parquet

    rows = [row for item in coded if isinstance(item, Article) for row in article_event_rows(item)]
    return write_parquet(rows, path) if rows else 0


def shard_path(folder: str, prefix: str, index: int) -> str:
    return os.path.join(folder, f"{prefix}part-{index:06d}.parquet")


def run_ray(inputs: Sequence[str], settings: Settings, *, workers: int = 2, address: str | None = None,
            today: date | None = None, skip: frozenset[str] = frozenset(), parquet_out: str | None = None,
            shard_prefix: str = "", stop: Callable[[], bool] | None = None) -> Iterator[Article | Rejected]:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ConfigError("the ray engine needs Ray: pip install 'thucydides[ray]'") from exc
    if parquet_out is not None:
        from thucydides.store.query import pyarrow_modules

        try:
            pyarrow_modules()
        except ImportError as exc:
            raise ConfigError(str(exc)) from exc
        os.makedirs(parquet_out, exist_ok=True)
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
        chunks = chunked(read(inputs, settings), CHUNK, chars=settings.max_document_bytes)
        for index, chunk in enumerate(until_stopped(chunks, stop)):
            shard = shard_path(parquet_out, shard_prefix, index) if parquet_out is not None else None
            pending.append(actors[index % workers].code.remote(chunk, shard))
            if len(pending) >= workers * 2:
                yield from ray.get(pending.popleft())
        while pending:
            yield from ray.get(pending.popleft())
    finally:
        for actor in actors:
            ray.kill(actor)
