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
