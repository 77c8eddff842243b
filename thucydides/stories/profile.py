"""An article as a sparse vector of weighted words, for comparing articles across outlets.

A word weighs by its rarity in general English (``wordfreq``'s Zipf frequency: 7 for "the", 4 for "Putin", 0 for
a word it has never seen), capped by its rarity in news (``data/stories/news_words.tsv``: "mln", "shr" or
"communique" are rare in English and common on the wire), times a damped count in the article. Weights do not
depend on the store, so an article's profile never changes as more articles are stored, and one article compares
the same way in a store of ten as in a store of a million.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources

from wordfreq import zipf_frequency

# The Zipf frequency at and above which a word carries no weight (function words, "said", "year").
CEILING = 6.0
# A word's weight is at most NEWS_SCALE x -log10(share of news articles using it).
NEWS_SCALE = 1.5
# Words kept per article: the heaviest. The tail adds little to a cosine and much to the cost.
TOP_TERMS = 150

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*[A-Za-z]|[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Profile:
    """One article's words and weights (unit length), with the day it is dated (None: undated)."""

    article_id: str
    day: date | None
    outlet: str | None
    terms: tuple[str, ...]
    weights: tuple[float, ...]


@cache
def _news_shares() -> dict[str, float]:
    text = resources.files("thucydides").joinpath("data", "stories", "news_words.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {word: float(share) for word, share in rows}


@lru_cache(maxsize=500_000)
def rarity(word: str) -> float:
    """How much one occurrence of ``word`` tells about the article: 0 for common words, up to CEILING."""
    general = max(0.0, CEILING - zipf_frequency(word, "en"))
    share = _news_shares().get(word)
    return general if share is None else min(general, NEWS_SCALE * -math.log10(share))


def words(text: str) -> list[str]:
    """Lower-cased words, possessive 's dropped, curly apostrophes straightened."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'").rstrip(".")
        if word.endswith("'s"):
            word = word[:-2]
        if word:
            out.append(word)
    return out


def profile(article_id: str, text: str, *, headline: str | None = None, day: date | None = None,
            outlet: str | None = None) -> Profile:
    counts = Counter(words(f"{headline}\n{text}" if headline else text))
    weighted = [(term, (1.0 + math.log(count)) * rarity(term)) for term, count in counts.items()]
    weighted = sorted((item for item in weighted if item[1] > 0), key=lambda item: (-item[1], item[0]))[:TOP_TERMS]
    norm = math.sqrt(sum(weight * weight for _, weight in weighted)) or 1.0
    return Profile(article_id, day, outlet, tuple(term for term, _ in weighted),
                   tuple(weight / norm for _, weight in weighted))
