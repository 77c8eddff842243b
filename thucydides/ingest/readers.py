"""One reader per container format; each yields ``RawDocument`` or ``Rejected`` and never stops the batch.

``read_text`` and ``read_html`` take one document's bytes; ``read_feed`` and ``read_warc`` (and
``read_jsonl`` in ``jsonl.py``) stream the records of a container and report a bad record with its line or
record number.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, Any

from thucydides.config import Settings
from thucydides.errors import (
    EmptyInput,
    InputError,
    InputTooLarge,
    MalformedFeed,
    MalformedRecord,
    MalformedWarc,
    ThucydidesError,
)
from thucydides.ingest.encoding import decode
from thucydides.ingest.fragment import fragment_to_text
from thucydides.types import InputRef, RawDocument, Rejected


def rejected(ref: InputRef, error: ThucydidesError, stage: str = "ingest") -> Rejected:
    return Rejected(ref=ref, stage=stage, code=error.code, reason=error.reason, message=error.message)


def check_size(data: bytes, limit: int, what: str, source: str) -> None:
    if len(data) > limit:
        raise InputTooLarge(f"{what} is larger than the {limit:,}-byte limit (max_document_bytes)", source=source)


def read_text(data: bytes, ref: InputRef, settings: Settings) -> RawDocument:
    check_size(data, settings.max_document_bytes, "document", ref.path)
    text, _encoding, warnings = decode(data, source=ref.path)
    if not text.strip():
        raise EmptyInput("input holds only whitespace", source=ref.path)
    return RawDocument(ref=ref, format="text", text=text, warnings=tuple(warnings))


def read_html(data: bytes, ref: InputRef, settings: Settings, *, declared: str | None = None,
              url: str | None = None, fmt: str = "html", fetched: str | None = None) -> RawDocument:
    check_size(data, settings.max_document_bytes, "page", ref.path)
    page, _encoding, warnings = decode(data, declared=declared, source=str(ref))
    if not page.strip():
        raise EmptyInput("page is empty", source=str(ref))
    notes = tuple(warnings) + ((f"fetched: {fetched}",) if fetched else ())
    return RawDocument(ref=ref, format=fmt, html=page, url=url, warnings=notes)


# --- RSS / Atom -------------------------------------------------------------------------------------------

def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    return entry.get("published") or entry.get("updated")


def _feed_outlet(title: str | None) -> str | None:
    """The outlet in a feed title: "Reuters: World News" and "Meridian Wire - World News" name their outlet first."""
    if not title:
        return None
    return re.split(r"\s+[-|–—]\s+|:\s+", title.strip(), maxsplit=1)[0].strip() or title.strip()


def read_feed(data: bytes, path: str, settings: Settings) -> Iterator[RawDocument | Rejected]:
    """Each item of an RSS or Atom feed as a document, from its full content or else its summary."""
    import feedparser  # imported late: only feeds need it

    try:
        check_size(data, settings.max_container_bytes, "feed", path)
        parsed = feedparser.parse(data)
        if not parsed.entries:
            if parsed.get("bozo") and not parsed.feed:
                problem = parsed.get("bozo_exception")
                raise MalformedFeed(f"not an RSS or Atom feed ({problem})", source=path)
            raise EmptyInput("feed has no items", source=path)
    except InputError as exc:
        yield rejected(InputRef(path), exc)
        return
    outlet = _feed_outlet(parsed.feed.get("title"))
    broken = bool(parsed.get("bozo")) and "SAX" in type(parsed.get("bozo_exception")).__name__
    if broken:
        yield rejected(InputRef(path), MalformedFeed(
            f"feed is not well-formed XML ({parsed.get('bozo_exception')}); items with text were still read",
            source=path))
    for number, entry in enumerate(parsed.entries, start=1):
        ref = InputRef(path, record=number)
        content = entry.get("content") or []
        body = max((c.get("value", "") for c in content), key=len, default="") or entry.get("summary", "")
        text = fragment_to_text(body)
        title = fragment_to_text(entry.get("title", "")) or None
        if not text and not title:
            if broken:
                continue  # an empty item is an artefact of the broken XML, already reported
            yield rejected(ref, MalformedRecord("feed item has neither title nor content", source=str(ref)))
            continue
        yield RawDocument(
            ref=ref, format="feed", text=text or None, id=entry.get("id"), headline=title,
            byline=(entry.get("author_detail") or {}).get("name") or entry.get("author"),
            published=_entry_date(entry), outlet=outlet, url=entry.get("link"),
            language=parsed.feed.get("language"),
        )


# --- WARC -------------------------------------------------------------------------------------------------

class _CutRecord(Exception):
    """A WARC record whose payload ends before its Content-Length."""


def read_warc(stream: IO[bytes], path: str, settings: Settings) -> Iterator[RawDocument | Rejected]:
    """HTML ``response`` (and ``resource``) records of a WARC or WARC.gz; a cut record ends the file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number, html_records = 0, 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type not in ("response", "resource"):
                continue
            if record.rec_type == "response":
                ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
            else:
                ctype = record.rec_headers.get_header("Content-Type")
            if not ctype or "html" not in ctype.lower():
                continue
            html_records += 1
            ref = InputRef(path, record=number)
            charset = ctype.lower().partition("charset=")[2]
            declared = charset.split(";")[0].strip() or None
            payload = record.content_stream().read(settings.max_document_bytes + 1)
            missing = getattr(record.raw_stream, "limit", 0)
            if len(payload) <= settings.max_document_bytes and isinstance(missing, int) and missing > 0:
                raise _CutRecord(f"record {number} ends {missing} bytes before its declared length")
            try:
                yield read_html(payload, ref, settings, declared=declared, fmt="warc",
                                url=record.rec_headers.get_header("WARC-Target-URI"),
                                fetched=record.rec_headers.get_header("WARC-Date"))
            except InputError as exc:
                yield rejected(ref, exc)
    except _CutRecord as exc:
        ref = InputRef(path, record=number)
        yield rejected(ref, MalformedWarc(f"WARC {exc}; the records before it were read", source=str(ref)))
        return
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        ref = InputRef(path, record=number + 1)
        yield rejected(ref, MalformedWarc(f"WARC record {number + 1} is cut or corrupt ({exc}); "
                                          f"{number} records before it were read", source=str(ref)))
        return
    if number == 0:
        yield rejected(InputRef(path), MalformedWarc("no WARC records found", source=path))
    elif html_records == 0:
        yield rejected(InputRef(path), EmptyInput(f"none of the {number} WARC records is an HTML page",
                                                  source=path))
