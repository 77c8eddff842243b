"""Framing flags: what the text's wording adds beyond the facts it reports.

Four kinds, each with offsets and a one-line note:

- ``euphemism`` / ``loaded-term`` / ``distancing``: phrases of the lexicon ``data/attribution/framing.tsv``
  ("special military operation", "Kiev regime", "supposedly");
- ``editorial-insertion``: a relaying outlet's own words inside the text: "(Kiev - TASS)", "[sic]", "(ed.)";
- ``loaded-quote``: one to four words in quotation marks inside a sentence, a claim the writer attributes
  without adopting it ("acting under 'external orders'"). Longer quotations are quotes, not framing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from thucydides.errors import DictionaryError
from thucydides.structure.resources import agencies
from thucydides.tables import packaged, rows
from thucydides.types import Article, Framing

KINDS = frozenset({"euphemism", "loaded-term", "distancing"})
_QUOTE = re.compile(r"[\"“”«]([^\"“”«»\n]{1,60})[\"“”»]")
_SIC = re.compile(r"[\[(](?:sic|ed\.?|editor's note)[\])]", re.I)


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str
    pattern: re.Pattern[str]
    note: str


@cache
def lexicon() -> tuple[_Entry, ...]:
    out = []
    for where, cells in rows(packaged("attribution", "framing.tsv"), 4):
        kind, phrase, note, _source = cells
        if kind not in KINDS:
            raise DictionaryError(f"unknown framing kind {kind!r}", source=where)
        words = r"\s+".join(re.escape(w) for w in phrase.split())  # a hyphen stays a hyphen: not "would be"
        out.append(_Entry(kind, re.compile(rf"(?<![\w-]){words}(?![\w-])", re.I), note))
    return tuple(out)


@cache
def _insertion() -> re.Pattern[str]:
    names = sorted({re.escape(a.form) for a in agencies().values()} | {re.escape(a.name) for a in agencies().values()},
                   key=len, reverse=True)
    # "(Kiev - TASS)", "(Kyiv — Reuters)": a place glossed by the relaying agency
    return re.compile(rf"\(([A-Z][\w'. -]{{1,40}}?)\s+[-–—]\s+(?:{'|'.join(names)})\)")


def framing(article: Article) -> tuple[Framing, ...]:
    """Every framing flag in the article's text, in text order."""
    text = article.text
    found: list[Framing] = []
    for entry in lexicon():
        for match in entry.pattern.finditer(text):
            found.append(Framing(match.group(0), match.start(), match.end(), entry.kind, entry.note))
    for match in _insertion().finditer(text):
        found.append(Framing(match.group(0), match.start(), match.end(), "editorial-insertion",
                             "a gloss the relaying outlet inserted into the text it relays"))
    for match in _SIC.finditer(text):
        found.append(Framing(match.group(0), match.start(), match.end(), "editorial-insertion",
                             "an editor's mark inside a quotation"))
    for match in _QUOTE.finditer(text):
        inner = match.group(1).strip()
        words = inner.split()
        if 1 <= len(words) <= 4 and not inner.endswith((".", "?", "!", ",")) and not inner[:1].isdigit():
            found.append(Framing(inner, match.start(1), match.end(1), "loaded-quote",
                                 "a few words quoted inside a sentence: a claim reported without being adopted"))
    found.sort(key=lambda f: (f.start, f.end))
    out: list[Framing] = []
    for flag in found:  # one flag per stretch: the first (lexicon before generic) wins
        if out and flag.start < out[-1].end and flag.kind == out[-1].kind:
            continue
        out.append(flag)
    return tuple(out)
