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
    # single marks, as UPI and the British press use them for speech; apostrophes and possessives open nothing,
    # and a quotation inside a double-quoted one is part of it
    (["The mayor said, 'We will rebuild the bridge by May.' Work starts today."],
     ["We will rebuild the bridge by May."]),
    (["Braley added: \u2018She kept wanting to go home.\u2019"], ["She kept wanting to go home."]),
    (["The Smiths' house and the Joneses' car burned in Kyiv's suburbs."], []),
    (["He called it 'absurd' and left."], []),  # fewer than three words: an ironic or partial mark
    (['He said: "I told them \'get out of Syria now\' and they left."'],
     ["I told them 'get out of Syria now' and they left."]),
])
def test_quotation_spans(paragraphs, quoted):
    article = _article(paragraphs)
    assert [article.text[a:b] for a, b in quotation_spans(article)] == quoted
