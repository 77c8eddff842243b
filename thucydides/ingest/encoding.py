"""Bytes to text: byte-order mark, then declared charset, then UTF-8, then a detector, then a fallback."""

from __future__ import annotations

import codecs
import re

from thucydides.errors import BinaryInput, DecodeFailed, EmptyInput

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)
_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration states in the first 4 KB, if it names a known codec."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").strip().lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def utf16_guess(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for text in UTF-16 without a byte-order mark: mostly Latin characters leave
    a NUL byte in one half of every pair and almost none in the other."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs < 8 or any(sample.startswith(bom) for bom, _ in _BOMS):
        return None
    even, odd = sample[0:pairs * 2:2].count(0), sample[1:pairs * 2:2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _utf16(data: bytes) -> tuple[str, str] | None:
    """``(text, codec)`` for UTF-16 without a byte-order mark that decodes to text; else ``None``."""
    codec = utf16_guess(data)
    if codec is None or len(data) % 2:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for char in text[:4096] if ord(char) in _CONTROL)
    return (text, codec) if controls <= 0.05 * max(len(text[:4096]), 1) else None


def looks_binary(data: bytes) -> bool:
    """True for bytes no text format would hold: NUL bytes or many control characters (no UTF-16/32 BOM)."""
    sample = data[:8192]
    if not sample or any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls / len(sample) > 0.05


_CYRILLIC = frozenset({"cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic"})


def _latin_guess(encoding: str | None) -> bool:
    """True when the detector guessed a single-byte Latin code page, or nothing at all."""
    if not encoding:
        return True
    if encoding in _CYRILLIC:
        return False
    return encoding in ("latin_1", "ascii") or encoding.startswith(("iso8859", "cp125", "mac"))


def decode(data: bytes, *, declared: str | None = None, source: str | None = None) -> tuple[str, str, list[str]]:
    """Decode ``data`` and return ``(text, encoding, warnings)``.

    Order: a byte-order mark; the ``declared`` charset (HTTP header) or one the document declares; strict
    UTF-8; charset-normalizer's guess; Windows-1252 with replacement characters (warned).
    """
    if not data.strip():
        raise EmptyInput("input is empty", source=source)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name), name, []
            except UnicodeDecodeError as exc:
                raise DecodeFailed(f"byte-order mark says {name} but the bytes are not: {exc.reason}",
                                   source=source) from exc
    utf16 = _utf16(data)
    if utf16 is not None:
        return utf16[0], utf16[1], [f"encoding-guessed: {utf16[1]} (no byte-order mark)"]
    if looks_binary(data):
        raise BinaryInput("input is binary, not text (NUL or control bytes)", source=source)
    warnings: list[str] = []
    for name in (declared, declared_charset(data)):
        if not name:
            continue
        try:
            return data.decode(name), codecs.lookup(name).name, warnings
        except (UnicodeDecodeError, LookupError):
            warnings.append(f"encoding-mismatch: declared {name} does not decode the bytes")
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported late: only needed for non-UTF-8 input

    best = from_bytes(data[:200_000]).best()
    if _latin_guess(best.encoding if best is not None else None):
        try:  # English news in a single-byte Latin code page: Windows-1252 is the usual one
            text = data.decode("cp1252")
            warnings.append("encoding-guessed: cp1252 (not UTF-8, no charset declared)")
            return text, "cp1252", warnings
        except UnicodeDecodeError:
            pass
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
            warnings.append(f"encoding-guessed: {best.encoding}")
            return text, best.encoding, warnings
        except (UnicodeDecodeError, LookupError):
            pass
    warnings.append("encoding-fallback: cp1252 with replacement characters")
    return data.decode("cp1252", errors="replace"), "cp1252", warnings
