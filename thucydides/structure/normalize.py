"""Text cleaning before any offset is taken: the cleaned text is the article's ``text``.

Removed: soft hyphens, zero-width characters, control characters, stray bullet characters left after a
sentence (the ``·`` after ``said.``), HTML entities left in plain text (decoded). Unified: line endings,
non-breaking and other odd spaces, runs of spaces, trailing spaces. Kept as written: quotes (straight, curly,
guillemets) and dashes; later stages read all their variants.
"""

from __future__ import annotations

import html
import re

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BULLETS = "·•∙●▪■◆◇►▶★☆♦▫◦‣⁃"
# A bullet after sentence-final punctuation or alone between spaces, or a bullet-only line.
_STRAY = re.compile(rf"(?<=[.!?\"'”’)\]»])[ ]*[{_BULLETS}]+(?=[ ]|\n|$)"
                    rf"|(?<=[ ])[{_BULLETS}]+(?=[ ]|\n|$)"
                    rf"|^[ ]*[{_BULLETS}]+[ ]*$", re.MULTILINE)
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});")


def clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _STRAY.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n ")
