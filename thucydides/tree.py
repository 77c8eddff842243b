"""The dependency tree of a parsed sentence, read from plain :class:`~thucydides.types.Token` values
(no spaCy): the children of every token, and the tokens a word governs."""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.types import Token


def children(tokens: Sequence[Token]) -> list[list[int]]:
    """``kids[i]``: the indices of the tokens whose head is token ``i``, in sentence order."""
    out: list[list[int]] = [[] for _ in tokens]
    for token in tokens:
        if token.head != token.i:
            out[token.head].append(token.i)
    return out


def subtree(kids: list[list[int]], root: int) -> set[int]:
    """Token ``root`` and every token it governs, directly or not."""
    out, todo = set(), [root]
    while todo:
        k = todo.pop()
        if k not in out:
            out.add(k)
            todo.extend(kids[k])
    return out


def bounds(kids: list[list[int]], root: int) -> tuple[int, int]:
    """The first and last token index of ``root``'s subtree."""
    nodes = subtree(kids, root)
    return min(nodes), max(nodes)
