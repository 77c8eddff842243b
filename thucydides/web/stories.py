"""The stories: ``GET /api/stories`` and ``/api/stories/{id}`` (the objects `thucydides stories --format json`
prints, a story with the relays among its articles as `thucydides relays --format json` prints them),
``GET /api/relays``, the list ``/stories`` and the story page ``/stories/{id}``: the story's articles side by
side with their retold claims linked, additions, changes and drops marked (:mod:`thucydides.web.story_view`),
and the relay graph (:mod:`thucydides.web.story_graph`).

The store's stories and relays are kept up to date by whatever stores articles (``code --db``, the paste
form); these routes only read. A story's page or object for an id the store does not hold is a 404; a page,
``min_articles`` or ``kind`` out of range a 422, as on the other routes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import ceil
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import HTMLResponse

from thucydides.store import Store
from thucydides.store.relays import listing as relay_listing
from thucydides.web.render import templates
from thucydides.web.story_graph import relay_graph
from thucydides.web.story_view import ADDED_KINDS, CHANGE_KINDS, columns, counts

MAX_ID = 2**63 - 1  # SQLite's largest integer
PAGE_SIZE = 20  # stories a page of /stories and /api/stories holds
MIN_ARTICLES = 2  # the list's default: stories told by at least two articles
RELAY_KINDS = ("named", "unnamed", "syndicated")
_STORIES = "SELECT id, first_date, last_date, num_articles, num_outlets, headline FROM stories"
_ORDER = " ORDER BY last_date IS NULL, last_date DESC, id"  # as store.stories.listing: newest first


def story_page(db: Store, *, min_articles: int, page: int) -> tuple[int, list[dict[str, Any]]]:
    """The number of stories of ``min_articles`` or more articles, and the stories of one page of them: each
    the object ``store.stories.listing`` gives, in its order."""
    total = int(db.execute("SELECT count(*) FROM stories WHERE num_articles >= ?", (min_articles,)).fetchone()[0])
    rows = db.execute(_STORIES + " WHERE num_articles >= ?" + _ORDER + " LIMIT ? OFFSET ?",
                      (min_articles, PAGE_SIZE, (page - 1) * PAGE_SIZE)).fetchall()
    return total, _with_articles(db, rows)


def story(db: Store, story_id: int) -> dict[str, Any] | None:
    """One story as ``store.stories.listing`` gives it, or None."""
    rows = db.execute(_STORIES + " WHERE id = ?", (story_id,)).fetchall()
    found = _with_articles(db, rows)
    return found[0] if found else None


def _with_articles(db: Store, rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    if not rows:
        return []
    marks = ",".join("?" * len(rows))
    members: dict[int, list[dict[str, Any]]] = {int(r[0]): [] for r in rows}
    for story_id, article_id, outlet, published, headline in db.execute(
            "SELECT s.story_id, a.id, a.outlet, a.published, a.headline FROM story_articles s JOIN articles a"
            f" ON a.id = s.article_id WHERE s.story_id IN ({marks})"
            " ORDER BY s.story_id, a.published IS NULL, a.published, a.id", tuple(r[0] for r in rows)):
        members[int(story_id)].append({"id": article_id, "outlet": outlet, "published": published,
                                       "headline": headline})
    return [{"story": r[0], "first_date": r[1], "last_date": r[2], "num_articles": r[3], "num_outlets": r[4],
             "headline": r[5], "articles": members[int(r[0])]} for r in rows]


def story_relays(db: Store, articles: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The relays among ``articles`` (and their credits to outlets the store does not hold), in the order of
    ``store.relays.listing``: newest relay first."""
    ids = {a["id"] for a in articles}
    return [r for r in relay_listing(db, articles=ids)
            if r["relay"] in ids and (r["original"] is None or r["original"] in ids)]


def story_of(db: Store, article_id: str, *, min_articles: int = MIN_ARTICLES) -> int | None:
    """The story of an article when it is told by ``min_articles`` or more articles, else None."""
    row = db.execute("SELECT s.id FROM story_articles a JOIN stories s ON s.id = a.story_id"
                     " WHERE a.article_id = ? AND s.num_articles >= ?", (article_id, min_articles)).fetchone()
    return int(row[0]) if row else None


