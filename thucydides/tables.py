"""Reading the packaged tab-separated tables (codebook, patterns, lexicons): one place for the format rules.

A line starting with ``#`` is a comment, blank lines are skipped, every other line must have exactly the
expected number of TAB-separated columns; a bad line raises :class:`DictionaryError` naming ``file:line``.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from thucydides.errors import DictionaryError


def packaged(*parts: str) -> Traversable:
    """A file under ``thucydides/data``."""
    return resources.files("thucydides").joinpath("data", *parts)


def rows(source: Path | Traversable, columns: int, *,
         note_optional: bool = False) -> Iterator[tuple[str, list[str]]]:
    """``(file:line, cells)`` for every data line of a table, cells stripped of surrounding spaces.

    ``note_optional``: the last column (a note) may be left off; it then reads as empty.
    """
    try:
        text = source.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DictionaryError("not UTF-8", source=source.name) from exc
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        where = f"{source.name}:{number}"
        if not (columns - note_optional <= len(cells) <= columns):
            raise DictionaryError(f"expected {columns} tab-separated columns, found {len(cells)}", source=where)
        cells += [""] * (columns - len(cells))
        yield where, [cell.strip() for cell in cells]
