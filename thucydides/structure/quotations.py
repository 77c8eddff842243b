"""Quotations: the spans of an article's text inside quotation marks, one definition for every stage that asks
(the coreference resolver leaves quoted people alone; the attribution stage reads quotes as claims)."""

from __future__ import annotations

from thucydides.types import Article

OPEN = "\"“«„"
CLOSE = "\"”»“"


def quotation_spans(article: Article) -> list[tuple[int, int]]:
    """Spans inside quotation marks, in text order and never nested; an unclosed quotation ends with its
    paragraph; a paragraph opening with a mark after an unclosed one continues it (wire style for quotes over
    several paragraphs)."""
    text = article.text
    spans: list[tuple[int, int]] = []
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(text))]
    for start, end in paragraphs:
        k, open_at = start, None
        while k < end:
            char = text[k]
            if open_at is None and char in OPEN and (k == start or not text[k - 1].isalnum()):
                open_at = k + 1
            elif open_at is not None and char in CLOSE and (k + 1 >= end or not text[k + 1].isalnum()):
                if k > open_at:
                    spans.append((open_at, k))
                open_at = None
            k += 1
        if open_at is not None and end - open_at > 1:
            stop = end - 1 if text[end - 1] in CLOSE else end
            spans.append((open_at, stop))
    double = [(a, b) for a, b in spans if text[a:b].strip()]
    return sorted(double + _single_quoted(text, paragraphs, double))


# Single quotation marks, as UPI and the British press use them for speech ('We will win,' he said). An apostrophe
# inside a word ("don't", "Kyiv's") never opens or closes; a quotation needs at least this many words.
SINGLE_OPEN = "'‘"
SINGLE_CLOSE = "'’"
_SINGLE_MIN_WORDS = 3
_BEFORE_OPEN = " \t\n(:—–-"


def _single_quoted(text: str, paragraphs: list[tuple[int, int]],
                   double: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans inside single quotation marks that lie outside every double-quoted span (a quotation inside a
    quotation is part of it): opened before a letter after a space, a colon or a dash, closed after a non-space
    before a space or punctuation; unclosed, it ends with its paragraph, as double quotes do."""
    out: list[tuple[int, int]] = []
    inside = bytearray(len(text) + 1)  # 1 at every character of a double-quoted span, its marks included
    for a, b in double:
        inside[max(a - 1, 0):b + 1] = b"\x01" * (b + 1 - max(a - 1, 0))
    for start, end in paragraphs:
        k, open_at = start, None
        while k < end:
            char = text[k]
            if inside[k]:
                open_at = None
            elif open_at is None and char in SINGLE_OPEN and (k == start or text[k - 1] in _BEFORE_OPEN) and \
                    k + 1 < end and text[k + 1].isalpha():
                open_at = k + 1
            elif open_at is not None and char in SINGLE_CLOSE and not text[k - 1].isspace() and \
                    (k + 1 >= end or not text[k + 1].isalnum()):
                if len(text[open_at:k].split()) >= _SINGLE_MIN_WORDS:
                    out.append((open_at, k))
                open_at = None  # (a shorter one is an ironic or partial mark: closed, not kept)
            k += 1
        if open_at is not None and len(text[open_at:end].split()) >= _SINGLE_MIN_WORDS:
            stop = end - 1 if text[end - 1] in SINGLE_CLOSE else end
            out.append((open_at, stop))
    return out
