"""Read inputs of any supported format into raw documents.

``read(inputs, settings)`` expands files, directories, globs and ``-``; detects each file's format from
its first complete record (gzip-wrapped or not), unless ``settings.input_format`` declares it; and yields
:class:`RawDocument` values, or :class:`Rejected` records for what cannot be read. Nothing here stops the
batch: a reader that fails in a way no check foresaw costs the rest of that input only (``T112``).
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator, Sequence
from typing import IO

from thucydides.config import Settings
from thucydides.errors import InputError, InputTooLarge, ReadFailed, TruncatedInput, UnreadableInput
from thucydides.ingest.detect import first_record, sniff
from thucydides.ingest.jsonl import read_jsonl
from thucydides.ingest.readers import read_feed, read_html, read_text, read_warc, rejected
from thucydides.ingest.sources import STDIN, Source, expand
from thucydides.types import InputRef, RawDocument, Rejected

__all__ = ["read", "read_source", "read_bytes"]

_GZIP_MAGIC = b"\x1f\x8b"


def read(inputs: Sequence[str], settings: Settings) -> Iterator[RawDocument | Rejected]:
    for source in expand(inputs):
        if source.problem:
            yield rejected(InputRef(source.name), source.problem)
            continue
        yield from _guarded(read_source(source, settings), source.name)


def _guarded(documents: Iterator[RawDocument | Rejected], name: str) -> Iterator[RawDocument | Rejected]:
    """``documents``, and a ``T112 read-failed`` record instead of any exception a reader lets out."""
    count = 0
    try:
        for document in documents:
            count += 1
            yield document
    except Exception as exc:  # noqa: BLE001 - one input's failure is that input's record, never the batch's
        where = f"after {count} record(s); the rest of it was not read" if count else "nothing was read from it"
        yield rejected(InputRef(name), ReadFailed(f"reading stopped ({type(exc).__name__}: {exc}); {where}",
                                                  source=name))


def read_source(source: Source, settings: Settings) -> Iterator[RawDocument | Rejected]:
    name = source.name
    try:
        if source.path == STDIN:
            # streamed, never read whole: a corpus piped in (zcat corpus.jsonl.gz | thucydides code -) stays flat
            stdin = sys.stdin.buffer
            raw: IO[bytes] = stdin if hasattr(stdin, "peek") else io.BufferedReader(stdin)  # type: ignore[arg-type]
        else:
            raw = open(source.path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield rejected(InputRef(name), UnreadableInput(exc.strerror or str(exc), source=name))
        return
    with raw:
        yield from _read_stream(raw, name, settings)


def read_bytes(data: bytes, name: str, settings: Settings) -> Iterator[RawDocument | Rejected]:
    """Read an in-memory document or container (used by the API and by tests)."""
    yield from _read_stream(io.BufferedReader(io.BytesIO(data)), name, settings)  # type: ignore[arg-type]


def _read_stream(raw: IO[bytes], name: str, settings: Settings) -> Iterator[RawDocument | Rejected]:
    limit = settings.max_document_bytes
    try:
        magic = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
        if magic == _GZIP_MAGIC:
            inner: IO[bytes] = io.BufferedReader(gzip.GzipFile(fileobj=raw))  # type: ignore[arg-type]
            head, stream = first_record(inner, limit)
            fmt = settings.input_format or sniff(head, name)
            if fmt == "warc":  # warcio reads gzip members itself; a pipe cannot rewind: give it the inflated stream
                if raw.seekable():
                    raw.seek(0)
                    yield from read_warc(raw, name, settings)
                else:
                    yield from read_warc(stream, name, settings)
                return
        else:
            head, stream = first_record(raw, limit)
            fmt = settings.input_format or sniff(head, name)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield rejected(InputRef(name), TruncatedInput(f"gzip stream is cut or corrupt ({exc})", source=name))
        return
    except OSError as exc:
        yield rejected(InputRef(name), UnreadableInput(str(exc), source=name))
        return
    if fmt == "jsonl":
        yield from read_jsonl(stream, name, settings)
    elif fmt == "warc":
        yield from read_warc(stream, name, settings)
    else:
        try:
            data = _read_whole(stream, name, settings, fmt)
            if fmt == "feed":
                yield from read_feed(data, name, settings)
            elif fmt == "html":
                yield read_html(data, InputRef(name), settings)
            else:
                yield read_text(data, InputRef(name), settings)
        except InputError as exc:
            yield rejected(InputRef(name), exc)


def _read_whole(stream: IO[bytes], name: str, settings: Settings, fmt: str) -> bytes:
    limit = settings.max_container_bytes if fmt == "feed" else settings.max_document_bytes
    try:
        data = stream.read(limit + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise TruncatedInput(f"gzip stream is cut or corrupt ({exc})", source=name) from exc
    if len(data) > limit:
        raise InputTooLarge(f"{fmt} input is larger than the {limit:,}-byte limit", source=name)
    return data
