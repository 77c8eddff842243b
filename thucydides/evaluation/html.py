"""Score :func:`thucydides.ingest.html.extract_page` on the corpus's ``html/manifest.jsonl``.

Fundus pages (``truth_kind: "full"``) give title, date, author, paragraph and description figures; the
trafilatura pages (``truth_kind: "snippets"``) give the snippet check rate. Texts are compared after
Unicode NFC and whitespace collapse only (no case or quote folding).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thucydides.errors import ThucydidesError
from thucydides.ingest.encoding import decode
from thucydides.ingest.html import PageExtract, extract_page

__all__ = ["HtmlScores", "PageFailure", "score_html_corpus", "normalise"]


@dataclass(frozen=True, slots=True)
class PageFailure:
    """One check that failed on one page: ``field`` is title/date/authors/paragraph/snippet/error."""

    page: str
    field: str
    expected: str
    got: str


@dataclass(frozen=True, slots=True)
class HtmlScores:
    full_pages: int
    snippet_pages: int
    title_hits: int
    date_hits: int
    author_hits: int
    description_present: int
    paragraphs_expected: int
    paragraphs_found: int
    snippet_checks: int
    snippet_passed: int
    errors: int
    failures: tuple[PageFailure, ...] = field(default=())

    @property
    def title_rate(self) -> float:
        return _rate(self.title_hits, self.full_pages)

    @property
    def date_rate(self) -> float:
        return _rate(self.date_hits, self.full_pages)

    @property
    def paragraph_recall(self) -> float:
        return _rate(self.paragraphs_found, self.paragraphs_expected)

    @property
    def snippet_rate(self) -> float:
        return _rate(self.snippet_passed, self.snippet_checks)

    @property
    def author_rate(self) -> float:
        return _rate(self.author_hits, self.full_pages)

    @property
    def description_rate(self) -> float:
        return _rate(self.description_present, self.full_pages)

    def summary(self) -> str:
        return (f"title {self.title_rate:.3f} ({self.title_hits}/{self.full_pages})  "
                f"date {self.date_rate:.3f} ({self.date_hits}/{self.full_pages})  "
                f"paragraph recall {self.paragraph_recall:.3f} ({self.paragraphs_found}/{self.paragraphs_expected})  "
                f"snippets {self.snippet_rate:.3f} ({self.snippet_passed}/{self.snippet_checks})  "
                f"authors {self.author_rate:.3f}  description {self.description_rate:.3f}  errors {self.errors}")


def _rate(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def normalise(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


@dataclass(slots=True)
class _Tally:
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[PageFailure] = field(default_factory=list)

    def add(self, name: str, amount: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + amount

    def check(self, name: str, ok: bool, page: str, expected: str, got: str) -> None:
        self.add(name, int(ok))
        if not ok:
            self.failures.append(PageFailure(page, name, expected, got))


def score_html_corpus(manifest: Path) -> HtmlScores:
    """Extract every page listed in ``manifest`` and score the results against its expectations."""
    tally = _Tally()
    for record in _records(manifest):
        page = str(record["file"])
        kind = record.get("truth_kind")
        tally.add("full" if kind == "full" else "snippets")
        try:
            data = (manifest.parent / page).read_bytes()
            text, _, _ = decode(data, source=page)
            extract = extract_page(text, url=record.get("url"), source=page)
        except ThucydidesError as exc:
            tally.add("errors")
            tally.failures.append(PageFailure(page, "error", "", str(exc)))
            extract = PageExtract(None, (), (), None, None, None, None, None)
        if kind == "full":
            _score_full(tally, page, record["expected"], extract)
        else:
            _score_snippets(tally, page, record["expected"], extract)
    c = tally.counts
    return HtmlScores(
        full_pages=c.get("full", 0), snippet_pages=c.get("snippets", 0), title_hits=c.get("title", 0),
        date_hits=c.get("date", 0), author_hits=c.get("authors", 0),
        description_present=c.get("description", 0), paragraphs_expected=c.get("paragraphs", 0),
        paragraphs_found=c.get("paragraph", 0), snippet_checks=c.get("snippet_checks", 0),
        snippet_passed=c.get("snippet", 0), errors=c.get("errors", 0), failures=tuple(tally.failures),
    )


def _records(manifest: Path) -> list[dict[str, Any]]:
    lines = manifest.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _score_full(tally: _Tally, page: str, expected: dict[str, Any], extract: PageExtract) -> None:
    want_title, got_title = normalise(expected.get("title")), normalise(extract.title)
    tally.check("title", want_title == got_title, page, want_title, got_title)
    want_date = str(expected.get("publishing_date") or "")[:10]
    got_date = (extract.published or "")[:10]
    tally.check("date", want_date == got_date, page, want_date, got_date)
    want_authors = [normalise(a) for a in expected.get("authors") or []]
    got_authors = [normalise(a) for a in extract.authors]
    tally.check("authors", want_authors == got_authors, page, "; ".join(want_authors), "; ".join(got_authors))
    tally.add("description", int(bool(extract.description)))
    body = normalise("\n".join(extract.paragraphs))
    for paragraph in expected.get("paragraphs") or []:
        tally.add("paragraphs")
        want = normalise(paragraph)
        tally.check("paragraph", want in body, page, want, "")


def _score_snippets(tally: _Tally, page: str, expected: dict[str, Any], extract: PageExtract) -> None:
    body = normalise("\n".join(extract.paragraphs))
    for snippet in expected.get("body_must_contain") or []:
        tally.add("snippet_checks")
        tally.check("snippet", normalise(snippet) in body, page, f"contains: {snippet}", "")
    for snippet in expected.get("body_must_not_contain") or []:
        tally.add("snippet_checks")
        tally.check("snippet", normalise(snippet) not in body, page, f"lacks: {snippet}", "")
