"""Actor dictionaries: load time, and resolution time per article on top of the parse.

Run: .venv/bin/python bench/actors.py [--shared ../shared] [--limit 200]
Parses the articles first (not timed), then times the actor stage alone and prints ms per article and per
500 words, next to the parse time of the same articles. Targets (issue 3): load < 1 s, < 5 ms per 500 words.
"""

from __future__ import annotations

import statistics
import time

from corpus import arguments, wire_articles

from thucydides import config
from thucydides.actors import Resolver, load_dictionary
from thucydides.nlp import Parser, load_model


def main() -> None:
    args = arguments(__doc__)

    loads = []
    for _ in range(5):
        started = time.perf_counter()
        dictionary = load_dictionary()
        loads.append(time.perf_counter() - started)
    print(f"dictionary load: median {statistics.median(loads) * 1000:.0f} ms, best {min(loads) * 1000:.0f} ms "
          f"({len(dictionary.people)} people, {len(dictionary.phrases)} phrases, "
          f"{len(dictionary.countries)} countries)")

    settings = config.load()
    articles = [article for _raw, article in wire_articles(args.shared, settings, args.limit)]
    nlp_parser = Parser(load_model(settings.model, disable=settings.disable))
    started = time.perf_counter()
    parsed = nlp_parser(articles)
    parse_seconds = time.perf_counter() - started
    words = sum(len(a.text.split()) for a in parsed)

    resolver = Resolver(dictionary)
    for article in parsed[:5]:  # warm up
        resolver.article(article)
    started = time.perf_counter()
    mentions = sum(len(resolver.article(a)) for a in parsed)
    resolve_seconds = time.perf_counter() - started
    per_article = resolve_seconds / len(parsed) * 1000
    per_500 = resolve_seconds / words * 500 * 1000
    print(f"{len(parsed)} articles, {words} words, {mentions} actor mentions")
    print(f"parse (spaCy):   {parse_seconds:7.2f} s = {parse_seconds / words * 500 * 1000:6.1f} ms per 500 words")
    print(f"actors:          {resolve_seconds:7.2f} s = {per_500:6.2f} ms per 500 words "
          f"({per_article:.2f} ms per article), {resolve_seconds / parse_seconds:.1%} of the parse")


if __name__ == "__main__":
    main()
