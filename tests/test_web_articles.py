"""The article list (issue 17 part 6): full-text search with facets over a store built by hand (no model),
the search index kept in step with the articles and built on upgrade, the same search on PostgreSQL, HTML
error pages for browsers, and the API docs served with no network."""

from __future__ import annotations

import re
import sqlite3

import pytest

from thucydides.store import SCHEMA_VERSION, Store
from thucydides.store.search import ArticleQuery, fts_expression, search_articles, search_terms
from thucydides.types import Article, InputRef

ORIGIN = "http://127.0.0.1:8000"
HTML = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}  # what a browser sends


def _article(article_id, outlet, published, headline, text, kinds=()):
    sources = tuple({"name": f"{kind} source", "kind": kind, "code": None, "mentions": 1} for kind in kinds)
    return Article(id=article_id, ref=InputRef(f"/private/{article_id}.txt"), format="text", text=text,
                   headline=headline, outlet=outlet, published=published, sources=sources)


# (id, outlet, published, headline, text, kinds of the sources it cites)
ROWS = [
    ("kh-1", "Reuters", "2024-05-06", "Russian missiles strike Kharkiv",
     "KYIV, May 6 (Reuters) - Russian missiles struck Kharkiv on Monday, officials said.", ("anonymous",)),
    ("kh-2", "TASS", "2024-05-07T09:30:00+03:00", "Kremlin comments on Kharkiv",
     "MOSCOW - Peskov said the strikes on Kharkiv hit military targets.", ("named", "publisher")),
    ("talks", "AP", "2024-06", "Peace talks resume in Istanbul",
     "ISTANBUL - Peace talks between the delegations resumed, the Washington Post reported.", ("outlet", "anonymous")),
    ("cafe", "AFP", "2023", "Café reopens in Kyiv", "A café in Kyiv reopened after repairs; a 東京 delegation came.", ()),
    ("undated", "Reuters", None, "Sanctions on Iran", "Washington announced sanctions on Iran's oil exports.",
     ("institution",)),
    ("evil/1", "<b>Outlet</b>", "2024-05-08", "<script>alert(1)</script> Kharkiv",
     'A text with "quotes" and OR NEAR AND in it.', ()),
]
ARTICLES = [_article(*row) for row in ROWS]


def _store(path) -> str:
    with Store(path) as store:
        run = store.begin_run(pipeline_version="t", settings={}, inputs=[])
        for article in ARTICLES:
            store.write_article(article, run, "t")
    return str(path)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return _store(tmp_path_factory.mktemp("articles") / "store.db")


@pytest.fixture(scope="module")
def client(db_path):
    from fastapi.testclient import TestClient

    from thucydides.web.app import create_app

    return TestClient(create_app(db_path), base_url=ORIGIN, raise_server_exceptions=False)


