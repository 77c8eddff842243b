"""Command-line inputs to concrete sources: files, directories (recursive), globs and ``-`` (stdin)."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read, or standard input (``path == "-"``); ``error`` is set when it cannot be found."""

    path: str
    error: str | None = None


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def expand(inputs: Sequence[str]) -> Iterator[Source]:
    """Each input as sources, in the order given; directories and globs expand in sorted order."""
    seen: set[str] = set()
    for item in inputs:
        if item == STDIN:
            yield Source(STDIN)
            continue
        path = Path(item)
        if path.is_dir():
            candidates: list[Path] = list(_walk(path))
        elif path.exists():
            candidates = [path]
        elif glob.has_magic(item):
            candidates = []
            for match in sorted(glob.glob(item, recursive=True)):
                candidates.extend(_walk(Path(match)) if Path(match).is_dir() else [Path(match)])
            if not candidates:
                yield Source(item, error="no file matches this pattern")
                continue
        else:
            yield Source(item, error="no such file or directory")
            continue
        for candidate in candidates:
            key = str(candidate)
            if key not in seen:
                seen.add(key)
                yield Source(key)


_ONE_DOCUMENT = (".txt", ".text", ".html", ".htm", ".xhtml", ".md")
_LINES = (".jsonl", ".ndjson")


def count_documents(inputs: Sequence[str], *, limit_bytes: int = 2_000_000_000) -> int | None:
    """How many documents the inputs hold, for a progress line's ETA: one per text or HTML file, one per line
    of a JSON Lines file (counted in a fast pass over the bytes, gzip or not). ``None`` when it cannot be known
    cheaply: standard input, feeds, WARCs, JSON arrays, or more than ``limit_bytes`` to scan."""
    import gzip

    total, scanned = 0, 0
    for source in expand(inputs):
        if source.path == STDIN or source.error:
            return None
        name = source.path.lower()
        plain = name[:-3] if name.endswith(".gz") else name
        if plain.endswith(_ONE_DOCUMENT):
            total += 1
            continue
        if not plain.endswith(_LINES):
            return None
        opener = gzip.open if name.endswith(".gz") else open
        try:
            with opener(source.path, "rb") as handle:
                while block := handle.read(1 << 20):
                    total += block.count(b"\n")
                    scanned += len(block)
                    if scanned > limit_bytes:
                        return None
        except OSError:
            return None
    return total
