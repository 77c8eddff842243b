"""The spaCy pipeline is the pinned one, and parsing keeps exact offsets."""

from __future__ import annotations

import pytest

from thucydides.errors import ModelError
from thucydides.nlp import check_model, load_model
from thucydides.structure import build_article

from conftest import TODAY, raw_text


def test_pinned_model_is_loaded(nlp):
    assert nlp.meta["lang"] == "en" and nlp.meta["version"] == "3.8.0"
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)


@pytest.mark.parametrize(("text", "entities"), [
    ("Sergey Lavrov met Antony Blinken in Geneva on Friday.",
     {("Sergey Lavrov", "PERSON"), ("Antony Blinken", "PERSON"), ("Geneva", "GPE"), ("Friday", "DATE")}),
    ("The European Union imposed new sanctions on Russia.", {("The European Union", "ORG"), ("Russia", "GPE")}),
])
def test_known_entities(nlp, text, entities):
    assert entities <= {(e.text, e.label_) for e in nlp(text).ents}


def test_known_parse(nlp):
    doc = nlp("Russia launched missiles at Kyiv.")
    assert [(t.text, t.dep_) for t in doc if t.dep_ in ("nsubj", "ROOT", "dobj")] == [
        ("Russia", "nsubj"), ("launched", "ROOT"), ("missiles", "dobj")]


def test_a_wrong_model_fails_loudly():
    import spacy

    with pytest.raises(ModelError, match="not the pinned English model"):
        check_model(spacy.blank("en"))
    with pytest.raises(ModelError, match="no English spaCy pipeline"):
        load_model("no_such_model_package")


def test_sentences_have_exact_offsets_and_skip_the_dateline(coder, settings):
    text = ("Talks resume\n\nKYIV, March 3 (Reuters) - Ukraine said on Monday that talks would resume. "
            "Russia did not comment.\n\nA second paragraph\nwrapped over two lines ends here.")
    (article,) = coder.code([raw_text(text)])
    assert [s.text for s in article.sentences] == [
        "Ukraine said on Monday that talks would resume.", "Russia did not comment.",
        "A second paragraph\nwrapped over two lines ends here."]
    assert [s.paragraph for s in article.sentences] == [0, 0, 1]
    for sent in article.sentences:
        assert article.text[sent.start:sent.end] == sent.text
        for token in sent.tokens:
            assert article.text[token.start:token.end] == token.text
    assert article.sentences[0].tokens[1].dep == "ROOT" and article.sentences[0].tokens[1].lemma == "say"


def test_a_failing_article_does_not_lose_the_batch(settings, nlp):
    from thucydides.pipeline import Coder

    class Flaky:
        def __init__(self, real):
            self.real = real

        def pipe(self, texts, batch_size):
            texts = list(texts)
            if any("BOOM" in t for t in texts):
                raise ValueError("parser exploded")
            return self.real.pipe(texts, batch_size=batch_size)

    coder = Coder(settings, today=TODAY, nlp=nlp)
    coder.parser.nlp = Flaky(nlp)
    items = list(coder.code([raw_text("First one here.\nIt is fine."), raw_text("Second\nBOOM goes this one."),
                        raw_text("Third one here.\nAlso fine.")]))
    assert [type(i).__name__ for i in items] == ["Article", "Rejected", "Article"]
    assert items[1].reason == "nlp-failed" and "parser exploded" in items[1].message


def test_structure_then_parse_is_deterministic(coder, settings):
    article = build_article(raw_text("Headline\nMOSCOW, March 3. /TASS/. One. Two."), settings, today=TODAY)
    assert coder.parser([article]) == coder.parser([article])
