"""Thucydides: news dispatches to political event data, with every claim traced to its source.

``thucydides.load()`` returns the Python API's :class:`~thucydides.api.Pipeline` (docs/python.md). It and the
pipeline are imported on first use, so ``import thucydides`` loads neither spaCy nor the coding stages.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from thucydides.config import Settings
from thucydides.errors import ThucydidesError
from thucydides.output import article_to_dict
from thucydides.types import Article, Dateline, InputRef, RawDocument, Rejected, Sentence, Span, Token

if TYPE_CHECKING:
    from thucydides.api import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Article", "Dateline", "InputRef", "Pipeline", "RawDocument", "Rejected", "Sentence", "Settings", "Span",
    "ThucydidesError", "Token", "__version__", "article_to_dict", "load",
]


def load(config: str | os.PathLike[str] | Settings | None = None) -> Pipeline:
    """The coding pipeline with its spaCy model loaded: ``nlp = thucydides.load()``, then ``nlp(text)`` or
    ``nlp.pipe(texts)``. ``config``: a TOML settings file (as ``thucydides code --config``) or
    :class:`Settings`; ``None``, the packaged defaults. Settings alone: ``thucydides.config.load``."""
    from thucydides.api import load as load_pipeline

    return load_pipeline(config)


def __getattr__(name: str) -> Any:
    if name == "Pipeline":  # imported on first use: it imports the pipeline's stages
        from thucydides.api import Pipeline

        return Pipeline
    raise AttributeError(f"module 'thucydides' has no attribute {name!r}")
