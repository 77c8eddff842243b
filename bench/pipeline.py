"""Whole-pipeline throughput (1 and 2 workers, next to spaCy's parse alone) and peak memory at two corpus sizes.

Run: .venv/bin/python bench/pipeline.py [--articles 1000] [--memory 1000 10000] [--shared ../shared]
Uses the Reuters-21578 stories of ../shared/corpus/articles (JSON Lines). Prints articles/s for the parse
alone, `code` with 1 worker and with 2 workers and the ratios; with --memory also the peak RSS of
`thucydides code --db` at the two sizes (measured as bench/memory.py does; that script is the memory bench).
Targets (issue 6): code/parse >= 0.85; 2 workers >= 1.6x 1 worker; RSS within 1.2x.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from datetime import date
from pathlib import Path

from memory import measure

from thucydides import config
from thucydides.ingest import read
from thucydides.nlp import Parser, load_model
from thucydides.batch.engines import run
from thucydides.pipeline import Coder
from thucydides.structure import build_article
from thucydides.types import Article

REPO = Path(__file__).resolve().parents[1]


def corpus(shared: Path, n: int, folder: Path) -> Path:
    """The first ``n`` Reuters stories of at least 80 words (cycled if needed), as one JSON Lines file."""
    source = shared / "corpus" / "articles" / "reuters21578_1987.jsonl"
    rows = [json.loads(line) for line in source.open(encoding="utf-8")]
    rows = [r for r in rows if len(r.get("text", "").split()) >= 80]
    out = folder / f"corpus-{n}.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for i, row in enumerate(itertools.islice(itertools.cycle(rows), n)):
            handle.write(json.dumps({**row, "id": f"{row['id']}-{i}"}) + "\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--memory", type=int, nargs=2, default=None, metavar=("SMALL", "LARGE"),
                        help="also measure peak RSS at two sizes (bench/memory.py does this on its own)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    settings = config.load()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = corpus(args.shared, args.articles, folder)
        articles = [a for raw in read([str(path)], settings)
                    if isinstance(a := build_article(raw, settings, today=date.today()), Article)]
        parse = Parser(load_model(settings.model, disable=settings.disable))
        started = time.perf_counter()
        parse(articles)
        parse_rate = len(articles) / (time.perf_counter() - started)
        rates = {}
        coder = Coder(settings)  # loaded outside the timing, like the parse's model above
        for workers in (1, 2):
            started = time.perf_counter()
            count = sum(1 for _ in run([str(path)], settings, workers=workers, coder=coder if workers == 1 else None))
            rates[workers] = count / (time.perf_counter() - started)  # 2 workers: includes their model loading
        print(f"{len(articles)} articles: parse alone {parse_rate:.2f}/s; code 1 worker {rates[1]:.2f}/s "
              f"(ratio {rates[1] / parse_rate:.2f}); 2 workers {rates[2]:.2f}/s ({rates[2] / rates[1]:.2f}x)")
        if args.memory:  # the same measurement as bench/memory.py, on this bench's corpus
            peaks = []
            for n in args.memory:
                result = measure(corpus(args.shared, n, folder), folder / f"m{n}.db")
                peaks.append(result["peak_kb"])
                print(f"{n} articles: peak RSS {result['peak_kb'] / 1024:.0f} MB, {result['seconds']:.0f} s")
            print(f"peak RSS ratio {peaks[1] / peaks[0]:.2f} ({args.memory[1]} vs {args.memory[0]} articles)")


if __name__ == "__main__":
    main()
