"""Split articles' paragraphs into parsed sentences, batching every paragraph through ``nlp.pipe``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from thucydides.types import Article, Sentence, Token

_WRAP = re.compile(r"[\n\t]")


def _chunks(article: Article) -> list[tuple[int, int, int]]:
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


def _sentence(doc_sent: Any, base: int, index: int, paragraph: int, text: str) -> Sentence:
    first = doc_sent.start
    tokens = tuple(
        Token(i=t.i - first, text=t.text, start=base + t.idx, end=base + t.idx + len(t.text), lemma=t.lemma_,
              pos=t.pos_, tag=t.tag_, dep=t.dep_, head=t.head.i - first, ent_type=t.ent_type_, ent_iob=t.ent_iob_)
        for t in doc_sent
    )
    start, end = base + doc_sent.start_char, base + doc_sent.end_char
    return Sentence(index=index, start=start, end=end, paragraph=paragraph, text=text[start:end], tokens=tokens)


class Parser:
    """Holds the loaded pipeline; ``parser(articles)`` returns the articles with ``sentences`` filled."""

    def __init__(self, nlp: Any, *, batch_size: int = 16) -> None:
        self.nlp = nlp
        self.batch_size = batch_size

    def __call__(self, articles: Sequence[Article]) -> list[Article]:
        jobs = [(a_index, paragraph, start, end) for a_index, article in enumerate(articles)
                for paragraph, start, end in _chunks(article)]
        # Line breaks inside a paragraph are hard wraps: a space of the same length keeps every offset.
        texts = (_WRAP.sub(" ", articles[a].text[start:end])
                 for a, _, start, end in jobs)
        found: list[list[Sentence]] = [[] for _ in articles]
        for (a_index, paragraph, start, _end), doc in zip(jobs, self.nlp.pipe(texts, batch_size=self.batch_size),
                                                          strict=True):
            text = articles[a_index].text
            for sent in doc.sents:
                if sent.text.strip():
                    found[a_index].append(_sentence(sent, start, len(found[a_index]), paragraph, text))
        return [replace(article, sentences=tuple(found[i])) for i, article in enumerate(articles)]
