"""Title-case headlines, re-cased for the parser.

Many outlets capitalise every word of a headline ("Russia Launches Missile Strikes On Kyiv"). The pinned model
reads such a line as one long proper name: no verb, no subject, no event. Before parsing, a paragraph written in
title case is re-cased the way a sentence is written: a capitalised word whose lower-case form is an ordinary
English word (a function word, or a word of the lemmatizer's own word lists, with its inflections) is written
in lower case, unless it is the first word, an acronym, or part of a name the actor dictionary knows ("White
House", "Russia", "Trump"), which the caller supplies as ``is_name``. Only letters change case, so every offset
stays as it was; the article's text is never changed, only the copy handed to the parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from thucydides.tables import word_set

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*")
# ordinary words of any headline (lists.tsv function-words), and the short ones title case may leave in lower case
FUNCTION_WORDS = word_set("function-words")
_SMALL = word_set("title-small-words")
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""),
                ("ing", "e"))


def title_case(words: list[str]) -> bool:
    """Whether a line is written in title case: four to forty words, and every word after the first that is no
    short function word capitalised (or a number). A sentence leaves its verbs in lower case; one full of names
    ("Man-eating Royal Bengal Tiger captured in Nepal") is no title."""
    content = [w for w in words[1:] if w.lower() not in _SMALL]
    return 4 <= len(words) <= 40 and len(content) >= 3 and all(w[0].isupper() or w[0].isdigit() for w in content)


def vocabulary(nlp: object) -> frozenset[str]:
    """The verbs, adjectives and adverbs of the pipeline's lemmatizer tables (WordNet's word lists): words a
    headline capitalises that a sentence does not. Nouns are left out, as their lists hold names of places and
    people ("paris", "perry"); a noun left capitalised still parses as part of the phrase it heads."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(w for pos in ("verb", "adj", "adv") if pos in table for w in table[pos] if w.isalpha())


def ordinary(word: str, vocabulary: Collection[str]) -> bool:
    """Whether ``word`` (lower case) is an ordinary English word or an inflection of one."""
    if word in FUNCTION_WORDS or word in vocabulary:
        return True
    for ending, base in _INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)] + base
            if stem in vocabulary:
                return True
            if ending in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2]:  # "stepped", "shipping"
                if stem[:-1] in vocabulary:
                    return True
    return False


def recase(text: str, vocabulary: Collection[str], is_name: Callable[[str], bool], max_words: int = 6) -> str:
    """``text`` with its words in sentence case when it is written in title case, else ``text`` itself; the
    result has the same length, and differs only in the case of letters."""
    found = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    words = [w.rstrip(".") or w for _, w in found]
    if not title_case(words):
        return text
    keep = [False] * len(words)
    i = 0
    while i < len(words):  # the longest known name first: "White House", "United Nations", "Rick Perry"
        for n in range(min(max_words, len(words) - i), 0, -1):
            span = words[i:i + n]
            if all(w[0].isupper() for w in span) and is_name(" ".join(span).lower()):
                keep[i:i + n] = [True] * n
                i += n
                break
        else:
            i += 1
    out = list(text)
    for k, ((start, word), bare) in enumerate(zip(found, words, strict=True)):
        if k == 0 or keep[k] or not word[0].isupper() or bare.isupper() or not bare[1:].islower():
            continue  # the first word, a name, an acronym ("NATO"), a mixed form ("McCain", "iPhone")
        if ordinary(bare.lower(), vocabulary):
            out[start] = word[0].lower()
    return "".join(out)