def _ids(client, **params):
    response = client.get("/api/articles", params=params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


# (q, facets, expected ids, newest first and undated last, same on PostgreSQL)
SEARCHES = [
    ("Kharkiv", {}, ["evil/1", "kh-2", "kh-1"], True),
    ("kharkiv", {}, ["evil/1", "kh-2", "kh-1"], True),  # case
    ("missile", {}, ["kh-1"], True),  # the stem: "missiles" in the text
    ("strikes", {}, ["kh-2", "kh-1"], True),  # "strike" in one headline, "strikes" in the other text
    ("kharkiv kremlin", {}, ["kh-2"], True),  # every word must match
    ('"peace talks"', {}, ["talks"], True),  # a phrase
    ('"talks peace"', {}, [], True),  # ... in its order
    ("sanctions", {}, ["undated"], True),
    ("nothingmatcheshere", {}, [], True),
    ("cafe", {}, ["cafe"], False),  # diacritics folded (SQLite only: PostgreSQL's english config keeps them)
    ("Café", {}, ["cafe"], True),
    ("東京", {}, ["cafe"], True),
    ("OR", {}, ["evil/1"], False),  # an FTS operator is a plain word (a stop word on PostgreSQL)
    ("NEAR", {}, ["evil/1"], True),
    ("", {}, ["talks", "evil/1", "kh-2", "kh-1", "cafe", "undated"], True),  # June 2024 is after May 8
    ("", {"outlet": "reuters"}, ["kh-1", "undated"], True),  # outlet case-insensitive
    ("kharkiv", {"outlet": "TASS"}, ["kh-2"], True),
    ("", {"outlet": "Nobody"}, [], True),
    ("", {"since": "2024-06-15"}, ["talks"], True),  # a month-dated article spans its month
    ("", {"until": "2023-12-31"}, ["cafe"], True),  # a year-dated article spans its year
    ("", {"since": "2024-05-07", "until": "2024-05-07"}, ["kh-2"], True),  # a timestamp's day
    ("", {"since": "2024-05"}, ["talks", "evil/1", "kh-2", "kh-1"], True),  # undated articles match no date
    ("kharkiv", {"since": "2024", "until": "2024-05-06"}, ["kh-1"], True),
    ("", {"source": "anonymous"}, ["talks", "kh-1"], True),
    ("", {"source": "outlet"}, ["talks"], True),  # relays another outlet
    ("iran", {"source": "institution"}, ["undated"], True),
    ("iran", {"source": "named"}, [], True),
]


@pytest.mark.parametrize(("q", "params", "expected", "_pg"), SEARCHES, ids=[f"{s[0]!r} {s[1]}" for s in SEARCHES])
def test_search_and_facets(client, q, params, expected, _pg):
    assert _ids(client, q=q, **params) == expected
    assert client.get("/api/articles", params={"q": q, **params}).json()["total"] == len(expected)


# text a user may type: never an error, operators are words
HOSTILE = ['"', '""', '"unbalanced phrase', "OR", "AND NOT", "NEAR(kharkiv kremlin)", "kharkiv*", "*",
           "headline:kharkiv", "-kharkiv", "^kharkiv", "kharkiv + kremlin", "'; DROP TABLE articles; --", "\x00",
           "a\x00b", "\x1b[31m", "🔥", "%", "_", "\\", "<script>alert(1)</script>", "\u202ekharkiv", "Ｋｈａｒｋｉｖ",
           "a" * 6000, " ".join(["kharkiv"] * 500), "{kharkiv}", "kharkiv)", "(", "NOT"]


@pytest.mark.parametrize("q", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_are_text(client, q):
    response = client.get("/api/articles", params={"q": q})
    assert response.status_code == 200, response.text[:300]
    body = response.json()
    assert isinstance(body["total"], int) and body["total"] == len(body["items"]) < len(ARTICLES)
    page = client.get("/articles", params={"q": q}, headers=HTML)
    assert page.status_code == 200 and "<script>alert" not in page.text


@pytest.mark.parametrize(("q", "terms", "fts"), [
    ('Kharkiv "peace talks"', ("Kharkiv", "peace talks"), '"Kharkiv" "peace talks"'),
    ('say "hi', ("say", "hi"), '"say" "hi"'),
    ("NEAR(a b)", ("NEAR(a", "b)"), '"NEAR(a" "b)"'),
    ("🔥 !!! --", (), ""),
    ("a\x00b", ("a", "b"), '"a" "b"'),  # a control character is a space
    ('"a\x00b"', ("a b",), '"a b"'),
])
def test_query_terms(q, terms, fts):
    assert search_terms(q) == terms and fts_expression(terms) == fts
    assert ArticleQuery(text=q).terms == terms


def test_symbols_only_find_nothing_rather_than_everything(client):
    assert _ids(client, q="🔥 !!!") == [] and len(_ids(client, q="   ")) == len(ARTICLES)


def test_undecodable_query_bytes(client):
    for path in ("/api/articles?q=%ED%A0%80kharkiv", "/api/articles?q=%FF%FE", "/articles?q=%ED%A0%80"):
        assert client.get(path).status_code == 200, path


def test_api_shape_and_paging(client):
    body = client.get("/api/articles", params={"q": "kharkiv", "limit": 2, "offset": 1}).json()
    assert set(body) == {"total", "limit", "offset", "items"}
    assert (body["total"], body["limit"], body["offset"]) == (3, 2, 1)
    assert [set(item) for item in body["items"]] == [{"id", "headline", "outlet", "published", "input", "events",
                                                      "quotes"}] * 2
    first = body["items"][0]
    assert first == {"id": "kh-2", "headline": "Kremlin comments on Kharkiv", "outlet": "TASS",
                     "published": "2024-05-07T09:30:00+03:00", "input": "kh-2.txt", "events": 0, "quotes": 0}
    everything = _ids(client, limit=500)
    pages = [_ids(client, limit=2, offset=n) for n in range(0, 8, 2)]
    assert sum(pages, []) == everything and pages[-1] == []
    schema = client.get("/openapi.json").json()
    params = {p["name"] for p in schema["paths"]["/api/articles"]["get"]["parameters"]}
    assert {"q", "outlet", "since", "until", "source", "limit", "offset"} <= params
    assert "/articles" not in schema["paths"] or "get" in schema["paths"]["/articles"]


# (params, status): a bad paging or facet value is the app's usual 422, a bad date its usual 400
BAD = [
    ({"page": "0"}, 422), ({"page": "-1"}, 422), ({"page": "x"}, 422), ({"page": ""}, 422),
    ({"page": str(10**12)}, 422), ({"page": "1.5"}, 422), ({"source": "everyone"}, 422),
    ({"since": "yesterday"}, 400), ({"until": "2024-13"}, 400), ({"since": "2024-06", "until": "2024-05"}, 400),
]


@pytest.mark.parametrize(("params", "status"), BAD, ids=[str(b[0])[:30] for b in BAD])
def test_bad_parameters(client, params, status):
    if "page" not in params:  # the API pages with limit and offset
        assert client.get("/api/articles", params=params).status_code == status
        assert client.get("/api/articles", params=params).headers["content-type"] == "application/json"
    page = client.get("/articles", params=params, headers=HTML)
    assert page.status_code == status and page.headers["content-type"].startswith("text/html")
    assert f'data-status="{status}"' in page.text and "<nav>" in page.text


@pytest.mark.parametrize(("params", "status"), [({"limit": 0}, 422), ({"limit": 501}, 422),
                                                ({"offset": -1}, 422), ({"offset": 2**63}, 422)])
def test_bad_api_paging(client, params, status):
    assert client.get("/api/articles", params=params).status_code == status


def test_page_lists_links_facets_and_pages(client, monkeypatch):
    import html

    monkeypatch.setattr("thucydides.web.articles.PAGE_SIZE", 2)
    page = client.get("/articles", params={"q": "kharkiv"}).text
    assert '<a href="/articles">Articles</a>' in page  # in the nav
    links = re.findall(r'<td><a href="(/articles/[^"]+)">', page)
    assert links == ["/articles/evil%2F1", "/articles/kh-2"]
    assert client.get(links[0]).status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Kharkiv" in page and "<b>Outlet</b>" not in page
    assert 'value="kharkiv"' in page and "1–2 of 3 articles · page 1 of 2" in page
    older = html.unescape(re.search(r'rel="next" href="([^"]+)"', page).group(1))
    assert older == "/articles?q=kharkiv&page=2" and 'rel="prev"' not in page
    second = client.get(older).text
    assert re.findall(r'<td><a href="(/articles/[^"]+)">', second) == ["/articles/kh-1"]
    assert "3–3 of 3 articles · page 2 of 2" in second and 'rel="prev" href="/articles?q=kharkiv"' in second
    beyond = client.get("/articles", params={"q": "kharkiv", "page": 9})
    assert beyond.status_code == 200 and "No articles on page 9" in beyond.text
    # facets count the matches under the other filters; the chosen outlet stays listed with the others
    faceted = client.get("/articles", params={"q": "kharkiv", "outlet": "tass", "source": "named"}).text
    assert '<option value="TASS" selected>TASS (1)</option>' in faceted
    assert '<option value="Reuters">Reuters (0)</option>' not in faceted  # kh-1 cites no named source
    assert '<option value="named" selected>named person (1)</option>' in faceted
    assert '<option value="anonymous">anonymous (0)</option>' in faceted
    empty_form = client.get("/articles", params={"q": "", "outlet": "", "since": "", "until": "", "source": ""})
    assert empty_form.status_code == 200 and "1–2 of 6 articles" in empty_form.text
    assert "/private/" not in client.get("/articles").text


def test_the_index_follows_recoding_and_deletion(tmp_path):
    db = _store(tmp_path / "t.db")
    with Store(db) as store:
        assert [r["id"] for r in search_articles(store, ArticleQuery(text="Istanbul"))[1]] == ["talks"]
        run = store.begin_run(pipeline_version="t2", settings={}, inputs=[])
        recoded = _article("talks", "AP", "2024-06", "Peace talks move to Geneva", "GENEVA - Talks moved.", ())
        store.write_article(recoded, run, "t2")  # --recode: the article is replaced
        assert search_articles(store, ArticleQuery(text="Istanbul"))[0] == 0
        assert [r["id"] for r in search_articles(store, ArticleQuery(text="Geneva"))[1]] == ["talks"]
        with store.transaction():
            store.execute("UPDATE articles SET headline = 'Ceasefire holds', text = 'Guns fell silent.'"
                          " WHERE id = 'cafe'")
        assert search_articles(store, ArticleQuery(text="repairs"))[0] == 0
        assert [r["id"] for r in search_articles(store, ArticleQuery(text="ceasefire silent"))[1]] == ["cafe"]
        with store.transaction():
            store.execute("DELETE FROM articles WHERE id = 'kh-1'")
        assert [r["id"] for r in search_articles(store, ArticleQuery(text="kharkiv"))[1]] == ["evil/1", "kh-2"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM article_search").fetchone()[0] == len(ARTICLES) - 1
        indexed = conn.execute("SELECT count(*) FROM article_search_fts").fetchone()[0]
        assert indexed == len(ARTICLES) - 1
        conn.execute("INSERT INTO article_search_fts(article_search_fts) VALUES ('integrity-check')")


def test_upgrading_a_version_4_store_builds_the_index(tmp_path):
    db = _store(tmp_path / "t.db")
    with sqlite3.connect(db) as conn:  # the store as version 4 left it: no search structures
        for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name LIKE '%search%'"
                                       " AND type IN ('trigger', 'table') AND name NOT LIKE 'article_search_fts_%'"
                                       ).fetchall():
            conn.execute(f"DROP {kind} IF EXISTS {name}")  # noqa: S608 - names from sqlite_master
        conn.execute("DROP INDEX sources_article")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'article_search%'").fetchall()
    with Store(db) as store:
        assert search_articles(store, ArticleQuery(text="kharkiv"))[0] == 3
    with Store(db) as store:  # opening again indexes nothing twice
        assert search_articles(store, ArticleQuery(text="kharkiv"))[0] == 3
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == \
            str(SCHEMA_VERSION) == "5"
        assert conn.execute("SELECT count(*) FROM article_search").fetchone()[0] == len(ARTICLES)
        assert conn.execute("SELECT count(*) FROM article_search_fts").fetchone()[0] == len(ARTICLES)


def test_postgres_schema_has_no_sqlite_search_structures():
    from importlib import resources

    from thucydides.store.search import PG_DOCUMENT
    from thucydides.store.sqlite import _postgres_schema

    script = resources.files("thucydides").joinpath("store", "schema.sql").read_text("utf-8")
    translated = _postgres_schema(script)
    statements = "\n".join(line for line in translated.splitlines() if not line.startswith("--"))
    assert "fts5" not in statements and "TRIGGER" not in statements and "article_search" not in statements
    assert f"USING gin ({PG_DOCUMENT.replace('a.', '')})" in translated
    assert "CREATE TABLE IF NOT EXISTS stories" in translated  # the rest is kept


@pytest.fixture(scope="module")
def postgres_store(postgres_url):
    """A database of its own on the throwaway server (the store tests count the rows of theirs)."""
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS thucydides_search")
        conn.execute("CREATE DATABASE thucydides_search")
    url = postgres_url.replace("/postgres?", "/thucydides_search?")
    with Store(url) as store:
        run = store.begin_run(pipeline_version="t", settings={}, inputs=[])
        for article in ARTICLES:
            store.write_article(article, run, "t")
    return url


@pytest.mark.parametrize(("q", "params", "expected"), [s[:3] for s in SEARCHES if s[3]],
                         ids=[f"{s[0]!r} {s[1]}" for s in SEARCHES if s[3]])
def test_the_same_search_on_postgres(postgres_store, q, params, expected):
    from thucydides.filters import check_values

    with Store(postgres_store) as store:
        checked = check_values({k: v for k, v in params.items() if k != "source"})
        query = ArticleQuery(text=q, source=params.get("source"), **checked)
        total, rows = search_articles(store, query)
        assert [r["id"] for r in rows] == expected and total == len(expected)


def test_postgres_search_uses_the_expression_index(postgres_store):
    from thucydides.store.search import _where

    with Store(postgres_store) as store:
        where, params = _where(store, ArticleQuery(text='kharkiv "peace talks"'))
        store.execute("SET enable_seqscan = off")  # six rows: make the planner show whether it can use the index
        plan = " ".join(row[0] for row in store.execute(f"EXPLAIN SELECT a.id FROM articles a{where}", params))
    assert "articles_search" in plan, plan


def test_hostile_queries_on_postgres(postgres_store):
    with Store(postgres_store) as store:
        for q in HOSTILE:
            total, rows = search_articles(store, ArticleQuery(text=q))
            assert total == len(rows) < len(ARTICLES), q


# -- error pages and the API docs ----------------------------------------------------------------------------

# (method, path, request headers, status, HTML page?)
ERRORS = [
    ("GET", "/nope", HTML, 404, True),
    ("GET", "/nope", {"accept": "*/*"}, 404, False),  # not a browser: JSON as before
    ("GET", "/api/nope", HTML, 404, False),  # the API always answers JSON
    ("GET", "/articles/missing", HTML, 404, True),
    ("GET", "/api/articles/missing", HTML, 404, False),
    ("GET", "/articles?page=0", HTML, 422, True),
    ("GET", "/api/articles?limit=0", HTML, 422, False),
    ("GET", "/events?since=yesterday", HTML, 400, True),
    ("GET", "/api/events?since=yesterday", HTML, 400, False),
    ("GET", "/events?sort=nonsense", HTML, 422, True),
    ("POST", "/articles", HTML, 405, True),
    ("GET", "/events?source=" + "R" * 60_000, HTML, 414, True),  # refused before the app: the same page
    ("GET", "/api/events?source=" + "R" * 60_000, HTML, 414, False),
]


@pytest.mark.parametrize(("method", "path", "headers", "status", "page"), ERRORS,
                         ids=[f"{e[0]} {e[1][:40]} {e[2]['accept'][:9]}" for e in ERRORS])
def test_error_pages_for_browsers(client, method, path, headers, status, page):
    response = client.request(method, path, headers=headers)
    assert response.status_code == status
    if page:
        assert response.headers["content-type"].startswith("text/html")
        assert f'<h1 id="error" data-status="{status}">' in response.text and '<a href="/articles">' in response.text
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
    else:
        assert response.headers["content-type"] == "application/json" and "detail" in response.json()


def test_error_pages_escape_what_they_repeat(client):
    response = client.get("/articles/<script>alert(1)<%2Fscript>", headers=HTML)
    assert response.status_code == 404 and "<script>alert(1)" not in response.text
    assert "&lt;script&gt;" in response.text


def test_docs_are_served_from_this_server(client):
    for path, asset in (("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")):
        page = client.get(path)
        assert page.status_code == 200
        urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert f"/static/docs/{asset}" in urls and all(u.startswith("/static/docs/") for u in urls), urls
        assert "https://" not in page.text and "fonts.googleapis" not in page.text
        policy = page.headers["content-security-policy"]
        assert "https:" not in policy and "script-src 'self' 'unsafe-inline'" in policy
    for asset, kind in (("swagger-ui-bundle.js", "javascript"), ("swagger-ui.css", "text/css"),
                        ("redoc.standalone.js", "javascript"), ("favicon.png", "image/png")):
        response = client.get(f"/static/docs/{asset}")
        assert response.status_code == 200 and kind in response.headers["content-type"]
        assert len(response.content) > 1000
    assert client.get("/static/docs/../../../../etc/passwd").status_code == 404
