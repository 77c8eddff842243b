"""The coreference stage on articles built by hand (no model): which actors "he", "it", "they" and "both sides"
point back to. Team-written sentences; each sentence is a list of words ``text/pos/dep/head`` (an optional
``/PERSON`` marks a name the parser tagged as a person, ``/=lemma`` gives a lemma other than the word), and the actor mentions are given as the actor stage
would give them: ``(sentence, first word, last word, code, kind)``."""

from __future__ import annotations

from dataclasses import replace

import pytest

from thucydides.actors.coreference import references
from thucydides.types import Actor, ActorMention, Article, InputRef, Sentence, Span, Token


def _article(sentences: list[str], spans: list[tuple[int, int, int, str, str]]) -> Article:
    text, parsed = "", []
    for index, words in enumerate(sentences):
        tokens, start = [], len(text)
        for i, word in enumerate(words.split()):
            form, pos, dep, head, *more = word.split("/")
            ent = next((m for m in more if not m.startswith("=")), "")
            lemma = next((m[1:] for m in more if m.startswith("=")), form.lower())
            begin = len(text)
            text += form + " "
            tokens.append(Token(i=i, text=form, start=begin, end=begin + len(form), lemma=lemma, pos=pos,
                                tag="", dep=dep, head=int(head), ent_type=ent, ent_iob="O"))
        parsed.append(Sentence(index=index, start=start, end=len(text) - 1, paragraph=0,
                               text=text[start:len(text) - 1], tokens=tuple(tokens)))
    mentions = []
    for k, first, last, code, kind in spans:
        toks = parsed[k].tokens
        words = " ".join(t.text for t in toks[first:last + 1])
        mentions.append(ActorMention(words, toks[first].start, toks[last].end, k, first, last + 1,
                                     Actor(code, code[:3], code[3:] or None, words, kind=kind), "dictionary", "test"))
    return Article(id="coref", ref=InputRef("<hand-built>"), format="text", text=text,
                   paragraphs=(Span(0, len(text)),), sentences=tuple(parsed), actors=tuple(mentions))


def _resolved(article: Article) -> dict[str, tuple[str, list[str]]]:
    """word (with its sentence) -> (rule, the texts of its antecedents)."""
    out = {}
    for ref in article.references:
        word = article.sentences[ref.sentence].tokens[ref.token].text
        out[f"{ref.sentence}:{word}"] = (ref.rule, [m.text for m in ref.antecedents])
    return out


