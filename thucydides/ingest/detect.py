"""Which reader a document needs, judged from its first complete record (content first, extension second).

``first_record`` reads the head of a stream, up to the end of its first line when the stream opens like
JSON however long that line is, and hands back a stream that reads those bytes again; ``sniff`` judges it.
"""

from __future__ import annotations

import io
import json
import re
from typing import IO

from thucydides.ingest.encoding import utf16_guess

FORMATS = ("text", "html", "jsonl", "feed", "warc")

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_MARK = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(p|div|article|meta)[\s>/]", re.I)
_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".arc": "warc",
}


def _strip_bom(head: bytes) -> bytes:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            return head[len(bom):]
    return head


def extension_hint(name: str) -> str | None:
    lower = name.lower()
    for suffix in (".gz", ".bz2"):
        if lower.endswith(suffix):
            lower = lower[: -len(suffix)]
    for ext, fmt in _EXTENSIONS.items():
        if lower.endswith(ext):
            return fmt
    return None


_HEAD = 8192  # bytes enough to tell HTML, a feed or a WARC from text


class _Replay(io.RawIOBase):
    """``prefix`` (bytes already read from ``rest``), then the rest of the stream."""

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        self._prefix, self._rest, self._offset = prefix, rest, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._offset < len(self._prefix):
            piece = self._prefix[self._offset:self._offset + len(buffer)]
        else:
            read = getattr(self._rest, "read1", self._rest.read)
            piece = read(len(buffer))
        buffer[:len(piece)] = piece
        self._offset += len(piece)
        return len(piece)

    def tell(self) -> int:
        return self._offset


def _opens_like_json(head: bytes) -> bool:
    return _strip_bom(head).lstrip()[:1] in (b"{", b"[")


def first_record(stream: IO[bytes], limit: int) -> tuple[bytes, IO[bytes]]:
    """The head of ``stream`` for ``sniff``, and a stream that reads it again.

    The head is the first 8 KB (less at the end of the stream); when the stream opens like JSON it reaches
    the end of the first line instead, however long (up to ``limit`` bytes), so that a JSON Lines stream whose
    first record is larger than any fixed prefix is still judged from a whole record. A JSON line is ready
    as soon as it ends: a slow pipe is not waited on for more.
    """
    read = getattr(stream, "read1", stream.read)
    head = b""
    while len(head) < _HEAD:
        chunk = read(_HEAD - len(head))
        if not chunk:
            break
        head += chunk
        if _opens_like_json(head) and b"\n" in _strip_bom(head).lstrip():
            break
    if _opens_like_json(head) and b"\n" not in _strip_bom(head).lstrip():
        head += stream.readline(max(limit + 1 - len(head), 1))
    replay = io.BufferedReader(_Replay(head, stream), buffer_size=max(len(head), 1 << 16))
    return head, replay  # type: ignore[return-value]


def _json_value(line: bytes) -> object:
    """The JSON value of ``line``, ``...`` for one nested too deep to parse (still JSON), ``None`` if not JSON."""
    try:
        return json.loads(line, parse_int=len)  # len: an integer of any length is still JSON here
    except RecursionError:
        return ...
    except ValueError:
        return None


def sniff(head: bytes, name: str = "") -> str:
    """The format of a (decompressed) document whose first bytes are ``head``."""
    codec = utf16_guess(head)
    if codec:  # UTF-16 without a byte-order mark: judge the characters, not the bytes
        head = head[:len(head) // 2 * 2].decode(codec, "replace").encode("utf-8")
    body = _strip_bom(head).lstrip()
    if body.startswith(b"WARC/"):
        return "warc"
    hint = extension_hint(name)
    if body.startswith(b"<"):
        if _FEED_ROOT.search(body[:4096]) and not re.search(rb"<html[\s>]", body[:4096], re.I):
            return "feed"
        if _HTML_MARK.search(body[:8192]):
            return "html"
        if body.startswith(b"<?xml"):
            return "feed" if hint == "feed" else ("html" if hint == "html" else "feed")
    if body.startswith((b"{", b"[")):
        value = _json_value(body.split(b"\n", 1)[0].strip())
        if isinstance(value, (dict, list)) or value is ... or hint == "jsonl":
            return "jsonl"
    if hint in ("jsonl", "html", "feed", "warc") and not body.strip():
        return hint
    return "text"
