"""Chunks of a batch: the articles coded together (one worker task), bounded in number and in characters, and
a stream that stops between them when the run is interrupted."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from thucydides.types import RawDocument

CHUNK = 32  # articles per chunk (coded together; one worker task), fewer when they hold much text (chunked)


def chunked(items: Iterable[Any], size: int, *, chars: int | None = None,
            weight: Callable[[Any], int] | None = None) -> Iterator[list[Any]]:
    """Lists of at most ``size`` items. With ``chars``, a chunk is also closed before a document would take its
    text past ``chars`` characters (a longer document goes alone), so that the articles coded together, and
    the memory they take, are bounded by ``max_document_bytes`` and not by 32 times it. ``weight`` gives the
    document of an item (default: the item itself)."""
    chunk: list[Any] = []
    held = 0
    for item in items:
        if chars is not None:
            length = document_chars(weight(item) if weight else item)
            if chunk and held + length > chars:
                yield chunk
                chunk, held = [], 0
            held += length
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def document_chars(item: Any) -> int:
    """The characters of text (or HTML) a raw document holds; 0 for anything else (a rejection)."""
    if isinstance(item, RawDocument):
        return len(item.text or "") + len(item.html or "")
    return 0


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


