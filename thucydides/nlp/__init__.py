"""The only package that imports spaCy: model loading and sentence parsing."""

from thucydides.nlp.model import check_model, load_model, spacy_version
from thucydides.nlp.parse import Parser

__all__ = ["Parser", "check_model", "load_model", "spacy_version"]
