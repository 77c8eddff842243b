"""Split articles' paragraphs into parsed sentences, batching the paragraphs through ``nlp.pipe`` by characters.

What the parser is handed is bounded, so that memory is bounded by the settings whatever the input
(docs/performance.md): a paragraph longer than ``max_parse_chars`` is cut into pieces at the last sentence end
that fits (else a line break, a semicolon, any whitespace) and each piece is parsed on its own; the offsets of
every piece stay those of the article's text, which is never changed. A batch holds at most ``batch_chars``
characters (or one piece) and ``batch_size`` texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from thucydides.errors import TooLongToParse
from thucydides.nlp.casing import recase, vocabulary
from thucydides.types import Article, Sentence, Token

_WRAP = re.compile(r"[\n\t]")
# Where a paragraph too long to parse in one piece may be cut, best first: the whitespace after a sentence's
# end before a capital, a line break, the whitespace after a semicolon, any whitespace. The whitespace itself
# belongs to neither piece.
_CUTS = (
    re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\]]))\s+(?=[\"'(\[]?[A-Z])"),
    re.compile(r"[ \t]*\n\s*"),
    re.compile(r"(?<=;)\s+"),
    re.compile(r"\s+"),
)
# read per token with Doc.to_array, in this order (HEAD is relative to the token)
_ATTRIBUTES = ("ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_TYPE", "ENT_IOB", "IDX")
_LOOKAHEAD = 64  # characters past the limit a cut may look at (the capital after a sentence's end)
_NEGATIVE, _WRAP_AROUND = 1 << 63, 1 << 64
_IOB = ("", "I", "O", "B")  # spaCy's Token.ent_iob_ by Token.ent_iob
_NAMES_KEPT = 500_000  # the string cache starts again past this many entries


def _stretches(article: Article) -> list[tuple[int, int, int]]:
    """``(paragraph, start, end)`` stretches to parse: paragraphs, less the dateline in front of the first."""
    out = []
    for index, span in enumerate(article.paragraphs):
        start = span.start
        if article.dateline and span.start <= article.dateline.start < span.end:
            start = article.dateline.end
            while start < span.end and article.text[start].isspace():
                start += 1
        if start < span.end:
            out.append((index, start, span.end))
    return out


def _cut(text: str, start: int, limit: int, end: int) -> tuple[int, int] | None:
    """The best place to cut ``text[start:end]`` so that the left piece holds at most ``limit`` characters:
    ``(end of the left piece, start of the right one)``, or ``None`` when there is no whitespace to cut at."""
    stop = start + limit  # the latest a left piece may end
    for pattern in _CUTS:
        last = None
        for found in pattern.finditer(text, start + 1, min(end, stop + _LOOKAHEAD)):
            if found.start() > stop:
                break
            last = found
        if last is not None:
            return last.start(), last.end()
    return None


def pieces(article: Article, limit: int) -> list[tuple[int, int, int]]:
    """``(paragraph, start, end)`` pieces of ``article`` to parse, none longer than ``limit`` characters.

    Raises:
        TooLongToParse: a paragraph holds more than ``limit`` characters without whitespace to cut at.
    """
    out = []
    for paragraph, start, end in _stretches(article):
        while end - start > limit:
            cut = _cut(article.text, start, limit, end)
            if cut is None:
                raise TooLongToParse(
                    f"paragraph {paragraph + 1} holds {limit:,}+ characters without a space from offset {start} "
                    f"([nlp] max_parse_chars = {limit:,})", source=str(article.ref))
            out.append((paragraph, start, cut[0]))
            start = cut[1]
            while start < end and article.text[start].isspace():
                start += 1
        if start < end:
            out.append((paragraph, start, end))
    return out


def batches(sizes: Sequence[int], *, chars: int, count: int) -> Iterator[range]:
    """Consecutive ranges of ``sizes`` holding at most ``chars`` characters (or one item) and ``count`` items."""
    first, held = 0, 0
    for index, size in enumerate(sizes):
        if index > first and (held + size > chars or index - first >= count):
            yield range(first, index)
            first, held = index, 0
        held += size
    if first < len(sizes):
        yield range(first, len(sizes))


class _Names(dict[int, str]):
    """spaCy string ids -> one shared ``str`` each, so a million tokens hold a few thousand label strings."""

    def __init__(self, strings: Any) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        if len(self) >= _NAMES_KEPT:
            self.clear()  # spaCy's own string store grows as well; this cache stays bounded
        value: str = self.strings[key]
        self[key] = value
        return value


class Parser:
    """Holds the loaded pipeline; ``parser(articles)`` returns the articles with ``sentences`` filled."""

    def __init__(self, nlp: Any, *, batch_size: int = 1_000, batch_chars: int = 25_000,
                 max_parse_chars: int = 10_000, is_name: Callable[[str], bool] | None = None) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.batch_chars = batch_chars
        self.max_parse_chars = max_parse_chars
        self.names = _Names(nlp.vocab.strings)
        # a title-case headline is re-cased for the parser (nlp/casing.py), keeping the names ``is_name`` knows
        self.is_name = is_name
        self.vocabulary = vocabulary(nlp) if is_name is not None else frozenset()

    def _text(self, text: str) -> str:
        """The text handed to the model: hard wraps as spaces, a title-case line in sentence case."""
        text = _WRAP.sub(" ", text)
        return recase(text, self.vocabulary, self.is_name) if self.is_name is not None else text

    def check(self, article: Article) -> TooLongToParse | None:
        """Why ``article`` cannot be handed to the parser, or ``None`` when it can."""
        try:
            pieces(article, self.max_parse_chars)
        except TooLongToParse as exc:
            return exc
        return None

    def __call__(self, articles: Sequence[Article]) -> list[Article]:
        """Raises :class:`TooLongToParse` for an article :meth:`check` refuses."""
        jobs = [(a_index, paragraph, start, end) for a_index, article in enumerate(articles)
                for paragraph, start, end in pieces(article, self.max_parse_chars)]
        found: list[list[Sentence]] = [[] for _ in articles]
        for batch in batches([end - start for _, _, start, end in jobs], chars=self.batch_chars,
                             count=self.batch_size):
            # Line breaks inside a paragraph are hard wraps: a space of the same length keeps every offset.
            texts = [self._text(articles[jobs[j][0]].text[jobs[j][2]:jobs[j][3]]) for j in batch]
            for j, doc in zip(batch, self.nlp.pipe(texts, batch_size=len(texts)), strict=True):
                a_index, paragraph, start, _end = jobs[j]
                found[a_index].extend(self._sentences(doc, start, paragraph, articles[a_index].text,
                                                      len(found[a_index])))
        return [replace(article, sentences=tuple(found[i])) for i, article in enumerate(articles)]

    def _sentences(self, doc: Any, base: int, paragraph: int, text: str, index: int) -> list[Sentence]:
        """The sentences of ``doc``, parsed from ``text[base:]``, numbered from ``index``."""
        rows = doc.to_array(_ATTRIBUTES).tolist()
        names = self.names
        out = []
        for sent in doc.sents:
            start, end = base + sent.start_char, base + sent.end_char
            if not text[start:end].strip():
                continue
            first = sent.start
            tokens = []
            for i in range(first, sent.end):
                orth, lemma, pos, tag, dep, head, ent_type, ent_iob, idx = rows[i]
                if head >= _NEGATIVE:
                    head -= _WRAP_AROUND  # to_array holds a head before the token as a uint64
                word = names[orth]
                tokens.append(Token(i=i - first, text=word, start=base + idx, end=base + idx + len(word),
                                    lemma=names[lemma], pos=names[pos], tag=names[tag], dep=names[dep],
                                    head=i + head - first, ent_type=names[ent_type], ent_iob=_IOB[ent_iob]))
            out.append(Sentence(index=index + len(out), start=start, end=end, paragraph=paragraph,
                                text=text[start:end], tokens=tuple(tokens)))
        return out
