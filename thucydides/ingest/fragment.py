"""A small HTML fragment (a feed item's description or content) to plain text, one paragraph per line."""

from __future__ import annotations

import html
import re

_BREAK = re.compile(r"<br\s*/?>", re.I)
_BLOCK = re.compile(r"</?(p|div|li|ul|ol|h[1-6]|blockquote|section|article|tr|table|figure|figcaption)\b[^>]*>", re.I)
_DROP = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]{0,2000}>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def fragment_to_text(fragment: str) -> str:
    """Tags removed, entities decoded, block elements and ``<br>`` turned into paragraph breaks."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    text = _DROP.sub(" ", _COMMENT.sub(" ", fragment))
    text = _BLOCK.sub("\n", _BREAK.sub("\n", text))
    text = html.unescape(_TAG.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
