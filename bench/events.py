"""Event coding cost: the whole `code` pipeline next to spaCy's parse alone, on the same articles, in one run.

Run: .venv/bin/python bench/events.py [--shared ../shared] [--limit 200]
Prints articles/s for (a) parsing alone, (b) the stages after the parse (actors + events) alone, and (c) the
whole pipeline (read, structure, parse, actors, events), with ratios. Target (issue 4): event coding adds
< 15 % to the parse.
"""

from __future__ import annotations

import time

from corpus import arguments, wire_articles

from thucydides import config
from thucydides.attribution import attribute, framing
from thucydides.pipeline import Coder


def main() -> None:
    args = arguments(__doc__)
    settings = config.load()
    pairs = wire_articles(args.shared, settings, args.limit)
    raws, articles = [raw for raw, _a in pairs], [article for _r, article in pairs]
    coder = Coder(settings)
    coder.code_chunk(raws[:4])  # warm up
    words = sum(len(a.text.split()) for a in articles)

    started = time.perf_counter()
    parsed = coder.parser(articles)
    parse = time.perf_counter() - started

    started = time.perf_counter()
    coded = [coder._analyse(a) for a in parsed]  # noqa: SLF001 - the stages after the parse, alone
    after = time.perf_counter() - started

    started = time.perf_counter()
    for article in coded:
        attribute(article)
        framing(article)
    attribution = time.perf_counter() - started

    started = time.perf_counter()
    full = [item for chunk in range(0, len(raws), 32) for item in coder.code_chunk(raws[chunk:chunk + 32])]
    whole = time.perf_counter() - started

    events = sum(len(a.events) for a in coded)
    n = len(articles)
    print(f"{n} articles, {words} words, {events} events, {sum(len(a.actors) for a in coded)} actor mentions")
    print(f"parse alone:          {parse:7.2f} s = {n / parse:6.2f} articles/s")
    print(f"actors + events + attribution + framing: {after:7.2f} s = {after / parse:6.1%} of the parse")
    print(f"  of which attribution and framing:       {attribution:7.2f} s = {attribution / parse:6.1%} of the parse")
    print(f"whole code pipeline:  {whole:7.2f} s = {n / whole:6.2f} articles/s "
          f"(ratio to parse alone {parse / whole:.2f}; {len(full)} records)")


if __name__ == "__main__":
    main()
