"""Which reader a document needs, judged from its first bytes (content first, file extension second)."""

from __future__ import annotations

import json
import re

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


def sniff(head: bytes, name: str = "") -> str:
    """The format of a (decompressed) document whose first bytes are ``head``."""
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
        first_line = body.split(b"\n", 1)[0].strip()
        try:
            value = json.loads(first_line)
        except ValueError:
            value = None
        if isinstance(value, (dict, list)) or hint == "jsonl":
            return "jsonl"
    if hint in ("jsonl", "html", "feed", "warc") and not body.strip():
        return hint
    return "text"
