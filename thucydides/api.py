"""The Python API: ``thucydides.load()`` gives a :class:`Pipeline` that codes strings (docs/python.md).

A string goes through the same readers as a file given to ``thucydides code`` (``read_text``, or ``read_html``
when ``sniff`` judges it a page), so ``pipeline(text).to_json()`` is the record the command writes for that text
in a file, apart from ``input``, which names ``<python>`` (and the item's number in ``pipe``).

``__call__`` raises the :mod:`thucydides.errors` exception of any rejection (``EmptyInput``, ``BadValue``,
``NotEnglish`` ...). ``pipe`` never stops on one item: a bad or uncoded item is yielded as its
:class:`~thucydides.types.Rejected` record, in its place.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from thucydides import config
from thucydides.errors import (
    ALL_ERRORS,
    BadValue,
    EmptyInput,
    InputError,
    ReadFailed,
    ThucydidesError,
    UsageError,
)
from thucydides.ingest.detect import sniff
from thucydides.ingest.readers import read_html, read_text, rejected
from thucydides.batch.chunks import CHUNK, chunked
from thucydides.pipeline import Coder
from thucydides.structure.dates import parse_date
from thucydides.types import Article, InputRef, RawDocument, Rejected
from thucydides.workers import code_in_pool

__all__ = ["ITEM_KEYS", "Pipeline", "document", "error_for", "load"]

SOURCE = "<python>"  # the ``input.path`` of every article coded from Python
ITEM_KEYS = ("text", "published", "outlet", "url", "id")  # what a dict item of ``pipe`` may hold
_CONTAINERS = {  # formats that hold many records: not one article
    "jsonl": "JSON: give the record's fields as keyword arguments, or the record as a dict item of pipe()",
    "feed": "an RSS or Atom feed: code the file with `thucydides code`, or each item's text",
    "warc": "a WARC archive: code the file with `thucydides code`",
}
_ERRORS: dict[str, type[ThucydidesError]] = {cls.code: cls for cls in ALL_ERRORS}

Result = Article | Rejected


def load(config_file: str | os.PathLike[str] | config.Settings | None = None) -> Pipeline:
    """A pipeline with the spaCy model loaded: settings from ``config_file`` (a TOML file as for ``--config``,
    or :class:`~thucydides.config.Settings`), else the packaged defaults."""
    settings = config_file if isinstance(config_file, config.Settings) else config.load(config_file)
    return Pipeline(Coder(settings))


class Pipeline:
    """Codes articles given as strings: ``pipeline(text, ...)`` for one, ``pipeline.pipe(items)`` for many."""

    def __init__(self, coder: Coder) -> None:
        self.coder = coder

    @property
    def settings(self) -> config.Settings:
        return self.coder.settings

    def __repr__(self) -> str:
        return f"<thucydides.Pipeline model={self.settings.model or 'default'!r} today={self.coder.today}>"

    def __call__(self, text: str, *, published: str | date | None = None, outlet: str | None = None,
                 url: str | None = None, id: str | int | None = None) -> Article:
        """The coded :class:`Article` for one plain-text or HTML article; an input or article that cannot be
        coded raises its :class:`~thucydides.errors.ThucydidesError` subclass."""
        raw = document(text, InputRef(SOURCE), self.settings, published=published, outlet=outlet, url=url, id=id)
        [item] = self.coder.code_chunk([raw])
        if isinstance(item, Rejected):
            raise error_for(item)
        return item

    def pipe(self, items: Iterable[Any], *, workers: int = 1, batch_size: int = CHUNK,
             as_tuples: bool = False) -> Iterator[Any]:
        """Code ``items`` lazily, ``batch_size`` at a time, yielding one result per item in input order.

        An item is a string, or a dict with the keys of ``ITEM_KEYS`` (``text`` required); with ``as_tuples``
        every item is ``(item, context)`` and ``(result, context)`` comes back. A result is an :class:`Article`,
        or a :class:`Rejected` record for an item that could not be coded (its ``input.record`` is the item's
        number from 1). ``workers`` > 1 codes in that many processes, one model each, as ``--workers`` does.
        """
        for name, value in (("workers", workers), ("batch_size", batch_size)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise UsageError(f"pipe(): {name} must be a whole number of at least 1, not {value!r}")
        if isinstance(items, (str, bytes, Mapping)):
            raise UsageError(f"pipe() takes an iterable of items, not one {type(items).__name__}: "
                             "call the pipeline itself to code one article")
        pairs = (_item(number, item, as_tuples, self.settings) for number, item in enumerate(items, start=1))
        coded = self._local(pairs, batch_size) if workers == 1 else self._pool(pairs, workers, batch_size)
        return (pair if as_tuples else pair[0] for pair in coded)

    def _local(self, pairs: Iterator[tuple[RawDocument | Rejected, Any]], size: int) -> Iterator[tuple[Result, Any]]:
        for chunk in self._chunks(pairs, size):
            yield from zip(self.coder.code_chunk([doc for doc, _ in chunk]), (ctx for _, ctx in chunk), strict=True)

    def _chunks(self, pairs: Iterator[tuple[RawDocument | Rejected, Any]],
                size: int) -> Iterator[list[tuple[RawDocument | Rejected, Any]]]:
        """At most ``size`` items, and no more text than ``max_document_bytes`` (as ``thucydides code``)."""
        return chunked(pairs, size, chars=self.settings.max_document_bytes, weight=lambda pair: pair[0])

    def _pool(self, pairs: Iterator[tuple[RawDocument | Rejected, Any]], workers: int,
              size: int) -> Iterator[tuple[Result, Any]]:
        """The process pool of ``batch.engines.run``: one model per worker, at most two chunks per worker in flight, a
        dead worker replaced (``thucydides.workers``)."""
        chunks = (([doc for doc, _ in chunk], [ctx for _, ctx in chunk]) for chunk in self._chunks(pairs, size))
        pooled = code_in_pool(chunks, workers=workers, settings=self.settings, today=self.coder.today)
        try:
            for results, contexts in pooled:
                yield from zip(results, contexts, strict=True)
        finally:
            pooled.close()  # a caller that stops reading ends the workers at once


def _item(number: int, item: Any, as_tuples: bool, settings: config.Settings) -> tuple[RawDocument | Rejected, Any]:
    """One item of ``pipe`` as ``(raw document or rejection, context)``."""
    ref = InputRef(SOURCE, record=number)
    context = None
    try:
        if as_tuples:
            if not isinstance(item, tuple) or len(item) != 2:
                raise BadValue(f"with as_tuples=True an item is (article, context), not {_kind(item)}",
                               source=str(ref))
            item, context = item
        if isinstance(item, Mapping):
            unknown = sorted(repr(key) for key in item if key not in ITEM_KEYS)
            if unknown:
                raise BadValue(f"unknown key(s) {', '.join(unknown)}; an item may hold {', '.join(ITEM_KEYS)}",
                               source=str(ref))
            if "text" not in item:
                raise BadValue("the item has no 'text'", source=str(ref))
            meta = {key: value for key, value in item.items() if key != "text"}
            return document(item["text"], ref, settings, **meta), context
        return document(item, ref, settings), context
    except InputError as exc:
        return rejected(ref, exc), context
    except Exception as exc:  # noqa: BLE001 - a reader failing in a way no check foresaw costs this item only
        return rejected(ref, ReadFailed(f"reading stopped ({type(exc).__name__}: {exc})", source=str(ref))), context


def document(text: Any, ref: InputRef, settings: config.Settings, *, published: Any = None, outlet: Any = None,
             url: Any = None, id: Any = None) -> RawDocument:
    """``text`` (plain text or an HTML page) read as a file holding it would be, with the metadata given; an
    :class:`~thucydides.errors.InputError` naming what is wrong otherwise."""
    where = str(ref)
    if not isinstance(text, str):
        hint = {bytes: " (decode it first)", bytearray: " (decode it first)",
                tuple: " (an (article, context) pair needs pipe(..., as_tuples=True))"}.get(type(text), "")
        raise BadValue(f"the article must be a str, not {_kind(text)}{hint}", source=where)
    if not text.strip():
        raise EmptyInput("the text is empty", source=where)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadValue(f"a lone surrogate ({text[exc.start]!r}) at character {exc.start} is not Unicode text",
                       source=where) from None
    fmt = sniff(data)
    if fmt in _CONTAINERS:
        raise BadValue(f"the text looks like {_CONTAINERS[fmt]}", source=where)
    raw = read_html(data, ref, settings, declared="utf-8") if fmt == "html" else read_text(data, ref, settings)
    return replace(raw, published=_published(published, where), outlet=_text("outlet", outlet, where),
                   url=_text("url", url, where), id=_identifier(id, where))


def _kind(value: Any) -> str:
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _text(name: str, value: Any, where: str) -> str | None:
    """A metadata string; an empty one counts as not given (as in a JSON Lines record)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadValue(f"{name} must be a str, not {_kind(value)}", source=where)
    return value if value.strip() else None


def _identifier(value: Any, where: str) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text("id", value, where)


def _published(value: Any, where: str) -> str | None:
    """The date as the structure stage will read it: checked now, so that a bad one is an error, not a warning."""
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    if value is not None and not isinstance(value, str):
        raise BadValue(f"published must be a str or a date, not {_kind(value)}", source=where)
    stated = _text("published", value, where)
    if stated is None:
        return None
    try:
        parsed = parse_date(stated)
    except BadValue as exc:
        raise BadValue(f"published: {exc.message}", source=where) from None
    if parsed is None:
        raise BadValue(f"published is not a date: {stated!r} (use YYYY-MM-DD, or a full ISO timestamp)",
                       source=where)
    return stated


def error_for(item: Rejected) -> ThucydidesError:
    """The exception of a rejection: the class its code names, with its message and input."""
    return _ERRORS.get(item.code, ThucydidesError)(item.message, source=str(item.ref))
