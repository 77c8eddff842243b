"""Read inputs of any supported format into raw documents.

``read(inputs, settings)`` expands files, directories, globs and ``-``; detects each file's format from
its content (gzip-wrapped or not); and yields :class:`RawDocument` values, or :class:`Rejected` records for
what cannot be read. Nothing here stops the batch.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator, Sequence
from typing import IO

from thucydides.config import Settings
from thucydides.errors import InputError, InputTooLarge, TruncatedInput, UnreadableInput
from thucydides.ingest.detect import sniff
from thucydides.ingest.readers import read_feed, read_html, read_jsonl, read_text, read_warc, rejected
from thucydides.ingest.sources import STDIN, Source, expand
from thucydides.types import InputRef, RawDocument, Rejected

__all__ = ["read", "read_source", "read_bytes"]

_GZIP_MAGIC = b"\x1f\x8b"


def read(inputs: Sequence[str], settings: Settings) -> Iterator[RawDocument | Rejected]:
    for source in expand(inputs):
        if source.error:
            yield rejected(InputRef(source.path), UnreadableInput(source.error, source=source.path))
            continue
        yield from read_source(source, settings)


def read_source(source: Source, settings: Settings) -> Iterator[RawDocument | Rejected]:
    name = "<stdin>" if source.path == STDIN else source.path
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
    try:
        head = raw.peek(65536)[:65536] if hasattr(raw, "peek") else b""
        if head.startswith(_GZIP_MAGIC):
            inner: IO[bytes] = io.BufferedReader(gzip.GzipFile(fileobj=raw))  # type: ignore[arg-type]
            inner_head = inner.peek(65536)[:65536]
            fmt = sniff(inner_head, name)
            if fmt == "warc":  # warcio reads gzip members itself; a pipe cannot rewind: give it the inflated stream
                if raw.seekable():
                    raw.seek(0)
                    yield from read_warc(raw, name, settings)
                else:
                    yield from read_warc(inner, name, settings)
                return
            stream = inner
        else:
            stream, fmt = raw, sniff(head, name)
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
