"""Paragraph spans of a cleaned text.

Blank lines separate paragraphs when the text has them; else an indented line starts one (hard-wrapped wire
copy such as Reuters-21578); else every line is a paragraph (one paragraph per line, as in the seed).
"""

from __future__ import annotations

import re

from thucydides.types import Span


def split_paragraphs(text: str) -> tuple[Span, ...]:
    if "\n\n" in text:
        breaks = re.compile(r"\n\n+")
    elif len(re.findall(r"\n[ \t]+\S", text)) >= 2:
        breaks = re.compile(r"\n(?=[ \t]+\S)")
    else:
        breaks = re.compile(r"\n+")
    spans: list[Span] = []
    position = 0
    for match in breaks.finditer(text):
        spans.append(Span(position, match.start()))
        position = match.end()
    spans.append(Span(position, len(text)))
    out = []
    for span in spans:
        chunk = text[span.start:span.end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if chunk.strip():
            out.append(Span(span.start + lead, span.end - trail))
    return tuple(out)
