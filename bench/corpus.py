"""The articles the benchmarks share: the samples plus real multi-outlet stories and press releases."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from thucydides.config import Settings
from thucydides.ingest import read
from thucydides.structure import build_article
from thucydides.types import Article, RawDocument

REPO = Path(__file__).resolve().parents[1]


def arguments(doc: str | None, limit: int = 200) -> argparse.Namespace:
    """The options these benchmarks share: where ../shared is and how many articles to use."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--limit", type=int, default=limit)
    return parser.parse_args()


def wire_articles(shared: Path, settings: Settings, limit: int,
                  min_words: int = 100) -> list[tuple[RawDocument, Article]]:
    """Up to ``limit`` (raw document, structured article) pairs of at least ``min_words`` words."""
    inputs = [str(REPO / "samples")]
    for name in ("multi_outlet_samples.jsonl", "official_press_releases_2021_2022.jsonl"):
        path = shared / "corpus" / "articles" / name
        if path.exists():
            inputs.append(str(path))
    out: list[tuple[RawDocument, Article]] = []
    for raw in read(inputs, settings):
        built = build_article(raw, settings, today=date.today()) if isinstance(raw, RawDocument) else raw
        if isinstance(built, Article) and len(built.text.split()) >= min_words:
            out.append((raw, built))
        if len(out) >= limit:
            break
    return out
