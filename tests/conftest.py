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