CASES = [
    ("he: the last person named as a subject, not the person named as an object",
     ["Ruritanian/ADJ/amod/1 President/PROPN/compound/2 Albers/PROPN/nsubj/3 met/VERB/ROOT/3 "
      "Freedonian/ADJ/amod/5 Premier/PROPN/compound/6 Brandt/PROPN/dobj/3",
      "He/PRON/nsubj/1 promised/VERB/ROOT/1 aid/NOUN/dobj/1"],
     [(0, 0, 2, "RUTGOV", "person"), (0, 4, 6, "FREGOV", "person")],
     {"1:He": ("pronoun", ["Ruritanian President Albers"])}),
    ("he: a person's government is no he",
     ["Premier/PROPN/compound/1 Brandt/PROPN/nsubj/2 spoke/VERB/ROOT/2",
      "The/DET/det/2 Brandt/PROPN/compound/2 government/NOUN/nsubj/3 resigned/VERB/ROOT/3",
      "He/PRON/nsubj/1 left/VERB/ROOT/1"],
     [(0, 0, 1, "FREGOV", "person"), (1, 1, 2, "FREGOV", "person")],
     {"2:He": ("pronoun", ["Premier Brandt"])}),
    ("he: a person named since whom no actor codes leaves he unresolved",
     ["Premier/PROPN/compound/1 Brandt/PROPN/nsubj/2 spoke/VERB/ROOT/2",
      "Karl/PROPN/compound/1/PERSON Vogt/PROPN/nsubj/2/PERSON replied/VERB/ROOT/2",
      "He/PRON/nsubj/1 left/VERB/ROOT/1"],
     [(0, 0, 1, "FREGOV", "person")],
     {}),
    ("he: a person named inside a quotation is not who he is outside it",
     ["Premier/PROPN/compound/1 Brandt/PROPN/nsubj/2 spoke/VERB/ROOT/2",
      '"/PUNCT/punct/3 Albers/PROPN/nsubj/2 lied/VERB/ccomp/5 "/PUNCT/punct/3 he/PRON/nsubj/5 said/VERB/ROOT/5'],
     [(0, 0, 1, "FREGOV", "person"), (1, 1, 1, "RUTGOV", "person")],
     {"1:he": ("pronoun", ["Premier Brandt"])}),
    ("it: the last actor named that is not a person",
     ["The/DET/det/2 Ruritanian/ADJ/amod/2 ministry/NOUN/nsubj/3 protested/VERB/ROOT/3",
      "It/PRON/nsubj/1 demanded/VERB/ROOT/1 talks/NOUN/dobj/1"],
     [(0, 0, 2, "RUTGOV", "government")],
     {"1:It": ("pronoun", ["The Ruritanian ministry"])}),
    ("they after two actors that are no list: the last one named",
     ["Ruritania/PROPN/nsubj/3 and/CCONJ/cc/0 Freedonia/PROPN/conj/0 met/VERB/ROOT/3",
      "They/PRON/nsubj/1 signed/VERB/ROOT/1 a/DET/det/3 deal/NOUN/dobj/1"],
     [(0, 0, 0, "RUT", "country"), (0, 2, 2, "FRE", "country")],
     {"1:They": ("pronoun", ["Freedonia"])}),  # no list_id: not a list (a list: test_they_after_a_list)
    ("they: the subject of the main verb, not a group named in what it reported",
     ["Ruritanian/ADJ/amod/1 unions/NOUN/nsubj/2 said/VERB/ROOT/2 Freedonian/ADJ/amod/4 farmers/NOUN/nsubj/6 "
      "would/AUX/aux/6 strike/VERB/ccomp/2",
      "They/PRON/nsubj/1 called/VERB/ROOT/1 for/ADP/prep/1 talks/NOUN/pobj/2"],
     [(0, 0, 1, "RUTLAB", "role"), (0, 3, 4, "FREAGR", "role")],
     {"1:They": ("pronoun", ["Ruritanian unions"])}),
    ("both sides: the last two actors of different countries",
     ["Ruritania/PROPN/nsubj/1 shelled/VERB/ROOT/1 Freedonia/PROPN/dobj/1",
      "Both/DET/det/1 sides/NOUN/nsubj/2/=side traded/VERB/ROOT/2 fire/NOUN/dobj/2"],
     [(0, 0, 0, "RUT", "country"), (0, 2, 2, "FRE", "country")],
     {"1:sides": ("pair", ["Ruritania", "Freedonia"])}),
    ("the two alone as a subject: the last two actors of different countries",
     ["Ruritania/PROPN/nsubj/1 shelled/VERB/ROOT/1 Freedonia/PROPN/dobj/1",
      "The/DET/det/1 two/NUM/nsubj/2 met/VERB/ROOT/2 later/ADV/advmod/2"],
     [(0, 0, 0, "RUT", "country"), (0, 2, 2, "FRE", "country")],
     {"1:two": ("pair", ["Ruritania", "Freedonia"])}),
    ("two without the is a number, not the pair",
     ["Ruritania/PROPN/nsubj/1 shelled/VERB/ROOT/1 Freedonia/PROPN/dobj/1",
      "Two/NUM/nsubj/1 died/VERB/ROOT/1"],
     [(0, 0, 0, "RUT", "country"), (0, 2, 2, "FRE", "country")],
     {}),
    ("we inside a quotation: the subject of the verb of reporting after it",
     ['"/PUNCT/punct/2 We/PRON/nsubj/2 arrested/VERB/ccomp/8 five/NUM/nummod/4 men/NOUN/dobj/2 "/PUNCT/punct/8 '
      "Ruritanian/ADJ/amod/7 police/NOUN/nsubj/8 said/VERB/ROOT/8/=say"],
     [(0, 6, 7, "RUTCOP", "role")],
     {"0:We": ("speaker", ["Ruritanian police"])}),
    ("I inside a quotation after a colon: the subject of the verb of reporting before it",
     ["Premier/PROPN/compound/1 Brandt/PROPN/nsubj/2 said/VERB/ROOT/2/=say :/PUNCT/punct/2 "
      '"/PUNCT/punct/6 I/PRON/nsubj/6 met/VERB/ccomp/2/=meet Albers/PROPN/dobj/6 "/PUNCT/punct/2'],
     [(0, 0, 1, "FREGOV", "person"), (0, 7, 7, "RUTGOV", "person")],
     {"0:I": ("speaker", ["Premier Brandt"])}),
    ("we inside a quotation whose speaker is he: whom he points to",
     ["Premier/PROPN/compound/1 Brandt/PROPN/nsubj/2 spoke/VERB/ROOT/2",
      '"/PUNCT/punct/3 We/PRON/nsubj/3 will/AUX/aux/3 leave/VERB/ccomp/6 "/PUNCT/punct/6 he/PRON/nsubj/6 '
      "said/VERB/ROOT/6/=say"],
     [(0, 0, 1, "FREGOV", "person")],
     {"1:he": ("pronoun", ["Premier Brandt"]), "1:We": ("speaker", ["Premier Brandt"])}),
    ("we outside a quotation points to no one",
     ["Premier/PROPN/compound/1 Brandt/PROPN/nsubj/2 spoke/VERB/ROOT/2",
      "We/PRON/nsubj/1 left/VERB/ROOT/1"],
     [(0, 0, 1, "FREGOV", "person")],
     {}),
    ("she: not the man named last (by his given name), but the woman a title names",
     ["Mrs./PROPN/compound/1 Albers/PROPN/nsubj/2 spoke/VERB/ROOT/2",
      "Premier/PROPN/compound/2 Karl/PROPN/compound/2/PERSON Brandt/PROPN/nsubj/3/PERSON replied/VERB/ROOT/3",
      "She/PRON/nsubj/1 left/VERB/ROOT/1"],
     [(0, 0, 1, "RUTGOV", "person"), (1, 0, 2, "FREGOV", "person")],
     {"2:She": ("pronoun", ["Mrs. Albers"])}),
    ("he: not the woman an apposition names, but the person before her",
     ["Premier/PROPN/compound/1 Brandt/PROPN/nsubj/2 spoke/VERB/ROOT/2",
      "Albers/PROPN/nsubj/4 ,/PUNCT/punct/0 a/DET/det/3 spokeswoman/NOUN/appos/0 replied/VERB/ROOT/4",
      "He/PRON/nsubj/1 left/VERB/ROOT/1"],
     [(0, 0, 1, "FREGOV", "person"), (1, 0, 0, "RUTGOV", "person")],
     {"2:He": ("pronoun", ["Premier Brandt"])}),
    ("she: a man named since whom no actor codes leaves she resolved",
     ["Mrs./PROPN/compound/1 Albers/PROPN/nsubj/2 spoke/VERB/ROOT/2",
      "Mr./PROPN/compound/1/PERSON Vogt/PROPN/nsubj/2/PERSON replied/VERB/ROOT/2",
      "She/PRON/nsubj/1 left/VERB/ROOT/1"],
     [(0, 0, 1, "RUTGOV", "person")],
     {"2:She": ("pronoun", ["Mrs. Albers"])}),
    ("he: a woman's role, by its own word, is no he",
     ["The/DET/det/1 chairwoman/NOUN/nsubj/2 spoke/VERB/ROOT/2",
      "He/PRON/nsubj/1 left/VERB/ROOT/1"],
     [(0, 0, 1, "RUTGOV", "role")],
     {}),
    ("a word the actor stage named is not resolved again",
     ["Ruritania/PROPN/nsubj/1 protested/VERB/ROOT/1",
      "It/PRON/nsubj/1 left/VERB/ROOT/1"],
     [(0, 0, 0, "RUT", "country"), (1, 0, 0, "RUT", "country")],
     {}),
]


