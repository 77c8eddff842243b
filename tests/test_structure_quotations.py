"""The one definition of a quotation, shared by the coreference resolver and the attribution stage."""

from __future__ import annotations

import pytest

from thucydides.structure.quotations import quotation_spans
from thucydides.types import Article, InputRef, Span


def _article(paragraphs: list[str]) -> Article:
    text, spans, at = "", [], 0
    for p in paragraphs:
        spans.append(Span(at, at + len(p)))
        text += p + "\n\n"
        at += len(p) + 2
    return Article(id="q", ref=InputRef("<test>"), format="text", text=text, paragraphs=tuple(spans))


@pytest.mark.parametrize(("paragraphs", "quoted"), [
    (['The mayor said: "We will rebuild the bridge."'], ["We will rebuild the bridge."]),
    (["He called it \u201ca mistake\u201d and left."], ["a mistake"]),
    (["\u00abNon\u00bb, dit-il."], ["Non"]),
    # an unclosed quotation ends with its paragraph, and the next paragraph's opening mark continues it
    (['"The talks are over,', '"and we will not return."'], ["The talks are over,", "and we will not return."]),
    # an apostrophe or inch mark inside a word opens nothing
    (['The 6" gun and the rebels\' "victory" were shown.'], ["victory"]),
    (["No quotation here."], []),
])
def test_quotation_spans(paragraphs, quoted):
    article = _article(paragraphs)
    assert [article.text[a:b] for a, b in quotation_spans(article)] == quoted
