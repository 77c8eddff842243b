"""Shared fixtures. Tests that need ../shared skip cleanly when it is absent; the spaCy model loads once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from thucydides import config
from thucydides.types import InputRef, RawDocument

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"
TODAY = date(2026, 11, 28)  # fixed "today" so year inference is reproducible


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not available ({path})")
    return path


@pytest.fixture(scope="session")
def settings() -> config.Settings:
    return config.load()


@pytest.fixture(scope="session")
def nlp():
    from thucydides.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def coder(settings, nlp):
    from thucydides.pipeline import Coder

    return Coder(settings, today=TODAY, nlp=nlp)


def raw_text(text: str, **meta) -> RawDocument:
    """A plain-text raw document built by hand, as the text reader would produce it."""
    return RawDocument(ref=InputRef(meta.pop("path", "test.txt")), format=meta.pop("format", "text"), text=text, **meta)


@pytest.fixture(scope="session")
def actor_dictionary():
    from thucydides.actors import default_dictionary

    return default_dictionary()


@pytest.fixture(scope="session")
def resolve(nlp, actor_dictionary):
    """resolve(text, date, dateline_country) -> actor mentions, parsing ``text`` with the real model."""
    from thucydides.actors import Resolver
    from thucydides.nlp import Parser
    from thucydides.structure.dateline import find_dateline
    from thucydides.types import Article, Span

    parser, resolver = Parser(nlp), Resolver(actor_dictionary)

    def run(text: str, on: str | date = "2022-11-06", country: str | None = None):
        when = on if isinstance(on, date) else date.fromisoformat(on)
        dateline = find_dateline(text)  # as the structure stage does: the dateline is not parsed
        article = Article(id="t", ref=InputRef("t"), format="text", text=text, paragraphs=(Span(0, len(text)),),
                          dateline=dateline)
        parsed = parser([article])[0]
        return resolver.sentences(parsed.sentences, text, on=when, country=country)

    return run


# Rows of the actor table (tests/data/actor_mentions.tsv) that did not resolve, for the terminal summary.
ACTOR_TABLE_FAILURES: list[str] = []


def pytest_terminal_summary(terminalreporter):
    if ACTOR_TABLE_FAILURES:
        terminalreporter.section("actor table: mentions that did not resolve as expected")
        for line in ACTOR_TABLE_FAILURES:
            terminalreporter.write_line(line)


@pytest.fixture
def run_cli():
    """run_cli(*args) -> click's Result for ``thucydides *args``."""
    from click.testing import CliRunner

    from thucydides.cli import main

    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args))
