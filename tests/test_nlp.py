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


@pytest.mark.parametrize(("text", "word", "lemma", "pos"), [
    # a bound prefix keeps its word whole, lemmatised by its stem (data/lists.tsv, bound-prefixes)
    ("Ruritania called on both sides to de-escalate.", "de-escalate", "de-escalate", "VERB"),
    ("The president was re-elected on Sunday.", "re-elected", "re-elect", "VERB"),
    ("The two armies agreed to co-operate.", "co-operate", "co-operate", "VERB"),
    ("Talks on de-escalation resumed.", "de-escalation", "de-escalation", "NOUN"),
    # the model's own lemma errors, corrected by data/lemmas.tsv
    ("Oslo hopes to sign the deal.", "hopes", "hope", "VERB"),
    ("The rebels waged war on the capital.", "waged", "wage", "VERB"),
])
def test_a_bound_prefix_keeps_its_word(nlp, text, word, lemma, pos):
    token = next(t for t in nlp(text) if t.text == word)
    assert (token.lemma_, token.pos_) == (lemma, pos)


def test_other_hyphens_still_split(nlp):
    assert [t.text for t in nlp("Ruritanian-backed forces entered a pro-Western town.")][:3] == \
        ["Ruritanian", "-", "backed"]


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


def _article(text: str):
    from thucydides.types import Article, InputRef, Span

    return Article(id="p", ref=InputRef("p.txt"), format="text", text=text, paragraphs=(Span(0, len(text)),))


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("Short enough.", 20, ["Short enough."]),
    # the last sentence end that fits, not an earlier one, and never before a small letter
    ("One two. Three four. Five six. Seven eight.", 30, ["One two. Three four. Five six.", "Seven eight."]),
    ("Talks in Gen. smith failed. Then more came.", 30, ["Talks in Gen. smith failed.", "Then more came."]),
    ('He said "no." Then they left the room at once.', 20, ['He said "no."', "Then they left the", "room at once."]),
    # no sentence end: a line break, then a semicolon, then any space
    ("alpha beta gamma\ndelta epsilon zeta eta", 25, ["alpha beta gamma", "delta epsilon zeta eta"]),
    ("alpha beta; gamma delta epsilon zeta", 25, ["alpha beta;", "gamma delta epsilon zeta"]),
    ("alpha beta gamma delta epsilon zeta", 12, ["alpha beta", "gamma delta", "epsilon zeta"]),
])
def test_a_long_paragraph_is_cut_where_a_sentence_ends(text, limit, expected):
    from thucydides.nlp.parse import pieces

    article = _article(text)
    cut = pieces(article, limit)
    assert [article.text[start:end] for _, start, end in cut] == expected
    assert all(end - start <= limit for _, start, end in cut)


def test_a_run_without_a_space_is_refused():
    from thucydides.errors import TooLongToParse
    from thucydides.nlp.parse import pieces

    with pytest.raises(TooLongToParse, match="paragraph 1 holds 100\\+ characters without a space from offset 6"):
        pieces(_article("Fine. " + "x" * 150 + " end."), 100)


@pytest.mark.parametrize(("sizes", "chars", "count", "expected"), [
    ([10, 10, 10], 25, 100, [[0, 1], [2]]),
    ([30, 10, 10], 25, 100, [[0], [1, 2]]),  # a piece longer than a batch goes alone
    ([1, 1, 1, 1, 1], 100, 2, [[0, 1], [2, 3], [4]]),
    ([], 10, 10, []),
])
def test_batches_are_bounded_by_characters_and_count(sizes, chars, count, expected):
    from thucydides.nlp.parse import batches

    assert [list(b) for b in batches(sizes, chars=chars, count=count)] == expected


def test_pieces_keep_exact_offsets_and_the_text(settings, nlp):
    from dataclasses import replace

    from thucydides.pipeline import Coder

    body = " ".join(f"Ukraine said on day {n} that talks with Russia would resume in Geneva." for n in range(40))
    text = "Talks resume\n\n" + body + "\n\n" + "y" * 300
    coder = Coder(replace(settings, max_parse_chars=250, batch_chars=600), today=TODAY, nlp=nlp)
    refused, cut = coder.code([raw_text(text), raw_text("Talks resume\n\n" + body)])
    assert (refused.code, refused.reason) == ("T304", "too-long-to-parse")  # a paragraph of 300 letters
    (whole,) = Coder(settings, today=TODAY, nlp=nlp).code([raw_text("Talks resume\n\n" + body)])
    assert cut.text == whole.text == body and len(cut.paragraphs) == 1
    assert [s.text for s in cut.sentences] == [s.text for s in whole.sentences]
    for sent in cut.sentences:
        assert cut.text[sent.start:sent.end] == sent.text
        for token in sent.tokens:
            assert cut.text[token.start:token.end] == token.text


