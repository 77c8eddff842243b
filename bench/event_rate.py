"""Events per 1,000 sentences on Reuters-21578 (or any corpus ``code`` reads), by CAMEO root: how much a lexicon
or rule change makes the coder say. Run it before and after a change, on the same articles:

    .venv/bin/python bench/event_rate.py --limit 1500 [--json OUT]

Prints the sentences, the events (asserted, negated and hypothetical counted apart) and the rate per root.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from itertools import islice
from pathlib import Path

from thucydides.config import load
from thucydides.ingest import read
from thucydides.batch.chunks import CHUNK, chunked
from thucydides.pipeline import Coder
from thucydides.types import Article, RawDocument

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*",
                        default=[str(REPO.parent / "shared" / "corpus" / "articles" / "reuters21578_1987.jsonl")])
    parser.add_argument("--limit", type=int, default=1500, help="articles (the first N of the inputs)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    if not all(Path(p).exists() for p in args.inputs):
        print(f"missing input: {args.inputs}", file=sys.stderr)
        return 1
    coder = Coder(load(), today=date(2026, 1, 1))
    raws = (r for r in read(args.inputs, coder.settings) if isinstance(r, RawDocument))
    sentences, roots, modes = 0, Counter(), Counter()
    for chunk in chunked(islice(raws, args.limit), CHUNK):
        for article in coder.code_chunk(chunk):
            if not isinstance(article, Article):
                continue
            sentences += len(article.sentences)
            for event in article.events:
                mood = event.modality
                mode = "negated" if mood.polarity == "negative" else (
                    "hypothetical" if mood.condition or mood.certainty != "certain" else "asserted")
                modes[mode] += 1
                if mode == "asserted":
                    roots[event.cameo_root] += 1
    per = 1000 / max(sentences, 1)
    figures = {"sentences": sentences, "events": sum(modes.values()), "by_mode": dict(modes),
               "per_1000_sentences": round(sum(modes.values()) * per, 1),
               "asserted_per_1000_by_root": {r: round(n * per, 2) for r, n in sorted(roots.items())}}
    print(f"{sentences} sentences, {figures['events']} events ({figures['per_1000_sentences']} per 1,000 "
          f"sentences); {dict(modes)}")
    for root, rate in figures["asserted_per_1000_by_root"].items():
        print(f"  {root}  {rate:7.2f} asserted per 1,000 sentences")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
