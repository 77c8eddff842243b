"""Reading throughput per input format (ingest + structure, no spaCy), and the full pipeline on the samples.

Run: .venv/bin/python bench/read_throughput.py [--shared ../shared] [--limit N]
Prints one line per format: documents, seconds, documents/s for reading alone and for reading + structure.
"""

from __future__ import annotations

import argparse
import gzip
import time
from datetime import date
from pathlib import Path

from thucydides import config
from thucydides.ingest import read
from thucydides.structure import build_article
from thucydides.types import Rejected

REPO = Path(__file__).resolve().parents[1]


def measure(label: str, inputs: list[str], settings, limit: int) -> None:
    started = time.perf_counter()
    documents = []
    for item in read(inputs, settings):
        documents.append(item)
        if len(documents) >= limit:
            break
    read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    built = [build_article(d, settings, today=date.today()) for d in documents if not isinstance(d, Rejected)]
    structure_seconds = time.perf_counter() - started
    count = len(documents)
    failures = sum(isinstance(d, Rejected) for d in documents) + sum(isinstance(b, Rejected) for b in built)
    print(f"{label:<10} {count:>6} docs  read {read_seconds:7.2f} s = {count / read_seconds:8.1f} docs/s   "
          f"read+structure {read_seconds + structure_seconds:7.2f} s = "
          f"{count / (read_seconds + structure_seconds):8.1f} docs/s   not coded {failures}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--limit", type=int, default=5000)
    args = parser.parse_args()
    settings = config.load()
    corpus = args.shared / "corpus"
    from thucydides.structure.resources import gazetteer

    gazetteer()  # load the gazetteer and the language model outside the timed loops
    from thucydides.structure.language import identify

    identify("warm up the identifier")
    cases = [
        ("text", [str(REPO / "samples" / f) for f in sorted((REPO / "samples").glob("*.txt"))]),
        ("jsonl", [str(corpus / "articles" / "reuters21578_1987.jsonl")]),
        ("html", [str(corpus / "html" / "pages")]),
        ("feed", [str(corpus / "feeds")]),
        ("warc", [str(corpus / "warc" / "news_pages_assembled.warc.gz")]),
    ]
    print(f"reading throughput (limit {args.limit} documents per format; machine: 2 cores)")
    for label, inputs in cases:
        if label != "text" and not corpus.exists():
            print(f"{label:<10} skipped: {corpus} not found")
            continue
        measure(label, inputs, settings, args.limit)
    # gzip-compressed JSON Lines, streamed
    if corpus.exists():
        data = (corpus / "articles" / "reuters21578_1987.jsonl").read_bytes()
        tmp = REPO / "bench" / "out"
        tmp.mkdir(exist_ok=True)
        (tmp / "reuters.jsonl.gz").write_bytes(gzip.compress(data, compresslevel=1))
        measure("jsonl.gz", [str(tmp / "reuters.jsonl.gz")], settings, args.limit)


if __name__ == "__main__":
    main()
