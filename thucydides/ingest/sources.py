"""Command-line inputs to concrete sources: files, directories (recursive), globs and ``-`` (stdin).

Inputs that end: directories and ``**`` globs never follow a directory symlink, so a link loop cannot
repeat or hang a run; a file reached twice (a symlink, a hard link, overlapping inputs) is read once; a
FIFO, socket or device met inside a directory or glob is skipped with a reason (named on the command line
it is read: ``<(zcat day.jsonl.gz)`` is a pipe); a directory that cannot be listed is reported.
"""

from __future__ import annotations

import errno
import fnmatch
import glob
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from thucydides.errors import InputError, SkipArticle, SpecialFile, UnreadableInput

STDIN = "-"
_SPECIAL = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
            (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def display(path: str) -> str:
    """``path`` as text that can always be written: a file name that is not UTF-8 shows its bytes as ``\\xff``."""
    if path == STDIN:
        return "<stdin>"
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read, or standard input (``path == "-"``); ``problem`` is set when it is not to be read."""

    path: str  # as the operating system names it (a non-UTF-8 name keeps its surrogate escapes)
    problem: InputError | SkipArticle | None = None

    @property
    def name(self) -> str:
        """The path as written in records and messages."""
        return display(self.path)


def _unreadable(path: str, what: str, exc: OSError | None = None) -> Source:
    reason = f"{what}: {exc.strerror or exc}" if exc is not None else what
    return Source(path, UnreadableInput(reason, source=display(path)))


def _special(mode: int) -> str | None:
    return next((what for test, what in _SPECIAL if test(mode)), None)


def _found(entry: os.DirEntry[str]) -> Source | None:
    """A file met inside a directory or glob as a source; ``None`` for a directory symlink (not followed)."""
    try:
        if entry.is_symlink() and entry.is_dir():
            return None
        what = _special(entry.stat().st_mode)
    except OSError as exc:
        return _unreadable(entry.path, "cannot read", exc)
    if what:
        return Source(entry.path, SpecialFile(f"{what}, skipped inside a directory or glob (name it on the "
                                              "command line to read it)", source=display(entry.path)))
    return Source(entry.path)


def _entries(directory: str, *, hidden: bool = False) -> list[os.DirEntry[str]]:
    with os.scandir(directory) as it:
        return sorted((e for e in it if hidden or not e.name.startswith(".")), key=lambda e: e.name)


def _walk(root: str) -> Iterator[Source]:
    """Every file under ``root``, sorted, hidden ones left out: a directory's files, then its subdirectories."""
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = _entries(directory)
        except OSError as exc:
            yield _unreadable(directory, "cannot list this directory", exc)
            continue
        subdirectories = []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                subdirectories.append(entry.path)
            elif (source := _found(entry)) is not None:
                yield source
        stack.extend(reversed(subdirectories))


def _match(base: str, parts: Sequence[str]) -> Iterator[Source]:
    """Paths under ``base`` matching the pattern ``parts``; ``**`` descends into real directories only."""
    if not parts:
        yield Source(base)
        return
    head, rest = parts[0], parts[1:]
    if head == "**":
        yield from _match(base, rest)
        for directory in _subdirectories(base):
            yield from _match(directory, parts)
        return
    if not glob.has_magic(head):
        path = os.path.join(base, head)
        if os.path.lexists(path):
            yield from _match(path, rest)
        return
    try:
        entries = _entries(base or ".", hidden=head.startswith("."))
    except NotADirectoryError:
        return
    except OSError as exc:
        yield _unreadable(base, "cannot list this directory", exc)
        return
    for entry in entries:
        if not fnmatch.fnmatchcase(entry.name, head):
            continue
        path = os.path.join(base, entry.name)
        if rest:
            yield from _match(path, rest)
        elif entry.is_dir():
            yield Source(path)
        elif (source := _found(entry)) is not None:
            yield Source(path, source.problem)


def _subdirectories(base: str) -> list[str]:
    try:
        return [os.path.join(base, e.name) for e in _entries(base or ".") if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []  # reported when the pattern lists it


def _glob(pattern: str) -> Iterator[Source]:
    parts = pattern.split(os.sep)
    anchor = os.sep if pattern.startswith(os.sep) else ""
    parts = [p for p in parts if p]
    matches = sorted(_match(anchor, parts), key=lambda s: s.path)
    if not matches:
        yield Source(pattern, UnreadableInput("no file matches this pattern", source=display(pattern)))
    for source in matches:
        yield from _walk(source.path) if source.problem is None and os.path.isdir(source.path) else [source]


def _expand_one(item: str) -> Iterator[Source]:
    try:
        info = os.stat(item)
    except OSError as exc:
        if glob.has_magic(item) and exc.errno == errno.ENOENT:
            yield from _glob(item)
        elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
            yield Source(item, UnreadableInput("no such file or directory", source=display(item)))
        else:
            yield _unreadable(item, "cannot read", exc)
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(item)
    else:
        yield Source(item)  # named on the command line: read even if it is a FIFO or a device


def _identity(source: Source) -> tuple[object, ...]:
    """What makes two sources the same file: device and inode when it can be read, else the path."""
    if source.problem is None:
        try:
            info = os.stat(source.path)
            if stat.S_ISREG(info.st_mode):
                return (info.st_dev, info.st_ino)
        except OSError:
            pass
    return (source.path,)


def expand(inputs: Sequence[str]) -> Iterator[Source]:
    """Each input as sources, in the order given; directories and globs expand in sorted order; no file twice."""
    seen: set[tuple[object, ...]] = set()
    for item in inputs:
        if item == STDIN:
            yield Source(STDIN)
            continue
        for source in _expand_one(item):
            key = _identity(source)
            if key not in seen:
                seen.add(key)
                yield source


_ONE_DOCUMENT = (".txt", ".text", ".html", ".htm", ".xhtml", ".md")
_LINES = (".jsonl", ".ndjson")


def count_documents(inputs: Sequence[str], *, limit_bytes: int = 2_000_000_000) -> int | None:
    """How many documents the inputs hold, for a progress line's ETA: one per text or HTML file, one per line
    of a JSON Lines file (counted in a fast pass over the bytes, gzip or not). ``None`` when it cannot be known
    cheaply: standard input, feeds, WARCs, JSON arrays, or more than ``limit_bytes`` to scan."""
    import gzip

    total, scanned = 0, 0
    for source in expand(inputs):
        if source.path == STDIN or source.problem:
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
