"""Reading the packaged tab-separated tables (codebook, patterns, lexicons): one place for the format rules.

A line starting with ``#`` is a comment, blank lines are skipped, every other line must have exactly the
expected number of TAB-separated columns; a bad line raises :class:`DictionaryError` naming ``file:line``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
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


@cache
def named_lists() -> dict[str, tuple[str, ...]]:
    """Every list of ``data/lists.tsv``, by name, in written order."""
    found: dict[str, tuple[str, ...]] = {}
    for where, (name, words, _note) in rows(packaged("lists.tsv"), 3, note_optional=True):
        if name in found:
            raise DictionaryError(f"list {name!r} is defined twice", source=where)
        found[name] = tuple(w.strip() for w in words.split("|") if w.strip())
    return found


def word_list(name: str) -> tuple[str, ...]:
    """The named list of ``data/lists.tsv``, in written order (for lists tried in order)."""
    try:
        return named_lists()[name]
    except KeyError:
        raise DictionaryError(f"no list named {name!r}", source="lists.tsv") from None


def word_set(name: str) -> frozenset[str]:
    """The named list of ``data/lists.tsv`` as a set."""
    return frozenset(word_list(name))


def cell_values(cell: str) -> frozenset[str]:
    """The values of a table cell separated by "|", lower case; ``list:NAME`` stands for every word of that list
    of ``data/lists.tsv`` (after a condition's prefix too: ``subj:list:NAME`` is ``subj:WORD`` for each word);
    ``-``, ``*`` or nothing give none."""
    values: set[str] = set()
    for value in (v.strip().lower() for v in cell.split("|")):
        if value and value not in ("-", "*"):
            prefix, found, name = value.partition("list:")
            values.update(prefix + w for w in word_list(name)) if found else values.add(value)
    return frozenset(values)
