"""JSON Lines (and JSON array) files: one record per line, each a document or a reported bad line.

A line that is not JSON, is nested too deep, holds an integer too long to read, or a field whose value cannot
be used (a number where text belongs, a timestamp out of range, ``NaN``) is reported with its line number and
the file goes on. Runs of blank lines are skipped in bulk, so a flood of them takes seconds, not minutes.
"""

from __future__ import annotations

import json
import math
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import IO, Any

from thucydides.config import Settings
from thucydides.errors import BadValue, EmptyInput, InputError, MalformedRecord, TruncatedInput
from thucydides.ingest.encoding import decode
from thucydides.ingest.readers import check_size, rejected
from thucydides.types import InputRef, RawDocument, Rejected

_BLANK = b" \t\r\n"


# --- field values ---------------------------------------------------------------------------------------

def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _text(name: str, value: Any, where: str) -> str | None:
    """A metadata text field: a string, a number as written (an outlet id), a list of names (authors), or an
    object with a name or title."""
    if isinstance(value, str):
        return value
    if _is_number(value) and math.isfinite(value):
        return json.dumps(value)
    if isinstance(value, list):
        parts = (_text(name, v, where) for v in value if v not in (None, "", []))
        return ", ".join(p for p in parts if p) or None
    if isinstance(value, dict):
        inner = value.get("name") or value.get("title")
        return _text(name, inner, where) if inner is not None else None
    raise BadValue(f"field {name!r} holds JSON {json.dumps(value)}, not text", source=where)


def _body(name: str, value: Any, where: str) -> str | None:
    """The article itself (text or HTML): a string, never a number read as one."""
    if isinstance(value, str):
        return value
    kind = "a number" if _is_number(value) else "JSON"
    raise BadValue(f"field {name!r} holds {kind} {json.dumps(value)[:80]}, not text", source=where)


def _date(name: str, value: Any, where: str) -> str | None:
    """A date field: a string as stated, or a Unix timestamp in seconds (milliseconds above 10^11)."""
    if not _is_number(value):
        return _text(name, value, where)
    if not math.isfinite(value):
        raise BadValue(f"field {name!r} holds {json.dumps(value)}, not a date", source=where)
    try:
        return datetime.fromtimestamp(value / 1000 if value > 1e11 else value, UTC).isoformat()
    except (OverflowError, OSError, ValueError) as exc:
        raise BadValue(f"field {name!r} holds {json.dumps(value)}, a Unix timestamp outside the years 1 to 9999",
                       source=where) from exc


def _identifier(name: str, value: Any, where: str) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value
    raise BadValue(f"field {name!r} holds {value!r}, not a string or integer", source=where)


_Convert = Callable[[str, Any, str], "str | None"]
_CONVERTERS: dict[str, _Convert] = {"id": _identifier, "published": _date, "text": _body, "html": _body}
# every other field is metadata text (_text)


def _field(record: dict[str, Any], names: Iterable[str], kind: str, where: str) -> str | None:
    """The first of ``names`` that ``record`` fills, converted for the field ``kind``."""
    for name in names:
        value = record.get(name)
        if value not in (None, "", []):
            return _CONVERTERS.get(kind, _text)(name, value, where)
    return None


def record_to_document(record: Any, ref: InputRef, settings: Settings) -> RawDocument:
    """One JSON object to a raw document, with field names from ``settings.jsonl_fields``."""
    where = str(ref)
    if not isinstance(record, dict):
        kind = {list: "array", str: "string", bool: "boolean"}.get(type(record), type(record).__name__)
        raise MalformedRecord(f"record is a JSON {kind}, not an object", source=where)
    fields = settings.jsonl_fields
    values = {kind: _field(record, fields[kind], kind, where) for kind in fields}
    text, page, headline = values.get("text"), values.get("html"), values.get("headline")
    if not (text and text.strip()) and not page and not headline:
        tried = ", ".join(fields["text"] + fields["html"] + fields["headline"])
        raise MalformedRecord(f"record has no text (tried fields: {tried}; map yours with --field text=NAME)",
                              source=where)
    return RawDocument(
        ref=ref, format="jsonl", text=text, html=page if not text else None, id=values.get("id"),
        headline=headline, dek=values.get("dek"), byline=values.get("byline"), published=values.get("published"),
        outlet=values.get("outlet"), url=values.get("url"), language=values.get("language"),
    )


# --- lines ----------------------------------------------------------------------------------------------

class _LongInteger(Exception):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def _integer(digits: str) -> int:
    limit = sys.get_int_max_str_digits()
    if limit and len(digits.lstrip("-")) > limit:
        raise _LongInteger(len(digits.lstrip("-")))
    return int(digits)


