"""Offline language identification with py3langid, whose model ships inside the package."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # model ships in the wheel

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` for the first 2,000 characters of ``text``."""
    lang, prob = _identifier().classify(text[:2000])
    return str(lang), float(prob)
