"""Quality measurement of pipeline stages against the shared development corpus (never shipped data)."""

from thucydides.evaluation.html import HtmlScores, PageFailure, score_html_corpus

__all__ = ["HtmlScores", "PageFailure", "score_html_corpus"]
