"""Thucydides: news dispatches to political event data, with every claim traced to its source."""

from thucydides.config import Settings, load
from thucydides.errors import ThucydidesError
from thucydides.output import article_to_dict
from thucydides.types import Article, Dateline, InputRef, RawDocument, Rejected, Sentence, Span, Token

__version__ = "0.1.0"

__all__ = [
    "Article", "Dateline", "InputRef", "RawDocument", "Rejected", "Sentence", "Settings", "Span",
    "ThucydidesError", "Token", "__version__", "article_to_dict", "load",
]
