"""Gold measures the coder; it is never a list of cases to fix. No file of the project may share eight
consecutive words with a record of ``../shared/gold/``, or with a span of the attribution annotations made before
the coder read their articles (``tests/data/attribution/unseen.jsonl``, offsets into ``../shared/corpus``): not
verbatim, and not with the names swapped.

A run with the names swapped is found by masking every word that starts with a capital letter or a digit on
both sides ("Ruritania said on Monday that its army had entered" and "Freedonia said on Friday that its army had
entered" are the same run); such a run counts only when at least six of its eight words are ordinary lower-case words, so that a
list of names ("U.S. President Barack Obama and Russian President ...") is not taken for a copied sentence.
Skips when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold"
RUN = 8
MIN_PLAIN = 6  # ordinary words a masked run must hold
SCANNED = ("thucydides", "tests", "bench", "samples", "docs", "README.md")
SUFFIXES = frozenset({".py", ".tsv", ".md", ".txt", ".json", ".jsonl", ".html", ".toml"})
_WORD = re.compile(r"[A-Za-z0-9]+")

pytestmark = [pytest.mark.shared, pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold is absent")]


def words(text: str, masked: bool) -> list[str]:
    """The text's words, lower case; with ``masked``, every name or number becomes '#'."""
    out = []
    for w in _WORD.findall(text):
        out.append("#" if masked and (w[0].isupper() or w[0].isdigit()) else w.lower())
    return out


def runs(ws: list[str], masked: bool):
    for i in range(len(ws) - RUN + 1):
        run = tuple(ws[i:i + RUN])
        if not masked or sum(w != "#" for w in run) >= MIN_PLAIN:
            yield run


def gold_runs(masked: bool) -> dict[tuple[str, ...], str]:
    found: dict[tuple[str, ...], str] = {}
    for path in sorted(GOLD.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                for run in runs(words(record.get("text") or "", masked), masked):
                    found.setdefault(run, f"{path.name}:{record.get('id')}")
    for where, text in annotated_spans():
        for run in runs(words(text, masked), masked):
            found.setdefault(run, where)
    return found


def annotated_spans():
    """``(where, text)`` of every annotated span of unseen.jsonl whose record is in ../shared."""
    records: dict[str, dict[str, str]] = {}
    path = ROOT / "tests" / "data" / "attribution" / "unseen.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        note = json.loads(line)
        source = GOLD.parent / note["source"]
        if not source.is_file():
            continue
        if note["source"] not in records:
            with source.open(encoding="utf-8") as handle:
                records[note["source"]] = {str(r["id"]): r["text"] for r in map(json.loads, handle)}
        text = records[note["source"]].get(str(note["record_id"]), "")
        for quote in note["quotes"]:
            yield f"unseen.jsonl:{note['record_id']}", text[quote["start"]:quote["end"]]


def project_files():
    for name in SCANNED:
        path = ROOT / name
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in SUFFIXES)


@pytest.mark.parametrize("masked", [False, True], ids=["verbatim", "names-swapped"])
def test_no_file_shares_eight_words_with_gold(masked):
    gold = gold_runs(masked)
    shared = []
    for path in project_files():
        seen = set()
        for run in runs(words(path.read_text(encoding="utf-8", errors="replace"), masked), masked):
            record = gold.get(run)
            if record and record not in seen:
                seen.add(record)
                shared.append(f"{path.relative_to(ROOT)}: '{' '.join(run)}' ({record})")
    assert not shared, "text shared with ../shared/gold:\n" + "\n".join(shared)


def test_masking_finds_a_run_whose_names_were_swapped():
    # the mechanism on team-written text: swapping a name changes the verbatim runs, not the masked ones
    ours = "Ruritania said on Monday that its army had entered the town"
    swapped = ours.replace("Ruritania", "Freedonia").replace("Monday", "Friday")
    assert set(runs(words(ours, True), True)) == set(runs(words(swapped, True), True)) != set()
    assert not set(runs(words(ours, False), False)) & set(runs(words(swapped, False), False))
    # a run of names with too few ordinary words is not a copied sentence
    assert not list(runs(words("Presidents Ann Bo and Cy Dee of Ruritania met", True), True))