@pytest.mark.parametrize(("name", "sentences", "spans", "expected"), CASES, ids=[c[0] for c in CASES])
def test_references(name, sentences, spans, expected):
    article = _article(sentences, spans)
    assert _resolved(replace(article, references=references(article))) == expected


def test_they_after_a_list():
    article = _article(["Ruritania/PROPN/nsubj/3 and/CCONJ/cc/0 Freedonia/PROPN/conj/0 met/VERB/ROOT/3",
                        "They/PRON/nsubj/1 signed/VERB/ROOT/1 a/DET/det/3 deal/NOUN/dobj/1"],
                       [(0, 0, 0, "RUT", "country"), (0, 2, 2, "FRE", "country")])
    article = replace(article, actors=tuple(replace(m, list_id=1) for m in article.actors))
    [ref] = references(article)
    assert (ref.rule, [m.text for m in ref.antecedents]) == ("group", ["Ruritania", "Freedonia"])


def test_he_reaches_back_a_bounded_number_of_sentences():
    from thucydides.actors.coreference import PERSON_WINDOW

    filler = "Prices/NOUN/nsubj/1 rose/VERB/ROOT/1"
    def answer(gap: int) -> dict:
        article = _article(["Premier/PROPN/compound/1 Brandt/PROPN/nsubj/2 spoke/VERB/ROOT/2", *[filler] * gap,
                            "He/PRON/nsubj/1 left/VERB/ROOT/1"], [(0, 0, 1, "FREGOV", "person")])
        return _resolved(replace(article, references=references(article)))
    assert answer(PERSON_WINDOW - 1) == {f"{PERSON_WINDOW}:He": ("pronoun", ["Premier Brandt"])}
    assert answer(PERSON_WINDOW + 1) == {}
