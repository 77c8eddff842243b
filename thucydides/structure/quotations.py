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
    return [(a, b) for a, b in spans if text[a:b].strip()]