@pytest.mark.parametrize(("words", "pos", "deps", "heads", "verbs"), [
    # a root noun with a subject is a verb the tagger missed ("Police arrest nine")
    (["Police", "arrest", "nine"], ["NOUN", "NOUN", "NUM"], ["nsubj", "ROOT", "dobj"], [1, 1, 1], [1]),
    # a root noun with no subject stays a noun ("Protests in Lima")
    (["Protests", "in", "Lima"], ["NOUN", "ADP", "PROPN"], ["ROOT", "prep", "pobj"], [0, 0, 1], []),
    # a capitalised root is a name, not a verb
    (["Police", "Arrest", "Nine"], ["NOUN", "NOUN", "NUM"], ["nsubj", "ROOT", "dobj"], [1, 1, 1], []),
])
def test_a_headline_verb_read_as_a_noun(nlp, words, pos, deps, heads, verbs):
    from spacy.tokens import Doc

    from thucydides.nlp.headlines import verb_roots

    doc = Doc(nlp.vocab, words=words, pos=pos, deps=deps, heads=heads)
    assert verb_roots(doc) == verbs


@pytest.mark.parametrize(("words", "tags", "pos", "verbs"), [
    # a form in -s after a singular name, a word after it that can begin an object (nlp/headlines.py)
    (["Kenya", "halts", "grain", "deliveries"], ["NNP", "NNS", "NN", "NNS"], ["PROPN", "NOUN", "NOUN", "NOUN"], [1]),
    # after a body that acts (lists.tsv headline-subject-nouns)
    (["UN", "chief", "requests", "meetings"], ["NNP", "NN", "NNS", "NNS"], ["PROPN", "NOUN", "NOUN", "NOUN"], [2]),
    # a bare form after a plural body
    (["Chilean", "police", "storm", "campus"], ["JJ", "NN", "NN", "NN"], ["ADJ", "NOUN", "NOUN", "NOUN"], [2]),
    # after any other common noun the word stays a noun ("peace talks resume")
    (["Kenya", "peace", "talks", "collapse"], ["NNP", "NN", "NNS", "NN"], ["PROPN", "NOUN", "NOUN", "NOUN"], []),
    # a bare form after a singular name stays a noun ("Market exchange rates")
    (["Market", "exchange", "rates"], ["NNP", "NN", "NNS"], ["PROPN", "NOUN", "NOUN"], []),
    # a sentence with a verb is left as parsed
    (["Kenya", "halts", "deliveries", "said"], ["NNP", "NNS", "NNS", "VBD"], ["PROPN", "NOUN", "NOUN", "VERB"], []),
    # a present-tense verb the parser hung inside a noun phrase, after a crowd
    (["Thousands", "protest", "mine", "expansion"], ["NNS", "VBP", "NN", "NN"], ["NOUN", "VERB", "NOUN", "NOUN"], [1]),
])
def test_the_verb_of_a_verbless_headline(nlp, words, tags, pos, verbs):
    from spacy.tokens import Doc

    from thucydides.nlp.headlines import verbless_verbs

    n = len(words)
    doc = Doc(nlp.vocab, words=words, tags=tags, pos=pos, deps=["compound"] * (n - 1) + ["ROOT"],
              heads=[i + 1 for i in range(n - 1)] + [n - 1])
    assert verbless_verbs(doc) == verbs


def test_a_verbless_headline_is_rehung_on_its_verb(nlp):
    from spacy.tokens import Doc

    from thucydides.nlp.headlines import _rehang

    words = ["Finland", ",", "Norway", "sign", "energy", "deal"]
    doc = Doc(nlp.vocab, words=words, tags=["NNP", ",", "NNP", "NN", "NN", "NN"],
              pos=["PROPN", "PUNCT", "PROPN", "NOUN", "NOUN", "NOUN"],
              deps=["compound", "punct", "compound", "compound", "compound", "ROOT"], heads=[3, 3, 3, 5, 5, 5])
    _rehang(doc, 3)
    assert [(t.dep_, t.head.i) for t in doc] == [("conj", 2), ("punct", 2), ("nsubj", 3), ("ROOT", 3),
                                                 ("compound", 5), ("dobj", 3)]


@pytest.mark.parametrize(("text", "word", "tag"), [
    ("Nigerian police arrest 12 over church attack", "arrest", "VBP"),
    ("Ukraine severs diplomatic relations with Russia", "severs", "VBZ"),
    ("Russia halts rocket engine deliveries to US", "halts", "VBZ"),
    ("Thousands of farmers rally in Delhi against new laws", "rally", "VBP"),
])
def test_headline_verbs_in_the_pipeline(nlp, text, word, tag):
    token = next(t for t in nlp(text) if t.text == word)
    assert (token.pos_, token.tag_) == ("VERB", tag)