def parse_json(text: str, where: str, what: str = "line") -> Any:
    """``json.loads``, with every way it can fail as a :class:`MalformedRecord` naming ``where``."""
    try:
        return json.loads(text, parse_int=_integer)
    except RecursionError as exc:
        raise MalformedRecord(f"{what} is JSON nested too deep to read (more than about 1,000 levels)",
                              source=where) from exc
    except _LongInteger as exc:
        raise MalformedRecord(f"{what} holds an integer of {exc.digits:,} digits (at most "
                              f"{sys.get_int_max_str_digits():,} can be read)", source=where) from exc
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"{what} is not valid JSON ({exc.msg} at column {exc.colno})", source=where) from exc
    except ValueError as exc:
        raise MalformedRecord(f"{what} is not valid JSON ({exc})", source=where) from exc


def _skip_blank(stream: IO[bytes]) -> int:
    """Consume the blank lines (and leading blanks) at the stream's position, in bulk; the newlines passed."""
    newlines = 0
    while chunk := stream.peek(1 << 16):  # type: ignore[attr-defined]
        kept = chunk.lstrip(_BLANK)
        skip = len(chunk) - len(kept)
        if not skip:
            break
        newlines += chunk.count(b"\n", 0, skip)
        stream.read(skip)
        if kept:
            break
    return newlines


def _lines(stream: IO[bytes], path: str, limit: int) -> Iterator[tuple[int, bytes] | Rejected]:
    """``(line number, line)`` for each non-blank line, each held whole only up to ``limit`` + 1 bytes: a longer
    line (a minified dump with no newline) comes back as its first ``limit`` + 1 bytes, for the size check to
    reject, and the rest of it is skipped in 1 MB pieces, so memory stays bounded whatever the file holds."""
    number, bulk = 0, hasattr(stream, "peek")
    try:
        while True:
            number += _skip_blank(stream) if bulk else 0
            line = stream.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith(b"\n"):
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
            if line.strip():
                yield number, line
    except (EOFError, zlib.error, OSError) as exc:
        yield rejected(InputRef(path), TruncatedInput(f"stream ends early or is corrupt: {exc}", source=path))


def _line_document(raw: bytes, ref: InputRef, settings: Settings) -> RawDocument:
    check_size(raw, settings.max_document_bytes, "line", str(ref))
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        line, _, _ = decode(raw, source=str(ref))
    return record_to_document(parse_json(line, str(ref)), ref, settings)


def _is_array(stream: IO[bytes]) -> bool:
    """True for a JSON array file: it opens with ``[`` and its first line is not one whole record followed by
    more lines (a pretty-printed array, or an array on a single line). A first line nested too deep to parse
    is a bad line of a JSON Lines file: read as an array, the whole file would be lost with it."""
    head = stream.peek(1 << 16) if hasattr(stream, "peek") else b""  # type: ignore[attr-defined]
    body = head.lstrip(b"\xef\xbb\xbf" + _BLANK)
    if not body.startswith(b"["):
        return False
    first, newline, rest = body.partition(b"\n")
    if not newline:
        return True
    try:
        json.loads(first, parse_int=len)
    except RecursionError:
        return False
    except ValueError:
        return True
    return not rest.strip()


def read_jsonl(stream: IO[bytes], path: str, settings: Settings) -> Iterator[RawDocument | Rejected]:
    """Stream a JSON Lines file (or one JSON array); a bad line is reported with its number and skipped."""
    if _is_array(stream):
        yield from _read_json_array(stream, path, settings)
        return
    count = 0
    for item in _lines(stream, path, settings.max_document_bytes):
        if isinstance(item, Rejected):
            yield item
            return
        number, raw = item
        ref = InputRef(path, line=number)
        count += 1
        try:
            yield _line_document(raw, ref, settings)
        except InputError as exc:
            yield rejected(ref, exc)
    if count == 0:
        yield rejected(InputRef(path), EmptyInput("JSON Lines file has no records", source=path))


def _read_json_array(stream: IO[bytes], path: str, settings: Settings) -> Iterator[RawDocument | Rejected]:
    data = stream.read(settings.max_container_bytes + 1)
    try:
        check_size(data, settings.max_container_bytes, "JSON file", path)
        records = parse_json(decode(data, source=path)[0], path, "file")
    except InputError as exc:
        yield rejected(InputRef(path), exc)
        return
    for number, record in enumerate(records if isinstance(records, list) else [records], start=1):
        ref = InputRef(path, record=number)
        try:
            yield record_to_document(record, ref, settings)
        except InputError as exc:
            yield rejected(ref, exc)
