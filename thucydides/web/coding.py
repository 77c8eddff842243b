"""One article pasted into the server (``POST /api/code``, the ``/code`` form): the request, its checks, and
storing the coded article clustered as ``thucydides code --db`` clusters its articles."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import parse_qs

from fastapi import HTTPException
from pydantic import BaseModel, Field, field_validator

from thucydides.config import Settings
from thucydides.store import Store
from thucydides.types import Article

FORM_TYPE = "application/x-www-form-urlencoded"


class CodeRequest(BaseModel):
    text: str | None = Field(default=None, description="Plain-text article (headline, dek and dateline lines allowed)")
    html: str | None = Field(default=None, description="An HTML page to extract the article from")
    published: str | None = Field(default=None, description="Publication date, ISO (YYYY-MM-DD)")
    outlet: str | None = None
    store: bool = Field(default=False, description="Also save the coded article in the store")

    @field_validator("text", "html", "published", "outlet")
    @classmethod
    def _unicode(cls, value: str | None) -> str | None:
        """JSON can spell a lone surrogate (``"\\ud800"``), which is no Unicode text: refused (400)."""
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError(f"a lone surrogate ({value[exc.start]!r}) at character {exc.start} is not "
                                 "Unicode text") from None
        return value


def check(body: CodeRequest) -> None:
    """400 for a request that gives no article or a date that is not ISO."""
    if not (body.text or body.html):
        raise HTTPException(400, "give the article as 'text' or 'html'")
    if body.published is not None:
        try:
            date.fromisoformat(body.published[:10])
        except ValueError as exc:
            raise HTTPException(400, f"'published' is not an ISO date: {body.published!r}") from exc


def form_request(content_type: str, body: bytes) -> CodeRequest:
    """The ``/code`` form's fields as a request that stores the article; 415 for another kind of body."""
    if content_type.split(";")[0].strip().lower() != FORM_TYPE:
        raise HTTPException(415, f"the form is sent as {FORM_TYPE}")
    form = parse_qs(body.decode("utf-8", "replace"))
    return CodeRequest(text=(form.get("text") or [""])[0], published=(form.get("published") or [""])[0] or None,
                       store=True)


def event_keys(db: Store, article_id: str) -> set[tuple[Any, ...]]:
    """The cluster keys (source code, target code, CAMEO) of a stored article's events."""
    rows = db.execute("SELECT source_code, target_code, cameo FROM events WHERE article_id = ?", (article_id,))
    return {tuple(row) for row in rows}


def store_coded(db: Store, article: Article, *, settings: Settings) -> None:
    """Write ``article`` in a run of its own, then rebuild the clusters its events (and those it replaces) belong
    to: the clusters ``thucydides cluster`` would give them; and put it in its story."""
    from thucydides.pipeline import pipeline_version
    from thucydides.stories import Rule
    from thucydides.store.stories import update as update_stories

    version = pipeline_version()
    before = event_keys(db, article.id)
    run = db.begin_run(pipeline_version=version, settings={"api": True}, inputs=["<api>"])
    db.write_article(article, run, version)
    update_stories(db, Rule.from_settings(settings))  # stories and relays first: a syndicated copy counts once
    db.recluster(before | event_keys(db, article.id), window_days=settings.cluster_window_days)
    db.finish_run(run, articles=1, skipped=0, failed=0, seconds=0.0)


def public_input(record: dict[str, Any]) -> dict[str, Any]:
    """An article record with its input named by the file's name only, never by the path it was read from."""
    ref = record.get("input")
    if isinstance(ref, dict) and isinstance(ref.get("path"), str):
        record = {**record, "input": {**ref, "path": file_name(ref["path"])}}
    return record


def file_name(path: str | None) -> str | None:
    """The last part of a path (either slash), e.g. ``corpus.jsonl`` for ``/home/me/corpus.jsonl``."""
    if path is None:
        return None
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or path