def router(store: Callable[[], Store]) -> APIRouter:
    """The stories' routes over the stores ``store()`` opens."""
    routes = APIRouter()

    def found(story_id: int) -> tuple[dict[str, Any], dict[str, str]]:
        with store() as db:
            item = story(db, story_id)
            if item is None:
                raise HTTPException(404, f"no story {story_id}")
            item["relays"] = story_relays(db, item["articles"])
            ids = [a["id"] for a in item["articles"]]
            marks = ",".join("?" * len(ids))
            texts = dict(db.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", tuple(ids)).fetchall())
        return item, texts

    @routes.get("/api/stories")
    def api_stories(page: int = Query(1, ge=1, le=MAX_ID // PAGE_SIZE),
                    min_articles: int = Query(MIN_ARTICLES, ge=1, le=MAX_ID,
                                              description="Only stories told by at least this many articles"),
                    ) -> dict[str, Any]:
        """Stories, newest first, a page of 20 at a time: each as `thucydides stories --format json` prints it
        (its articles earliest first); ``total`` counts every story of ``min_articles`` or more articles."""
        with store() as db:
            total, items = story_page(db, min_articles=min_articles, page=page)
        return {"total": total, "page": page, "pages": max(ceil(total / PAGE_SIZE), 1), "page_size": PAGE_SIZE,
                "min_articles": min_articles, "items": items}

    @routes.get("/api/stories/{story_id}")
    def api_story(story_id: int = Path(ge=1, le=MAX_ID)) -> dict[str, Any]:
        """One story as `thucydides stories --format json` prints it, with ``relays``: the relays among its
        articles and their credits to outlets not stored, as `thucydides relays --format json` prints them."""
        return found(story_id)[0]

    @routes.get("/api/relays")
    def api_relays(kind: str | None = Query(None, pattern="^(" + "|".join(RELAY_KINDS) + ")?$",
                                            description="named, unnamed or syndicated"),
                   article: str | None = Query(None, description="Only the relays of or by this article (id)"),
                   limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_ID // 2),
                   ) -> dict[str, Any]:
        """Relays, newest first, as `thucydides relays --format json` prints them (docs/relays.md)."""
        with store() as db:
            items = relay_listing(db, kind=kind or None, article=article or None, limit=offset + limit)
        return {"limit": limit, "offset": offset, "items": items[offset:]}

    @routes.get("/stories", response_class=HTMLResponse)
    def stories_page(page: int = Query(1, ge=1, le=MAX_ID // PAGE_SIZE),
                     min_articles: int = Query(MIN_ARTICLES, ge=1, le=MAX_ID)) -> str:
        result = api_stories(page=page, min_articles=min_articles)

        def link(number: int) -> str:
            params = {"min_articles": min_articles} if min_articles != MIN_ARTICLES else {}
            params.update({"page": number} if number > 1 else {})
            return "/stories" + (f"?{urlencode(params)}" if params else "")

        pages = result["pages"]
        return templates.get_template("stories.html").render(
            items=result["items"], total=result["total"], page=page, pages=pages, min_articles=min_articles,
            first=(page - 1) * PAGE_SIZE + 1, last=(page - 1) * PAGE_SIZE + len(result["items"]),
            newer=link(page - 1) if page > 1 else None, older=link(page + 1) if page < pages else None)

    @routes.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_view(story_id: int = Path(ge=1, le=MAX_ID)) -> str:
        item, texts = found(story_id)
        cols, claims = columns(item["articles"], texts, item["relays"])
        outlet = {a["id"]: a for a in item["articles"]}
        table = [{"relay": r, "counts": counts(r), "column": _index(item["articles"], r["relay"]),
                  "original_column": _index(item["articles"], r["original"]),
                  "original": outlet.get(r["original"])} for r in item["relays"]]
        return templates.get_template("story.html").render(
            s=item, columns=cols, claims=claims, graph=relay_graph(item["articles"], item["relays"]),
            relays=table, added_kinds=ADDED_KINDS, change_kinds=CHANGE_KINDS)

    return routes


def _index(articles: Sequence[dict[str, Any]], article_id: str | None) -> int | None:
    return next((i for i, a in enumerate(articles) if a["id"] == article_id), None)
